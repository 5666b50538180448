"""Emergency access ("break the glass") and its review."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.youth.models import Youth
from jeugdketen.youth.validators import normalise_bsn

from . import policy
from .categories import Category, Ground
from .exceptions import NotAllowed
from .models import EmergencyAccess

# A reason must say something: at least this many characters.
MIN_REASON_LENGTH = 20


@audited_atomic
def emergency_access_take(
    *, actor, bsn: str, date_of_birth: date, reason: str, access_point: AccessPoint
) -> EmergencyAccess:
    """Take read access to a youth one has no relationship with, for an emergency. The youth must
    be identified exactly (BSN and date of birth); the reason is mandatory and the grant is flagged
    for review by the privacy officer."""
    professional = policy.professional_of(actor)
    if professional is None or not policy.functions_for_involvement(professional):
        raise NotAllowed(_("Uw functie geeft geen recht op noodtoegang."))
    reason = reason.strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(
            {"reason": _("Beschrijf de reden voor de noodtoegang in minstens %(n)d tekens.") % {"n": MIN_REASON_LENGTH}}
        )
    youth = Youth.objects.filter(bsn=normalise_bsn(bsn), date_of_birth=date_of_birth).first()
    if youth is None:
        probed = Youth.objects.filter(bsn=normalise_bsn(bsn)).first()
        if probed is not None:  # the right BSN with another date of birth: record the attempt
            log_refusal(
                user=actor,
                youth=probed,
                object_type="emergency_access",
                access_point=access_point,
                description="noodtoegang: BSN en geboortedatum komen niet overeen",
            )
        raise ValidationError({"bsn": _("Er is geen jeugdige met dit BSN en deze geboortedatum.")})
    now = timezone.now()
    grant = EmergencyAccess.objects.create(
        professional=professional,
        youth=youth,
        reason=reason,
        started_at=now,
        expires_at=now + timedelta(hours=settings.EMERGENCY_ACCESS_HOURS),
    )
    function = policy.functions_for_involvement(professional)[0]
    log_access(
        user=actor,
        youth=youth,
        event=Event.EMERGENCY,
        grant=policy.Grant(Category.IDENTITY, Ground.EMERGENCY, function, reason[:200]),
        object_type="emergency_access",
        object_ids=[grant.pk],
        access_point=access_point,
        reason=reason,
        description=_("noodtoegang tot %(until)s")
        % {"until": timezone.localtime(grant.expires_at).strftime("%d-%m-%Y %H:%M")},
    )
    from .tasks import notify_privacy_officers

    transaction.on_commit(lambda: notify_privacy_officers.enqueue(grant.pk))
    return grant


@audited_atomic
def emergency_access_review(
    *, actor, emergency: EmergencyAccess, justified: bool, note: str, access_point: AccessPoint
) -> EmergencyAccess:
    if policy.privacy_officer_municipality(actor) != emergency.youth.municipality_id:
        raise NotAllowed(_("Alleen de privacy officer van de woongemeente beoordeelt deze noodtoegang."))
    if emergency.reviewed_at is not None:
        raise ValidationError({"note": _("Deze noodtoegang is al beoordeeld.")})
    note = note.strip()
    if not justified and not note:
        raise ValidationError({"note": _("Licht toe waarom de noodtoegang niet terecht was.")})
    emergency.review_justified = justified
    emergency.review_note = note
    emergency.reviewed_by = actor
    emergency.reviewed_at = timezone.now()
    if not justified:
        emergency.expires_at = min(emergency.expires_at, emergency.reviewed_at)
    emergency.save()
    log_access(
        user=actor,
        youth=emergency.youth_id,
        event=Event.UPDATE,
        grant=policy.privacy_officer_grant(actor),
        object_type="emergency_access",
        object_ids=[emergency.pk],
        access_point=access_point,
        description="noodtoegang beoordeeld: " + ("terecht" if justified else "niet terecht, ingetrokken"),
    )
    return emergency
