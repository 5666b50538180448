"""Background work of the dashboards: the daily recomputation, and one scope on request."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task

from jeugdketen.core import scheduling

from . import conf


def ensure_daily_compute(*, now: datetime | None = None) -> bool:
    return scheduling.ensure_daily(compute_all_scopes, hour=conf.compute_hour(), now=now)


@task()
def compute_all_scopes() -> int:
    """First queue tomorrow's run, then recompute every scope."""
    from .compute import compute_all

    ensure_daily_compute()
    return compute_all()


@task()
def compute_one_scope(scope: str, scope_id: int) -> float:
    from .compute import compute_scope

    return compute_scope(scope, scope_id).seconds
