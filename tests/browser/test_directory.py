"""Wie doet wat, the directory of organisations and professionals, a profile; and the 404 a
professional gets for a youth they have no relationship with."""

import re

import pytest
from playwright.sync_api import expect

from . import data

pytestmark = pytest.mark.browser


def test_who_does_what_directory_search_and_profile(ui):
    page = ui.page
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    ui.login("sanne")

    ui.navigate_by(nav.get_by_role("link", name="Wie doet wat"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie doet wat")
    expect(nav.get_by_role("link", name="Wie doet wat")).to_have_attribute("aria-current", "page")
    all_roles = page.locator("main article.jk-card").count()
    assert all_roles > 1
    page.get_by_label("Toon de taken van").select_option(label="Leerkracht / mentor")
    ui.navigate_by(page.get_by_role("button", name="Tonen"))
    expect(page).to_have_url(re.compile(r"/organisaties/wie-doet-wat/\?functie=leerkracht$"))
    expect(page.get_by_label("Toon de taken van")).to_have_value("leerkracht")
    expect(ui.main.locator("p strong").first).to_have_text("Leerkracht / mentor:")
    assert 0 < page.locator("main article.jk-card").count() <= all_roles

    ui.navigate_by(nav.get_by_role("link", name="Organisaties en professionals"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisaties en professionals")
    ui.htmx_search(page.get_by_role("searchbox", name="Zoek op naam, plaats of organisatie"), "GGD")
    organisations = page.get_by_role("region", name="Organisaties").locator("tbody th")
    expect(organisations).to_have_text(["GGD IJsselland (demo)"])
    professionals = page.get_by_role("region", name="Professionals").locator("tbody th")
    expect(professionals).to_have_text(["Daan Brinkman", "Jolien Oosterhof"])
    expect(page).to_have_url(re.compile(r"/organisaties/\?q=GGD"))

    ui.htmx(lambda: page.get_by_label("Functie", exact=True).select_option(label="Jeugdarts"))
    expect(professionals).to_have_text(["Daan Brinkman"])

    ui.navigate_by(page.get_by_role("link", name="Daan Brinkman"))
    daan = data.professional("daan")
    expect(page).to_have_url(re.compile(rf"/organisaties/professionals/{daan.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Daan Brinkman")
    contact = page.get_by_role("region", name="Contact")
    expect(contact.get_by_role("link", name="GGD IJsselland (demo)")).to_be_visible()
    expect(contact).to_contain_text("Jeugdarts KNMG")
    expect(contact.get_by_role("link", name="038-4281450")).to_have_attribute("href", "tel:038-4281450")
    expect(page.get_by_role("heading", level=2, name="Taken als Jeugdarts")).to_be_visible()


def test_dossier_of_a_youth_out_of_sight_is_a_dutch_404(ui):
    page = ui.page
    ui.login("sanne")
    hidden = data.youth_out_of_sight("sanne")
    ui.goto(f"/jeugdigen/{hidden.pk}/", status=404)
    expect(page).to_have_title(re.compile(r"^Niet gevonden"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Niet gevonden")
    expect(ui.main).to_contain_text(
        "Deze pagina bestaat niet, of u heeft geen toegang tot deze gegevens. "
        "Heeft u toegang nodig? Neem contact op met de casusregisseur."
    )
    # Nothing of the youth leaks into the page.
    assert hidden.full_name not in page.content()
    ui.navigate_by(page.get_by_role("link", name="Naar de startpagina"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn casussen")
