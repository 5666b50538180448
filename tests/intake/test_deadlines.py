"""The Awb decision term, pinned with dates: 8 weeks (art. 4:13), suspension while waiting for
information (art. 4:15), and the Algemene termijnenwet's move past weekends and holidays."""

from datetime import date

import pytest

from jeugdketen.intake.deadlines import (
    AWB_DECISION_TERM,
    Period,
    atw_holidays,
    decision_term,
    next_working_day,
    suspended_days,
)


def test_the_term_is_eight_weeks():
    assert AWB_DECISION_TERM.days == 56


def test_eight_weeks_after_the_aanvraag():
    term = decision_term(date(2026, 9, 7), today=date(2026, 9, 7))
    assert term.deadline == date(2026, 11, 2)
    assert (term.suspended_days, term.suspended) == (0, False)
    assert term.days_left(date(2026, 10, 30)) == 3
    assert not term.overdue(date(2026, 11, 2))
    assert term.overdue(date(2026, 11, 3))


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (date(2026, 9, 5), date(2026, 11, 2)),  # ends on a Saturday: the Monday after
        (date(2026, 3, 2), date(2026, 4, 28)),  # ends on Koningsdag (Monday 27 April 2026)
        (date(2026, 10, 30), date(2026, 12, 28)),  # ends on Christmas, then a weekend
        (date(2026, 3, 20), date(2026, 5, 15)),  # ends on Friday 15 May: no holiday, stays
    ],
)
def test_algemene_termijnenwet_moves_the_end_past_weekends_and_holidays(received, deadline):
    assert decision_term(received, today=received).deadline == deadline


def test_the_holidays_of_the_algemene_termijnenwet():
    assert atw_holidays(2026) == {
        date(2026, 1, 1),
        date(2026, 4, 6),  # tweede paasdag
        date(2026, 4, 27),  # Koningsdag
        date(2026, 5, 5),  # bevrijdingsdag
        date(2026, 5, 14),  # hemelvaartsdag
        date(2026, 5, 25),  # tweede pinksterdag
        date(2026, 12, 25),
        date(2026, 12, 26),
    }
    assert date(2025, 4, 26) in atw_holidays(2025)  # 27 April 2025 is a Sunday
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 24)


def test_suspension_counts_from_the_day_after_the_request_until_the_information_came_in():
    # Asked on Monday 14 September, received on Thursday 24 September: 15..23 September = 9 days.
    periods = [Period(date(2026, 9, 14), date(2026, 9, 24))]
    assert suspended_days(periods, date(2026, 10, 1)) == 9
    term = decision_term(date(2026, 9, 7), periods, today=date(2026, 10, 1))
    assert term.deadline == date(2026, 11, 11)
    assert not term.suspended


def test_information_the_next_day_suspends_nothing():
    assert suspended_days([Period(date(2026, 9, 14), date(2026, 9, 15))], date(2026, 9, 20)) == 0
    assert suspended_days([Period(date(2026, 9, 14), date(2026, 9, 14))], date(2026, 9, 20)) == 0


def test_an_open_suspension_moves_the_deadline_each_day():
    periods = [Period(date(2026, 9, 14))]
    on_20th = decision_term(date(2026, 9, 7), periods, today=date(2026, 9, 20))
    assert (on_20th.suspended_days, on_20th.suspended) == (6, True)
    assert on_20th.deadline == date(2026, 11, 9)  # 8 November is a Sunday
    on_21st = decision_term(date(2026, 9, 7), periods, today=date(2026, 9, 21))
    assert on_21st.deadline == date(2026, 11, 9)  # 9 November, a Monday


def test_two_suspensions_add_up_and_resumption_keeps_the_moved_deadline():
    periods = [Period(date(2026, 9, 14), date(2026, 9, 24)), Period(date(2026, 10, 5), date(2026, 10, 10))]
    assert suspended_days(periods, date(2026, 10, 20)) == 9 + 4
    assert decision_term(date(2026, 9, 7), periods, today=date(2026, 10, 20)).deadline == date(2026, 11, 16)
