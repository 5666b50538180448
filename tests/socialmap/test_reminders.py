"""When an entry counts as "niet recent bevestigd" (a year by default, a setting), and the daily
reminder: each keeper gets one mail with all their due entries, once per confirmation, from a task
that keeps one run of itself waiting in the queue."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core import mail
from django.db.models.signals import post_migrate
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jeugdketen.socialmap import conf, services, tasks
from jeugdketen.socialmap.models import Service, ServiceEvent

from .conftest import days_ago

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


# --- staleness -----------------------------------------------------------------------------------


def test_an_entry_must_be_confirmed_every_365_days_by_default(settings):
    assert not hasattr(settings, "JEUGDKETEN_SOCIAL_MAP_CONFIRM_DAYS")
    assert conf.DEFAULT_CONFIRM_EVERY_DAYS == 365
    assert conf.confirm_every_days() == 365


def test_an_entry_confirmed_365_days_ago_is_not_stale_and_one_of_366_days_is(sm):
    today = timezone.localdate()
    on_term = sm.service(name="Precies een jaar", last_confirmed_on=today - timedelta(days=365))
    late = sm.service(name="Een dag te laat", last_confirmed_on=today - timedelta(days=366))
    sm.service(name="Vers", last_confirmed_on=today)
    assert list(Service.objects.stale()) == [late]
    assert list(Service.objects.stale(today)) == [late]
    assert (on_term.is_stale(), late.is_stale()) == (False, True)
    assert on_term.confirm_due_on == today
    assert late.confirm_due_on == today - timedelta(days=1)


def test_staleness_is_measured_on_the_day_given(sm):
    service = sm.service(last_confirmed_on=date(2026, 1, 1))
    assert not Service.objects.stale(date(2027, 1, 1)).exists()  # 365 days
    assert list(Service.objects.stale(date(2027, 1, 2))) == [service]
    assert not service.is_stale(date(2027, 1, 1)) and service.is_stale(date(2027, 1, 2))


def test_the_term_is_a_setting(sm, settings):
    settings.JEUGDKETEN_SOCIAL_MAP_CONFIRM_DAYS = 180
    assert conf.confirm_every_days() == 180
    on_term = sm.service(last_confirmed_on=days_ago(180))
    late = sm.service(last_confirmed_on=days_ago(181))
    assert list(Service.objects.stale()) == [late]
    assert on_term.confirm_due_on == timezone.localdate()
    assert late.is_stale() and not on_term.is_stale()


# --- the reminder mail -----------------------------------------------------------------------------


def test_each_keeper_gets_one_mail_with_all_their_due_entries(sm, settings):
    settings.SITE_URL = "https://jeugdketen.dalfsen.nl/"
    sm.service(name="Trajectbegeleiding", last_confirmed_on=date(2025, 3, 1))
    sm.service(name="Jongerenwerk", last_confirmed_on=date(2025, 5, 9))
    sm.service(name="Vers aanbod", last_confirmed_on=date(2026, 4, 1))  # not due
    sm.service(name="Gestopt", last_confirmed_on=date(2024, 1, 1), archived_on=date(2026, 1, 1))  # archived
    sm.service(
        organisation=sm.ggd, keeper=sm.ggd_manager, name="Spreekuur jeugdarts", last_confirmed_on=date(2025, 1, 2)
    )

    assert services.keepers_remind(today=date(2026, 6, 1)) == 2

    by_keeper = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_keeper) == sorted([sm.worker.email, sm.ggd_manager.email])
    message = by_keeper[sm.worker.email]
    assert message.subject == "Jeugdketen: aanbod op de sociale kaart bevestigen"
    assert message.body == (
        "U beheert aanbod op de sociale kaart dat al lang niet is bevestigd:\n\n"
        "- Jongerenwerk (Saam Welzijn), laatst bevestigd 09-05-2025\n"
        "- Trajectbegeleiding (Saam Welzijn), laatst bevestigd 01-03-2025\n\n"
        "Kijk of het nog klopt, en bevestig of wijzig het: https://jeugdketen.dalfsen.nl/sociale-kaart/beheer/"
    )
    assert "Spreekuur jeugdarts (GGD IJsselland)" in by_keeper[sm.ggd_manager.email].body

    reminded = Service.objects.filter(reminded_on=date(2026, 6, 1))
    assert sorted(s.name for s in reminded) == ["Jongerenwerk", "Spreekuur jeugdarts", "Trajectbegeleiding"]
    events = ServiceEvent.objects.filter(kind=ServiceEvent.Kind.REMINDED)
    assert sorted((e.service.name, e.by, e.note) for e in events) == [
        ("Jongerenwerk", None, "Gerrit Mulder"),
        ("Spreekuur jeugdarts", None, sm.ggd_manager.name),
        ("Trajectbegeleiding", None, "Gerrit Mulder"),
    ]


def test_a_keeper_is_not_reminded_twice_for_the_same_confirmation(sm):
    sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400))
    assert services.keepers_remind() == 1
    assert services.keepers_remind() == 0
    assert services.keepers_remind(today=timezone.localdate() + timedelta(days=30)) == 0
    assert len(mail.outbox) == 1
    assert ServiceEvent.objects.filter(kind=ServiceEvent.Kind.REMINDED).count() == 1


def test_a_keeper_is_reminded_again_when_the_confirmation_is_stale_again(sm):
    service = sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400))
    assert services.keepers_remind() == 1
    services.service_confirm(actor=sm.worker.user, service=service)
    service.refresh_from_db()
    assert service.reminded_on is None
    assert services.keepers_remind() == 0  # just confirmed
    assert services.keepers_remind(today=timezone.localdate() + timedelta(days=365)) == 0
    next_year = timezone.localdate() + timedelta(days=366)
    assert services.keepers_remind(today=next_year) == 1
    assert [m.to for m in mail.outbox] == [[sm.worker.email], [sm.worker.email]]
    service.refresh_from_db()
    assert service.reminded_on == next_year


def test_a_keeper_is_reminded_again_after_a_change_and_a_year(sm):
    service = sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400))
    services.keepers_remind()
    services.service_update(actor=sm.worker.user, service=service, data=sm.data(name="Jongerenwerk Dalfsen"))
    assert services.keepers_remind(today=timezone.localdate() + timedelta(days=366)) == 1
    assert "Jongerenwerk Dalfsen" in mail.outbox[-1].body


def test_a_keeper_without_an_e_mail_address_gets_no_mail(sm):
    sm.worker.email = ""
    sm.worker.save()
    service = sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400))
    sm.service(organisation=sm.ggd, keeper=sm.ggd_manager, name="Spreekuur jeugdarts", last_confirmed_on=days_ago(400))
    assert services.keepers_remind() == 1
    assert [m.to for m in mail.outbox] == [[sm.ggd_manager.email]]
    # Nothing was mailed for this entry, so its history does not say so, and the keeper is
    # reminded once they have an address.
    service.refresh_from_db()
    assert service.reminded_on is None
    assert not service.events.filter(kind=ServiceEvent.Kind.REMINDED).exists()
    sm.worker.email = "gerrit@saam.example.nl"
    sm.worker.save()
    assert services.keepers_remind() == 1
    assert mail.outbox[-1].to == ["gerrit@saam.example.nl"]


def test_nothing_due_sends_nothing(sm):
    sm.service(last_confirmed_on=days_ago(365))
    assert services.keepers_remind() == 0
    assert mail.outbox == []
    assert not ServiceEvent.objects.exists()


# --- the daily task ----------------------------------------------------------------------------------


@pytest.fixture
def empty_queue():
    DBTaskResult.objects.all().delete()  # migrate already queued one in the test database


def waiting():
    return list(DBTaskResult.objects.filter(task_path=tasks.remind_keepers.module_path, status="READY"))


def test_ensuring_twice_queues_one_reminder_run_at_seven(empty_queue):
    now = datetime(2026, 11, 22, 12, 0, tzinfo=AMS)
    assert tasks.ensure_reminders_scheduled(now=now) is True
    assert tasks.ensure_reminders_scheduled(now=now) is False
    [run] = waiting()
    assert run.run_after == datetime(2026, 11, 23, 7, 0, tzinfo=AMS)


def test_the_reminder_hour_is_a_setting(empty_queue, settings):
    settings.JEUGDKETEN_SOCIAL_MAP_REMINDER_HOUR = 22
    tasks.ensure_reminders_scheduled(now=datetime(2026, 11, 22, 12, 0, tzinfo=AMS))
    [run] = waiting()
    assert run.run_after == datetime(2026, 11, 22, 22, 0, tzinfo=AMS)


def test_the_task_queues_tomorrows_run_then_reminds(empty_queue, sm):
    sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400))
    run = tasks.remind_keepers.enqueue()
    DBTaskResult.objects.filter(pk=run.id).update(status="RUNNING")  # as the worker claims it
    assert tasks.remind_keepers.call() == 1
    assert [m.to for m in mail.outbox] == [[sm.worker.email]]
    [tomorrow] = waiting()
    assert tomorrow.run_after > timezone.now()
    assert timezone.localtime(tomorrow.run_after).hour == conf.DEFAULT_REMINDER_HOUR == 7
    # The next run finds nothing new to mail and still keeps one run waiting.
    assert tasks.remind_keepers.call() == 0
    assert len(waiting()) == 1


def test_migrate_queues_the_reminders_when_none_waits(empty_queue):
    config = apps.get_app_config("socialmap")
    post_migrate.send(sender=config, app_config=config, using="default")
    post_migrate.send(sender=config, app_config=config, using="default")
    assert len(waiting()) == 1
