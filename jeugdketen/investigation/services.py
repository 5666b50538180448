"""Changes to an investigation. Each takes the acting user, asks the policy (rules.py), stores
nothing half (one transaction), and writes the access log in the same transaction.

The flow: ``investigation_start`` (by the toegang's assignment) or ``investigation_open`` (by the
casusregisseur) → conversations and findings (analyse) → ``investigation_advance`` →
judgement (oordeelsvorming) → advance → decision (besluitvorming) → ``investigation_share``
(the report goes to the parents and/or the youth, with a zienswijze term) → ``zienswijze_add``
→ ``investigation_finalise``. ``investigation_step_back`` reopens an earlier phase.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import consent, policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access
from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Organisation, Professional

from . import conf, deadlines, gates, rules
from .models import WORK_PHASES, Conversation, HelpKind, Investigation, Phase, PhaseChange, Zienswijze

# "Not given" for partial updates, so that leaving a field out differs from clearing it.
UNSET = object()

FINDINGS = ("upbringing_findings", "psychological_findings", "safety_findings", "strengths")
BESCHIKKING = ("care_product", "provider", "beschikking_start", "beschikking_end", "beschikking_number")


def _log(actor, investigation: Investigation, event: str, grant, access_point: AccessPoint, description: str, *ids):
    log_access(
        user=actor,
        youth=investigation.case.youth,
        event=event,
        grant=grant,
        object_type=rules.OBJECT_TYPE,
        object_ids=[investigation.pk, *ids],
        categories=[Category.YOUTH_CARE],
        access_point=access_point,
        description=description,
    )


def _locked(investigation: Investigation) -> Investigation:
    """The investigation read again under a row lock, so two changes cannot both pass a gate."""
    return (
        Investigation.objects.select_for_update(of=("self",))
        .select_related("case__youth", "consulent__user")
        .get(pk=investigation.pk)
    )


def _for_change(actor, investigation: Investigation, access_point: AccessPoint) -> tuple[Investigation, policy.Grant]:
    """Check the consulent's right, lock the row, and follow a handed-over casusregie: the
    jeugdconsulent who now holds the case becomes the investigation's consulent."""
    _access, grant = rules.change_access(actor, investigation.case, access_point, shared=investigation.is_shared)
    locked = _locked(investigation)
    professional = policy.professional_of(actor)
    if locked.consulent_id != professional.pk:
        locked.consulent = professional
        locked.save(update_fields=["consulent", "updated_at"])
    return locked, grant


def _in_phase(investigation: Investigation, *phases: str, message: str) -> None:
    if investigation.phase not in phases:
        raise ValidationError({"phase": message})


def _move(investigation: Investigation, to: str, by: Professional | None, on: date, reason: str = "") -> None:
    PhaseChange.objects.create(
        investigation=investigation,
        from_phase=investigation.phase,
        to_phase=to,
        changed_on=on,
        changed_by=by,
        reason=reason,
    )
    investigation.phase = to
    investigation.phase_started_on = on


@audited_atomic
def investigation_start(
    *,
    case: Case,
    consulent: Professional,
    decide_by: date | None,
    started_on: date | None = None,
    actor=None,
    access_point: AccessPoint | None = None,
) -> Investigation:
    """Start the investigation of ``case`` by ``consulent``, due to be decided by ``decide_by``.

    No policy check here: the caller (the toegang's assignment of a waiting help request, which
    has made the consulent casusregisseur with an active jeugdconsulent involvement) has checked
    its own right and logs the assignment. Given ``actor`` and ``access_point``, the start is
    logged as well, on the actor's youth-care grant."""
    started_on = started_on or timezone.localdate()
    if Investigation.objects.filter(case=case).exists():
        raise ValidationError({"case": _("Er loopt al een onderzoek in deze casus.")})
    if not rules.is_consulent(consulent):
        raise ValidationError({"consulent": _("%(name)s is geen jeugdconsulent.") % {"name": consulent.name}})
    if decide_by is not None and decide_by < started_on:
        raise ValidationError({"decide_by": _("De beslisdatum ligt vóór de start van het onderzoek.")})
    investigation = Investigation.objects.create(
        case=case, consulent=consulent, decide_by=decide_by, started_on=started_on, phase_started_on=started_on
    )
    PhaseChange.objects.create(investigation=investigation, to_phase=Phase.ANALYSE, changed_on=started_on)
    if actor is not None and access_point is not None:
        access = policy.access_for(actor, case.youth)
        grant = access.grant(Category.YOUTH_CARE) or access.primary_grant
        _log(actor, investigation, Event.CREATE, grant, access_point, f"onderzoek {case.reference} gestart")
    return investigation


@audited_atomic
def investigation_open(*, actor, case: Case, access_point: AccessPoint, decide_by: date | None = None) -> Investigation:
    """The casusregisseur, involved as jeugdconsulent, starts an investigation on their case.
    The case goes to status "in onderzoek"."""
    _access, grant = rules.change_access(actor, case, access_point, shared=False)
    if not case.is_open:
        raise ValidationError({"case": _("De casus is gesloten.")})
    if Investigation.objects.filter(case=case).exists():
        raise ValidationError({"case": _("Er loopt al een onderzoek in deze casus.")})
    today = timezone.localdate()
    if decide_by is not None and decide_by < today:
        raise ValidationError({"decide_by": _("De beslisdatum ligt in het verleden.")})
    investigation = investigation_start(
        case=case, consulent=policy.professional_of(actor), decide_by=decide_by, started_on=today
    )
    if case.status != Case.Status.ONDERZOEK:
        case.status = Case.Status.ONDERZOEK
        case.save(update_fields=["status", "updated_at"])
    _log(actor, investigation, Event.CREATE, grant, access_point, f"onderzoek {case.reference} gestart")
    return investigation


@audited_atomic
def conversation_add(
    *,
    actor,
    investigation: Investigation,
    kind: str,
    held_on: date,
    participants: str,
    summary: str,
    access_point: AccessPoint,
) -> Conversation:
    """Record a conversation (keukentafelgesprek, with the youth, at school, ...)."""
    investigation, grant = _for_change(actor, investigation, access_point)
    _in_phase(
        investigation,
        *WORK_PHASES,
        message=_(
            "Het verslag is al gedeeld. Zet het onderzoek terug naar een eerdere fase om een gesprek toe te voegen."
        ),
    )
    errors = {}
    if kind not in Conversation.Kind.values:
        errors["kind"] = _("Kies de soort gesprek.")
    if held_on is None:
        errors["held_on"] = _("Vul de datum van het gesprek in.")
    elif held_on > timezone.localdate():
        errors["held_on"] = _("De datum van het gesprek ligt in de toekomst.")
    if not (participants or "").strip():
        errors["participants"] = _("Vul in wie er bij het gesprek waren.")
    if not (summary or "").strip():
        errors["summary"] = _("Schrijf een korte samenvatting van het gesprek.")
    if errors:
        raise ValidationError(errors)
    conversation = Conversation(
        investigation=investigation,
        kind=kind,
        held_on=held_on,
        participants=participants.strip(),
        summary=summary.strip(),
        created_by=policy.professional_of(actor),
    )
    conversation.full_clean()
    conversation.save()
    _log(
        actor,
        investigation,
        Event.CREATE,
        grant,
        access_point,
        f"gesprek vastgelegd ({conversation.get_kind_display().lower()})",
        f"conversation:{conversation.pk}",
    )
    return conversation


@audited_atomic
def findings_update(
    *,
    actor,
    investigation: Investigation,
    access_point: AccessPoint,
    upbringing_findings: str | object = UNSET,
    psychological_findings: str | object = UNSET,
    safety_findings: str | object = UNSET,
    strengths: str | object = UNSET,
) -> Investigation:
    """Save (a draft of) the findings of the analysis. Blank is allowed here; the gate to the
    oordeelsvorming asks for all four."""
    investigation, grant = _for_change(actor, investigation, access_point)
    _in_phase(
        investigation,
        Phase.ANALYSE,
        message=_(
            "De bevindingen wijzigt u in de analyse. Zet het onderzoek terug naar de analyse om ze aan te passen."
        ),
    )
    values = {
        "upbringing_findings": upbringing_findings,
        "psychological_findings": psychological_findings,
        "safety_findings": safety_findings,
        "strengths": strengths,
    }
    changed = [name for name, value in values.items() if value is not UNSET]
    for name in changed:
        setattr(investigation, name, (values[name] or "").strip())
    investigation.full_clean()
    investigation.save()
    _log(actor, investigation, Event.UPDATE, grant, access_point, "bevindingen analyse opgeslagen")
    return investigation


@audited_atomic
def judgement_update(
    *, actor, investigation: Investigation, judgement: str, access_point: AccessPoint
) -> Investigation:
    investigation, grant = _for_change(actor, investigation, access_point)
    _in_phase(
        investigation,
        Phase.OORDEELSVORMING,
        message=_("Het oordeel schrijft u in de oordeelsvorming."),
    )
    investigation.judgement = (judgement or "").strip()
    investigation.full_clean()
    investigation.save()
    _log(actor, investigation, Event.UPDATE, grant, access_point, "oordeel opgeslagen")
    return investigation


@audited_atomic
def decision_update(
    *,
    actor,
    investigation: Investigation,
    access_point: AccessPoint,
    help_kind: str = "",
    motivation: str = "",
    care_product: str = "",
    provider: Organisation | None = None,
    beschikking_start: date | None = None,
    beschikking_end: date | None = None,
    beschikking_number: str = "",
) -> Investigation:
    """Save the decision on the help. The beschikking belongs to specialist youth care only: for
    any other help its fields are cleared."""
    investigation, grant = _for_change(actor, investigation, access_point)
    _in_phase(investigation, Phase.BESLUITVORMING, message=_("Het besluit neemt u in de besluitvorming."))
    errors = {}
    if help_kind and help_kind not in HelpKind.values:
        errors["help_kind"] = _("Kies welke hulp nodig is.")
    specialist = help_kind == HelpKind.SPECIALISTISCH
    if specialist and provider is not None and provider.kind != Organisation.Kind.JEUGDHULPAANBIEDER:
        errors["provider"] = _("Kies een jeugdhulpaanbieder.")
    if specialist and beschikking_start and beschikking_end and beschikking_end < beschikking_start:
        errors["beschikking_end"] = _("De einddatum ligt vóór de ingangsdatum.")
    if errors:
        raise ValidationError(errors)
    investigation.help_kind = help_kind or ""
    investigation.motivation = (motivation or "").strip()
    investigation.care_product = (care_product or "").strip() if specialist else ""
    investigation.provider = provider if specialist else None
    investigation.beschikking_start = beschikking_start if specialist else None
    investigation.beschikking_end = beschikking_end if specialist else None
    investigation.beschikking_number = (beschikking_number or "").strip() if specialist else ""
    investigation.full_clean()
    investigation.save()
    label = investigation.get_help_kind_display().lower() if help_kind else "nog geen keuze"
    _log(actor, investigation, Event.UPDATE, grant, access_point, f"besluit opgeslagen: {label}")
    return investigation


def _check_gate(investigation: Investigation) -> None:
    errors = gates.gate_errors(investigation, investigation.conversations.count())
    if errors:
        raise ValidationError(errors)


def _share(actor, investigation: Investigation, grant, access_point: AccessPoint) -> Investigation:
    today = timezone.localdate()
    professional = policy.professional_of(actor)
    _move(investigation, Phase.VERSLAG, professional, today)
    investigation.decided_on = today
    investigation.share_round += 1
    investigation.shared_on = today
    investigation.zienswijze_until = deadlines.zienswijze_until(today, conf.zienswijze_days())
    investigation.shared_with = consent.consent_needed_from(investigation.case.youth.age(today))
    investigation.save()
    _log(
        actor,
        investigation,
        Event.UPDATE,
        grant,
        access_point,
        f"onderzoeksverslag gedeeld met {consent.LABELS[investigation.shared_with].lower()}, "
        f"zienswijze tot en met {investigation.zienswijze_until:%d-%m-%Y}",
    )
    return investigation


@audited_atomic
def investigation_advance(*, actor, investigation: Investigation, access_point: AccessPoint) -> Investigation:
    """Close the current phase and open the next, when the phase has its required content. From
    the besluitvorming the next step is sharing the report (``investigation_share``)."""
    investigation, grant = _for_change(actor, investigation, access_point)
    _in_phase(investigation, *WORK_PHASES, message=_("Het verslag is al gedeeld."))
    _check_gate(investigation)
    if investigation.phase == Phase.BESLUITVORMING:
        return _share(actor, investigation, grant, access_point)
    previous = investigation.get_phase_display().lower()
    _move(investigation, investigation.next_phase, policy.professional_of(actor), timezone.localdate())
    investigation.save()
    _log(
        actor,
        investigation,
        Event.UPDATE,
        grant,
        access_point,
        f"{previous} afgerond, naar {investigation.get_phase_display().lower()}",
    )
    return investigation


@audited_atomic
def investigation_share(*, actor, investigation: Investigation, access_point: AccessPoint) -> Investigation:
    """End the besluitvorming and share the report with the parents with gezag (child under 16)
    and the youth (from 12); they have ``JEUGDKETEN_ZIENSWIJZE_DAYS`` for their zienswijze."""
    investigation, grant = _for_change(actor, investigation, access_point)
    _in_phase(investigation, Phase.BESLUITVORMING, message=_("Het verslag deelt u aan het eind van de besluitvorming."))
    _check_gate(investigation)
    return _share(actor, investigation, grant, access_point)


@audited_atomic
def investigation_step_back(
    *, actor, investigation: Investigation, to_phase: str, reason: str, access_point: AccessPoint
) -> Investigation:
    """Reopen an earlier phase before the report is final. A shared report is withdrawn (the
    parents see it again when it is shared anew, with a new term); its content stays."""
    investigation, grant = _for_change(actor, investigation, access_point)
    if investigation.is_final:
        raise ValidationError({"phase": _("Het verslag is definitief en gaat niet meer terug.")})
    errors = {}
    if to_phase not in investigation.earlier_phases:
        errors["to_phase"] = _("Kies een eerdere fase.")
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = _("Schrijf waarom het onderzoek teruggaat.")
    if errors:
        raise ValidationError(errors)
    previous = investigation.get_phase_display().lower()
    _move(investigation, to_phase, policy.professional_of(actor), timezone.localdate(), reason[:500])
    investigation.shared_on = investigation.zienswijze_until = investigation.decided_on = None
    investigation.shared_with = ""
    investigation.full_clean()
    investigation.save()
    _log(
        actor,
        investigation,
        Event.UPDATE,
        grant,
        access_point,
        f"teruggezet van {previous} naar {investigation.get_phase_display().lower()}: {reason}",
    )
    return investigation


@audited_atomic
def zienswijze_add(*, actor, investigation: Investigation, text: str, access_point: AccessPoint) -> Zienswijze:
    """A parent with gezag or the youth gives their view on the shared report, before it is final."""
    grant = rules.family_grant(actor, investigation.case, access_point, shared=investigation.is_shared)
    investigation = _locked(investigation)
    if investigation.phase != Phase.VERSLAG:
        raise ValidationError(
            {"phase": _("Het verslag is definitief; een zienswijze kan niet meer worden toegevoegd.")}
        )
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Schrijf uw zienswijze.")})
    youth = investigation.case.youth
    if grant.ground == Ground.YOUTH_SELF:
        role, name = Zienswijze.Role.YOUTH, youth.full_name
    else:
        carer = getattr(actor, "carer", None)
        role, name = Zienswijze.Role.PARENT, carer.full_name if carer else actor.get_full_name()
    zienswijze = Zienswijze(
        investigation=investigation,
        share_round=investigation.share_round,
        author=actor,
        author_name=name or actor.get_username(),
        role=role,
        text=text,
    )
    zienswijze.full_clean()
    zienswijze.save()
    _log(
        actor,
        investigation,
        Event.CREATE,
        grant,
        access_point,
        f"zienswijze gegeven ({zienswijze.get_role_display().lower()})",
        f"zienswijze:{zienswijze.pk}",
    )
    return zienswijze


@audited_atomic
def investigation_finalise(
    *, actor, investigation: Investigation, access_point: AccessPoint, no_zienswijze_note: str = ""
) -> Investigation:
    """Make the report final: after a zienswijze on this version came in, or after its term. Before
    that only with a note that the parents (and the youth) give no zienswijze, and how that is known."""
    investigation, grant = _for_change(actor, investigation, access_point)
    _in_phase(investigation, Phase.VERSLAG, message=_("Deel eerst het verslag; pas daarna maakt u het definitief."))
    today = timezone.localdate()
    note = (no_zienswijze_note or "").strip()
    received = investigation.zienswijzen.filter(share_round=investigation.share_round).exists()
    if not received and not investigation.zienswijze_term_passed(today) and not note:
        raise ValidationError(
            {
                "no_zienswijze_note": _(
                    "De termijn voor de zienswijze loopt tot en met %(date)s en er is nog geen zienswijze. Wacht "
                    "daarop, of leg vast dat de ouders en de jeugdige geen zienswijze geven."
                )
                % {"date": investigation.zienswijze_until.strftime("%d-%m-%Y")}
            }
        )
    professional = policy.professional_of(actor)
    _move(investigation, Phase.DEFINITIEF, professional, today, note[:500])
    investigation.finalised_on = today
    investigation.finalised_by = professional
    investigation.finalised_note = note[:500] if not received else ""
    investigation.full_clean()
    investigation.save()
    how = "na zienswijze" if received else ("na de termijn" if not note else "zonder zienswijze: " + note)
    _log(actor, investigation, Event.UPDATE, grant, access_point, f"onderzoeksverslag definitief ({how})")
    return investigation
