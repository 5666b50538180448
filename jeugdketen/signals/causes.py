"""The four causes of a signal as set-based queries: for each kind, which objects have the cause
on a given day (the rows a sweep inserts), and which open signals have lost it (the rows a sweep
resolves). No Python loop over agreements: each is one statement in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import (
    DateField,
    DateTimeField,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone

from jeugdketen.cases.models import Case, JournalEntry
from jeugdketen.plans.models import Agreement, Evaluation, Plan

from . import conf
from .models import NazorgContact, Signal

Kind = Signal.Kind
OPEN = Case.OPEN_STATUSES
CLOSED = Case.Status.AFGESLOTEN


def last_activity(case: str = "") -> Greatest:
    """The latest of the case's own change, its plan's change and its newest journal entry, for a
    queryset on Case (``case=""``) or on a model with a ``case`` relation (``case="case__"``)."""
    journal = (
        JournalEntry.objects.filter(case_id=OuterRef(f"{case}pk" if case else "pk"))
        .order_by()
        .values("case_id")
        .annotate(latest=Max("created_at"))
        .values("latest")
    )
    own = F(f"{case}updated_at")
    return Greatest(
        own,
        Coalesce(F(f"{case}plan__updated_at"), own),
        Coalesce(Subquery(journal, output_field=DateTimeField()), own),
        output_field=DateTimeField(),
    )


def silent_before(today: date) -> datetime:
    """A case is silent when its last activity lies before the start of this (local) day."""
    day = today - timedelta(weeks=conf.silent_weeks())
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class Cause:
    kind: str
    # The Signal columns a new signal sets from the source row, in the order of ``rows``.
    columns: tuple[str, ...]


COMMON = ("kind", "case", "due_on", "raised_on", "created_at", "resolution", "handled_note")
CAUSES = {
    Kind.AGREEMENT_OVERDUE: Cause(Kind.AGREEMENT_OVERDUE, (*COMMON, "agreement")),
    Kind.EVALUATION_MISSED: Cause(Kind.EVALUATION_MISSED, (*COMMON, "evaluation")),
    Kind.CASE_SILENT: Cause(Kind.CASE_SILENT, COMMON),
    Kind.NAZORG_DUE: Cause(Kind.NAZORG_DUE, COMMON),
}


def _select(queryset: QuerySet, kind: str, case, due, today: date, extra=None) -> QuerySet:
    """The source rows as the values of a new Signal, annotated in ``Cause.columns`` order."""
    annotations = {
        "s_kind": Value(kind),
        "s_case": case,
        "s_due": due,
        "s_raised": Value(today, output_field=DateField()),
        "s_created": Value(timezone.now(), output_field=DateTimeField()),
        "s_resolution": Value(""),
        "s_note": Value(""),
    }
    if extra is not None:
        annotations["s_extra"] = extra
    # Annotating in this order and selecting in the same order keeps the SELECT list in step with
    # the INSERT's column list; ordering by the key makes concurrent sweeps take locks in one order.
    return queryset.annotate(**annotations).order_by("pk").values(*annotations)


def rows(kind: str, today: date) -> QuerySet:
    """The rows of the signals ``kind`` has on ``today`` (existing ones included: the insert skips them)."""
    if kind == Kind.AGREEMENT_OVERDUE:
        source = Agreement.objects.filter(status=Agreement.Status.OPEN, due_on__lt=today, plan__case__status__in=OPEN)
        return _select(source, kind, F("plan__case_id"), F("due_on"), today, F("pk"))
    if kind == Kind.EVALUATION_MISSED:
        source = Evaluation.objects.filter(held_on__isnull=True, planned_on__lt=today, plan__case__status__in=OPEN)
        return _select(source, kind, F("plan__case_id"), F("planned_on"), today, F("pk"))
    if kind == Kind.CASE_SILENT:
        source = (
            Case.objects.filter(status__in=OPEN)
            .annotate(activity=last_activity())
            .filter(activity__lt=silent_before(today))
        )
        return _select(source, kind, F("pk"), TruncDate("activity"), today)
    if kind == Kind.NAZORG_DUE:
        contact = NazorgContact.objects.filter(plan_id=OuterRef("pk"), due_on=OuterRef("nazorg_on"))
        source = Plan.objects.filter(nazorg_on__lte=today, case__status=CLOSED).exclude(Exists(contact))
        return _select(source, kind, F("case_id"), F("nazorg_on"), today)
    raise ValueError(kind)


def gone(kind: str) -> QuerySet[Signal]:
    """Open signals of ``kind`` whose cause has gone: done or cancelled, the date moved, the
    evaluation held, activity since, the case closed (or, for nazorg, reopened), nazorg recorded."""
    signals = Signal.objects.filter(kind=kind, resolved_at__isnull=True)
    case_closed = ~Q(case__status__in=OPEN)
    if kind == Kind.AGREEMENT_OVERDUE:
        return signals.filter(
            case_closed | ~Q(agreement__status=Agreement.Status.OPEN) | ~Q(agreement__due_on=F("due_on"))
        )
    if kind == Kind.EVALUATION_MISSED:
        return signals.filter(
            case_closed | Q(evaluation__held_on__isnull=False) | ~Q(evaluation__planned_on=F("due_on"))
        )
    if kind == Kind.CASE_SILENT:
        activity = TruncDate(last_activity("case__"))
        return signals.annotate(activity_on=activity).filter(case_closed | Q(activity_on__gt=F("due_on")))
    if kind == Kind.NAZORG_DUE:
        contact = NazorgContact.objects.filter(plan__case_id=OuterRef("case_id"), due_on=OuterRef("due_on"))
        return signals.filter(~Q(case__status=CLOSED) | ~Q(case__plan__nazorg_on=F("due_on")) | Q(Exists(contact)))
    raise ValueError(kind)
