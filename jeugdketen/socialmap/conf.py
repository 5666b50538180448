"""Settings of the sociale kaart, read from Django's settings with the defaults below. They are the
region's working agreements, not law."""

from __future__ import annotations

from django.conf import settings

# An entry not confirmed for this many days is shown as "niet recent bevestigd" and its keeper is
# reminded once. A year is what most regional social maps ask of their providers.
DEFAULT_CONFIRM_EVERY_DAYS = 365
# The hour (local time) at which the worker mails the reminders.
DEFAULT_REMINDER_HOUR = 7


def confirm_every_days() -> int:
    return int(getattr(settings, "JEUGDKETEN_SOCIAL_MAP_CONFIRM_DAYS", DEFAULT_CONFIRM_EVERY_DAYS))


def reminder_hour() -> int:
    return int(getattr(settings, "JEUGDKETEN_SOCIAL_MAP_REMINDER_HOUR", DEFAULT_REMINDER_HOUR))
