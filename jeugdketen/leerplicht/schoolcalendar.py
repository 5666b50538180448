"""A region's school calendar as the absence rules need it: which days are school days and
which weeks count as school weeks. Pure: built from the holidays stored per region
(``models.SchoolHoliday``) by ``selectors.school_calendar``, tested with hand-made calendars.

A *school week* is a Monday-to-Sunday week of which at least one weekday is not in a school
holiday (``Kind.VACATION``): the 4 weeks of art. 21a and the 12 of M@ZL count only those, so a
week of the summer holiday does not count, while a week with only Koningsdag or Hemelvaart off
does. A *school day* is a weekday that is neither in a holiday nor a day off."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

EPOCH = date(2000, 1, 3)  # a Monday: school weeks are numbered from here


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Holiday:
    start: date
    end: date  # inclusive
    vacation: bool = True  # a school holiday (vakantie); False: a single day off (feestdag)


@dataclass(frozen=True)
class SchoolCalendar:
    days_off: frozenset[date] = frozenset()
    vacation_days: frozenset[date] = frozenset()
    # Mondays of the weeks whose five weekdays all fall in a vacation, sorted
    vacation_weeks: tuple[date, ...] = ()
    _vacation_week_set: frozenset[date] = field(default=frozenset(), repr=False)
    # The school week per day, as asked: judging a school's pupils asks for the same few hundred
    # days thousands of times.
    _weeks: dict[date, int | None] = field(default_factory=dict, repr=False, compare=False, hash=False)
    _borders: dict[tuple[date, int], bool] = field(default_factory=dict, repr=False, compare=False, hash=False)

    @classmethod
    def from_holidays(cls, holidays: Iterable[Holiday]) -> SchoolCalendar:
        days_off: set[date] = set()
        vacation_days: set[date] = set()
        for holiday in holidays:
            day = holiday.start
            while day <= holiday.end:
                days_off.add(day)
                if holiday.vacation:
                    vacation_days.add(day)
                day += timedelta(days=1)
        mondays = {monday(day) for day in vacation_days}
        weeks = sorted(m for m in mondays if all(m + timedelta(days=i) in vacation_days for i in range(5)))
        return cls(frozenset(days_off), frozenset(vacation_days), tuple(weeks), frozenset(weeks))

    def is_school_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.days_off

    def is_vacation_week(self, day: date) -> bool:
        return monday(day) in self._vacation_week_set

    def school_week(self, day: date) -> int | None:
        """The number of the school week ``day`` falls in (consecutive school weeks have
        consecutive numbers, holiday weeks in between are skipped), None in a holiday week."""
        try:
            return self._weeks[day]
        except KeyError:
            pass
        week_start = monday(day)
        if week_start in self._vacation_week_set:
            week = None
        else:
            week = (week_start - EPOCH).days // 7 - bisect_left(self.vacation_weeks, week_start)
        self._weeks[day] = week
        return week

    def school_days(self, start: date, end: date) -> list[date]:
        days, day = [], start
        while day <= end:
            if self.is_school_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days

    def end_of_school_weeks(self, start: date, weeks: int) -> date:
        """The last school day of the ``weeks``-th school week counted from the first school day
        on or after ``start`` (the first weeks of a school year begin after the summer vacation)."""
        day = start if self.is_school_day(start) else self.next_school_day(start)
        first = self.school_week(day)
        last = day
        while self.school_week(day) is not None and self.school_week(day) < first + weeks:
            last = day
            day = self.next_school_day(day)
        return last

    def next_school_day(self, day: date) -> date:
        day += timedelta(days=1)
        for _i in range(120):
            if self.is_school_day(day):
                return day
            day += timedelta(days=1)
        return day

    def previous_school_day(self, day: date) -> date:
        day -= timedelta(days=1)
        for _i in range(120):
            if self.is_school_day(day):
                return day
            day -= timedelta(days=1)
        return day

    def borders_vacation(self, day: date, school_days: int) -> bool:
        """Whether ``day`` is one of the last ``school_days`` school days before a vacation or
        one of the first after it (where luxe verzuim is looked for)."""
        if school_days <= 0:
            return False
        key = (day, school_days)
        if key not in self._borders:
            self._borders[key] = self._borders_vacation(day, school_days)
        return self._borders[key]

    def _borders_vacation(self, day: date, school_days: int) -> bool:
        after = before = day
        for _i in range(school_days):
            after = self.next_school_day(after)
            before = self.previous_school_day(before)
        return any(d in self.vacation_days for d in _between(before, after))


def _between(start: date, end: date):
    day = start + timedelta(days=1)
    while day < end:
        yield day
        day += timedelta(days=1)
