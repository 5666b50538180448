"""Computing the figures: per scope, each metric's facts turned into ``Figure`` rows per period,
replacing the scope's earlier rows in one transaction. Run daily by the worker, by a manager's
"nu bijwerken", and by ``manage.py compute_dashboards``."""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from jeugdketen.core.bulk import copy_create

from . import conf
from .metrics import for_scope
from .models import Computation, Figure, Scope

LAST12 = "last12"
NOW = "now"


def first_day(today: date) -> date:
    """The first day the figures cover: 1 January, ``conf.YEARS - 1`` years back."""
    return date(today.year - conf.YEARS + 1, 1, 1)


def month_key(day: date) -> str:
    return f"m{day:%Y-%m}"


def periods_of(day: date, today: date) -> list[str]:
    keys = [month_key(day), f"q{day.year}-{(day.month - 1) // 3 + 1}", f"y{day.year}"]
    if today - timedelta(days=365) < day <= today:
        keys.append(LAST12)
    return keys


def month_ends(first: date, today: date) -> list[date]:
    """The last day of every month from ``first`` up to today (today for the current month)."""
    ends, day = [], first
    while day <= today:
        nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        ends.append(min(nxt - timedelta(days=1), today))
        day = nxt
    return ends


def _rows(scope: str, scope_id: int, metric, today: date) -> list[Figure]:
    first = first_day(today)
    facts = metric.facts(scope, scope_id, first)
    rows: list[Figure] = []

    def add(period, dimension, children, **extra):
        rows.append(Figure(scope=scope, scope_id=scope_id, metric=metric.key, period=period,
                           dimension=str(dimension), children=children, **extra))  # fmt: skip

    if metric.kind == "events":
        # Per dimension, and (dimension "") the distinct children over all dimensions: a child
        # counted under two kinds is one child in the total.
        cells: dict[tuple[str, str], set] = defaultdict(set)
        for day, dimension, youth in facts:
            if first <= day <= today:
                for period in periods_of(day, today):
                    cells[(period, str(dimension))].add(youth)
                    cells[(period, "")].add(youth)
        for (period, dimension), youths in cells.items():
            add(period, dimension, len(youths))
    elif metric.kind == "now":
        now: dict[str, set] = defaultdict(set)
        for dimension, youth in facts:
            now[str(dimension)].add(youth)
            now[""].add(youth)
        for dimension, youths in now.items():
            add(NOW, dimension, len(youths))
    elif metric.kind == "term":
        in_term: dict[str, dict] = defaultdict(dict)
        for day, youth, within in facts:
            if first <= day <= today:
                for period in periods_of(day, today):
                    in_term[period][youth] = in_term[period].get(youth, True) and within
        for period, youths in in_term.items():
            add(period, "", len(youths), numerator=sum(youths.values()))
    elif metric.kind == "waiting_time":
        waits: dict[str, dict] = defaultdict(dict)
        for day, youth, days in facts:
            if first <= day <= today:
                for period in periods_of(day, today):
                    waits[period].setdefault(youth, days)
        for period, youths in waits.items():
            values = list(youths.values())
            add(period, "", len(values), total_days=sum(values), median_days=statistics.median(values))
    elif metric.kind == "monthly_snapshot":
        intervals = list(facts)
        ends = month_ends(first, today)
        by_month = {}
        for end in ends:
            youths = {y for y, start, stop in intervals if start <= end and (stop is None or stop > end)}
            by_month[month_key(end)] = len(youths)
            add(month_key(end), "", len(youths))
        # A longer period shows the list at its end (today for a period still running).
        for end in ends:
            month = month_key(end)
            if end.month % 3 == 0 or end == today:
                add(f"q{end.year}-{(end.month - 1) // 3 + 1}", "", by_month[month])
            if end.month == 12 or end == today:
                add(f"y{end.year}", "", by_month[month])
        add(LAST12, "", by_month[month_key(today)])
    return rows


def compute_scope(scope: str, scope_id: int, *, today: date | None = None) -> Computation:
    """Recompute every figure of one scope; returns its ``Computation`` (when and how long)."""
    today = today or timezone.localdate()
    started = time.perf_counter()
    rows = [row for metric in for_scope(scope) for row in _rows(scope, scope_id, metric, today)]
    with transaction.atomic():
        Figure.objects.filter(scope=scope, scope_id=scope_id).delete()
        if len(rows) > 500:
            copy_create(rows, ids=False)
        else:
            Figure.objects.bulk_create(rows)
        computation, _ = Computation.objects.update_or_create(
            scope=scope,
            scope_id=scope_id,
            defaults={"computed_at": timezone.now(), "seconds": time.perf_counter() - started, "rows": len(rows)},
        )
    return computation


def all_scopes() -> list[tuple[str, int]]:
    """Every gemeente (municipality with a gemeente organisation), samenwerkingsverband and school."""
    from jeugdketen.organisations.models import Organisation

    orgs = Organisation.objects.filter(kind__in=("gemeente", "swv", "school")).values_list(
        "kind", "pk", "municipality_id"
    )
    scopes: set[tuple[str, int]] = set()
    for kind, pk, municipality_id in orgs:
        scopes.add((Scope.GEMEENTE, municipality_id) if kind == "gemeente" else (kind, pk))
    return sorted(scopes)


def compute_all(*, today: date | None = None) -> int:
    """Recompute every scope; the number of scopes."""
    scopes = all_scopes()
    for scope, scope_id in scopes:
        compute_scope(scope, scope_id, today=today)
    return len(scopes)
