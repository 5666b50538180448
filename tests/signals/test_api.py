"""Signals in the API: my open signals (paginated, logged) and marking one handled, with the same
recipients, messages and 404s as the pages."""

from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.signals import services
from jeugdketen.signals.models import Signal
from tests.api.conftest import token_client
from tests.factories import involve, parent_of, professional

from .conftest import TODAY, agreement, end_involvement

pytestmark = pytest.mark.django_db

BASE = "/api/v1/signals/"


@pytest.fixture
def signal(plan, begeleider) -> Signal:
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1), what="Noah naar de logopedist")
    services.stagnation_sweep(today=TODAY)
    return Signal.objects.get()


def test_my_signals(signal, regisseur, begeleider, youth):
    for pro in (regisseur, begeleider):
        response = token_client(pro.user).get(BASE)
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 1
        assert body["results"] == [
            {
                "id": signal.pk,
                "kind": "afspraak_verlopen",
                "kind_label": "Afspraak over de datum",
                "case": signal.case_id,
                "case_reference": signal.case.reference,
                "due_on": signal.due_on.isoformat(),
                "raised_on": TODAY.isoformat(),
                "resolved_at": None,
                "resolution": "",
                "handled_note": "",
            }
        ]
        assert youth.first_name not in response.content.decode()
    entries = AccessLogEntry.objects.filter(event="list", object_type="signal", channel="api")
    assert entries.count() == 2 and {e.description for e in entries} == {"API signalen"}


def test_others_get_an_empty_list(signal, case, youth):
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    for user in (teacher.user, professional("jeugdconsulent").user, parent_of(youth).user):
        assert token_client(user).get(BASE).json()["results"] == []


def test_anonymous_is_401(signal):
    anonymous = APIClient()
    assert anonymous.get(BASE).status_code == 401
    assert anonymous.post(f"{BASE}{signal.pk}/handle/", {"note": "x"}, format="json").status_code == 401


def test_the_owner_marks_it_handled(signal, begeleider):
    api = token_client(begeleider.user)
    invalid = api.post(f"{BASE}{signal.pk}/handle/", {"note": " "}, format="json")
    assert invalid.status_code == 400
    assert invalid.json() == {"note": ["Dit veld mag niet leeg zijn."]}
    response = api.post(f"{BASE}{signal.pk}/handle/", {"note": "Gebeld met school."}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["resolution"], body["handled_note"]) == ("afgehandeld", "Gebeld met school.")
    again = api.post(f"{BASE}{signal.pk}/handle/", {"note": "Nog eens."}, format="json")
    assert again.status_code == 400
    assert again.json() == {"note": ["Dit signaal is al afgehandeld."]}
    assert api.get(BASE).json()["count"] == 0


def test_handling_is_404_for_others_for_an_ended_involvement_and_for_a_bad_id(signal, case, begeleider):
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    assert token_client(teacher.user).post(f"{BASE}{signal.pk}/handle/", {"note": "x"}).status_code == 404
    end_involvement(case, begeleider)
    api = token_client(begeleider.user)
    assert api.post(f"{BASE}{signal.pk}/handle/", {"note": "x"}).status_code == 404
    assert api.post(f"{BASE}abc/handle/", {"note": "x"}).status_code == 404
    assert Signal.objects.get().is_open
