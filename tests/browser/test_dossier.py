"""The youth dossier shows each professional what their function may see (need to know)."""

import re

import pytest
from playwright.sync_api import expect

from . import data

pytestmark = pytest.mark.browser

SCHOOL_TITLE = "Signaal: Noah trekt zich terug en mist maandagen"
SCHOOL_TEXT = "In een kindgesprek vertelde hij dat hij vaak buikpijn heeft"
HEALTH_TITLE = "Consult met Noah en moeder"
HEALTH_TEXT = "Noah slaapt slecht en heeft vooral op zondagavond en maandagochtend buikpijn"
LEERPLICHT_TITLE = "Verzuimmelding en preventief gesprek"


def open_noah_via_youth_search(ui):
    page = ui.page
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Jeugdigen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jeugdigen")
    ui.htmx_search(page.get_by_role("searchbox", name="Zoek op naam of BSN"), "Noah")
    results = page.get_by_role("region", name="Jeugdigen").locator("tbody tr")
    expect(results).to_have_count(1)
    ui.navigate_by(results.get_by_role("link", name="Noah Jansen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Noah Jansen")


def test_teacher_sees_school_support_but_not_health(ui):
    page = ui.page
    ui.login("sanne")
    open_noah_via_youth_search(ui)
    case = data.noah_case()

    badges = page.get_by_role("list", name="Zichtbare categorieën")
    expect(badges.get_by_role("listitem")).to_have_text(
        ["Identiteit", "Onderwijsondersteuning", "Leerplicht", "Plan van aanpak"]
    )
    identity = page.get_by_role("region", name="Persoonsgegevens")
    expect(identity).to_contain_text(
        f"Zichtbaar op grond van: Betrokken bij de casus (als Leerkracht / mentor) — {case.reference}."
    )
    for block in ("Ouders en verzorgers", "Inschrijvingen"):
        expect(page.get_by_role("region", name=block)).to_contain_text("Zichtbaar op grond van:")

    main = ui.main
    expect(main).to_contain_text(SCHOOL_TITLE)
    expect(main).to_contain_text(SCHOOL_TEXT)
    expect(main).not_to_contain_text(HEALTH_TITLE)
    expect(main).not_to_contain_text(HEALTH_TEXT)
    # The school works with its pupils' verzuim (Leerplichtwet art. 21a): leerplicht is shown.
    expect(main).to_contain_text(LEERPLICHT_TITLE)
    # Nor anywhere else in the document (not hidden, not in an attribute).
    assert HEALTH_TEXT not in page.content()
    # A teacher does not see the parents' access log link.
    expect(page.get_by_role("link", name="Wie heeft deze gegevens ingezien?")).to_have_count(0)


def test_youth_nurse_sees_health(ui):
    page = ui.page
    ui.login("jolien")
    noah = data.noah()
    ui.goto(f"/jeugdigen/{noah.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Noah Jansen")
    expect(page.get_by_role("list", name="Zichtbare categorieën")).to_contain_text("Gezondheid (GGD)")
    entry = page.get_by_role("article", name=re.compile(HEALTH_TITLE))
    expect(entry).to_contain_text(HEALTH_TEXT)
    expect(entry).to_contain_text("Gezondheid (GGD)")
    expect(entry).to_contain_text("Jolien Oosterhof, Jeugdverpleegkundige (GGD IJsselland (demo))")
    expect(ui.main).to_contain_text(SCHOOL_TITLE)
    expect(ui.main).not_to_contain_text(LEERPLICHT_TITLE)
