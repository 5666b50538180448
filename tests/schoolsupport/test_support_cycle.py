"""The school's support cycle (HGW) through the services: the leerkracht's signal and the
conversations and basic support around it, the IB'er's consultation, the handelingsplan and its
evaluation, the OPP (prefilled, complete before it is set, the parents' agreement with the
handelingsdeel, the yearly evaluation), and a leefvraag that brings in the GGD. Each change is
logged on the school ground."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils.formats import date_format

from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.services import CLI
from jeugdketen.schoolsupport import services
from jeugdketen.schoolsupport.models import (
    OPP,
    Consultation,
    GGDConsultation,
    PlanEvaluation,
    PupilSignal,
    SupportGoal,
    SupportNote,
    SupportPlan,
)

from .conftest import OPP_CONTENT, consult, days_ago, evaluate, log_of, make_plan, note, opp_draft, opp_final, signal

pytestmark = pytest.mark.django_db


def assert_logged_on_school_ground(entry, youth, professional, event, code, *object_ids):
    assert (entry.youth_id, entry.event, entry.ground, entry.user_id) == (
        youth.pk,
        event,
        "school",
        professional.user_id,
    )
    assert (entry.function_code, entry.ground_detail, entry.categories) == (code, "OBS De Vecht", ["school"])
    assert entry.object_ids == list(object_ids)
    assert entry.channel == "cli"


# --- the signal and basic support --------------------------------------------------------------------------


def test_a_teacher_records_a_signal_about_a_pupil_of_her_school(people, noah):
    sig = signal(people.teacher, noah, area="leren", observation="Noah leest twee niveaus onder de groep.")
    assert (sig.youth, sig.school, sig.raised_by, sig.area) == (noah, people.school, people.teacher, "leren")
    assert (sig.status, sig.observed_on) == (PupilSignal.Status.OPEN, days_ago(0))
    (entry,) = log_of(noah)
    assert_logged_on_school_ground(entry, noah, people.teacher, "create", "leerkracht", f"signal:{sig.pk}")
    assert entry.description == "signaal (leren)"


def test_a_signal_needs_an_area_an_observation_and_no_date_in_the_future(people, noah):
    with pytest.raises(ValidationError) as error:
        signal(people.teacher, noah, area="rekenen")
    assert error.value.message_dict == {"area": ["Kies waar het signaal over gaat."]}
    with pytest.raises(ValidationError) as error:
        signal(people.teacher, noah, observation="   ")
    assert error.value.message_dict == {"observation": ["Beschrijf wat u ziet."]}
    with pytest.raises(ValidationError) as error:
        signal(people.teacher, noah, observed_on=days_ago(-1))
    assert error.value.message_dict == {"observed_on": ["De datum ligt in de toekomst."]}
    assert not PupilSignal.objects.exists() and not log_of(noah).exists()


def test_the_teacher_records_the_conversations_with_pupil_and_parents_and_the_basic_support(people, noah):
    sig = signal(people.teacher, noah)
    talk = note(people.teacher, noah, SupportNote.Kind.PUPIL_TALK, "Noah zegt dat het buiten misgaat.", signal=sig)
    parents = note(people.teacher, noah, SupportNote.Kind.PARENT_TALK, "Moeder herkent het.", held_on=days_ago(2))
    basic = note(people.teacher, noah, SupportNote.Kind.BASIC_SUPPORT, "Pauze binnen met een maatje.", signal=sig)
    assert [(n.kind, n.school, n.author, n.author_function.code) for n in (talk, parents, basic)] == [
        ("gesprek_leerling", people.school, people.teacher, "leerkracht"),
        ("gesprek_ouders", people.school, people.teacher, "leerkracht"),
        ("basisondersteuning", people.school, people.teacher, "leerkracht"),
    ]
    assert (talk.signal, parents.signal, parents.held_on) == (sig, None, days_ago(2))
    entries = list(log_of(noah))
    assert len(entries) == 4
    for entry, item in zip(entries[1:], (talk, parents, basic), strict=True):
        assert_logged_on_school_ground(entry, noah, people.teacher, "create", "leerkracht", f"note:{item.pk}")
    assert [e.description for e in entries[1:]] == [
        "gesprek met de leerling",
        "gesprek met de ouders",
        "gegeven basisondersteuning",
    ]


def test_the_school_does_not_record_what_the_ambulant_begeleider_records(people, noah):
    with pytest.raises(ValidationError) as error:
        note(people.teacher, noah, SupportNote.Kind.OBSERVATION, "Observatie in de klas.")
    assert list(error.value.message_dict) == ["kind"]
    assert not SupportNote.objects.exists()


# --- the consultation and the handelingsplan ----------------------------------------------------------------


def test_the_ib_records_a_consultation_with_a_handelingsplan_as_outcome(people, noah):
    sig = signal(people.teacher, noah)
    consultation = consult(people.ib, sig, note="Eerst zes weken een plan.", further="swv")
    assert (consultation.ib, consultation.question, consultation.outcome) == (people.ib, "leervraag", "handelingsplan")
    assert consultation.further == ""  # only with the outcome "verder"
    sig.refresh_from_db()
    assert sig.status == PupilSignal.Status.CONSULTED
    entry = log_of(noah).last()
    assert_logged_on_school_ground(
        entry, noah, people.ib, "create", "intern_begeleider", f"signal:{sig.pk}", f"consultation:{consultation.pk}"
    )
    assert entry.description == "consultatie: leervraag, extra ondersteuning in een handelingsplan"


def test_basic_support_that_is_enough_closes_the_signal(people, noah):
    sig = signal(people.teacher, noah)
    consult(people.ib, sig, outcome="voldoende")
    sig.refresh_from_db()
    assert sig.status == PupilSignal.Status.CLOSED


def test_a_signal_is_consulted_once(people, noah):
    sig = signal(people.teacher, noah)
    consult(people.ib, sig)
    with pytest.raises(ValidationError) as error:
        consult(people.ib, PupilSignal.objects.get(pk=sig.pk), outcome="voldoende")
    assert error.value.message_dict == {"outcome": ["Over dit signaal is al geconsulteerd."]}


def test_further_needs_where_to(people, noah):
    sig = signal(people.teacher, noah)
    with pytest.raises(ValidationError) as error:
        consult(people.ib, sig, outcome="verder")
    assert error.value.message_dict == {"further": ["Kies waar de vraag verder naartoe gaat."]}
    assert consult(people.ib, sig, outcome="verder", further="orthopedagoog").further == "orthopedagoog"


def test_the_teacher_does_not_consult_and_the_refusal_is_logged(people, noah):
    sig = signal(people.teacher, noah)
    with pytest.raises(NotAllowed) as error:
        consult(people.teacher, sig)
    assert error.value.message == "De consultatie voert de intern begeleider."
    assert not Consultation.objects.exists()
    refusal = log_of(noah, event="refused").get()
    assert (refusal.user_id, refusal.description) == (
        people.teacher.user_id,
        "De consultatie voert de intern begeleider.",
    )


def test_the_ib_writes_a_handelingsplan_with_goals(people, noah):
    sig = signal(people.teacher, noah)
    consult(people.ib, sig)
    plan = make_plan(people.ib, noah, sig=sig, goals=["  Leest AVI E5 in juni ", "", "Vraagt om hulp"])
    assert (plan.youth, plan.school, plan.signal, plan.status) == (noah, people.school, sig, SupportPlan.Status.ACTIVE)
    assert [(g.text, g.order, g.result) for g in plan.goals.all()] == [
        ("Leest AVI E5 in juni", 0, ""),
        ("Vraagt om hulp", 1, ""),
    ]
    entry = log_of(noah).last()
    assert_logged_on_school_ground(entry, noah, people.ib, "create", "intern_begeleider", f"supportplan:{plan.pk}")
    assert entry.description == "handelingsplan: Rustig werken na de pauze"


def test_a_handelingsplan_needs_a_goal_and_a_sensible_timeline(people, noah):
    with pytest.raises(ValidationError) as error:
        make_plan(people.ib, noah, goals=["  "])
    assert error.value.message_dict == {"goals": ["Schrijf ten minste één doel op."]}
    with pytest.raises(ValidationError) as error:
        make_plan(people.ib, noah, starts_on=days_ago(10), ends_on=days_ago(20))
    assert error.value.message_dict == {"ends_on": ["Het plan loopt tot een datum na de start."]}
    with pytest.raises(ValidationError) as error:
        make_plan(people.ib, noah, starts_on=days_ago(10), evaluate_on=days_ago(11))
    assert error.value.message_dict == {"evaluate_on": ["De evaluatiedatum ligt na de start."]}
    assert not SupportPlan.objects.exists() and not SupportGoal.objects.exists()


def test_the_teacher_does_not_write_the_handelingsplan(people, noah):
    with pytest.raises(NotAllowed):
        make_plan(people.teacher, noah)
    assert not SupportPlan.objects.exists()


def test_an_evaluation_that_continues_needs_the_next_evaluation_date(people, noah):
    plan = make_plan(people.ib, noah, starts_on=days_ago(50), ends_on=days_ago(5))
    with pytest.raises(ValidationError) as error:
        evaluate(people.ib, plan, next_evaluate_on=None)
    assert error.value.message_dict == {"next_evaluate_on": ["Vul de volgende evaluatiedatum in, na deze evaluatie."]}
    with pytest.raises(ValidationError):
        evaluate(people.ib, plan, held_on=days_ago(1), next_evaluate_on=days_ago(1))
    assert not PlanEvaluation.objects.exists()

    first, second = plan.goals.all()
    next_on = days_ago(-42)
    evaluation = evaluate(
        people.ib,
        plan,
        next_evaluate_on=next_on,
        with_parents=True,
        with_teacher=True,
        results={first.pk: "behaald", second.pk: "deels"},
    )
    plan.refresh_from_db()
    assert (plan.status, plan.evaluate_on, plan.ends_on) == (SupportPlan.Status.ACTIVE, next_on, next_on)
    assert [g.result for g in plan.goals.all()] == ["behaald", "deels"]
    assert (evaluation.next_step, evaluation.with_parents, evaluation.recorded_by) == ("doorgaan", True, people.ib)
    entry = log_of(noah).last()
    assert_logged_on_school_ground(
        entry, noah, people.ib, "create", "intern_begeleider", f"supportplan:{plan.pk}", f"evaluation:{evaluation.pk}"
    )


def test_an_evaluation_that_closes_ends_the_plan(people, noah):
    plan = make_plan(people.ib, noah)
    evaluate(people.ib, plan, next_step="afsluiten", conclusion="De doelen zijn bereikt.")
    plan.refresh_from_db()
    assert plan.status == SupportPlan.Status.CLOSED
    with pytest.raises(ValidationError) as error:
        evaluate(people.ib, plan, next_step="afsluiten")
    assert error.value.message_dict == {"next_step": ["Dit handelingsplan is al afgesloten."]}
    assert plan.evaluations.count() == 1


def test_an_evaluation_is_not_before_the_plan_started(people, noah):
    plan = make_plan(people.ib, noah, starts_on=days_ago(10))
    with pytest.raises(ValidationError) as error:
        evaluate(people.ib, plan, held_on=days_ago(11), next_step="afsluiten")
    assert error.value.message_dict == {"held_on": ["De evaluatie ligt vóór de start van het plan."]}


# --- the OPP ---------------------------------------------------------------------------------------------


def day(days: int) -> str:
    return date_format(days_ago(days), "j F Y")


def test_the_opp_starts_with_the_history_the_school_recorded_in_date_order(people, noah):
    sig = signal(people.teacher, noah, observed_on=days_ago(100), observation="Onrustig na de pauze.")
    note(people.teacher, noah, SupportNote.Kind.PUPIL_TALK, "Het gaat mis op het plein.", held_on=days_ago(95))
    note(people.teacher, noah, SupportNote.Kind.BASIC_SUPPORT, "Pauze binnen.", held_on=days_ago(85))
    consult(people.ib, sig, held_on=days_ago(80), note="Zes weken een plan.")
    plan = make_plan(people.ib, noah, sig=sig, starts_on=days_ago(75), ends_on=days_ago(19), goals=["Rustig spelen"])
    evaluate(people.ib, plan, held_on=days_ago(20), conclusion="Beter.", next_evaluate_on=days_ago(-30))
    # Recorded last, but held before the pupil talk: it comes second.
    note(people.teacher, noah, SupportNote.Kind.PARENT_TALK, "Moeder herkent het.", held_on=days_ago(98))

    opp = services.opp_create(actor=people.ib.user, youth=noah, enrolled_on=days_ago(10), access_point=CLI)

    plan.refresh_from_db()
    assert opp.history.splitlines() == [
        f"{day(100)} — Signaal (gedrag): Onrustig na de pauze.",
        f"{day(98)} — Gesprek met de ouders: Moeder herkent het.",
        f"{day(95)} — Gesprek met de leerling: Het gaat mis op het plein.",
        f"{day(85)} — Gegeven basisondersteuning: Pauze binnen.",
        f"{day(80)} — Consultatie IB: leervraag; extra ondersteuning in een handelingsplan. Zes weken een plan.",
        f"{day(75)} — Handelingsplan “Rustig werken na de pauze” tot {date_format(plan.ends_on, 'j F Y')}. "
        "Doelen: Rustig spelen. Aanpak: Een vaste plek, een time-timer en een dagelijks kort gesprek.",
        f"{day(20)} — Evaluatie “Rustig werken na de pauze”: Beter. (doorgaan met een nieuwe evaluatiedatum)",
    ]
    assert (opp.status, opp.school, opp.created_by) == (OPP.Status.DRAFT, people.school, people.ib)
    entry = log_of(noah).last()
    assert_logged_on_school_ground(entry, noah, people.ib, "create", "intern_begeleider", f"opp:{opp.pk}")


def test_one_draft_opp_at_a_time_and_not_by_the_teacher(people, noah):
    opp_draft(people.ib, noah)
    with pytest.raises(ValidationError) as error:
        opp_draft(people.head, noah)
    assert error.value.message_dict == {"enrolled_on": ["Er is al een concept-OPP voor deze leerling."]}
    with pytest.raises(NotAllowed):
        opp_draft(people.teacher, noah)
    assert OPP.objects.count() == 1


def test_the_opp_is_not_set_while_the_legal_content_is_missing(people, noah):
    opp = opp_draft(people.ib, noah, uitstroom="vervolgonderwijs", afwijkingen="Eigen leerlijn rekenen.")
    with pytest.raises(ValidationError) as error:
        services.opp_finalise(actor=people.ib.user, opp=opp, access_point=CLI)
    assert error.value.message_dict == {
        "status": [
            "Het OPP mist nog wat de wet vraagt: verwachte uitstroombestemming, onderbouwing van het "
            "uitstroomperspectief, belemmerende factoren, bevorderende factoren, te bieden ondersteuning en "
            "begeleiding."
        ]
    }
    opp.refresh_from_db()
    assert (opp.status, opp.finalised_on) == (OPP.Status.DRAFT, None)


def test_a_complete_opp_is_set(people, noah):
    opp = opp_draft(people.ib, noah, **OPP_CONTENT)
    opp = services.opp_finalise(actor=people.head.user, opp=opp, access_point=CLI)
    opp.refresh_from_db()
    assert (opp.status, opp.finalised_on, opp.finalised_by) == (OPP.Status.FINAL, days_ago(0), people.head)
    entry = log_of(noah).last()
    assert_logged_on_school_ground(entry, noah, people.head, "update", "schoolleider", f"opp:{opp.pk}")
    assert entry.description == "OPP vastgesteld"
    with pytest.raises(ValidationError) as error:
        services.opp_finalise(actor=people.head.user, opp=opp, access_point=CLI)
    assert error.value.message_dict == {"status": ["Dit OPP is al vastgesteld."]}


def test_a_set_opp_is_not_changed(people, noah):
    opp = opp_final(people.ib, noah)
    with pytest.raises(ValidationError) as error:
        services.opp_update(actor=people.ib.user, opp=opp, access_point=CLI, afwijkingen="Toch anders.")
    assert list(error.value.message_dict) == ["status"]
    opp.refresh_from_db()
    assert opp.afwijkingen == OPP_CONTENT["afwijkingen"]


def test_the_parents_agree_with_the_handelingsdeel_so_there_must_be_one(people, noah):
    opp = opp_draft(people.ib, noah)
    with pytest.raises(ValidationError) as error:
        services.opp_consent_record(
            actor=people.ib.user, opp=opp, consent_by="Marloes Jansen", consent_on=days_ago(1), access_point=CLI
        )
    assert error.value.message_dict == {
        "handelingsdeel": ["Vul eerst het handelingsdeel in: daar stemmen de ouders mee in."]
    }

    services.opp_update(actor=people.ib.user, opp=opp, access_point=CLI, handelingsdeel="Doelen en aanpak.")
    with pytest.raises(ValidationError) as error:
        services.opp_consent_record(
            actor=people.ib.user, opp=opp, consent_by="Marloes Jansen", consent_on=days_ago(-1), access_point=CLI
        )
    assert list(error.value.message_dict) == ["consent_on"]
    opp = services.opp_consent_record(
        actor=people.ib.user, opp=opp, consent_by="Marloes Jansen", consent_on=days_ago(1), access_point=CLI
    )
    opp.refresh_from_db()
    assert (opp.consent_by, opp.consent_on, opp.consent_recorded_by) == ("Marloes Jansen", days_ago(1), people.ib)
    entry = log_of(noah).last()
    assert_logged_on_school_ground(entry, noah, people.ib, "update", "intern_begeleider", f"opp:{opp.pk}")
    assert entry.description == "instemming ouders met handelingsdeel OPP"


def consented_draft(people, youth):
    opp = opp_draft(people.ib, youth, **OPP_CONTENT)
    return services.opp_consent_record(
        actor=people.ib.user, opp=opp, consent_by="Marloes Jansen", consent_on=days_ago(1), access_point=CLI
    )


def test_a_changed_handelingsdeel_needs_the_parents_agreement_again(people, noah):
    opp = consented_draft(people, noah)
    services.opp_update(actor=people.ib.user, opp=opp, access_point=CLI, handelingsdeel="Andere doelen.")
    opp.refresh_from_db()
    assert (opp.handelingsdeel, opp.consent_on, opp.consent_by, opp.consent_recorded_by) == (
        "Andere doelen.",
        None,
        "",
        None,
    )
    entry = log_of(noah).last()
    assert_logged_on_school_ground(entry, noah, people.ib, "update", "intern_begeleider", f"opp:{opp.pk}")


def test_changing_other_content_keeps_the_agreement(people, noah):
    opp = consented_draft(people, noah)
    services.opp_update(actor=people.ib.user, opp=opp, access_point=CLI, bevorderende_factoren="Sportief.")
    opp.refresh_from_db()
    assert (opp.bevorderende_factoren, opp.consent_on) == ("Sportief.", days_ago(1))


def test_saving_the_opp_with_the_same_handelingsdeel_keeps_the_agreement(people, noah):
    """A form that saves every field of the OPP sends the handelingsdeel along unchanged: the
    parents agreed with exactly that text, so their agreement stands."""
    opp = consented_draft(people, noah)
    services.opp_update(
        actor=people.ib.user,
        opp=opp,
        access_point=CLI,
        **{**OPP_CONTENT, "bevorderende_factoren": "Sportief."},
    )
    opp.refresh_from_db()
    assert opp.consent_on == days_ago(1)


def test_only_a_set_opp_is_evaluated(people, noah):
    draft = opp_draft(people.ib, noah, **OPP_CONTENT)
    with pytest.raises(ValidationError) as error:
        services.opp_evaluate(
            actor=people.ib.user, opp=draft, held_on=days_ago(0), conclusion="Te vroeg.", access_point=CLI
        )
    assert error.value.message_dict == {"held_on": ["Een OPP wordt geëvalueerd nadat het is vastgesteld."]}

    opp = services.opp_finalise(actor=people.ib.user, opp=draft, access_point=CLI, finalised_on=days_ago(30))
    with pytest.raises(ValidationError) as error:
        services.opp_evaluate(
            actor=people.ib.user, opp=opp, held_on=days_ago(31), conclusion="Vóór vaststelling.", access_point=CLI
        )
    assert list(error.value.message_dict) == ["held_on"]
    evaluation = services.opp_evaluate(
        actor=people.ib.user, opp=opp, held_on=days_ago(1), conclusion="Perspectief blijft staan.", access_point=CLI
    )
    assert (evaluation.opp, evaluation.with_parents, evaluation.recorded_by) == (opp, True, people.ib)
    entry = log_of(noah).last()
    assert_logged_on_school_ground(
        entry, noah, people.ib, "create", "intern_begeleider", f"opp:{opp.pk}", f"oppevaluation:{evaluation.pk}"
    )


# --- a leefvraag brings in the GGD ----------------------------------------------------------------------------


def test_a_leefvraag_without_a_ggd_contact_is_refused_and_saves_nothing(people, noah):
    sig = signal(people.teacher, noah)
    logged_before = log_of(noah).count()
    with pytest.raises(ValidationError) as error:
        consult(people.ib, sig, question="leefvraag", ggd_question="Slaapt Noah genoeg?")
    assert error.value.message_dict == {
        "question": ["De school heeft geen contactpersoon bij de GGD. Vul die in het schoolondersteuningsprofiel in."]
    }
    assert not Consultation.objects.exists() and not GGDConsultation.objects.exists()
    assert PupilSignal.objects.get(pk=sig.pk).status == PupilSignal.Status.OPEN
    assert log_of(noah).count() == logged_before


def test_a_leefvraag_asks_the_jeugdverpleegkundige_anonymously(people, profile, noah):
    sig = signal(people.teacher, noah)
    consultation = consult(
        people.ib, sig, question="leefvraag", outcome="evalueren", ggd_question="Hoe helpen we bij boze buien?"
    )
    ggd = GGDConsultation.objects.get()
    assert (ggd.youth, ggd.signal, ggd.age_group, ggd.consent_given_by, ggd.consent_on) == (
        None,
        None,
        "8-12",
        "",
        None,
    )
    assert (ggd.ggd, ggd.professional, ggd.school, ggd.asked_by, ggd.asked_by_kind) == (
        people.ggd,
        people.nurse,
        people.school,
        people.ib,
        "school",
    )
    assert ggd.question == "Hoe helpen we bij boze buien?" and ggd.is_anonymous
    assert consultation.question == "leefvraag"
    # Only the consultation itself is logged about Noah: the GGD did not learn who he is.
    assert [e.object_ids for e in log_of(noah, description__startswith="consultatie")] == [
        [f"signal:{sig.pk}", f"consultation:{consultation.pk}"]
    ]


def test_a_leefvraag_names_the_pupil_once_the_consent_is_recorded(people, profile, noah):
    sig = signal(people.teacher, noah)
    consult(
        people.ib,
        sig,
        question="leefvraag",
        outcome="evalueren",
        ggd_question="Noah slaapt slecht; kan Jolien met moeder praten?",
        consent_given_by="ouders",
        consent_on=days_ago(2),
    )
    ggd = GGDConsultation.objects.get()
    assert (ggd.youth, ggd.signal, ggd.age_group, ggd.consent_given_by, ggd.consent_on) == (
        noah,
        sig,
        "",
        "ouders",
        days_ago(2),
    )
    entry = log_of(noah, object_ids=[f"ggdconsultation:{ggd.pk}"]).get()
    assert (entry.event, entry.ground, entry.categories) == ("create", "school", ["health", "school"])


def test_a_leefvraag_needs_the_question_for_the_ggd(people, profile, noah):
    sig = signal(people.teacher, noah)
    with pytest.raises(ValidationError) as error:
        consult(people.ib, sig, question="leefvraag", ggd_question=" ")
    assert list(error.value.message_dict) == ["ggd_question"]
    assert not Consultation.objects.exists() and not GGDConsultation.objects.exists()


def test_the_ggd_contact_is_a_jeugdverpleegkundige_of_a_ggd(people):
    with pytest.raises(ValidationError) as error:
        services.support_profile_update(
            actor=people.ib.user,
            school=people.school,
            basic_support="Basis.",
            extra_support="Extra.",
            ggd_contact=people.teacher,
        )
    assert error.value.message_dict == {"ggd_contact": ["Kies een jeugdverpleegkundige van de GGD."]}
    with pytest.raises(NotAllowed):
        services.support_profile_update(
            actor=people.teacher.user, school=people.school, basic_support="Basis.", extra_support="Extra."
        )


def test_continuing_past_the_end_date_extends_the_plan_to_the_next_evaluation(people, noah):
    plan = make_plan(people.ib, noah, starts_on=days_ago(10), ends_on=days_ago(5))
    evaluate(people.ib, plan, held_on=days_ago(1), next_evaluate_on=days_ago(1) + timedelta(weeks=20))
    plan.refresh_from_db()
    assert plan.ends_on == days_ago(1) + timedelta(weeks=20)
