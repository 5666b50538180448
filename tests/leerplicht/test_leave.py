"""Leave requests (Leerplichtwet art. 13a, 14) through the services: the school's IB'er or
schoolleider registers the parents' request, school days counted with the region's calendar;
art. 13a's limits (10 school days, not in the first two school weeks, once a school year); up to
10 school days the schoolleider decides, over 10 the consulent of the youth's municipality; a
refused leave turns whole days of unauthorised absence in it into luxe verzuim. Each rule from
both sides."""

from datetime import date, datetime, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.leerplicht import services
from jeugdketen.leerplicht.models import LeaveRequest, Melding
from tests.factories import MunicipalityFactory, OrganisationFactory, SchoolFactory, professional

from .conftest import TODAY, pupil

pytestmark = pytest.mark.django_db
HOLIDAY = LeaveRequest.Ground.HOLIDAY
CIRCUMSTANCES = LeaveRequest.Ground.CIRCUMSTANCES
GRANTED = LeaveRequest.Decision.GRANTED
REFUSED = LeaveRequest.Decision.REFUSED


def set_today(monkeypatch, day: date) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
    monkeypatch.setattr(timezone, "now", lambda: timezone.make_aware(datetime.combine(day, time(9))))


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The services' "today" is the fixture's Friday 20 November 2026."""
    set_today(monkeypatch, TODAY)


@pytest.fixture
def head(school):
    return professional("schoolleider", organisation=school)


@pytest.fixture
def youth(school):
    return pupil(school, 1)


def register(actor, youth, start, end, *, ground=CIRCUMSTANCES, requested_on=None, **kwargs):
    return services.leave_request_register(
        actor=actor.user,
        youth=youth,
        ground=ground,
        reason=kwargs.pop("reason", "Huwelijk van de broer in Marokko."),
        requested_by=kwargs.pop("requested_by", "Petra Jansen"),
        requested_on=requested_on or date(2026, 9, 1),
        start=start,
        end=end,
        access_point=CLI,
        **kwargs,
    )


def decide(actor, leave, decision=GRANTED, grounds="Gewichtige omstandigheid aangetoond."):
    return services.leave_decide(actor=actor.user, leave=leave, decision=decision, grounds=grounds, access_point=CLI)


def errors(excinfo) -> dict:
    return excinfo.value.message_dict


def elsewhere_consulent():
    return professional(
        "leerplicht",
        organisation=OrganisationFactory(
            kind="gemeente", municipality=MunicipalityFactory(cbs_code="0193", name="Zwolle")
        ),
    )


# --- registering --------------------------------------------------------------------------------


def test_the_ib_er_registers_a_request(ib, youth):
    leave = register(ib, youth, date(2026, 11, 30), date(2026, 12, 4), requested_on=date(2026, 11, 16))
    assert leave.school == ib.organisation and leave.registered_by == ib
    assert leave.school_days == 5 and leave.decision == LeaveRequest.Decision.PENDING
    assert not leave.for_consulent
    entry = AccessLogEntry.objects.get(youth=youth, event="create")
    assert entry.user == ib.user and entry.object_ids == [f"verlof:{leave.pk}"]
    assert entry.description == "Verlofaanvraag geregistreerd"


def test_the_schoolleider_registers_too(head, youth):
    assert register(head, youth, date(2026, 11, 30), date(2026, 12, 1)).registered_by == head


def test_a_leerkracht_does_not_register(school, youth):
    teacher = professional("leerkracht", organisation=school)
    with pytest.raises(NotAllowed):
        register(teacher, youth, date(2026, 11, 30), date(2026, 12, 1))
    assert not LeaveRequest.objects.exists()


def test_another_schools_pupil_is_not_found(ib, holidays):
    other = pupil(SchoolFactory(name="CBS De Regenboog"), 2)
    with pytest.raises(NotFoundOrForbidden):
        register(ib, other, date(2026, 11, 30), date(2026, 12, 1))
    assert not LeaveRequest.objects.exists()


def test_the_consulent_does_not_register(consulent, youth):
    with pytest.raises(NotFoundOrForbidden):
        register(consulent, youth, date(2026, 11, 30), date(2026, 12, 1))


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (date(2026, 11, 2), date(2026, 11, 6), 4),  # the studiedag on Wednesday 4 November
        (date(2026, 11, 27), date(2026, 11, 30), 2),  # Friday to Monday: the weekend is no school day
        (date(2026, 10, 5), date(2026, 10, 23), 10),  # the herfstvakantie (10-18 October) in between
        (date(2026, 12, 14), date(2027, 1, 8), 10),  # the kerstvakantie (19 December - 3 January)
        (date(2026, 11, 4), date(2026, 11, 5), 1),  # from the studiedag
    ],
)
def test_school_days_are_counted_with_the_calendar(ib, youth, start, end, days):
    assert register(ib, youth, start, end).school_days == days


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 11, 21), date(2026, 11, 22)),  # a weekend
        (date(2026, 11, 4), date(2026, 11, 4)),  # the studiedag
        (date(2026, 12, 21), date(2027, 1, 1)),  # within the kerstvakantie
    ],
)
def test_a_period_without_a_school_day_needs_no_leave(ib, youth, start, end):
    with pytest.raises(ValidationError) as excinfo:
        register(ib, youth, start, end)
    assert errors(excinfo) == {"start": ["In deze periode valt geen schooldag: daarvoor is geen verlof nodig."]}
    assert not LeaveRequest.objects.exists()


def test_what_the_request_must_hold(ib, youth):
    with pytest.raises(ValidationError) as excinfo:
        register(
            ib, youth, date(2026, 12, 4), date(2026, 11, 30), ground="13b", reason=" ", requested_by="",
            requested_on=date(2026, 11, 21),
        )  # fmt: skip
    found = errors(excinfo)
    assert set(found) == {"ground", "reason", "requested_by", "requested_on", "end"}
    assert found["reason"] == ["Vul de reden van de aanvraag in."]
    assert found["requested_on"] == ["De datum ligt in de toekomst."]
    assert found["end"] == ["De laatste dag ligt vóór de eerste dag."]
    assert not LeaveRequest.objects.exists()


def test_a_request_received_today_is_fine(ib, youth):
    assert register(ib, youth, date(2026, 11, 30), date(2026, 11, 30), requested_on=TODAY).requested_on == TODAY


# --- art. 13a -----------------------------------------------------------------------------------


def test_holiday_leave_is_at_most_10_school_days(ib, youth):
    ten = register(ib, youth, date(2026, 11, 30), date(2026, 12, 11), ground=HOLIDAY)
    assert ten.school_days == 10
    with pytest.raises(ValidationError) as excinfo:
        register(ib, youth, date(2026, 11, 30), date(2026, 12, 14), ground=HOLIDAY)
    assert errors(excinfo) == {"end": ["Vakantieverlof (art. 13a) is hoogstens 10 schooldagen."]}
    assert LeaveRequest.objects.count() == 1


def test_leave_for_circumstances_may_be_longer(ib, youth):
    assert register(ib, youth, date(2026, 11, 30), date(2026, 12, 14), ground=CIRCUMSTANCES).school_days == 11


@pytest.mark.parametrize(
    ("start", "end", "allowed"),
    [
        # The summer vacation (regio noord) ends Sunday 16 August 2026: the school year's first two
        # school weeks are Monday 17 to Friday 28 August.
        (date(2026, 8, 17), date(2026, 8, 21), False),
        (date(2026, 8, 24), date(2026, 8, 28), False),
        (date(2026, 8, 28), date(2026, 9, 4), False),
        (date(2026, 8, 14), date(2026, 8, 18), False),  # from the last days of the vacation
        (date(2026, 8, 31), date(2026, 9, 4), True),
        (date(2026, 8, 31), date(2026, 8, 31), True),
    ],
)
def test_holiday_leave_not_in_the_first_two_school_weeks(monkeypatch, ib, youth, start, end, allowed):
    set_today(monkeypatch, date(2026, 7, 1))
    requested = date(2026, 6, 15)
    if allowed:
        assert register(ib, youth, start, end, ground=HOLIDAY, requested_on=requested).start == start
        return
    with pytest.raises(ValidationError) as excinfo:
        register(ib, youth, start, end, ground=HOLIDAY, requested_on=requested)
    assert errors(excinfo) == {
        "start": ["Vakantieverlof (art. 13a) kan niet in de eerste twee weken van het schooljaar."]
    }
    # Leave for important circumstances may be taken then.
    assert register(ib, youth, start, end, ground=CIRCUMSTANCES, requested_on=requested).school_days > 0


def test_holiday_leave_that_runs_into_the_first_two_school_weeks_is_refused(monkeypatch, ib, youth):
    set_today(monkeypatch, date(2026, 6, 29))
    # Thursday 2 and Friday 3 July, then Monday 17 to Thursday 20 August: 6 school days, 4 of
    # them in the first school week of 2026-2027.
    with pytest.raises(ValidationError) as excinfo:
        register(ib, youth, date(2026, 7, 2), date(2026, 8, 20), ground=HOLIDAY, requested_on=date(2026, 6, 15))
    assert "start" in errors(excinfo) or "end" in errors(excinfo)


def test_holiday_leave_once_a_school_year(ib, head, youth):
    first = register(ib, youth, date(2026, 11, 30), date(2026, 12, 4), ground=HOLIDAY)
    # While the first is not granted, a second request is registered (the first may be refused).
    second = register(ib, youth, date(2027, 2, 1), date(2027, 2, 5), ground=HOLIDAY)
    decide(head, first, GRANTED)
    with pytest.raises(ValidationError) as excinfo:
        register(ib, youth, date(2027, 3, 1), date(2027, 3, 5), ground=HOLIDAY)
    assert errors(excinfo) == {
        "ground": ["Vakantieverlof (art. 13a) is al eens verleend in dit schooljaar: het kan één keer per schooljaar."]
    }
    # Leave on another ground, and holiday leave in the next school year, remain possible.
    assert register(ib, youth, date(2027, 3, 1), date(2027, 3, 5), ground=CIRCUMSTANCES)
    assert register(ib, youth, date(2027, 9, 6), date(2027, 9, 10), ground=HOLIDAY)
    assert LeaveRequest.objects.filter(ground=HOLIDAY).count() == 3
    assert second.decision == LeaveRequest.Decision.PENDING


def test_a_refused_holiday_leave_does_not_use_up_the_school_year(ib, head, youth):
    first = register(ib, youth, date(2026, 11, 30), date(2026, 12, 4), ground=HOLIDAY)
    decide(head, first, REFUSED, "Geen werkgeversverklaring.")
    assert register(ib, youth, date(2027, 2, 1), date(2027, 2, 5), ground=HOLIDAY)


def test_a_second_holiday_leave_in_the_school_year_is_not_granted(ib, head, youth):
    first = register(ib, youth, date(2026, 11, 30), date(2026, 12, 4), ground=HOLIDAY)
    second = register(ib, youth, date(2027, 2, 1), date(2027, 2, 5), ground=HOLIDAY)
    decide(head, first, GRANTED)
    with pytest.raises(ValidationError):
        decide(head, second, GRANTED)


# --- who decides --------------------------------------------------------------------------------


def test_exactly_10_school_days_go_to_the_head_11_to_the_consulent(ib, youth):
    ten = register(ib, youth, date(2026, 10, 5), date(2026, 10, 23))  # the herfstvakantie in between
    eleven = register(ib, youth, date(2026, 10, 5), date(2026, 10, 26))
    assert (ten.school_days, ten.for_consulent) == (10, False)
    assert (eleven.school_days, eleven.for_consulent) == (11, True)


def test_up_to_10_school_days_the_schoolleider_decides(ib, head, consulent, youth):
    leave = register(ib, youth, date(2026, 10, 5), date(2026, 10, 23))
    with pytest.raises(NotAllowed):
        decide(ib, leave)
    with pytest.raises(NotFoundOrForbidden):
        decide(consulent, leave)
    with pytest.raises(NotFoundOrForbidden):
        decide(professional("schoolleider", organisation=SchoolFactory(name="CBS De Regenboog")), leave)
    leave.refresh_from_db()
    assert leave.decision == LeaveRequest.Decision.PENDING
    decided = decide(head, leave, GRANTED, "Begrafenis van de grootvader.")
    leave.refresh_from_db()
    assert leave == decided
    assert (leave.decision, leave.decided_by, leave.decided_on) == (GRANTED, head, TODAY)
    assert leave.decision_grounds == "Begrafenis van de grootvader."


def test_over_10_school_days_the_consulent_of_the_youths_municipality_decides(ib, head, consulent, youth):
    leave = register(ib, youth, date(2026, 10, 5), date(2026, 10, 26))
    for who in (head, elsewhere_consulent()):
        with pytest.raises(NotFoundOrForbidden):
            decide(who, leave)
    with pytest.raises(NotFoundOrForbidden):
        decide(ib, leave)
    leave.refresh_from_db()
    assert leave.decision == LeaveRequest.Decision.PENDING
    decide(consulent, leave, REFUSED, "Geen gewichtige omstandigheid.")
    leave.refresh_from_db()
    assert (leave.decision, leave.decided_by) == (REFUSED, consulent)


def test_deciding_twice_is_refused(ib, head, youth):
    leave = register(ib, youth, date(2026, 11, 30), date(2026, 12, 4))
    decide(head, leave, GRANTED)
    with pytest.raises(ValidationError) as excinfo:
        decide(head, leave, REFUSED, "Toch niet.")
    assert errors(excinfo) == {"decision": ["Over deze aanvraag is al beslist."]}
    leave.refresh_from_db()
    assert leave.decision == GRANTED


def test_a_decision_needs_its_grounds_and_a_choice(ib, head, youth):
    leave = register(ib, youth, date(2026, 11, 30), date(2026, 12, 4))
    with pytest.raises(ValidationError) as excinfo:
        decide(head, leave, REFUSED, "  ")
    assert errors(excinfo) == {"decision_grounds": ["Vul de motivering van het besluit in."]}
    with pytest.raises(ValidationError) as excinfo:
        decide(head, leave, "misschien")
    assert "decision" in errors(excinfo)
    with pytest.raises(ValidationError):
        decide(head, leave, LeaveRequest.Decision.PENDING)
    leave.refresh_from_db()
    assert leave.decision == LeaveRequest.Decision.PENDING and leave.decided_by is None
    assert not AccessLogEntry.objects.filter(youth=youth, event="update").exists()


# --- luxe verzuim -------------------------------------------------------------------------------


def absent(ib, youth, days, hours=4):
    rows = [{"bsn": youth.bsn, "datum": f"{d:%d-%m-%Y}", "soort": "ongeoorloofd", "lesuren": str(hours)} for d in days]
    return services.absence_rows_import(actor=ib.user, rows=rows, access_point=CLI, today=TODAY)


# Monday 9 and Tuesday 10 November: far from a vacation, so not luxe verzuim by themselves; with
# Thursday 12 November (outside the leave) 12 hours, under the 16 of art. 21a.
LEAVE = (date(2026, 11, 9), date(2026, 11, 10))
ABSENT = [date(2026, 11, 9), date(2026, 11, 10), date(2026, 11, 12)]


def luxe():
    return list(Melding.objects.filter(kind=Melding.Kind.LUXE))


def test_absence_in_refused_leave_becomes_luxe_verzuim_on_the_refusal(ib, head, youth):
    leave = register(ib, youth, *LEAVE, requested_on=date(2026, 10, 26))
    assert absent(ib, youth, ABSENT).meldingen == 0
    assert not Melding.objects.exists()
    decide(head, leave, REFUSED, "Geen gewichtige omstandigheid.")
    (melding,) = luxe()
    assert (melding.youth, melding.school, melding.status) == (youth, leave.school, Melding.Status.FOUND)
    assert (melding.period_start, melding.period_end, melding.count) == (*LEAVE, 2)
    assert melding.reached_on == LEAVE[0]
    assert Melding.objects.count() == 1  # no relatief verzuim: 12 hours
    entry = AccessLogEntry.objects.get(youth=youth, event="create", object_ids=[f"melding:{melding.pk}"])
    assert entry.user == head.user


def test_absence_delivered_after_the_refusal_is_luxe_verzuim(ib, head, youth):
    leave = register(ib, youth, *LEAVE, requested_on=date(2026, 10, 26))
    decide(head, leave, REFUSED, "Geen gewichtige omstandigheid.")
    assert not Melding.objects.exists()
    assert absent(ib, youth, ABSENT).meldingen == 1
    (melding,) = luxe()
    assert (melding.period_start, melding.period_end) == LEAVE


def test_absence_in_granted_leave_is_no_luxe_verzuim(ib, head, youth):
    leave = register(ib, youth, *LEAVE, requested_on=date(2026, 10, 26))
    decide(head, leave, GRANTED)
    absent(ib, youth, ABSENT)
    assert not luxe()


def test_part_of_a_day_in_refused_leave_is_not_luxe_verzuim(ib, head, youth):
    leave = register(ib, youth, *LEAVE, requested_on=date(2026, 10, 26))
    decide(head, leave, REFUSED, "Geen gewichtige omstandigheid.")
    absent(ib, youth, LEAVE, hours=2)  # under a whole day (4 lesson hours)
    assert not luxe()


def test_the_consulents_refusal_finds_luxe_verzuim_too(ib, consulent, youth):
    start, end = date(2026, 10, 26), date(2026, 11, 10)  # 11 school days (the studiedag excluded)
    leave = register(ib, youth, start, end, requested_on=date(2026, 10, 1))
    assert leave.for_consulent
    absent(ib, youth, [date(2026, 11, 9)])
    assert not luxe()
    decide(consulent, leave, REFUSED, "Geen gewichtige omstandigheid.")
    (melding,) = luxe()
    assert (melding.period_start, melding.period_end) == (date(2026, 11, 9), date(2026, 11, 9))
    assert AccessLogEntry.objects.filter(
        youth=youth, user=consulent.user, event="create", object_ids=[f"melding:{melding.pk}"]
    ).exists()


def test_leave_of_another_pupil_is_not_counted(ib, head, school, youth):
    other = pupil(school, 2)
    leave = register(ib, other, *LEAVE, requested_on=date(2026, 10, 26))
    decide(head, leave, REFUSED, "Geen gewichtige omstandigheid.")
    absent(ib, youth, ABSENT)
    assert not luxe()


# --- the access log -------------------------------------------------------------------------------


def test_every_change_is_logged(ib, head, youth):
    leave = register(ib, youth, *LEAVE, requested_on=date(2026, 10, 26))
    decide(head, leave, REFUSED, "Geen gewichtige omstandigheid.")
    entries = AccessLogEntry.objects.filter(youth=youth, object_ids=[f"verlof:{leave.pk}"]).order_by("pk")
    assert [(e.event, e.user, e.description) for e in entries] == [
        ("create", ib.user, "Verlofaanvraag geregistreerd"),
        ("update", head.user, "Besluit op verlofaanvraag"),
    ]
    assert all(e.categories == ["leerplicht"] for e in entries)
    assert entries[1].function_code == "schoolleider"
