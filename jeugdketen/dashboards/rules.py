"""Who sees which dashboard. Teamleiders and managers see the figures of their own organisation:
a manager of a gemeente those of the municipality, a manager of a samenwerkingsverband those of
its schools, a manager or schoolleider of a school those of the school. The figures are
aggregates only, with small groups suppressed (``suppression``): no child can be seen in them."""

from __future__ import annotations

from dataclasses import dataclass

from jeugdketen.access import policy
from jeugdketen.organisations.models import Organisation

from .models import Scope

MANAGER = "manager"
SCHOOL_LEADS = frozenset({"manager", "schoolleider"})


@dataclass(frozen=True)
class DashboardScope:
    scope: str
    scope_id: int
    label: str

    @property
    def key(self) -> str:
        return f"{self.scope}-{self.scope_id}"


def scopes_for(actor) -> list[DashboardScope]:
    professional = policy.professional_of(actor)
    if professional is None:
        return []
    codes = policy.function_codes(professional)
    org = professional.organisation
    if org.kind == Organisation.Kind.GEMEENTE and MANAGER in codes:
        return [DashboardScope(Scope.GEMEENTE, org.municipality_id, f"Gemeente {org.municipality.name}")]
    if org.kind == Organisation.Kind.SAMENWERKINGSVERBAND and MANAGER in codes:
        return [DashboardScope(Scope.SWV, org.pk, org.name)]
    if org.kind == Organisation.Kind.SCHOOL and codes & SCHOOL_LEADS:
        return [DashboardScope(Scope.SCHOOL, org.pk, org.name)]
    return []


def scope_for(actor, key: str) -> DashboardScope | None:
    return next((s for s in scopes_for(actor) if s.key == key), None)
