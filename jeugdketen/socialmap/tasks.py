"""Daily on the worker (``core.scheduling``): remind keepers of sociale-kaart entries that are due
for confirmation."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task

from jeugdketen.core import scheduling

from . import conf


def ensure_reminders_scheduled(*, now: datetime | None = None) -> bool:
    return scheduling.ensure_daily(remind_keepers, hour=conf.reminder_hour(), now=now)


@task()
def remind_keepers() -> int:
    """First queue tomorrow's run, then mail what is due; how many mails were sent."""
    from .services import keepers_remind

    ensure_reminders_scheduled()
    return keepers_remind()
