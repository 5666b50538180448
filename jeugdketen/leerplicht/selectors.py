"""Reads the leerplicht pages and services share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each, log_refusal
from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Organisation, Professional
from jeugdketen.youth.models import Enrolment, Youth, age_on

from . import law, rules
from .models import (
    Absence,
    CaseStep,
    Delivery,
    Exemption,
    HaltReferral,
    LeaveRequest,
    LeerplichtCase,
    Melding,
    ProcesVerbaal,
    Resident,
    SchoolHoliday,
    Startkwalificatie,
)
from .schoolcalendar import Holiday, SchoolCalendar


def school_calendar(region: str) -> SchoolCalendar:
    """The school calendar of a holiday region (one query). The same holidays give the same
    calendar object, which keeps what it worked out about its days (``SchoolCalendar``'s caches)
    from one school's delivery to the next; changed holidays give a new one."""
    return _calendar(tuple(SchoolHoliday.objects.filter(region=region).values_list("start", "end", "kind")))


@lru_cache(maxsize=16)
def _calendar(holidays: tuple[tuple[date, date, str], ...]) -> SchoolCalendar:
    return SchoolCalendar.from_holidays(
        Holiday(start, end, kind == SchoolHoliday.Kind.VACATION) for start, end, kind in holidays
    )


# --- the pages' lists -----------------------------------------------------------------------------


LIST_LIMIT = 50
# How far ahead the list of 4-year-olds looks (a planning horizon, not law).
COMING_MONTHS = 6


@dataclass
class AbsoluteVerzuimRow:
    youth: Youth
    duty: law.Duty
    since: date  # leerplichtig since
    address: str


@dataclass
class SchoolOverview:
    staff: rules.Actor
    to_send: list[Melding]
    sent: list[Melding]
    deliveries: list[Delivery]
    more: dict = field(default_factory=dict)
    leave: list[LeaveRequest] = field(default_factory=list)


def school_overview(*, actor, access_point: AccessPoint) -> SchoolOverview:
    """The school's verzuim page: meldingen to confirm and send (oldest term first), the ones
    sent, and the last deliveries."""
    staff = rules.school_staff(actor)
    school = staff.organisation
    base = Melding.objects.filter(school=school).select_related("youth")
    to_send = list(base.filter(status=Melding.Status.FOUND).order_by("due_on", "pk")[: LIST_LIMIT + 1])
    sent = list(
        base.filter(status__in=[Melding.Status.SENT, Melding.Status.TAKEN_UP]).order_by("-sent_at")[: LIST_LIMIT + 1]
    )
    deliveries = list(
        Delivery.objects.filter(organisation=school).select_related("delivered_by").order_by("-delivered_at")[:10]
    )
    overview = SchoolOverview(
        staff,
        to_send[:LIST_LIMIT],
        sent[:LIST_LIMIT],
        deliveries,
        {"to_send": len(to_send) > LIST_LIMIT, "sent": len(sent) > LIST_LIMIT},
        # Leave requests still open, and those decided in the last 8 weeks.
        list(
            LeaveRequest.objects.filter(school=school)
            .filter(Q(decision="") | Q(decided_on__gte=timezone.localdate() - timedelta(weeks=8)))
            .select_related("youth")
            .order_by("-requested_on", "-pk")[:LIST_LIMIT]
        ),
    )
    grant = staff.grant(can_change=False)
    log_each(
        [
            *((m.youth_id, f"melding:{m.pk}", grant) for m in [*overview.to_send, *overview.sent]),
            *((r.youth_id, f"verlof:{r.pk}", grant) for r in overview.leave),
        ],
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="Verzuimmeldingen van de school",
    )
    return overview


@dataclass
class ConsulentOverview:
    lp: rules.Actor
    received: list[Melding]
    absolute: list[AbsoluteVerzuimRow]
    coming: list[AbsoluteVerzuimRow]
    deliveries: list[Delivery]
    more: dict = field(default_factory=dict)
    cases: list[LeerplichtCase] = field(default_factory=list)
    leave: list[LeaveRequest] = field(default_factory=list)


def absolute_verzuim(municipality, *, today: date) -> tuple[list[AbsoluteVerzuimRow], list[AbsoluteVerzuimRow]]:
    """Leerplicht art. 2 / DUO: the youths living in the municipality who are leerplichtig or
    kwalificatieplichtig today, enrolled at no school and without a vrijstelling; and, to keep
    every child in view, those who become leerplichtig within ``COMING_MONTHS`` without a school
    yet. One query."""
    horizon = today + relativedelta(months=COMING_MONTHS)
    current = Resident.objects.current(today).filter(youth=OuterRef("pk"), municipality=municipality)
    moved_away = Resident.objects.filter(youth=OuterRef("pk"), municipality=municipality, until__lte=today)
    youths = (
        Youth.objects.filter(
            municipality=municipality,
            # From about 4 (the coming ones) to 18 (kwalificatieplicht ends) and a margin either side.
            date_of_birth__gt=today - relativedelta(years=law.KWALIFICATIEPLICHT_UNTIL_AGE, days=1),
            date_of_birth__lte=today - relativedelta(years=law.LEERPLICHT_FROM_AGE - 1, months=COMING_MONTHS),
        )
        .exclude(Exists(moved_away) & ~Exists(current))
        .annotate(
            enrolled=Exists(Enrolment.objects.current(today).filter(youth=OuterRef("pk"))),
            enrolled_later=Exists(Enrolment.objects.filter(youth=OuterRef("pk"), start__gt=today)),
            exempt=Exists(Exemption.objects.filter(youth=OuterRef("pk"), start__lte=today, end__gte=today)),
            street=Subquery(current.order_by("-since").values("street")[:1]),
            city=Subquery(current.order_by("-since").values("city")[:1]),
        )
        .select_related("startkwalificatie")
        .order_by("date_of_birth", "last_name")
    )
    absolute, coming = [], []
    for youth in youths:
        if youth.enrolled or youth.exempt:
            continue
        diploma = getattr(youth, "startkwalificatie", None)
        duty = law.duty_on(youth.date_of_birth, today, startkwalificatie_on=diploma.obtained_on if diploma else None)
        address = ", ".join(part for part in (youth.street, youth.city) if part)
        start = law.leerplicht_start(youth.date_of_birth)
        if duty.applies:
            absolute.append(AbsoluteVerzuimRow(youth, duty, start, address))
        elif duty == law.Duty.NOT_YET and start <= horizon and not youth.enrolled_later:
            coming.append(AbsoluteVerzuimRow(youth, duty, start, address))
    return absolute, coming


def consulent_overview(*, actor, access_point: AccessPoint, today: date | None = None) -> ConsulentOverview:
    lp = rules.consulent(actor)
    today = today or timezone.localdate()
    municipality = lp.organisation.municipality
    received = list(
        Melding.objects.filter(youth__municipality=municipality, status=Melding.Status.SENT)
        .exclude(kind__in=Melding.MAZL_KINDS)
        .select_related("youth", "school")
        .order_by("sent_at")[: LIST_LIMIT + 1]
    )
    absolute, coming = absolute_verzuim(municipality, today=today)
    deliveries = list(
        Delivery.objects.filter(organisation=lp.organisation)
        .select_related("delivered_by")
        .order_by("-delivered_at")[:5]
    )
    overview = ConsulentOverview(
        lp,
        received[:LIST_LIMIT],
        absolute[:LIST_LIMIT],
        coming[:LIST_LIMIT],
        deliveries,
        {
            "received": len(received) > LIST_LIMIT,
            "absolute": len(absolute) > LIST_LIMIT,
            "coming": len(coming) > LIST_LIMIT,
        },
    )
    cases, leave = open_cases(lp), leave_for_consulent(lp)
    overview.cases, overview.leave = cases[:LIST_LIMIT], leave[:LIST_LIMIT]
    overview.more.update(cases=len(cases) > LIST_LIMIT, leave=len(leave) > LIST_LIMIT)
    grant = lp.grant(can_change=False)
    log_each(
        [
            *((m.youth_id, f"melding:{m.pk}", grant) for m in overview.received),
            *((c.youth_id, f"leerplichtzaak:{c.pk}", grant) for c in overview.cases),
            *((r.youth_id, f"verlof:{r.pk}", grant) for r in overview.leave),
            *((r.youth.pk, "absoluut-verzuim", grant) for r in [*overview.absolute, *overview.coming]),
        ],
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="Leerplicht: meldingen en absoluut verzuim",
    )
    return overview


def _log_read(actor, who: rules.Actor, youth, obj: str, description: str, access_point: AccessPoint) -> None:
    """One read of one leerplicht object of one youth."""
    log_access(
        user=actor,
        youth=youth,
        event=Event.READ,
        grant=who.grant(can_change=False),
        object_type=rules.OBJECT_TYPE,
        object_ids=[obj],
        categories=[Category.LEERPLICHT],
        access_point=access_point,
        description=description,
    )


@dataclass
class MeldingDetail:
    melding: Melding
    actor: rules.Actor
    can_send: bool
    absences: list
    can_take_up: bool = False
    can_advise: bool = False


def melding_detail(*, actor, melding_id: int, access_point: AccessPoint) -> MeldingDetail:
    """One melding with the absence it covers: for the school that found it, and (once sent) for
    the consulent of the youth's municipality; M@ZL meldingen go to the jeugdarts, not here."""
    melding = (
        Melding.objects.select_related("youth", "school", "sent_by__user", "jeugdarts__user")
        .filter(pk=melding_id)
        .first()
    )
    if melding is None:
        raise NotFoundOrForbidden
    who = rules.leerplicht_reader(actor)
    allowed = (
        (who.ground == Ground.SCHOOL_ENROLMENT and melding.school_id == who.organisation.pk)
        or (
            who.ground == Ground.LEERPLICHT_CONSULENT
            and melding.youth.municipality_id == who.organisation.municipality_id
            and melding.status != Melding.Status.FOUND
            and not melding.is_mazl
        )
        or (who.ground == Ground.MAZL_MELDING and melding.jeugdarts_id == who.professional.pk)
    )
    if not allowed:
        log_refusal(
            user=actor,
            youth=melding.youth,
            object_type=rules.OBJECT_TYPE,
            access_point=access_point,
            description="Verzuimmelding",
        )
        raise NotFoundOrForbidden
    can_send = (
        who.ground == Ground.SCHOOL_ENROLMENT
        and melding.status == Melding.Status.FOUND
        and bool(policy.function_codes(who.professional) & rules.DELIVER_FUNCTIONS)
    )
    absences = list(
        Absence.objects.filter(
            youth=melding.youth, school=melding.school, day__gte=melding.period_start, day__lte=melding.period_end
        ).order_by("day", "kind")
    )
    _log_read(actor, who, melding.youth, f"melding:{melding.pk}", "Verzuimmelding", access_point)
    can_take_up = who.ground == Ground.LEERPLICHT_CONSULENT and melding.status == Melding.Status.SENT
    can_advise = who.ground == Ground.MAZL_MELDING and melding.status == Melding.Status.SENT
    return MeldingDetail(melding, who, can_send, absences, can_take_up, can_advise)


# --- MAS casework ----------------------------------------------------------------------------------


def hours_label(value: Decimal) -> str:
    """Hours the Dutch way: 9, 12,5."""
    return f"{value.normalize():f}".replace(".", ",")


UNKNOWN = object()


def _diploma_on(youth: Youth) -> date | None:
    return Startkwalificatie.objects.filter(youth=youth).values_list("obtained_on", flat=True).first()


@dataclass
class HaltCheck:
    """Whether a pupil may be referred to Halt for verzuim, with the reasons if not."""

    age: int
    hours: Decimal
    times_late: int
    parents_must_consent: bool
    problems: list[str]

    @property
    def eligible(self) -> bool:
        return not self.problems


def halt_check(case: LeerplichtCase, today: date | None = None, *, diploma=UNKNOWN) -> HaltCheck:
    """The Halt criteria for schoolverzuim (``law.HALT_*``) on the case's verzuim: the unauthorised
    hours and the times late from the start of its first melding's period to today."""
    today = today or timezone.localdate()
    youth = case.youth
    age = age_on(youth.date_of_birth, today)
    first = case.meldingen.aggregate(first=Min("period_start"))["first"] or case.opened_on
    totals = Absence.objects.filter(youth=youth, day__gte=first, day__lte=today).aggregate(
        hours=Sum("hours", filter=Q(kind=Absence.Kind.UNAUTHORISED), default=Decimal(0)),
        late=Count("pk", filter=Q(kind=Absence.Kind.LATE)),
    )
    hours, times_late = totals["hours"], totals["late"]
    if diploma is UNKNOWN:
        diploma = _diploma_on(youth)
    problems = []
    if not law.HALT_FROM_AGE <= age < law.HALT_UNTIL_AGE:
        problems.append(_("De jeugdige is %(age)s jaar; Halt is voor jongeren van 12 tot 18 jaar.") % {"age": age})
    if not law.duty_on(youth.date_of_birth, today, startkwalificatie_on=diploma).applies:
        problems.append(_("De jeugdige is niet leerplichtig of kwalificatieplichtig."))
    enough_hours = law.HALT_MIN_HOURS <= hours <= law.HALT_MAX_HOURS
    enough_late = law.HALT_MIN_TIMES_LATE <= times_late <= law.HALT_MAX_TIMES_LATE
    if not (enough_hours or enough_late):
        problems.append(
            _(
                "Halt is voor 9 tot en met 60 uur ongeoorloofd verzuim of 12 tot en met 60 keer te laat; "
                "deze zaak heeft %(hours)s uur en %(late)s keer te laat."
            )
            % {"hours": hours_label(hours), "late": times_late}
        )
    if HaltReferral.objects.filter(youth=youth).exists():
        problems.append(_("De jeugdige is al eerder naar Halt verwezen voor verzuim: dat kan één keer."))
    return HaltCheck(age, hours, times_late, age < law.HALT_PARENTS_CONSENT_UNTIL_AGE, problems)


def open_care_cases(case: LeerplichtCase):
    """The youth's open cases in youth care, with their casusregisseur: what the consulent needs to
    coordinate (that a case runs and with whom), not what is in it."""
    return (
        Case.objects.filter(youth=case.youth, status__in=Case.OPEN_STATUSES)
        .select_related("casusregisseur__organisation")
        .order_by("opened_on")
    )


def handover_candidates(lp: rules.Actor) -> list[Professional]:
    """The other consulenten leerplicht still in service, to hand a case to."""
    return list(
        Professional.objects.working()
        .filter(organisation__kind=Organisation.Kind.GEMEENTE, functions__code=rules.CONSULENT)
        .exclude(pk=lp.professional.pk)
        .select_related("organisation", "user")
        .distinct()
        .order_by("organisation__name", "user__last_name")
    )


@dataclass
class CaseDetail:
    case: LeerplichtCase
    lp: rules.Actor
    steps: list[CaseStep]
    meldingen: list[Melding]
    halt: HaltCheck
    referral: HaltReferral | None
    processen_verbaal: list[ProcesVerbaal]
    care_cases: list
    colleagues: list[Professional]
    duty: law.Duty


def _refuse(actor, youth, access_point, description: str):
    log_refusal(
        user=actor, youth=youth, object_type=rules.OBJECT_TYPE, access_point=access_point, description=description
    )
    raise NotFoundOrForbidden


def case_for(actor, case_id: int, access_point: AccessPoint) -> tuple[LeerplichtCase, rules.Actor]:
    """A leerplicht case for the consulent of the municipality that holds it; refusals logged."""
    case = (
        LeerplichtCase.objects.select_related("youth", "school", "municipality", "consulent__user")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise NotFoundOrForbidden
    try:
        return case, rules.case_consulent(actor, case)
    except NotFoundOrForbidden:
        _refuse(actor, case.youth, access_point, "Leerplichtzaak")


def case_detail(*, actor, case_id: int, access_point: AccessPoint) -> CaseDetail:
    """A leerplicht case with its whole history, for the consulent who holds it."""
    case, lp = case_for(actor, case_id, access_point)
    today = timezone.localdate()
    diploma = _diploma_on(case.youth)
    detail = CaseDetail(
        case,
        lp,
        list(case.steps.select_related("by__user").order_by("-occurred_on", "-pk")),
        list(case.meldingen.select_related("school").order_by("reached_on")),
        halt_check(case, today, diploma=diploma),
        HaltReferral.objects.filter(case=case).first(),
        list(case.processen_verbaal.all()),
        list(open_care_cases(case)) if case.is_open else [],
        handover_candidates(lp) if case.is_open else [],
        law.duty_on(case.youth.date_of_birth, today, startkwalificatie_on=diploma),
    )
    _log_read(actor, lp, case.youth, f"leerplichtzaak:{case.pk}", "Leerplichtzaak", access_point)
    return detail


def open_cases(lp: rules.Actor) -> list[LeerplichtCase]:
    """The municipality's open leerplicht cases, the consulent's own first."""
    return list(
        LeerplichtCase.objects.filter(municipality=lp.organisation.municipality, status=LeerplichtCase.Status.OPEN)
        .select_related("youth", "school", "consulent__user")
        .annotate(mine=Q(consulent=lp.professional))
        .order_by("-mine", "opened_on", "pk")[: LIST_LIMIT + 1]
    )


def leave_for_consulent(lp: rules.Actor) -> list[LeaveRequest]:
    """Leave requests over 10 school days of the municipality's youths waiting for a decision."""
    return list(
        LeaveRequest.objects.filter(
            youth__municipality=lp.organisation.municipality,
            decision=LeaveRequest.Decision.PENDING,
            school_days__gt=law.HEAD_DECIDES_UP_TO_SCHOOL_DAYS,
        )
        .select_related("youth", "school")
        .order_by("requested_on", "pk")[: LIST_LIMIT + 1]
    )


def leave_detail(*, actor, leave_id: int, access_point: AccessPoint) -> tuple[LeaveRequest, rules.Actor, bool]:
    """A leave request: for the school that registered it and, over 10 school days, the consulent
    of the youth's municipality. Returns it, who reads it and whether they decide on it."""
    leave = LeaveRequest.objects.select_related("youth", "school", "decided_by__user").filter(pk=leave_id).first()
    if leave is None:
        raise NotFoundOrForbidden
    who = rules.leerplicht_actor(actor)
    if who.ground == Ground.SCHOOL_ENROLMENT:
        allowed = leave.school_id == who.organisation.pk
        decides = allowed and not leave.for_consulent and who.function.code == "schoolleider"
    else:
        allowed = leave.for_consulent and leave.youth.municipality_id == who.organisation.municipality_id
        decides = allowed
    if not allowed:
        _refuse(actor, leave.youth, access_point, "Verlofaanvraag")
    _log_read(actor, who, leave.youth, f"verlof:{leave.pk}", "Verlofaanvraag", access_point)
    return leave, who, decides and not leave.decision


def current_pupils(staff: rules.Actor):
    """The school's pupils enrolled today (for the leave form)."""
    return Youth.objects.filter(
        pk__in=Enrolment.objects.current(timezone.localdate()).filter(school=staff.organisation).values("youth_id")
    ).order_by("last_name", "first_name")


def jeugdartsen_for(school: Organisation) -> list[Professional]:
    """The jeugdartsen an M@ZL melding of this school can go to: of the GGD of the school's contact
    person, or of every GGD if the school has none."""
    from jeugdketen.schoolsupport.selectors import ggd_professionals_for

    candidates = ggd_professionals_for(school)
    doctors = set(
        Professional.objects.filter(pk__in=[p.pk for p in candidates], functions__code=rules.JEUGDARTS).values_list(
            "pk", flat=True
        )
    )
    return [p for p in candidates if p.pk in doctors]


def jeugdarts_overview(*, actor, access_point: AccessPoint) -> dict:
    """The M@ZL meldingen sent to this jeugdarts: open first (oldest first), then the advised ones."""
    doctor = rules.jeugdarts(actor)
    base = Melding.objects.filter(jeugdarts=doctor.professional).select_related("youth", "school")
    open_items = list(base.filter(status=Melding.Status.SENT).order_by("sent_at")[:LIST_LIMIT])
    advised = list(base.filter(status=Melding.Status.CLOSED).order_by("-advised_at")[:20])
    grant = doctor.grant(can_change=False)
    log_each(
        [(m.youth_id, f"melding:{m.pk}", grant) for m in [*open_items, *advised]],
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="M@ZL-meldingen",
    )
    return {"doctor": doctor, "open": open_items, "advised": advised}
