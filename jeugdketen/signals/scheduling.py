"""The daily stagnation sweep on the running worker: one sweep always waiting in the queue, queued
by each sweep for the next day and by ``migrate`` when none waits (``core.scheduling`` holds the
mechanism, shared with the retention purge). A worker that was down runs the overdue sweep as soon
as it starts."""

from __future__ import annotations

from datetime import datetime

from jeugdketen.core import scheduling

from . import conf


def next_sweep_at(now: datetime | None = None) -> datetime:
    """The next sweep hour (local time) after ``now``."""
    return scheduling.next_run_at(conf.sweep_hour(), now)


def ensure_sweep_scheduled(*, now: datetime | None = None) -> bool:
    """Queue the next daily sweep unless one is waiting; whether it queued one."""
    from .tasks import sweep_stagnation

    return scheduling.ensure_daily(sweep_stagnation, hour=conf.sweep_hour(), now=now)
