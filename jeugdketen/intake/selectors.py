"""Reads of the toegang that pages and the API share: the inbox, the waiting list with its figures,
one request with its history, and the referrals an organisation received. Each filters by the
policy and logs what it shows."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Case as Case_
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each, log_refusal
from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Organisation, Professional

from . import deadlines
from .models import Answer, ChecklistVersion, Decision, HelpRequest, Referral, Suspension, Triage
from .services import (
    JEUGDCONSULENT,
    REFERRAL_KINDS,
    SAMEN_DOEN,
    TEAMLEIDER,
    _toegang_grant,
    recommendation,
    referral_grant,
    request_term,
    toegang_functions,
    youth_candidates,
)


def toegang_of(actor) -> tuple[int | None, dict]:
    """The municipality whose toegang the actor works at, and the intake functions they hold there."""
    professional = policy.professional_of(actor)
    if professional is None or professional.organisation.kind != Organisation.Kind.GEMEENTE:
        return None, {}
    municipality_id = professional.organisation.municipality_id
    return municipality_id, toegang_functions(actor, municipality_id)


@dataclass
class Row:
    request: HelpRequest
    term: deadlines.Term
    days_open: int
    waiting_days: int | None = None


def _log_rows(actor, requests, access_point: AccessPoint, description: str, search: bool = False) -> None:
    grant = policy.list_grant(actor, Ground.INTAKE)
    log_each(
        ((r.youth_id, r.pk, grant) for r in requests),
        user=actor,
        event=Event.SEARCH if search else Event.LIST,
        object_type="helprequest",
        access_point=access_point,
        description=description,
    )


def _search(queryset, query: str):
    if not query:
        return queryset
    return queryset.filter(
        Q(reference__icontains=query)
        | Q(first_name__icontains=query)
        | Q(last_name__icontains=query)
        | Q(requester_name__icontains=query)
    )


def days_open(request: HelpRequest, today: date) -> int:
    end = request.decided_on if request.status in (HelpRequest.Status.REFERRED, HelpRequest.Status.CLOSED) else None
    return ((end or today) - request.received_on).days


INBOX_STATUSES = {
    "open": (HelpRequest.Status.NEW, HelpRequest.Status.TRIAGE),
    "nieuw": (HelpRequest.Status.NEW,),
    "triage": (HelpRequest.Status.TRIAGE,),
    "verwezen": (HelpRequest.Status.REFERRED,),
    "afgesloten": (HelpRequest.Status.CLOSED, HelpRequest.Status.ASSIGNED),
}
PAGE_SIZE = 25  # a working list: the most urgent first; more pages behind it


@dataclass
class Listing:
    rows: list[Row]
    page: Page | None


def _page(queryset, page_number) -> Page:
    return Paginator(queryset, PAGE_SIZE).get_page(page_number)


def inbox(*, actor, access_point: AccessPoint, status: str = "open", query: str = "", page_number=1) -> Listing:
    """The toegang's inbox: new requests and those in triage (urgent first, then the oldest), or
    another status. Only for those who work at the municipality's toegang."""
    municipality_id, functions = toegang_of(actor)
    if not functions:
        return Listing([], None)
    statuses = INBOX_STATUSES.get(status, INBOX_STATUSES["open"])
    requests = (
        _search(HelpRequest.objects.filter(municipality_id=municipality_id, status__in=statuses), query.strip())
        .defer("question")
        .prefetch_related(Prefetch("suspensions", queryset=Suspension.objects.order_by("started_on")))
    )
    if status in ("open", "nieuw", "triage"):
        urgency = Case_(
            When(urgency=HelpRequest.Urgency.URGENT, then=0),
            When(urgency=HelpRequest.Urgency.SOON, then=1),
            default=2,
        )
        requests = requests.order_by(urgency, "received_at", "pk")
    else:
        requests = requests.order_by("-received_at", "-pk")
    page = _page(requests, page_number)
    shown = list(page.object_list)
    _log_rows(actor, shown, access_point, "inbox Samen Doen", search=bool(query))
    today = timezone.localdate()
    return Listing([Row(r, request_term(r, today), days_open(r, today)) for r in shown], page)


@dataclass
class Caseload:
    consulent: Professional
    open_cases: int
    investigations: int


@dataclass
class WaitingList:
    rows: list[Row]
    median_days: float | None
    longest_days: int | None
    total: int = 0
    page: Page | None = None
    caseloads: list[Caseload] = field(default_factory=list)
    may_assign: bool = False
    municipality_id: int | None = None


def _regisseur_count(statuses) -> Subquery:
    cases = (
        Case.objects.filter(casusregisseur=OuterRef("pk"), status__in=statuses)
        .order_by()
        .values("casusregisseur")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(cases), 0)


def caseloads(municipality_id: int) -> list[Caseload]:
    """Each jeugdconsulent of the municipality with the open cases they hold as casusregisseur and
    how many of those are in investigation: what the teamleider weighs when assigning."""
    consulenten = (
        Professional.objects.filter(
            organisation__kind=Organisation.Kind.GEMEENTE,
            organisation__municipality_id=municipality_id,
            functions__code=JEUGDCONSULENT,
            user__is_active=True,
        )
        .select_related("user")
        .annotate(
            open_cases=_regisseur_count(Case.OPEN_STATUSES),
            in_investigation=_regisseur_count((Case.Status.ONDERZOEK,)),
        )
        .order_by("open_cases", "user__last_name")
    )
    return [Caseload(c, c.open_cases, c.in_investigation) for c in consulenten]


def waiting_list(*, actor, access_point: AccessPoint, query: str = "", page_number=1) -> WaitingList:
    """The wachtlijst jeugdconsulenten: by priority, then the date placed on it; each request's
    waiting time and Awb deadline; the median and the longest wait of the whole list."""
    municipality_id, functions = toegang_of(actor)
    if not functions:
        return WaitingList([], None, None)
    base = HelpRequest.objects.waiting().filter(municipality_id=municipality_id)
    today = timezone.localdate()
    # The figures over the whole list, from one row per day (not per request).
    per_day = base.values_list("waiting_since").annotate(n=Count("pk")).order_by("waiting_since")
    waits = [(today - day).days for day, n in per_day for _ in range(n)]
    requests = (
        _search(base, query.strip())
        .defer("question")
        .prefetch_related(Prefetch("suspensions", queryset=Suspension.objects.order_by("started_on")))
        .order_by("priority", "waiting_since", "received_at", "pk")
    )
    page = _page(requests, page_number)
    shown = list(page.object_list)
    rows = [Row(r, request_term(r, today), days_open(r, today), (today - r.waiting_since).days) for r in shown]
    _log_rows(actor, shown, access_point, "wachtlijst jeugdconsulenten", search=bool(query))
    may_assign = TEAMLEIDER in functions
    return WaitingList(
        rows=rows,
        median_days=statistics.median(waits) if waits else None,
        longest_days=max(waits) if waits else None,
        total=len(waits),
        page=page,
        caseloads=caseloads(municipality_id) if may_assign else [],
        may_assign=may_assign,
        municipality_id=municipality_id,
    )


@dataclass
class RequestView:
    request: HelpRequest
    term: deadlines.Term
    days_open: int
    triage: Triage | None
    answers: list[Answer]
    decisions: list[Decision]
    referrals: list[Referral]
    suspensions: list[Suspension]
    contacts: list
    candidates: list = field(default_factory=list)
    recommendation: str | None = None
    functions: dict = field(default_factory=dict)
    reads_safety: bool = False
    current_version: ChecklistVersion | None = None

    @property
    def is_samen_doen(self) -> bool:
        return SAMEN_DOEN in self.functions

    @property
    def may_take_up(self) -> bool:
        return self.is_samen_doen and self.request.status == HelpRequest.Status.NEW

    @property
    def may_triage(self) -> bool:
        return self.is_samen_doen and self.request.status in (HelpRequest.Status.TRIAGE, HelpRequest.Status.WAITING)

    may_decide = may_triage

    @property
    def may_assign(self) -> bool:
        return TEAMLEIDER in self.functions and self.request.status == HelpRequest.Status.WAITING

    @property
    def may_suspend(self) -> bool:
        return self.is_samen_doen and self.request.is_open

    @property
    def open_suspension(self) -> Suspension | None:
        return next((s for s in self.suspensions if s.ended_on is None), None)

    @property
    def may_contact(self) -> bool:
        return bool(self.functions) and self.request.is_open


def visible_request(*, actor, request_id: int, access_point: AccessPoint) -> tuple[HelpRequest, policy.Grant]:
    request = (
        HelpRequest.objects.select_related("municipality", "youth", "case", "assigned_to__user", "referrer__user")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        raise NotFoundOrForbidden
    grant = _toegang_grant(actor, request, Category.YOUTH_CARE)
    if grant is None:
        log_refusal(
            user=actor,
            youth=request.youth_id,
            object_type="helprequest",
            access_point=access_point,
            description=f"hulpvraag {request.reference}",
        )
        raise NotFoundOrForbidden
    return request, grant


def request_detail(*, actor, request_id: int, access_point: AccessPoint) -> RequestView:
    """One request with its Awb term, latest triage (under the version it was given), decisions,
    referrals, suspensions and contacts."""
    request, grant = visible_request(actor=actor, request_id=request_id, access_point=access_point)
    today = timezone.localdate()
    triage = Triage.objects.filter(request=request).select_related("version", "performed_by__user").first()
    answers = list(triage.answers.select_related("question")) if triage else []
    functions = toegang_functions(actor, request.municipality_id)
    reads_safety = _toegang_grant(actor, request, Category.SAFETY) is not None
    view = RequestView(
        request=request,
        term=request_term(request, today),
        days_open=days_open(request, today),
        triage=triage,
        answers=answers,
        decisions=list(request.decisions.select_related("decided_by__user")),
        referrals=list(request.referrals.select_related("organisation", "service")),
        suspensions=list(request.suspensions.all()),
        contacts=list(request.contacts.select_related("by__user")),
        recommendation=recommendation(triage),
        functions=functions,
        reads_safety=reads_safety,
    )
    if view.may_take_up and request.youth_id is None:
        view.candidates = youth_candidates(request)
        log_each(
            ((y.pk, y.pk, None) for y in view.candidates),
            user=actor,
            event=Event.SEARCH,
            object_type="youth",
            access_point=access_point,
            description=f"mogelijke jeugdige bij hulpvraag {request.reference}",
        )
    categories = [Category.IDENTITY, Category.YOUTH_CARE] + ([Category.SAFETY] if reads_safety else [])
    log_access(
        user=actor,
        youth=request.youth_id,
        event=Event.READ,
        grant=grant,
        object_type="helprequest",
        object_ids=[request.pk],
        categories=categories,
        access_point=access_point,
        description=f"hulpvraag {request.reference}",
    )
    return view


def referral_targets(municipality_id: int, age: int | None = None):
    """What the toegang can refer to: the offers on the sociale kaart of voorliggende
    voorzieningen, the GGD and youth care that fit the youth's age — those of the municipality
    first, then regional ones."""
    from jeugdketen.socialmap.models import Service

    local = Case_(When(organisation__municipality_id=municipality_id, then=0), default=1)
    services = Service.objects.current().filter(organisation__kind__in=REFERRAL_KINDS).select_related("organisation")
    if age is not None:
        services = services.for_age(age)
    return services.order_by(local, "name", "organisation__name", "pk")


REFERRALS_LIMIT = 200


def referrals_received(*, actor, access_point: AccessPoint, status: str = "open") -> list[Referral]:
    """The referrals the actor's organisation received: what was shared with it, nothing more."""
    professional = policy.professional_of(actor)
    if professional is None:
        return []
    referrals = Referral.objects.filter(organisation=professional.organisation).select_related(
        "request", "organisation", "service"
    )
    if status == "open":
        referrals = referrals.filter(status__in=(Referral.Status.SENT, Referral.Status.ACCEPTED))
    referrals = list(referrals.order_by("-sent_at")[:REFERRALS_LIMIT])
    function = next(iter(professional.functions.all()), None)
    grant = policy.Grant(Category.YOUTH_CARE, Ground.REFERRAL, function, professional.organisation.name)
    log_each(
        ((r.request.youth_id, r.pk, grant) for r in referrals),
        user=actor,
        event=Event.LIST,
        object_type="referral",
        access_point=access_point,
        description="ontvangen verwijzingen",
    )
    return referrals


def referral_detail(*, actor, referral_id: int, access_point: AccessPoint) -> Referral:
    referral = (
        Referral.objects.select_related("request__municipality", "organisation", "service")
        .filter(pk=referral_id)
        .first()
    )
    if referral is None:
        raise NotFoundOrForbidden
    grant = referral_grant(actor, referral)
    if grant is None:
        log_refusal(user=actor, youth=referral.request.youth_id, object_type="referral", access_point=access_point)
        raise NotFoundOrForbidden
    log_access(
        user=actor,
        youth=referral.request.youth_id,
        event=Event.READ,
        grant=grant,
        object_type="referral",
        object_ids=[referral.pk],
        categories=[Category.YOUTH_CARE],
        access_point=access_point,
        description=f"verwijzing {referral.request.reference}",
    )
    return referral
