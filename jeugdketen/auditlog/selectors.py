from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotFoundOrForbidden

from .models import AccessLogEntry
from .services import AccessPoint, Event, log_access, log_refusal


def access_log_for_youth(
    *,
    actor,
    youth,
    access: policy.YouthAccess,
    access_point: AccessPoint,
    since: date | None = None,
    until: date | None = None,
    export: bool = False,
) -> QuerySet[AccessLogEntry]:
    """A youth's access log, for those allowed to see it (privacy officer; parent and youth for
    who looked). Reading the log is itself logged."""
    ground = policy.may_view_access_log(actor, access)
    if ground is None:
        log_refusal(user=actor, youth=youth, object_type="access_log", access_point=access_point)
        raise NotFoundOrForbidden
    entries = AccessLogEntry.objects.filter(youth=youth)
    if ground != policy.Ground.PRIVACY_OFFICER:
        # Access by the police is withheld from the parent and the youth (a restriction under
        # UAVG art. 41 for police data); the privacy officer sees every entry.
        entries = entries.exclude(function_code=policy.POLICE_FUNCTION)
    tz = timezone.get_current_timezone()
    if since:
        entries = entries.filter(timestamp__gte=datetime.combine(since, time.min, tzinfo=tz))
    if until:
        entries = entries.filter(timestamp__lt=datetime.combine(until + timedelta(days=1), time.min, tzinfo=tz))
    if ground == policy.Ground.PRIVACY_OFFICER:
        grant = policy.privacy_officer_grant(actor)
    else:
        grant = access.primary_grant
    log_access(
        user=actor,
        youth=youth,
        event=Event.EXPORT if export else Event.READ,
        grant=grant or policy.Grant(policy.Category.IDENTITY, ground, None),
        object_type="access_log",
        access_point=access_point,
        description=f"periode {since or '…'} t/m {until or '…'}",
    )
    return entries
