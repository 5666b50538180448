"""Reads of the verwijsindex that the pages and the API share. Every read of signals on a youth is
logged for the reader, on the ground of their own signal."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from jeugdketen.access.categories import Category
from jeugdketen.auditlog.services import AccessPoint, Event, log_each

from . import rules
from .models import RegieAgreement, Signal
from .services import OBJECT_TYPE, grant


@dataclass
class MySignal:
    """One of the reader's own active signals, with the other active signals on the same youth
    (the matches) and who holds regie."""

    signal: Signal
    others: list[Signal] = field(default_factory=list)
    regie: RegieAgreement | None = None

    @property
    def youth(self):
        return self.signal.youth

    @property
    def has_match(self) -> bool:
        return bool(self.others)


def _with_people(queryset):
    return queryset.select_related("professional__user", "organisation", "function")


def my_signals(
    *, actor, access_point: AccessPoint, today: date | None = None, signal_id: int | None = None
) -> list[MySignal]:
    """The actor's active signals (or only ``signal_id``), newest first, each with its matches and
    the current regie. Nothing for someone who places no signals."""
    placing = rules.placer(actor)
    if placing is None:
        return []
    professional, function = placing
    today = today or timezone.localdate()
    own = Signal.objects.active(today).filter(professional=professional)
    if signal_id is not None:
        own = own.filter(pk=signal_id)
    own = list(own.select_related("youth").order_by("-placed_on", "-pk"))
    youth_ids = {s.youth_id for s in own}
    others: dict[int, list[Signal]] = defaultdict(list)
    for other in _with_people(
        Signal.objects.active(today).filter(youth_id__in=youth_ids).exclude(professional=professional)
    ).order_by("placed_on", "pk"):
        others[other.youth_id].append(other)
    active_ids = {s.pk for s in own} | {s.pk for group in others.values() for s in group}
    regie: dict[int, RegieAgreement] = {}
    for agreement in (
        RegieAgreement.objects.filter(youth_id__in=youth_ids)
        .select_related("recorded_by__user", "holder__professional__user", "holder__organisation", "holder__function")
        .order_by("youth_id", "-recorded_at", "-pk")
    ):
        # The latest agreement counts while its holder's signal is active.
        if agreement.youth_id not in regie:
            regie[agreement.youth_id] = agreement if agreement.holder_id in active_ids else None
    rows = [MySignal(signal=s, others=others.get(s.youth_id, []), regie=regie.get(s.youth_id)) for s in own]
    log_each(
        [(row.signal.youth_id, row.signal.pk, grant(function)) for row in rows],
        user=actor,
        event=Event.READ,
        object_type=OBJECT_TYPE,
        access_point=access_point,
        description="verwijsindex: eigen signalen en matches",
        categories=(Category.IDENTITY,),
    )
    return rows


def my_signal(*, actor, signal_id: int, access_point: AccessPoint, today: date | None = None) -> MySignal:
    """One of the actor's own active signals; 404 for anyone else's (the same for missing)."""
    from jeugdketen.access.exceptions import NotFoundOrForbidden

    rows = my_signals(actor=actor, access_point=access_point, today=today, signal_id=signal_id)
    if not rows:
        raise NotFoundOrForbidden
    return rows[0]


def for_family(youth_ids, *, today: date | None = None) -> dict[int, list[Signal]]:
    """The active signals on these youths, for the family's overview (who placed them and how to
    reach them); the caller has checked that the reader may see each youth. The police's
    involvement is police data, withheld from the family (UAVG art. 41; docs/privacy.md)."""
    from jeugdketen.access.policy import POLICE_FUNCTION

    today = today or timezone.localdate()
    result: dict[int, list[Signal]] = defaultdict(list)
    signals = Signal.objects.active(today).filter(youth_id__in=youth_ids).exclude(function__code=POLICE_FUNCTION)
    for signal in _with_people(signals).order_by("placed_on", "pk"):
        result[signal.youth_id].append(signal)
    return result


def match_count(actor, *, today: date | None = None) -> int:
    """How many of the actor's active signals have a match (for the navigation; no child data)."""
    placing = rules.placer(actor)
    if placing is None:
        return 0
    today = today or timezone.localdate()
    own = Signal.objects.active(today).filter(professional=placing[0]).values("youth_id")
    return (
        Signal.objects.active(today)
        .filter(youth_id__in=own)
        .exclude(professional=placing[0])
        .values("youth_id")
        .distinct()
        .count()
    )
