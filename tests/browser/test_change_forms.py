"""The dossier's change forms in a real browser: edit identity (a bad BSN is named and nothing
is saved), add a carer, open a case, and the school ends an enrolment."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.youth.models import Enrolment

from . import data

pytestmark = pytest.mark.browser


def test_edit_identity_add_a_carer_and_open_a_case(ui):
    page = ui.page
    noah = data.noah()
    ui.login("ilse")
    ui.goto(f"/jeugdigen/{noah.pk}/")
    ui.navigate_by(page.get_by_role("link", name="Gegevens wijzigen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Gegevens wijzigen: Noah Jansen")
    page.get_by_label("BSN").fill("123456789")
    ui.navigate_by(page.get_by_role("button", name="Opslaan"), status=422)
    bsn = page.get_by_label("BSN")
    expect(bsn).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_bsn_error")).to_have_text(
        "BSN: Dit is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef."
    )
    noah.refresh_from_db()
    assert noah.bsn != "123456789"
    ui.navigate_by(page.get_by_role("link", name="Annuleren"))

    ui.navigate_by(page.get_by_role("link", name="Ouder of verzorger toevoegen"))
    page.get_by_label("Voornaam").fill("Peter")
    page.get_by_label("Achternaam").fill("Jansen")
    page.get_by_label("Relatie").select_option(label="Ouder")
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    expect(ui.messages()).to_contain_text("De ouder of verzorger is toegevoegd.")
    expect(page.get_by_role("region", name="Ouders en verzorgers")).to_contain_text("Peter Jansen")

    ui.navigate_by(page.get_by_role("link", name="Casus openen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Casus openen voor Noah Jansen")
    ui.navigate_by(page.get_by_role("button", name="Casus openen"), status=422)
    expect(page.get_by_text("Aanleiding: Vul de aanleiding in.")).to_be_visible()
    page.get_by_label("Aanleiding").fill("Leerling-bespreking: extra ondersteuning rekenen")
    ui.navigate_by(page.get_by_role("button", name="Casus openen"))
    expect(ui.messages()).to_contain_text("U bent casusregisseur.")


def test_the_school_ends_an_enrolment(ui):
    page = ui.page
    noah = data.noah()
    ui.login("ilse")
    ui.goto(f"/jeugdigen/{noah.pk}/")
    ui.navigate_by(page.get_by_role("link", name="Noah uitschrijven"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitschrijven: Noah Jansen")
    page.get_by_label("Uitgeschreven per").fill(timezone.localdate().isoformat())
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    expect(ui.messages()).to_contain_text("De leerling is uitgeschreven.")
    assert Enrolment.objects.get(youth=noah).end == timezone.localdate()
