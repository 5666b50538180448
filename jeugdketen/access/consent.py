"""Whose consent youth care needs, by the youth's age. One place for the ages of the law.

Jeugdwet art. 7.3.5 with BW art. 7:447 and 7:450 (WGBO): under 12 the parents with gezag
decide; from 12 to 15 both the parents with gezag and the youth; from 16 the youth alone."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as gettext_now
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


def validate_recorded(
    given_by: str,
    given_on: date | None,
    *,
    age: int,
    today: date,
    by_field: str = "consent_by",
    on_field: str = "consent_on",
    subject: str | None = None,
) -> None:
    """A consent a professional records on the family's behalf: from whom the youth's age asks, and
    dated, not in the future. A ``ValidationError`` on the field that is wrong."""
    if given_by not in LABELS:
        raise ValidationError({by_field: gettext_now("Kies wie toestemming gaf.")})
    if not covers(given_by, age):
        raise ValidationError(
            {
                by_field: gettext_now("Bij een %(subject)s van %(age)s jaar is toestemming nodig van: %(who)s.")
                % {
                    "subject": subject or gettext_now("jeugdige"),
                    "age": age,
                    "who": str(LABELS[consent_needed_from(age)]).lower(),
                }
            }
        )
    if given_on is None or given_on > today:
        raise ValidationError(
            {on_field: gettext_now("Vul de datum in waarop de toestemming is gegeven (niet in de toekomst).")}
        )
