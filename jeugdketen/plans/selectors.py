"""Reads of the Plan van Aanpak that pages and the API share: the plan of a case as it is now, or
as it stood on a date. Checked by the policy and logged."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone

from jeugdketen.auditlog.services import AccessPoint, Event, log_access
from jeugdketen.cases.models import Case

from .models import Agreement, Plan, PlanVersion
from .services import OBJECT_TYPE, PlanAccess, plan_access


@dataclass
class PlanView:
    case: Case
    pa: PlanAccess
    plan: Plan | None
    goals: list = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    evaluations: list = field(default_factory=list)
    approvals: list = field(default_factory=list)
    messages: list = field(default_factory=list)
    versions: list[PlanVersion] = field(default_factory=list)
    as_of: date | None = None
    as_of_version: PlanVersion | None = None
    today: date = field(default_factory=timezone.localdate)

    @property
    def may_edit(self) -> bool:
        return self.pa.is_regisseur and self.pa.involvement is not None and self.case.is_open

    @property
    def may_add_own_agreement(self) -> bool:
        return self.pa.involvement is not None and self.case.is_open and self.plan is not None

    def may_update(self, agreement: Agreement) -> bool:
        own = self.pa.professional is not None and agreement.owner_professional_id == self.pa.professional.pk
        return self.pa.involvement is not None and (own or self.pa.is_regisseur) and self.case.is_open

    @property
    def updatable_ids(self) -> set[int]:
        return {a.pk for a in self.agreements if self.may_update(a)}

    @property
    def open_agreements(self) -> int:
        return sum(1 for a in self.agreements if a.status == Agreement.Status.OPEN)

    @property
    def my_approval(self):
        return next((a for a in self.approvals if a.user_id == self.pa.access.user.pk), None)


def plan_view(*, actor, case_id: int, access_point: AccessPoint, as_of: date | None = None) -> PlanView:
    """The plan of a case for the actor: now, or (``as_of``) as it stood at the end of that day."""
    from jeugdketen.access.exceptions import NotFoundOrForbidden

    case = Case.objects.select_related("youth", "casusregisseur__user").filter(pk=case_id).first()
    if case is None:
        raise NotFoundOrForbidden
    pa = plan_access(actor, case, access_point)
    plan = Plan.objects.filter(case=case).first()
    view = PlanView(case=case, pa=pa, plan=plan, as_of=as_of)
    if plan is not None:
        view.versions = list(plan.versions.only("plan_id", "number", "change", "created_at", "created_by_name"))
        if as_of is not None:
            end = timezone.make_aware(datetime.combine(as_of, time.max))
            view.as_of_version = plan.versions.filter(created_at__lte=end).order_by("-number").first()
        else:
            view.goals = list(plan.goals.all())
            view.agreements = list(
                plan.agreements.select_related(
                    "owner_professional__user", "owner_professional__organisation", "owner_carer", "goal"
                )
            )
            view.evaluations = list(plan.evaluations.all())
            view.approvals = list(plan.approvals.all())
            view.messages = list(plan.messages.all()) if pa.is_family or pa.is_regisseur else []
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.READ,
        grant=pa.grant,
        object_type=OBJECT_TYPE,
        object_ids=[f"plan:{plan.pk}"] if plan else [f"case:{case.pk}"],
        categories=[pa.grant.category],
        access_point=access_point,
        description=f"plan van aanpak {case.reference}" + (f" zoals op {as_of:%d-%m-%Y}" if as_of else ""),
    )
    return view
