"""Consent decisions of parents and the youth, and what they withhold: read by the policy.

Which purposes can be withheld: the care categories that reach an organisation through the case
(school support, youth care, health, the plan). Who decides follows ``consent.py``: parents with
gezag while the child is under 16, the youth from 12 (from 12 to 15 both: either one withholding
is enough, since consent then needs both). The newest decision of each party counts.

Three forms of the one rule: ``withheld`` for one youth, ``withheld_many`` for many youths in one
query, and ``withholds`` as a condition inside a query (for filters that must stay one query, like
who receives a signal). ``tests/access/test_consents.py`` holds them equal."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Exists, OuterRef, Q

from .categories import Category
from .consent import YOUTH_ALONE_FROM_AGE, YOUTH_CONSENTS_FROM_AGE

CONSENTABLE = (Category.SCHOOL_SUPPORT, Category.YOUTH_CARE, Category.HEALTH, Category.PLAN)
PARENT, YOUTH = "ouder", "jeugdige"  # ConsentDecision.Role


def deciding_roles(age: int) -> set[str]:
    roles = set()
    if age < YOUTH_ALONE_FROM_AGE:
        roles.add(PARENT)
    if age >= YOUTH_CONSENTS_FROM_AGE:
        roles.add(YOUTH)
    return roles


def birth_date_limit(today: date, years: int) -> date:
    """The last date of birth of someone who is ``years`` old on ``today``: born on or before it
    means at least that old."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def withheld(youth, organisation_id: int, *, today: date) -> frozenset[str]:
    """The categories a party with a right to decide currently withholds from the organisation."""
    return withheld_many([youth], organisation_id, today=today)[youth.pk]


def withheld_many(youths: Iterable, organisation_id: int, *, today: date) -> dict[int, frozenset[str]]:
    """Per youth id, what ``withheld`` gives for that youth: one query for all of them."""
    from .models import ConsentDecision

    roles = {youth.pk: deciding_roles(youth.age(today)) for youth in youths}
    latest: dict[tuple[int, str, str], bool] = {}
    if roles:
        for youth_id, category, role, allowed in (
            ConsentDecision.objects.filter(youth_id__in=list(roles), organisation_id=organisation_id)
            .order_by("-decided_at", "-id")
            .values_list("youth_id", "category", "role", "allowed")
        ):
            if role in roles[youth_id]:
                latest.setdefault((youth_id, category, role), allowed)
    result: dict[int, set[str]] = {youth_id: set() for youth_id in roles}
    for (youth_id, category, _role), allowed in latest.items():
        if not allowed:
            result[youth_id].add(category)
    return {youth_id: frozenset(categories) for youth_id, categories in result.items()}


def withholds(category: str, *, youth, organisation, today: date) -> Exists:
    """A condition for a query: a party with a right to decide currently withholds ``category`` of
    ``youth`` from ``organisation`` (both expressions of the outer query, e.g. ``OuterRef``)."""
    from .models import ConsentDecision

    newer = ConsentDecision.objects.filter(
        Q(decided_at__gt=OuterRef("decided_at")) | Q(decided_at=OuterRef("decided_at"), id__gt=OuterRef("id")),
        youth_id=OuterRef("youth_id"),
        organisation_id=OuterRef("organisation_id"),
        category=OuterRef("category"),
        role=OuterRef("role"),
    )
    may_decide = Q(role=PARENT, youth__date_of_birth__gt=birth_date_limit(today, YOUTH_ALONE_FROM_AGE)) | Q(
        role=YOUTH, youth__date_of_birth__lte=birth_date_limit(today, YOUTH_CONSENTS_FROM_AGE)
    )
    return Exists(
        ConsentDecision.objects.filter(may_decide, youth_id=youth, organisation_id=organisation, category=category)
        .filter(allowed=False)
        .exclude(Exists(newer))
        .order_by()
    )
