"""The terms of passend onderwijs, each from the law in one place. Pure functions over dates:
pinned with frozen dates in tests/schoolsupport/test_terms.py."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from jeugdketen.intake.deadlines import next_working_day

# WPO art. 40a lid 1 / WVO art. 17a lid 1 (and WEC art. 41a): the bevoegd gezag sets the
# ontwikkelingsperspectief as soon as possible, at the latest within six weeks after the pupil's
# enrolment (or after it became clear that the pupil needs extra support).
OPP_TERM = timedelta(weeks=6)
# WPO art. 40a lid 5 / WVO art. 17a lid 5: the school evaluates the OPP with the parents at least
# once a year.
OPP_EVALUATION_INTERVAL_MONTHS = 12
# WPO art. 40 lid 4 / WVO art. 27 lid 2c: the school decides on an admission within six weeks after
# the application, and may extend that once by at most four weeks.
ZORGPLICHT_TERM = timedelta(weeks=6)
ZORGPLICHT_EXTENSION = timedelta(weeks=4)
# WPO art. 18a lid 6 / WVO art. 17a lid 12 (passend onderwijs): before deciding on a
# toelaatbaarheidsverklaring the samenwerkingsverband asks the advice of at least two deskundigen,
# one of them an orthopedagoog or a psycholoog.
TLV_MIN_ADVICES = 2
TLV_REQUIRED_EXPERTISE = frozenset({"orthopedagoog", "psycholoog"})
# How far ahead the IB'er's overview shows what is coming up (a planning horizon, not law).
DUE_SOON = timedelta(weeks=2)


def opp_due_on(enrolled_on: date) -> date:
    """The last day to set the OPP. A statutory term: the Algemene termijnenwet moves an end on a
    weekend or public holiday to the next working day."""
    return next_working_day(enrolled_on + OPP_TERM)


def opp_evaluation_due(last: date) -> date:
    """The next evaluation with the parents: a year after the OPP was set or last evaluated."""
    return last + relativedelta(months=OPP_EVALUATION_INTERVAL_MONTHS)


def zorgplicht_due_on(received_on: date, *, extended: bool) -> date:
    """The last day of the school's decision on an admission: six weeks, once plus four."""
    term = ZORGPLICHT_TERM + (ZORGPLICHT_EXTENSION if extended else timedelta(0))
    return next_working_day(received_on + term)


def tlv_advice_missing(expertises: list[str]) -> list[str]:
    """What the advice of the deskundigen still lacks for a TLV decision (empty: complete)."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    missing = []
    if len(expertises) < TLV_MIN_ADVICES:
        missing.append(
            ngettext(
                "Er is %(count)s advies van een deskundige; voor een TLV zijn er minstens %(min)s nodig.",
                "Er zijn %(count)s adviezen van deskundigen; voor een TLV zijn er minstens %(min)s nodig.",
                len(expertises),
            )
            % {"count": len(expertises), "min": TLV_MIN_ADVICES}
        )
    if not TLV_REQUIRED_EXPERTISE & set(expertises):
        missing.append(_("Eén van de deskundigen moet een orthopedagoog of psycholoog zijn."))
    return missing
