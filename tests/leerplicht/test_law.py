"""The age rules of the Leerplichtwet on their boundary dates (art. 3, 4, 4a)."""

from datetime import date

import pytest

from jeugdketen.leerplicht import law
from jeugdketen.leerplicht.law import Duty, duty_on
from jeugdketen.leerplicht.schoolcalendar import Holiday, SchoolCalendar


def test_the_numbers_of_the_law():
    assert law.LEERPLICHT_FROM_AGE == 5
    assert law.LEERPLICHT_UNTIL_AGE == 16
    assert law.KWALIFICATIEPLICHT_UNTIL_AGE == 18
    assert law.RELATIEF_VERZUIM_HOURS == 16
    assert law.RELATIEF_VERZUIM_SCHOOL_WEEKS == 4
    assert law.REPORT_WITHIN_WORKING_DAYS == 5
    assert law.MAZL_SICK_REPORTS == 4 and law.MAZL_SCHOOL_WEEKS == 12 and law.MAZL_CONSECUTIVE_SCHOOL_DAYS == 7
    assert law.HEAD_DECIDES_UP_TO_SCHOOL_DAYS == 10
    assert (law.HALT_FROM_AGE, law.HALT_UNTIL_AGE) == (12, 18)
    assert (law.HALT_MIN_HOURS, law.HALT_MAX_HOURS) == (9, 60)
    assert (law.HALT_MIN_TIMES_LATE, law.HALT_MAX_TIMES_LATE) == (12, 60)


@pytest.mark.parametrize(
    ("born", "start"),
    [
        # Born on the 1st: 5 on 1 March 2021, leerplichtig from the first school day of April
        # (Thursday 1 April 2021).
        (date(2016, 3, 1), date(2021, 4, 1)),
        # Born on the 31st: 5 on 31 January, leerplichtig from Monday 1 February 2021.
        (date(2016, 1, 31), date(2021, 2, 1)),
        # 5 in December: January of the next year; 1 January 2022 is a Saturday → Monday 3rd.
        (date(2016, 12, 15), date(2022, 1, 3)),
        # Born on 29 February: 5 on 1 March 2021 (as age_on counts) → April.
        (date(2016, 2, 29), date(2021, 4, 1)),
    ],
)
def test_leerplicht_starts_on_the_first_school_day_of_the_month_after_the_fifth_birthday(born, start):
    assert law.leerplicht_start(born) == start
    assert duty_on(born, start) == Duty.LEERPLICHTIG
    assert duty_on(born, date.fromordinal(start.toordinal() - 1)) == Duty.NOT_YET


def test_leerplicht_starts_after_a_holiday_with_a_calendar():
    """With the region's calendar the first school day skips the holiday: a child who turns 5 in
    July becomes leerplichtig after the summer holiday, not on 1 August."""
    calendar = SchoolCalendar.from_holidays([Holiday(date(2026, 7, 4), date(2026, 8, 16))])
    born = date(2021, 6, 10)
    assert law.leerplicht_start(born) == date(2026, 7, 1)  # without a calendar: the 1st, a Wednesday
    assert law.leerplicht_start(born, calendar.is_school_day) == date(2026, 7, 1)
    born_july = date(2021, 7, 10)  # 5 in July: August, all holiday until the 16th
    assert law.leerplicht_start(born_july, calendar.is_school_day) == date(2026, 8, 17)
    assert duty_on(born_july, date(2026, 8, 14), is_school_day=calendar.is_school_day) == Duty.NOT_YET


@pytest.mark.parametrize(
    ("born", "last_leerplichtig"),
    [
        # 16 on 31 July 2026, the last day of the school year 2025/26: leerplicht ends that day.
        (date(2010, 7, 31), date(2026, 7, 31)),
        # 16 on 1 August 2026, the first day of 2026/27: leerplichtig until 31 July 2027.
        (date(2010, 8, 1), date(2027, 7, 31)),
        # 16 in the middle of the school year.
        (date(2010, 1, 15), date(2026, 7, 31)),
    ],
)
def test_full_leerplicht_ends_with_the_school_year_of_the_16th_birthday(born, last_leerplichtig):
    assert law.leerplicht_end(born) == last_leerplichtig
    assert duty_on(born, last_leerplichtig) == Duty.LEERPLICHTIG
    day_after = date.fromordinal(last_leerplichtig.toordinal() + 1)
    assert duty_on(born, day_after) == Duty.KWALIFICATIEPLICHTIG


def test_kwalificatieplicht_ends_on_the_18th_birthday():
    born = date(2008, 3, 31)
    assert duty_on(born, date(2026, 3, 30)) == Duty.KWALIFICATIEPLICHTIG
    assert duty_on(born, date(2026, 3, 31)) == Duty.NONE


def test_a_startkwalificatie_ends_the_kwalificatieplicht_but_not_the_leerplicht():
    born = date(2009, 1, 10)  # 16 in January 2025: leerplichtig until 31 July 2025
    diploma = date(2025, 6, 20)  # havo diploma before that
    assert duty_on(born, date(2025, 7, 1), startkwalificatie_on=diploma) == Duty.LEERPLICHTIG
    assert duty_on(born, date(2025, 8, 1), startkwalificatie_on=diploma) == Duty.NONE
    assert duty_on(born, date(2025, 8, 1)) == Duty.KWALIFICATIEPLICHTIG
    later = date(2026, 7, 1)
    assert duty_on(born, date(2026, 6, 30), startkwalificatie_on=later) == Duty.KWALIFICATIEPLICHTIG
    assert duty_on(born, later, startkwalificatie_on=later) == Duty.NONE


def test_school_year_runs_from_1_august_to_31_july():
    assert law.school_year_start(date(2026, 7, 31)) == date(2025, 8, 1)
    assert law.school_year_start(date(2026, 8, 1)) == date(2026, 8, 1)
    assert law.school_year_end(date(2026, 8, 1)) == date(2027, 7, 31)


def test_the_16_hours_report_is_not_compulsory_from_18():
    born = date(2008, 5, 10)
    assert law.relatief_verzuim_applies(born, date(2026, 5, 9))
    assert not law.relatief_verzuim_applies(born, date(2026, 5, 10))
