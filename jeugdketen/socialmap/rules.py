"""Who may do what on the sociale kaart. The map holds no child data: every working professional
reads it; managers keep it.

* A manager keeps the entries of their own organisation.
* A manager of a gemeente keeps every entry of an organisation in that gemeente: the municipality
  hosts the shared map of its area (seed 004, "Maken van een gezamenlijke sociale kaart").
* The keeper of an entry (a professional named by a manager) keeps that entry.
"""

from __future__ import annotations

from jeugdketen.access import policy
from jeugdketen.organisations.models import Organisation, Professional

MANAGER = "manager"


def reader(actor) -> Professional | None:
    """The working professional behind ``actor``, or None: only they read the map."""
    return policy.professional_of(actor)


def is_manager(professional: Professional | None) -> bool:
    return professional is not None and MANAGER in policy.function_codes(professional)


def may_add_for(professional: Professional | None, organisation: Organisation) -> bool:
    if not is_manager(professional):
        return False
    if professional.organisation_id == organisation.pk:
        return True
    return (
        professional.organisation.kind == Organisation.Kind.GEMEENTE
        and professional.organisation.municipality_id == organisation.municipality_id
    )


def may_keep(professional: Professional | None, service) -> bool:
    if professional is None:
        return False
    return service.keeper_id == professional.pk or may_add_for(professional, service.organisation)


def organisations_for(professional: Professional | None):
    """The organisations for which ``professional`` may add entries."""
    if not is_manager(professional):
        return Organisation.objects.none()
    if professional.organisation.kind == Organisation.Kind.GEMEENTE:
        return Organisation.objects.filter(municipality_id=professional.organisation.municipality_id)
    return Organisation.objects.filter(pk=professional.organisation_id)


def possible_keepers(organisation: Organisation):
    """Who can keep an entry of ``organisation``: its own working professionals, and the managers
    of the gemeente it lies in."""
    from django.db.models import Q

    return (
        Professional.objects.working()
        .filter(user__is_active=True)
        .filter(
            Q(organisation=organisation)
            | Q(
                organisation__kind=Organisation.Kind.GEMEENTE,
                organisation__municipality_id=organisation.municipality_id,
                functions__code=MANAGER,
            )
        )
        .select_related("user", "organisation")
        .distinct()
    )
