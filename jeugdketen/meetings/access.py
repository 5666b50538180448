"""Who reads what of a meeting: the need-to-know policy, asked per agenda item.

A meeting is about several cases, often of several youths. The pages ask the policy once for all of
them (``policy.access_for_cases``, a fixed number of queries however long the agenda) and read each
item through ``item_access``: the grounds that open a case's record show its item — involvement in
the case, emergency access, the parent with gezag and the youth themselves — with the minutes in the
categories the reader reads of that case and, when they read its plan, the outcome and decisions;
all as far as the family's consent decisions allow. Services that change one item ask
``policy.access_for`` itself."""

from __future__ import annotations

from dataclasses import dataclass

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.cases.models import Case

C = Category


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
