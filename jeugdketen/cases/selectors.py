"""Reads of cases that pages and the API share. Each one filters by the policy and logs."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, prefetch_related_objects

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each, log_refusal

from .models import Case, Involvement, JournalEntry


@dataclass
class MyCase:
    case: Case
    function_name: str
    is_regisseur: bool


def my_cases(*, actor, access_point: AccessPoint, search: str = "") -> list[MyCase]:
    """The open cases the actor is involved in, soonest next date first. Each youth shown is
    logged as a list view."""
    professional = policy.professional_of(actor)
    if professional is None:
        return []
    involvements = (
        Involvement.objects.active()
        .filter(professional=professional, case__status__in=Case.OPEN_STATUSES)
        .select_related("function", "case__youth", "case__casusregisseur__user")
        .order_by("case__next_date", "case__reference")
    )
    if search:
        involvements = involvements.filter(
            Q(case__youth__first_name__icontains=search)
            | Q(case__youth__last_name__icontains=search)
            | Q(case__reference__icontains=search)
            | Q(case__subject__icontains=search)
        )
    rows: dict[int, MyCase] = {}
    log_rows = []
    for inv in involvements:
        if inv.case_id in rows:
            continue
        rows[inv.case_id] = MyCase(inv.case, inv.function.name, inv.case.casusregisseur_id == professional.pk)
        grant = policy.Grant(Category.IDENTITY, Ground.CASE_INVOLVEMENT, inv.function, inv.case.reference)
        log_rows.append((inv.case.youth_id, inv.case_id, grant))
    log_each(
        log_rows,
        user=actor,
        event=Event.SEARCH if search else Event.LIST,
        object_type="case",
        access_point=access_point,
        description="Mijn casussen",
    )
    return sorted(rows.values(), key=lambda r: (r.case.next_date is None, r.case.next_date or r.case.opened_on))


@dataclass
class CaseView:
    case: Case
    access: policy.YouthAccess
    involvements: list[Involvement]
    journal: list[JournalEntry]
    journal_categories: frozenset[Category]
    writable_categories: frozenset[Category] = field(default_factory=frozenset)

    @property
    def is_regisseur(self) -> bool:
        professional = policy.professional_of(self.access.user)
        return professional is not None and self.case.casusregisseur_id == professional.pk


def cases_of_youth(youth, access: policy.YouthAccess, *, only: int | None = None) -> list[Case]:
    """The youth's cases that the access covers, with current involvements and their contacts."""
    ids = access.case_ids if only is None else access.case_ids & {only}
    cases = list(
        Case.objects.filter(youth=youth, pk__in=ids).select_related(
            "casusregisseur__user", "casusregisseur__organisation"
        )
    )
    return with_involvements(cases, access)


def with_involvements(cases: list[Case], access: policy.YouthAccess) -> list[Case]:
    """Load each case's current involvements with their contacts (one query), as far as the access
    shows them (``policy.involvement_visible``), into ``case.current_involvements``."""
    prefetch_related_objects(
        cases,
        Prefetch(
            "involvements",
            queryset=Involvement.objects.active().select_related(
                "professional__user", "professional__organisation", "function"
            ),
            to_attr="current_involvements",
        ),
    )
    for case in cases:
        case.current_involvements = [
            inv for inv in case.current_involvements if policy.involvement_visible(access, case, inv.function.code)
        ]
    return cases


def journal_for(cases: list[Case], access: policy.YouthAccess) -> dict[int, list[JournalEntry]]:
    """Journal entries of the given cases in the categories the access reads, per case."""
    readable = {case.pk: access.case_categories(case.pk) for case in cases}
    wanted = set().union(*readable.values())
    by_case: dict[int, list[JournalEntry]] = {case.pk: [] for case in cases}
    if not wanted:
        return by_case
    entries = JournalEntry.objects.filter(case__in=[c.pk for c in cases], category__in=wanted).select_related(
        "author__user", "author__organisation", "author_function"
    )
    for entry in entries:
        if entry.category in readable[entry.case_id]:
            by_case[entry.case_id].append(entry)
    return by_case


def visible_case(*, actor, case_id: int, access_point: AccessPoint) -> tuple[Case, policy.YouthAccess]:
    """The case and the actor's access to its youth, or 404 (a refusal is logged). Reads nothing
    of the case's content and logs no read: callers log what they show."""
    case = (
        Case.objects.select_related("youth__municipality", "casusregisseur__user", "casusregisseur__organisation")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise NotFoundOrForbidden
    access = policy.access_for(actor, case.youth)
    if case.pk not in access.case_ids:
        log_refusal(user=actor, youth=case.youth, object_type="case", access_point=access_point)
        raise NotFoundOrForbidden
    return case, access


def case_record(*, actor, case_id: int, access_point: AccessPoint) -> Case:
    """Only the case record (status, dates, regisseur), without involvements and journal: what
    the API's case detail returns. Logged as a read of that record."""
    case, access = visible_case(actor=actor, case_id=case_id, access_point=access_point)
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.READ,
        grant=access.primary_grant,
        object_type="case",
        object_ids=[case.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"casus {case.reference}",
    )
    return case


def case_detail(*, actor, case_id: int, access_point: AccessPoint) -> CaseView:
    case, access = visible_case(actor=actor, case_id=case_id, access_point=access_point)
    [case] = with_involvements([case], access)
    journal = journal_for([case], access)[case.pk]
    categories = access.case_categories(case.pk)
    writable = access.writable_categories(case.pk)
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.READ,
        grant=access.primary_grant,
        object_type="case",
        object_ids=[case.pk, *(f"journal:{e.pk}" for e in journal)],
        categories=categories,
        access_point=access_point,
        description=f"casus {case.reference}",
    )
    return CaseView(case, access, case.current_involvements, journal, categories, writable)
