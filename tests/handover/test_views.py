"""The handover pages and API."""

import pytest

from jeugdketen.handover.models import Handover
from jeugdketen.youth.models import CarerRelation
from tests.api.conftest import token_client
from tests.factories import CarerFactory, UserFactory

pytestmark = pytest.mark.django_db


def _start(client, schools, **kwargs):
    data = {"transfer": "po_vo", "school_year": schools.next_year, "to_school": schools.vo.pk, "method": "koud"}
    data.update(kwargs)
    return client.post(f"/overdracht/nieuw/{schools.pupil.pk}/", data)


def test_the_school_starts_writes_and_hands_over_through_the_pages(client, schools):
    client.force_login(schools.ib.user)
    assert "Sem de Boer" in client.get("/overdracht/").content.decode()
    response = _start(client, schools)
    handover = Handover.objects.get()
    assert response.status_code == 302 and response.url == f"/overdracht/{handover.pk}/"
    page = client.get(response.url).content.decode()
    assert "Vul het schooladvies in" in page and "vóór 24 maart" in page
    report = {"to_school": schools.vo.pk, "method": "koud", "learning": "Goed.", "support": "Weinig.",
              "wellbeing": "Prima.", "schooladvies": "havo", "schooladvies_on": schools.today.isoformat()}  # fmt: skip
    assert client.post(response.url, report).status_code == 302
    assert client.post(f"/overdracht/{handover.pk}/overdragen/").status_code == 302
    assert Handover.objects.get().status == "overgedragen"


def test_bad_input_gives_422_naming_the_field(client, schools):
    client.force_login(schools.ib.user)
    response = _start(client, schools, to_school=schools.mbo.pk)
    assert response.status_code == 422
    assert "Naar school: Deltion past niet bij deze overgang" in response.content.decode()
    response = _start(client, schools, transfer="")
    assert "Overgang: Kies de overgang." in response.content.decode()
    assert not Handover.objects.exists()


def test_the_receiving_school_and_the_family_read_and_the_parent_reacts(client, schools):
    client.force_login(schools.ib.user)
    _start(client, schools)
    handover = Handover.objects.get()
    Handover.objects.filter(pk=handover.pk).update(learning="a", support="b", wellbeing="c", schooladvies="vwo",
                                                   schooladvies_on=schools.today)  # fmt: skip
    client.post(f"/overdracht/{handover.pk}/overdragen/")
    client.force_login(schools.vo_ib.user)
    assert client.get(f"/overdracht/{handover.pk}/").status_code == 404
    schools.enrol_at_vo()
    page = client.get(f"/overdracht/{handover.pk}/").content.decode()
    assert "vwo" in page and "Reactie toevoegen" not in page
    assert client.post(f"/overdracht/{handover.pk}/", {"learning": "x"}).status_code == 403
    mother = CarerFactory()
    CarerRelation.objects.create(youth=schools.pupil, carer=mother, has_gezag=True)
    client.force_login(mother.user)
    assert "Onderwijskundig rapport van OBS De Vecht" in client.get("/mijn/").content.decode()
    assert client.post(f"/overdracht/{handover.pk}/reactie/", {"parents_view": ""}).status_code == 422
    assert client.post(f"/overdracht/{handover.pk}/reactie/", {"parents_view": "Klopt."}).status_code == 302
    assert Handover.objects.get().parents_view == "Klopt."


def test_the_overview_is_for_schools_and_the_consulent(client, schools):
    client.force_login(schools.consulent.user)
    assert "Sem de Boer" in client.get("/overdracht/").content.decode()
    client.force_login(UserFactory())
    assert client.get("/overdracht/").status_code == 403


def test_the_api(schools):
    api = token_client(schools.ib.user)
    response = api.post("/api/v1/handovers/", {"youth": schools.pupil.pk, "transfer": "po_vo", "method": "warm",
                                               "school_year": schools.next_year, "to_school": schools.vo.pk},
                        format="json")  # fmt: skip
    assert response.status_code == 201
    pk = response.json()["id"]
    response = api.post(f"/api/v1/handovers/{pk}/complete/")
    assert response.status_code == 400 and "conversation_on" in response.json()
    fields = {"learning": "a", "support": "b", "wellbeing": "c", "schooladvies": "havo",
              "schooladvies_on": schools.today.isoformat(), "conversation_on": schools.today.isoformat(),
              "conversation_with": "Mw. Smit"}  # fmt: skip
    assert api.patch(f"/api/v1/handovers/{pk}/", fields, format="json").status_code == 200
    assert api.post(f"/api/v1/handovers/{pk}/complete/").json()["status"] == "overgedragen"
    assert api.get("/api/v1/handovers/in-view/").json() == []
    receiver = token_client(schools.vo_ib.user)
    assert receiver.get(f"/api/v1/handovers/{pk}/").status_code == 404
    schools.enrol_at_vo()
    assert [h["id"] for h in receiver.get("/api/v1/handovers/received/").json()] == [pk]
    assert token_client(schools.consulent.user).get("/api/v1/handovers/risks/").status_code == 200
    assert token_client(schools.consulent.user).get("/api/v1/handovers/in-view/").status_code == 403
    assert token_client(schools.ib.user).get("/api/v1/handovers/risks/").status_code == 404


def test_the_api_answers_404_alike_for_a_missing_and_an_invisible_youth(schools):
    from tests.factories import YouthFactory

    api = token_client(schools.ib.user)
    data = {"transfer": "po_vo", "method": "koud", "school_year": schools.next_year}
    assert api.post("/api/v1/handovers/", {**data, "youth": 999999}, format="json").status_code == 404
    assert api.post("/api/v1/handovers/", {**data, "youth": YouthFactory().pk}, format="json").status_code == 404
