"""Daily work on the running worker, without a separate scheduler.

For each daily task there is always exactly one run waiting in the database queue:

* the task first queues its next run (for the next ``hour``, local time) and then does its work,
  so a run that fails still leaves tomorrow's queued;
* ``migrate`` (run by ``make run`` and on every release) queues one when none is waiting, so a
  fresh or emptied queue gets its daily run back (``connect_after_migrate``).

``ensure_daily`` is idempotent and safe to run concurrently: it queues only when no run of that
task is waiting, under a transaction-level advisory lock on PostgreSQL (SQLite serialises writes
itself). A worker that was down runs the overdue work as soon as it starts. Used by the stagnation
sweep (signals) and the retention purge."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta

from django.db import connections, router, transaction
from django.db.models.signals import post_migrate
from django.utils import timezone

logger = logging.getLogger(__name__)


def next_run_at(hour: int, now: datetime | None = None) -> datetime:
    """The next ``hour`` o'clock (local time, summer time included) after ``now``."""
    now = timezone.localtime(now or timezone.now())
    candidate = timezone.make_aware(datetime.combine(now.date(), time(hour)))
    if candidate <= now:
        candidate = timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), time(hour)))
    return candidate


def lock_key(task_path: str) -> int:
    """A stable pg_advisory_xact_lock key per task: a signed 64-bit number from its path."""
    return int.from_bytes(hashlib.blake2b(task_path.encode(), digest_size=8).digest(), "big") & 0x7FFF_FFFF_FFFF_FFFF


def ensure_daily(task, *, hour: int, now: datetime | None = None) -> bool:
    """Queue ``task`` for the next ``hour`` unless a run of it is waiting; whether it queued one.
    Does nothing when the task backend is not the database queue (it cannot be asked what is
    waiting)."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False
    using = router.db_for_write(DBTaskResult)
    with transaction.atomic(using=using):
        connection = connections[using]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(task.module_path)])
        waiting = DBTaskResult.objects.using(using).filter(
            task_path=task.module_path, backend_name=backend.alias, status=TaskResultStatus.READY
        )
        if waiting.exists():
            return False
        task.using(run_after=next_run_at(hour, now)).enqueue()
        return True


def connect_after_migrate(app_config, ensure: Callable[[], bool], *, what: str) -> None:
    """After every ``migrate``, call ``ensure`` (which queues the app's daily run when none
    waits). Never breaks a migration: a failure (e.g. the task tables not migrated yet) is logged."""

    def after_migrate(sender, using: str, **kwargs) -> None:
        from django_tasks_db.models import DBTaskResult

        if using != router.db_for_write(DBTaskResult):
            return
        try:
            ensure()
        except Exception:
            logger.warning("Could not queue the daily %s", what, exc_info=True)

    post_migrate.connect(after_migrate, sender=app_config, weak=False, dispatch_uid=f"{app_config.label}.daily.{what}")
