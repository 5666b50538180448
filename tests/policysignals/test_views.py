"""The beleidssignalen pages and API."""

import pytest

from jeugdketen.policysignals import services
from jeugdketen.policysignals.models import PolicySignal
from tests.api.conftest import token_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Geen plek bij de schoolmaatschappelijk werker",
    "description": "Ouders die hulp vragen via school wachten vaak maanden.",
    "theme": "aanbod",
    "domain": "beide",
}


def test_a_professional_raises_a_signal_and_is_told_what_was_stripped(client, setting):
    client.force_login(setting.teacher.user)
    response = client.post("/beleidssignalen/nieuw/", {**FORM, "suggestion": "Bel mij: 06-12345678"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "De app haalde uit uw tekst: een telefoonnummer." in page
    assert "06-12345678" not in page


def test_a_childs_name_gives_422_naming_the_field(client, setting):
    client.force_login(setting.teacher.user)
    response = client.post("/beleidssignalen/nieuw/", {**FORM, "description": "Noah Jansen wacht al maanden."})
    assert response.status_code == 422
    assert "Wat ziet u: Wat ziet u lijkt de naam van een kind te bevatten (Noah Jansen)" in response.content.decode()
    assert not PolicySignal.objects.exists()


def test_the_review_page_is_for_managers(client, setting):
    services.policy_signal_raise(actor=setting.teacher.user, **FORM)
    client.force_login(setting.teacher.user)
    assert client.get("/beleidssignalen/behandelen/").status_code == 403
    client.force_login(setting.teamleider.user)
    page = client.get("/beleidssignalen/behandelen/?status=nieuw").content.decode()
    assert FORM["title"] in page and setting.teacher.name in page
    client.force_login(UserFactory())
    assert client.get("/beleidssignalen/").status_code == 403


def test_a_manager_answers_and_groups_from_the_signal_page(client, setting):
    signal = services.policy_signal_raise(actor=setting.teacher.user, **FORM).signal
    client.force_login(setting.teamleider.user)
    assert client.post(f"/beleidssignalen/{signal.pk}/antwoord/", {"answer": ""}).status_code == 422
    assert client.post(f"/beleidssignalen/{signal.pk}/antwoord/", {"answer": "Wordt ingekocht."}).status_code == 302
    assert client.post(f"/beleidssignalen/{signal.pk}/groep/", {"new_title": "Aanbod school"}).status_code == 302
    signal.refresh_from_db()
    assert signal.status == "beantwoord" and signal.group.title == "Aanbod school"
    assert client.get(f"/beleidssignalen/groepen/{signal.group_id}/").status_code == 200
    client.force_login(setting.consulent.user)
    assert client.get(f"/beleidssignalen/{signal.pk}/").status_code == 404
    client.force_login(setting.teacher.user)
    assert "Wordt ingekocht." in client.get(f"/beleidssignalen/{signal.pk}/").content.decode()
    assert client.post(f"/beleidssignalen/{signal.pk}/antwoord/", {"answer": "x"}).status_code == 403


def test_the_api_raises_reviews_and_answers(setting):
    teacher, manager = token_client(setting.teacher.user), token_client(setting.teamleider.user)
    response = teacher.post("/api/v1/policy-signals/", FORM, format="json")
    assert response.status_code == 201
    signal_id = response.json()["id"]
    bad = teacher.post("/api/v1/policy-signals/", {**FORM, "title": "Over Noah Jansen"}, format="json")
    assert bad.status_code == 400 and "Noah Jansen" in bad.json()["title"][0]
    assert teacher.get("/api/v1/policy-signals/review/").status_code == 403
    [row] = manager.get("/api/v1/policy-signals/review/").json()["results"]
    assert row["id"] == signal_id
    response = manager.post(f"/api/v1/policy-signals/{signal_id}/group/", {"new_title": "Aanbod"}, format="json")
    assert response.status_code == 200 and response.json()["group_title"] == "Aanbod"
    group_id = response.json()["group"]
    response = manager.post(f"/api/v1/policy-signal-groups/{group_id}/answer/", {"answer": "Komt er."}, format="json")
    assert response.status_code == 200 and response.json()["size"] == 1
    assert teacher.get(f"/api/v1/policy-signals/{signal_id}/").json()["current_answer"] == "Komt er."
    assert token_client(setting.consulent.user).get(f"/api/v1/policy-signals/{signal_id}/").status_code == 404
