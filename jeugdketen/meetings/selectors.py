"""Reads of meetings that pages and the API share. Each starts from a scoped query, shows per agenda
item only what the policy lets the reader see of that case, and logs what it showed. A meeting
page costs the same number of queries for one case as for twenty."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each, log_many, log_refusal
from jeugdketen.cases.models import Case, Involvement
from jeugdketen.youth.models import CarerRelation

from .access import ItemAccess, item_access
from .models import Decision, FeedbackRecipient, Meeting, MeetingCase, Minute, Participant, Section

C = Category
OBJECT_TYPE = "meeting"
PAST_LIMIT = 50
RELATED = ("chair__user", "chair__organisation", "organised_by__user", "organised_by__organisation")


def meeting_get(*, meeting_id: int) -> Meeting:
    """The meeting, or 404. No policy check and no log: for the services, which check themselves."""
    meeting = Meeting.objects.select_related(*RELATED).filter(pk=meeting_id).first()
    if meeting is None:
        raise NotFoundOrForbidden
    return meeting


def item_get(*, meeting_id: int | None = None, item_id: int) -> MeetingCase:
    """An agenda item with its meeting and case, or 404. No policy check: for the services."""
    items = MeetingCase.objects.select_related("meeting", "case__youth", "case__casusregisseur")
    if meeting_id is not None:
        items = items.filter(meeting_id=meeting_id)
    item = items.filter(pk=item_id).first()
    if item is None:
        raise NotFoundOrForbidden
    return item


def visible_meetings_q(user) -> Q:
    """Meetings the user takes part in (chair, organiser, invited), and closed meetings about a case
    they may see: the terugkoppeling goes to everyone involved."""
    professional = policy.professional_of(user)
    about_mine = MeetingCase.objects.filter(
        case__in=Case.objects.filter(policy.visible_cases_q(user)).values("pk")
    ).values("meeting_id")
    q = Q(status=Meeting.Status.CLOSED, pk__in=about_mine)
    if professional is not None:
        invited = Participant.objects.filter(professional=professional).values("meeting_id")
        return q | Q(chair=professional) | Q(organised_by=professional) | Q(pk__in=invited)
    invited = Participant.objects.filter(Q(carer__user=user) | Q(youth__user=user)).values("meeting_id")
    return q | Q(pk__in=invited)


# --- lists ------------------------------------------------------------------------------------------


@dataclass
class MeetingRow:
    meeting: Meeting
    cases: list[Case]  # the cases on the agenda the reader may see


@dataclass
class MyMeetings:
    upcoming: list[MeetingRow]
    past: list[MeetingRow]


def _rows(actor, meetings: list[Meeting], access_point: AccessPoint, description: str) -> list[MeetingRow]:
    items = list(
        MeetingCase.objects.filter(meeting__in=[m.pk for m in meetings])
        .select_related("case__youth")
        .order_by("order", "id")
    )
    accesses = policy.access_for_cases(actor, [item.case for item in items])
    by_meeting: dict[int, list[Case]] = {m.pk: [] for m in meetings}
    log_rows = []
    for item in items:
        ia = item_access(accesses[item.case.youth_id], item.case)
        if ia.visible:
            by_meeting[item.meeting_id].append(item.case)
            log_rows.append((item.case.youth_id, f"item:{item.pk}", ia.log_grant))
    log_each(
        log_rows,
        user=actor,
        event=Event.LIST,
        object_type=OBJECT_TYPE,
        access_point=access_point,
        description=description,
    )
    return [MeetingRow(m, by_meeting[m.pk]) for m in meetings]


def my_meetings(*, actor, access_point: AccessPoint) -> MyMeetings:
    """Upcoming meetings (soonest first) and the most recent past ones, with the youths on each
    agenda the reader may see; each youth shown is logged as a list view."""
    start_of_today = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    visible = Meeting.objects.filter(visible_meetings_q(actor)).select_related(*RELATED)
    upcoming = list(visible.filter(starts_at__gte=start_of_today).order_by("starts_at", "id"))
    past = list(visible.filter(starts_at__lt=start_of_today).order_by("-starts_at", "-id")[:PAST_LIMIT])
    rows = _rows(actor, upcoming + past, access_point, "Mijn overleggen")
    return MyMeetings(rows[: len(upcoming)], rows[len(upcoming) :])


def meetings_for_case(*, actor, case_id: int, access_point: AccessPoint) -> tuple[Case, list[MeetingRow]]:
    """The meetings about one case that the reader may see; 404 (logged) for a case they may not."""
    case = Case.objects.select_related("youth").filter(pk=case_id).first()
    if case is None:
        raise NotFoundOrForbidden
    access = policy.access_for_cases(actor, [case])[case.youth_id]
    if case.pk not in access.case_ids:
        log_refusal(user=actor, youth=case.youth, object_type=OBJECT_TYPE, access_point=access_point)
        raise NotFoundOrForbidden
    meetings = list(
        Meeting.objects.filter(visible_meetings_q(actor), items__case=case)
        .select_related(*RELATED)
        .order_by("-starts_at", "-id")
    )
    return case, _rows(actor, meetings, access_point, f"overleggen over casus {case.reference}")


# --- the meeting page -------------------------------------------------------------------------------


@dataclass
class SectionView:
    value: str
    label: str
    minutes: list[Minute]


@dataclass
class ItemView:
    item: MeetingCase
    access: ItemAccess
    sections: list[SectionView]
    decisions: list[Decision]  # empty when the reader does not read the plan
    family: list[Participant]
    recipients: list[FeedbackRecipient]
    involvements: list[Involvement]  # current, as far as the reader may see who is involved
    carers: list[CarerRelation]  # the youth's parents and carers
    writable_categories: frozenset[Category] = frozenset()
    may_write: bool = False
    may_decide: bool = False
    may_convert: bool = False
    # Set by the page: the forms it shows for this item, and why taking decisions over failed.
    minute_form: object = None
    decision_form: object = None
    outcome_form: object = None
    convert_errors: list[str] = field(default_factory=list)

    @property
    def case(self) -> Case:
        return self.item.case

    @property
    def categories(self) -> list[Category]:
        """The categories the reader reads of this item, in the policy's order."""
        return [c for c in Category if c in self.access.categories]

    @property
    def youth(self):
        return self.item.case.youth

    @property
    def reads_plan(self) -> bool:
        return self.access.plan_grant is not None

    @property
    def open_decisions(self) -> list[Decision]:
        return [d for d in self.decisions if not d.is_converted]

    @property
    def minutes(self) -> list[Minute]:
        return [m for s in self.sections for m in s.minutes]


@dataclass
class MeetingView:
    meeting: Meeting
    items: list[ItemView]
    professionals: list[Participant]  # the invited professionals the reader may see
    is_member: bool
    is_manager: bool
    is_family: bool
    today: date
    all_items: int = 0  # how many cases the agenda has (the reader may see fewer)
    invitable: list[tuple[Involvement, ItemView]] = field(default_factory=list)

    @property
    def may_manage(self) -> bool:
        return self.is_manager and not self.meeting.is_closed

    @property
    def may_close(self) -> bool:
        return self.may_manage and timezone.localtime(self.meeting.starts_at).date() <= self.today


def _professional_visible(participant: Participant, actor_professional, involvements, accesses) -> bool:
    """Who takes part is shown like who is involved: a professional whose only involvement in the
    meeting's cases is one the reader may not see (the police's, to those who do not read police
    data) is not shown. Someone no longer involved is shown unless they work for the police."""
    if actor_professional is not None and participant.professional_id == actor_professional.pk:
        return True
    own = [inv for inv in involvements if inv.professional_id == participant.professional_id]
    if not own:
        return policy.POLICE_FUNCTION not in {f.code for f in participant.professional.functions.all()}
    return any(policy.involvement_visible(accesses[inv.case.youth_id], inv.case, inv.function.code) for inv in own)


def meeting_detail(
    *,
    actor,
    meeting_id: int,
    access_point: AccessPoint,
    event: str = Event.READ,
    only_item: int | None = None,
    log: bool = True,
) -> MeetingView:
    """The meeting as the reader may see it: the meeting itself for those who take part (and, once
    closed, for everyone involved in one of its cases), and per case only the items of cases they may
    see, with the minutes in the categories they read, and the outcome and decisions when they read
    the plan. One log entry per item shown, naming what was shown (``log=False`` for a read that only
    builds a form's choices and shows nothing)."""
    meeting = meeting_get(meeting_id=meeting_id)
    items = list(
        meeting.items.select_related("case__youth__municipality", "case__casusregisseur").order_by("order", "id")
    )
    accesses = policy.access_for_cases(actor, [item.case for item in items])
    participants = list(
        meeting.participants.select_related(
            "professional__user", "professional__organisation", "carer", "youth"
        ).prefetch_related("professional__functions")
    )
    professional = policy.professional_of(actor)
    is_manager = professional is not None and professional.pk in (meeting.chair_id, meeting.organised_by_id)
    is_member = is_manager or (
        professional is not None and any(p.professional_id == professional.pk for p in participants)
    )
    is_family_member = professional is None and any(
        (p.carer_id and p.carer.user_id == actor.pk) or (p.youth_id and p.youth.user_id == actor.pk)
        for p in participants
    )
    access_of = {item.pk: item_access(accesses[item.case.youth_id], item.case) for item in items}
    visible = [item for item in items if access_of[item.pk].visible and (only_item is None or item.pk == only_item)]
    if not (is_member or is_family_member or (meeting.is_closed and visible)) or (only_item and not visible):
        for youth in {item.case.youth_id: item.case.youth for item in items}.values():
            log_refusal(user=actor, youth=youth, object_type=OBJECT_TYPE, access_point=access_point)
        raise NotFoundOrForbidden

    ids = [item.pk for item in visible]
    plan_ids = [item.pk for item in visible if access_of[item.pk].plan_grant is not None]
    readable = set().union(*(access_of[i].categories for i in ids)) if ids else set()
    minutes = list(
        Minute.objects.filter(item__in=ids, category__in=readable).select_related(
            "author__user", "author__organisation", "author_function"
        )
    )
    decisions = list(
        Decision.objects.filter(item__in=plan_ids).select_related(
            "owner_professional__user", "owner_carer", "agreement"
        )
    )
    recipients = list(FeedbackRecipient.objects.filter(item__in=plan_ids)) if meeting.is_closed else []
    involvements = list(
        Involvement.objects.active()
        .filter(case__in=[item.case_id for item in items], case__status__in=Case.OPEN_STATUSES)
        .select_related("professional__user", "professional__organisation", "function", "case")
        .order_by("since", "id")
    )
    carers = list(
        CarerRelation.objects.filter(youth__in={item.case.youth_id for item in visible}).select_related("carer")
    )

    views = []
    for item in visible:
        ia = access_of[item.pk]
        access = ia.access
        case = item.case
        shown = [m for m in minutes if m.item_id == item.pk and m.category in ia.categories]
        sections = [SectionView(s.value, s.label, [m for m in shown if m.section == s.value]) for s in Section]
        writer = is_member and not meeting.is_closed and access.involvement_in(case.pk) is not None
        view = ItemView(
            item=item,
            access=ia,
            sections=sections,
            decisions=[d for d in decisions if d.item_id == item.pk],
            family=[p for p in participants if p.item_id == item.pk],
            recipients=[r for r in recipients if r.item_id == item.pk],
            involvements=[
                inv
                for inv in involvements
                if inv.case_id == case.pk and policy.involvement_visible(access, case, inv.function.code)
            ],
            carers=[r for r in carers if r.youth_id == case.youth_id],
            writable_categories=access.writable_categories(case.pk) if writer else frozenset(),
            may_write=writer,
            may_decide=writer and access.involvement_in(case.pk, C.PLAN) is not None,
        )
        view.may_convert = bool(
            professional is not None
            and case.casusregisseur_id == professional.pk
            and access.involvement_in(case.pk, C.PLAN) is not None
            and view.open_decisions
        )
        views.append(view)

    professionals = [
        p
        for p in participants
        if p.role == Participant.Role.PROFESSIONAL and _professional_visible(p, professional, involvements, accesses)
    ]
    result = MeetingView(
        meeting=meeting,
        items=views,
        professionals=professionals,
        is_member=is_member,
        is_manager=is_manager,
        is_family=professional is None,
        today=timezone.localdate(),
        all_items=len(items),
    )
    if is_manager and not meeting.is_closed:
        present = {p.professional_id for p in participants} | {meeting.chair_id}
        seen: set[int] = set()
        for view in views:
            for inv in view.involvements:
                if inv.professional_id not in present and inv.professional_id not in seen:
                    seen.add(inv.professional_id)
                    result.invitable.append((inv, view))
    if log:
        _log_read(actor, meeting, views, event, access_point)
    return result


def _log_read(actor, meeting: Meeting, views: list[ItemView], event: str, access_point: AccessPoint) -> None:
    """One entry per item shown, with the minutes and decisions shown, in one insert."""
    entries = []
    for view in views:
        objects = [f"meeting:{meeting.pk}", f"item:{view.item.pk}"]
        objects += [f"minute:{m.pk}" for m in view.minutes]
        objects += [f"decision:{d.pk}" for d in view.decisions]
        entries.append(
            {
                "user": actor,
                "youth": view.youth,
                "event": event,
                "grant": view.access.log_grant,
                "object_type": OBJECT_TYPE,
                "object_ids": objects,
                "categories": sorted(view.access.categories | {C.IDENTITY}),
                "access_point": access_point,
                "description": f"{meeting.short_name}, casus {view.case.reference}",
            }
        )
    log_many(entries)


# --- the terugkoppeling -----------------------------------------------------------------------------


@dataclass
class FeedbackView:
    """The terugkoppeling of one case: the outcome and the decisions (plan data), never the minutes —
    so never police data. For everyone involved who reads the case's plan, parents included."""

    meeting: Meeting
    item: MeetingCase
    decisions: list[Decision]
    recipients: list[FeedbackRecipient]
    professionals: list[Participant]
    family: list[Participant]
    now: object

    @property
    def case(self) -> Case:
        return self.item.case

    @property
    def youth(self):
        return self.item.case.youth


def feedback_detail(
    *, actor, meeting_id: int, item_id: int, access_point: AccessPoint, event: str = Event.PRINT
) -> FeedbackView:
    """The terugkoppeling of a closed meeting's item; 404 (logged) for who does not read that case's
    plan, or before the meeting is closed. Logged as a print for the PDF."""
    item = item_get(meeting_id=meeting_id, item_id=item_id)
    meeting = meeting_get(meeting_id=meeting_id)
    ia = item_access(policy.access_for(actor, item.case.youth), item.case)
    if ia.plan_grant is None or not meeting.is_closed:
        log_refusal(user=actor, youth=item.case.youth, object_type=OBJECT_TYPE, access_point=access_point)
        raise NotFoundOrForbidden
    decisions = list(item.decisions.select_related("owner_professional__user", "owner_carer", "agreement"))
    recipients = list(item.recipients.all())
    participants = list(
        meeting.participants.filter(Q(item=item) | Q(role=Participant.Role.PROFESSIONAL)).select_related(
            "professional__user", "professional__organisation", "carer", "youth"
        )
    )
    case_professionals = set(
        Involvement.objects.active().filter(case=item.case).values_list("professional_id", flat=True)
    )
    # Only the professionals involved in this case, and the police's involvement only for whom the
    # policy shows it (``involvement_visible``).
    police = set(
        Involvement.objects.active()
        .filter(case=item.case, function__code=policy.POLICE_FUNCTION)
        .values_list("professional_id", flat=True)
    )
    professionals = [
        p
        for p in participants
        if p.role == Participant.Role.PROFESSIONAL
        and p.professional_id in case_professionals
        and (
            p.professional_id not in police or policy.involvement_visible(ia.access, item.case, policy.POLICE_FUNCTION)
        )
    ]
    log_access(
        user=actor,
        youth=item.case.youth,
        event=event,
        grant=ia.plan_grant,
        object_type=OBJECT_TYPE,
        object_ids=[f"meeting:{meeting.pk}", f"item:{item.pk}", *(f"decision:{d.pk}" for d in decisions)],
        categories=[C.IDENTITY, C.PLAN],
        access_point=access_point,
        description=f"terugkoppeling {meeting.short_name}, casus {item.case.reference}",
    )
    family = [p for p in participants if p.item_id == item.pk]
    return FeedbackView(meeting, item, decisions, recipients, professionals, family, timezone.localtime())


def case_choices(*, actor, access_point: AccessPoint) -> list[Involvement]:
    """The open cases the actor is involved in, to put on an agenda (one involvement per case). The
    youths shown are logged as a list view."""
    professional = policy.professional_of(actor)
    if professional is None:
        return []
    rows: dict[int, Involvement] = {}
    for inv in (
        Involvement.objects.active()
        .filter(
            professional=professional,
            case__status__in=Case.OPEN_STATUSES,
            function__in=professional.functions.all(),
        )
        .select_related("function", "case__youth")
        .order_by("case__youth__last_name", "case__youth__first_name", "case__reference")
    ):
        rows.setdefault(inv.case_id, inv)
    log_each(
        (
            (
                inv.case.youth_id,
                inv.case_id,
                policy.Grant(C.IDENTITY, Ground.CASE_INVOLVEMENT, inv.function, inv.case.reference),
            )
            for inv in rows.values()
        ),
        user=actor,
        event=Event.LIST,
        object_type="case",
        access_point=access_point,
        description="overleg plannen: casussen om te agenderen",
    )
    return list(rows.values())
