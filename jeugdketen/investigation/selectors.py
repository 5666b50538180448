"""Reads of investigations that pages and the API share. Each one asks the policy and logs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each
from jeugdketen.cases.models import Case, Involvement

from . import rules
from .models import Conversation, Investigation, Phase, PhaseChange, Zienswijze

# A list row shows who the youth is and where their investigation stands (youth-care process).
LIST_CATEGORIES = (Category.IDENTITY, Category.YOUTH_CARE)

RELATED = (
    "case__youth__municipality",
    "case__casusregisseur__user",
    "consulent__user",
    "consulent__organisation",
    "provider",
    "finalised_by__user",
)


def investigation_get(*, investigation_id: int) -> Investigation:
    """The investigation with what its pages show, or 404. No policy check and no log: for the
    services, which check and log themselves."""
    investigation = Investigation.objects.select_related(*RELATED).filter(pk=investigation_id).first()
    if investigation is None:
        raise NotFoundOrForbidden
    return investigation


@dataclass
class InvestigationView:
    investigation: Investigation
    access: policy.YouthAccess
    grant: policy.Grant
    conversations: list[Conversation]
    zienswijzen: list[Zienswijze]
    phase_changes: list[PhaseChange]
    can_change: bool
    today: date

    @property
    def case(self) -> Case:
        return self.investigation.case

    @property
    def is_family(self) -> bool:
        return self.grant.ground in rules.FAMILY_GROUNDS

    @property
    def can_add_zienswijze(self) -> bool:
        return self.is_family and self.investigation.phase == Phase.VERSLAG

    @property
    def due_on(self) -> date | None:
        return self.investigation.due_on()

    @property
    def days_overdue(self) -> int:
        return self.investigation.days_overdue(self.today)

    @property
    def current_zienswijzen(self) -> list[Zienswijze]:
        """The zienswijzen on the report as it is shared now (not on a withdrawn earlier version)."""
        return [z for z in self.zienswijzen if z.share_round == self.investigation.share_round]

    @property
    def may_finalise_without_note(self) -> bool:
        return bool(self.current_zienswijzen) or self.investigation.zienswijze_term_passed(self.today)


def investigation_detail(
    *, actor, investigation_id: int, access_point: AccessPoint, event: str = Event.READ, description: str = ""
) -> InvestigationView:
    """The whole investigation for the actor, logged as read (or as printed, for the PDF). The
    parents and the youth get it only once the report is shared."""
    investigation = investigation_get(investigation_id=investigation_id)
    case = investigation.case
    access, grant = rules.read_access(actor, case, access_point, shared=investigation.is_shared)
    conversations = list(investigation.conversations.all())
    zienswijzen = list(investigation.zienswijzen.all())
    phase_changes = (
        []
        if grant.ground in rules.FAMILY_GROUNDS
        else list(investigation.phase_changes.select_related("changed_by__user"))
    )
    can_change = not investigation.is_final and rules.consulent_grant(actor, access, case) is not None
    log_access(
        user=actor,
        youth=case.youth,
        event=event,
        grant=grant,
        object_type=rules.OBJECT_TYPE,
        object_ids=[investigation.pk, *(f"conversation:{c.pk}" for c in conversations)]
        + [f"zienswijze:{z.pk}" for z in zienswijzen],
        categories=[Category.YOUTH_CARE],
        access_point=access_point,
        description=description or f"onderzoek {case.reference}",
    )
    return InvestigationView(
        investigation, access, grant, conversations, zienswijzen, phase_changes, can_change, timezone.localdate()
    )


def case_for_start(*, actor, case_id: int, access_point: AccessPoint) -> Case:
    """A case without an investigation on which the actor (its casusregisseur, involved as
    jeugdconsulent) may start one; 404/403 otherwise, logged. Logged as a read of the case record."""
    case = Case.objects.select_related("youth__municipality").filter(pk=case_id).first()
    if case is None:
        raise NotFoundOrForbidden
    access, grant = rules.change_access(actor, case, access_point, shared=False)
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.READ,
        grant=access.grant(Category.IDENTITY) or grant,
        object_type="case",
        object_ids=[case.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"casus {case.reference}: onderzoek starten",
    )
    return case


def investigation_id_of_case(*, actor, case_id: int, access_point: AccessPoint) -> int | None:
    """The id of the case's investigation when the actor may read it; None when the case has none;
    404 (logged) when it has one the actor may not read, so the answer reveals nothing."""
    investigation = Investigation.objects.select_related("case__youth").filter(case_id=case_id).first()
    if investigation is None:
        return None
    rules.read_access(actor, investigation.case, access_point, shared=investigation.is_shared)
    return investigation.pk


def readable_investigations(access: policy.YouthAccess, cases: list[Case]) -> dict[int, Investigation]:
    """Per case id, the investigation of that case the access may read (one query, no log): for a
    link from the case page or the dossier, which log their own read. The family gets only shared
    reports."""
    grants = {case.pk: rules.read_grant(access, case) for case in cases}
    readable = {pk: grant for pk, grant in grants.items() if grant is not None}
    return {
        investigation.case_id: investigation
        for investigation in Investigation.objects.filter(case_id__in=list(readable))
        if investigation.is_shared or readable[investigation.case_id].ground not in rules.FAMILY_GROUNDS
    }


@dataclass
class Row:
    """One investigation in a list. ``youth_name`` is None on the teamleider's overview: the
    teamleider has no ground on the youth and sees the process, not the child."""

    investigation_id: int
    case_reference: str
    consulent_name: str
    phase: str
    phase_label: str
    due_on: date | None
    days_overdue: int
    youth_name: str | None = None
    youth_id: int | None = None
    case_id: int | None = None
    decide_by: date | None = None

    @property
    def is_overdue(self) -> bool:
        return self.days_overdue > 0


def _row(investigation: Investigation, today: date, *, with_youth: bool) -> Row:
    case = investigation.case
    return Row(
        investigation_id=investigation.pk,
        case_reference=case.reference,
        consulent_name=investigation.consulent.name,
        phase=investigation.phase,
        phase_label=investigation.get_phase_display(),
        due_on=investigation.due_on(),
        days_overdue=investigation.days_overdue(today),
        youth_name=case.youth.full_name if with_youth else None,
        youth_id=case.youth_id if with_youth else None,
        case_id=case.pk if with_youth else None,
        decide_by=investigation.decide_by,
    )


def _own(professional) -> list[Investigation]:
    """The investigations the professional runs in open cases they are still involved in."""
    involved = (
        Involvement.objects.active()
        .filter(professional=professional, case__status__in=Case.OPEN_STATUSES)
        .values("case_id")
        .order_by()
    )
    return list(
        Investigation.objects.filter(consulent=professional, case__in=involved).select_related(
            "case__youth", "consulent__user"
        )
    )


def _consulent_grant(professional) -> policy.Grant:
    function = next((f for f in professional.functions.all() if f.code == rules.CONSULENT_FUNCTION), None)
    return policy.Grant(Category.IDENTITY, Ground.CASE_INVOLVEMENT, function)


def _sort_key(row: Row):
    return (row.phase == Phase.DEFINITIEF, row.due_on is None, row.due_on or date.max, row.case_reference)


def my_investigations(*, actor, access_point: AccessPoint, today: date | None = None) -> list[Row]:
    """ "Mijn onderzoeken": every investigation the actor runs, open ones first by due date. Each
    youth shown is logged as a list view."""
    today = today or timezone.localdate()
    professional = policy.professional_of(actor)
    if professional is None:
        return []
    investigations = _own(professional)
    grant = _consulent_grant(professional)
    log_each(
        ((i.case.youth_id, i.pk, grant) for i in investigations),
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="Mijn onderzoeken",
        categories=LIST_CATEGORIES,
    )
    return sorted((_row(i, today, with_youth=True) for i in investigations), key=_sort_key)


def _team(professional) -> list[Investigation]:
    return list(
        Investigation.objects.filter(consulent__organisation=professional.organisation)
        .exclude(phase=Phase.DEFINITIEF)
        .select_related("case", "consulent__user")
    )


def overdue_investigations(*, actor, access_point: AccessPoint, today: date | None = None) -> list[Row]:
    """Investigations with a step past its due date. A jeugdconsulent gets their own, with the
    youth's name; a teamleider (manager at a municipality) those of the consulenten of their
    organisation, without anything that identifies the youth. Most overdue first."""
    today = today or timezone.localdate()
    professional = policy.professional_of(actor)
    rows: dict[int, Row] = {}
    own_log, team_log = [], []
    if rules.is_consulent(professional):
        grant = _consulent_grant(professional)
        for investigation in _own(professional):
            if investigation.days_overdue(today) > 0:
                rows[investigation.pk] = _row(investigation, today, with_youth=True)
                own_log.append((investigation.case.youth_id, investigation.pk, grant))
    if rules.is_teamleider(professional):
        for investigation in _team(professional):
            if investigation.pk not in rows and investigation.days_overdue(today) > 0:
                rows[investigation.pk] = _row(investigation, today, with_youth=False)
                team_log.append((investigation.case.youth_id, investigation.pk, None))
    log_each(
        own_log,
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="Onderzoeken over de termijn",
        categories=LIST_CATEGORIES,
    )
    # The teamleider sees no identity, only the case reference and where the investigation stands:
    # logged all the same (as youth-care process data), so the parents see it was on this overview.
    log_each(
        team_log,
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="Termijnen onderzoeken (teamleider, zonder gegevens van de jeugdige)",
        categories=[Category.YOUTH_CARE],
    )
    return sorted(rows.values(), key=lambda r: (-r.days_overdue, r.case_reference))


@dataclass
class Workload:
    consulent_name: str
    open: int
    overdue: int


def team_workload(*, actor, today: date | None = None) -> list[Workload]:
    """Per jeugdconsulent of the teamleider's organisation: open investigations and how many are
    overdue. Counts only: nothing about any youth, so nothing to log."""
    today = today or timezone.localdate()
    professional = policy.professional_of(actor)
    if not rules.is_teamleider(professional):
        return []
    open_count: Counter[str] = Counter()
    overdue: Counter[str] = Counter()
    for investigation in _team(professional):
        name = investigation.consulent.name
        open_count[name] += 1
        overdue[name] += investigation.days_overdue(today) > 0
    return [Workload(name, open_count[name], overdue[name]) for name in sorted(open_count)]
