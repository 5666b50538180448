"""Ambulante begeleiding and the GGD at school, and who sees what: the AB'er of the SWV only with
the consent of those who decide at the pupil's age, and not once the family withholds school
support from the SWV; the GGD anonymously, or about a named pupil with consent, its notes health
data that reach the school only when shared with consent; a teacher of another school sees nothing,
and the refusal is logged."""

import pytest
from django.core.exceptions import ValidationError

from jeugdketen.access import policy
from jeugdketen.access.categories import Action, Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.access.models import ConsentDecision
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.organisations.models import Organisation
from jeugdketen.schoolsupport import selectors, services
from jeugdketen.schoolsupport.models import ABAssignment, GGDConsultation, GGDNote, PupilSignal
from tests.factories import OrganisationFactory, case_with, involve, parent_of

from .conftest import days_ago, log_of, pro, signal

pytestmark = pytest.mark.django_db


def assign(people, youth, *, ab=None, consent_given_by="ouders", consent_on=None, actor=None, **kwargs):
    return services.ab_assign(
        actor=(actor or people.ib).user,
        youth=youth,
        school=people.school,
        ab=ab or people.ab,
        question=kwargs.pop("question", "Begeleiding bij plannen en bij boze buien."),
        consent_given_by=consent_given_by,
        consent_on=consent_on or days_ago(2),
        access_point=CLI,
        **kwargs,
    )


def ab_note(people, assignment, kind="observatie", text="Twee uur geobserveerd in groep 6."):
    return services.ab_note_add(actor=people.ab.user, assignment=assignment, kind=kind, text=text, access_point=CLI)


def withhold_school_support(youth, organisation, parent_user, role="ouder"):
    return ConsentDecision.objects.create(
        youth=youth,
        organisation=organisation,
        category=Category.SCHOOL_SUPPORT,
        role=role,
        allowed=False,
        decided_by=parent_user,
        decided_by_name="Marloes Jansen",
    )


def ab_reads_school_support(people, youth) -> bool:
    return policy.access_for(people.ab.user, youth).can(Category.SCHOOL_SUPPORT)


# --- ambulante begeleiding -------------------------------------------------------------------------------


def test_no_ambulante_begeleiding_without_consent(people, profile, noah):
    with pytest.raises(ValidationError) as error:
        assign(people, noah, consent_given_by="")
    assert error.value.message_dict == {"consent_given_by": ["Vul in wie toestemming gaf."]}
    assert not ABAssignment.objects.exists()
    assert not ab_reads_school_support(people, noah)


def test_from_twelve_the_pupil_consents_too(people, profile, lisa):
    with pytest.raises(ValidationError) as error:
        assign(people, lisa, consent_given_by="ouders")
    assert error.value.message_dict == {
        "consent_given_by": [
            "Bij een leerling van 13 jaar is toestemming nodig van: de ouders met gezag en de jeugdige."
        ]
    }
    assert not ABAssignment.objects.exists()
    assert assign(people, lisa, consent_given_by="ouders_jeugdige").consent_given_by == "ouders_jeugdige"


def test_consent_has_a_date_not_in_the_future(people, profile, noah):
    with pytest.raises(ValidationError) as error:
        assign(people, noah, consent_on=days_ago(-1))
    assert list(error.value.message_dict) == ["consent_on"]


@pytest.mark.parametrize("who", ["other_ab", "coordinator", "nurse"])
def test_the_ab_is_an_ambulant_begeleider_of_the_schools_swv(people, profile, noah, who):
    with pytest.raises(ValidationError) as error:
        assign(people, noah, ab=getattr(people, who))
    assert error.value.message_dict == {"ab": ["Kies een ambulant begeleider van SWV Vechtdal."]}
    assert not ABAssignment.objects.exists()


def test_the_teacher_does_not_assign(people, profile, noah):
    with pytest.raises(NotAllowed):
        assign(people, noah, actor=people.teacher)
    assert not ABAssignment.objects.exists()


def test_with_consent_the_ab_works_with_the_pupils_school_support(people, profile, noah):
    assert not ab_reads_school_support(people, noah)

    assignment = assign(people, noah)

    assert (assignment.ab, assignment.school, assignment.assigned_by) == (people.ab, people.school, people.ib)
    assert (assignment.consent_given_by, assignment.consent_on, assignment.starts_on) == (
        "ouders",
        days_ago(2),
        days_ago(0),
    )
    entry = log_of(noah).last()
    assert (entry.event, entry.ground, entry.function_code, entry.object_ids) == (
        "create",
        "school",
        "intern_begeleider",
        [f"abassignment:{assignment.pk}"],
    )
    access = policy.access_for(people.ab.user, noah)
    grant = access.grant(Category.SCHOOL_SUPPORT, Action.CHANGE)
    assert (grant.ground, grant.function.code, grant.detail) == (
        Ground.AB_ASSIGNMENT,
        "ambulant_begeleider",
        "OBS De Vecht",
    )
    assert not access.can(Category.HEALTH)

    observed = ab_note(people, assignment)
    talk = ab_note(people, assignment, kind="gesprek_leerkracht", text="Met Sanne de aanpak besproken.")
    assert (observed.assignment, observed.school, observed.author, observed.author_function.code) == (
        assignment,
        people.school,
        people.ab,
        "ambulant_begeleider",
    )
    assert talk.kind == "gesprek_leerkracht"
    entry = log_of(noah).last()
    assert (entry.event, entry.ground, entry.function_code, entry.object_ids) == (
        "create",
        "ab",
        "ambulant_begeleider",
        [f"note:{talk.pk}"],
    )
    view = selectors.pupil_support(actor=people.ab.user, youth_id=noah.pk, access_point=CLI)
    assert view.my_assignments == [assignment]
    assert {n.pk for n in view.notes} == {observed.pk, talk.pk}


def test_the_ab_records_only_what_the_ab_does(people, profile, noah):
    assignment = assign(people, noah)
    with pytest.raises(ValidationError) as error:
        ab_note(people, assignment, kind="basisondersteuning")
    assert error.value.message_dict == {"kind": ["Kies wat u vastlegt."]}


def test_another_ab_does_not_write_on_the_assignment(people, profile, noah):
    assignment = assign(people, noah)
    with pytest.raises(NotFoundOrForbidden):
        services.ab_note_add(
            actor=people.other_ab.user, assignment=assignment, kind="observatie", text="x", access_point=CLI
        )
    assert log_of(noah, event="refused", user_id=people.other_ab.user_id).count() == 1


def test_when_the_family_withholds_school_support_from_the_swv_the_ab_loses_it(people, profile, noah):
    assignment = assign(people, noah)
    assert ab_reads_school_support(people, noah)
    mother = parent_of(noah)
    withhold_school_support(noah, people.swv, mother.user)

    assert not ab_reads_school_support(people, noah)
    with pytest.raises(NotFoundOrForbidden):
        ab_note(people, assignment)
    with pytest.raises(NotFoundOrForbidden):
        selectors.pupil_support(actor=people.ab.user, youth_id=noah.pk, access_point=CLI)
    # Nor is a new assignment made while it is withheld.
    with pytest.raises(ValidationError) as error:
        assign(people, noah, ab=pro("ambulant_begeleider", people.swv, "els", "Els", "Vos"))
    assert error.value.message_dict == {
        "consent_given_by": [
            "Het gezin heeft het delen van onderwijsondersteuning met het samenwerkingsverband ingetrokken."
        ]
    }
    # The school still works with it: the decision was about the SWV.
    assert policy.access_for(people.ib.user, noah).can(Category.SCHOOL_SUPPORT, Action.CHANGE)


def test_from_twelve_the_pupil_withholding_is_enough(people, profile, lisa):
    assign(people, lisa, consent_given_by="ouders_jeugdige")
    withhold_school_support(lisa, people.swv, people.ib.user, role="jeugdige")
    assert not ab_reads_school_support(people, lisa)


def test_an_ended_assignment_gives_nothing(people, profile, noah):
    assignment = assign(people, noah, consent_on=days_ago(10), starts_on=days_ago(10))
    services.ab_end(actor=people.ib.user, assignment=assignment, access_point=CLI)
    assert not ab_reads_school_support(people, noah)


# --- the GGD at school -----------------------------------------------------------------------------------


def ask(actor, people, youth=None, **kwargs):
    return services.ggd_consult_ask(
        actor=actor.user,
        professional=kwargs.pop("professional", people.nurse),
        question=kwargs.pop("question", "Hoe gaan we om met een kind dat slecht slaapt?"),
        access_point=CLI,
        school=people.school,
        youth=youth,
        **kwargs,
    )


def test_an_anonymous_question_names_no_pupil(people, noah):
    consultation = ask(people.teacher, people, age_group="8-12")
    consultation.refresh_from_db()
    assert (consultation.youth, consultation.signal, consultation.age_group) == (None, None, "8-12")
    assert (consultation.asked_by, consultation.asked_by_kind, consultation.school) == (
        people.teacher,
        "school",
        people.school,
    )
    assert consultation.is_anonymous
    assert not AccessLogEntry.objects.exists()
    # The GGD gains no ground on any pupil through it.
    assert not policy.access_for(people.nurse.user, noah)


def test_an_anonymous_question_needs_the_age_group(people):
    with pytest.raises(ValidationError) as error:
        ask(people.teacher, people, age_group="")
    assert list(error.value.message_dict) == ["age_group"]


def test_a_question_about_a_named_pupil_needs_consent(people, noah):
    with pytest.raises(ValidationError) as error:
        ask(people.ib, people, noah)
    assert error.value.message_dict == {"consent_given_by": ["Vul in wie toestemming gaf."]}
    assert not GGDConsultation.objects.exists()
    assert not policy.access_for(people.nurse.user, noah)


def test_the_ggd_is_asked_only_of_its_jeugdverpleegkundige_or_jeugdarts(people, noah):
    with pytest.raises(ValidationError) as error:
        ask(people.teacher, people, age_group="8-12", professional=people.ab)
    assert list(error.value.message_dict) == ["professional"]


def test_a_teacher_of_another_school_does_not_ask_about_the_pupil(people, noah):
    with pytest.raises(NotFoundOrForbidden):
        services.ggd_consult_ask(
            actor=people.other_teacher.user,
            professional=people.nurse,
            question="Vraag.",
            access_point=CLI,
            school=people.other_school,
            youth=noah,
            consent_given_by="ouders",
            consent_on=days_ago(1),
        )
    assert not GGDConsultation.objects.exists()


@pytest.fixture
def named(people, noah):
    """Ilse asks Jolien about Noah, with his parents' consent."""
    return ask(people.ib, people, noah, consent_given_by="ouders", consent_on=days_ago(1))


def test_with_consent_the_nurse_answers_and_keeps_notes(people, noah, named):
    access = policy.access_for(people.nurse.user, noah)
    assert access.grant(Category.HEALTH, Action.CHANGE).ground == Ground.GGD_CONSULTATION
    assert not access.can(Category.SCHOOL_SUPPORT)

    answered = services.ggd_consult_answer(
        actor=people.nurse.user, consultation=named, advice="Ik nodig moeder uit voor een gesprek.", access_point=CLI
    )
    assert (answered.status, answered.answered_on) == (GGDConsultation.Status.ANSWERED, days_ago(0))
    note = services.ggd_note_add(
        actor=people.nurse.user,
        consultation=named,
        kind="contact_ouders",
        text="Moeder vertelt over de slaap; advies over ritme.",
        access_point=CLI,
    )
    assert (note.youth, note.author, note.author_function.code, note.shared_with_school) == (
        noah,
        people.nurse,
        "jeugdverpleegkundige",
        False,
    )
    entry = log_of(noah).last()
    assert (entry.event, entry.ground, entry.function_code, entry.categories, entry.object_ids) == (
        "create",
        "ggd",
        "jeugdverpleegkundige",
        ["health"],
        [f"ggdnote:{note.pk}"],
    )


def test_another_ggd_does_not_answer(people, noah, named):
    other_ggd = OrganisationFactory(name="GGD Twente", kind=Organisation.Kind.GGD)
    stranger = pro("jeugdverpleegkundige", other_ggd, "wendy", "Wendy", "Ter Horst")
    with pytest.raises(NotFoundOrForbidden):
        services.ggd_consult_answer(actor=stranger.user, consultation=named, advice="x", access_point=CLI)
    with pytest.raises(NotFoundOrForbidden):
        services.ggd_consult_answer(actor=people.ib.user, consultation=named, advice="x", access_point=CLI)
    assert log_of(noah, event="refused").count() == 2


def test_no_notes_on_an_anonymous_question(people):
    anonymous = ask(people.teacher, people, age_group="8-12")
    services.ggd_consult_answer(
        actor=people.nurse.user, consultation=anonymous, advice="Rust en ritme.", access_point=CLI
    )
    with pytest.raises(ValidationError) as error:
        services.ggd_note_add(
            actor=people.nurse.user, consultation=anonymous, kind="overig", text="x", access_point=CLI
        )
    assert list(error.value.message_dict) == ["kind"]
    assert not GGDNote.objects.exists()


def add_note(people, consultation, **kwargs):
    return services.ggd_note_add(
        actor=people.nurse.user,
        consultation=consultation,
        kind=kwargs.pop("kind", "advies_huisarts"),
        text=kwargs.pop("text", "Advies: met Noah naar de huisarts voor de slaap."),
        access_point=CLI,
        **kwargs,
    )


def test_the_ggds_notes_are_not_the_schools(people, noah, named):
    add_note(people, named)
    view = selectors.pupil_support(actor=people.ib.user, youth_id=noah.pk, access_point=CLI)
    assert view.ggd_notes == []
    assert view.ggd_consultations == [named]  # the school's own question it does see
    entry = log_of(noah, event="read").get()
    assert (entry.ground, entry.categories) == ("school", ["school"])


def test_a_note_shared_with_the_school_with_consent_is_read_by_the_school(people, noah, named):
    add_note(people, named, text="Niet gedeeld.")
    shared = add_note(
        people, named, text="Gedeeld: Noah gaat naar de huisarts.", shared_with_school=True, share_consent_by="ouders"
    )
    assert (shared.shared_with_school, shared.share_consent_by) == (True, "ouders")
    view = selectors.pupil_support(actor=people.ib.user, youth_id=noah.pk, access_point=CLI)
    assert view.ggd_notes == [shared]
    entry = log_of(noah, event="read").get()
    assert (entry.ground, entry.categories) == ("school", ["health", "school"])
    assert entry.description == "ondersteuning op school (met notities GGD gedeeld met school)"


def test_sharing_with_the_school_needs_the_consent_of_those_who_decide(people, lisa):
    consultation = ask(people.ib, people, lisa, consent_given_by="ouders_jeugdige", consent_on=days_ago(1))
    with pytest.raises(ValidationError) as error:
        add_note(people, consultation, shared_with_school=True)
    assert list(error.value.message_dict) == ["share_consent_by"]
    with pytest.raises(ValidationError) as error:
        add_note(people, consultation, shared_with_school=True, share_consent_by="ouders")
    assert error.value.message_dict == {
        "share_consent_by": ["Delen met school kan alleen met toestemming van: de ouders met gezag en de jeugdige."]
    }
    assert not GGDNote.objects.exists()


def test_an_ib_involved_in_the_case_still_reads_the_notes_shared_with_the_school(people, noah, named):
    consulent = pro("jeugdconsulent", OrganisationFactory(name="Gemeente Dalfsen"), "jeroen", "Jeroen", "Hulshof")
    case = case_with(noah, consulent, "jeugdconsulent")
    involve(case, people.ib, "intern_begeleider")
    shared = add_note(people, named, shared_with_school=True, share_consent_by="ouders")
    view = selectors.pupil_support(actor=people.ib.user, youth_id=noah.pk, access_point=CLI)
    assert view.ggd_consultations == [named]
    assert view.ggd_notes == [shared]


def test_a_note_shared_with_the_school_is_not_shared_with_the_swv(people, profile, noah, named):
    add_note(people, named, shared_with_school=True, share_consent_by="ouders")
    assign(people, noah)
    view = selectors.pupil_support(actor=people.ab.user, youth_id=noah.pk, access_point=CLI)
    assert view.ggd_notes == []


# --- another school sees nothing ------------------------------------------------------------------------------


def test_a_teacher_of_another_school_gets_not_found_and_the_refusals_are_logged(people, noah):
    signal(people.teacher, noah)
    other = people.other_teacher
    with pytest.raises(NotFoundOrForbidden):
        selectors.pupil_support(actor=other.user, youth_id=noah.pk, access_point=CLI)
    with pytest.raises(NotFoundOrForbidden):
        signal(other, noah, observation="Gezien op het schoolplein.")
    assert PupilSignal.objects.count() == 1
    refusals = list(log_of(noah, event="refused"))
    assert [(e.user_id, e.youth_id, e.ground, e.description) for e in refusals] == [
        (other.user_id, noah.pk, "", "ondersteuning op school"),
        (other.user_id, noah.pk, "", "ondersteuning op school wijzigen"),
    ]
    assert {e.organisation_name for e in refusals} == {"CBS De Akker"}


def test_a_pupil_who_left_the_school_is_no_longer_its_pupil(people, noah):
    signal(people.teacher, noah)
    noah.enrolments.update(end=days_ago(0))
    with pytest.raises(NotFoundOrForbidden):
        selectors.pupil_support(actor=people.teacher.user, youth_id=noah.pk, access_point=CLI)


def test_the_nurse_registers_the_pupil_at_samen_doen_with_the_consent_and_notes_it(people, noah, named):
    from jeugdketen.intake.models import HelpRequest

    request = services.ggd_register_samen_doen(
        actor=people.nurse.user,
        consultation=named,
        question="Ouders willen hulp bij de slaapproblemen en de spanningen thuis.",
        consent_by="ouders",
        consent_on=days_ago(0),
        access_point=CLI,
    )
    assert (request.youth, request.source, request.referrer, request.requester_kind) == (
        noah,
        HelpRequest.Source.PROFESSIONAL,
        people.nurse,
        HelpRequest.Requester.JGZ,
    )
    note = GGDNote.objects.get(kind=GGDNote.Kind.SAMEN_DOEN)
    assert (note.youth, note.help_request) == (noah, request)
    assert not note.shared_with_school


def test_registering_at_samen_doen_needs_the_consent_the_age_asks(people, noah, named):
    from jeugdketen.intake.models import HelpRequest

    with pytest.raises(ValidationError) as raised:
        services.ggd_register_samen_doen(
            actor=people.nurse.user,
            consultation=named,
            question="Hulp thuis.",
            consent_by="",
            consent_on=None,
            access_point=CLI,
        )
    assert "consent_by" in raised.value.message_dict
    assert not HelpRequest.objects.exists()
    assert not GGDNote.objects.filter(kind=GGDNote.Kind.SAMEN_DOEN).exists()


def test_an_anonymous_question_cannot_become_a_registration(people):
    anonymous = ask(people.teacher, people, age_group="8-12")
    with pytest.raises(ValidationError):
        services.ggd_register_samen_doen(
            actor=people.nurse.user,
            consultation=anonymous,
            question="x",
            consent_by="ouders",
            consent_on=days_ago(0),
            access_point=CLI,
        )
