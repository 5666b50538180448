"""When each step of an investigation is due. Pure functions on dates, pinned in
tests/investigation/test_deadlines.py; the norms come from conf.py."""

from __future__ import annotations

from datetime import date, timedelta

from jeugdketen.intake.deadlines import next_working_day


def zienswijze_until(shared_on: date, days: int) -> date:
    """The last day for a zienswijze on a report shared on ``shared_on``. A term that ends on a
    weekend or public holiday moves to the next working day (as the Algemene termijnenwet does
    for statutory terms), so parents never lose days to a holiday."""
    return next_working_day(shared_on + timedelta(days=days))


def phase_due(
    *,
    phase: str,
    phase_started_on: date,
    decide_by: date | None,
    zienswijze_until: date | None,
    norms: dict[str, int],
) -> date | None:
    """The day the current phase should be done.

    * analyse and oordeelsvorming: their norm from the start of the phase, but never after
      ``decide_by`` (the decision term leaves no room for a later judgement);
    * besluitvorming: ``decide_by`` when there is one, otherwise its norm;
    * verslag: the norm after the end of the zienswijze term (finalising);
    * definitief: nothing is due.
    """
    if phase == "definitief":
        return None
    if phase == "verslag":
        if zienswijze_until is None:
            return None
        return zienswijze_until + timedelta(days=norms["verslag"])
    if phase == "besluitvorming" and decide_by is not None:
        return decide_by
    due = phase_started_on + timedelta(days=norms[phase])
    return min(due, decide_by) if decide_by is not None else due


def days_overdue(due: date | None, today: date) -> int:
    """How many days past ``due`` today is (0 when not overdue or nothing is due)."""
    if due is None:
        return 0
    return max(0, (today - due).days)
