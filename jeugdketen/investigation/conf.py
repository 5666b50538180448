"""Settings of the investigation, read from Django's settings with the defaults below. None of
these numbers is national law: they are the municipality's working agreements (configuration)."""

from __future__ import annotations

from django.conf import settings

# Days the parents (and the youth) have to give their view on a shared onderzoeksverslag.
DEFAULT_ZIENSWIJZE_DAYS = 14

# Norm per phase, in days from the day the phase started (for "verslag": from the end of the
# zienswijze term, the time the consulent has to finalise). The besluitvorming is due on the
# investigation's ``decide_by`` (the Awb decision term of the aanvraag) when there is one.
DEFAULT_PHASE_DAYS = {
    "analyse": 28,
    "oordeelsvorming": 14,
    "besluitvorming": 14,
    "verslag": 7,
}


def zienswijze_days() -> int:
    return int(getattr(settings, "JEUGDKETEN_ZIENSWIJZE_DAYS", DEFAULT_ZIENSWIJZE_DAYS))


def phase_days() -> dict[str, int]:
    """The phase norms: ``JEUGDKETEN_INVESTIGATION_PHASE_DAYS`` (a dict) over the defaults."""
    configured = getattr(settings, "JEUGDKETEN_INVESTIGATION_PHASE_DAYS", None) or {}
    return {**DEFAULT_PHASE_DAYS, **{k: int(v) for k, v in configured.items()}}
