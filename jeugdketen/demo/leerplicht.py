"""The demo's leerplicht in Dalfsen, built through the services as the people would:

- a school calendar shaped like regio noord's (herfst-, kerst-, voorjaars-, mei- and zomervakantie
  and the feestdagen) around today: an example, not the official dates, which a municipality
  enters from rijksoverheid.nl;
- Lotte (consulent leerplicht) reads in the population register: every demo youth living in
  Dalfsen with an address;
- Ilse (IB'er, OBS De Vecht) delivers the school's absence: Noah reaches 16 hours in the last two
  school weeks (a melding to confirm and send), Julia's melding is sent to Lotte already, and Finn
  has been ill for 7 school days (M@ZL, for the jeugdarts). Lotte took Julia's melding up in a
  leerplicht case (a conversation, an agreement, an invitation letter for the next one);
- Fenna's parents asked for 12 school days of leave: over 10, so Lotte decides (art. 14 lid 3).
- the schools' enrolments of the youths the toegang registered; Daan Smit (13), who moved to
  Dalfsen three weeks ago and is enrolled nowhere yet, is on the absolute verzuim list."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from jeugdketen.auditlog.services import AccessPoint, Channel
from jeugdketen.intake.deadlines import atw_holidays
from jeugdketen.leerplicht import law
from jeugdketen.leerplicht import services as lp
from jeugdketen.leerplicht.models import CaseStep, LeaveRequest, LeerplichtCase, Melding, SchoolHoliday
from jeugdketen.leerplicht.selectors import school_calendar

DEMO = AccessPoint(Channel.CLI)
STREETS = ["Kerkstraat", "Prinsenstraat", "Wilhelminastraat", "Oosterdalfsersweg", "Vechtdijk", "Molenweg"]


def _week(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


def _holidays(today: date) -> None:
    first = law.school_year_start(today).year - 1
    for year in range(first, first + 3):  # the school years from last year's to next year's
        nxt = year + 1
        periods = [
            ("Herfstvakantie", _week(year, 42) - timedelta(days=2), _week(year, 42) + timedelta(days=6)),
            ("Kerstvakantie", _week(year, 52) - timedelta(days=2), _week(nxt, 1) + timedelta(days=6)),
            ("Voorjaarsvakantie", _week(nxt, 8) - timedelta(days=2), _week(nxt, 8) + timedelta(days=6)),
            ("Meivakantie", _week(nxt, 17) - timedelta(days=2), _week(nxt, 18) + timedelta(days=6)),
            ("Zomervakantie", _week(nxt, 28) - timedelta(days=2), _week(nxt, 33) + timedelta(days=6)),
        ]
        for name, start, end in periods:
            SchoolHoliday.objects.create(region="noord", name=name, start=start, end=end)
        for day in sorted(atw_holidays(nxt)):
            if day.weekday() < 5 and not any(a <= day <= b for _n, a, b in periods):
                SchoolHoliday.objects.create(
                    region="noord", name="Feestdag", start=day, end=day, kind=SchoolHoliday.Kind.DAY_OFF
                )


def _enrol_registered(today: date, youths: dict, municipality) -> None:
    """The schools' enrolments of the youths the toegang registered (they came in through help
    requests, not with a school): po until 12, the Vechtdal Lyceum from 12."""
    from jeugdketen.organisations.models import Organisation
    from jeugdketen.youth.models import Enrolment, Youth

    schools = Organisation.objects.filter(kind=Organisation.Kind.SCHOOL, municipality=municipality).order_by("name")
    po = [s for s in schools if s.sector == Organisation.Sector.PO]
    vo = next(s for s in schools if s.sector == Organisation.Sector.VO)
    start = law.school_year_start(today)
    for i, youth in enumerate(
        Youth.objects.filter(municipality=municipality, enrolments__isnull=True).exclude(
            pk__in=[y.pk for y in youths.values()]
        )
    ):
        if law.duty_on(youth.date_of_birth, today).applies:
            school = vo if youth.age(today) >= 12 else po[i % len(po)]
            Enrolment.objects.create(youth=youth, school=school, start=start)


def _free_bsn() -> str:
    from jeugdketen.youth.models import Youth
    from jeugdketen.youth.validators import bsn_is_valid

    candidate = 214_365_000
    while not bsn_is_valid(str(candidate)) or Youth.objects.filter(bsn=str(candidate)).exists():
        candidate += 1
    return str(candidate)


def _school_days_before(today: date, count: int) -> list[date]:
    calendar = school_calendar("noord")
    days, day = [], today
    while len(days) < count:
        day = calendar.previous_school_day(day)
        days.append(day)
    return sorted(days)


def load_demo_leerplicht(*, today: date, youths: dict, pros: dict, municipality) -> int:
    _holidays(today)
    lotte, ilse = pros["lotte"], pros["ilse"]
    _enrol_registered(today, youths, municipality)
    lines = [
        "bsn;geslachtsnaam;voorvoegsel;voornamen;geboortedatum;geslacht;straat;huisnummer;postcode;woonplaats;datum_vestiging"
    ]
    for i, youth in enumerate(y for y in youths.values() if y.bsn and y.municipality_id == municipality.pk):
        lines.append(
            ";".join(
                [
                    youth.bsn,
                    youth.last_name,
                    youth.name_prefix,
                    youth.first_name,
                    youth.date_of_birth.strftime("%d-%m-%Y"),
                    {"m": "M", "v": "V"}.get(youth.gender, "O"),
                    STREETS[i % len(STREETS)],
                    str(3 + i * 2),
                    f"77{21 + i % 3}{'AB'[i % 2]}{'KL'[i % 2]}",
                    "Dalfsen",
                    youth.date_of_birth.strftime("%d-%m-%Y"),
                ]
            )
        )
    daan_bsn = _free_bsn()
    born = date(today.year - 13, 3, 14)
    moved_in = today - timedelta(weeks=3)
    lines.append(f"{daan_bsn};Smit;;Daan Pieter;{born:%d-%m-%Y};M;Vechtdijk;40;7721LK;Dalfsen;{moved_in:%d-%m-%Y}")
    lp.population_import(
        actor=lotte.user, data="\n".join(lines).encode(), filename="brp-dalfsen.csv", access_point=DEMO, today=today
    )

    ten = _school_days_before(today, 10)
    noah, julia, finn = youths["jansen_noah"], youths["vdveen_julia"], youths["mulder_finn"]
    rows = ["bsn;datum;soort;lesuren"]
    rows += [f"{noah.bsn};{d:%d-%m-%Y};ongeoorloofd;4" for d in ten[-4:]]
    rows += [f"{noah.bsn};{d:%d-%m-%Y};te laat;0,25" for d in ten[:3]]
    rows += [f"{julia.bsn};{d:%d-%m-%Y};ongeoorloofd;5" for d in ten[:4]]
    rows += [f"{finn.bsn};{d:%d-%m-%Y};ziek;5" for d in ten[-7:]]
    rows += [f"{youths['deboer_fenna'].bsn};{ten[2]:%d-%m-%Y};verlof;5"]
    result = lp.absence_import(
        actor=ilse.user,
        data="\n".join(rows).encode(),
        filename="verzuim-obs-de-vecht.csv",
        access_point=DEMO,
        today=today,
    )
    sent = Melding.objects.get(youth=julia, kind=Melding.Kind.RELATIEF)
    lp.melding_send(
        actor=ilse.user,
        melding=sent,
        note="Julia komt sinds twee weken 's ochtends niet. Moeder gebeld op maandag; zij maakt zich zorgen en wil graag in gesprek.",
        access_point=DEMO,
    )
    _julia_case(sent, lotte, today)
    _leave_request(ilse, youths["deboer_fenna"], today)
    return result.meldingen


def _julia_case(melding, lotte, today: date) -> None:
    """Lotte takes up Julia's melding: a leerplicht case with a first conversation, an agreement
    and an invitation for the follow-up conversation (a letter)."""
    case = lp.case_take_up(actor=lotte.user, melding=melding, access_point=DEMO)
    lp.case_step_add(
        actor=lotte.user,
        case=case,
        kind=CaseStep.Kind.CONVERSATION,
        title="Eerste gesprek met Julia en moeder",
        text="Julia slaapt slecht en zegt 's ochtends buikpijn te hebben. Moeder herkent dat; zij wil hulp.",
        with_whom="Julia en Petra van der Veen",
        access_point=DEMO,
    )
    lp.case_step_add(
        actor=lotte.user,
        case=case,
        kind=CaseStep.Kind.AGREEMENT,
        title="Julia is iedere ochtend om 8.20 uur op school; moeder brengt haar",
        due_on=today + timedelta(weeks=2),
        access_point=DEMO,
    )
    lp.phase_set(actor=lotte.user, case=case, phase=LeerplichtCase.Phase.ANALYSEREN, access_point=DEMO)
    follow_up = school_calendar("noord").next_school_day(today + timedelta(days=7))
    lp.invitation_send(
        actor=lotte.user,
        case=case,
        appointment_at=timezone.make_aware(datetime.combine(follow_up, time(15, 30))),
        location="Gemeentehuis Dalfsen, Waterstraat 10",
        with_whom="Julia en haar ouders",
        access_point=DEMO,
    )


def _leave_request(ilse, youth, today: date) -> None:
    """Fenna's parents ask for 12 school days of leave: over 10, so Lotte decides (art. 14 lid 3)."""
    calendar = school_calendar("noord")
    start = calendar.next_school_day(today + timedelta(weeks=3))
    end = start
    for _i in range(11):
        end = calendar.next_school_day(end)
    lp.leave_request_register(
        actor=ilse.user,
        youth=youth,
        ground=LeaveRequest.Ground.CIRCUMSTANCES,
        reason="Begrafenis van grootvader in Canada; de familie blijft voor de rouwperiode.",
        requested_by="Linda de Boer",
        requested_on=today,
        start=start,
        end=end,
        access_point=DEMO,
    )
