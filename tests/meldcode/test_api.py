"""The meldcode through the REST API (token authentication): the same services and policy as the
pages, so the same refusals (404/403, logged with channel "api"), the same order of the steps and
the same Dutch message per field, with nothing half-saved."""

import pytest

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.meldcode.models import Decision, StepRecord, Track, Weighing
from tests.api.conftest import token_client

from .conftest import ALL_YES, days_ago, open_track, walk

pytestmark = pytest.mark.django_db

BASE = "/api/v1/meldcode-tracks/"


def api(who):
    return token_client(getattr(who, "user", who))


def user_of(setting, who):
    person = getattr(setting, who)
    return getattr(person, "user", person)


@pytest.mark.parametrize("who", ["consulent", "samen_doen"])
def test_read_a_track_with_its_steps(setting, who):
    track = walk(open_track(setting), setting.consulent, 4, answers=ALL_YES)
    response = api(getattr(setting, who)).get(f"{BASE}{track.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert (data["case"], data["youth"], data["status"], data["next_step"]) == (
        setting.case.pk,
        setting.youth.pk,
        "open",
        5,
    )
    assert [(s["number"], s["by_function"]) for s in data["steps"]] == [(n, "jeugdconsulent") for n in range(1, 5)]
    assert data["steps"][2]["held"] is True
    assert [q["answer"] for q in data["weighing"]["questions"]] == [True] * 5
    assert data["weighing"]["questions"][0]["question"].startswith("Heb ik op basis van de stappen 1 tot en met 3")
    assert data["weighing"]["advice"] == {
        "suspicion": True,
        "report": True,
        "help_possible": True,
        "summary": "Melden bij Veilig Thuis is noodzakelijk; hulp bieden of organiseren is ook mogelijk.",
    }
    assert data["decision"] is None
    entry = AccessLogEntry.objects.filter(event="read").latest("id")
    assert (entry.channel, entry.categories, entry.object_type) == ("api", ["safety"], "meldcode")


@pytest.mark.parametrize("who", ["teacher", "nurse", "parent_user", "youth_user", "stranger"])
def test_a_track_is_404_for_whoever_may_not_read_safety_data(setting, who):
    track = open_track(setting)
    client = api(user_of(setting, who))
    assert client.get(f"{BASE}{track.pk}/").status_code == 404
    assert (
        client.post(f"{BASE}{track.pk}/steps/", {"number": 1, "done_on": days_ago(1), "notes": "x"}).status_code == 404
    )
    assert client.post(f"{BASE}{track.pk}/close/", {"motivation": "x"}).status_code == 404
    refused = AccessLogEntry.objects.filter(event="refused", user_id=user_of(setting, who).pk)
    assert set(refused.values_list("channel", "object_type")) == {("api", "meldcode")}
    assert refused.count() == 3
    assert not StepRecord.objects.exists()


@pytest.mark.parametrize("who", ["teacher", "nurse", "parent_user", "youth_user"])
def test_the_meldcode_of_a_case_is_403_for_who_sees_the_case_but_not_safety_data(setting, who):
    open_track(setting)
    client = api(user_of(setting, who))
    response = client.get(BASE, {"case": setting.case.pk})
    assert response.status_code == 403
    assert response.json() == {
        "detail": "De meldcode is alleen in te zien voor wie in deze casus met veiligheidsgegevens werkt."
    }
    assert client.post(BASE, {"case": setting.case.pk, "reason": "Zorg"}).status_code == 403
    assert Track.objects.count() == 1


def test_a_stranger_gets_404_for_the_meldcode_of_a_case(setting):
    client = api(setting.stranger)
    assert client.get(BASE, {"case": setting.case.pk}).status_code == 404
    assert client.post(BASE, {"case": setting.case.pk, "reason": "Zorg"}).status_code == 404
    assert AccessLogEntry.objects.filter(event="refused", user_id=setting.stranger.user_id).count() == 2


def test_list_without_a_case_gives_my_open_tracks(setting):
    track = open_track(setting)
    assert [t["id"] for t in api(setting.samen_doen).get(BASE).json()] == [track.pk]
    assert api(setting.teacher).get(BASE).json() == []
    assert api(setting.consulent).get(BASE, {"case": "abc"}).status_code == 404


def test_walk_all_five_steps_and_close(setting):
    client = api(setting.consulent)
    response = client.post(BASE, {"case": setting.case.pk, "reason": "Kind vertelt over klappen."}, format="json")
    assert response.status_code == 201, response.json()
    track_id = response.json()["id"]
    today = days_ago(0).isoformat()
    for number in (1, 2):
        response = client.post(
            f"{BASE}{track_id}/steps/", {"number": number, "done_on": today, "notes": "Gedaan."}, format="json"
        )
        assert response.status_code == 201, response.json()
    response = client.post(
        f"{BASE}{track_id}/steps/",
        {"number": 3, "done_on": today, "held": False, "notes": "Gesprek zou het kind in gevaar brengen."},
        format="json",
    )
    assert (response.status_code, response.json()["held"]) == (201, False)
    weighing = {"done_on": today, "answer_1": True, "motivation_1": "Ja.", "answer_2": False, "motivation_2": "Nee."}
    weighing |= {f"answer_{n}": True for n in (3, 4, 5)} | {f"motivation_{n}": "Ja." for n in (3, 4, 5)}
    response = client.post(f"{BASE}{track_id}/weighing/", weighing, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["advice"]["report"] is False
    decision = {
        "done_on": today,
        "report": False,
        "report_motivation": "Geen acute onveiligheid.",
        "help_possible": True,
        "help_motivation": "Opvoedondersteuning.",
    }
    response = client.post(f"{BASE}{track_id}/decision/", decision, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["deviates"] is False
    response = client.post(f"{BASE}{track_id}/close/", {}, format="json")
    assert (response.status_code, response.json()["status"]) == (200, "gesloten")
    created = AccessLogEntry.objects.filter(object_type="meldcode", event__in=["create", "update"], channel="api")
    assert created.count() == 7  # start, three steps, weighing, decision, close
    assert all(categories == ["safety"] for categories in created.values_list("categories", flat=True))


def test_bad_input_gets_a_dutch_message_per_field_and_nothing_is_saved(setting):
    track = walk(open_track(setting), setting.consulent, 3)
    client = api(setting.consulent)
    response = client.post(
        f"{BASE}{track.pk}/weighing/", {"answer_1": True, "motivation_1": "Ja.", "answer_2": True}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "done_on": ["Vul de datum in."],
        "motivation_2": ["Motiveer uw antwoord op vraag 2."],
        "answer_3": ["Beantwoord vraag 3 met ja of nee."],
        "motivation_3": ["Motiveer uw antwoord op vraag 3."],
        "answer_4": ["Beantwoord vraag 4 met ja of nee."],
        "motivation_4": ["Motiveer uw antwoord op vraag 4."],
        "answer_5": ["Beantwoord vraag 5 met ja of nee."],
        "motivation_5": ["Motiveer uw antwoord op vraag 5."],
    }
    assert not Weighing.objects.exists()
    assert not StepRecord.objects.filter(number=4).exists()
    response = client.post(f"{BASE}{track.pk}/weighing/", {"done_on": "morgen", "answer_1": "misschien"}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"done_on", "answer_1"}


def test_steps_out_of_order_are_refused_with_the_reason(setting):
    track = open_track(setting)
    response = api(setting.consulent).post(
        f"{BASE}{track.pk}/steps/", {"number": 3, "done_on": days_ago(0), "notes": "x", "held": True}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"number": ["Eerst stap 1, dan stap 3: de stappen gaan op volgorde."]}


def test_a_deviating_decision_needs_its_motivation(setting):
    track = walk(open_track(setting), setting.consulent, 4, answers=ALL_YES)
    decision = {
        "done_on": days_ago(0).isoformat(),
        "report": False,
        "report_motivation": "Ouders werken mee.",
        "help_possible": True,
        "help_motivation": "Gezinscoach.",
    }
    response = api(setting.consulent).post(f"{BASE}{track.pk}/decision/", decision, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["deviation_motivation"]
    assert not Decision.objects.exists()


def test_the_endpoints_are_in_the_schema(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    paths = {path: set(ops) - {"parameters"} for path, ops in schema["paths"].items() if "meldcode" in path}
    assert paths == {
        "/api/v1/meldcode-tracks/": {"get", "post"},
        "/api/v1/meldcode-tracks/{id}/": {"get"},
        "/api/v1/meldcode-tracks/{id}/steps/": {"post"},
        "/api/v1/meldcode-tracks/{id}/weighing/": {"post"},
        "/api/v1/meldcode-tracks/{id}/decision/": {"post"},
        "/api/v1/meldcode-tracks/{id}/close/": {"post"},
    }


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", ""),
        ("post", ""),
        ("get", "{id}/"),
        ("post", "{id}/steps/"),
        ("post", "{id}/weighing/"),
        ("post", "{id}/decision/"),
        ("post", "{id}/close/"),
    ],
)
def test_without_a_token_every_endpoint_answers_401_and_logs_nothing(setting, method, path):
    from rest_framework.test import APIClient

    track = open_track(setting)
    before = AccessLogEntry.objects.count()
    response = getattr(APIClient(), method)(BASE + path.format(id=track.pk), {}, format="json")
    assert response.status_code == 401
    assert AccessLogEntry.objects.count() == before
