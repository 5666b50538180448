"""Changes to a pupil's school support and passend onderwijs. Each service takes the acting user,
asks the policy (``rules``), stores nothing half (one transaction) and writes the access log in
that transaction.

The flow (HGW, seeds "Onderwijs" and "Zorgcoördinatoren en intern begeleiders"): a leerkracht
records a signal (``signal_record``) and the conversations and basic support around it
(``note_add``) → the IB'er consults (``consultation_record``: enough, a handelingsplan, evaluate,
or further; a leefvraag brings in the school's jeugdverpleegkundige) → ``support_plan_create`` and
``support_plan_evaluate`` → for extra support the OPP (``opp_create`` prefilled, ``opp_update``,
``opp_consent_record``, ``opp_finalise``, ``opp_evaluate``) → a request to the SWV
(``swv_request_submit``, checked against ``swv_readiness``) → the CAT (``cat_meeting_plan``,
``swv_request_schedule``, ``cat_advice_add``, ``swv_request_decide``). Beside it: admissions under
the zorgplicht, ambulante begeleiding (``ab_assign`` only with consent) and the GGD at school.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jeugdketen.access import consent, consents, policy
from jeugdketen.access.categories import Action, Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access
from jeugdketen.organisations.models import Organisation, Professional
from jeugdketen.youth.models import Youth

from . import rules, terms
from .models import (
    OPP,
    ABAssignment,
    Admission,
    CATAdvice,
    CATMeeting,
    Consultation,
    CycleMeeting,
    GGDConsultation,
    GGDNote,
    OPPEvaluation,
    PlanEvaluation,
    PupilSignal,
    SupportGoal,
    SupportNote,
    SupportPlan,
    SupportProfile,
    SWVRequest,
    Uitstroom,
)

S = Category.SCHOOL_SUPPORT
TEXT_MAX_LENGTH = 10_000
MAX_GOALS = 10


def _log(actor, youth, grant, event, access_point, description: str, *ids, categories=(S,)) -> None:
    log_access(
        user=actor,
        youth=youth,
        event=event,
        grant=grant,
        object_type=rules.OBJECT_TYPE,
        object_ids=list(ids),
        categories=list(categories),
        access_point=access_point,
        description=description,
    )


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    if len(value) > TEXT_MAX_LENGTH:
        raise ValidationError({field: _("De tekst is te lang (hoogstens %(max)s tekens).") % {"max": TEXT_MAX_LENGTH}})
    return value


def _not_future(day: date | None, field: str, label: str) -> date:
    today = timezone.localdate()
    if day is None:
        return today
    if day > today:
        raise ValidationError({field: _("%(label)s ligt in de toekomst.") % {"label": label}})
    return day


def _school_of(youth: Youth, professional: Professional | None) -> Organisation:
    """The actor's school, where the pupil is enrolled today (the services check it again)."""
    if professional is None or professional.organisation.kind != Organisation.Kind.SCHOOL:
        raise NotFoundOrForbidden
    return professional.organisation


def _consent_covers(youth: Youth, given_by: str, given_on: date | None, *, by_field: str, on_field: str) -> None:
    """The consent recorded must come from those who decide at the youth's age (Jeugdwet art.
    7.3.5 / BW 7:447: parents under 12, parents and youth 12–15, the youth from 16)."""
    if not given_by:
        raise ValidationError({by_field: _("Vul in wie toestemming gaf.")})
    consent.validate_recorded(
        given_by,
        given_on,
        age=youth.age(),
        today=timezone.localdate(),
        by_field=by_field,
        on_field=on_field,
        subject=_("leerling"),
    )


# --- the school: profile and bespreekcyclus -------------------------------------------------------------


def _school_lead(actor, school: Organisation) -> Professional:
    professional = policy.professional_of(actor)
    if professional is None or professional.organisation_id != school.pk:
        raise NotFoundOrForbidden
    if not policy.function_codes(professional) & rules.SCHOOL_LEAD_FUNCTIONS:
        raise NotAllowed(_("Dit doen de intern begeleider en de schoolleider."))
    return professional


@audited_atomic
def support_profile_update(
    *,
    actor,
    school: Organisation,
    basic_support: str,
    extra_support: str,
    expertise: str = "",
    samenwerkingsverband: Organisation | None = None,
    ggd_contact: Professional | None = None,
) -> SupportProfile:
    """The school's schoolondersteuningsprofiel: basic and extra support, its SWV and GGD contact."""
    _school_lead(actor, school)
    basic_support = _text(basic_support, "basic_support", _("Beschrijf de basisondersteuning van de school."))
    extra_support = _text(extra_support, "extra_support", _("Beschrijf de extra ondersteuning van de school."))
    if samenwerkingsverband is not None and samenwerkingsverband.kind != Organisation.Kind.SAMENWERKINGSVERBAND:
        raise ValidationError({"samenwerkingsverband": _("Kies een samenwerkingsverband.")})
    if ggd_contact is not None and not (
        ggd_contact.organisation.kind == Organisation.Kind.GGD
        and "jeugdverpleegkundige" in policy.function_codes(ggd_contact)
    ):
        raise ValidationError({"ggd_contact": _("Kies een jeugdverpleegkundige van de GGD.")})
    profile, _created = SupportProfile.objects.update_or_create(
        school=school,
        defaults={
            "basic_support": basic_support,
            "extra_support": extra_support,
            "expertise": (expertise or "").strip(),
            "samenwerkingsverband": samenwerkingsverband,
            "ggd_contact": ggd_contact,
            "updated_by": actor,
        },
    )
    return profile


@audited_atomic
def cycle_meeting_plan(
    *, actor, school: Organisation, kind: str, cycle: str, held_on: date, group: str = "", topic: str = ""
) -> CycleMeeting:
    """Plan a leerling- or groepsbespreking or an evaluation moment of the bespreekcyclus."""
    professional = _school_lead(actor, school)
    if kind not in CycleMeeting.Kind.values:
        raise ValidationError({"kind": _("Kies de soort bespreking.")})
    if cycle not in CycleMeeting.Cycle.values:
        raise ValidationError({"cycle": _("Kies de korte of de lange cyclus.")})
    if held_on is None:
        raise ValidationError({"held_on": _("Vul de datum in.")})
    return CycleMeeting.objects.create(
        school=school,
        kind=kind,
        cycle=cycle,
        held_on=held_on,
        group=(group or "").strip()[:20],
        topic=(topic or "").strip()[:200],
        planned_by=professional,
    )


# --- signal and basic support ------------------------------------------------------------------------------


@audited_atomic
def signal_record(
    *, actor, youth: Youth, area: str, observation: str, access_point: AccessPoint, observed_on: date | None = None
) -> PupilSignal:
    """A leerkracht or mentor records what they observe about a pupil of their school."""
    professional = policy.professional_of(actor)
    school = _school_of(youth, professional) if professional else None
    if school is None:
        rules.refuse(actor, youth, access_point, "signaal")
    sa, grant = rules.school_change(
        actor, youth, school, rules.SIGNAL_FUNCTIONS, access_point, _("Een signaal leggen leerkrachten en IB'ers vast.")
    )
    if area not in PupilSignal.Area.values:
        raise ValidationError({"area": _("Kies waar het signaal over gaat.")})
    observation = _text(observation, "observation", _("Beschrijf wat u ziet."))
    observed_on = _not_future(observed_on, "observed_on", _("De datum"))
    signal = PupilSignal.objects.create(
        youth=youth,
        school=school,
        raised_by=sa.professional,
        area=area,
        observation=observation,
        observed_on=observed_on,
    )
    _log(
        actor,
        youth,
        grant,
        Event.CREATE,
        access_point,
        f"signaal ({signal.get_area_display().lower()})",
        f"signal:{signal.pk}",
    )
    return signal


@audited_atomic
def note_add(
    *,
    actor,
    youth: Youth,
    kind: str,
    text: str,
    access_point: AccessPoint,
    held_on: date | None = None,
    signal: PupilSignal | None = None,
) -> SupportNote:
    """A conversation with the pupil or the parents, or the basic support given, at the pupil's school."""
    school = signal.school if signal is not None else _school_of(youth, policy.professional_of(actor))
    sa, grant = rules.school_change(
        actor, youth, school, rules.SIGNAL_FUNCTIONS, access_point, _("Dit leggen leerkrachten en IB'ers vast.")
    )
    if signal is not None and signal.youth_id != youth.pk:
        raise ValidationError({"signal": _("Dit signaal gaat over een andere leerling.")})
    if kind not in SupportNote.SCHOOL_KINDS:
        raise ValidationError({"kind": _("Kies wat u vastlegt: een gesprek of de gegeven basisondersteuning.")})
    note = SupportNote.objects.create(
        youth=youth,
        school=school,
        signal=signal,
        kind=kind,
        held_on=_not_future(held_on, "held_on", _("De datum")),
        text=_text(text, "text", _("Schrijf op wat er besproken of gedaan is.")),
        author=sa.professional,
        author_function=grant.function,
    )
    _log(actor, youth, grant, Event.CREATE, access_point, note.get_kind_display().lower(), f"note:{note.pk}")
    return note


def _age_group(youth: Youth) -> str:
    """The age group of an anonymous question: its values read "low-high" (years), in order."""
    age = youth.age()
    for group in GGDConsultation.AgeGroup.values:
        if age < int(group.split("-")[1]):
            return group
    return GGDConsultation.AgeGroup.SECONDARY_HIGH


@audited_atomic
def consultation_record(
    *,
    actor,
    signal: PupilSignal,
    question: str,
    outcome: str,
    access_point: AccessPoint,
    further: str = "",
    note: str = "",
    held_on: date | None = None,
    ggd_question: str = "",
    consent_given_by: str = "",
    consent_on: date | None = None,
) -> Consultation:
    """The IB'er's consultation with the teacher about a signal. A leefvraag brings in the school's
    jeugdverpleegkundige: anonymous, or about the named pupil when consent is recorded."""
    youth = signal.youth
    sa, grant = rules.school_change(
        actor, youth, signal.school, rules.IB_FUNCTIONS, access_point, _("De consultatie voert de intern begeleider.")
    )
    # A locked copy: two consultations cannot both pass, and the caller's object stays as it was.
    signal = PupilSignal.objects.select_for_update().select_related("school", "youth").get(pk=signal.pk)
    if Consultation.objects.filter(signal=signal).exists():
        raise ValidationError({"outcome": _("Over dit signaal is al geconsulteerd.")})
    if question not in Consultation.Question.values:
        raise ValidationError({"question": _("Kies of het een leervraag of een leefvraag is.")})
    if outcome not in Consultation.Outcome.values:
        raise ValidationError({"outcome": _("Kies de uitkomst van de consultatie.")})
    if outcome == Consultation.Outcome.FURTHER:
        if further not in Consultation.Further.values:
            raise ValidationError({"further": _("Kies waar de vraag verder naartoe gaat.")})
    else:
        further = ""
    ggd_contact, ggd_text = None, ""
    if question == Consultation.Question.LEEF:
        # Checked before anything is written: a leefvraag brings in the school's GGD contact.
        profile = SupportProfile.objects.filter(school=signal.school).select_related("ggd_contact").first()
        if profile is None or profile.ggd_contact is None:
            raise ValidationError(
                {
                    "question": _(
                        "De school heeft geen contactpersoon bij de GGD. Vul die in het schoolondersteuningsprofiel in."
                    )
                }
            )
        ggd_contact = profile.ggd_contact
        ggd_text = _text(
            ggd_question, "ggd_question", _("Schrijf de vraag aan de jeugdverpleegkundige op (bij een leefvraag).")
        )
        if consent_given_by:
            _consent_covers(youth, consent_given_by, consent_on, by_field="consent_given_by", on_field="consent_on")
    consultation = Consultation.objects.create(
        signal=signal,
        ib=sa.professional,
        held_on=_not_future(held_on, "held_on", _("De datum")),
        question=question,
        outcome=outcome,
        further=further,
        note=(note or "").strip()[:TEXT_MAX_LENGTH],
    )
    signal.status = (
        PupilSignal.Status.CLOSED if outcome == Consultation.Outcome.ENOUGH else PupilSignal.Status.CONSULTED
    )
    signal.save(update_fields=["status"])
    _log(
        actor,
        youth,
        grant,
        Event.CREATE,
        access_point,
        f"consultatie: {consultation.get_question_display().lower()}, {consultation.get_outcome_display().lower()}",
        f"signal:{signal.pk}",
        f"consultation:{consultation.pk}",
    )
    if question == Consultation.Question.LEEF:
        ggd_consult_ask(
            actor=actor,
            school=signal.school,
            professional=ggd_contact,
            question=ggd_text,
            access_point=access_point,
            youth=youth if consent_given_by else None,
            age_group="" if consent_given_by else _age_group(youth),
            consent_given_by=consent_given_by,
            consent_on=consent_on,
            signal=signal if consent_given_by else None,
        )
    return consultation


# --- handelingsplan -------------------------------------------------------------------------------------


def _goals(goals: list[str]) -> list[str]:
    cleaned = [g.strip() for g in goals if g and g.strip()]
    if not cleaned:
        raise ValidationError({"goals": _("Schrijf ten minste één doel op.")})
    if len(cleaned) > MAX_GOALS:
        raise ValidationError({"goals": _("Hoogstens %(max)s doelen.") % {"max": MAX_GOALS}})
    if any(len(g) > 300 for g in cleaned):
        raise ValidationError({"goals": _("Een doel is hoogstens 300 tekens.")})
    return cleaned


@audited_atomic
def support_plan_create(
    *,
    actor,
    youth: Youth,
    title: str,
    approach: str,
    goals: list[str],
    starts_on: date,
    ends_on: date,
    evaluate_on: date,
    access_point: AccessPoint,
    signal: PupilSignal | None = None,
) -> SupportPlan:
    """Extended support in a handelingsplan: goals, the approach, a timeline and an evaluation date."""
    school = signal.school if signal is not None else _school_of(youth, policy.professional_of(actor))
    sa, grant = rules.school_change(
        actor, youth, school, rules.IB_FUNCTIONS, access_point, _("Een handelingsplan stelt de intern begeleider op.")
    )
    title = _text(title, "title", _("Geef het handelingsplan een onderwerp."))[:200]
    approach = _text(approach, "approach", _("Beschrijf de aanpak en de ondersteuning."))
    goals = _goals(goals)
    if starts_on is None:
        raise ValidationError({"starts_on": _("Vul de startdatum in.")})
    if ends_on is None or ends_on < starts_on:
        raise ValidationError({"ends_on": _("Het plan loopt tot een datum na de start.")})
    if evaluate_on is None or not starts_on <= evaluate_on:
        raise ValidationError({"evaluate_on": _("De evaluatiedatum ligt na de start.")})
    plan = SupportPlan.objects.create(
        youth=youth,
        school=school,
        signal=signal,
        title=title,
        approach=approach,
        starts_on=starts_on,
        ends_on=ends_on,
        evaluate_on=evaluate_on,
        created_by=sa.professional,
    )
    SupportGoal.objects.bulk_create(SupportGoal(plan=plan, text=g, order=i) for i, g in enumerate(goals))
    _log(actor, youth, grant, Event.CREATE, access_point, f"handelingsplan: {title}"[:300], f"supportplan:{plan.pk}")
    return plan


@audited_atomic
def support_plan_evaluate(
    *,
    actor,
    plan: SupportPlan,
    held_on: date,
    conclusion: str,
    next_step: str,
    access_point: AccessPoint,
    with_parents: bool = False,
    with_teacher: bool = False,
    results: dict[int, str] | None = None,
    next_evaluate_on: date | None = None,
) -> PlanEvaluation:
    """The evaluation with the IB'er, the parents and the teacher: the goals' results and what next."""
    sa, grant = rules.school_change(
        actor,
        plan.youth,
        plan.school,
        rules.IB_FUNCTIONS,
        access_point,
        _("De evaluatie legt de intern begeleider vast."),
    )
    plan = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != SupportPlan.Status.ACTIVE:
        raise ValidationError({"next_step": _("Dit handelingsplan is al afgesloten.")})
    held_on = _not_future(held_on, "held_on", _("De datum van de evaluatie"))
    if held_on < plan.starts_on:
        raise ValidationError({"held_on": _("De evaluatie ligt vóór de start van het plan.")})
    conclusion = _text(conclusion, "conclusion", _("Schrijf de conclusie van de evaluatie op."))
    if next_step not in PlanEvaluation.Next.values:
        raise ValidationError({"next_step": _("Kies het vervolg.")})
    results = results or {}
    goals = {g.pk: g for g in plan.goals.all()}
    if set(results) - set(goals) or set(results.values()) - set(SupportGoal.Result.values):
        raise ValidationError({"results": _("Kies per doel een resultaat.")})
    if next_step == PlanEvaluation.Next.CONTINUE:
        if next_evaluate_on is None or next_evaluate_on <= held_on:
            raise ValidationError({"next_evaluate_on": _("Vul de volgende evaluatiedatum in, na deze evaluatie.")})
        plan.evaluate_on = next_evaluate_on
        plan.ends_on = max(plan.ends_on, next_evaluate_on)
    else:
        plan.status = SupportPlan.Status.CLOSED
    for goal_id, result in results.items():
        goals[goal_id].result = result
    SupportGoal.objects.bulk_update(goals.values(), ["result"])
    plan.save(update_fields=["evaluate_on", "ends_on", "status"])
    evaluation = PlanEvaluation.objects.create(
        plan=plan,
        held_on=held_on,
        with_parents=with_parents,
        with_teacher=with_teacher,
        conclusion=conclusion,
        next_step=next_step,
        recorded_by=sa.professional,
    )
    _log(
        actor,
        plan.youth,
        grant,
        Event.CREATE,
        access_point,
        f"evaluatie handelingsplan: {evaluation.get_next_step_display().lower()}",
        f"supportplan:{plan.pk}",
        f"evaluation:{evaluation.pk}",
    )
    return evaluation


# --- OPP -------------------------------------------------------------------------------------------------


def opp_history(youth: Youth, school: Organisation) -> str:
    """The pupil's history at the school, in date order, from the signals, conversations,
    handelingsplannen and their evaluations, so nobody types it twice."""
    entries: list[tuple[date, int, str]] = []
    for signal in PupilSignal.objects.filter(youth=youth, school=school).select_related("consultation"):
        entries.append(
            (signal.observed_on, 0, f"{_('Signaal')} ({signal.get_area_display().lower()}): {signal.observation}")
        )
        consultation = getattr(signal, "consultation", None)
        if consultation is not None:
            text = (
                f"{_('Consultatie IB')}: {consultation.get_question_display().lower()}; "
                f"{consultation.get_outcome_display().lower()}"
            )
            if consultation.further:
                text += f" ({consultation.get_further_display().lower()})"
            if consultation.note:
                text += f". {consultation.note}"
            entries.append((consultation.held_on, 1, text))
    for note in SupportNote.objects.filter(youth=youth, school=school):
        entries.append((note.held_on, 2, f"{note.get_kind_display()}: {note.text}"))
    for plan in SupportPlan.objects.filter(youth=youth, school=school).prefetch_related("goals", "evaluations"):
        goals = "; ".join(
            g.text + (f" ({g.get_result_display().lower()})" if g.result else "") for g in plan.goals.all()
        )
        entries.append(
            (
                plan.starts_on,
                3,
                f"{_('Handelingsplan')} “{plan.title}” {_('tot')} {date_format(plan.ends_on, 'j F Y')}. "
                f"{_('Doelen')}: {goals}. {_('Aanpak')}: {plan.approach}",
            )
        )
        for evaluation in plan.evaluations.all():
            entries.append(
                (
                    evaluation.held_on,
                    4,
                    f"{_('Evaluatie')} “{plan.title}”: {evaluation.conclusion} "
                    f"({evaluation.get_next_step_display().lower()})",
                )
            )
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    return "\n".join(f"{date_format(day, 'j F Y')} — {text}" for day, _order, text in entries)


@audited_atomic
def opp_create(*, actor, youth: Youth, enrolled_on: date, access_point: AccessPoint) -> OPP:
    """Start the OPP, its history prefilled from what the school already recorded."""
    school = _school_of(youth, policy.professional_of(actor))
    sa, grant = rules.school_change(
        actor,
        youth,
        school,
        rules.SCHOOL_LEAD_FUNCTIONS,
        access_point,
        _("Het OPP stellen de IB'er en de schoolleider op."),
    )
    if enrolled_on is None:
        raise ValidationError(
            {"enrolled_on": _("Vul de datum van inschrijving of van de start van de extra ondersteuning in.")}
        )
    if OPP.objects.filter(youth=youth, school=school, status=OPP.Status.DRAFT).exists():
        raise ValidationError({"enrolled_on": _("Er is al een concept-OPP voor deze leerling.")})
    opp = OPP.objects.create(
        youth=youth,
        school=school,
        enrolled_on=enrolled_on,
        history=opp_history(youth, school),
        created_by=sa.professional,
    )
    _log(actor, youth, grant, Event.CREATE, access_point, "OPP opgesteld (concept)", f"opp:{opp.pk}")
    return opp


OPP_FIELDS = (*OPP.LEGAL_CONTENT, "history", "handelingsdeel")


def _opp_change(actor, opp: OPP, access_point: AccessPoint):
    sa, grant = rules.school_change(
        actor,
        opp.youth,
        opp.school,
        rules.SCHOOL_LEAD_FUNCTIONS,
        access_point,
        _("Het OPP stellen de IB'er en de schoolleider op."),
    )
    return sa, grant, OPP.objects.select_for_update().get(pk=opp.pk)


@audited_atomic
def opp_update(*, actor, opp: OPP, access_point: AccessPoint, **fields) -> OPP:
    """Change the OPP's content. A set OPP changes only through a new one (after evaluation)."""
    _sa, grant, opp = _opp_change(actor, opp, access_point)
    if opp.is_final:
        raise ValidationError(
            {"status": _("Dit OPP is vastgesteld. Evalueer het met de ouders en stel zo nodig een nieuw op.")}
        )
    old_handelingsdeel = opp.handelingsdeel
    unknown = set(fields) - set(OPP_FIELDS)
    if unknown:
        raise ValidationError({"status": _("Onbekende velden: %(names)s") % {"names": ", ".join(sorted(unknown))}})
    for name, value in fields.items():
        value = (value or "").strip()
        model_field = OPP._meta.get_field(name)
        if len(value) > (model_field.max_length or TEXT_MAX_LENGTH):
            raise ValidationError({name: _("De tekst is te lang.")})
        if name == "uitstroom" and value and value not in Uitstroom.values:
            raise ValidationError({name: _("Kies een uitstroomprofiel.")})
        setattr(opp, name, value)
    if opp.consent_on and opp.handelingsdeel != old_handelingsdeel:
        # A changed handelingsdeel needs the parents' agreement again (WPO art. 40a lid 4).
        opp.consent_on, opp.consent_by, opp.consent_recorded_by = None, "", None
    opp.save()
    _log(actor, opp.youth, grant, Event.UPDATE, access_point, "OPP gewijzigd", f"opp:{opp.pk}")
    return opp


@audited_atomic
def opp_consent_record(*, actor, opp: OPP, consent_by: str, consent_on: date, access_point: AccessPoint) -> OPP:
    """The parents agree with the handelingsdeel (WPO art. 40a lid 4): who and when."""
    sa, grant, opp = _opp_change(actor, opp, access_point)
    if not opp.handelingsdeel.strip():
        raise ValidationError({"handelingsdeel": _("Vul eerst het handelingsdeel in: daar stemmen de ouders mee in.")})
    consent_by = _text(consent_by, "consent_by", _("Vul in welke ouder(s) instemden."))[:200]
    if consent_on is None or consent_on > timezone.localdate():
        raise ValidationError({"consent_on": _("Vul de datum van de instemming in (niet in de toekomst).")})
    opp.consent_on, opp.consent_by, opp.consent_recorded_by = consent_on, consent_by, sa.professional
    opp.save(update_fields=["consent_on", "consent_by", "consent_recorded_by", "updated_at"])
    _log(
        actor, opp.youth, grant, Event.UPDATE, access_point, "instemming ouders met handelingsdeel OPP", f"opp:{opp.pk}"
    )
    return opp


@audited_atomic
def opp_finalise(*, actor, opp: OPP, access_point: AccessPoint, finalised_on: date | None = None) -> OPP:
    """Set the OPP. Refused while the legal content (WPO art. 40a lid 2 and 3) is incomplete."""
    sa, grant, opp = _opp_change(actor, opp, access_point)
    if opp.is_final:
        raise ValidationError({"status": _("Dit OPP is al vastgesteld.")})
    missing = opp.missing_content()
    if missing:
        raise ValidationError(
            {"status": _("Het OPP mist nog wat de wet vraagt: %(missing)s.") % {"missing": ", ".join(missing)}}
        )
    opp.status = OPP.Status.FINAL
    opp.finalised_on = _not_future(finalised_on, "finalised_on", _("De datum van vaststelling"))
    if opp.finalised_on < opp.enrolled_on:
        raise ValidationError(
            {"finalised_on": _("De vaststelling ligt vóór de inschrijving of de start van de extra ondersteuning.")}
        )
    opp.finalised_by = sa.professional
    opp.save(update_fields=["status", "finalised_on", "finalised_by", "updated_at"])
    _log(actor, opp.youth, grant, Event.UPDATE, access_point, "OPP vastgesteld", f"opp:{opp.pk}")
    return opp


@audited_atomic
def opp_evaluate(
    *,
    actor,
    opp: OPP,
    held_on: date,
    conclusion: str,
    access_point: AccessPoint,
    with_parents: bool = True,
    perspective_kept: bool = True,
) -> OPPEvaluation:
    """The yearly evaluation of the OPP with the parents (WPO art. 40a lid 5)."""
    sa, grant, opp = _opp_change(actor, opp, access_point)
    if not opp.is_final:
        raise ValidationError({"held_on": _("Een OPP wordt geëvalueerd nadat het is vastgesteld.")})
    held_on = _not_future(held_on, "held_on", _("De datum van de evaluatie"))
    if held_on < opp.finalised_on:
        raise ValidationError({"held_on": _("De evaluatie ligt vóór de vaststelling van het OPP.")})
    evaluation = OPPEvaluation.objects.create(
        opp=opp,
        held_on=held_on,
        with_parents=with_parents,
        conclusion=_text(conclusion, "conclusion", _("Schrijf de conclusie van de evaluatie op.")),
        perspective_kept=perspective_kept,
        recorded_by=sa.professional,
    )
    _log(
        actor,
        opp.youth,
        grant,
        Event.CREATE,
        access_point,
        "evaluatie OPP",
        f"opp:{opp.pk}",
        f"oppevaluation:{evaluation.pk}",
    )
    return evaluation


def opp_evaluation_due(opp: OPP) -> date | None:
    """The next evaluation with the parents: a year after the last one, or after the OPP was set."""
    if not opp.is_final:
        return None
    last = max([e.held_on for e in opp.evaluations.all() if e.with_parents], default=opp.finalised_on)
    return terms.opp_evaluation_due(last)


# --- admissions (zorgplicht) -------------------------------------------------------------------------------


@audited_atomic
def admission_register(
    *,
    actor,
    school: Organisation,
    first_name: str,
    last_name: str,
    date_of_birth: date,
    support_need: str,
    received_on: date,
) -> Admission:
    """An application with a support need: the zorgplicht term of 6 weeks starts."""
    professional = _school_lead(actor, school)
    first_name = _text(first_name, "first_name", _("Vul de voornaam in."))[:100]
    last_name = _text(last_name, "last_name", _("Vul de achternaam in."))[:120]
    if date_of_birth is None or date_of_birth > timezone.localdate():
        raise ValidationError({"date_of_birth": _("Vul een geboortedatum in die niet in de toekomst ligt.")})
    received_on = _not_future(received_on, "received_on", _("De datum van ontvangst"))
    return Admission.objects.create(
        school=school,
        first_name=first_name,
        last_name=last_name,
        date_of_birth=date_of_birth,
        support_need=_text(support_need, "support_need", _("Beschrijf de ondersteuningsbehoefte.")),
        received_on=received_on,
        recorded_by=professional,
    )


@audited_atomic
def admission_extend(*, actor, admission: Admission, reason: str, extended_on: date | None = None) -> Admission:
    """Extend the term once by 4 weeks (WPO art. 40 lid 4 / WVO art. 27 lid 2c)."""
    _school_lead(actor, admission.school)
    admission = Admission.objects.select_for_update().get(pk=admission.pk)
    if admission.outcome:
        raise ValidationError({"reason": _("Over deze aanmelding is al besloten.")})
    if admission.extended_on is not None:
        raise ValidationError({"reason": _("De termijn is al eens verlengd; dat kan maar één keer.")})
    extended_on = _not_future(extended_on, "extended_on", _("De datum"))
    if extended_on < admission.received_on:
        raise ValidationError({"reason": _("De verlenging ligt vóór de ontvangst van de aanmelding.")})
    if extended_on > admission.due_on:
        raise ValidationError({"reason": _("De termijn van zes weken is al voorbij; verlengen kan alleen daarbinnen.")})
    admission.extended_on = extended_on
    admission.extension_reason = _text(reason, "reason", _("Geef de reden van de verlenging."))[:300]
    admission.save(update_fields=["extended_on", "extension_reason"])
    return admission


@audited_atomic
def admission_decide(
    *, actor, admission: Admission, outcome: str, note: str = "", decided_on: date | None = None
) -> Admission:
    _school_lead(actor, admission.school)
    admission = Admission.objects.select_for_update().get(pk=admission.pk)
    if admission.outcome:
        raise ValidationError({"outcome": _("Over deze aanmelding is al besloten.")})
    if outcome not in (Admission.Outcome.ADMITTED, Admission.Outcome.ELSEWHERE, Admission.Outcome.REFUSED):
        raise ValidationError({"outcome": _("Kies het besluit.")})
    if outcome != Admission.Outcome.ADMITTED and not (note or "").strip():
        raise ValidationError(
            {"note": _("Motiveer het besluit: welke school biedt een passende plek, of waarom niet.")}
        )
    admission.outcome = outcome
    admission.decided_on = _not_future(decided_on, "decided_on", _("De datum van het besluit"))
    admission.note = (note or "").strip()
    admission.save(update_fields=["outcome", "decided_on", "note"])
    return admission


# --- the samenwerkingsverband ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One documented step of basic and extra support, checked before a request to the SWV."""

    key: str
    label: str
    done: bool
    detail: str = ""
    required: bool = True


def swv_readiness(youth: Youth, school: Organisation, kind: str) -> list[Step]:
    """Which steps of basic and extra support the school took and documented for this pupil."""
    signals = list(PupilSignal.objects.filter(youth=youth, school=school).select_related("consultation"))
    notes = list(SupportNote.objects.filter(youth=youth, school=school))
    plans = list(SupportPlan.objects.filter(youth=youth, school=school).prefetch_related("evaluations"))
    opps = list(OPP.objects.filter(youth=youth, school=school))
    return readiness(signals, notes, plans, opps, kind)


def readiness(signals: list, notes: list, plans: list, opps: list, kind: str) -> list[Step]:
    """``swv_readiness`` over records already loaded (one school's, one pupil's): no queries, as
    long as the signals carry their consultation and the plans their evaluations."""
    kinds = {n.kind for n in notes}
    consulted = any(getattr(s, "consultation", None) is not None for s in signals)
    evaluated = any(p.evaluations.all() for p in plans)
    opp = max(opps, key=lambda o: (o.is_final, o.finalised_on or date.min, o.pk), default=None)
    final = opp is not None and opp.is_final
    tlv = kind == SWVRequest.Kind.TLV
    return [
        Step("signal", _("Signaal van de leerkracht vastgelegd"), bool(signals)),
        Step("pupil_talk", _("Gesprek met de leerling"), SupportNote.Kind.PUPIL_TALK in kinds),
        Step("parent_talk", _("Gesprek met de ouders"), SupportNote.Kind.PARENT_TALK in kinds),
        Step("basic_support", _("Gegeven basisondersteuning beschreven"), SupportNote.Kind.BASIC_SUPPORT in kinds),
        Step("consultation", _("Consultatie met de intern begeleider"), consulted),
        Step("plan", _("Extra ondersteuning in een handelingsplan"), bool(plans)),
        Step("evaluation", _("Handelingsplan geëvalueerd"), evaluated),
        Step("opp", _("OPP vastgesteld"), final, _("concept") if opp is not None and not final else "", required=tlv),
        Step(
            "opp_consent",
            _("Ouders stemden in met het handelingsdeel van het OPP"),
            opp is not None and opp.consent_on is not None,
            required=tlv,
        ),
    ]


def _next_reference(swv: Organisation) -> str:
    year = timezone.localdate().year
    prefix = f"SWV-{year}-"
    count = SWVRequest.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{count + 1:04d}"


def _sent_snapshot(youth: Youth, school: Organisation, opp: OPP | None, steps: list[Step]) -> dict:
    """What goes to the SWV, kept as sent: the pupil, the school, the documented steps, the OPP."""
    snapshot = {
        "youth": {"name": youth.full_name, "date_of_birth": youth.date_of_birth.isoformat()},
        "school": school.name,
        "steps": [{"label": str(s.label), "done": s.done, "detail": str(s.detail)} for s in steps],
        "history": opp_history(youth, school),
    }
    if opp is not None:
        snapshot["opp"] = {
            "status": opp.get_status_display(),
            "finalised_on": opp.finalised_on.isoformat() if opp.finalised_on else None,
            "consent_on": opp.consent_on.isoformat() if opp.consent_on else None,
            **{
                name: {"label": str(OPP._meta.get_field(name).verbose_name), "value": str(getattr(opp, name))}
                for name in (*OPP.LEGAL_CONTENT, "handelingsdeel")
            },
        }
        snapshot["opp"]["uitstroom"]["value"] = opp.get_uitstroom_display()
    return snapshot


@audited_atomic
def swv_request_submit(
    *, actor, youth: Youth, kind: str, question: str, access_point: AccessPoint, admission: Admission | None = None
) -> SWVRequest:
    """The school asks its SWV for an arrangement or a TLV, with the documented steps and the OPP.
    Refused, with what is missing, while the required steps are not documented."""
    school = _school_of(youth, policy.professional_of(actor))
    sa, grant = rules.school_change(
        actor,
        youth,
        school,
        rules.SCHOOL_LEAD_FUNCTIONS,
        access_point,
        _("Een aanvraag bij het samenwerkingsverband doen de IB'er en de schoolleider."),
    )
    if kind not in SWVRequest.Kind.values:
        raise ValidationError({"kind": _("Kies een arrangement of een TLV.")})
    question = _text(question, "question", _("Beschrijf de vraag aan het samenwerkingsverband."))
    profile = SupportProfile.objects.filter(school=school).select_related("samenwerkingsverband").first()
    if profile is None or profile.samenwerkingsverband is None:
        raise ValidationError(
            {"kind": _("De school hoort bij geen samenwerkingsverband. Vul dat in het schoolondersteuningsprofiel in.")}
        )
    swv = profile.samenwerkingsverband
    if SWVRequest.objects.filter(
        youth=youth, school=school, kind=kind, status__in=["ingediend", "geagendeerd"]
    ).exists():
        raise ValidationError({"kind": _("Er loopt al zo'n aanvraag voor deze leerling.")})
    steps = swv_readiness(youth, school, kind)
    missing = [str(s.label) for s in steps if s.required and not s.done]
    if missing:
        raise ValidationError({"kind": _("Nog niet gedocumenteerd: %(steps)s.") % {"steps": "; ".join(missing)}})
    opp = (
        OPP.objects.filter(youth=youth, school=school, status=OPP.Status.FINAL).order_by("-finalised_on", "-id").first()
    )
    if admission is not None and admission.school_id != school.pk:
        raise ValidationError({"admission": _("Deze aanmelding hoort bij een andere school.")})
    request = SWVRequest.objects.create(
        reference=_next_reference(swv),
        youth=youth,
        school=school,
        swv=swv,
        kind=kind,
        question=question,
        opp=opp,
        admission=admission,
        sent=_sent_snapshot(youth, school, opp, steps),
        submitted_on=timezone.localdate(),
        submitted_by=sa.professional,
    )
    _log(
        actor,
        youth,
        grant,
        Event.CREATE,
        access_point,
        f"aanvraag {request.get_kind_display()} bij {swv.name} ingediend ({request.reference})",
        f"swvrequest:{request.pk}",
    )
    return request


def _coordinator(actor, swv_id: int, access_point: AccessPoint, youth=None):
    found = rules.swv_coordinator(actor, swv_id)
    if found is None:
        if youth is not None:
            rules.refuse(actor, youth, access_point, "aanvraag samenwerkingsverband")
        raise NotFoundOrForbidden
    return found


@audited_atomic
def cat_meeting_plan(*, actor, swv: Organisation, held_on: date, location: str = "") -> CATMeeting:
    professional, _function = _coordinator(actor, swv.pk, None)
    if held_on is None:
        raise ValidationError({"held_on": _("Vul de datum van de CAT in.")})
    return CATMeeting.objects.create(
        swv=swv, held_on=held_on, chair=professional, location=(location or "").strip()[:200]
    )


@audited_atomic
def swv_request_schedule(*, actor, request: SWVRequest, meeting: CATMeeting, access_point: AccessPoint) -> SWVRequest:
    """Put a request on the agenda of a CAT meeting of the same SWV."""
    _professional, function = _coordinator(actor, request.swv_id, access_point, request.youth)
    request = SWVRequest.objects.select_for_update().get(pk=request.pk)
    if meeting.swv_id != request.swv_id:
        raise ValidationError({"meeting": _("Kies een CAT-vergadering van dit samenwerkingsverband.")})
    if meeting.held_on < timezone.localdate():
        raise ValidationError({"meeting": _("Deze CAT-vergadering is al geweest; kies een volgende.")})
    if request.status not in (SWVRequest.Status.SUBMITTED, SWVRequest.Status.ON_AGENDA):
        raise ValidationError({"meeting": _("Over deze aanvraag is al besloten.")})
    request.cat_meeting, request.status = meeting, SWVRequest.Status.ON_AGENDA
    request.save(update_fields=["cat_meeting", "status"])
    _log(
        actor,
        request.youth,
        rules.swv_grant(function, request),
        Event.UPDATE,
        access_point,
        f"aanvraag {request.reference} op de agenda van de CAT van {meeting.held_on:%d-%m-%Y}",
        f"swvrequest:{request.pk}",
    )
    return request


@audited_atomic
def cat_advice_add(
    *,
    actor,
    request: SWVRequest,
    expert_name: str,
    expertise: str,
    advice: str,
    access_point: AccessPoint,
    given_on: date | None = None,
) -> CATAdvice:
    """The advice of one deskundige (WPO art. 18a lid 6), recorded by the coördinator."""
    professional, function = _coordinator(actor, request.swv_id, access_point, request.youth)
    if request.status in (SWVRequest.Status.DECIDED, SWVRequest.Status.WITHDRAWN):
        raise ValidationError({"advice": _("Over deze aanvraag is al besloten.")})
    if expertise not in CATAdvice.Expertise.values:
        raise ValidationError({"expertise": _("Kies de deskundigheid.")})
    item = CATAdvice.objects.create(
        request=request,
        expert_name=_text(expert_name, "expert_name", _("Vul de naam van de deskundige in."))[:200],
        expertise=expertise,
        advice=_text(advice, "advice", _("Schrijf het advies op.")),
        given_on=_not_future(given_on, "given_on", _("De datum van het advies")),
        recorded_by=professional,
    )
    _log(
        actor,
        request.youth,
        rules.swv_grant(function, request),
        Event.CREATE,
        access_point,
        f"advies deskundige ({item.get_expertise_display().lower()}) bij {request.reference}",
        f"swvrequest:{request.pk}",
        f"advice:{item.pk}",
    )
    return item


def _advice_expertises(request: SWVRequest) -> list[str]:
    """The expertise of each deskundige who advised: one per person, however often they advised."""
    per_expert: dict[str, set[str]] = {}
    for name, expertise in request.advices.values_list("expert_name", "expertise"):
        per_expert.setdefault(name.strip().casefold(), set()).add(expertise)
    expertises = []
    for found in per_expert.values():
        required = found & terms.TLV_REQUIRED_EXPERTISE
        expertises.append(next(iter(required)) if required else next(iter(found)))
    return expertises


@audited_atomic
def swv_request_decide(
    *,
    actor,
    request: SWVRequest,
    outcome: str,
    motivation: str,
    access_point: AccessPoint,
    arrangement: str = "",
    tlv_school_type: str = "",
    tlv_category: str = "",
    valid_from: date | None = None,
    valid_until: date | None = None,
) -> SWVRequest:
    """The CAT's motivated decision: an arrangement, a TLV (type of school, category, period) or a
    rejection with reasons. A TLV needs the advice of two deskundigen, one an orthopedagoog or a
    psycholoog. The decision goes to the school and the parents."""
    professional, function = _coordinator(actor, request.swv_id, access_point, request.youth)
    request = SWVRequest.objects.select_for_update().get(pk=request.pk)
    if request.status in (SWVRequest.Status.DECIDED, SWVRequest.Status.WITHDRAWN):
        raise ValidationError({"outcome": _("Over deze aanvraag is al besloten.")})
    if outcome not in (SWVRequest.Outcome.ARRANGEMENT, SWVRequest.Outcome.TLV, SWVRequest.Outcome.REJECTED):
        raise ValidationError({"outcome": _("Kies het besluit.")})
    motivation = _text(motivation, "motivation", _("Motiveer het besluit."))
    request.arrangement = request.tlv_school_type = request.tlv_category = ""
    request.valid_from = request.valid_until = None
    if outcome == SWVRequest.Outcome.ARRANGEMENT:
        request.arrangement = _text(arrangement, "arrangement", _("Beschrijf wat het arrangement inhoudt."))
        request.valid_from, request.valid_until = valid_from, valid_until
    elif outcome == SWVRequest.Outcome.TLV:
        missing = terms.tlv_advice_missing(_advice_expertises(request))
        if missing:
            raise ValidationError({"outcome": " ".join(missing)})
        if tlv_school_type not in SWVRequest.SchoolType.values:
            raise ValidationError({"tlv_school_type": _("Kies de soort school van de TLV.")})
        if tlv_category not in SWVRequest.TLVCategory.values:
            raise ValidationError({"tlv_category": _("Kies de categorie van de TLV.")})
        if valid_from is None:
            raise ValidationError({"valid_from": _("Vul in vanaf wanneer de TLV geldt.")})
        if valid_until is None or valid_until < valid_from:
            raise ValidationError({"valid_until": _("Vul in tot wanneer de TLV geldt (na de begindatum).")})
        request.tlv_school_type, request.tlv_category = tlv_school_type, tlv_category
        request.valid_from, request.valid_until = valid_from, valid_until
    if request.valid_from and request.valid_until and request.valid_until < request.valid_from:
        raise ValidationError({"valid_until": _("De einddatum ligt vóór de begindatum.")})
    request.outcome, request.motivation = outcome, motivation
    request.status, request.decided_on, request.decided_by = (
        SWVRequest.Status.DECIDED,
        timezone.localdate(),
        professional,
    )
    request.save()
    _log(
        actor,
        request.youth,
        rules.swv_grant(function, request),
        Event.UPDATE,
        access_point,
        f"besluit CAT op {request.reference}: {request.get_outcome_display().lower()}",
        f"swvrequest:{request.pk}",
    )
    return request


@audited_atomic
def swv_request_withdraw(*, actor, request: SWVRequest, access_point: AccessPoint) -> SWVRequest:
    _sa, grant = rules.school_change(
        actor, request.youth, request.school, rules.SCHOOL_LEAD_FUNCTIONS, access_point, _("Intrekken doet de school.")
    )
    request = SWVRequest.objects.select_for_update().get(pk=request.pk)
    if request.status == SWVRequest.Status.DECIDED:
        raise ValidationError({"status": _("Over deze aanvraag is al besloten.")})
    request.status = SWVRequest.Status.WITHDRAWN
    request.save(update_fields=["status"])
    _log(
        actor,
        request.youth,
        grant,
        Event.UPDATE,
        access_point,
        f"aanvraag {request.reference} ingetrokken",
        f"swvrequest:{request.pk}",
    )
    return request


# --- ambulante begeleiding --------------------------------------------------------------------------------


@audited_atomic
def ab_assign(
    *,
    actor,
    youth: Youth,
    school: Organisation,
    ab: Professional,
    question: str,
    consent_given_by: str,
    consent_on: date | None,
    access_point: AccessPoint,
    starts_on: date | None = None,
    request: SWVRequest | None = None,
) -> ABAssignment:
    """Assign an ambulant begeleider of the school's SWV to a pupil: the pupil's IB'er or the
    coördinator of the SWV (on a request of that pupil). Refused without the recorded consent of
    those who decide at the pupil's age, or while the family withholds school support from the SWV."""
    profile = SupportProfile.objects.filter(school=school).select_related("samenwerkingsverband").first()
    swv = profile.samenwerkingsverband if profile else None
    coordinator = rules.swv_coordinator(actor, swv.pk) if swv else None
    if coordinator is not None and request is not None and request.youth_id == youth.pk and request.swv_id == swv.pk:
        grant = rules.swv_grant(coordinator[1], request)
        assigned_by = coordinator[0]
    else:
        sa, grant = rules.school_change(
            actor,
            youth,
            school,
            rules.IB_FUNCTIONS,
            access_point,
            _("Ambulante begeleiding vraagt de intern begeleider aan."),
        )
        assigned_by = sa.professional
    if swv is None:
        raise ValidationError({"ab": _("De school hoort bij geen samenwerkingsverband.")})
    if ab.organisation_id != swv.pk or rules.AB_FUNCTION not in policy.function_codes(ab) or ab.has_left():
        raise ValidationError({"ab": _("Kies een ambulant begeleider van %(swv)s.") % {"swv": swv.name}})
    _consent_covers(youth, consent_given_by, consent_on, by_field="consent_given_by", on_field="consent_on")
    today = timezone.localdate()
    if Category.SCHOOL_SUPPORT in consents.withheld(youth, swv.pk, today=today):
        raise ValidationError(
            {
                "consent_given_by": _(
                    "Het gezin heeft het delen van onderwijsondersteuning met het samenwerkingsverband ingetrokken."
                )
            }
        )
    starts_on = starts_on or today
    if starts_on < consent_on:
        raise ValidationError({"starts_on": _("De begeleiding start niet vóór de toestemming.")})
    if ABAssignment.objects.active(starts_on).filter(youth=youth, ab=ab).exists():
        raise ValidationError({"ab": _("Deze ambulant begeleider is al aan de leerling toegewezen.")})
    assignment = ABAssignment.objects.create(
        youth=youth,
        school=school,
        ab=ab,
        request=request,
        question=_text(question, "question", _("Beschrijf de hulpvraag voor de ambulant begeleider.")),
        consent_given_by=consent_given_by,
        consent_on=consent_on,
        starts_on=starts_on,
        assigned_by=assigned_by,
    )
    _log(
        actor,
        youth,
        grant,
        Event.CREATE,
        access_point,
        f"ambulant begeleider {ab.name} toegewezen (toestemming {consent_on:%d-%m-%Y})",
        f"abassignment:{assignment.pk}",
    )
    return assignment


@audited_atomic
def ab_note_add(
    *,
    actor,
    assignment: ABAssignment,
    kind: str,
    text: str,
    access_point: AccessPoint,
    held_on: date | None = None,
) -> SupportNote:
    """The AB'er logs an observation, a conversation with teacher or pupil, or a parents' meeting."""
    youth = assignment.youth
    access = policy.access_for(actor, youth)
    grant = access.grant(Category.SCHOOL_SUPPORT, Action.CHANGE)
    professional = policy.professional_of(actor)
    if (
        grant is None
        or grant.ground != Ground.AB_ASSIGNMENT
        or professional is None
        or assignment.ab_id != professional.pk
    ):
        rules.refuse(actor, youth, access_point, "ambulante begeleiding")
    if not assignment.is_active():
        raise ValidationError({"kind": _("Deze begeleiding is beëindigd.")})
    if kind not in SupportNote.AB_KINDS:
        raise ValidationError({"kind": _("Kies wat u vastlegt.")})
    note = SupportNote.objects.create(
        youth=youth,
        school=assignment.school,
        assignment=assignment,
        kind=kind,
        held_on=_not_future(held_on, "held_on", _("De datum")),
        text=_text(text, "text", _("Schrijf op wat u zag of besprak.")),
        author=professional,
        author_function=grant.function,
    )
    _log(
        actor,
        youth,
        grant,
        Event.CREATE,
        access_point,
        f"ambulante begeleiding: {note.get_kind_display().lower()}",
        f"note:{note.pk}",
    )
    return note


@audited_atomic
def ab_end(*, actor, assignment: ABAssignment, access_point: AccessPoint, ends_on: date | None = None) -> ABAssignment:
    """The IB'er of the school ends the ambulante begeleiding."""
    _sa, grant = rules.school_change(
        actor,
        assignment.youth,
        assignment.school,
        rules.IB_FUNCTIONS,
        access_point,
        _("Dit doet de intern begeleider."),
    )
    assignment = ABAssignment.objects.select_for_update().get(pk=assignment.pk)
    ends_on = ends_on or timezone.localdate()
    if assignment.ends_on is not None:
        raise ValidationError({"ends_on": _("Deze begeleiding is al beëindigd.")})
    if ends_on < assignment.starts_on:
        raise ValidationError({"ends_on": _("De einddatum ligt vóór de start.")})
    assignment.ends_on = ends_on
    assignment.save(update_fields=["ends_on"])
    _log(
        actor,
        assignment.youth,
        grant,
        Event.UPDATE,
        access_point,
        "ambulante begeleiding beëindigd",
        f"abassignment:{assignment.pk}",
    )
    return assignment


# --- the GGD at school --------------------------------------------------------------------------------------


@audited_atomic
def ggd_consult_ask(
    *,
    actor,
    professional: Professional,
    question: str,
    access_point: AccessPoint,
    school: Organisation | None = None,
    youth: Youth | None = None,
    age_group: str = "",
    consent_given_by: str = "",
    consent_on: date | None = None,
    signal: PupilSignal | None = None,
) -> GGDConsultation:
    """Consult the GGD. A school's IB'er or teacher asks the jeugdverpleegkundige or jeugdarts:
    anonymously (school, age group and question only) or about a named pupil once the consent is
    recorded. The GGD itself records a question the parents asked the jeugdarts."""
    if (
        professional.organisation.kind != Organisation.Kind.GGD
        or not policy.function_codes(professional) & rules.GGD_FUNCTIONS
    ):
        raise ValidationError({"professional": _("Kies een jeugdverpleegkundige of jeugdarts van de GGD.")})
    question = _text(question, "question", _("Schrijf de vraag op."))
    asker = policy.professional_of(actor)
    ggd_self = rules.ggd_function(actor, professional.organisation_id)
    grant = None
    if ggd_self is not None and school is None:
        # The parents asked the GGD themselves: the GGD records it about their child.
        if youth is None:
            raise ValidationError({"youth": _("Kies de jeugdige over wie de ouders vragen.")})
        if not policy.access_for(actor, youth).can(Category.IDENTITY):
            rules.refuse(actor, youth, access_point, "consultatie GGD")
        asked_by_kind, asked_by = GGDConsultation.AskedBy.PARENTS, asker
        consent_given_by = consent_given_by or consent.consent_needed_from(youth.age())
        consent_on = consent_on or timezone.localdate()
        grant = policy.Grant(
            Category.HEALTH, Ground.GGD_CONSULTATION, ggd_self[1], professional.organisation.name, True
        )
    else:
        if asker is None or school is None or asker.organisation_id != school.pk:
            raise NotFoundOrForbidden
        codes = policy.function_codes(asker) & rules.SIGNAL_FUNCTIONS
        if not codes:
            raise NotAllowed(_("De GGD raadplegen doen leerkrachten en IB'ers."))
        asked_by_kind, asked_by = GGDConsultation.AskedBy.SCHOOL, asker
        if youth is not None:
            _sa, grant = rules.school_change(
                actor,
                youth,
                school,
                rules.SIGNAL_FUNCTIONS,
                access_point,
                _("De GGD raadplegen doen leerkrachten en IB'ers."),
            )
            _consent_covers(youth, consent_given_by, consent_on, by_field="consent_given_by", on_field="consent_on")
            withheld = consents.withheld(youth, professional.organisation_id, today=timezone.localdate())
            if Category.SCHOOL_SUPPORT in withheld:
                raise ValidationError(
                    {"consent_given_by": _("Het gezin deelt geen onderwijsondersteuning met de GGD.")}
                )
            age_group = ""
        else:
            if age_group not in GGDConsultation.AgeGroup.values:
                raise ValidationError(
                    {"age_group": _("Kies de leeftijdsgroep (een anonieme vraag noemt geen leerling).")}
                )
            consent_given_by, consent_on, signal = "", None, None
    consultation = GGDConsultation.objects.create(
        ggd=professional.organisation,
        professional=professional,
        asked_by_kind=asked_by_kind,
        asked_by=asked_by,
        school=school,
        signal=signal,
        youth=youth,
        age_group=age_group,
        question=question,
        consent_given_by=consent_given_by,
        consent_on=consent_on,
    )
    if youth is not None:
        _log(
            actor,
            youth,
            grant,
            Event.CREATE,
            access_point,
            f"consultatie GGD ({professional.name}) met toestemming",
            f"ggdconsultation:{consultation.pk}",
            categories=(S, Category.HEALTH) if school else (Category.HEALTH,),
        )
    return consultation


def _ggd_grant(actor, consultation: GGDConsultation, access_point: AccessPoint) -> tuple[Professional, policy.Grant]:
    """A jeugdverpleegkundige or jeugdarts of the consultation's GGD; on a named pupil, through
    the policy (the family may have withdrawn the GGD's consent)."""
    found = rules.ggd_function(actor, consultation.ggd_id)
    if found is None:
        if consultation.youth is not None:
            rules.refuse(actor, consultation.youth, access_point, "consultatie GGD")
        raise NotFoundOrForbidden
    professional, function = found
    if consultation.youth is None:
        return professional, policy.Grant(Category.HEALTH, Ground.GGD_CONSULTATION, function, "", True)
    grant = policy.access_for(actor, consultation.youth).grant(Category.HEALTH, Action.CHANGE)
    if grant is None:
        rules.refuse(actor, consultation.youth, access_point, "consultatie GGD")
    return professional, grant


@audited_atomic
def ggd_consult_answer(
    *, actor, consultation: GGDConsultation, advice: str, access_point: AccessPoint
) -> GGDConsultation:
    _professional, grant = _ggd_grant(actor, consultation, access_point)
    consultation = GGDConsultation.objects.select_for_update().get(pk=consultation.pk)
    consultation.advice = _text(advice, "advice", _("Schrijf het advies op."))
    consultation.status = GGDConsultation.Status.ANSWERED
    consultation.answered_on = timezone.localdate()
    consultation.save(update_fields=["advice", "status", "answered_on"])
    if consultation.youth is not None:
        _log(
            actor,
            consultation.youth,
            grant,
            Event.UPDATE,
            access_point,
            "advies GGD gegeven",
            f"ggdconsultation:{consultation.pk}",
            categories=(Category.HEALTH,),
        )
    return consultation


@audited_atomic
def ggd_note_add(
    *,
    actor,
    consultation: GGDConsultation,
    kind: str,
    text: str,
    access_point: AccessPoint,
    held_on: date | None = None,
    shared_with_school: bool = False,
    share_consent_by: str = "",
) -> GGDNote:
    """A GGD note on a named pupil: contact with parents, parenting support, advice to involve the
    jeugdarts, an orthopedagoog or the huisarts. Shared with the school only with consent."""
    if consultation.youth is None:
        raise ValidationError({"kind": _("Bij een anonieme vraag worden geen notities over een leerling bewaard.")})
    professional, grant = _ggd_grant(actor, consultation, access_point)
    if kind not in GGDNote.Kind.values or kind == GGDNote.Kind.SAMEN_DOEN:
        raise ValidationError({"kind": _("Kies de soort notitie.")})
    youth = consultation.youth
    if shared_with_school:
        if consultation.school_id is None:
            raise ValidationError({"shared_with_school": _("Deze vraag kwam niet van een school.")})
        if not share_consent_by or not consent.covers(share_consent_by, youth.age()):
            raise ValidationError(
                {
                    "share_consent_by": _("Delen met school kan alleen met toestemming van: %(who)s.")
                    % {"who": str(consent.LABELS[consent.consent_needed_from(youth.age())]).lower()}
                }
            )
    else:
        share_consent_by = ""
    note = GGDNote.objects.create(
        consultation=consultation,
        youth=youth,
        kind=kind,
        held_on=_not_future(held_on, "held_on", _("De datum")),
        text=_text(text, "text", _("Schrijf de notitie op.")),
        shared_with_school=shared_with_school,
        share_consent_by=share_consent_by,
        author=professional,
        author_function=grant.function,
    )
    _log(
        actor,
        youth,
        grant,
        Event.CREATE,
        access_point,
        f"notitie GGD: {note.get_kind_display().lower()}" + (" (gedeeld met school)" if shared_with_school else ""),
        f"ggdnote:{note.pk}",
        categories=(Category.HEALTH,),
    )
    return note


@audited_atomic
def ggd_register_samen_doen(
    *,
    actor,
    consultation: GGDConsultation,
    question: str,
    consent_by: str,
    consent_on: date | None,
    access_point: AccessPoint,
):
    """With the parents and the school, the GGD registers the pupil at Samen Doen: a help request
    through the intake's own service, and a note that says so."""
    from jeugdketen.intake import services as intake
    from jeugdketen.intake.models import HelpRequest

    if consultation.youth is None:
        raise ValidationError({"question": _("Aanmelden kan alleen over een leerling met naam (met toestemming).")})
    professional, grant = _ggd_grant(actor, consultation, access_point)
    youth = consultation.youth
    request = intake.request_register(
        actor=actor,
        data=intake.RequestData(
            municipality=youth.municipality,
            question=_text(question, "question", _("Schrijf de hulpvraag op.")),
            first_name=youth.first_name,
            last_name=youth.last_name,
            date_of_birth=youth.date_of_birth,
            requester_kind=HelpRequest.Requester.JGZ,
            requester_name=professional.name,
            requester_phone=professional.phone,
            requester_email=professional.email or professional.user.email,
            consent_by=consent_by,
            consent_on=consent_on,
        ),
        source=HelpRequest.Source.PROFESSIONAL,
        access_point=access_point,
        youth=youth,
    )
    note = GGDNote.objects.create(
        consultation=consultation,
        youth=youth,
        kind=GGDNote.Kind.SAMEN_DOEN,
        held_on=timezone.localdate(),
        text=_("Aangemeld bij Samen Doen met de ouders en de school (%(ref)s): %(q)s")
        % {"ref": request.reference, "q": question.strip()},
        help_request=request,
        author=professional,
        author_function=grant.function,
    )
    _log(
        actor,
        youth,
        grant,
        Event.CREATE,
        access_point,
        f"aangemeld bij Samen Doen ({request.reference})",
        f"ggdnote:{note.pk}",
        categories=(Category.HEALTH,),
    )
    return request
