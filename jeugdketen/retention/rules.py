"""Retention periods, encoded once.

Jeugdwet art. 7.3.8 lid 3: the jeugdhulp dossier is kept for twenty years from the moment it was
made (for us: from the end of the help, the day the case closed — the later, and so the safer, of
the two readings), or longer when that is reasonably needed for the care. Art. 7.3.9: on a written
request of the parent (child under 16) or the youth (from 12) it is destroyed earlier — within
three months — unless that concerns data of considerable importance to someone else, or the law
requires keeping it. The access log itself is kept: it is how a removal stays accountable."""

from __future__ import annotations

from datetime import date

JEUGDHULP_RETENTION_YEARS = 20  # Jeugdwet art. 7.3.8 lid 3
DESTRUCTION_REQUEST_MONTHS = 3  # Jeugdwet art. 7.3.9 lid 2


def years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def case_retained_until(closed_on: date) -> date:
    """The last day a closed case's records are kept."""
    return years_after(closed_on, JEUGDHULP_RETENTION_YEARS)
