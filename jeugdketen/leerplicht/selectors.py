"""Reads the leerplicht pages and services share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each, log_refusal
from jeugdketen.youth.models import Enrolment, Youth

from . import law, rules
from .models import Absence, Delivery, Exemption, Melding, Resident, SchoolHoliday
from .schoolcalendar import Holiday, SchoolCalendar


def school_calendar(region: str) -> SchoolCalendar:
    """The school calendar of a holiday region (one query)."""
    return SchoolCalendar.from_holidays(
        Holiday(start, end, kind == SchoolHoliday.Kind.VACATION)
        for start, end, kind in SchoolHoliday.objects.filter(region=region).values_list("start", "end", "kind")
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
    )
    grant = staff.grant(can_change=False)
    log_each(
        [(m.youth_id, f"melding:{m.pk}", grant) for m in [*overview.to_send, *overview.sent]],
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
    grant = lp.grant(can_change=False)
    log_each(
        [
            *((m.youth_id, f"melding:{m.pk}", grant) for m in overview.received),
            *((r.youth.pk, "absoluut-verzuim", grant) for r in [*overview.absolute, *overview.coming]),
        ],
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="Leerplicht: meldingen en absoluut verzuim",
    )
    return overview


@dataclass
class MeldingDetail:
    melding: Melding
    actor: rules.Actor
    can_send: bool
    absences: list


def melding_detail(*, actor, melding_id: int, access_point: AccessPoint) -> MeldingDetail:
    """One melding with the absence it covers: for the school that found it, and (once sent) for
    the consulent of the youth's municipality; M@ZL meldingen go to the jeugdarts, not here."""
    melding = Melding.objects.select_related("youth", "school", "sent_by__user").filter(pk=melding_id).first()
    if melding is None:
        raise NotFoundOrForbidden
    who = rules.leerplicht_actor(actor)
    allowed = (who.ground == Ground.SCHOOL_ENROLMENT and melding.school_id == who.organisation.pk) or (
        who.ground == Ground.LEERPLICHT_CONSULENT
        and melding.youth.municipality_id == who.organisation.municipality_id
        and melding.status != Melding.Status.FOUND
        and not melding.is_mazl
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
    log_access(
        user=actor,
        youth=melding.youth,
        event=Event.READ,
        grant=who.grant(can_change=False),
        object_type=rules.OBJECT_TYPE,
        object_ids=[f"melding:{melding.pk}"],
        categories=[Category.LEERPLICHT],
        access_point=access_point,
        description="Verzuimmelding",
    )
    return MeldingDetail(melding, who, can_send, absences)
