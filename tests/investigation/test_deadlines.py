"""When steps are due: the zienswijze term and the phase norms, pinned with dates."""

from datetime import date

import pytest
from django.test import override_settings

from jeugdketen.investigation import conf, deadlines

NORMS = conf.DEFAULT_PHASE_DAYS


@pytest.mark.parametrize(
    ("shared_on", "until"),
    [
        (date(2026, 3, 2), date(2026, 3, 16)),  # Monday + 14 days: Monday
        (date(2026, 3, 7), date(2026, 3, 23)),  # Saturday + 14 days: Saturday → next Monday
        (date(2026, 4, 13), date(2026, 4, 28)),  # ends on Monday 27 April, Koningsdag → Tuesday
        (date(2026, 12, 12), date(2026, 12, 28)),  # ends on Saturday 26 December → Monday 28th
    ],
)
def test_the_zienswijze_term_is_14_days_moved_past_weekends_and_holidays(shared_on, until):
    assert deadlines.zienswijze_until(shared_on, 14) == until


def test_the_zienswijze_term_is_configurable():
    assert conf.zienswijze_days() == 14
    with override_settings(JEUGDKETEN_ZIENSWIJZE_DAYS=21):
        assert conf.zienswijze_days() == 21
        assert deadlines.zienswijze_until(date(2026, 3, 2), conf.zienswijze_days()) == date(2026, 3, 23)


def test_phase_norms_are_configurable_per_phase():
    assert conf.phase_days() == {"analyse": 28, "oordeelsvorming": 14, "besluitvorming": 14, "verslag": 7}
    with override_settings(JEUGDKETEN_INVESTIGATION_PHASE_DAYS={"analyse": 21}):
        assert conf.phase_days()["analyse"] == 21
        assert conf.phase_days()["oordeelsvorming"] == 14


def due(phase, started, decide_by=None, until=None):
    return deadlines.phase_due(
        phase=phase, phase_started_on=started, decide_by=decide_by, zienswijze_until=until, norms=NORMS
    )


def test_analysis_is_due_four_weeks_after_it_started_but_never_after_the_decision_term():
    assert due("analyse", date(2026, 3, 2)) == date(2026, 3, 30)
    assert due("analyse", date(2026, 3, 2), decide_by=date(2026, 4, 27)) == date(2026, 3, 30)
    assert due("analyse", date(2026, 3, 2), decide_by=date(2026, 3, 20)) == date(2026, 3, 20)


def test_oordeelsvorming_is_due_two_weeks_after_it_started():
    assert due("oordeelsvorming", date(2026, 3, 30), decide_by=date(2026, 4, 27)) == date(2026, 4, 13)


def test_besluitvorming_is_due_on_the_decision_term_or_after_its_norm_without_one():
    assert due("besluitvorming", date(2026, 4, 13), decide_by=date(2026, 4, 27)) == date(2026, 4, 27)
    assert due("besluitvorming", date(2026, 4, 13)) == date(2026, 4, 27)
    assert due("besluitvorming", date(2026, 4, 13), decide_by=date(2026, 5, 11)) == date(2026, 5, 11)


def test_the_report_is_due_to_be_final_a_week_after_the_zienswijze_term():
    assert due("verslag", date(2026, 4, 20), until=date(2026, 5, 4)) == date(2026, 5, 11)
    assert due("definitief", date(2026, 5, 11)) is None


def test_days_overdue():
    assert deadlines.days_overdue(date(2026, 3, 30), date(2026, 3, 30)) == 0
    assert deadlines.days_overdue(date(2026, 3, 30), date(2026, 4, 2)) == 3
    assert deadlines.days_overdue(None, date(2026, 4, 2)) == 0
