"""Who raises, reads and handles beleidssignalen.

* Every working professional raises them, and reads their own with the answer.
* Managers handle them (seed 004, "Schoolleiders / managers jeugdhulp": "Beleidssignalen oppakken
  en behandelen"): a manager of the gemeente every signal raised in that municipality; a manager
  or schoolleider of another organisation the signals raised in their own organisation.
"""

from __future__ import annotations

from django.db.models import Q

from jeugdketen.access import policy
from jeugdketen.organisations.models import Organisation, Professional

REVIEWER_FUNCTIONS = frozenset({"manager", "schoolleider"})


def professional(actor) -> Professional | None:
    return policy.professional_of(actor)


def is_reviewer(pro: Professional | None) -> bool:
    return pro is not None and bool(policy.function_codes(pro) & REVIEWER_FUNCTIONS)


def reviews_municipality(pro: Professional | None) -> bool:
    """A manager of a gemeente handles every signal of its municipality."""
    return (
        pro is not None
        and pro.organisation.kind == Organisation.Kind.GEMEENTE
        and "manager" in policy.function_codes(pro)
    )


def review_scope(pro: Professional | None) -> Q | None:
    """The signals ``pro`` handles, as a filter; None for someone who handles none."""
    if not is_reviewer(pro):
        return None
    if reviews_municipality(pro):
        return Q(municipality_id=pro.organisation.municipality_id)
    return Q(organisation_id=pro.organisation_id)


def may_review(pro: Professional | None, signal) -> bool:
    if not is_reviewer(pro):
        return False
    if reviews_municipality(pro):
        return signal.municipality_id == pro.organisation.municipality_id
    return signal.organisation_id == pro.organisation_id


def may_read(pro: Professional | None, signal) -> bool:
    return pro is not None and (signal.raised_by_id == pro.pk or may_review(pro, signal))
