"""Reads the leerplicht pages and services share."""

from __future__ import annotations

from .models import SchoolHoliday
from .schoolcalendar import Holiday, SchoolCalendar


def school_calendar(region: str) -> SchoolCalendar:
    """The school calendar of a holiday region (one query)."""
    return SchoolCalendar.from_holidays(
        Holiday(start, end, kind == SchoolHoliday.Kind.VACATION)
        for start, end, kind in SchoolHoliday.objects.filter(region=region).values_list("start", "end", "kind")
    )
