"""Which pupils ``judge`` reads and judges: ``worth_judging`` passes over a pupil only when no rule
can find anything in their absence (checked with hypothesis against ``findings_for`` itself), and
the thresholds it uses follow from the law's numbers."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings as django_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from jeugdketen.leerplicht import law, verzuim
from jeugdketen.leerplicht.schoolcalendar import Holiday, SchoolCalendar
from jeugdketen.leerplicht.services import findings_for, worth_judging

MONDAY = date(2026, 9, 7)
H = Decimal
KINDS = ["ongeoorloofd", "te_laat", "ziek", "verlof", "schorsing"]


def test_the_thresholds_follow_from_the_law():
    assert verzuim.MAY_FIND_HOURS == law.RELATIEF_VERZUIM_HOURS == 16
    assert verzuim.MAY_FIND_SICK_DAYS == min(law.MAZL_SICK_REPORTS, law.MAZL_CONSECUTIVE_SCHOOL_DAYS) == 4
    assert verzuim.MAY_FIND_WHOLE_DAYS == 1


def test_worth_judging_one_hour_and_one_day_either_side():
    day = MONDAY
    whole = H(django_settings.JEUGDKETEN_ABSENT_DAY_HOURS)
    later = day + timedelta(days=1)
    assert worth_judging([(day, "te_laat", H(8)), (later, "te_laat", H(5)), (later, "ongeoorloofd", H(3))])  # 16
    assert not worth_judging([(day, "te_laat", H(8)), (later, "te_laat", H("4.75")), (later, "ongeoorloofd", H(3))])
    assert worth_judging([(day, "ongeoorloofd", whole)])  # a whole day absent: langdurig or luxe
    assert not worth_judging([(day, "ongeoorloofd", whole - H("0.25"))])
    assert not worth_judging([(day, "te_laat", H(10))])  # late is never a day absent
    sick = [(day + timedelta(days=i), "ziek", H(6)) for i in range(4)]
    assert worth_judging(sick) and not worth_judging(sick[:3])
    assert not worth_judging([(day, "verlof", H(12)), (day, "schorsing", H(12))])


@settings(max_examples=400, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(0, 160),
            st.sampled_from(KINDS),
            st.sampled_from([H("0.25"), H(1), H(2), H(3), H("3.75"), H(4), H(5), H(6), H(8)]),
        ),
        max_size=30,
        unique_by=lambda row: (row[0], row[1]),
    ),
    holiday_weeks=st.sets(st.integers(0, 22), max_size=5),
    refused=st.lists(st.tuples(st.integers(0, 160), st.integers(0, 10)), max_size=2),
    born=st.dates(date(2007, 1, 1), date(2022, 1, 1)),
)
def test_no_pupil_with_a_finding_is_passed_over(rows, holiday_weeks, refused, born):
    calendar = SchoolCalendar.from_holidays(
        [Holiday(MONDAY + timedelta(weeks=w), MONDAY + timedelta(weeks=w, days=6)) for w in holiday_weeks]
    )
    absence = [
        (MONDAY + timedelta(days=offset), kind, hours)
        for offset, kind, hours in rows
        if calendar.is_school_day(MONDAY + timedelta(days=offset))
    ]
    leave = [(MONDAY + timedelta(days=a), MONDAY + timedelta(days=a + n)) for a, n in refused]
    found = findings_for(absence, date_of_birth=born, startkwalificatie_on=None, calendar=calendar, refused_leave=leave)
    if found:
        assert worth_judging(absence), found
