"""Logging in and out in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_wrong_password_then_right_password_then_logout(ui):
    page = ui.page
    # A page behind the login sends the visitor to the login form.
    ui.goto("/casussen/")
    assert ui.path.startswith("/account/inloggen/?next=/casussen/")
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page).to_have_title(re.compile(r"^Inloggen"))

    page.get_by_label("Gebruikersnaam").fill("jeroen")
    page.get_by_label("Wachtwoord").fill("niet-het-goede-wachtwoord")
    ui.navigate_by(page.get_by_role("button", name="Inloggen"), status=200)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Gebruikersnaam of wachtwoord klopt niet.")
    expect(alert).to_contain_text("Na 5 mislukte pogingen wordt het account tijdelijk geblokkeerd.")

    ui.login("jeroen")
    expect(page).to_have_url(re.compile(r"/casussen/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn casussen")
    expect(page.locator(".jk-header__user")).to_contain_text("Jeroen Hulshof")

    ui.logout()
    ui.goto("/casussen/")
    assert ui.path.startswith("/account/inloggen/")
