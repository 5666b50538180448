"""Judging a pupil's absence: every reportable case the law and M@ZL define, found from the
absence a school delivered. Pure functions over one pupil's absence at one school and the
region's school calendar; ``services.judge`` feeds them and turns what they find into meldingen.

Each function returns every finding in the data from its start: the result depends only on the
data, so judging again after a new delivery finds the same cases (and the meldingen stay one per
case). ``tests/leerplicht/test_verzuim.py`` checks ``relatief`` against a plain day-by-day
reference with hypothesis.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from . import law
from .schoolcalendar import SchoolCalendar


class Kind(enum.Enum):
    RELATIEF = "relatief"
    LANGDURIG = "langdurig"
    LUXE = "luxe"
    MAZL_FREQUENT = "mazl_frequent"
    MAZL_LONG = "mazl_lang"


@dataclass(frozen=True)
class Finding:
    kind: Kind
    reached_on: date  # the day the threshold was reached: the report term runs from here
    start: date  # the first day of absence the finding covers
    end: date  # the last
    hours: Decimal = Decimal(0)
    count: int = 0  # days absent (langdurig, luxe) or sick reports (M@ZL)


# What a pupil's absence must at least hold for any of the functions below to find something;
# ``services.judge`` reads and judges only such pupils (a school's file names a thousand, a few
# dozen of them qualify). Each is a necessary condition, never a sufficient one, and
# ``tests/leerplicht/test_verzuim.py`` checks with hypothesis that no pupil with a finding fails
# all three (``services.worth_judging`` applies them):
# - ``relatief`` needs the threshold in unauthorised and late hours within 4 school weeks, so at
#   least that many in all;
MAY_FIND_HOURS = law.RELATIEF_VERZUIM_HOURS
# - ``langdurig`` and ``luxe`` need a whole day absent without permission;
MAY_FIND_WHOLE_DAYS = 1
# - ``mazl`` needs its number of sick reports, or one report of its number of days: either way at
#   least the smaller number of sick days.
MAY_FIND_SICK_DAYS = min(law.MAZL_SICK_REPORTS, law.MAZL_CONSECUTIVE_SCHOOL_DAYS)


def relatief(
    days: Iterable[tuple[date, Decimal]],
    calendar: SchoolCalendar,
    *,
    threshold: Decimal = law.RELATIEF_VERZUIM_HOURS,
    weeks: int = law.RELATIEF_VERZUIM_SCHOOL_WEEKS,
    min_days_between: int = law.MIN_DAYS_BETWEEN_REPORTS,
) -> list[Finding]:
    """Art. 21a: ``threshold`` hours of unauthorised absence within ``weeks`` consecutive school
    weeks. After a finding the counting starts again with the absence after it, and the next
    finding comes at the earliest ``min_days_between`` days later (DUO: under continuous absence
    one report per 7 days); until then absence goes on counting for it.

    ``days`` holds per school day the unauthorised hours (days in a holiday week are ignored)."""
    per_day: dict[date, Decimal] = {}
    for day, hours in days:
        if hours > 0 and calendar.school_week(day) is not None:
            per_day[day] = per_day.get(day, Decimal(0)) + hours
    ordered = sorted(per_day.items())
    findings: list[Finding] = []
    window: deque[tuple[date, int, Decimal]] = deque()
    total = Decimal(0)
    not_before: date | None = None
    pending: date | None = None  # a check due at ``not_before`` while the threshold is met
    i = 0
    while i < len(ordered) or pending is not None:
        if pending is not None and (i == len(ordered) or pending < ordered[i][0]):
            checkpoint, pending = pending, None
        else:
            checkpoint, hours = ordered[i]
            i += 1
            window.append((checkpoint, calendar.school_week(checkpoint), hours))
            total += hours
        week = calendar.school_week(checkpoint)
        while window and window[0][1] <= week - weeks:
            total -= window.popleft()[2]
        if total < threshold:
            continue
        if not_before is not None and checkpoint < not_before:
            if pending is None:
                pending = _first_school_day_from(calendar, not_before)
            continue
        findings.append(Finding(Kind.RELATIEF, checkpoint, window[0][0], window[-1][0], total, len(window)))
        window.clear()
        total = Decimal(0)
        pending = None
        not_before = checkpoint + timedelta(days=min_days_between)
    return findings


def _first_school_day_from(calendar: SchoolCalendar, day: date) -> date:
    while calendar.school_week(day) is None or not calendar.is_school_day(day):
        day += timedelta(days=1)
    return day


def _runs(days: Iterable[date], calendar: SchoolCalendar) -> list[list[date]]:
    """Consecutive school days (weekends and days off in between do not break a run)."""
    runs: list[list[date]] = []
    for day in sorted(set(days)):
        if runs and calendar.next_school_day(runs[-1][-1]) == day:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _weeks_between(calendar: SchoolCalendar, start: date, end: date) -> int:
    return calendar.school_week(end) - calendar.school_week(start)


def langdurig(
    absent_days: Iterable[date], calendar: SchoolCalendar, *, weeks: int = law.LANGDURIG_SCHOOL_WEEKS
) -> list[Finding]:
    """Langdurig relatief verzuim: absent without permission on every school day for more than
    ``weeks`` school weeks. Found on the first day past them; one finding per run."""
    findings = []
    for run in _runs(absent_days, calendar):
        start = run[0]
        for day in run:
            span = _weeks_between(calendar, start, day)
            if span > weeks or (span == weeks and day.weekday() >= start.weekday()):
                findings.append(Finding(Kind.LANGDURIG, day, start, run[-1], count=len(run)))
                break
    return findings


def luxe(
    absent_days: Iterable[date],
    calendar: SchoolCalendar,
    *,
    border_days: int,
    refused_leave: Sequence[tuple[date, date]] = (),
) -> list[Finding]:
    """Luxe verzuim: unauthorised absence on the school days around a vacation (the last or first
    ``border_days``) or in a period for which leave was refused. Consecutive such days are one
    finding."""
    suspect = [
        day
        for day in absent_days
        if calendar.borders_vacation(day, border_days) or any(a <= day <= b for a, b in refused_leave)
    ]
    return [Finding(Kind.LUXE, run[0], run[0], run[-1], count=len(run)) for run in _runs(suspect, calendar)]


def mazl(
    sick_days: Iterable[date],
    calendar: SchoolCalendar,
    *,
    reports: int = law.MAZL_SICK_REPORTS,
    weeks: int = law.MAZL_SCHOOL_WEEKS,
    consecutive: int = law.MAZL_CONSECUTIVE_SCHOOL_DAYS,
) -> list[Finding]:
    """M@ZL: the ``reports``-th sick report (a run of consecutive sick school days) within
    ``weeks`` school weeks, or the ``consecutive``-th school day of one sick report. After a
    finding the counting of sick reports starts again; a report already found is not found twice."""
    findings: list[Finding] = []
    starts: deque[date] = deque()
    for run in _runs((d for d in sick_days if calendar.school_week(d) is not None), calendar):
        start = run[0]
        starts.append(start)
        week = calendar.school_week(start)
        while calendar.school_week(starts[0]) <= week - weeks:
            starts.popleft()
        if len(starts) >= reports:
            findings.append(Finding(Kind.MAZL_FREQUENT, start, starts[0], run[-1], count=len(starts)))
            starts.clear()
            continue
        if len(run) >= consecutive:
            findings.append(Finding(Kind.MAZL_LONG, run[consecutive - 1], start, run[-1], count=len(run)))
            starts.clear()
    return findings
