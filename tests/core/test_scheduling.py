"""Daily tasks on the worker (``core.scheduling``): the next run's time in local time, and exactly
one run waiting however often it is ensured."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from jeugdketen.core import scheduling

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("hour", "now", "expected"),
    [
        (3, datetime(2026, 11, 22, 2, 59, tzinfo=AMS), datetime(2026, 11, 22, 3, 0, tzinfo=AMS)),
        (3, datetime(2026, 11, 22, 3, 0, tzinfo=AMS), datetime(2026, 11, 23, 3, 0, tzinfo=AMS)),
        (6, datetime(2026, 11, 22, 23, 30, tzinfo=AMS), datetime(2026, 11, 23, 6, 0, tzinfo=AMS)),
        # 23:30 UTC is already the next day in Amsterdam
        (6, datetime(2026, 11, 22, 23, 30, tzinfo=ZoneInfo("UTC")), datetime(2026, 11, 23, 6, 0, tzinfo=AMS)),
        (6, datetime(2026, 3, 28, 12, 0, tzinfo=AMS), datetime(2026, 3, 29, 6, 0, tzinfo=AMS)),  # to summer time
    ],
)
def test_the_next_run_is_the_next_hour_in_local_time(hour, now, expected):
    assert scheduling.next_run_at(hour, now) == expected


def test_each_task_has_its_own_stable_lock_key():
    a, b = scheduling.lock_key("x.tasks.a"), scheduling.lock_key("x.tasks.b")
    assert a != b and a == scheduling.lock_key("x.tasks.a")
    assert 0 <= a < 2**63  # PostgreSQL's bigint
