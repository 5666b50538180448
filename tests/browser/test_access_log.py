"""The access log: a parent sees who looked at her child's data; the privacy officer looks up
any youth's log."""

import re

import pytest
from playwright.sync_api import expect

from . import data

pytestmark = pytest.mark.browser


def test_parent_sees_who_viewed_her_childs_dossier(new_ui):
    noah = data.noah()
    # jeroen (casusregisseur) reads Noah's dossier first.
    jeroen = new_ui()
    jeroen.login("jeroen")
    jeroen.goto(f"/jeugdigen/{noah.pk}/")
    expect(jeroen.page.get_by_role("heading", level=1)).to_have_text("Noah Jansen")

    parent = new_ui()
    page = parent.page
    parent.login("marloes")
    # A parent lands on her family's overview, not on cases.
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gezin")
    for child in ("Mila Jansen", "Noah Jansen"):
        expect(page.get_by_role("region", name=child)).to_be_visible()

    parent.navigate_by(page.get_by_role("link", name="Het dossier van Noah"))
    expect(page.get_by_role("region", name="Persoonsgegevens")).to_contain_text(
        "Zichtbaar op grond van: Ouder met gezag"
    )
    parent.navigate_by(page.get_by_role("link", name="Wie heeft deze gegevens ingezien?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie heeft de gegevens van Noah Jansen ingezien?")
    log = page.get_by_role("region", name="Toegangslog").get_by_role("table")
    header = log.locator("thead th")
    expect(header).to_have_text(["Wanneer", "Wie", "Organisatie en functie", "Wat", "Grond"])  # no "Kanaal"
    jeroen_views = (
        log.locator("tbody tr")
        .filter(has=page.get_by_role("rowheader", name="Jeroen Hulshof"))
        .filter(has_text="Inzien: dossier ingezien")
    )
    expect(jeroen_views).to_have_count(1)
    expect(jeroen_views).to_contain_text("Gemeente Dalfsen (demo)")
    expect(jeroen_views).to_contain_text("Jeugdconsulent")
    expect(jeroen_views).to_contain_text("Betrokken bij de casus")
    # Her own look is logged too.
    expect(log.locator("tbody tr").filter(has=page.get_by_role("rowheader", name="Marloes Jansen"))).not_to_have_count(
        0
    )


def test_privacy_officer_finds_a_youth_and_opens_the_log(ui):
    page = ui.page
    ui.login("pieter")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    ui.navigate_by(nav.get_by_role("link", name="Privacy"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy: toezicht op inzage")
    expect(nav.get_by_role("link", name="Privacy")).to_have_attribute("aria-current", "page")

    # Empty search: a Dutch error at the field.
    ui.navigate_by(page.get_by_role("button", name="Zoeken"))
    expect(page.get_by_label("Naam of BSN")).to_have_accessible_description(
        re.compile("Naam of BSN: Vul een naam of BSN in.")
    )

    page.get_by_label("Naam of BSN").fill("Noah Jansen")
    ui.navigate_by(page.get_by_role("button", name="Zoeken"))
    hit = page.get_by_role("region", name="Toegangslog van een jeugdige").get_by_role("link", name="Noah Jansen")
    expect(hit).to_have_count(1)
    ui.navigate_by(hit)
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie heeft de gegevens van Noah Jansen ingezien?")
    log = page.get_by_role("region", name="Toegangslog").get_by_role("table")
    expect(log.locator("thead th").last).to_have_text("Kanaal")
    # The privacy officer's own search is in the log, with its ground.
    search = log.locator("tbody tr").filter(has_text="zoekopdracht privacy officer: Noah Jansen")
    expect(search).to_have_count(1)
    expect(search).to_contain_text("Privacy officer (toezicht)")

    # The period filter keeps the table (a GET form, a new page).
    page.get_by_label("Vanaf").fill("2020-01-01")
    ui.navigate_by(page.get_by_role("button", name="Filteren"))
    expect(page).to_have_url(re.compile(r"since=2020-01-01"))
    expect(log.locator("tbody tr").first).to_be_visible()
