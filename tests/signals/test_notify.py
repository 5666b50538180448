"""E-mail: one mail per new signal per recipient, through the task queue, with only the case
reference and the kind — never the child's name or the text of the agreement — and a link."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.signals import notify, services
from jeugdketen.signals.models import Signal
from jeugdketen.signals.tasks import notify_signals

from .conftest import TODAY, agreement, end_involvement, quiet_since

pytestmark = pytest.mark.django_db


def test_the_sweep_queues_the_mail_for_its_new_signals_once_it_has_committed(
    plan, begeleider, django_capture_on_commit_callbacks
):
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        result = services.stagnation_sweep(today=TODAY)
    [queued] = DBTaskResult.objects.filter(task_path=notify_signals.module_path)
    assert queued.args_kwargs == {"args": [result.new_ids], "kwargs": {}}
    with django_capture_on_commit_callbacks(execute=True):
        services.stagnation_sweep(today=TODAY)  # nothing new: nothing queued
    assert DBTaskResult.objects.filter(task_path=notify_signals.module_path).count() == 1


def test_the_casusregisseur_and_the_owner_each_get_one_mail_without_child_data(
    plan, youth, regisseur, begeleider, settings
):
    settings.SITE_URL = "https://jeugdketen.dalfsen.nl/"
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1), what="Noah naar de huisarts voor zijn ADHD")
    result = services.stagnation_sweep(today=TODAY)

    assert notify_signals.call(result.new_ids) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([regisseur.email, begeleider.email])
    reference = plan.case.reference
    for message in mail.outbox:
        assert message.subject == f"Jeugdketen: signaal bij casus {reference}"
        assert message.body == (
            f"Er is een signaal bij casus {reference}: afspraak over de datum.\n\n"
            "Bekijk het en handel het af in Jeugdketen: https://jeugdketen.dalfsen.nl/signalen/\n\n"
            "Om de privacy te beschermen staat in deze e-mail niets over de jeugdige."
        )
        for secret in (youth.first_name, youth.last_name, "ADHD", "huisarts", str(youth.date_of_birth.year)):
            assert secret not in message.subject + message.body

    # Once: the task for the same signals again sends nothing.
    assert notify_signals.call(result.new_ids) == 0
    assert len(mail.outbox) == 2
    [signal] = Signal.objects.all()
    assert signal.notified_at is not None

    exports = AccessLogEntry.objects.filter(event="export", object_type="signal").order_by("user_id")
    assert [(e.user_id, e.channel, e.categories, e.youth_id) for e in exports] == sorted(
        [(p.user_id, "task", ["plan"], youth.pk) for p in (regisseur, begeleider)]
    )


def test_the_casusregisseur_who_owns_the_agreement_gets_one_mail(plan, regisseur):
    agreement(plan, regisseur, due_on=TODAY - timedelta(days=1))
    result = services.stagnation_sweep(today=TODAY)
    assert notify.signals_notify(signal_ids=result.new_ids) == 1
    assert [m.to for m in mail.outbox] == [[regisseur.email]]


@pytest.mark.parametrize("kind", ["ouder", "jeugdige"])
def test_an_agreement_of_a_parent_or_the_youth_goes_to_the_casusregisseur_only(plan, regisseur, kind):
    agreement(plan, kind=kind, due_on=TODAY - timedelta(days=1))
    result = services.stagnation_sweep(today=TODAY)
    notify.signals_notify(signal_ids=result.new_ids)
    assert [m.to for m in mail.outbox] == [[regisseur.email]]


def test_a_silent_case_goes_to_the_casusregisseur(case, plan, regisseur):
    quiet_since(case, TODAY - timedelta(weeks=7))
    result = services.stagnation_sweep(today=TODAY)
    notify.signals_notify(signal_ids=result.new_ids)
    [message] = mail.outbox
    assert message.to == [regisseur.email]
    assert "geen activiteit in de casus" in message.body


def test_a_professional_whose_involvement_ended_gets_no_mail(case, plan, regisseur, begeleider):
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    end_involvement(case, begeleider)
    result = services.stagnation_sweep(today=TODAY)
    notify.signals_notify(signal_ids=result.new_ids)
    assert [m.to for m in mail.outbox] == [[regisseur.email]]


def test_a_professional_who_no_longer_holds_the_function_gets_no_mail(plan, regisseur, begeleider):
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    begeleider.functions.clear()
    result = services.stagnation_sweep(today=TODAY)
    notify.signals_notify(signal_ids=result.new_ids)
    assert [m.to for m in mail.outbox] == [[regisseur.email]]


def test_a_signal_resolved_before_the_mail_went_out_is_not_mailed(plan, begeleider):
    late = agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    result = services.stagnation_sweep(today=TODAY)
    type(late).objects.filter(pk=late.pk).update(status="gedaan", done_on=TODAY)
    services.stagnation_sweep(today=TODAY)
    assert notify.signals_notify(signal_ids=result.new_ids) == 0
    assert mail.outbox == []


def test_through_the_real_queue_the_worker_sends_the_mails(transactional_db):
    """The sweep task on the database queue: the worker sweeps, queues the mail task on commit,
    runs it, and queues tomorrow's sweep."""
    from jeugdketen.organisations.services import load_reference_data
    from jeugdketen.signals.tasks import sweep_stagnation
    from tests.factories import YouthFactory, case_with, professional

    load_reference_data()  # transactional tests start from flushed tables
    DBTaskResult.objects.all().delete()
    regisseur = professional("jeugdconsulent")
    case = case_with(YouthFactory(first_name="Sem"), regisseur, "jeugdconsulent")
    quiet_since(case, TODAY - timedelta(weeks=60))  # silent on the real today as well
    sweep_stagnation.enqueue()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    [message] = mail.outbox
    assert message.to == [regisseur.email] and "Sem" not in message.body
    waiting = DBTaskResult.objects.filter(task_path=sweep_stagnation.module_path, status="READY")
    assert waiting.count() == 1  # tomorrow's sweep
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2  # the sweep and the mail
