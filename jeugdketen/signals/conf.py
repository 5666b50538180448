"""Settings of the stagnation signals, read from Django's settings with the defaults below. They
are the municipality's working agreements, not law."""

from __future__ import annotations

from django.conf import settings

# An open case without any activity (journal entry, plan change, case change) for this many
# weeks is "silent".
DEFAULT_SILENT_WEEKS = 6
# The hour (local time) at which the worker runs the daily sweep.
DEFAULT_SWEEP_HOUR = 6


def silent_weeks() -> int:
    return int(getattr(settings, "JEUGDKETEN_STAGNATION_SILENT_WEEKS", DEFAULT_SILENT_WEEKS))


def sweep_hour() -> int:
    return int(getattr(settings, "JEUGDKETEN_STAGNATION_SWEEP_HOUR", DEFAULT_SWEEP_HOUR))
