"""Who may read and change an investigation, asked of the one policy (access.policy).

* Reading is youth-care data of the case: a professional involved in the case in a function that
  reads youth care (or on emergency access), and the parents with gezag and the youth (by age,
  as the policy decides) once the report is shared, never before.
* Changing is for the case's casusregisseur who is involved in it as jeugdconsulent.

Every refusal is logged (NEN 7513) and answers like a missing investigation (404), or 403 for
someone who may read but not change.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, log_refusal
from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Organisation, Professional

OBJECT_TYPE = "investigation"
CONSULENT_FUNCTION = "jeugdconsulent"
TEAMLEIDER_FUNCTION = "manager"
# The grounds on which the family reads the dossier: they see the report once it is shared.
FAMILY_GROUNDS = frozenset({Ground.PARENT_WITH_GEZAG, Ground.YOUTH_SELF})


def read_grant(access: policy.YouthAccess, case: Case) -> policy.Grant | None:
    """The grant on which the access reads the youth-care data of ``case``: the user's own
    involvement in that case (not another case of the same youth), or the youth-wide right of
    the parent, the youth or emergency access."""
    if case.pk not in access.case_ids:
        return None
    involvement = access.involvement_in(case.pk, Category.YOUTH_CARE)
    if involvement is not None:
        return policy.Grant(Category.YOUTH_CARE, Ground.CASE_INVOLVEMENT, involvement.function, case.reference, True)
    grant = access.grant(Category.YOUTH_CARE)
    if grant is not None and grant.ground in (*FAMILY_GROUNDS, Ground.EMERGENCY):
        return grant
    return None


def _refuse(actor, case: Case, access_point: AccessPoint, description: str = "") -> None:
    log_refusal(
        user=actor, youth=case.youth, object_type=OBJECT_TYPE, access_point=access_point, description=description
    )


def read_access(
    actor, case: Case, access_point: AccessPoint, *, shared: bool
) -> tuple[policy.YouthAccess, policy.Grant]:
    """The actor's access to the investigation of ``case`` (``shared``: whether its report is
    shared), or 404 with the refusal logged."""
    access = policy.access_for(actor, case.youth)
    grant = read_grant(access, case)
    if grant is None:
        _refuse(actor, case, access_point)
        raise NotFoundOrForbidden
    if grant.ground in FAMILY_GROUNDS and not shared:
        _refuse(actor, case, access_point, "onderzoeksverslag nog niet gedeeld")
        raise NotFoundOrForbidden
    return access, grant


def consulent_grant(actor, access: policy.YouthAccess, case: Case) -> policy.Grant | None:
    """The grant on which the actor changes the investigation: as the case's casusregisseur,
    involved in it as jeugdconsulent. None for anyone else."""
    professional = policy.professional_of(actor)
    if professional is None or case.casusregisseur_id != professional.pk:
        return None
    for involvement in access.involvements:
        if involvement.case_id == case.pk and involvement.function.code == CONSULENT_FUNCTION:
            return policy.Grant(
                Category.YOUTH_CARE, Ground.CASE_INVOLVEMENT, involvement.function, case.reference, True
            )
    return None


def change_access(
    actor, case: Case, access_point: AccessPoint, *, shared: bool
) -> tuple[policy.YouthAccess, policy.Grant]:
    """Read access plus the consulent's right to change, or 404/403 with the refusal logged."""
    access, _grant = read_access(actor, case, access_point, shared=shared)
    grant = consulent_grant(actor, access, case)
    if grant is None:
        _refuse(actor, case, access_point, "alleen de casusregisseur (jeugdconsulent)")
        raise NotAllowed(_("Alleen de jeugdconsulent die casusregisseur is, kan het onderzoek wijzigen."))
    return access, grant


def family_grant(actor, case: Case, access_point: AccessPoint, *, shared: bool) -> policy.Grant:
    """The parent's or the youth's grant to add a zienswijze on the shared report."""
    _access, grant = read_access(actor, case, access_point, shared=shared)
    if grant.ground not in FAMILY_GROUNDS:
        _refuse(actor, case, access_point, "zienswijze alleen door ouders of jeugdige")
        raise NotAllowed(_("Een zienswijze geven de ouders en de jeugdige zelf."))
    return grant


def is_teamleider(professional: Professional | None) -> bool:
    """The teamleider of the jeugdconsulenten: a manager at a municipality."""
    return (
        professional is not None
        and professional.organisation.kind == Organisation.Kind.GEMEENTE
        and TEAMLEIDER_FUNCTION in policy.function_codes(professional)
    )


def is_consulent(professional: Professional | None) -> bool:
    return CONSULENT_FUNCTION in policy.function_codes(professional)
