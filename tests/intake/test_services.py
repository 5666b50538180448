"""The toegang's operations through its services: registering, establishing the youth, triage,
decisions, the waiting list, suspension of the term, contacts, assignment and referrals."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.cases.models import Case, JournalEntry
from jeugdketen.intake import services
from jeugdketen.intake.models import Decision, HelpRequest, Question, Referral
from jeugdketen.youth.models import Youth
from tests.factories import EnrolmentFactory, MunicipalityFactory, OrganisationFactory, YouthFactory, professional

from .conftest import WEB, years_ago

pytestmark = pytest.mark.django_db


def ommen():
    return MunicipalityFactory(cbs_code="0175", name="Ommen")


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


# --- the public form ------------------------------------------------------------------------------


def test_public_request_gets_a_reference_and_is_logged(toegang):
    request = toegang.public()
    assert request.reference == f"HV-{timezone.localdate():%Y}-{request.pk:05d}"
    assert (request.status, request.source, request.consent_by) == ("nieuw", "online", "ouders")
    assert request.youth is None
    entry = AccessLogEntry.objects.get(object_type="helprequest")
    assert (entry.event, entry.user_id, entry.object_ids) == ("create", None, [str(request.pk)])


def test_public_request_links_a_youth_only_on_the_same_bsn_and_date_of_birth(toegang):
    youth = YouthFactory(bsn="111222333", date_of_birth=years_ago(9), municipality=toegang.municipality)
    linked = toegang.public(bsn="111222333", date_of_birth=years_ago(9))
    assert linked.youth == youth
    wrong_birth_date = toegang.public(bsn="111222333", date_of_birth=years_ago(9, days=40))
    assert wrong_birth_date.youth is None  # a false claim to someone's BSN links nothing


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"question": ""}, "question", "Vul de hulpvraag in."),
        ({"question": "x" * 4001}, "question", "De hulpvraag is te lang: gebruik ten hoogste 4000 tekens."),
        ({"question": "Help <script>alert(1)</script>"}, "question", "De hulpvraag bevat HTML- of scriptcode."),
        ({"first_name": "<b>Fleur</b>"}, "first_name", "De voornaam bevat HTML- of scriptcode."),
        ({"last_name": " "}, "last_name", "Vul de achternaam van de jeugdige in."),
        ({"bsn": "123456789"}, "bsn", "Dit is geen geldig BSN"),
        ({"requester_phone": ""}, "requester_phone", "Vul een telefoonnummer of e-mailadres in"),
        ({"date_of_birth": date.today() + timedelta(days=3)}, "date_of_birth", "De geboortedatum ligt in de toekomst."),
        ({"date_of_birth": years_ago(30)}, "date_of_birth", "Samen Doen helpt jeugdigen tot 23 jaar"),
        ({"urgency": "morgen"}, "urgency", "Kies hoe dringend de vraag is."),
        ({"requester_kind": "school"}, "requester_kind", "Kies of u de ouder of verzorger bent"),
    ],
)
def test_public_form_refuses_bad_input_per_field_and_stores_nothing(toegang, changes, field, message):
    with pytest.raises(ValidationError) as excinfo:
        toegang.public(**changes)
    assert errors_of(excinfo)[field][0].startswith(message)
    assert not HelpRequest.objects.exists()
    assert not AccessLogEntry.objects.exists()


def test_a_parent_of_a_youth_of_12_confirms_the_youth_agrees(toegang):
    with pytest.raises(ValidationError) as excinfo:
        toegang.public(date_of_birth=years_ago(12))
    assert "vanaf 12 jaar moet uw kind het eens zijn" in errors_of(excinfo)["youth_agrees"][0]
    request = toegang.public(date_of_birth=years_ago(12), youth_agrees=True)
    assert request.consent_by == "ouders_jeugdige"


def test_the_youth_asks_for_help_themselves(toegang):
    request = toegang.public(date_of_birth=years_ago(17), requester_kind="jeugdige", requester_name="Fleur")
    assert request.consent_by == "jeugdige"


# --- registering by professionals ------------------------------------------------------------------


def test_samen_doen_registers_a_phone_call(toegang):
    request = services.request_register(
        actor=toegang.medewerker.user, data=toegang.data(), source="telefoon", access_point=WEB
    )
    assert (request.source, request.registered_by, request.referrer) == ("telefoon", toegang.medewerker.user, None)


def test_a_school_registers_on_behalf_of_the_family_with_the_consent_the_age_asks(toegang):
    school = OrganisationFactory(kind="ggd", municipality=toegang.municipality)
    nurse = professional("jeugdverpleegkundige", organisation=school)
    data = toegang.data(date_of_birth=years_ago(13), consent_by="ouders", consent_on=timezone.localdate())
    with pytest.raises(ValidationError) as excinfo:
        services.request_register(actor=nurse.user, data=data, source="professional", access_point=WEB)
    assert errors_of(excinfo)["consent_by"] == [
        "Bij een jeugdige van 13 jaar is toestemming nodig van: de ouders met gezag en de jeugdige."
    ]
    data = toegang.data(date_of_birth=years_ago(13), consent_by="ouders_jeugdige", consent_on=timezone.localdate())
    request = services.request_register(actor=nurse.user, data=data, source="telefoon", access_point=WEB)
    assert (request.source, request.referrer) == ("professional", nurse)
    assert not HelpRequest.objects.exclude(pk=request.pk).exists()


def test_registering_on_behalf_needs_the_date_of_consent(toegang):
    nurse = professional("jeugdarts", organisation=OrganisationFactory(kind="ggd"))
    data = toegang.data(consent_by="ouders")
    with pytest.raises(ValidationError) as excinfo:
        services.request_register(actor=nurse.user, data=data, source="professional", access_point=WEB)
    assert "consent_on" in errors_of(excinfo)


@pytest.mark.parametrize("code", ["manager", "privacy_officer", "politie"])
def test_functions_that_do_not_refer_cannot_register(toegang, code):
    pro = professional(code, organisation=OrganisationFactory(kind="politie" if code == "politie" else "gemeente"))
    with pytest.raises(NotAllowed):
        services.request_register(
            actor=pro.user, data=toegang.data(consent_by="ouders", consent_on=timezone.localdate()),
            source="professional", access_point=WEB,
        )  # fmt: skip
    assert not HelpRequest.objects.exists()


def test_registering_for_a_known_youth_needs_a_relationship(toegang):
    school = OrganisationFactory(kind="ggd")
    nurse = professional("jeugdverpleegkundige", organisation=school)
    stranger = YouthFactory(municipality=toegang.municipality)
    data = toegang.data(consent_by="ouders", consent_on=timezone.localdate())
    with pytest.raises(NotFoundOrForbidden):
        services.request_register(actor=nurse.user, data=data, source="professional", access_point=WEB, youth=stranger)
    assert AccessLogEntry.objects.filter(event="refused", youth_id=stranger.pk).exists()


# --- taking a request up --------------------------------------------------------------------------


def test_taking_up_registers_the_youth_and_opens_the_case(toegang):
    request = toegang.taken_up()
    assert request.status == "triage"
    youth = request.youth
    assert (youth.first_name, youth.last_name, youth.municipality) == ("Fleur", "de Boer", toegang.municipality)
    case = request.case
    assert (case.youth, case.casusregisseur, case.status) == (youth, toegang.medewerker, "aangemeld")
    assert case.involvements.get().function.code == "samen_doen"
    assert JournalEntry.objects.filter(case=case, title__startswith="Hulpvraag").exists()


def test_taking_up_links_a_candidate_of_the_municipality(toegang):
    known = YouthFactory(
        first_name="Fleur", last_name="de Boer", date_of_birth=years_ago(10), municipality=toegang.municipality
    )
    request = toegang.public()
    assert services.youth_candidates(request) == [known]
    services.request_take_up(actor=toegang.medewerker.user, request=request, access_point=WEB, youth=known)
    assert request.youth == known
    assert Youth.objects.count() == 1


def test_taking_up_refuses_a_youth_that_is_no_candidate(toegang):
    request = toegang.public()
    other = YouthFactory(municipality=toegang.municipality)
    with pytest.raises(ValidationError):
        services.request_take_up(actor=toegang.medewerker.user, request=request, access_point=WEB, youth=other)
    request.refresh_from_db()
    assert (request.status, request.youth) == ("nieuw", None)


@pytest.mark.parametrize("who", ["teamleider", "consulent"])
def test_only_samen_doen_takes_up_and_triages(toegang, who):
    request = toegang.public()
    with pytest.raises(NotAllowed):
        services.request_take_up(actor=getattr(toegang, who).user, request=request, access_point=WEB, register_new=True)
    assert not Case.objects.exists()


def test_outsiders_get_not_found_and_the_refusal_is_logged(toegang):
    request = toegang.public()
    outsider = professional("samen_doen", organisation=OrganisationFactory(kind="gemeente", municipality=ommen()))
    with pytest.raises(NotFoundOrForbidden):
        services.request_take_up(actor=outsider.user, request=request, access_point=WEB, register_new=True)
    assert AccessLogEntry.objects.filter(event="refused", user_id=outsider.user.pk).exists()


# --- triage ---------------------------------------------------------------------------------------


def test_triage_needs_every_required_answer_and_a_valid_choice(toegang):
    request = toegang.taken_up()
    answers = toegang.answers()
    first, *_ = toegang.version.questions.all()
    del answers[first.pk]
    choice = toegang.version.questions.filter(kind="choice").first()
    answers[choice.pk] = "misschien"
    with pytest.raises(ValidationError) as excinfo:
        services.triage_record(actor=toegang.medewerker.user, request=request, answers=answers, access_point=WEB)
    errors = errors_of(excinfo)
    assert errors[f"q{first.pk}"] == [f"Beantwoord de vraag “{first.text}”."]
    assert errors[f"q{choice.pk}"] == [f"Kies een van de antwoorden bij “{choice.text}”."]
    assert not request.triages.exists()


def test_triage_flags_and_recommendation(toegang):
    request = toegang.triaged(complex_=True)
    triage = request.triages.get()
    assert triage.flags == ["complex"]
    assert services.recommendation(triage) == "wachtlijst"
    assert services.recommendation(toegang.triaged(safety=True).triages.get()) == "veiligheid"
    assert services.recommendation(toegang.triaged().triages.get()) == "verwijzen"


def test_a_safety_concern_is_written_in_the_safety_category(toegang):
    request = toegang.triaged(safety=True)
    entry = JournalEntry.objects.filter(case=request.case, title__startswith="Triage").get()
    assert entry.category == Category.SAFETY


# --- checklist versions ---------------------------------------------------------------------------


def test_answers_keep_the_version_they_were_given_under(toegang):
    request = toegang.triaged()
    v1_questions = [a.question.text for a in request.triages.get().answers.all()]
    draft = services.checklist_draft(actor=toegang.teamleider.user, municipality=toegang.municipality)
    assert draft.number == 2 and draft.questions.count() == toegang.version.questions.count()
    first = draft.questions.first()
    services.question_save(
        actor=toegang.teamleider.user, version=draft, question=first, text="Is de jeugdige thuis veilig?",
        kind="yesno", options=[{"value": "ja", "flag": "safety"}],
    )  # fmt: skip
    services.question_save(actor=toegang.teamleider.user, version=draft, text="Welke school?", kind="text", options=[])
    services.checklist_publish(actor=toegang.teamleider.user, version=draft, note="Vraag 1 korter, schoolvraag erbij.")
    toegang.version.refresh_from_db()
    assert (toegang.version.status, draft.status) == ("retired", "published")
    old = request.triages.get()
    assert old.version.number == 1
    assert [a.question.text for a in old.answers.all()] == v1_questions
    assert v1_questions[0].startswith("Is er nu zorg over de veiligheid")
    # a new triage uses version 2
    new_answers = {
        q.pk: ("nee" if q.kind == "yesno" else q.options[0]["value"] if q.options else "x")
        for q in draft.questions.all()
    }
    triage = services.triage_record(
        actor=toegang.medewerker.user, request=request, answers=new_answers, access_point=WEB
    )
    assert triage.version == draft


def test_a_published_version_does_not_change(toegang):
    question = toegang.version.questions.first()
    with pytest.raises(ValidationError):
        services.question_save(
            actor=toegang.teamleider.user,
            version=toegang.version,
            question=question,
            text="Anders",
            kind="text",
            options=[],
        )
    with pytest.raises(ValidationError):
        services.question_delete(actor=toegang.teamleider.user, question=question)
    assert Question.objects.get(pk=question.pk).text == question.text


def test_only_the_teamleider_keeps_the_checklist(toegang):
    with pytest.raises(NotAllowed):
        services.checklist_draft(actor=toegang.medewerker.user, municipality=toegang.municipality)


def test_a_choice_question_needs_two_answers_and_known_signals(toegang):
    draft = services.checklist_draft(actor=toegang.teamleider.user, municipality=toegang.municipality)
    with pytest.raises(ValidationError) as excinfo:
        services.question_save(
            actor=toegang.teamleider.user, version=draft, text="Vraag", kind="choice", options=[{"label": "Eén"}]
        )
    assert errors_of(excinfo)["options"] == ["Een keuzevraag heeft minstens twee antwoorden."]
    with pytest.raises(ValidationError):
        services.question_save(
            actor=toegang.teamleider.user, version=draft, text="Vraag", kind="choice",
            options=[{"label": "A", "flag": "onbekend"}, {"label": "B"}],
        )  # fmt: skip


def test_publishing_needs_a_note(toegang):
    draft = services.checklist_draft(actor=toegang.teamleider.user, municipality=toegang.municipality)
    with pytest.raises(ValidationError) as excinfo:
        services.checklist_publish(actor=toegang.teamleider.user, version=draft, note=" ")
    assert "note" in errors_of(excinfo)


# --- decisions ------------------------------------------------------------------------------------


def test_a_decision_needs_a_motivation(toegang):
    request = toegang.triaged(complex_=True)
    with pytest.raises(ValidationError) as excinfo:
        services.decide(
            actor=toegang.medewerker.user,
            request=request,
            kind="wachtlijst",
            motivation="",
            priority=2,
            access_point=WEB,
        )
    assert errors_of(excinfo)["motivation"] == ["Vul de motivering van het besluit in."]
    assert not Decision.objects.exists()


def test_waitlist_needs_a_priority(toegang):
    request = toegang.triaged(complex_=True)
    with pytest.raises(ValidationError) as excinfo:
        services.decide(
            actor=toegang.medewerker.user, request=request, kind="wachtlijst", motivation="Nodig.", access_point=WEB
        )
    assert "priority" in errors_of(excinfo)


def test_a_safety_concern_cannot_go_on_the_waiting_list(toegang):
    request = toegang.triaged(safety=True)
    with pytest.raises(ValidationError) as excinfo:
        services.decide(
            actor=toegang.medewerker.user,
            request=request,
            kind="wachtlijst",
            motivation="x",
            priority=1,
            access_point=WEB,
        )
    assert "zorg over de veiligheid" in errors_of(excinfo)["kind"][0]
    request.refresh_from_db()
    assert request.status == "triage"


def test_waitlisted_request_and_revisited_decision(toegang):
    request = toegang.waiting(priority=2)
    assert (request.status, request.priority, request.waiting_since) == ("wachtlijst", 2, timezone.localdate())
    services.decide(
        actor=toegang.medewerker.user, request=request, kind="wachtlijst", motivation="Urgenter geworden.", priority=1,
        access_point=WEB,
    )  # fmt: skip
    request.refresh_from_db()
    assert request.priority == 1
    assert [d.priority for d in request.decisions.all()] == [1, 2]  # both in the history


def test_referral_shares_the_chosen_items_under_consent(toegang):
    request = toegang.triaged()
    EnrolmentFactory(youth=request.youth, group="groep 6")
    referral = services.ReferralData(
        organisation=toegang.saam, items=["hulpvraag", "contact"], consent_by="ouders", consent_on=timezone.localdate()
    )
    services.decide(
        actor=toegang.medewerker.user, request=request, kind="verwijzen", motivation="Opvoedvraag: Saam Welzijn.",
        referral=referral, access_point=WEB,
    )  # fmt: skip
    sent = Referral.objects.get()
    assert set(sent.shared) == {"hulpvraag", "contact"}
    assert sent.shared["contact"].startswith("Anne de Boer (ouder / verzorger), 06-11223344")
    request.refresh_from_db()
    assert request.status == "verwezen"


def test_referral_consent_must_cover_the_age(toegang):
    request = toegang.triaged(date_of_birth=years_ago(14), youth_agrees=True)
    referral = services.ReferralData(toegang.ggd, ["hulpvraag"], "ouders", timezone.localdate())
    with pytest.raises(ValidationError) as excinfo:
        services.decide(
            actor=toegang.medewerker.user,
            request=request,
            kind="verwijzen",
            motivation="GGD.",
            referral=referral,
            access_point=WEB,
        )
    assert "de ouders met gezag en de jeugdige" in errors_of(excinfo)["consent_by"][0]
    assert not Decision.objects.exists() and not Referral.objects.exists()


def test_referral_only_to_a_voorziening(toegang):
    request = toegang.triaged()
    school = OrganisationFactory(kind="politie", municipality=toegang.municipality)
    referral = services.ReferralData(school, ["hulpvraag"], "ouders", timezone.localdate())
    with pytest.raises(ValidationError) as excinfo:
        services.decide(
            actor=toegang.medewerker.user,
            request=request,
            kind="verwijzen",
            motivation="x",
            referral=referral,
            access_point=WEB,
        )
    assert "organisation" in errors_of(excinfo)


def test_a_referral_picks_an_offer_from_the_sociale_kaart(toegang):
    request = toegang.triaged()
    referral = services.ReferralData(None, ["hulpvraag"], "ouders", timezone.localdate(), service=toegang.ggd_service)
    services.decide(
        actor=toegang.medewerker.user, request=request, kind="verwijzen", motivation="x", referral=referral,
        access_point=WEB,
    )  # fmt: skip
    sent = Referral.objects.get()
    assert (sent.organisation, sent.service) == (toegang.ggd, toegang.ggd_service)
    entry = AccessLogEntry.objects.filter(youth=request.youth, event="create").latest("pk")
    assert "Opvoedondersteuning JGZ, GGD IJsselland" in entry.description


def test_an_offer_no_longer_on_the_map_is_refused(toegang):
    request = toegang.triaged()
    toegang.ggd_service.archived_on = timezone.localdate()
    toegang.ggd_service.save()
    referral = services.ReferralData(None, ["hulpvraag"], "ouders", timezone.localdate(), service=toegang.ggd_service)
    with pytest.raises(ValidationError) as excinfo:
        services.decide(
            actor=toegang.medewerker.user, request=request, kind="verwijzen", motivation="x", referral=referral,
            access_point=WEB,
        )  # fmt: skip
    assert "niet meer op de sociale kaart" in errors_of(excinfo)["service"][0]
    assert not Referral.objects.exists()


def test_closing_without_follow_up_closes_the_case(toegang):
    request = toegang.triaged()
    services.decide(
        actor=toegang.medewerker.user, request=request, kind="afsluiten", motivation="Vraag opgelost.", access_point=WEB
    )
    request.refresh_from_db()
    assert (request.status, request.case.status) == ("afgesloten", "afgesloten")


# --- receiving organisation -----------------------------------------------------------------------


def _referred(toegang):
    request = toegang.triaged()
    services.decide(
        actor=toegang.medewerker.user, request=request, kind="verwijzen", motivation="Saam Welzijn past.",
        referral=services.ReferralData(toegang.saam, ["hulpvraag"], "ouders", timezone.localdate()), access_point=WEB,
    )  # fmt: skip
    return request, Referral.objects.get()


def test_the_receiving_organisation_updates_the_status(toegang):
    request, referral = _referred(toegang)
    worker = professional("lichte_jeugdhulp", organisation=toegang.saam)
    services.referral_update(actor=worker.user, referral=referral, status="geaccepteerd", access_point=WEB)
    services.referral_update(
        actor=worker.user, referral=referral, status="afgerond", access_point=WEB, note="Drie gesprekken."
    )
    request.refresh_from_db()
    assert (referral.status, request.status, request.case.status) == ("afgerond", "afgesloten", "afgesloten")
    entry = AccessLogEntry.objects.filter(user_id=worker.user.pk, object_type="referral").last()
    assert (entry.ground, entry.categories) == ("referral", ["youthcare"])


def test_a_declined_referral_goes_back_to_the_toegang(toegang):
    request, referral = _referred(toegang)
    worker = professional("lichte_jeugdhulp", organisation=toegang.saam)
    with pytest.raises(ValidationError) as excinfo:
        services.referral_update(actor=worker.user, referral=referral, status="afgewezen", access_point=WEB)
    assert "note" in errors_of(excinfo)
    services.referral_update(
        actor=worker.user, referral=referral, status="afgewezen", note="Geen plek.", access_point=WEB
    )
    request.refresh_from_db()
    assert request.status == "triage"


def test_another_organisation_cannot_update_a_referral(toegang):
    _request, referral = _referred(toegang)
    other = professional("lichte_jeugdhulp", organisation=toegang.ggd)
    with pytest.raises(NotFoundOrForbidden):
        services.referral_update(actor=other.user, referral=referral, status="geaccepteerd", access_point=WEB)
    referral.refresh_from_db()
    assert referral.status == "verstuurd"


# --- the Awb term and contacts --------------------------------------------------------------------


def test_stop_the_clock_moves_the_deadline(toegang):
    request = toegang.waiting()
    HelpRequest.objects.filter(pk=request.pk).update(received_on=timezone.localdate() - timedelta(days=20))
    request.refresh_from_db()
    before = services.request_term(request, timezone.localdate()).deadline
    started = timezone.localdate() - timedelta(days=10)
    services.suspension_start(
        actor=toegang.medewerker.user, request=request, reason="Verslag huisarts", started_on=started, access_point=WEB
    )
    with pytest.raises(ValidationError):
        services.suspension_start(actor=toegang.medewerker.user, request=request, reason="Nog iets", access_point=WEB)
    services.suspension_end(
        actor=toegang.medewerker.user,
        request=request,
        ended_on=timezone.localdate() - timedelta(days=2),
        access_point=WEB,
    )
    after = services.request_term(request, timezone.localdate())
    assert after.suspended_days == 7
    assert after.deadline >= before + timedelta(days=7)


def test_contact_with_a_waiting_family_is_recorded(toegang):
    request = toegang.waiting()
    contact = services.contact_record(
        actor=toegang.consulent.user,
        request=request,
        channel="telefoon",
        note="Gebeld: wachttijd uitgelegd.",
        access_point=WEB,
    )
    assert contact.by == toegang.consulent
    with pytest.raises(ValidationError) as excinfo:
        services.contact_record(
            actor=toegang.consulent.user, request=request, channel="duif", note="", access_point=WEB
        )
    assert set(errors_of(excinfo)) == {"channel", "note"}


# --- assignment -----------------------------------------------------------------------------------


def test_the_teamleider_assigns_and_the_consulent_becomes_casusregisseur(toegang):
    request = toegang.waiting()
    services.assign(actor=toegang.teamleider.user, request=request, consulent=toegang.consulent, access_point=WEB)
    request.refresh_from_db()
    case = request.case
    assert (request.status, request.assigned_to, case.casusregisseur, case.status) == (
        "toegewezen", toegang.consulent, toegang.consulent, "onderzoek",
    )  # fmt: skip
    active = {(i.professional, i.function.code) for i in case.involvements.active()}
    assert active == {(toegang.consulent, "jeugdconsulent")}  # the toegang's part is done
    assert case.investigation.decide_by == services.request_term(request, timezone.localdate()).deadline


@pytest.mark.parametrize("who", ["medewerker", "consulent"])
def test_only_the_teamleider_assigns(toegang, who):
    request = toegang.waiting()
    with pytest.raises(NotAllowed):
        services.assign(
            actor=getattr(toegang, who).user, request=request, consulent=toegang.consulent, access_point=WEB
        )
    request.refresh_from_db()
    assert request.status == "wachtlijst"


def test_assign_only_to_a_consulent_of_the_municipality(toegang):
    request = toegang.waiting()
    elsewhere = professional("jeugdconsulent", organisation=OrganisationFactory(kind="gemeente", municipality=ommen()))
    with pytest.raises(ValidationError) as excinfo:
        services.assign(actor=toegang.teamleider.user, request=request, consulent=elsewhere, access_point=WEB)
    assert errors_of(excinfo)["consulent"] == ["Kies een jeugdconsulent van deze gemeente."]


def test_safety_skips_the_queue_and_opens_the_meldcode(toegang):
    request = toegang.triaged(safety=True)
    services.decide(
        actor=toegang.medewerker.user, request=request, kind="veiligheid", motivation="Signalen van mishandeling.",
        consulent=toegang.consulent2, access_point=WEB,
    )  # fmt: skip
    request.refresh_from_db()
    assert (request.status, request.priority, request.assigned_to) == ("toegewezen", 1, toegang.consulent2)
    assert request.case.casusregisseur == toegang.consulent2
    from jeugdketen.meldcode.models import Track

    assert Track.objects.filter(case=request.case).exists()
