"""The sociale kaart in the API: the same search, rules and Dutch messages as the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jeugdketen.socialmap.models import Service, ServiceEvent, Theme
from tests.api.conftest import token_client

from .conftest import days_ago

pytestmark = pytest.mark.django_db
SERVICES = "/api/v1/social-map/services/"
THEMES = "/api/v1/social-map/themes/"


def api(who):
    return token_client(getattr(who, "user", who))


def body(sm, **changes):
    values = {
        "organisation": sm.saam.pk,
        "name": "Opvoedspreekuur",
        "offer": "Wekelijks spreekuur voor ouders met vragen over opvoeden.",
        "audience": "Ouders en verzorgers",
        "age_min": 0,
        "age_max": 18,
        "themes": ["Opvoeden", "Slapen"],
        "how_to_refer": "Ouders komen zelf langs.",
        "keeper": sm.worker.pk,
    }
    values.update(changes)
    return values


@pytest.fixture
def entries(sm):
    return [
        sm.service(name="Jongerenwerk", age_min=10, age_max=23, themes=("Vrije tijd",)),
        sm.service(name="Opvoedspreekuur", age_min=0, age_max=18, themes=("Opvoeden",), last_confirmed_on=days_ago(9)),
        sm.service(organisation=sm.ggd, keeper=sm.ggd_manager, name="Spreekuur jeugdarts", age_min=4, age_max=18),
        sm.service(name="Gestopt", archived_on=days_ago(1), themes=("Geld",)),
    ]


def names(response) -> list[str]:
    return [s["name"] for s in response.json()["results"]]


# --- reading -----------------------------------------------------------------------------------


def test_a_professional_lists_the_current_entries(sm, entries):
    response = api(sm.ib).get(SERVICES)
    assert response.status_code == 200
    assert response.json()["count"] == 3
    assert names(response) == ["Jongerenwerk", "Opvoedspreekuur", "Spreekuur jeugdarts"]


def test_the_list_filters_by_words_theme_age_and_kind(sm, entries):
    client = api(sm.ib)
    assert names(client.get(SERVICES, {"q": "spreekuur ggd"})) == ["Spreekuur jeugdarts"]
    assert names(client.get(SERVICES, {"q": "Nieuwleusen"})) == ["Jongerenwerk", "Opvoedspreekuur"]
    opvoeden = Theme.objects.get(name="Opvoeden")
    assert names(client.get(SERVICES, {"theme": opvoeden.pk})) == ["Opvoedspreekuur"]
    assert names(client.get(SERVICES, {"age": "19"})) == ["Jongerenwerk"]
    assert names(client.get(SERVICES, {"age": "27"})) == []
    assert names(client.get(SERVICES, {"kind": "ggd"})) == ["Spreekuur jeugdarts"]
    assert len(names(client.get(SERVICES, {"kind": "onbekend", "theme": "x"}))) == 3
    assert names(client.get(SERVICES, {"limit": 1, "offset": 1})) == ["Opvoedspreekuur"]


@pytest.mark.parametrize("age", ["abc", "28", "-1", "1.5", "٣"])
def test_a_bad_age_is_a_400_with_a_dutch_message_naming_age(sm, entries, age):
    response = api(sm.ib).get(SERVICES, {"age": age})
    assert response.status_code == 400
    assert response.json() == {"age": ["Vul een leeftijd in van 0 tot en met 27 jaar."]}


def test_an_entry_is_read_with_its_keeper_and_confirmation(sm, entries):
    sm.saam.phone = "0529-431111"
    sm.saam.save()
    service = entries[1]
    response = api(sm.ib).get(f"{SERVICES}{service.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["name"] == "Opvoedspreekuur"
    assert (data["organisation"], data["organisation_name"], data["organisation_kind"]) == (
        sm.saam.pk,
        "Saam Welzijn",
        "voorliggend",
    )
    assert data["themes"] == ["Opvoeden"]
    assert (data["keeper"], data["keeper_name"], data["last_confirmed_by_name"]) == (
        sm.worker.pk,
        "Gerrit Mulder",
        "Gerrit Mulder",
    )
    assert data["last_confirmed_on"] == days_ago(9).isoformat()
    assert data["confirm_due_on"] == (days_ago(9) + timedelta(days=365)).isoformat()
    assert (data["phone"], data["contact_phone"]) == ("", "0529-431111")
    assert data["archived_on"] is None


def test_an_archived_entry_is_still_read(sm, entries):
    response = api(sm.ib).get(f"{SERVICES}{entries[3].pk}/")
    assert response.status_code == 200
    assert response.json()["archived_on"] == days_ago(1).isoformat()


@pytest.mark.parametrize("pk", ["987654", "abc", "0", str(2**63)])
def test_an_entry_that_does_not_exist_is_a_404(sm, pk):
    assert api(sm.ib).get(f"{SERVICES}{pk}/").status_code == 404


def test_the_themes_are_those_of_current_entries(sm, entries):
    response = api(sm.ib).get(THEMES)
    assert response.status_code == 200
    assert [t["name"] for t in response.json()] == ["Opvoeden", "Vrije tijd"]


def test_a_parent_gets_403_everywhere(sm, entries):
    client = api(sm.parent)
    service = entries[0]
    for url in (SERVICES, f"{SERVICES}{service.pk}/", THEMES):
        response = client.get(url)
        assert response.status_code == 403
        assert response.json() == {"detail": "Dit deel van de API is voor professionals."}
    assert client.post(SERVICES, body(sm), format="json").status_code == 403
    assert client.post(f"{SERVICES}{service.pk}/confirm/").status_code == 403
    assert client.put(f"{SERVICES}{service.pk}/", body(sm), format="json").status_code == 403
    assert Service.objects.count() == 4


def test_without_a_token_the_api_answers_401(sm):
    from rest_framework.test import APIClient

    assert APIClient().get(SERVICES).status_code == 401


# --- adding ------------------------------------------------------------------------------------


def test_a_manager_adds_an_entry(sm):
    response = api(sm.saam_manager).post(SERVICES, body(sm), format="json")
    assert response.status_code == 201
    service = Service.objects.get()
    data = response.json()
    assert data["id"] == service.pk
    assert sorted(data["themes"]) == ["Opvoeden", "Slapen"]
    assert (data["keeper"], data["last_confirmed_on"]) == (sm.worker.pk, timezone.localdate().isoformat())
    assert service.last_confirmed_by == sm.saam_manager
    assert service.events.get().kind == ServiceEvent.Kind.CREATED


def test_a_gemeente_manager_adds_an_entry_for_another_organisation_of_the_municipality(sm):
    response = api(sm.teamleider).post(
        SERVICES, body(sm, organisation=sm.ggd.pk, keeper=sm.teamleider.pk), format="json"
    )
    assert response.status_code == 201
    assert response.json()["organisation_name"] == "GGD IJsselland"


@pytest.mark.parametrize("who", ["ggd_manager", "zwolle_manager", "worker", "ib"])
def test_who_may_not_add_for_the_organisation_gets_403(sm, who):
    response = api(getattr(sm, who)).post(SERVICES, body(sm), format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Alleen een manager van de organisatie of van de gemeente voegt aanbod toe."}
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"age_min": 12, "age_max": 8}, "age_max", "De leeftijd tot en met is lager dan de leeftijd vanaf."),
        ({"keeper": "ggd_manager"}, "keeper", "Kies als beheerder iemand van Saam Welzijn, of een manager van de gemeente."),
        ({"name": "<b>Spreekuur</b>"}, "name", "Naam bevat HTML- of scriptcode. Schrijf gewone tekst."),
        ({"themes": ["<i>x</i>"]}, "themes", "Thema bevat HTML- of scriptcode. Schrijf gewone tekst."),
    ],
)  # fmt: skip
def test_bad_input_is_a_400_with_the_dutch_message_of_the_service(sm, changes, field, message):
    if changes.get("keeper") == "ggd_manager":
        changes = {**changes, "keeper": sm.ggd_manager.pk}
    response = api(sm.saam_manager).post(SERVICES, body(sm, **changes), format="json")
    assert response.status_code == 400
    assert response.json()[field] == [message]
    assert not Service.objects.exists() and not Theme.objects.exists()


def test_the_number_of_themes_and_needs_referral_are_refused_in_dutch(sm):
    client = api(sm.saam_manager)
    response = client.post(SERVICES, body(sm, themes=[f"T{n}" for n in range(11)]), format="json")
    assert response.status_code == 400
    assert response.json() == {"themes": ["Kies hoogstens 10 thema's."]}
    response = client.post(SERVICES, body(sm, needs_referral="misschien"), format="json")
    assert response.status_code == 400
    assert response.json() == {"needs_referral": ["Vul true (ja) of false (nee) in."]}
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"age_max": 28}, "age_max"),
        ({"age_min": -1}, "age_min"),
        ({"name": None}, "name"),
        ({"name": " "}, "name"),
        ({"organisation": 987654}, "organisation"),
        ({"keeper": 987654}, "keeper"),
        ({"email": "geen-adres"}, "email"),
    ],
)
def test_input_the_serializer_refuses_is_a_400_naming_the_field(sm, changes, field):
    data = {k: v for k, v in body(sm, **changes).items() if v is not None}
    response = api(sm.saam_manager).post(SERVICES, data, format="json")
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert response.json()[field][0].startswith(("Dit veld", "Zorg", "Ongeldige", "Voer een"))  # Dutch
    assert not Service.objects.exists()


# --- changing, confirming, archiving -----------------------------------------------------------------


def test_the_keeper_changes_an_entry_with_put_and_so_confirms_it(sm):
    service = sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400), reminded_on=days_ago(30))
    data = body(sm, name="Jongerenwerk Dalfsen", themes=["Vrije tijd"])
    del data["organisation"]
    response = api(sm.worker).put(f"{SERVICES}{service.pk}/", data, format="json")
    assert response.status_code == 200
    assert response.json()["name"] == "Jongerenwerk Dalfsen"
    assert response.json()["themes"] == ["Vrije tijd"]
    assert response.json()["last_confirmed_on"] == timezone.localdate().isoformat()
    service.refresh_from_db()
    assert (service.name, service.reminded_on, service.last_confirmed_by) == ("Jongerenwerk Dalfsen", None, sm.worker)


def test_a_bad_change_is_a_400_and_changes_nothing(sm):
    service = sm.service(name="Jongerenwerk")
    response = api(sm.worker).put(f"{SERVICES}{service.pk}/", body(sm, age_min=20, age_max=10), format="json")
    assert response.status_code == 400
    assert response.json() == {"age_max": ["De leeftijd tot en met is lager dan de leeftijd vanaf."]}
    service.refresh_from_db()
    assert service.name == "Jongerenwerk"


@pytest.mark.parametrize("who", ["colleague", "ib", "ggd_manager", "zwolle_manager"])
def test_others_may_not_change_confirm_or_archive_an_entry(sm, who):
    service = sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400))
    client = api(getattr(sm, who))
    assert client.put(f"{SERVICES}{service.pk}/", body(sm, name="Anders"), format="json").status_code == 403
    assert client.post(f"{SERVICES}{service.pk}/confirm/").status_code == 403
    assert client.post(f"{SERVICES}{service.pk}/archive/", {"reason": "Weg."}, format="json").status_code == 403
    service.refresh_from_db()
    assert (service.name, service.last_confirmed_on, service.archived_on) == ("Jongerenwerk", days_ago(400), None)


def test_the_keeper_confirms_an_entry(sm):
    service = sm.service(last_confirmed_on=days_ago(400))
    response = api(sm.worker).post(f"{SERVICES}{service.pk}/confirm/")
    assert response.status_code == 200
    assert response.json()["last_confirmed_on"] == timezone.localdate().isoformat()
    assert service.events.get().kind == ServiceEvent.Kind.CONFIRMED


def test_the_keeper_archives_an_entry_with_a_reason(sm):
    service = sm.service(name="Jongerenwerk")
    client = api(sm.worker)
    response = client.post(f"{SERVICES}{service.pk}/archive/", {}, format="json")
    assert response.status_code == 400 and list(response.json()) == ["reason"]
    response = client.post(f"{SERVICES}{service.pk}/archive/", {"reason": "De subsidie stopt."}, format="json")
    assert response.status_code == 200
    assert response.json()["archived_on"] == timezone.localdate().isoformat()
    assert names(client.get(SERVICES)) == []
    # An archived entry is not changed, confirmed or archived again.
    assert client.post(f"{SERVICES}{service.pk}/confirm/").json() == {
        "non_field_errors": ["Dit aanbod is gearchiveerd."]
    }
    response = client.put(f"{SERVICES}{service.pk}/", body(sm, name="Anders"), format="json")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Dit aanbod is gearchiveerd en wordt niet meer gewijzigd."]}
    response = client.post(f"{SERVICES}{service.pk}/archive/", {"reason": "Nog eens."}, format="json")
    assert response.json() == {"non_field_errors": ["Dit aanbod is al gearchiveerd."]}


def test_the_api_has_no_delete_and_no_patch(sm):
    service = sm.service()
    client = api(sm.saam_manager)
    assert client.delete(f"{SERVICES}{service.pk}/").status_code == 405
    assert client.patch(f"{SERVICES}{service.pk}/", {"name": "x"}, format="json").status_code == 405
    assert Service.objects.filter(pk=service.pk).exists()
