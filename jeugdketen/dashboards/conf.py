"""Settings of the dashboards, read from Django's settings with the defaults below."""

from __future__ import annotations

from django.conf import settings

# No figure about fewer children than this is shown (small-number suppression): the region's
# agreement for management information about children (issue 8), a threshold common in Dutch
# publications of figures about persons. A higher number may be set, a lower one is ignored.
MIN_GROUP = 5
# How many years of figures are kept and offered in the period filter.
YEARS = 5
# The hour (local time) at which the worker recomputes every scope's figures.
DEFAULT_COMPUTE_HOUR = 5


def min_group() -> int:
    return max(MIN_GROUP, int(getattr(settings, "JEUGDKETEN_DASHBOARD_MIN_GROUP", MIN_GROUP)))


def compute_hour() -> int:
    return int(getattr(settings, "JEUGDKETEN_DASHBOARD_COMPUTE_HOUR", DEFAULT_COMPUTE_HOUR))
