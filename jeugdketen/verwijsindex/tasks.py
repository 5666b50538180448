"""Background work of the verwijsindex on the database task queue: thin wrappers around services."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task

from jeugdketen.core import scheduling

# Just after midnight: a signal whose term ends today is gone before anyone starts work.
EXPIRY_HOUR = 0


def ensure_expiry_scheduled(*, now: datetime | None = None) -> bool:
    return scheduling.ensure_daily(expire_signals, hour=EXPIRY_HOUR, now=now)


@task()
def expire_signals() -> int:
    """First queue tomorrow's run, then end the signals whose term has passed."""
    from .services import signals_expire

    ensure_expiry_scheduled()
    return signals_expire()


@task()
def notify_placement(signal_id: int) -> int:
    """Tell both placers of each new match, and the family, that a signal was placed."""
    from .notify import placement_notify

    return placement_notify(signal_id=signal_id)
