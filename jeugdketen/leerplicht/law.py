"""The numbers of the Leerplichtwet 1969 and of the methods the consulent works with, each once,
with its source. Pure functions over dates: pinned with boundary dates in
``tests/leerplicht/test_law.py``. Keep in step with the table in ``docs/domain.md``.

What is not national (how many school days around a holiday count as luxe verzuim) is a setting
with a default (``settings.JEUGDKETEN_LEERPLICHT``), not a constant here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from jeugdketen.youth.models import age_on

# --- who is leerplichtig -----------------------------------------------------------------------

# Leerplichtwet art. 1: the schooljaar runs from 1 August up to and including 31 July.
SCHOOL_YEAR_START_MONTH = 8
# Art. 3 lid 1: leerplichtig from the first school day of the month after the 5th birthday.
LEERPLICHT_FROM_AGE = 5
# Art. 4 lid 1: full leerplicht ends at the end of the school year in which the youth turns 16.
# (It also ends after 12 full school years; the app does not know a youth's school history
# before it, so the consulent records that as a vrijstelling-free end by hand if it arises.)
LEERPLICHT_UNTIL_AGE = 16
# Art. 4a lid 1: after that the youth is kwalificatieplichtig until the 18th birthday or until
# they hold a startkwalificatie (havo, vwo or mbo level 2 or higher), whichever comes first.
KWALIFICATIEPLICHT_UNTIL_AGE = 18
# RMC (Regionale Meld- en Coördinatiefunctie voortijdig schoolverlaten): 18 to 23 without a
# startkwalificatie (Wet educatie en beroepsonderwijs / RMC-wetgeving; DUO verzuimloket).
RMC_UNTIL_AGE = 23

# --- absence -----------------------------------------------------------------------------------

# Art. 21a lid 1: the school reports unauthorised absence of 16 hours of onderwijstijd within a
# period of 4 consecutive school weeks; holiday weeks are not counted (Inspectie van het
# Onderwijs, "Verzuim melden"). After a report a new period of 4 weeks starts.
RELATIEF_VERZUIM_HOURS = Decimal(16)
RELATIEF_VERZUIM_SCHOOL_WEEKS = 4
# The report within 5 working days of reaching the threshold (the Inspectie's reading of
# art. 21a: "binnen vijf werkdagen").
REPORT_WITHIN_WORKING_DAYS = 5
# DUO verzuimloket: under continuous absence at most one report per 7 days; the 16-hours report is
# not compulsory from the 18th birthday.
MIN_DAYS_BETWEEN_REPORTS = 7
RELATIEF_VERZUIM_UNTIL_AGE = 18
# DUO verzuimloket, "langdurig relatief verzuim": enrolled but absent without permission for more
# than 4 consecutive school weeks.
LANGDURIG_SCHOOL_WEEKS = 4

# M@ZL (Medische Advisering van de Ziekgemelde Leerling; NCJ, Ingrado): worrying sickness absence
# goes to the jeugdarts from 4 sick reports within 12 school weeks, or from the 7th consecutive
# school day of illness.
MAZL_SICK_REPORTS = 4
MAZL_SCHOOL_WEEKS = 12
MAZL_CONSECUTIVE_SCHOOL_DAYS = 7

# --- leave -------------------------------------------------------------------------------------

# Art. 13a: leave for a family holiday outside the school holidays, once a school year, at most
# 10 school days, not in the first 2 weeks of the school year; the head of the school decides.
# Art. 14: leave for other important circumstances: up to 10 school days the head decides, over
# 10 school days the leerplichtambtenaar (lid 3).
HEAD_DECIDES_UP_TO_SCHOOL_DAYS = 10
HOLIDAY_LEAVE_NOT_IN_FIRST_WEEKS = 2

# --- vrijstellingen ----------------------------------------------------------------------------

# Art. 6 lid 1: the kennisgeving for a vrijstelling on account of richtingbezwaren (art. 5 sub b)
# reaches the college at least one month before the youth becomes leerplichtig (and, for a later
# school year, before 1 July before that year).
RICHTINGBEZWAAR_NOTICE_MONTHS = 1

# --- HALT --------------------------------------------------------------------------------------

# Halt-afdoening for schoolverzuim (halt.nl, "voor verwijzers"; Wetboek van Strafvordering art.
# 77e): the youth is 12 to 17 and leerplichtig or kwalificatieplichtig, 9 to 60 hours unauthorised
# absent or 12 to 60 times late, never before referred to Halt for verzuim, and agrees; under 16
# the parents agree too. The Halt-straf is at most 20 hours.
HALT_FROM_AGE = 12
HALT_UNTIL_AGE = 18
HALT_MIN_HOURS = Decimal(9)
HALT_MAX_HOURS = Decimal(60)
HALT_MIN_TIMES_LATE = 12
HALT_MAX_TIMES_LATE = 60
HALT_PARENTS_CONSENT_UNTIL_AGE = 16
HALT_MAX_STRAF_HOURS = 20


class Duty(enum.Enum):
    NOT_YET = "nog_niet"
    LEERPLICHTIG = "leerplichtig"
    KWALIFICATIEPLICHTIG = "kwalificatieplichtig"
    NONE = "niet"

    @property
    def label(self) -> str:
        return str(DUTY_LABELS[self])

    @property
    def applies(self) -> bool:
        return self in (Duty.LEERPLICHTIG, Duty.KWALIFICATIEPLICHTIG)


DUTY_LABELS = {
    Duty.NOT_YET: _("Nog niet leerplichtig"),
    Duty.LEERPLICHTIG: _("Leerplichtig"),
    Duty.KWALIFICATIEPLICHTIG: _("Kwalificatieplichtig"),
    Duty.NONE: _("Niet (meer) leerplichtig"),
}


def school_year_start(day: date) -> date:
    """1 August of the school year ``day`` falls in."""
    year = day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1
    return date(year, SCHOOL_YEAR_START_MONTH, 1)


def school_year_end(day: date) -> date:
    """31 July, the last day of the school year ``day`` falls in."""
    start = school_year_start(day)
    return date(start.year + 1, SCHOOL_YEAR_START_MONTH, 1) - timedelta(days=1)


def birthday(date_of_birth: date, years: int) -> date:
    """The day the youth reaches ``years``: for 29 February, 1 March in a common year (as
    ``age_on`` counts)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + years)
    except ValueError:
        return date(date_of_birth.year + years, 3, 1)


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def leerplicht_start(date_of_birth: date, is_school_day: Callable[[date], bool] | None = None) -> date:
    """Art. 3 lid 1: the first school day of the month after the month of the 5th birthday. With a
    school calendar (``is_school_day``) that skips holidays too: a child who turns 5 in June becomes
    leerplichtig on the first school day after the summer holiday."""
    fifth = birthday(date_of_birth, LEERPLICHT_FROM_AGE)
    day = date(fifth.year + (fifth.month == 12), fifth.month % 12 + 1, 1)
    if is_school_day is None:
        return _weekday(day)
    for _i in range(120):  # no holiday lasts longer; stop rather than loop on a broken calendar
        if is_school_day(day):
            return day
        day += timedelta(days=1)
    return day


def leerplicht_end(date_of_birth: date) -> date:
    """Art. 4 lid 1: the last day of full leerplicht, the end of the school year of the 16th
    birthday."""
    return school_year_end(birthday(date_of_birth, LEERPLICHT_UNTIL_AGE))


def kwalificatieplicht_end(date_of_birth: date, startkwalificatie_on: date | None = None) -> date:
    """Art. 4a: the last day of the kwalificatieplicht: the day before the 18th birthday, or the
    day before the startkwalificatie was obtained if that comes first."""
    last = birthday(date_of_birth, KWALIFICATIEPLICHT_UNTIL_AGE) - timedelta(days=1)
    if startkwalificatie_on is not None:
        return min(last, startkwalificatie_on - timedelta(days=1))
    return last


def duty_period(
    date_of_birth: date,
    *,
    startkwalificatie_on: date | None = None,
    is_school_day: Callable[[date], bool] | None = None,
) -> tuple[date, date]:
    """The first and last day on which the youth is leerplichtig or kwalificatieplichtig."""
    return (
        leerplicht_start(date_of_birth, is_school_day),
        max(leerplicht_end(date_of_birth), kwalificatieplicht_end(date_of_birth, startkwalificatie_on)),
    )


def duty_on(
    date_of_birth: date,
    day: date,
    *,
    startkwalificatie_on: date | None = None,
    is_school_day: Callable[[date], bool] | None = None,
) -> Duty:
    """Whether the youth is leerplichtig, kwalificatieplichtig or neither on ``day``. A
    startkwalificatie ends the kwalificatieplicht, not the full leerplicht (art. 4a lid 1)."""
    if day < leerplicht_start(date_of_birth, is_school_day):
        return Duty.NOT_YET
    if day <= leerplicht_end(date_of_birth):
        return Duty.LEERPLICHTIG
    if day <= kwalificatieplicht_end(date_of_birth, startkwalificatie_on):
        return Duty.KWALIFICATIEPLICHTIG
    return Duty.NONE


def becomes_leerplichtig_between(date_of_birth: date, start: date, end: date) -> bool:
    """For the list of 4-year-olds without a school: leerplicht starts within [start, end]."""
    return start <= leerplicht_start(date_of_birth) <= end


def relatief_verzuim_applies(date_of_birth: date, day: date) -> bool:
    """The 16-hours report is compulsory under 18 (DUO); from 18 it is RMC's, not art. 21a's."""
    return age_on(date_of_birth, day) < RELATIEF_VERZUIM_UNTIL_AGE
