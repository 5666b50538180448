"""The family's overview: for a parent (child under 16) or a youth (from 12) with their own login,
per child what is going on, who is involved and how to reach them, the plan's goals and their own
agreements, evaluations, meeting outcomes, the onderzoeksverslag waiting for their view, their
questions, and what asks for their attention. Read through the policy, one log entry per child."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.auditlog.services import AccessPoint, Event, log_access
from jeugdketen.cases.models import Case
from jeugdketen.cases.selectors import cases_of_youth
from jeugdketen.investigation.models import Investigation, Phase, Zienswijze
from jeugdketen.investigation.selectors import readable_investigations
from jeugdketen.leerplicht.models import CaseStep, LeerplichtCase
from jeugdketen.meetings.models import Meeting, MeetingCase, Participant
from jeugdketen.plans.models import Agreement, Approval, Evaluation, Message, Plan
from jeugdketen.plans.services import may_read_plan
from jeugdketen.youth.models import Enrolment, Youth

OBJECT_TYPE = "portaal"
RECENT_FEEDBACK = 3


@dataclass
class Attention:
    """Something that asks the family to act or to look."""

    text: str
    url: str
    urgent: bool = False


@dataclass
class CaseSummary:
    case: Case
    plan: Plan | None = None
    goals: list = field(default_factory=list)
    mine: list[Agreement] = field(default_factory=list)  # the agreements this family member carries
    others_open: int = 0
    next_evaluation: Evaluation | None = None
    my_approval: Approval | None = None
    feedback: list[MeetingCase] = field(default_factory=list)
    invitations: list[MeetingCase] = field(default_factory=list)  # planned meetings they are invited to
    investigation: Investigation | None = None
    zienswijze_open: bool = False
    open_questions: int = 0

    @property
    def approval_needed(self) -> bool:
        if self.plan is None or not self.case.is_open:
            return False
        return self.my_approval is None or self.my_approval.version < self.plan.version


@dataclass
class LeerplichtSummary:
    """The child's open leerplichtzaak as the family sees it: who the consulent leerplicht is and how
    to reach them, the conversations they are invited to and the agreements made. Not the
    consulent's reports of conversations (the family asks for those through their right of access)."""

    case: LeerplichtCase
    invitations: list[CaseStep] = field(default_factory=list)  # conversations still to come
    agreements: list[CaseStep] = field(default_factory=list)  # not yet evaluated


@dataclass
class ChildSummary:
    youth: Youth
    access: policy.YouthAccess
    ground: Ground
    schools: list[Enrolment] = field(default_factory=list)
    cases: list[CaseSummary] = field(default_factory=list)
    leerplicht: LeerplichtSummary | None = None
    # Who has told the verwijsindex that they are involved (the family is told; no content).
    verwijsindex: list = field(default_factory=list)
    # The handovers between schools that were handed over: the family's copy of the report.
    handovers: list = field(default_factory=list)

    @property
    def open_cases(self) -> list[CaseSummary]:
        return [s for s in self.cases if s.case.is_open]

    @property
    def closed_cases(self) -> list[CaseSummary]:
        return [s for s in self.cases if not s.case.is_open]


@dataclass
class FamilyOverview:
    children: list[ChildSummary]
    attention: list[Attention]
    today: date


def _is_mine(agreement: Agreement, user, ground: Ground) -> bool:
    if ground == Ground.YOUTH_SELF:
        return agreement.owner_kind == Agreement.Owner.YOUTH
    carer = getattr(user, "carer", None)
    # "de ouders" without one named carer is for every parent with gezag
    return (
        agreement.owner_kind == Agreement.Owner.PARENT
        and carer is not None
        and agreement.owner_carer_id in (None, carer.pk)
    )


def family_overview(*, actor, access_point: AccessPoint, today: date | None = None) -> FamilyOverview:
    today = today or timezone.localdate()
    children: list[ChildSummary] = []
    youths = policy.visible_youths(actor).order_by("date_of_birth", "first_name")
    for youth in youths:
        access = policy.access_for(actor, youth, today=today)
        grant = access.primary_grant
        if grant is None or grant.ground not in (Ground.PARENT_WITH_GEZAG, Ground.YOUTH_SELF):
            continue  # the portal is the family's; a professional has their own pages
        child = ChildSummary(youth=youth, access=access, ground=grant.ground)
        child.schools = list(Enrolment.objects.current(today).filter(youth=youth).select_related("school"))
        child.cases = [CaseSummary(case=case) for case in cases_of_youth(youth, access)]
        child.cases.sort(key=lambda s: (not s.case.is_open, -(s.case.opened_on.toordinal())))
        children.append(child)
    with_plan = _summaries_with_plan(children)
    _fill_plans(actor, children, with_plan)
    _fill_meetings(with_plan)
    _fill_invitations(actor, children)
    _fill_investigations(actor, children, today)
    _fill_leerplicht(children)
    _fill_verwijsindex(children, today)
    _fill_handovers(children)
    for child in children:
        _log(actor, child, access_point)
    return FamilyOverview(children=children, attention=_attention(children, today), today=today)


def _summaries_with_plan(children: list[ChildSummary]) -> dict[int, CaseSummary]:
    return {
        summary.case.pk: summary
        for child in children
        for summary in child.cases
        if may_read_plan(child.access, summary.case)
    }


def _fill_plans(actor, children: list[ChildSummary], summaries: dict[int, CaseSummary]) -> None:
    if not summaries:
        return
    grounds = {s.case.pk: child.ground for child in children for s in child.cases}
    plans = Plan.objects.filter(case_id__in=list(summaries)).prefetch_related(
        "goals",
        Prefetch(
            "agreements",
            queryset=Agreement.objects.select_related("owner_professional__user", "owner_carer").order_by("due_on"),
        ),
        Prefetch("evaluations", queryset=Evaluation.objects.filter(held_on__isnull=True).order_by("planned_on")),
        Prefetch("approvals", queryset=Approval.objects.filter(user=actor).order_by("-created_at")),
        Prefetch(
            "messages", queryset=Message.objects.filter(author=actor, answered_at__isnull=True), to_attr="my_open"
        ),
    )
    for plan in plans:
        summary = summaries[plan.case_id]
        summary.plan = plan
        summary.goals = list(plan.goals.all())
        agreements = [a for a in plan.agreements.all() if a.status == Agreement.Status.OPEN]
        summary.mine = [a for a in agreements if _is_mine(a, actor, grounds[plan.case_id])]
        summary.others_open = len(agreements) - len(summary.mine)
        summary.next_evaluation = next(iter(plan.evaluations.all()), None)
        summary.my_approval = next(iter(plan.approvals.all()), None)
        summary.open_questions = len(plan.my_open)


def _fill_meetings(summaries: dict[int, CaseSummary]) -> None:
    """The terugkoppeling of closed meetings about the case: read by whoever reads its plan."""
    if not summaries:
        return
    items = (
        MeetingCase.objects.filter(
            case_id__in=list(summaries), meeting__status=Meeting.Status.CLOSED, feedback_sent_at__isnull=False
        )
        .select_related("meeting")
        .order_by("-meeting__starts_at")
    )
    for item in items:
        feedback = summaries[item.case_id].feedback
        if len(feedback) < RECENT_FEEDBACK:
            feedback.append(item)


def _fill_invitations(actor, children: list[ChildSummary]) -> None:
    """Planned meetings about the child's open case to which this parent (or the youth) is invited."""
    summaries = {s.case.pk: s for child in children for s in child.open_cases}
    carer, youth = getattr(actor, "carer", None), getattr(actor, "youth", None)
    if not summaries or (carer is None and youth is None):
        return
    invited = Q(carer=carer) if carer is not None else Q(youth=youth)
    participations = (
        Participant.objects.filter(invited, item__case_id__in=list(summaries), meeting__status=Meeting.Status.PLANNED)
        .filter(meeting__starts_at__gte=timezone.now())
        .select_related("meeting", "item")
        .order_by("meeting__starts_at")
    )
    for participation in participations:
        summaries[participation.item.case_id].invitations.append(participation.item)


def _fill_investigations(actor, children: list[ChildSummary], today: date) -> None:
    found: dict[int, Investigation] = {}
    for child in children:
        if child.cases:
            found.update(readable_investigations(child.access, [s.case for s in child.cases]))
    if not found:
        return
    given = set(
        Zienswijze.objects.filter(investigation__in=list(found.values()), author=actor).values_list(
            "investigation_id", "share_round"
        )
    )
    for child in children:
        for summary in child.cases:
            investigation = found.get(summary.case.pk)
            if investigation is None:
                continue
            summary.investigation = investigation
            summary.zienswijze_open = (
                investigation.phase == Phase.VERSLAG
                and not investigation.zienswijze_term_passed(today)
                and (investigation.pk, investigation.share_round) not in given
            )


def _fill_leerplicht(children: list[ChildSummary]) -> None:
    """The open leerplichtzaak of each child whose leerplicht data the family reads (the policy:
    the parent with gezag, the youth from 12), with its coming conversations and open agreements."""
    readable = {child.youth.pk: child for child in children if child.access.can(Category.LEERPLICHT)}
    if not readable:
        return
    steps = CaseStep.objects.filter(
        Q(kind=CaseStep.Kind.INVITATION, appointment_at__gte=timezone.now())
        | Q(kind=CaseStep.Kind.AGREEMENT, kept__isnull=True)
    ).order_by("appointment_at", "due_on")
    cases = (
        LeerplichtCase.objects.filter(youth_id__in=list(readable), status=LeerplichtCase.Status.OPEN)
        .select_related("consulent__user", "consulent__organisation")
        .prefetch_related(Prefetch("steps", queryset=steps, to_attr="for_family"))
    )
    for case in cases:
        readable[case.youth_id].leerplicht = LeerplichtSummary(
            case,
            invitations=[s for s in case.for_family if s.kind == CaseStep.Kind.INVITATION],
            agreements=[s for s in case.for_family if s.kind == CaseStep.Kind.AGREEMENT],
        )


def _fill_verwijsindex(children: list[ChildSummary], today: date) -> None:
    """The active signals in the verwijsindex on each child: the family is told who placed one and
    how to reach them (Jeugdwet paragraaf 7.1.4), never why."""
    from jeugdketen.verwijsindex.selectors import for_family

    if not children:
        return
    signals = for_family([child.youth.pk for child in children], today=today)
    for child in children:
        child.verwijsindex = signals.get(child.youth.pk, [])


def _fill_handovers(children: list[ChildSummary]) -> None:
    """The handed-over onderwijskundig rapporten of each child whose school data the family reads:
    their copy (WPO art. 42), to read and to add their view to."""
    from jeugdketen.handover.models import Handover

    readable = {child.youth.pk: child for child in children if child.access.can(Category.SCHOOL_SUPPORT)}
    if not readable:
        return
    for handover in Handover.objects.filter(
        youth_id__in=list(readable), status=Handover.Status.HANDED_OVER
    ).select_related("from_school", "to_school"):
        readable[handover.youth_id].handovers.append(handover)


def _attention(children: list[ChildSummary], today: date) -> list[Attention]:
    items: list[Attention] = []
    for child in children:
        name = child.youth.first_name
        for summary in child.open_cases:
            case = summary.case
            if summary.zienswijze_open:
                items.append(
                    Attention(
                        _("Het onderzoeksverslag over %(name)s staat klaar: geef uw reactie uiterlijk op %(date)s.")
                        % {"name": name, "date": _date(summary.investigation.zienswijze_until)},
                        reverse("investigation:detail", args=[summary.investigation.pk]),
                        urgent=True,
                    )
                )
            if summary.approval_needed:
                text = (
                    _(
                        "Het plan van aanpak van %(name)s is gewijzigd sinds u erop reageerde (nu versie %(version)d): "
                        "lees het en laat weten of u het ermee eens bent."
                    )
                    if summary.my_approval is not None
                    else _(
                        "Het plan van aanpak van %(name)s staat klaar (versie %(version)d): lees het en laat weten "
                        "of u het ermee eens bent."
                    )
                )
                items.append(
                    Attention(
                        text % {"name": name, "version": summary.plan.version},
                        reverse("plans:plan", args=[case.pk]) + "#h-approvals",
                    )
                )
            for agreement in summary.mine:
                overdue = agreement.is_overdue(today)
                text = (
                    _("Afspraak voor u (%(name)s): %(what)s — uiterlijk %(date)s (die datum is voorbij).")
                    if overdue
                    else _("Afspraak voor u (%(name)s): %(what)s — uiterlijk %(date)s.")
                )
                items.append(
                    Attention(
                        text % {"name": name, "what": agreement.what, "date": _date(agreement.due_on)},
                        reverse("plans:plan", args=[case.pk]) + f"#afspraak-{agreement.pk}",
                        urgent=overdue,
                    )
                )
    items.sort(key=lambda item: not item.urgent)
    return items


def _date(value: date) -> str:
    from django.utils.formats import date_format

    return date_format(value, "j F Y")


def _log(actor, child: ChildSummary, access_point: AccessPoint) -> None:
    """One read per child: the identity, the cases and who is involved, and the plan, meeting
    outcomes and report shown."""
    objects = [f"youth:{child.youth.pk}"]
    categories = {Category.IDENTITY}
    for summary in child.cases:
        objects.append(f"case:{summary.case.pk}")
        if not summary.case.is_open:  # shown: the case and, from its plan, the nazorg date
            if summary.plan is not None and summary.plan.nazorg_on:
                objects.append(f"plan:{summary.plan.pk}")
                categories.add(Category.PLAN)
            continue
        if summary.plan is not None:
            objects.append(f"plan:{summary.plan.pk}")
            categories.add(Category.PLAN)
        objects += [f"item:{item.pk}" for item in [*summary.feedback, *summary.invitations]]
        if summary.feedback:
            categories.add(Category.PLAN)
        if summary.investigation is not None:
            objects.append(f"investigation:{summary.investigation.pk}")
            categories.add(Category.YOUTH_CARE)
    if child.leerplicht is not None:
        lp = child.leerplicht
        objects.append(f"leerplichtzaak:{lp.case.pk}")
        objects += [f"stap:{step.pk}" for step in [*lp.invitations, *lp.agreements]]
        categories.add(Category.LEERPLICHT)
    objects += [f"verwijsindex:{signal.pk}" for signal in child.verwijsindex]
    objects += [f"overdracht:{handover.pk}" for handover in child.handovers]
    if child.handovers:
        categories.add(Category.SCHOOL_SUPPORT)
    log_access(
        user=actor,
        youth=child.youth,
        event=Event.READ,
        grant=child.access.grant(Category.IDENTITY),
        object_type=OBJECT_TYPE,
        object_ids=objects,
        categories=sorted(categories),
        access_point=access_point,
        description="overzicht voor ouder of jeugdige",
    )
