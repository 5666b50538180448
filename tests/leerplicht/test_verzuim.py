"""Every threshold of the absence rules one hour and one day either side, holiday weeks, and
the 16-hours window against a plain day-by-day reference (hypothesis)."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jeugdketen.leerplicht import law
from jeugdketen.leerplicht.schoolcalendar import Holiday, SchoolCalendar
from jeugdketen.leerplicht.verzuim import Kind, langdurig, luxe, mazl, relatief

MONDAY = date(2026, 9, 7)  # a Monday in a school year without holidays in these tests
PLAIN = SchoolCalendar()
H = Decimal


def school_days(calendar, start, count):
    days, day = [], start
    while len(days) < count:
        if calendar.is_school_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


# --- 16 hours within 4 school weeks --------------------------------------------------------------


def test_16_hours_is_a_finding_15_and_a_half_is_not():
    days = [(MONDAY + timedelta(days=i), H(4)) for i in range(4)]
    assert [f.reached_on for f in relatief(days, PLAIN)] == [MONDAY + timedelta(days=3)]
    assert relatief([*days[:3], (days[3][0], H("3.5"))], PLAIN) == []
    assert relatief([*days[:3], (days[3][0], H(3))], PLAIN) == []  # one hour short


def test_the_window_is_4_school_weeks_a_day_more_and_it_drops_out():
    first = MONDAY
    within = first + timedelta(weeks=3, days=4)  # Friday of the 4th week
    beyond = first + timedelta(weeks=4)  # Monday of the 5th week
    assert relatief([(first, H(8)), (within, H(8))], PLAIN)[0].reached_on == within
    assert relatief([(first, H(8)), (beyond, H(8))], PLAIN) == []


def test_holiday_weeks_do_not_count():
    calendar = SchoolCalendar.from_holidays([Holiday(MONDAY + timedelta(weeks=1), MONDAY + timedelta(weeks=2, days=6))])
    later = MONDAY + timedelta(weeks=5)  # 5 calendar weeks on, but only the 4th school week
    assert calendar.school_week(later) - calendar.school_week(MONDAY) == 3
    assert relatief([(MONDAY, H(8)), (later, H(8))], calendar)[0].reached_on == later
    assert relatief([(MONDAY, H(8)), (later + timedelta(weeks=1), H(8))], calendar) == []


def test_a_week_with_only_a_day_off_is_a_school_week():
    calendar = SchoolCalendar.from_holidays([Holiday(MONDAY + timedelta(days=3), MONDAY + timedelta(days=4), False)])
    assert calendar.school_week(MONDAY) is not None
    assert not calendar.is_school_day(MONDAY + timedelta(days=3))


def test_a_new_window_after_each_report():
    days = [(day, H(8)) for day in school_days(PLAIN, MONDAY, 6)]
    findings = relatief(days, PLAIN)
    # 16 hours on day 2; the next 16 hours (days 3 and 4) are within 7 days: reported on day 8
    # of the calendar (the next Monday... after 7 days), counting what came after the first report.
    assert [f.reached_on for f in findings] == [MONDAY + timedelta(days=1), MONDAY + timedelta(days=8)]
    assert findings[1].start == MONDAY + timedelta(days=2)
    assert findings[1].hours == H(32)


def test_after_a_report_the_same_hours_do_not_count_again():
    days = [(MONDAY, H(16)), (MONDAY + timedelta(days=8), H(15))]
    assert len(relatief(days, PLAIN)) == 1


# --- langdurig relatief verzuim -------------------------------------------------------------------


def test_langdurig_is_more_than_4_school_weeks():
    days = school_days(PLAIN, MONDAY, 21)
    findings = langdurig(days, PLAIN)
    assert [f.reached_on for f in findings] == [MONDAY + timedelta(weeks=4)]
    assert langdurig(days[:20], PLAIN) == []  # exactly 4 weeks: not yet
    gap = days[:10] + days[11:]  # one school day present breaks the run
    assert langdurig(gap, PLAIN) == []


def test_langdurig_over_a_holiday_counts_school_weeks():
    calendar = SchoolCalendar.from_holidays([Holiday(MONDAY + timedelta(weeks=2), MONDAY + timedelta(weeks=2, days=6))])
    days = school_days(calendar, MONDAY, 21)
    assert [f.reached_on for f in langdurig(days, calendar)] == [MONDAY + timedelta(weeks=5)]


# --- luxe verzuim ---------------------------------------------------------------------------------


def test_luxe_verzuim_on_the_days_around_a_vacation():
    vacation = Holiday(MONDAY + timedelta(weeks=1), MONDAY + timedelta(weeks=1, days=6))
    calendar = SchoolCalendar.from_holidays([vacation])
    friday_before = MONDAY + timedelta(days=4)
    thursday_before = MONDAY + timedelta(days=3)
    wednesday_before = MONDAY + timedelta(days=2)
    monday_after = MONDAY + timedelta(weeks=2)
    found = luxe([thursday_before, friday_before], calendar, border_days=2)
    assert [(f.start, f.end, f.count) for f in found] == [(thursday_before, friday_before, 2)]
    assert luxe([wednesday_before], calendar, border_days=2) == []  # a day further: not
    assert luxe([monday_after], calendar, border_days=2)[0].reached_on == monday_after
    assert luxe([monday_after], calendar, border_days=0) == []


def test_luxe_verzuim_in_a_period_of_refused_leave():
    found = luxe(
        [MONDAY + timedelta(days=15)], PLAIN, border_days=2, refused_leave=[(MONDAY, MONDAY + timedelta(days=20))]
    )
    assert found[0].kind == Kind.LUXE
    assert (
        luxe([MONDAY + timedelta(days=21)], PLAIN, border_days=2, refused_leave=[(MONDAY, MONDAY + timedelta(days=20))])
        == []
    )


# --- M@ZL -----------------------------------------------------------------------------------------


def test_mazl_the_7th_consecutive_school_day_ill():
    days = school_days(PLAIN, MONDAY, 7)
    assert [(f.kind, f.reached_on) for f in mazl(days, PLAIN)] == [(Kind.MAZL_LONG, days[6])]
    assert mazl(days[:6], PLAIN) == []  # the 6th day: not yet


def test_mazl_4_sick_reports_within_12_school_weeks():
    starts = [MONDAY + timedelta(weeks=w) for w in (0, 4, 8, 11)]
    assert [(f.kind, f.reached_on, f.count) for f in mazl(starts, PLAIN)] == [(Kind.MAZL_FREQUENT, starts[3], 4)]
    assert mazl(starts[:3], PLAIN) == []  # 3 reports: not yet
    late = [*starts[:3], MONDAY + timedelta(weeks=12)]  # the 4th in the 13th school week
    assert mazl(late, PLAIN) == []


def test_mazl_a_sick_report_spans_a_weekend():
    friday, monday = MONDAY + timedelta(days=4), MONDAY + timedelta(days=7)
    assert mazl([friday, monday, MONDAY + timedelta(weeks=3), MONDAY + timedelta(weeks=5)], PLAIN) == []


# --- the window against a reference ---------------------------------------------------------------


def reference(days, calendar, threshold=law.RELATIEF_VERZUIM_HOURS, weeks=4, min_days=7):
    """Day by day: on every school day, sum the hours after the last report within the last
    ``weeks`` school weeks; report when it reaches the threshold and 7 days have passed."""
    hours = {}
    for day, h in days:
        if h > 0 and calendar.school_week(day) is not None:
            hours[day] = hours.get(day, 0) + h
    if not hours:
        return []
    found, after, not_before = [], None, None
    day, last = min(hours), max(hours) + timedelta(days=min_days + 21)
    while day <= last:
        week = calendar.school_week(day)
        if calendar.is_school_day(day) and week is not None:
            counted = [
                d for d in hours if (after is None or d > after) and d <= day and calendar.school_week(d) > week - weeks
            ]
            total = sum((hours[d] for d in counted), H(0))
            if total >= threshold and (not_before is None or day >= not_before):
                found.append((day, min(counted), total))
                after, not_before = day, day + timedelta(days=min_days)
        day += timedelta(days=1)
    return found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 120), st.integers(1, 16).map(lambda n: H(n) / 2)),
        max_size=40,
    ),
    st.sets(st.integers(0, 17), max_size=5),
)
def test_relatief_agrees_with_the_reference(entries, holiday_weeks):
    calendar = SchoolCalendar.from_holidays(
        [Holiday(MONDAY + timedelta(weeks=w), MONDAY + timedelta(weeks=w, days=6)) for w in holiday_weeks]
    )
    days = [
        (MONDAY + timedelta(days=offset), hours)
        for offset, hours in entries
        if calendar.is_school_day(MONDAY + timedelta(days=offset))
    ]
    assert [(f.reached_on, f.start, f.hours) for f in relatief(days, calendar)] == reference(days, calendar)
