"""Mijn casussen and the case page, as the casusregisseur (jeroen)."""

import re

import pytest
from playwright.sync_api import expect

from jeugdketen.cases.models import Case, Involvement, JournalEntry

from . import data

pytestmark = pytest.mark.browser


def test_my_cases_lists_noahs_case_and_filters_live_with_htmx(ui):
    page = ui.page
    ui.login("jeroen")
    case = data.noah_case()
    table = page.get_by_role("region", name="Mijn casussen").get_by_role("table")
    rows = table.locator("tbody tr")
    noah_row = rows.filter(has_text="Noah Jansen")
    expect(noah_row).to_have_count(1)
    expect(noah_row.get_by_role("link", name=case.reference)).to_have_attribute("href", f"/casussen/{case.pk}/")
    expect(noah_row).to_contain_text("Jeugdconsulent, casusregisseur")
    total = rows.count()
    assert total > 1, "jeroen should have more than one case, or the filter proves nothing"
    expect(table.locator("caption")).to_have_text(f"{total} casussen")

    search = page.get_by_role("searchbox", name="Zoek op naam, kenmerk of aanleiding")
    ui.htmx_search(search, "Jansen")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Noah Jansen")
    expect(table.locator("caption")).to_have_text("1 casus")
    expect(page).to_have_url(re.compile(r"/casussen/\?q=Jansen$"))  # hx-push-url

    ui.htmx_search(search, "xyzzy")
    expect(page.locator("#my-cases")).to_have_text("Geen casussen gevonden voor “xyzzy”.")

    ui.htmx_search(search, "")
    expect(rows).to_have_count(total)

    # Back: htmx keeps no copy of the page (historyCacheSize 0: no case data in localStorage), so
    # it has the browser load the page again from the server.
    assert page.evaluate("localStorage.getItem('htmx-history-cache')") is None
    with page.expect_response(lambda r: r.request.resource_type == "document") as reloaded:
        page.go_back()
    assert reloaded.value.status == 200 and reloaded.value.url.endswith("/casussen/?q=xyzzy")
    expect(search).to_have_value("xyzzy")
    ui.axe()
    expect(page).to_have_url(re.compile(r"/casussen/\?q=xyzzy$"))
    expect(page.locator("#my-cases")).to_have_text("Geen casussen gevonden voor “xyzzy”.")
    expect(search).to_have_value("xyzzy")


def test_case_page_add_journal_entry_and_see_dutch_field_errors(ui):
    page = ui.page
    case = data.noah_case()
    ui.login("jeroen")
    ui.navigate_by(page.get_by_role("link", name=case.reference))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Casus {case.reference}: Noah Jansen")
    involved = page.get_by_role("region", name="Betrokken professionals")
    for name in ("Jeroen Hulshof", "Sanne Kroeze", "Ilse Dekker", "Jolien Oosterhof", "Lotte ten Hove"):
        expect(involved.get_by_role("rowheader", name=re.compile(name))).to_be_visible()

    # Invalid: nothing filled in (the date is pre-filled with today: clear it too).
    form = page.locator("form[action$='/journaal/']")
    form.get_by_label("Datum").fill("")
    ui.navigate_by(form.get_by_role("button", name="Toevoegen"), status=422)
    form = page.locator("form[action$='/journaal/']")
    errors = {
        "Datum": "Datum: Vul de datum in.",
        "Onderwerp": "Onderwerp: Vul het onderwerp in.",
        "Verslag": "Verslag: Schrijf wat er is gebeurd of afgesproken.",
    }
    for label, message in errors.items():
        field = form.get_by_label(label, exact=True)
        expect(field).to_have_attribute("aria-invalid", "true")
        # The error is tied to the field, so a screen reader reads it with the field.
        expect(field).to_have_accessible_description(re.compile(re.escape(message)))
        field_id = field.get_attribute("id")
        expect(form.locator(f"#{field_id}_error")).to_have_text(message)
    assert JournalEntry.objects.filter(case=case).count() == 6

    # Happy path.
    form.get_by_label("Categorie").select_option(label="Jeugdhulp")
    form.get_by_label("Datum").fill("2026-01-15")
    form.get_by_label("Onderwerp").fill("Telefonisch overleg met vader")
    form.get_by_label("Verslag").fill("Vader belde: de overdracht op zondag gaat beter.\nVolgende week evaluatie.")
    ui.navigate_by(form.get_by_role("button", name="Toevoegen"), status=200)
    expect(page).to_have_url(re.compile(rf"/casussen/{case.pk}/$"))
    expect(ui.messages()).to_contain_text("Het verslag is toegevoegd.")
    entry = page.get_by_role("article", name=re.compile("Telefonisch overleg met vader"))
    expect(entry).to_contain_text("Jeugdhulp")
    expect(entry).to_contain_text("15 januari 2026 · Jeroen Hulshof, Jeugdconsulent")
    expect(entry).to_contain_text("de overdracht op zondag gaat beter.")
    stored = JournalEntry.objects.get(case=case, title="Telefonisch overleg met vader")
    assert stored.category == "youthcare" and stored.author.user.username == "jeroen"


def test_case_page_involve_a_professional(ui):
    page = ui.page
    case = data.noah_case()
    bram = data.professional("bram")
    ui.login("jeroen")
    ui.goto(f"/casussen/{case.pk}/")
    involved = page.get_by_role("region", name="Betrokken professionals")
    expect(involved.get_by_role("rowheader", name=re.compile("Bram Veneman"))).to_have_count(0)

    summary = page.get_by_text("Professional betrekken", exact=True)
    form = page.locator("form[action$='/betrokkenen/']")
    expect(form).to_be_hidden()
    summary.click()
    expect(form).to_be_visible()
    ui.axe()  # the opened form

    # Invalid: nothing chosen.
    ui.navigate_by(form.get_by_role("button", name="Betrekken"), status=422)
    form = page.locator("form[action$='/betrokkenen/']")
    expect(form).to_be_visible()  # <details open> after an error
    expect(form.get_by_role("group", name="Professional")).to_contain_text("Professional: Kies wie u betrekt.")

    # Find Bram by typing: the matches appear as options (htmx), then choose him.
    ui.htmx(lambda: form.get_by_label("Zoek de professional").fill("Veneman"))
    option = form.get_by_role("radio", name=re.compile(f"Bram Veneman — .*{re.escape(bram.organisation.name)}"))
    expect(option).to_be_visible()
    ui.axe()  # with the options
    option.check()
    form.get_by_label("Functie in de casus").select_option(label="Ambulant begeleider")
    form.get_by_label("Rol / toelichting").fill("begeleiding in de klas")
    ui.navigate_by(form.get_by_role("button", name="Betrekken"), status=200)
    expect(ui.messages()).to_contain_text("De professional is betrokken.")
    row = page.get_by_role("region", name="Betrokken professionals").locator("tr", has_text="Bram Veneman")
    expect(row).to_contain_text("Ambulant begeleider")
    expect(row).to_contain_text("begeleiding in de klas")
    expect(row.get_by_role("button", name="Betrokkenheid Bram Veneman beëindigen")).to_be_visible()
    assert Involvement.objects.active().filter(case=case, professional=bram).exists()
    assert Case.objects.get(pk=case.pk).casusregisseur.user.username == "jeroen"
