"""Whose consent youth care needs, by the youth's age. One place for the ages of the law.

Jeugdwet art. 7.3.5 with BW art. 7:447 and 7:450 (WGBO): under 12 the parents with gezag
decide; from 12 to 15 both the parents with gezag and the youth; from 16 the youth alone."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

YOUTH_CONSENTS_FROM_AGE = 12
YOUTH_ALONE_FROM_AGE = 16

PARENTS = "ouders"
PARENTS_AND_YOUTH = "ouders_jeugdige"
YOUTH = "jeugdige"

LABELS = {
    PARENTS: _("De ouders met gezag"),
    PARENTS_AND_YOUTH: _("De ouders met gezag en de jeugdige"),
    YOUTH: _("De jeugdige"),
}


def consent_needed_from(age: int) -> str:
    """Who must agree, for a youth of ``age`` years."""
    if age >= YOUTH_ALONE_FROM_AGE:
        return YOUTH
    if age >= YOUTH_CONSENTS_FROM_AGE:
        return PARENTS_AND_YOUTH
    return PARENTS


def covers(given_by: str, age: int) -> bool:
    """Whether consent given by ``given_by`` is enough for a youth of ``age``. Parents and youth
    together always cover what either alone would."""
    needed = consent_needed_from(age)
    return given_by == needed or (given_by == PARENTS_AND_YOUTH and needed in (PARENTS, YOUTH))
