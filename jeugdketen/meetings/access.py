"""Who reads what of a meeting: the need-to-know policy, asked per agenda item.

A meeting is about several cases, often of several youths. Asking ``policy.access_for`` once per
youth costs four queries each, so a meeting page would grow with its agenda. ``case_accesses``
gives the same answer for many youths in a fixed number of queries, built from the policy's own
parts (``categories_for``, ``DOSSIER_CATEGORIES``, the age limits, ``YouthAccess``), for the
grounds that open a case's record: involvement in the case, emergency access, the parent with
gezag and the youth themselves. The grounds that open no case (school, leerplicht, the toegang)
do not show a meeting's item, exactly as they show no case in ``access_for``.
``tests/meetings/test_access.py`` holds it equal to ``policy.access_for``.

Services that change one item ask ``policy.access_for`` itself."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.cases.models import Case, Involvement

C = Category


def case_accesses(user, cases: Iterable[Case]) -> dict[int, policy.YouthAccess]:
    """Per youth id of ``cases``: the user's access, with ``case_ids`` limited to ``cases``. Three
    queries for a professional (involvements, emergency access), one for a parent, none else."""
    from jeugdketen.access.models import EmergencyAccess
    from jeugdketen.youth.models import CarerRelation

    cases = list(cases)
    today = timezone.localdate()
    youths = {case.youth_id: case.youth for case in cases}
    accesses = {youth_id: policy.YouthAccess(user=user, youth=youth) for youth_id, youth in youths.items()}
    if not cases or not getattr(user, "is_authenticated", False) or not user.is_active:
        return accesses
    grants: dict[int, dict] = {youth_id: {} for youth_id in youths}
    case_ids: dict[int, set[int]] = {youth_id: set() for youth_id in youths}
    cases_of: dict[int, set[int]] = {youth_id: set() for youth_id in youths}
    for case in cases:
        cases_of[case.youth_id].add(case.pk)
    professional = policy.professional_of(user)

    if professional is not None:
        functions = {f.code: f for f in professional.functions.all()}
        involvements = list(
            Involvement.objects.active(today)
            .filter(
                professional=professional,
                case__in=[case.pk for case in cases],
                case__status__in=Case.OPEN_STATUSES,
                function__code__in=list(functions),
            )
            .select_related("function", "case")
        )
        by_youth: dict[int, list[Involvement]] = {youth_id: [] for youth_id in youths}
        for inv in involvements:
            by_youth[inv.case.youth_id].append(inv)
            case_ids[inv.case.youth_id].add(inv.case_id)
            for category in policy.categories_for(inv.function.code, Ground.CASE_INVOLVEMENT):
                policy._add(
                    grants[inv.case.youth_id],
                    category,
                    policy.Grant(category, Ground.CASE_INVOLVEMENT, inv.function, inv.case.reference, True),
                )
        for youth_id, found in by_youth.items():
            accesses[youth_id].involvements = tuple(found)
        emergencies = EmergencyAccess.objects.active().filter(professional=professional, youth_id__in=list(youths))
        for emergency in emergencies:
            for function in functions.values():
                for category in policy.categories_for(function.code, Ground.EMERGENCY):
                    policy._add(
                        grants[emergency.youth_id],
                        category,
                        policy.Grant(category, Ground.EMERGENCY, function, emergency.reason[:200]),
                    )
            case_ids[emergency.youth_id] |= cases_of[emergency.youth_id]
    else:
        gezag = {}
        if hasattr(user, "carer"):
            gezag = {
                relation.youth_id: relation
                for relation in CarerRelation.objects.filter(
                    carer__user=user, has_gezag=True, youth_id__in=list(youths)
                )
            }
        for youth_id, youth in youths.items():
            age = youth.age(today)
            relation = gezag.get(youth_id)
            if relation is not None and age < policy.PARENT_ACCESS_UNTIL_AGE:
                for category in policy.DOSSIER_CATEGORIES:
                    policy._add(
                        grants[youth_id],
                        category,
                        policy.Grant(category, Ground.PARENT_WITH_GEZAG, None, relation.get_kind_display()),
                    )
            if youth.user_id is not None and youth.user_id == user.pk and age >= policy.YOUTH_OWN_ACCESS_FROM_AGE:
                for category in policy.DOSSIER_CATEGORIES:
                    policy._add(grants[youth_id], category, policy.Grant(category, Ground.YOUTH_SELF, None))
            if grants[youth_id]:
                case_ids[youth_id] |= cases_of[youth_id]

    for youth_id, access in accesses.items():
        access.grants = grants[youth_id]
        access.case_ids = frozenset(case_ids[youth_id])
    return accesses


@dataclass(frozen=True)
class ItemAccess:
    """What one reader may do with one agenda item (one case)."""

    access: policy.YouthAccess
    case: Case
    plan_grant: policy.Grant | None  # reads the outcome, the decisions and the terugkoppeling
    categories: frozenset[Category]  # minutes' categories the reader reads

    @property
    def visible(self) -> bool:
        return self.case.pk in self.access.case_ids

    @property
    def log_grant(self) -> policy.Grant | None:
        """The grant the read is logged on: the involvement in this case, else the dossier right."""
        inv = self.access.involvement_in(self.case.pk)
        if inv is not None:
            return policy.Grant(C.IDENTITY, Ground.CASE_INVOLVEMENT, inv.function, self.case.reference)
        return self.access.primary_grant

    @property
    def is_family(self) -> bool:
        grant = self.plan_grant or self.access.primary_grant
        return grant is not None and grant.ground in (Ground.PARENT_WITH_GEZAG, Ground.YOUTH_SELF)


def plan_grant(access: policy.YouthAccess, case: Case) -> policy.Grant | None:
    """Whether the reader reads the plan of this case — the outcome and the decisions, which are
    plan data — on the same rule as ``plans.services.plan_access``: involved in this case in a
    function that reads the plan, emergency access, or the parent with gezag and the youth."""
    grant = access.grant(C.PLAN)
    if case.pk not in access.case_ids or grant is None:
        return None
    if grant.ground == Ground.CASE_INVOLVEMENT:
        involvement = access.involvement_in(case.pk, C.PLAN)
        if involvement is None:
            return None
        return policy.Grant(C.PLAN, Ground.CASE_INVOLVEMENT, involvement.function, case.reference, True)
    return grant


def item_access(access: policy.YouthAccess, case: Case) -> ItemAccess:
    if case.pk not in access.case_ids:
        return ItemAccess(access, case, None, frozenset())
    grant = plan_grant(access, case)
    categories = access.case_categories(case.pk) | ({C.PLAN} if grant is not None else set())
    return ItemAccess(access, case, grant, frozenset(categories))
