"""The daily sweep on the running worker, without a separate scheduler.

There is always exactly one sweep task waiting in the queue:

* each ``sweep_stagnation`` task first queues the next one (for the next sweep hour, 06:00 local by
  default) and then sweeps, so a sweep that fails still leaves tomorrow's run queued;
* ``migrate`` (run by ``make run`` and on every release) and ``manage.py sweep_stagnation`` queue
  one when none is waiting, so a fresh or emptied queue gets its sweep back.

``ensure_sweep_scheduled`` is idempotent and safe to run concurrently: it queues only when no sweep
task is waiting, under a transaction-level advisory lock on PostgreSQL (SQLite serialises writes
itself). A worker that was down runs the overdue sweep as soon as it starts."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from django.db import connections, router, transaction
from django.utils import timezone

from . import conf

logger = logging.getLogger(__name__)

# pg_advisory_xact_lock key: "jk-sweep" as a number.
LOCK_KEY = int.from_bytes(b"jk-sweep", "big") & 0x7FFF_FFFF_FFFF_FFFF


def next_sweep_at(now: datetime | None = None) -> datetime:
    """The next sweep hour (local time) after ``now``."""
    now = timezone.localtime(now or timezone.now())
    candidate = timezone.make_aware(datetime.combine(now.date(), time(conf.sweep_hour())))
    if candidate <= now:
        candidate = timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), time(conf.sweep_hour())))
    return candidate


def ensure_sweep_scheduled(*, now: datetime | None = None) -> bool:
    """Queue the next daily sweep unless one is waiting; whether it queued one. Does nothing when
    the task backend is not the database queue (it cannot be asked what is waiting)."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    from .tasks import sweep_stagnation

    backend = sweep_stagnation.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False
    using = router.db_for_write(DBTaskResult)
    with transaction.atomic(using=using):
        connection = connections[using]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        waiting = DBTaskResult.objects.using(using).filter(
            task_path=sweep_stagnation.module_path,
            backend_name=backend.alias,
            status=TaskResultStatus.READY,
        )
        if waiting.exists():
            return False
        sweep_stagnation.using(run_after=next_sweep_at(now)).enqueue()
        return True


def schedule_after_migrate(sender, using: str, **kwargs) -> None:
    """post_migrate: make sure the daily sweep is queued. Never breaks a migration."""
    if using != router.db_for_write(_task_model()):
        return
    try:
        ensure_sweep_scheduled()
    except Exception:  # e.g. the task tables are not migrated yet: a migration must not fail on this
        logger.warning("Could not queue the daily stagnation sweep", exc_info=True)


def _task_model():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult
