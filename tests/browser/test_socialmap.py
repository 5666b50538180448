"""The sociale kaart in the browser: the gemeente's teamleider searches by theme and age, confirms
the entry that was not confirmed for over a year and adds one (first with a mistake); a
jongerenwerker confirms an entry from "Aanbod dat ik beheer". axe on every page and swap."""

import re

import pytest
from playwright.sync_api import expect

from jeugdketen.socialmap.models import Service, ServiceEvent

from . import data

pytestmark = pytest.mark.browser


def test_the_teamleider_searches_confirms_a_stale_entry_and_adds_one(ui):
    page = ui.page
    ui.login("marieke")
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Sociale kaart"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sociale kaart")
    results = page.locator("#results h3")
    assert results.count() == Service.objects.current().count()

    # Search by theme and age: the results are swapped in without a page load.
    ui.htmx(lambda: page.get_by_label("Thema", exact=True).select_option(label="Opvoeden"), swapped="#results")
    expect(results).to_have_text(
        ["Ambulante gezinsbegeleiding", "Maatschappelijk werk", "Opvoedondersteuning JGZ", "Opvoedspreekuur Saam"]
    )
    age = page.get_by_label("Leeftijd van de jeugdige")
    ui.htmx(lambda: (age.fill("5"), age.blur()), swapped="#results")
    expect(results).to_have_text(["Ambulante gezinsbegeleiding", "Opvoedondersteuning JGZ", "Opvoedspreekuur Saam"])
    expect(page).to_have_url(re.compile(r"/sociale-kaart/\?.*leeftijd=5"))
    stale = page.locator("#results li").filter(has_text="Opvoedspreekuur Saam")
    expect(stale).to_contain_text("niet recent bevestigd")

    # The entry warns that it was not confirmed recently; its keeper confirms it.
    ui.navigate_by(page.get_by_role("link", name="Opvoedspreekuur Saam"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Opvoedspreekuur Saam")
    expect(page.get_by_role("status").filter(has_text="Niet recent bevestigd")).to_be_visible()
    expect(page.get_by_role("heading", name="Geschiedenis")).to_be_visible()
    ui.navigate_by(page.get_by_role("button", name="Klopt nog: bevestigen"))
    expect(ui.messages()).to_contain_text("Bevestigd: het aanbod klopt nog.")
    expect(ui.main).not_to_contain_text("Niet recent bevestigd")
    expect(ui.main.get_by_role("listitem").filter(has_text="Bevestigd: klopt nog")).to_contain_text("Marieke de Jong")
    service = Service.objects.get(name="Opvoedspreekuur Saam")
    assert not service.is_stale()

    # Add an entry for Saam Welzijn: picking the organisation offers its people as keeper.
    ui.navigate_by(page.get_by_role("link", name="Sociale kaart", exact=True).first)
    ui.navigate_by(ui.main.get_by_role("link", name="Aanbod toevoegen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanbod toevoegen")
    ui.htmx(lambda: page.get_by_label("Organisatie").select_option(label="Saam Welzijn (demo)"), swapped="#id_keeper")
    keeper = page.get_by_label("Beheerder")
    expect(keeper.locator("option", has_text="Gerrit Lambers (Saam Welzijn (demo))")).to_have_count(1)
    keeper.select_option(label="Gerrit Lambers (Saam Welzijn (demo))")
    page.get_by_label("Wat wordt geboden").fill("Elke maandag een huiswerkklas in het Kulturhus, met vrijwilligers.")
    page.get_by_label("Voor wie").fill("Leerlingen die thuis geen rust hebben voor huiswerk")
    page.get_by_label("Leeftijd vanaf").fill("10")
    page.get_by_label("Leeftijd tot en met").fill("16")
    page.get_by_role("checkbox", name="School en werk").check()
    page.get_by_label("Nieuw thema").fill("Huiswerk")

    # First without a name: 422, the field says why, and what was filled in stays.
    ui.navigate_by(page.get_by_role("button", name="Opslaan"), status=422)
    name = page.get_by_label("Naam van het aanbod")
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_have_accessible_description(re.compile("Vul de naam van het aanbod in."))
    expect(page.get_by_label("Voor wie")).to_have_value("Leerlingen die thuis geen rust hebben voor huiswerk")
    expect(page.get_by_label("Beheerder")).to_have_value(str(data.professional("gerrit").pk))
    assert not Service.objects.filter(name__icontains="huiswerk").exists()

    name.fill("Huiswerkklas Dalfsen")
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    expect(ui.messages()).to_contain_text("Het aanbod staat op de sociale kaart.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Huiswerkklas Dalfsen")
    expect(ui.main).to_contain_text("10 tot en met 16 jaar")
    expect(ui.main).to_contain_text("Gerrit Lambers")
    added = Service.objects.get(name="Huiswerkklas Dalfsen")
    assert added.organisation.name == "Saam Welzijn (demo)"
    assert sorted(t.name for t in added.themes.all()) == ["Huiswerk", "School en werk"]
    assert added.last_confirmed_by.user.username == "marieke"


def test_a_keeper_confirms_an_entry_from_what_they_keep(ui):
    page = ui.page
    ui.login("gerrit")
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Sociale kaart"))
    expect(ui.main.get_by_role("link", name="Aanbod toevoegen")).to_have_count(0)  # no manager
    ui.navigate_by(page.get_by_role("link", name="Aanbod dat ik beheer"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanbod dat ik beheer")
    expect(ui.main).to_contain_text("Niets te bevestigen.")
    current = page.get_by_role("region", name="Actueel").locator("tbody th")
    expect(current).to_have_text(["Trajectbegeleiding jongeren", "Jongerenwerk Dalfsen"])  # longest ago first

    ui.navigate_by(page.get_by_role("button", name="Klopt nog: Trajectbegeleiding jongeren", exact=True))
    expect(page).to_have_url(re.compile(r"/sociale-kaart/beheer/$"))
    expect(ui.messages()).to_contain_text("Bevestigd: het aanbod klopt nog.")
    expect(current).to_have_text(["Jongerenwerk Dalfsen", "Trajectbegeleiding jongeren"])  # now the most recent
    service = Service.objects.get(name="Trajectbegeleiding jongeren")
    assert service.last_confirmed_by.user.username == "gerrit"
    assert service.events.first().kind == ServiceEvent.Kind.CONFIRMED

    # A referrer reads the entry with the way to the toegang.
    ui.navigate_by(page.get_by_role("link", name="Trajectbegeleiding jongeren"))
    expect(page.get_by_role("link", name="Hulpvraag aanmelden bij de toegang")).to_be_visible()
