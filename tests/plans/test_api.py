"""The plan in the API: read, change with the version, 409 with what changed, refused for others."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.api.conftest import token_client
from tests.factories import involve, professional

from .test_services import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return World()


def test_read_and_change_with_the_version(world):
    client = token_client(world.regisseur.user)
    plan = client.get(f"/api/v1/plans/{world.case.pk}/").json()
    assert (plan["version"], plan["goals"]) == (1, [])
    response = client.post(
        f"/api/v1/plans/{world.case.pk}/goals/", {"version": 1, "text": "Naar school"}, format="json"
    )
    assert response.status_code == 201
    stale = client.post(f"/api/v1/plans/{world.case.pk}/goals/", {"version": 1, "text": "Rust"}, format="json")
    assert stale.status_code == 409
    assert stale.json()["changes"] == ["Doel toegevoegd: Naar school"] and stale.json()["current_version"] == 2
    response = client.post(
        f"/api/v1/plans/{world.case.pk}/agreements/",
        {
            "version": 2,
            "what": "Gesprek met mentor",
            "owner_kind": "professional",
            "owner_professional": world.teacher.pk,
            "due_on": (timezone.localdate() + timedelta(days=5)).isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201
    agreement = response.json()["id"]
    teacher = token_client(world.teacher.user)
    response = teacher.post(
        f"/api/v1/plans/{world.case.pk}/agreement-updates/",
        {"version": 3, "agreement": agreement, "status": "gedaan"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["status"] == "gedaan"
    then = client.get(f"/api/v1/plans/{world.case.pk}/", {"op": timezone.localdate().isoformat()}).json()
    assert then["version"] == 4


def test_bad_input_and_refusals(world):
    client = token_client(world.regisseur.user)
    response = client.post(f"/api/v1/plans/{world.case.pk}/goals/", {"version": 1, "text": "<b>x</b>"}, format="json")
    assert response.status_code == 400 and "text" in response.json()
    assert client.get(f"/api/v1/plans/{world.case.pk}/", {"op": "gisteren"}).status_code == 400
    agent = professional("politie")
    involve(world.case, agent, "politie")
    assert token_client(agent.user).get(f"/api/v1/plans/{world.case.pk}/").status_code == 404
    teacher = token_client(world.teacher.user)
    assert (
        teacher.post(f"/api/v1/plans/{world.case.pk}/goals/", {"version": 1, "text": "x"}, format="json").status_code
        == 403
    )
