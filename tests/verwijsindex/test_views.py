"""The verwijsindex pages and API: placers only, each sees only their own signals and matches; the
family sees who placed one in Mijn gezin."""

import pytest
from django.utils import timezone

from jeugdketen.verwijsindex.models import Signal
from jeugdketen.youth.models import CarerRelation
from tests.api.conftest import token_client
from tests.factories import CarerFactory, UserFactory

from .conftest import NEW_BSN, years_ago

pytestmark = pytest.mark.django_db


def _form(index, **kwargs):
    values = {
        "bsn": NEW_BSN,
        "date_of_birth": years_ago(7).isoformat(),
        "first_name": "Sara",
        "last_name": "Bakker",
        "municipality": index.municipality.pk,
        "phone": "06-11112222",
    }
    values.update(kwargs)
    return values


def test_a_placer_places_a_signal_through_the_page(client, index):
    client.force_login(index.nurse.user)
    assert client.get("/verwijsindex/nieuw/").status_code == 200
    response = client.post("/verwijsindex/nieuw/", _form(index))
    signal = Signal.objects.get()
    assert response.status_code == 302 and response.url == f"/verwijsindex/{signal.pk}/"
    page = client.get(response.url).content.decode()
    assert "Sara Bakker" in page and "Nog geen andere professional" in page


def test_bad_input_shows_the_field_and_its_dutch_message(client, index):
    client.force_login(index.nurse.user)
    response = client.post("/verwijsindex/nieuw/", _form(index, bsn="123456789", phone=""))
    page = response.content.decode()
    assert response.status_code == 422
    assert "BSN van de jeugdige: Dit is geen geldig BSN" in page
    assert "Uw telefoonnummer: Vul uw telefoonnummer in" in page
    assert not Signal.objects.exists()


@pytest.mark.parametrize("path", ["/verwijsindex/", "/verwijsindex/nieuw/"])
def test_those_who_place_no_signals_get_no_verwijsindex_pages(client, index, path):
    client.force_login(index.teacher.user)
    assert client.get(path).status_code == 403
    client.force_login(UserFactory())
    assert client.get(path).status_code == 403


def test_a_match_shows_both_placers_and_the_regie_form(client, index):
    first, _ = index.place(index.ib)
    second, _ = index.place(index.nurse)
    client.force_login(index.ib.user)
    page = client.get(f"/verwijsindex/{first.pk}/").content.decode()
    assert index.nurse.name in page and "Wie heeft de regie?" in page
    response = client.post(f"/verwijsindex/{first.pk}/", {"holder": second.pk, "note": "GGD belt de ouders."})
    assert response.status_code == 302
    client.force_login(index.nurse.user)
    page = client.get("/verwijsindex/").content.decode()
    assert f"{index.nurse.name} ({index.ggd.name})" in page


def test_another_placers_signal_is_not_found(client, index):
    first, _ = index.place(index.ib)
    index.place(index.nurse)
    client.force_login(index.nurse.user)
    assert client.get(f"/verwijsindex/{first.pk}/").status_code == 404
    assert client.post(f"/verwijsindex/{first.pk}/intrekken/").status_code == 404
    assert Signal.objects.get(pk=first.pk).ended_on is None


def test_the_placer_withdraws_from_the_page(client, index):
    signal, _ = index.place(index.ib)
    client.force_login(index.ib.user)
    response = client.post(f"/verwijsindex/{signal.pk}/intrekken/")
    assert response.status_code == 302
    assert Signal.objects.get().ended_on == timezone.localdate()


def test_the_navigation_counts_matches_for_placers_only(client, index):
    """With the open-signal count, in the same request (out of band)."""
    index.place(index.ib)
    client.force_login(index.ib.user)
    assert 'id="jk-match-count"' in client.get("/signalen/aantal/").content.decode()
    assert "> match" not in client.get("/signalen/aantal/").content.decode()
    index.place(index.nurse)
    assert '(1<span class="visually-hidden"> match' in client.get("/signalen/aantal/").content.decode()
    client.force_login(index.teacher.user)
    assert "jk-match-count" not in client.get("/signalen/aantal/").content.decode()


def test_the_parent_with_gezag_sees_who_placed_a_signal_and_the_parent_without_does_not(client, index):
    with_gezag, without = CarerFactory(), CarerFactory()
    CarerRelation.objects.create(youth=index.youth, carer=with_gezag, has_gezag=True)
    CarerRelation.objects.create(youth=index.youth, carer=without, has_gezag=False)
    index.place(index.nurse, phone="038-1234567")
    client.force_login(with_gezag.user)
    page = client.get("/mijn/").content.decode()
    assert "Signalen in de verwijsindex" in page and index.nurse.name in page and "038-1234567" in page
    client.force_login(without.user)
    assert index.nurse.name not in client.get("/mijn/").content.decode()
    assert client.get("/verwijsindex/").status_code == 403


def test_the_api_places_lists_agrees_regie_and_withdraws(index):
    first, _ = index.place(index.ib)
    api = token_client(index.nurse.user)
    data = _form(index, bsn=index.youth.bsn, date_of_birth=index.youth.date_of_birth.isoformat(),
                 municipality=index.municipality.cbs_code)  # fmt: skip
    response = api.post("/api/v1/verwijsindex/signals/", data, format="json")
    assert response.status_code == 201 and response.json()["matches"] == 1
    own = response.json()["id"]
    [row] = api.get("/api/v1/verwijsindex/signals/").json()
    assert [m["professional_name"] for m in row["matches"]] == [index.ib.name]
    assert set(row["matches"][0]) == {"id", "professional_name", "organisation_name", "function_name", "phone",
                                      "email", "placed_on"}  # fmt: skip
    response = api.post(f"/api/v1/verwijsindex/signals/{own}/regie/", {"holder": first.pk}, format="json")
    assert response.status_code == 200 and response.json()["regie"]["holder"] == first.pk
    assert api.post(f"/api/v1/verwijsindex/signals/{first.pk}/withdraw/").status_code == 404
    assert api.post(f"/api/v1/verwijsindex/signals/{own}/withdraw/").status_code == 204


def test_the_api_refuses_bad_input_and_non_placers(index):
    api = token_client(index.nurse.user)
    response = api.post("/api/v1/verwijsindex/signals/", _form(index, bsn="1", municipality="0148"), format="json")
    assert response.status_code == 400 and "geen geldig BSN" in response.json()["bsn"][0]
    assert (
        token_client(index.teacher.user)
        .post("/api/v1/verwijsindex/signals/", _form(index, municipality="0148"), format="json")
        .status_code
        == 403
    )
    assert token_client(UserFactory()).get("/api/v1/verwijsindex/signals/").status_code == 403


def test_the_api_refuses_a_nul_character_in_the_municipality_code(index):
    data = _form(index, municipality="01\x0048")
    response = token_client(index.nurse.user).post("/api/v1/verwijsindex/signals/", data, format="json")
    assert response.status_code == 400 and "municipality" in response.json()
