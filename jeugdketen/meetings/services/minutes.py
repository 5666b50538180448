"""The minutes, the decisions and the outcome of an agenda item, and the decisions into the plan."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.organisations.models import Professional
from jeugdketen.plans import services as plan_services
from jeugdketen.plans.models import Agreement, Plan
from jeugdketen.youth.models import Carer, CarerRelation

from ..models import Decision, MeetingCase, Minute, Section
from .common import (
    NON_FIELD,
    OBJECT_TYPE,
    C,
    case_access,
    involvement_grant,
    object_ids_of,
    plain_text,
    refuse,
    require_writer,
)

# --- minutes, decisions, outcome --------------------------------------------------------------------


@audited_atomic
def minute_add(
    *, actor, item: MeetingCase, section: str, category: str, text: str, access_point: AccessPoint
) -> Minute:
    """A participant involved in the case writes the minutes under one of the three HGW questions, in
    a category their function in the case may write. Police information goes in the police category
    (only the jeugdagent writes it; only those who read police data read it)."""
    access, involvement = require_writer(actor, item, access_point)
    errors: dict[str, str] = {}
    if section not in Section.values:
        errors["section"] = _("Kies bij welke vraag dit hoort.")
    if not category:
        errors["category"] = _("Kies een categorie.")
    elif category not in access.writable_categories(item.case_id):
        log_refusal(
            user=actor,
            youth=item.case.youth,
            object_type=OBJECT_TYPE,
            access_point=access_point,
            description="verslag in een categorie buiten de functie",
        )
        errors["category"] = _("Als %(function)s kunt u niet schrijven in de categorie %(category)s.") % {
            "function": involvement.function.name,
            "category": Category(category).label if category in Category.values else category,
        }
    text = plain_text(errors, "text", text, _("Verslag"), _("Schrijf wat er besproken is."))
    if errors:
        raise ValidationError(errors)
    writer = access.involvement_in(item.case_id, Category(category))
    minute = Minute.objects.create(
        item=item,
        section=section,
        category=category,
        text=text,
        author=writer.professional,
        author_function=writer.function,
    )
    log_access(
        user=actor,
        youth=item.case.youth,
        event=Event.CREATE,
        grant=involvement_grant(writer, Category(category), item.case),
        object_type=OBJECT_TYPE,
        object_ids=object_ids_of(item.meeting, item, f"minute:{minute.pk}"),
        categories=[category],
        access_point=access_point,
        description=f"verslag overleg ({minute.get_category_display().lower()})",
    )
    return minute


def _decision_owner(
    errors: dict, access: policy.YouthAccess, item: MeetingCase, owner_kind: str, professional, carer
) -> tuple[Professional | None, Carer | None]:
    case = item.case
    if owner_kind == Agreement.Owner.PROFESSIONAL:
        if professional is None:
            errors["owner_professional"] = _("Kies de professional die het besluit uitvoert.")
            return None, None
        visible = [
            inv
            for inv in case.involvements.active().filter(professional=professional).select_related("function")
            if policy.involvement_visible(access, case, inv.function.code)
        ]
        if not visible:
            errors["owner_professional"] = _("%(name)s is niet betrokken bij deze casus.") % {"name": professional.name}
        return professional, None
    if owner_kind == Agreement.Owner.PARENT:
        if carer is not None and not CarerRelation.objects.filter(youth_id=case.youth_id, carer=carer).exists():
            errors["owner_carer"] = _("Kies een ouder of verzorger van de jeugdige.")
        return None, carer
    if owner_kind == Agreement.Owner.YOUTH:
        return None, None
    errors["owner_kind"] = _("Kies wie het besluit uitvoert.")
    return None, None


@audited_atomic
def decision_add(
    *,
    actor,
    item: MeetingCase,
    what: str,
    owner_kind: str,
    due_on,
    access_point: AccessPoint,
    owner_professional: Professional | None = None,
    owner_carer: Carer | None = None,
) -> Decision:
    """A decision under "Wat spreken we af?": what, who (a professional involved in the case, a parent,
    the youth) and by when. It is plan data: recorded by a participant who shares the case's plan."""
    access, involvement = require_writer(actor, item, access_point, C.PLAN)
    errors: dict[str, str] = {}
    what = plain_text(errors, "what", what, _("Wat"), _("Schrijf wat er wordt gedaan."), 2000)
    owner_professional, owner_carer = _decision_owner(errors, access, item, owner_kind, owner_professional, owner_carer)
    meeting_day = timezone.localtime(item.meeting.starts_at).date()
    if due_on is None:
        errors["due_on"] = _("Vul in wanneer het klaar moet zijn.")
    elif due_on < meeting_day:
        errors["due_on"] = _("De datum ligt vóór het overleg; kies een datum op of na %(day)s.") % {
            "day": meeting_day.strftime("%d-%m-%Y")
        }
    if errors:
        raise ValidationError(errors)
    decision = Decision.objects.create(
        item=item,
        what=what,
        owner_kind=owner_kind,
        owner_professional=owner_professional,
        owner_carer=owner_carer,
        due_on=due_on,
        recorded_by=involvement.professional,
    )
    log_access(
        user=actor,
        youth=item.case.youth,
        event=Event.CREATE,
        grant=involvement_grant(involvement, C.PLAN, item.case),
        object_type=OBJECT_TYPE,
        object_ids=object_ids_of(item.meeting, item, f"decision:{decision.pk}"),
        categories=[C.PLAN],
        access_point=access_point,
        description="besluit overleg vastgelegd",
    )
    return decision


@audited_atomic
def outcome_set(*, actor, item: MeetingCase, outcome: str, access_point: AccessPoint) -> MeetingCase:
    """The outcome of the item, in words the parents understand: what goes back to everyone involved
    with the decisions. Plan data, like the decisions."""
    _access, involvement = require_writer(actor, item, access_point, C.PLAN)
    errors: dict[str, str] = {}
    outcome = plain_text(
        errors, "outcome", outcome, _("Uitkomst"), _("Schrijf de uitkomst op, in woorden die ouders herkennen.")
    )
    if errors:
        raise ValidationError(errors)
    item.outcome, item.outcome_by = outcome, involvement.professional
    item.save(update_fields=["outcome", "outcome_by"])
    log_access(
        user=actor,
        youth=item.case.youth,
        event=Event.UPDATE,
        grant=involvement_grant(involvement, C.PLAN, item.case),
        object_type=OBJECT_TYPE,
        object_ids=object_ids_of(item.meeting, item),
        categories=[C.PLAN],
        access_point=access_point,
        description="uitkomst overleg vastgelegd",
    )
    return item


# --- decisions into the plan ------------------------------------------------------------------------


@audited_atomic
def decisions_convert(*, actor, item: MeetingCase, access_point: AccessPoint) -> list[Agreement]:
    """The casusregisseur takes the item's decisions over into the case's Plan van Aanpak in one step:
    each open decision becomes an agreement ("afkomstig uit MDO 12-11-2026") and is marked as taken
    over. All or none: when one cannot be added, none is. A second time adds nothing."""
    case = item.case
    access = case_access(actor, case, access_point)
    professional = policy.professional_of(actor)
    if (
        professional is None
        or case.casusregisseur_id != professional.pk
        or access.involvement_in(case.pk, C.PLAN) is None
    ):
        refuse(
            actor,
            case,
            access_point,
            _("Alleen de casusregisseur neemt de besluiten over in het plan van aanpak."),
            "besluiten overnemen zonder casusregie",
        )
    decisions = list(
        Decision.objects.select_for_update(of=("self",))  # lock the decisions, not the joined owners
        .filter(item=item, agreement__isnull=True)
        .select_related("owner_professional__user", "owner_carer")
        .order_by("id")
    )
    if not decisions:
        return []
    plan = plan_services.plan_start(actor=actor, case=case, access_point=access_point)
    plan = Plan.objects.select_related("case__youth").get(pk=plan.pk)  # its version as it is now
    source = item.meeting.short_name
    now = timezone.now()
    agreements = []
    for decision in decisions:
        try:
            agreement = plan_services.agreement_add(
                actor=actor,
                plan=plan,
                expected_version=plan.version,
                what=decision.what,
                owner_kind=decision.owner_kind,
                due_on=decision.due_on,
                access_point=access_point,
                owner_professional=decision.owner_professional,
                owner_carer=decision.owner_carer,
                source=source,
            )
        except ValidationError as exc:
            raise ValidationError(
                {
                    NON_FIELD: _("Het besluit ‘%(what)s’ kon niet in het plan: %(reason)s Er is niets overgenomen.")
                    % {"what": decision.what[:80], "reason": " ".join(exc.messages)}
                }
            ) from exc
        decision.agreement, decision.converted_at = agreement, now
        decision.save(update_fields=["agreement", "converted_at"])
        agreements.append(agreement)
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.UPDATE,
        grant=involvement_grant(access.involvement_in(case.pk, C.PLAN), C.PLAN, case),
        object_type=OBJECT_TYPE,
        object_ids=object_ids_of(item.meeting, item, *(f"decision:{d.pk}" for d in decisions)),
        categories=[C.PLAN],
        access_point=access_point,
        description=f"{len(agreements)} besluit(en) opgenomen in het plan van aanpak",
    )
    return agreements
