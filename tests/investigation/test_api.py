"""The same operations through the API, with the same policy, messages and access log."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.investigation.models import Investigation, Phase
from tests.api.conftest import token_client
from tests.factories import YouthFactory, case_with, involve, parent_of, professional

from .conftest import shared

pytestmark = pytest.mark.django_db

BASE = "/api/v1/investigations/"


@pytest.fixture
def api(consulent):
    return token_client(consulent.user)


def test_the_casusregisseur_opens_an_investigation_once(api, consulent, youth):
    case = case_with(youth, consulent, "jeugdconsulent")
    decide_by = (timezone.localdate() + timedelta(weeks=8)).isoformat()
    response = api.post(BASE, {"case": case.pk, "decide_by": decide_by}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["phase"], body["decide_by"], body["youth_name"], body["can_change"]) == (
        "analyse",
        decide_by,
        "Noah Jansen",
        True,
    )
    again = api.post(BASE, {"case": case.pk}, format="json")
    assert again.status_code == 400
    assert again.json() == {"case": ["Er loopt al een onderzoek in deze casus."]}
    assert api.post(BASE, {"case": 999999}, format="json").status_code == 404


def test_read_the_investigation_with_conversations(api, investigation):
    today = timezone.localdate().isoformat()
    response = api.post(
        f"{BASE}{investigation.pk}/conversations/",
        {"kind": "keukentafel", "held_on": today, "participants": "moeder, Noah", "summary": "Goed gesprek."},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["kind"] == "keukentafel"
    body = api.get(f"{BASE}{investigation.pk}/").json()
    assert [c["summary"] for c in body["conversations"]] == ["Goed gesprek."]
    assert body["due_on"] == (timezone.localdate() + timedelta(weeks=4)).isoformat()
    assert body["phase_changes"][0]["to_phase"] == "analyse"
    assert AccessLogEntry.objects.filter(event="read", object_type="investigation", channel="api").exists()


def test_a_conversation_in_the_future_is_refused_per_field(api, investigation):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = api.post(
        f"{BASE}{investigation.pk}/conversations/",
        {"kind": "keukentafel", "held_on": tomorrow, "participants": "moeder", "summary": "x"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"held_on": ["De datum van het gesprek ligt in de toekomst."]}
    assert not investigation.conversations.exists()


def test_the_gate_answers_400_per_missing_field_and_saves_nothing(api, investigation):
    response = api.post(f"{BASE}{investigation.pk}/findings/", {"strengths": "Opa helpt."}, format="json")
    assert response.status_code == 200
    response = api.post(f"{BASE}{investigation.pk}/advance/")
    assert response.status_code == 400
    assert set(response.json()) == {"conversations", "upbringing_findings", "psychological_findings", "safety_findings"}
    investigation.refresh_from_db()
    assert (investigation.phase, investigation.strengths) == (Phase.ANALYSE, "Opa helpt.")


def test_the_whole_flow_through_the_api(api, investigation, youth):
    url = f"{BASE}{investigation.pk}/"
    today = timezone.localdate().isoformat()
    assert (
        api.post(
            url + "conversations/",
            {"kind": "jeugdige", "held_on": today, "participants": "Noah", "summary": "Noah vertelt."},
            format="json",
        ).status_code
        == 201
    )
    findings = {
        "upbringing_findings": "Onrust bij het naar bed gaan.",
        "psychological_findings": "geen zorgen",
        "safety_findings": "geen zorgen",
        "strengths": "Ouders zoeken zelf hulp.",
    }
    assert api.post(url + "findings/", findings, format="json").status_code == 200
    assert api.post(url + "advance/").json()["phase"] == "oordeelsvorming"
    assert api.post(url + "judgement/", {"judgement": "Lichte hulp."}, format="json").status_code == 200
    assert api.post(url + "advance/").json()["phase"] == "besluitvorming"
    response = api.post(url + "decision/", {"help_kind": "licht", "motivation": "Past bij de vraag."}, format="json")
    assert response.json()["help_kind"] == "licht"
    body = api.post(url + "share/").json()
    assert (body["phase"], body["shared_on"], body["shared_with"]) == ("verslag", today, "ouders")

    parent = token_client(parent_of(youth).user)
    response = parent.post(url + "zienswijzen/", {"text": "Eens met het verslag."}, format="json")
    assert response.status_code == 201
    assert response.json()["role"] == "ouder"
    assert parent.get(url).json()["phase_changes"] == []
    assert parent.post(url + "finalise/").status_code == 403

    body = api.post(url + "finalise/", {}, format="json").json()
    assert (body["phase"], body["finalised_on"]) == ("definitief", today)
    assert [z["text"] for z in body["zienswijzen"]] == ["Eens met het verslag."]


def test_step_back_through_the_api(api, investigation, consulent):
    shared(investigation, consulent.user)
    response = api.post(f"{BASE}{investigation.pk}/step-back/", {"to_phase": "analyse", "reason": ""}, format="json")
    assert response.status_code == 400 and "reason" in response.json()
    response = api.post(
        f"{BASE}{investigation.pk}/step-back/", {"to_phase": "analyse", "reason": "Meer gesprekken."}, format="json"
    )
    assert response.json()["phase"] == "analyse" and response.json()["shared_on"] is None


def test_refusals_answer_like_the_pages(investigation, case, consulent, youth):
    stranger = token_client(professional("jeugdconsulent").user)
    assert stranger.get(f"{BASE}{investigation.pk}/").status_code == 404
    assert stranger.post(f"{BASE}{investigation.pk}/advance/").status_code == 404
    nurse = professional("jeugdverpleegkundige")
    involve(case, nurse, "jeugdverpleegkundige")
    nurse_api = token_client(nurse.user)
    assert nurse_api.get(f"{BASE}{investigation.pk}/").json()["can_change"] is False
    response = nurse_api.post(f"{BASE}{investigation.pk}/advance/")
    assert response.status_code == 403
    assert response.json() == {"detail": "Alleen de jeugdconsulent die casusregisseur is, kan het onderzoek wijzigen."}
    parent = token_client(parent_of(youth).user)
    assert parent.get(f"{BASE}{investigation.pk}/").status_code == 404
    assert parent.get(f"{BASE}{investigation.pk}/report.pdf/").status_code == 404
    assert AccessLogEntry.objects.filter(event="refused", object_type="investigation").count() == 5
    assert stranger.get(f"{BASE}abc/").status_code == 404


def test_the_report_pdf_through_the_api(api, investigation, consulent):
    response = api.get(f"{BASE}{investigation.pk}/report.pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    entry = AccessLogEntry.objects.filter(object_type="investigation").latest("pk")
    assert (entry.event, entry.channel) == ("print", "api")
    # Errors are JSON, also for a client that only accepts PDF.
    stranger = token_client(professional("jeugdconsulent").user)
    response = stranger.get(f"{BASE}{investigation.pk}/report.pdf/", HTTP_ACCEPT="application/pdf")
    assert response.status_code == 404
    assert json.loads(response.content) == {"detail": "Niet gevonden."}


def test_lists_mine_and_overdue_without_the_youth_for_the_teamleider(api, investigation, consulent, gemeente):
    Investigation.objects.filter(pk=investigation.pk).update(phase_started_on=timezone.localdate() - timedelta(days=30))
    other = case_with(YouthFactory(), consulent, "jeugdconsulent")
    from jeugdketen.investigation import services

    services.investigation_start(case=other, consulent=consulent, decide_by=None)
    mine = api.get(BASE).json()
    assert [r["youth_name"] for r in mine] == ["Noah Jansen", other.youth.full_name]
    [row] = api.get(BASE + "overdue/").json()
    assert (row["youth_name"], row["days_overdue"]) == ("Noah Jansen", 2)

    teamleider = token_client(professional("manager", organisation=gemeente).user)
    [row] = teamleider.get(BASE + "overdue/").json()
    assert row == {
        "investigation": investigation.pk,
        "case_reference": investigation.case.reference,
        "consulent_name": consulent.name,
        "phase": "analyse",
        "due_on": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "days_overdue": 2,
        "decide_by": investigation.decide_by.isoformat(),
        "youth": None,
        "youth_name": None,
        "case": None,
    }
    assert teamleider.get(BASE).json() == []
