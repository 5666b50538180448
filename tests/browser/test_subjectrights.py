"""The rights of the data subject in the browser, on the demo municipality, axe on every page:
Pieter, the privacy officer, finds Noah Jansen by name, sees what the app holds about him and why
it cannot all be erased yet, downloads everything as JSON, and corrects a name (first without a
reason: refused, the field named)."""

import json

import pytest
from playwright.sync_api import expect

from jeugdketen.auditlog.models import AccessLogEntry

pytestmark = pytest.mark.browser


def test_the_privacy_officer_exports_and_corrects(ui):
    page = ui.page
    ui.login("pieter")
    ui.navigate_by(page.get_by_role("link", name="Privacy"))
    ui.navigate_by(page.get_by_role("link", name="Verzoeken van betrokkenen: inzage, correctie en wissen (AVG)"))
    page.get_by_label("BSN, of naam en geboortedatum").fill("Noah Jansen")
    ui.navigate_by(page.get_by_role("button", name="Zoeken"))
    ui.navigate_by(page.get_by_role("link", name="Noah Jansen"))
    expect(page.get_by_role("region", name="Wat er is")).to_contain_text("Casussen")
    expect(ui.main).to_contain_text("Jeugdwet (art. 7.3.8)")
    with page.expect_download() as download:
        page.get_by_role("link", name="Alles downloaden (JSON)").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["betreft"]["naam"] == "Noah Jansen" and data["toegangslog"]
    assert AccessLogEntry.objects.filter(event="export", object_type="betrokkene").exists()
    ui.navigate_by(page.get_by_role("link", name="Identiteitsgegevens corrigeren"))
    page.get_by_label("Tussenvoegsel").fill("de")
    ui.navigate_by(page.get_by_role("button", name="Corrigeren"), status=422)
    expect(ui.main).to_contain_text("Reden en verzoeker: Vul in op wiens verzoek en waarom u corrigeert.")
    page.get_by_label("Reden en verzoeker").fill("Verzoek van moeder Marloes, 6 december.")
    ui.navigate_by(page.get_by_role("button", name="Corrigeren"))
    expect(ui.main).to_contain_text("De gegevens zijn gecorrigeerd")
