"""The toegang in the API: the same operations and the same policy as the pages."""

import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.intake.models import HelpRequest, Referral
from tests.api.conftest import token_client
from tests.factories import SchoolFactory, professional

from .conftest import years_ago

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_throttle():
    cache.clear()


def public_body(**changes):
    body = {
        "municipality": "0148",
        "question": "Ons kind is erg angstig.",
        "first_name": "Mila",
        "last_name": "Visser",
        "date_of_birth": years_ago(7).isoformat(),
        "requester_kind": "ouder",
        "requester_name": "Ruud Visser",
        "requester_email": "ruud@example.nl",
    }
    body.update(changes)
    return body


def test_the_public_endpoint_needs_no_account_and_answers_only_the_reference(toegang):
    response = APIClient().post("/api/v1/public/help-requests/", public_body(), format="json")
    assert response.status_code == 201
    request = HelpRequest.objects.get()
    assert response.json() == {"reference": request.reference}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"question": "<img src=x onerror=alert(1)>"}, "question", "De hulpvraag bevat HTML- of scriptcode."),
        ({"bsn": "111111111"}, "bsn", "Dit is geen geldig BSN"),
        ({"requester_email": ""}, "requester_phone", "Vul een telefoonnummer of e-mailadres in"),
        ({"requester_kind": "school"}, "requester_kind", "Kies of u de ouder of verzorger bent"),
    ],
)
def test_the_public_endpoint_refuses_bad_input_in_dutch(toegang, changes, field, message):
    response = APIClient().post("/api/v1/public/help-requests/", public_body(**changes), format="json")
    assert response.status_code == 400
    assert response.json()[field][0].startswith(message)
    assert not HelpRequest.objects.exists()


def test_the_public_endpoint_is_throttled(toegang):
    client = APIClient()
    for _ in range(5):
        assert client.post("/api/v1/public/help-requests/", public_body(), format="json").status_code == 201
    assert client.post("/api/v1/public/help-requests/", public_body(), format="json").status_code == 429


def test_the_whole_flow_through_the_api(toegang):
    request = toegang.public()
    medewerker = token_client(toegang.medewerker.user)
    inbox = medewerker.get("/api/v1/help-requests/").json()
    assert [r["reference"] for r in inbox] == [request.reference]
    assert inbox[0]["term"]["suspended"] is False
    response = medewerker.post(f"/api/v1/help-requests/{request.pk}/take-up/", {"register_new": True}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "triage"
    questions = medewerker.get("/api/v1/triage-checklist/").json()["questions"]
    answers = {
        str(q["id"]): ("ja" if q["text"].startswith("Spelen er") else "nee")
        if q["kind"] == "yesno"
        else (q["options"][0]["value"] if q["options"] else "Rust.")
        for q in questions
    }
    response = medewerker.post(f"/api/v1/help-requests/{request.pk}/triage/", {"answers": answers}, format="json")
    assert response.status_code == 201
    assert (response.json()["flags"], response.json()["recommendation"]) == (["complex"], "wachtlijst")
    response = medewerker.post(
        f"/api/v1/help-requests/{request.pk}/decision/", {"kind": "wachtlijst", "motivation": ""}, format="json"
    )
    assert response.status_code == 400
    response = medewerker.post(
        f"/api/v1/help-requests/{request.pk}/decision/",
        {"kind": "wachtlijst", "motivation": "Complex.", "priority": 1},
        format="json",
    )
    assert response.status_code == 201
    teamleider = token_client(toegang.teamleider.user)
    waiting = teamleider.get("/api/v1/waiting-list/").json()
    assert (waiting["total"], waiting["median_days"], waiting["results"][0]["reference"]) == (1, 0, request.reference)
    assert (
        medewerker.post(
            f"/api/v1/help-requests/{request.pk}/assign/", {"consulent": toegang.consulent.pk}, format="json"
        ).status_code
        == 403
    )
    response = teamleider.post(
        f"/api/v1/help-requests/{request.pk}/assign/", {"consulent": toegang.consulent.pk}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "toegewezen"
    assert AccessLogEntry.objects.filter(
        channel="api", object_type="helprequest", user_id=toegang.teamleider.user.pk
    ).exists()


def test_suspension_and_contacts_through_the_api(toegang):
    request = toegang.waiting()
    client = token_client(toegang.medewerker.user)
    response = client.post(
        f"/api/v1/help-requests/{request.pk}/suspend/", {"reason": "Verslag huisarts"}, format="json"
    )
    assert response.status_code == 201
    assert client.get(f"/api/v1/help-requests/{request.pk}/").json()["term"]["suspended"] is True
    assert client.post(f"/api/v1/help-requests/{request.pk}/resume/", {}, format="json").status_code == 200
    response = client.post(
        f"/api/v1/help-requests/{request.pk}/contacts/", {"channel": "telefoon", "note": "Gebeld."}, format="json"
    )
    assert response.status_code == 201 and response.json()["by"] == toegang.medewerker.pk


def test_a_referral_through_the_api(toegang):
    request = toegang.triaged()
    response = token_client(toegang.medewerker.user).post(
        f"/api/v1/help-requests/{request.pk}/decision/",
        {
            "kind": "verwijzen",
            "motivation": "Opvoedvraag.",
            "service": toegang.ggd_service.pk,
            "items": ["hulpvraag", "jeugdige"],
            "consent_by": "ouders",
            "consent_on": timezone.localdate().isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201
    referral = Referral.objects.get()
    assert (referral.organisation, referral.service) == (toegang.ggd, toegang.ggd_service)
    nurse = token_client(professional("jeugdverpleegkundige", organisation=toegang.ggd).user)
    [row] = nurse.get("/api/v1/referrals/").json()
    assert set(row["shared"]) == {"hulpvraag", "jeugdige"}
    assert row["service_name"] == "Opvoedondersteuning JGZ"
    response = nurse.patch(f"/api/v1/referrals/{referral.pk}/", {"status": "afgewezen"}, format="json")
    assert response.status_code == 400 and "note" in response.json()
    response = nurse.patch(f"/api/v1/referrals/{referral.pk}/", {"status": "geaccepteerd"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "geaccepteerd"
    saam = token_client(professional("lichte_jeugdhulp", organisation=toegang.saam).user)
    assert saam.get(f"/api/v1/referrals/{referral.pk}/").status_code == 404


def test_others_are_refused(toegang):
    request = toegang.public()
    teacher = token_client(
        professional("intern_begeleider", organisation=SchoolFactory(municipality=toegang.municipality)).user
    )
    assert teacher.get("/api/v1/help-requests/").status_code == 403
    assert teacher.get("/api/v1/waiting-list/").status_code == 403
    assert teacher.get(f"/api/v1/help-requests/{request.pk}/").status_code == 404
    assert (
        teacher.post(f"/api/v1/help-requests/{request.pk}/take-up/", {"register_new": True}, format="json").status_code
        == 404
    )
    assert APIClient().get("/api/v1/help-requests/").status_code == 401
