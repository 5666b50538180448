"""Reads of signals that the inbox page, the navigation and the API share. A signal shows only the
case reference, its kind and its date, but which cases stagnate is still youth data: every list
is logged per signal, in the plan category, on the recipient's involvement in the case."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each, log_refusal

from . import recipients
from .models import Signal

OBJECT_TYPE = "signal"


def open_signal_count(user) -> int:
    """The number of open signals in ``user``'s inbox, for the navigation: one query (none for an
    anonymous user). A number only, so nothing to log."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return recipients.addressed_to(user, timezone.localdate(), open_only=True).count()


def inbox(user, *, today: date | None = None) -> QuerySet[Signal]:
    """The open signals addressed to ``user``, earliest date first, each with ``via_function_id``:
    the function of the user's involvement in the case (the grant the listing is logged on)."""
    today = today or timezone.localdate()
    via = (
        recipients.plan_involvements(today)
        .filter(professional__user=user, case_id=OuterRef("case_id"))
        .order_by("since", "pk")
        .values("function_id")[:1]
    )
    return (
        recipients.addressed_to(user, today, open_only=True)
        .select_related("case")
        .annotate(via_function_id=Subquery(via))
        .order_by("due_on", "kind", "pk")
    )


def _grant(actor, signal: Signal, functions: dict) -> policy.Grant:
    function = functions.get(getattr(signal, "via_function_id", None))
    return policy.Grant(Category.PLAN, Ground.CASE_INVOLVEMENT, function, signal.case.reference, True)


def log_listed(*, actor, signals: Iterable[Signal], access_point: AccessPoint, description: str) -> None:
    """One access-log entry per signal shown in a list."""
    professional = policy.professional_of(actor)
    functions = {f.pk: f for f in professional.functions.all()} if professional else {}
    log_each(
        ((s.case.youth_id, s.pk, _grant(actor, s, functions)) for s in signals),
        user=actor,
        event=Event.LIST,
        object_type=OBJECT_TYPE,
        access_point=access_point,
        description=description,
        categories=[Category.PLAN],
    )


def my_signals(*, actor, access_point: AccessPoint, today: date | None = None) -> list[Signal]:
    """The actor's open signals, logged as a list."""
    if policy.professional_of(actor) is None:
        return []
    signals = list(inbox(actor, today=today))
    log_listed(actor=actor, signals=signals, access_point=access_point, description="Signalen")
    return signals


def signal_for_recipient(
    *, actor, signal_id: int, access_point: AccessPoint, today: date | None = None, for_update: bool = False
) -> tuple[Signal, policy.Grant]:
    """One signal addressed to the actor (open or not) and the grant to log on, or 404 — the same
    for a signal that does not exist and one that is not the actor's (a refusal is logged)."""
    today = today or timezone.localdate()
    via = (
        recipients.plan_involvements(today)
        .filter(professional__user=actor, case_id=OuterRef("case_id"))
        .order_by("since", "pk")
        .values("function_id")[:1]
    )
    queryset = recipients.addressed_to(actor, today).annotate(via_function_id=Subquery(via))
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    signal = queryset.select_related("case").filter(pk=signal_id).first()
    if signal is None:
        youth_id = Signal.objects.filter(pk=signal_id).values_list("case__youth_id", flat=True).first()
        if youth_id is not None:
            log_refusal(user=actor, youth=youth_id, object_type=OBJECT_TYPE, access_point=access_point)
        raise NotFoundOrForbidden
    professional = policy.professional_of(actor)
    functions = {f.pk: f for f in professional.functions.all()}
    return signal, _grant(actor, signal, functions)


def signal_read(*, actor, signal_id: int, access_point: AccessPoint) -> tuple[Signal, policy.Grant]:
    """One signal for its page (to handle it), logged as a read."""
    signal, grant = signal_for_recipient(actor=actor, signal_id=signal_id, access_point=access_point)
    log_access(
        user=actor,
        youth=signal.case.youth_id,
        event=Event.READ,
        grant=grant,
        object_type=OBJECT_TYPE,
        object_ids=[signal.pk],
        categories=[Category.PLAN],
        access_point=access_point,
        description=f"signaal: {signal.get_kind_display().lower()}",
    )
    return signal, grant
