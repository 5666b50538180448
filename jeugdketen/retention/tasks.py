"""The daily removal of what expired, on the database task queue (see ``core.scheduling``)."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django_tasks import task

from jeugdketen.auditlog.services import AccessPoint, Channel
from jeugdketen.core import scheduling

# The hour (local time) of the daily purge: at night, away from the working day.
DEFAULT_PURGE_HOUR = 3


def purge_hour() -> int:
    return int(getattr(settings, "JEUGDKETEN_RETENTION_PURGE_HOUR", DEFAULT_PURGE_HOUR))


def ensure_purge_scheduled(*, now: datetime | None = None) -> bool:
    """Queue the next daily purge unless one is waiting; whether it queued one."""
    return scheduling.ensure_daily(purge_expired_records, hour=purge_hour(), now=now)


@task()
def purge_expired_records() -> int:
    """First queue tomorrow's purge (so a failing run still has a next one), then purge."""
    from .services import purge_expired

    ensure_purge_scheduled()
    return purge_expired(access_point=AccessPoint(Channel.TASK))
