"""Daily on the worker (``core.scheduling``): close the accounts of people whose recorded departure
day has come. The policy already gives them nothing from that day (``policy.professional_of``);
this also ends their login."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task

from jeugdketen.core import scheduling

CLOSE_ACCOUNTS_HOUR = 0  # just after midnight: the first day away starts without a login


def ensure_departures_scheduled(*, now: datetime | None = None) -> bool:
    return scheduling.ensure_daily(close_departed_accounts, hour=CLOSE_ACCOUNTS_HOUR, now=now)


@task()
def close_departed_accounts() -> int:
    """First queue tomorrow's run, then close what is due; how many accounts were closed."""
    from .services import departed_accounts_close

    ensure_departures_scheduled()
    return departed_accounts_close()
