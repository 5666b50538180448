"""The stagnation sweep on a frozen date: each cause fires once, a second sweep adds nothing, the
signal resolves when its cause goes, and a moved date that is missed again fires again."""

from datetime import timedelta

import pytest

from jeugdketen.auditlog.services import CLI
from jeugdketen.cases.models import Case
from jeugdketen.plans.models import Agreement, Evaluation, Plan
from jeugdketen.signals import services
from jeugdketen.signals.models import Signal
from tests.factories import journal

from .conftest import TODAY, agreement, at, close, evaluation, open_signals, quiet_since

pytestmark = pytest.mark.django_db
Kind = Signal.Kind


def sweep(today=TODAY):
    return services.stagnation_sweep(today=today)


def test_an_overdue_agreement_fires_once_and_a_second_sweep_adds_nothing(plan, begeleider):
    late = agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    agreement(plan, begeleider, due_on=TODAY)  # due today: not yet overdue
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=3), status="gedaan", done_on=TODAY)

    first = sweep()
    assert first.raised == {
        Kind.AGREEMENT_OVERDUE: 1,
        Kind.EVALUATION_MISSED: 0,
        Kind.CASE_SILENT: 0,
        Kind.NAZORG_DUE: 0,
    }
    [signal] = Signal.objects.all()
    assert (signal.kind, signal.case_id, signal.agreement_id, signal.due_on, signal.raised_on) == (
        Kind.AGREEMENT_OVERDUE,
        plan.case_id,
        late.pk,
        late.due_on,
        TODAY,
    )
    assert signal.is_open and signal.resolution == ""

    second = sweep()
    assert (second.total_raised, second.total_resolved) == (0, 0)
    a_week_later = sweep(TODAY + timedelta(days=7))
    assert a_week_later.raised[Kind.AGREEMENT_OVERDUE] == 1  # the one due today, now overdue too
    assert Signal.objects.filter(agreement=late).count() == 1  # still overdue, still one signal


@pytest.mark.parametrize(
    "change",
    [
        {"status": Agreement.Status.DONE, "done_on": TODAY},
        {"status": Agreement.Status.CANCELLED},
        {"due_on": TODAY + timedelta(days=14)},
    ],
    ids=["done", "cancelled", "moved-to-the-future"],
)
def test_acting_on_the_agreement_resolves_its_signal(plan, begeleider, change):
    late = agreement(plan, begeleider, due_on=TODAY - timedelta(days=2))
    sweep()
    Agreement.objects.filter(pk=late.pk).update(**change)
    result = sweep()
    assert result.resolved[Kind.AGREEMENT_OVERDUE] == 1
    [signal] = Signal.objects.all()
    assert (signal.is_open, signal.resolution) == (False, Signal.Resolution.CAUSE_GONE)
    assert sweep().total_raised == 0


def test_moving_the_date_and_missing_it_again_fires_again(plan, begeleider):
    late = agreement(plan, begeleider, due_on=TODAY - timedelta(days=2))
    sweep()
    new_date = TODAY + timedelta(days=5)
    Agreement.objects.filter(pk=late.pk).update(due_on=new_date)
    sweep()
    assert open_signals() == []

    later = new_date + timedelta(days=1)
    assert sweep(later).raised[Kind.AGREEMENT_OVERDUE] == 1
    old, new = Signal.objects.order_by("pk")
    assert (old.due_on, old.is_open) == (TODAY - timedelta(days=2), False)
    assert (new.due_on, new.is_open, new.raised_on) == (new_date, True, later)


def test_a_missed_evaluation_fires_once_and_resolves_when_held(plan):
    missed = evaluation(plan, planned_on=TODAY - timedelta(days=1))
    evaluation(plan, planned_on=TODAY - timedelta(days=10), held_on=TODAY - timedelta(days=10))  # held
    evaluation(plan, planned_on=TODAY + timedelta(days=10))  # still to come

    assert sweep().raised[Kind.EVALUATION_MISSED] == 1
    assert sweep().total_raised == 0
    [signal] = open_signals()
    assert (signal.kind, signal.evaluation_id, signal.due_on) == (Kind.EVALUATION_MISSED, missed.pk, missed.planned_on)

    Evaluation.objects.filter(pk=missed.pk).update(held_on=TODAY)
    assert sweep().resolved[Kind.EVALUATION_MISSED] == 1
    assert open_signals() == []


def test_a_replanned_evaluation_that_is_missed_again_fires_again(plan):
    missed = evaluation(plan, planned_on=TODAY - timedelta(days=1))
    sweep()
    Evaluation.objects.filter(pk=missed.pk).update(planned_on=TODAY + timedelta(days=3))
    assert sweep().resolved[Kind.EVALUATION_MISSED] == 1
    assert sweep(TODAY + timedelta(days=4)).raised[Kind.EVALUATION_MISSED] == 1
    assert [s.due_on for s in open_signals()] == [TODAY + timedelta(days=3)]


def test_a_case_without_activity_for_six_weeks_is_silent_once(case, plan, regisseur):
    quiet_since(case, TODAY - timedelta(weeks=6, days=1))
    assert sweep().raised[Kind.CASE_SILENT] == 1
    assert sweep().total_raised == 0
    [signal] = open_signals()
    assert (signal.kind, signal.case_id, signal.due_on) == (
        Kind.CASE_SILENT,
        case.pk,
        TODAY - timedelta(weeks=6, days=1),
    )


def test_six_weeks_to_the_day_is_not_yet_silent(case, plan):
    quiet_since(case, TODAY - timedelta(weeks=6))
    assert sweep().raised[Kind.CASE_SILENT] == 0


def test_activity_resolves_a_silent_case_and_a_new_silence_fires_again(case, plan, regisseur):
    quiet_since(case, TODAY - timedelta(weeks=7))
    sweep()
    entry = journal(case, regisseur, "jeugdconsulent", "youthcare")
    type(entry).objects.filter(pk=entry.pk).update(created_at=at(TODAY - timedelta(days=1)))
    assert sweep().resolved[Kind.CASE_SILENT] == 1
    assert open_signals() == []

    # Seven weeks after that journal entry the case is silent again: a new cause, a new signal.
    later = TODAY + timedelta(weeks=7)
    assert sweep(later).raised[Kind.CASE_SILENT] == 1
    assert [s.due_on for s in open_signals()] == [TODAY - timedelta(days=1)]


@pytest.mark.parametrize("what", ["plan", "case"])
def test_a_change_to_the_plan_or_the_case_is_activity(case, plan, what):
    quiet_since(case, TODAY - timedelta(weeks=8))
    sweep()
    model = Plan if what == "plan" else Case
    lookup = {"case": case} if what == "plan" else {"pk": case.pk}
    model.objects.filter(**lookup).update(updated_at=at(TODAY))
    assert sweep().resolved[Kind.CASE_SILENT] == 1


def test_the_silent_weeks_are_configurable(case, plan, settings):
    settings.JEUGDKETEN_STAGNATION_SILENT_WEEKS = 2
    quiet_since(case, TODAY - timedelta(weeks=3))
    assert sweep().raised[Kind.CASE_SILENT] == 1


def test_a_case_without_a_plan_can_be_silent(case):
    quiet_since(case, TODAY - timedelta(weeks=10))
    assert sweep().raised[Kind.CASE_SILENT] == 1


def test_closing_the_case_resolves_its_stagnation_signals_and_raises_no_new_ones(case, plan, begeleider):
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    evaluation(plan, planned_on=TODAY - timedelta(days=1))
    quiet_since(case, TODAY - timedelta(weeks=9))
    assert sweep().total_raised == 3
    close(case)
    assert sweep().total_resolved == 3
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=5))
    assert sweep().total_raised == 0


def test_nazorg_fires_on_the_closed_case_until_the_contact_is_recorded(case, plan, regisseur):
    Plan.objects.filter(pk=plan.pk).update(
        end_evaluated_on=TODAY - timedelta(days=100), nazorg_on=TODAY, end_evaluation="Het gaat goed."
    )
    assert sweep().raised[Kind.NAZORG_DUE] == 0  # the case is still open
    close(case)
    assert sweep(TODAY - timedelta(days=1)).raised[Kind.NAZORG_DUE] == 0  # the moment is not there yet
    assert sweep().raised[Kind.NAZORG_DUE] == 1
    assert sweep().total_raised == 0
    [signal] = open_signals()
    assert (signal.kind, signal.due_on) == (Kind.NAZORG_DUE, TODAY)

    plan.refresh_from_db()
    services.nazorg_record(actor=regisseur.user, plan=plan, note="Moeder belt: het gaat goed.", access_point=CLI)
    signal.refresh_from_db()
    assert (signal.is_open, signal.resolution, signal.handled_by) == (False, Signal.Resolution.HANDLED, regisseur)
    assert sweep(TODAY + timedelta(days=30)).total_raised == 0


def test_a_nazorg_contact_recorded_before_the_moment_means_no_signal(case, plan, regisseur):
    Plan.objects.filter(pk=plan.pk).update(nazorg_on=TODAY - timedelta(days=1))
    close(case)
    plan.refresh_from_db()
    services.nazorg_record(actor=regisseur.user, plan=plan, note="Vroeg gebeld; gaat goed.", access_point=CLI)
    assert sweep().raised[Kind.NAZORG_DUE] == 0


def test_a_moved_nazorg_moment_fires_again_and_reopening_the_case_resolves_it(case, plan):
    Plan.objects.filter(pk=plan.pk).update(nazorg_on=TODAY - timedelta(days=1))
    close(case)
    sweep()
    Plan.objects.filter(pk=plan.pk).update(nazorg_on=TODAY + timedelta(days=10))
    assert sweep().resolved[Kind.NAZORG_DUE] == 1
    assert sweep(TODAY + timedelta(days=10)).raised[Kind.NAZORG_DUE] == 1
    Case.objects.filter(pk=case.pk).update(status=Case.Status.UITVOERING, closed_on=None)
    assert sweep(TODAY + timedelta(days=10)).resolved[Kind.NAZORG_DUE] == 1


def test_a_signal_marked_handled_is_not_raised_again_for_the_same_cause(plan, begeleider, regisseur):
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    sweep()
    [signal] = open_signals()
    services.signal_handle(
        actor=regisseur.user, signal_id=signal.pk, note="Met Bram gebeld; hij gaat morgen.", access_point=CLI
    )
    assert sweep().total_raised == 0
    assert open_signals() == []


def test_agreements_of_parents_and_the_youth_are_watched_too(plan, begeleider):
    agreement(plan, kind="ouder", due_on=TODAY - timedelta(days=1), what="Bedtijd om half acht")
    agreement(plan, kind="jeugdige", due_on=TODAY - timedelta(days=1), what="Huiswerk in de agenda")
    assert sweep().raised[Kind.AGREEMENT_OVERDUE] == 2
