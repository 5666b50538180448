"""The verwijsindex's numbers (Jeugdwet paragraaf 7.1.4; domain.md §4): a signal for a youth under
23, ending after 2 years or on the 23rd birthday, whichever is first."""

from datetime import date

from jeugdketen.verwijsindex import law


def test_the_numbers_are_those_of_the_law():
    assert (law.AGE_LIMIT, law.MAX_YEARS) == (23, 2)


def test_a_signal_ends_two_years_after_it_was_placed():
    assert law.ends_on(date(2026, 12, 6), date(2016, 3, 1)) == date(2028, 12, 6)


def test_a_signal_ends_at_the_latest_on_the_23rd_birthday():
    assert law.ends_on(date(2026, 12, 6), date(2004, 6, 1)) == date(2027, 6, 1)


def test_a_leap_day_placement_ends_on_28_february():
    assert law.ends_on(date(2028, 2, 29), date(2020, 1, 1)) == date(2030, 2, 28)


def test_a_signal_is_for_youths_from_birth_up_to_23():
    born = date(2004, 6, 1)
    assert law.may_be_placed(born, date(2027, 5, 31))
    assert not law.may_be_placed(born, date(2027, 6, 1))
    assert not law.may_be_placed(date(2027, 1, 1), date(2026, 12, 6))  # not born yet
