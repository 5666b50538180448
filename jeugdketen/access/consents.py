"""Consent decisions of parents and the youth, and what they withhold: read by the policy.

Which purposes can be withheld: the care categories that reach an organisation through the case
(school support, youth care, health, the plan). Who decides follows ``consent.py``: parents with
gezag while the child is under 16, the youth from 12 (from 12 to 15 both: either one withholding
is enough, since consent then needs both)."""

from __future__ import annotations

from datetime import date

from .categories import Category
from .consent import YOUTH_ALONE_FROM_AGE, YOUTH_CONSENTS_FROM_AGE

CONSENTABLE = (Category.SCHOOL_SUPPORT, Category.YOUTH_CARE, Category.HEALTH, Category.PLAN)


def deciding_roles(age: int) -> set[str]:
    roles = set()
    if age < YOUTH_ALONE_FROM_AGE:
        roles.add("ouder")
    if age >= YOUTH_CONSENTS_FROM_AGE:
        roles.add("jeugdige")
    return roles


def withheld(youth, organisation_id: int, *, today: date) -> frozenset[str]:
    """The categories a party with a right to decide currently withholds from the organisation."""
    from .models import ConsentDecision

    roles = deciding_roles(youth.age(today))
    latest: dict[tuple[str, str], bool] = {}
    for category, role, allowed in (
        ConsentDecision.objects.filter(youth=youth, organisation_id=organisation_id, role__in=roles)
        .order_by("-decided_at", "-id")
        .values_list("category", "role", "allowed")
    ):
        latest.setdefault((category, role), allowed)
    return frozenset(category for (category, _role), allowed in latest.items() if not allowed)
