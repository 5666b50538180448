"""The handover's numbers: the schooladvies before 24 March (WPO art. 42 since the Wet
doorstroomtoetsen po), the school year from 1 August, and who is in a school's last year."""

from datetime import date

import pytest

from jeugdketen.handover import law


def test_the_definitive_schooladvies_comes_before_24_march():
    assert law.SCHOOLADVIES_BEFORE == (3, 24)
    assert law.schooladvies_deadline(2027) == date(2027, 3, 23)


def test_the_school_year_starts_on_1_august():
    assert law.school_year_of(date(2026, 7, 31)) == 2025
    assert law.school_year_of(date(2026, 8, 1)) == 2026
    assert law.school_year_label(2026) == "2026-2027"


@pytest.mark.parametrize(
    ("sector", "group", "leaves"),
    [
        ("po", "groep 8", True),
        ("po", "8B", True),
        ("po", "groep 7/8", True),
        ("po", "groep 7", False),
        ("sbo", "8", True),
        ("vo", "4 vmbo-t", True),
        ("vo", "4 mavo", True),
        ("vo", "4 havo", False),
        ("vo", "5 havo", True),
        ("vo", "5 vwo", False),
        ("vo", "6A", True),
        ("vo", "3A", False),
        ("mbo", "niveau 2", False),
    ],
)
def test_the_last_year_of_a_school(sector, group, leaves):
    assert law.leaves_this_year(sector, group) is leaves
