"""The toegang's pages over HTTP: the public form, the inbox, one request through triage and
decision, the waiting list, referrals and the checklist editor — allowed and refused."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.intake.models import ChecklistVersion, HelpRequest, Referral
from tests.factories import OrganisationFactory, SchoolFactory, professional

from .conftest import years_ago

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_throttle():
    cache.clear()


def public_post(client, **changes):
    data = {
        "requester_kind": "ouder",
        "requester_name": "Anne de Boer",
        "requester_phone": "06-11223344",
        "requester_email": "",
        "first_name": "Fleur",
        "name_prefix": "",
        "last_name": "de Boer",
        "date_of_birth": years_ago(9).isoformat(),
        "bsn": "",
        "question": "Fleur wil niet meer naar school.",
        "urgency": "normaal",
        "privacy": "on",
        "website": "",
    }
    data.update(changes)
    return client.post("/aanmelden/", {k: v for k, v in data.items() if v is not None})


# --- the public form ------------------------------------------------------------------------------


def test_the_public_form_is_open_to_everyone_and_says_what_happens_with_the_data(client, toegang):
    response = client.get("/aanmelden/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wat gebeurt er met uw gegevens?" in html
    assert "0800-2000" in html


def test_submitting_confirms_with_a_reference(client, toegang):
    response = public_post(client)
    assert response.status_code == 302 and response["Location"] == "/aanmelden/ontvangen/"
    request = HelpRequest.objects.get()
    page = client.get("/aanmelden/ontvangen/").content.decode()
    assert request.reference in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"question": ""}, "Uw vraag: Vul uw vraag in."),
        ({"question": "x" * 4001}, "Uw vraag is te lang: gebruik ten hoogste 4000 tekens"),
        ({"question": "<script>alert('x')</script>"}, "De hulpvraag bevat HTML- of scriptcode. Schrijf gewone tekst."),
        ({"first_name": ""}, "Voornaam van het kind: Vul de voornaam van het kind in."),
        ({"bsn": "123456789"}, "Dit is geen geldig BSN"),
        ({"date_of_birth": "31-02-2020"}, "Vul een geldige geboortedatum in."),
        ({"privacy": None}, "Lees wat er met de gegevens gebeurt en vink dit aan."),
        ({"requester_phone": ""}, "Vul een telefoonnummer of e-mailadres in"),
        ({"requester_email": "geen-adres"}, "Vul een geldig e-mailadres in"),
        ({"date_of_birth": years_ago(13).isoformat()}, "vanaf 12 jaar moet uw kind het eens zijn met de aanmelding"),
    ],
)
def test_bad_input_gets_a_dutch_message_per_field_and_nothing_is_stored(client, toegang, changes, message):
    response = public_post(client, **changes)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not HelpRequest.objects.exists()


def test_the_spam_trap_stores_nothing(client, toegang):
    response = public_post(client, website="http://spam.example")
    assert response.status_code == 422
    assert not HelpRequest.objects.exists()


def test_the_public_form_limits_submissions_per_address(client, toegang):
    for _ in range(5):
        assert public_post(client).status_code == 302
    response = public_post(client)
    assert response.status_code == 429
    assert "Bel Samen Doen" in response.content.decode()
    assert HelpRequest.objects.count() == 5


# --- the inbox and a request ----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["medewerker", "teamleider", "consulent"])
def test_the_toegang_sees_the_inbox(client, toegang, who):
    request = toegang.public()
    client.force_login(getattr(toegang, who).user)
    response = client.get("/toegang/")
    assert response.status_code == 200
    assert request.reference in response.content.decode()


def test_others_do_not_get_the_inbox(client, toegang):
    toegang.public()
    teacher = professional("intern_begeleider", organisation=SchoolFactory(municipality=toegang.municipality))
    client.force_login(teacher.user)
    assert client.get("/toegang/").status_code == 403
    assert client.get("/toegang/wachtlijst/").status_code == 403


def test_an_outsider_gets_not_found_for_a_request(client, toegang):
    request = toegang.public()
    teacher = professional("intern_begeleider", organisation=SchoolFactory(municipality=toegang.municipality))
    client.force_login(teacher.user)
    assert client.get(f"/toegang/hulpvragen/{request.pk}/").status_code == 404
    assert AccessLogEntry.objects.filter(event="refused", user_id=teacher.user.pk).exists()


def test_from_take_up_through_triage_to_the_waiting_list(client, toegang):
    request = toegang.public()
    client.force_login(toegang.medewerker.user)
    page = client.get(f"/toegang/hulpvragen/{request.pk}/")
    assert "In behandeling nemen" in page.content.decode()
    response = client.post(f"/toegang/hulpvragen/{request.pk}/in-behandeling/", {"youth": "new"})
    assert response["Location"] == f"/toegang/hulpvragen/{request.pk}/triage/"
    form = client.get(response["Location"])
    assert "Is er nu zorg over de veiligheid" in form.content.decode()
    answers = {f"q{k}": v for k, v in toegang.answers(**{"Spelen er in het gezin": "ja"}).items()}
    incomplete = dict(answers)
    incomplete.pop(next(iter(incomplete)))
    assert client.post(f"/toegang/hulpvragen/{request.pk}/triage/", incomplete).status_code == 422
    response = client.post(f"/toegang/hulpvragen/{request.pk}/triage/", answers)
    assert response["Location"] == f"/toegang/hulpvragen/{request.pk}/besluit/"
    decide_page = client.get(response["Location"]).content.decode()
    assert "onderzoek door een jeugdconsulent" in decide_page
    response = client.post(
        f"/toegang/hulpvragen/{request.pk}/besluit/", {"kind": "wachtlijst", "motivation": "", "priority": "2"}
    )
    assert response.status_code == 422
    assert "Motivering: Vul de motivering van het besluit in." in response.content.decode()
    response = client.post(
        f"/toegang/hulpvragen/{request.pk}/besluit/",
        {"kind": "wachtlijst", "motivation": "Meerdere problemen in het gezin.", "priority": "2"},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "wachtlijst"


def test_stop_the_clock_from_the_page(client, toegang):
    request = toegang.waiting()
    client.force_login(toegang.medewerker.user)
    today = timezone.localdate()
    response = client.post(f"/toegang/hulpvragen/{request.pk}/opschorten/", {"reason": "", "started_on": today})
    assert response.status_code == 422
    response = client.post(
        f"/toegang/hulpvragen/{request.pk}/opschorten/", {"reason": "Verslag school", "started_on": today}
    )
    assert response.status_code == 302
    assert "opgeschort" in client.get(f"/toegang/hulpvragen/{request.pk}/").content.decode()
    client.post(f"/toegang/hulpvragen/{request.pk}/hervatten/", {"ended_on": today})
    assert request.suspensions.get().ended_on == today


def test_the_waiting_list_with_figures_and_assignment(client, toegang):
    first = toegang.waiting(priority=2)
    urgent = toegang.waiting(priority=1, first_name="Sem")
    HelpRequest.objects.filter(pk=first.pk).update(waiting_since=timezone.localdate() - timedelta(days=30))
    client.force_login(toegang.teamleider.user)
    html = client.get("/toegang/wachtlijst/").content.decode()
    assert html.index(urgent.reference) < html.index(first.reference)  # priority before date
    assert "Mediane wachttijd" in html and "15 dagen" in html and "30 dagen" in html
    assert f'name="requests" value="{first.pk}"' in html
    response = client.post("/toegang/wachtlijst/toewijzen/", {"consulent": toegang.consulent.pk})
    assert response["Location"] == "/toegang/wachtlijst/"  # nothing ticked: a message, nothing assigned
    response = client.post(
        "/toegang/wachtlijst/toewijzen/", {"consulent": toegang.consulent.pk, "requests": [first.pk, urgent.pk]}
    )
    assert response["Location"] == "/toegang/wachtlijst/"
    first.refresh_from_db()
    urgent.refresh_from_db()
    assert first.assigned_to == urgent.assigned_to == toegang.consulent


def test_the_medewerker_sees_the_waiting_list_but_cannot_assign(client, toegang):
    request = toegang.waiting()
    client.force_login(toegang.medewerker.user)
    html = client.get("/toegang/wachtlijst/").content.decode()
    assert request.reference in html and 'name="requests"' not in html
    response = client.post(f"/toegang/hulpvragen/{request.pk}/toewijzen/", {"consulent": toegang.consulent.pk})
    assert response.status_code == 403


# --- referrals ------------------------------------------------------------------------------------


def test_the_receiving_organisation_sees_only_what_was_shared(client, toegang):
    request = toegang.triaged()
    client.force_login(toegang.medewerker.user)
    response = client.post(
        f"/toegang/hulpvragen/{request.pk}/besluit/",
        {
            "kind": "verwijzen",
            "motivation": "Opvoedvraag.",
            "service": toegang.saam_service.pk,
            "items": ["hulpvraag"],
            "consent_by": "ouders",
            "consent_on": timezone.localdate(),
        },
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    worker = professional("lichte_jeugdhulp", organisation=toegang.saam)
    client.force_login(worker.user)
    assert request.reference in client.get("/toegang/verwijzingen/").content.decode()
    html = client.get(f"/toegang/verwijzingen/{referral.pk}/").content.decode()
    assert request.question in html
    assert "Anne de Boer" not in html  # the contact details were not shared
    response = client.post(f"/toegang/verwijzingen/{referral.pk}/", {"status": "geaccepteerd", "note": ""})
    assert response.status_code == 302
    other = professional("lichte_jeugdhulp", organisation=toegang.ggd)
    client.force_login(other.user)
    assert client.get(f"/toegang/verwijzingen/{referral.pk}/").status_code == 404


# --- the checklist --------------------------------------------------------------------------------


def test_the_teamleider_edits_and_publishes_a_new_version(client, toegang):
    client.force_login(toegang.teamleider.user)
    assert client.post("/toegang/checklist/").status_code == 302
    draft = ChecklistVersion.objects.get(status="draft")
    response = client.post(
        "/toegang/checklist/vragen/nieuw/",
        {
            "theme": "School",
            "text": "Gaat de jeugdige naar school?",
            "kind": "yesno",
            "required": "on",
            "flag_nee": "development",
        },
    )
    assert response.status_code == 302
    question = draft.questions.get(text="Gaat de jeugdige naar school?")
    assert question.options == [
        {"value": "ja", "label": "Ja", "flag": ""},
        {"value": "nee", "label": "Nee", "flag": "development"},
    ]
    response = client.post(
        "/toegang/checklist/vragen/nieuw/", {"text": "Welke?", "kind": "choice", "option_1": "Alleen één"}
    )
    assert response.status_code == 422
    assert "Een keuzevraag heeft minstens twee antwoorden." in response.content.decode()
    assert client.post("/toegang/checklist/publiceren/", {"note": ""}).status_code == 422
    assert client.post("/toegang/checklist/publiceren/", {"note": "Schoolvraag erbij."}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    assert client.get("/toegang/checklist/versies/1/").status_code == 200


def test_samen_doen_reads_the_checklist_but_does_not_edit_it(client, toegang):
    client.force_login(toegang.medewerker.user)
    assert client.get("/toegang/checklist/").status_code == 200
    assert client.post("/toegang/checklist/").status_code == 403


# --- registering by a professional -----------------------------------------------------------------


def test_a_school_registers_a_family_at_samen_doen(client, toegang):
    school = SchoolFactory(municipality=toegang.municipality)
    ib = professional("intern_begeleider", organisation=school)
    client.force_login(ib.user)
    data = {
        "municipality": toegang.municipality.pk,
        "first_name": "Noah",
        "last_name": "Smit",
        "date_of_birth": years_ago(8).isoformat(),
        "requester_kind": "school",
        "requester_name": "IB'er",
        "requester_phone": "0529-123456",
        "question": "Zorgen over thuis.",
        "urgency": "normaal",
        "consent_by": "",
    }
    response = client.post("/toegang/nieuw/", data)
    assert response.status_code == 422
    assert "Vul in wie toestemming gaf" in response.content.decode()
    data.update(consent_by="ouders", consent_on=timezone.localdate().isoformat())
    response = client.post("/toegang/nieuw/", data)
    assert response.status_code == 302
    request = HelpRequest.objects.get()
    assert (request.referrer, request.source) == (ib, "professional")
    assert request.reference in client.get(response["Location"]).content.decode()
    assert client.get(f"/toegang/hulpvragen/{request.pk}/").status_code == 404  # the toegang's work is not theirs


# --- query counts ---------------------------------------------------------------------------------


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


INBOX_QUERIES = 11  # session, user, professional + functions, count, page, suspensions, log, session save…
WAITING_LIST_QUERIES = 13


@pytest.mark.parametrize("n", [3, 20])
def test_the_inbox_costs_the_same_for_few_and_many(client, toegang, n):
    for i in range(n):
        toegang.public(first_name=f"Kind{i}")
    client.force_login(toegang.medewerker.user)
    assert count(client, "/toegang/") == INBOX_QUERIES


@pytest.mark.parametrize("n", [3, 12])
def test_the_waiting_list_costs_the_same_for_few_and_many(client, toegang, n):
    for i in range(n):
        HelpRequest.objects.create(
            reference=f"HV-T-{i}", municipality=toegang.municipality, source="telefoon", question="x",
            first_name=f"Kind{i}", last_name="X", date_of_birth=years_ago(8), requester_kind="ouder",
            requester_name="Ouder", status="wachtlijst", priority=2, waiting_since=timezone.localdate(),
        )  # fmt: skip
    client.force_login(toegang.teamleider.user)
    assert count(client, "/toegang/wachtlijst/") == WAITING_LIST_QUERIES


def test_organisations_of_another_kind_see_no_referrals_page_entries(client, toegang):
    pro = professional("politie", organisation=OrganisationFactory(kind="politie"))
    client.force_login(pro.user)
    response = client.get("/toegang/verwijzingen/")
    assert response.status_code == 200
    assert "Er zijn geen verwijzingen." in response.content.decode()


def test_registering_from_the_dossier_takes_the_youth_from_it(client, toegang):
    from tests.factories import EnrolmentFactory

    school = SchoolFactory(municipality=toegang.municipality)
    ib = professional("intern_begeleider", organisation=school)
    youth = EnrolmentFactory(school=school).youth
    client.force_login(ib.user)
    assert "Aanmelden bij Samen Doen" in client.get(f"/jeugdigen/{youth.pk}/").content.decode()
    page = client.get(f"/toegang/nieuw/?jeugdige={youth.pk}").content.decode()
    assert youth.first_name in page
    response = client.post(
        "/toegang/nieuw/",
        {
            "jeugdige": youth.pk,
            "municipality": toegang.municipality.pk,
            "first_name": "genegeerd",
            "last_name": "genegeerd",
            "date_of_birth": youth.date_of_birth.isoformat(),
            "requester_kind": "school",
            "requester_name": "IB'er",
            "requester_phone": "0529-123456",
            "question": "Zorgen over thuis.",
            "urgency": "normaal",
            "consent_by": "ouders",
            "consent_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    request = HelpRequest.objects.get()
    assert (request.youth, request.first_name) == (youth, youth.first_name)
    stranger = professional("intern_begeleider", organisation=SchoolFactory(municipality=toegang.municipality))
    client.force_login(stranger.user)
    assert client.get(f"/toegang/nieuw/?jeugdige={youth.pk}").status_code == 404
