"""The numbers of the verwijsindex risicojongeren, in one place (Jeugdwet paragraaf 7.1.4,
"Verwijsindex risicojongeren"; the working of the national index as Multisignaal describes it;
``../shared/domain.md`` §4).

* A signal ("melding") says only that a professional is involved with a youth: who, their
  organisation and how to reach them. No content.
* It is for youths from 0 up to 23: the verwijsindex's target group is "jeugdigen" up to 23
  (the Jeugdwet's jeugdige with the extension to 23).
* A signal ends when its placer withdraws it, and at the latest 2 years after it was placed, or
  when the youth turns 23, whichever comes first.
"""

from __future__ import annotations

from datetime import date

# Signals are placed on youths younger than this; a signal ends at the latest on this birthday.
AGE_LIMIT = 23
# A signal ends at the latest this many years after it was placed.
MAX_YEARS = 2


def _add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def birthday(date_of_birth: date, age: int) -> date:
    return _add_years(date_of_birth, age)


def ends_on(placed_on: date, date_of_birth: date) -> date:
    """The first day a signal placed on ``placed_on`` is no longer active: 2 years after placing,
    or the youth's 23rd birthday, whichever is earlier."""
    return min(_add_years(placed_on, MAX_YEARS), birthday(date_of_birth, AGE_LIMIT))


def may_be_placed(date_of_birth: date, on: date) -> bool:
    """Only for youths who are born and younger than 23."""
    return date_of_birth <= on < birthday(date_of_birth, AGE_LIMIT)
