"""The decision term on a help request (aanvraag) under the Awb, with suspension ("stop the
clock") while the toegang waits for information, and the Algemene termijnenwet's move past
weekends and public holidays. Pure functions: pinned with dates in tests/intake/test_deadlines.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from dateutil.easter import easter

# Awb art. 4:13 lid 2: without a statutory term, the decision comes within a reasonable term of
# at most eight weeks after receipt of the aanvraag.
AWB_DECISION_TERM = timedelta(weeks=8)


@cache
def atw_holidays(year: int) -> frozenset[date]:
    """The generally recognised holidays of the Algemene termijnenwet, art. 3 lid 1: nieuwjaarsdag,
    tweede paasdag, hemelvaartsdag, tweede pinksterdag, beide kerstdagen, Koningsdag (27 April, or
    the 26th when the 27th is a Sunday) and 5 mei (bevrijdingsdag)."""
    easter_sunday = easter(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = date(year, 4, 26)
    return frozenset(
        {
            date(year, 1, 1),
            easter_sunday + timedelta(days=1),
            easter_sunday + timedelta(days=39),
            easter_sunday + timedelta(days=50),
            kings_day,
            date(year, 5, 5),
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def next_working_day(day: date) -> date:
    """Algemene termijnenwet art. 1 lid 1: a statutory term that ends on a Saturday, Sunday or
    recognised holiday is extended to the next day that is none of these."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in atw_holidays(day.year)


def add_working_days(day: date, count: int) -> date:
    """``count`` working days after ``day`` (Monday to Friday, not a recognised holiday of the
    Algemene termijnenwet): a term "within 5 working days" of an event on Friday ends on Friday a
    week later."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


@dataclass(frozen=True)
class Period:
    """A suspension: the day the requester was asked for information, and the day it came in
    (None while still waiting)."""

    started_on: date
    ended_on: date | None = None


def suspended_days(periods: Iterable[Period], today: date) -> int:
    """Awb art. 4:15 lid 1 sub a: the term is suspended from the day after the request to complete
    the aanvraag until the day it is completed. An open suspension counts up to and including
    today: information that arrives tomorrow ends it then."""
    total = 0
    for period in periods:
        end = period.ended_on if period.ended_on is not None else today + timedelta(days=1)
        total += max(0, (end - period.started_on).days - 1)
    return total


@dataclass(frozen=True)
class Term:
    received_on: date
    deadline: date
    suspended_days: int
    suspended: bool  # waiting for information right now

    def days_left(self, today: date) -> int:
        return (self.deadline - today).days

    def overdue(self, today: date) -> bool:
        return today > self.deadline


def decision_term(received_on: date, periods: Iterable[Period] = (), *, today: date) -> Term:
    """The decision deadline of an aanvraag received on ``received_on``."""
    periods = list(periods)
    days = suspended_days(periods, today)
    deadline = next_working_day(received_on + AWB_DECISION_TERM + timedelta(days=days))
    return Term(
        received_on=received_on,
        deadline=deadline,
        suspended_days=days,
        suspended=any(p.ended_on is None for p in periods),
    )
