"""Emergency access ("break the glass") by a police officer, reviewed by the privacy officer."""

import re

import pytest
from playwright.sync_api import expect

from jeugdketen.access.models import EmergencyAccess

from . import data

pytestmark = pytest.mark.browser

REASON = "Melding van huiselijk geweld op het adres; casusregisseur telefonisch niet bereikbaar."


def test_police_takes_emergency_access_and_privacy_officer_reviews_it(new_ui):
    noah = data.noah()
    assert noah.bsn, "the demo gives Noah a BSN"
    born = noah.date_of_birth.isoformat()

    police = new_ui()
    page = police.page
    police.login("peter")
    # Without a relationship the dossier does not exist for him.
    police.goto(f"/jeugdigen/{noah.pk}/", status=404)

    police.goto("/jeugdigen/")
    police.navigate_by(page.get_by_role("link", name="Noodtoegang nemen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Noodtoegang")
    form = page.locator("form.jk-form")

    # A date of birth that does not belong to this BSN: refused, at the BSN field.
    form.get_by_label("BSN van de jeugdige").fill(noah.bsn)
    form.get_by_label("Geboortedatum").fill("2001-01-01")
    form.get_by_label("Reden").fill(REASON)
    police.navigate_by(form.get_by_role("button", name="Noodtoegang nemen"), status=422)
    form = page.locator("form.jk-form")
    expect(form.get_by_label("BSN van de jeugdige")).to_have_accessible_description(
        re.compile("BSN van de jeugdige: Er is geen jeugdige met dit BSN en deze geboortedatum.")
    )
    assert not EmergencyAccess.objects.exists()

    form.get_by_label("Geboortedatum").fill(born)
    expect(form.get_by_label("Reden")).to_have_value(REASON)
    police.navigate_by(form.get_by_role("button", name="Noodtoegang nemen"))
    expect(page).to_have_url(re.compile(rf"/jeugdigen/{noah.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Noah Jansen")
    expect(page.get_by_role("alert")).to_have_text(
        "U kijkt met noodtoegang. Elke inzage wordt vastgelegd en door de privacy officer beoordeeld."
    )
    expect(police.messages()).to_contain_text(
        "Noodtoegang genomen. Dit is vastgelegd en wordt beoordeeld door de privacy officer."
    )
    expect(page.get_by_role("region", name="Persoonsgegevens")).to_contain_text(
        "Zichtbaar op grond van: Noodtoegang (als Jeugdagent (politie))"
    )
    emergency = EmergencyAccess.objects.get()
    assert emergency.youth == noah and emergency.professional.user.username == "peter"

    officer = new_ui()
    page = officer.page
    officer.login("pieter")
    officer.goto("/privacy/")
    pending = page.get_by_role("region", name="Noodtoegang te beoordelen")
    row = pending.locator("tbody tr").filter(has_text="Peter Mensink")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Noah Jansen")
    expect(row).to_contain_text(REASON)
    officer.navigate_by(row.get_by_role("link", name="Beoordeel noodtoegang van Peter Mensink"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Noodtoegang beoordelen")
    expect(page.get_by_role("heading", level=2)).to_have_text("Peter Mensink → Noah Jansen")

    # No verdict chosen: a Dutch error on the radio group.
    officer.navigate_by(page.get_by_role("button", name="Beoordeling vastleggen"), status=422)
    verdict = page.get_by_role("group", name="Oordeel")
    expect(verdict).to_have_accessible_description(re.compile("Oordeel: Kies een oordeel."))

    verdict.get_by_role("radio", name="Terecht gebruikt").check()
    page.get_by_label("Toelichting").fill("Terecht: acute melding, regisseur buiten kantoortijd.")
    officer.navigate_by(page.get_by_role("button", name="Beoordeling vastleggen"))
    expect(page).to_have_url(re.compile(r"/privacy/$"))
    expect(officer.messages()).to_contain_text("De beoordeling is vastgelegd.")
    expect(page.get_by_role("region", name="Noodtoegang te beoordelen")).to_contain_text(
        "Er is geen noodtoegang die op beoordeling wacht."
    )
    emergency.refresh_from_db()
    assert emergency.review_justified is True and emergency.reviewed_by.username == "pieter"
