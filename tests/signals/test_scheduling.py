"""The daily repeat: there is always one sweep waiting in the queue. Each sweep task queues the
next one before it sweeps; ``migrate`` and the management command queue one when none waits."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jeugdketen.signals import scheduling
from jeugdketen.signals.models import Signal
from jeugdketen.signals.tasks import sweep_stagnation

from .conftest import TODAY, agreement

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def empty_queue():
    DBTaskResult.objects.all().delete()  # migrate already queued one in the test database


def waiting():
    return list(DBTaskResult.objects.filter(task_path=sweep_stagnation.module_path, status="READY"))


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 22, 5, 59, tzinfo=AMS), datetime(2026, 11, 22, 6, 0, tzinfo=AMS)),
        (datetime(2026, 11, 22, 6, 0, tzinfo=AMS), datetime(2026, 11, 23, 6, 0, tzinfo=AMS)),
        (datetime(2026, 11, 22, 23, 30, tzinfo=AMS), datetime(2026, 11, 23, 6, 0, tzinfo=AMS)),
        (datetime(2026, 3, 28, 12, 0, tzinfo=AMS), datetime(2026, 3, 29, 6, 0, tzinfo=AMS)),  # to summer time
    ],
)
def test_the_next_sweep_is_at_six_local_time(now, expected):
    assert scheduling.next_sweep_at(now) == expected


def test_the_sweep_hour_is_configurable(settings):
    settings.JEUGDKETEN_STAGNATION_SWEEP_HOUR = 22
    now = datetime(2026, 11, 22, 12, 0, tzinfo=AMS)
    assert scheduling.next_sweep_at(now) == datetime(2026, 11, 22, 22, 0, tzinfo=AMS)


def test_ensuring_twice_queues_one_sweep():
    now = datetime(2026, 11, 22, 12, 0, tzinfo=AMS)
    assert scheduling.ensure_sweep_scheduled(now=now) is True
    assert scheduling.ensure_sweep_scheduled(now=now) is False
    [task] = waiting()
    assert task.run_after == datetime(2026, 11, 23, 6, 0, tzinfo=AMS)


def test_the_sweep_task_queues_tomorrows_sweep_then_sweeps(plan, begeleider):
    agreement(plan, begeleider, due_on=timezone.localdate() - timedelta(days=1))
    run = sweep_stagnation.enqueue()
    DBTaskResult.objects.filter(pk=run.id).update(status="RUNNING")  # as the worker claims it
    result = sweep_stagnation.call()
    assert result["raised"]["afspraak_verlopen"] == 1
    assert Signal.objects.count() == 1
    [tomorrow] = waiting()
    assert tomorrow.run_after == scheduling.next_sweep_at()


def test_migrate_queues_the_sweep_when_none_waits():
    config = apps.get_app_config("signals")
    post_migrate.send(sender=config, app_config=config, using="default")
    post_migrate.send(sender=config, app_config=config, using="default")
    assert len(waiting()) == 1


def test_the_command_sweeps_now_and_queues_the_daily_sweep(plan, begeleider):
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    out = StringIO()
    call_command("sweep_stagnation", "--today", TODAY.isoformat(), stdout=out)
    assert out.getvalue().startswith(f"{TODAY}: 1 nieuwe signalen")
    assert "Dagelijkse controle in de wachtrij gezet" in out.getvalue()
    out = StringIO()
    call_command("sweep_stagnation", "--schedule-only", stdout=out)
    assert out.getvalue() == "De dagelijkse controle stond al in de wachtrij.\n"
    assert len(waiting()) == 1 and Signal.objects.count() == 1
