"""Removing what expired, and destroying earlier on request. Every removal writes a DELETE entry in
the access log (which itself stays)."""

from __future__ import annotations

from datetime import date

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.cases.models import Case

from . import rules
from .models import DestructionRequest

# What hangs on a case and must go before it (PROTECT references), in this order. Apps that are
# not installed are skipped.
DEPENDENTS = [
    ("intake", "Referral", "request__case"),
    ("intake", "HelpRequest", "case"),
    ("investigation", "Investigation", "case"),
    ("meldcode", "Track", "case"),
    ("meetings", "MeetingCase", "case"),
]


def purge_case(case: Case, *, user, access_point: AccessPoint, reason: str) -> None:
    """Delete a case with everything recorded in it (journal, plan, onderzoek, meldcode, help
    request, meeting items, signals), and log it."""
    youth_id, reference, pk = case.youth_id, case.reference, case.pk
    for app_label, model_name, lookup in DEPENDENTS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        model.objects.filter(**{lookup: case}).delete()
    case.delete()
    log_access(
        user=user,
        youth=youth_id,
        event=Event.DELETE,
        grant=None,
        object_type="case",
        object_ids=[f"case:{pk}"],
        categories=[c for c in Category],
        access_point=access_point,
        description=f"casus {reference} verwijderd: {reason}"[:300],
    )


def expired_cases(today: date):
    """Closed cases whose retention period has ended."""
    limit = rules.years_after(today, -rules.JEUGDHULP_RETENTION_YEARS)
    return Case.objects.filter(status=Case.Status.AFGESLOTEN, closed_on__lt=limit)


def purge_expired(*, today: date | None = None, access_point: AccessPoint) -> int:
    """Remove every case past its retention date, one transaction per case."""
    today = today or timezone.localdate()
    removed = 0
    for case in expired_cases(today).order_by("pk"):
        with transaction.atomic():
            purge_case(
                case,
                user=None,
                access_point=access_point,
                reason=_("bewaartermijn verstreken (Jeugdwet art. 7.3.8)"),
            )
        removed += 1
    return removed


@audited_atomic
def destruction_request(*, actor, case: Case, reason: str, access_point: AccessPoint) -> DestructionRequest:
    """A parent with gezag (child under 16) or the youth (from 12) asks to destroy a closed case."""
    access = policy.access_for(actor, case.youth)
    grant = access.grant(Category.IDENTITY)
    if grant is None or case.pk not in access.case_ids:
        log_refusal(user=actor, youth=case.youth, object_type="case", access_point=access_point)
        raise NotFoundOrForbidden
    if grant.ground not in (Ground.PARENT_WITH_GEZAG, Ground.YOUTH_SELF):
        raise NotAllowed(_("Vernietiging vragen de ouders met gezag of de jeugdige zelf."))
    if case.is_open:
        raise ValidationError({"case": _("Vernietiging kan pas als de casus is afgesloten.")})
    if DestructionRequest.objects.filter(case_id_value=case.pk, outcome=DestructionRequest.Outcome.PENDING).exists():
        raise ValidationError({"case": _("Er is al een verzoek tot vernietiging van deze casus in behandeling.")})
    request = DestructionRequest.objects.create(
        case_reference=case.reference,
        case_id_value=case.pk,
        youth_id_value=case.youth_id,
        municipality_id_value=case.youth.municipality_id,
        requested_by=actor,
        requested_by_name=actor.get_full_name() or actor.username,
        role="ouder" if grant.ground == Ground.PARENT_WITH_GEZAG else "jeugdige",
        reason=reason.strip()[:2000],
    )
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.CREATE,
        grant=grant,
        object_type="destruction_request",
        object_ids=[f"case:{case.pk}"],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"verzoek tot vernietiging van casus {case.reference}",
    )
    return request


@audited_atomic
def destruction_decide(
    *, actor, request: DestructionRequest, destroy: bool, access_point: AccessPoint, refusal_reason: str = ""
) -> DestructionRequest:
    """The privacy officer of the youth's municipality grants (the case is destroyed now) or refuses
    with the reason the law allows (considerable importance to someone else; a legal duty to keep)."""
    if policy.privacy_officer_municipality(actor) != request.municipality_id_value:
        log_refusal(
            user=actor, youth=request.youth_id_value, object_type="destruction_request", access_point=access_point
        )
        raise NotFoundOrForbidden
    if request.outcome != DestructionRequest.Outcome.PENDING:
        raise ValidationError({"outcome": _("Over dit verzoek is al beslist.")})
    refusal_reason = refusal_reason.strip()
    if not destroy and not refusal_reason:
        raise ValidationError({"refusal_reason": _("Vul de reden van de weigering in.")})
    request.decided_by_name = actor.get_full_name() or actor.username
    request.decided_at = timezone.now()
    if destroy:
        case = Case.objects.filter(pk=request.case_id_value).first()
        if case is not None:
            purge_case(
                case,
                user=actor,
                access_point=access_point,
                reason=_("vernietigd op verzoek (Jeugdwet art. 7.3.9)"),
            )
        request.outcome = DestructionRequest.Outcome.DESTROYED
    else:
        request.outcome = DestructionRequest.Outcome.REFUSED
        request.refusal_reason = refusal_reason
    request.save()
    log_access(
        user=actor,
        youth=request.youth_id_value,
        event=Event.UPDATE,
        grant=policy.privacy_officer_grant(actor),
        object_type="destruction_request",
        object_ids=[f"destruction_request:{request.pk}"],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"verzoek tot vernietiging {request.get_outcome_display().lower()}",
    )
    return request
