"""Choosing whom to involve: a search over the directory, at most 20 matches as options, for the
casusregisseur only; the page works without JavaScript (a GET search) and with htmx (a fragment)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisationFactory, YouthFactory, case_with, involve, professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    regisseur = professional("jeugdconsulent")
    case = case_with(YouthFactory(), regisseur, "jeugdconsulent")
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    swv = OrganisationFactory(kind="swv", name="SWV Vecht")
    bram = professional("ambulant_begeleider", organisation=swv)
    bram.user.last_name = "Veneman"
    bram.user.save()
    return {"case": case, "regisseur": regisseur, "teacher": teacher, "bram": bram}


def test_without_javascript_the_search_reloads_the_page_with_the_matches(client, world):
    client.force_login(world["regisseur"].user)
    page = client.get(reverse("cases:detail", args=[world["case"].pk]), {"search": "Veneman"})
    assert page.status_code == 200
    assert f'value="{world["bram"].pk}"' in page.text and "Ambulant begeleider, SWV Vecht" in page.text
    assert "<details open>" in page.text


def test_the_fragment_lists_matches_for_the_casusregisseur_only(client, world):
    url = reverse("cases:involvement_options", args=[world["case"].pk])
    client.force_login(world["regisseur"].user)
    fragment = client.get(url, {"search": "SWV Vecht"}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and "Veneman" in fragment.text
    assert "Geen professionals gevonden" in client.get(url, {"search": "zzzz"}).text
    assert "Zoek eerst de professional" in client.get(url, {"search": "V"}).text  # one letter: no search
    client.force_login(world["teacher"].user)  # involved, not the regisseur
    assert client.get(url, {"search": "Veneman"}).status_code == 403
    from jeugdketen.auditlog.models import AccessLogEntry

    assert AccessLogEntry.objects.filter(user=world["teacher"].user, event="refused").exists()
    client.force_login(professional("jeugdconsulent").user)  # not involved: the case does not exist
    assert client.get(url, {"search": "Veneman"}).status_code == 404


def test_at_most_twenty_options_and_no_one_who_left(client, world):
    org = OrganisationFactory(name="Grote Scholengroep")
    for _ in range(25):
        professional("leerkracht", organisation=org)
    world["bram"].left_on = timezone.localdate()
    world["bram"].save()
    client.force_login(world["regisseur"].user)
    url = reverse("cases:involvement_options", args=[world["case"].pk])
    text = client.get(url, {"search": "Grote Scholengroep"}).text
    assert text.count('type="radio"') == 20 and "Zoek preciezer" in text and "20 professionals gevonden" in text
    assert "Geen professionals gevonden" in client.get(url, {"search": "Veneman"}).text


def test_choosing_a_match_involves_them(client, world):
    client.force_login(world["regisseur"].user)
    response = client.post(
        reverse("cases:involvement_add", args=[world["case"].pk]),
        {"professional": world["bram"].pk, "function": world["bram"].functions.get().pk, "note": ""},
    )
    assert response.status_code == 302
    assert world["case"].involvements.active().filter(professional=world["bram"]).exists()
