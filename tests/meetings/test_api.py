"""The API: the same operations as the pages, the same policy per agenda item, Dutch messages per
field, 403/404 like the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.meetings.models import Meeting
from jeugdketen.plans.models import Agreement
from tests.api.conftest import token_client

from .conftest import decide, item_of, minute

pytestmark = pytest.mark.django_db


def test_schedule_an_mdo(people, case_a, case_b):
    api = token_client(people["consulent"].user)
    response = api.post(
        "/api/v1/meetings/",
        {"kind": "mdo", "starts_at": timezone.now().isoformat(), "place": "Gemeentehuis", "chair": people["ib"].pk,
         "cases": [case_a.pk, case_b.pk]},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["kind"], body["chair_name"], body["status"]) == ("mdo", "Ilse Dekker", "gepland")
    assert [i["case_reference"] for i in body["items"]] == [case_a.reference, case_b.reference]


def test_scheduling_with_bad_input_answers_per_field_and_saves_nothing(people, case_a, case_b):
    api = token_client(people["ib"].user)
    response = api.post(
        "/api/v1/meetings/",
        {"kind": "mdo", "starts_at": timezone.now().isoformat(), "place": " ", "chair": people["ib"].pk,
         "cases": [case_a.pk, case_b.pk]},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400
    assert response.json() == {
        "place": ["Vul in waar het overleg is: een adres, een ruimte of ‘online’."],
        "cases": ["U kunt alleen casussen agenderen waarbij u zelf betrokken bent."],
    }
    missing = api.post(
        "/api/v1/meetings/",
        {"kind": "mdo", "starts_at": timezone.now().isoformat(), "place": "x", "chair": people["ib"].pk,
         "cases": [case_a.pk, 999999]},
        format="json",
    )  # fmt: skip
    assert missing.json() == {"cases": ["U kunt alleen casussen agenderen waarbij u zelf betrokken bent."]}
    assert not Meeting.objects.exists()


def test_each_reads_the_meeting_as_the_policy_allows(meeting, people, case_a, case_b, mother):
    item = item_of(meeting, case_a)
    minute(people["agent"].user, item, "police", "Overlast gemeld.")
    minute(people["ib"].user, item, "school", "Onrustig.")
    decide(people["ib"].user, item)
    peter = token_client(people["agent"].user).get(f"/api/v1/meetings/{meeting.pk}/").json()
    [noah] = peter["items"]
    assert [m["text"] for m in noah["minutes"]] == ["Overlast gemeld."]
    assert (noah["decisions"], noah["outcome"]) == ([], None)
    marloes = token_client(mother.user).get(f"/api/v1/meetings/{meeting.pk}/").json()
    [noah] = marloes["items"]
    assert [m["text"] for m in noah["minutes"]] == ["Onrustig."]
    assert len(noah["decisions"]) == 1 and noah["outcome"] == ""
    assert "Peter Mensink" not in [p["name"] for p in marloes["professionals"]]
    sanne = token_client(people["mentor"].user).get(f"/api/v1/meetings/{meeting.pk}/").json()
    assert [i["case"] for i in sanne["items"]] == [case_b.pk]
    assert token_client(people["mentor"].user).get(f"/api/v1/meeting-items/{item.pk}/").status_code == 404
    assert token_client(people["outsider"].user).get(f"/api/v1/meetings/{meeting.pk}/").status_code == 404
    mine = token_client(people["ib"].user).get("/api/v1/meetings/").json()
    assert [row["cases"] for row in mine["upcoming"] + mine["past"]] == [
        [{"id": case_a.pk, "reference": case_a.reference, "youth_name": "Noah Jansen"}]
    ]


def test_minutes_decisions_outcome_convert_and_close(meeting, people, case_a, case_b, mother):
    item = item_of(meeting, case_a)
    ilse = token_client(people["ib"].user)
    response = ilse.post(f"/api/v1/meeting-items/{item.pk}/minutes/", {"section": "situatie", "category": "police",
                                                                      "text": "x"}, format="json")  # fmt: skip
    assert response.status_code == 400
    assert response.json() == {
        "category": ["Als Intern begeleider / zorgcoördinator kunt u niet schrijven in de categorie Politie."]
    }
    response = ilse.post(f"/api/v1/meeting-items/{item.pk}/minutes/", {"section": "behoeften", "category": "school",
                                                                      "text": "Rust en structuur."}, format="json")  # fmt: skip
    assert response.status_code == 201 and response.json()["author_name"] == "Ilse Dekker"
    due = (timezone.localdate() + timedelta(days=10)).isoformat()
    response = ilse.post(f"/api/v1/meeting-items/{item.pk}/decisions/",
                         {"what": "", "owner_kind": "ouder", "owner_carer": mother.pk, "due_on": due}, format="json")  # fmt: skip
    assert response.status_code == 400 and "what" in response.json()
    response = ilse.post(f"/api/v1/meeting-items/{item.pk}/decisions/",
                         {"what": "Dagritme-kaart thuis.", "owner_kind": "ouder", "owner_carer": mother.pk,
                          "due_on": due}, format="json")  # fmt: skip
    assert response.status_code == 201 and response.json()["owner_name"] == mother.full_name

    assert ilse.post(f"/api/v1/meeting-items/{item.pk}/convert/").status_code == 403
    jeroen = token_client(people["consulent"].user)
    first = jeroen.post(f"/api/v1/meeting-items/{item.pk}/convert/")
    assert first.status_code == 200 and len(first.json()["agreements"]) == 1
    assert jeroen.post(f"/api/v1/meeting-items/{item.pk}/convert/").json() == {"agreements": []}
    assert Agreement.objects.count() == 1

    assert jeroen.post(f"/api/v1/meetings/{meeting.pk}/close/").status_code == 400
    for case in (case_a, case_b):
        response = jeroen.post(f"/api/v1/meeting-items/{item_of(meeting, case).pk}/outcome/",
                               {"outcome": "Afspraken gemaakt."}, format="json")  # fmt: skip
        assert response.status_code == 200 and response.json()["outcome"] == "Afspraken gemaakt."
    assert ilse.post(f"/api/v1/meetings/{meeting.pk}/close/").status_code == 403
    response = jeroen.post(f"/api/v1/meetings/{meeting.pk}/close/")
    assert response.status_code == 200 and response.json()["status"] == "afgerond"

    pdf = token_client(mother.user).get(f"/api/v1/meeting-items/{item.pk}/feedback.pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert AccessLogEntry.objects.filter(user=mother.user, event="print", channel="api").exists()
    assert token_client(people["agent"].user).get(f"/api/v1/meeting-items/{item.pk}/feedback.pdf/").status_code == 404


def test_invitations_through_the_api(people, case_a, mother):
    jeroen = token_client(people["consulent"].user)
    meeting = jeroen.post(
        "/api/v1/meetings/",
        {"kind": "breed", "starts_at": timezone.now().isoformat(), "place": "School", "chair": people["consulent"].pk,
         "cases": [case_a.pk]},
        format="json",
    ).json()  # fmt: skip
    item = meeting["items"][0]["id"]
    response = jeroen.post(
        f"/api/v1/meetings/{meeting['id']}/participants/",
        {"professionals": [people["outsider"].pk]},
        format="json",
    )
    assert response.status_code == 400 and "professionals" in response.json()
    response = jeroen.post(
        f"/api/v1/meetings/{meeting['id']}/participants/",
        {"professionals": [people["ib"].pk], "family": [{"item": item, "carer": mother.pk}]},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["items"][0]["family"][0]["name"] == mother.full_name
    assert (
        token_client(people["ib"].user)
        .post(f"/api/v1/meetings/{meeting['id']}/participants/", {"professionals": [people["nurse"].pk]}, format="json")
        .status_code
        == 403
    )
