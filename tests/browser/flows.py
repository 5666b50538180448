"""Steps of the main flows that more than one browser test walks."""

from __future__ import annotations

import re

from django.utils import timezone
from playwright.sync_api import expect


def choose(select, text: str) -> None:
    """Select the option whose label contains ``text`` (labels may carry a count or organisation)."""
    select.select_option(select.locator("option", has_text=text).get_attribute("value"))


def click(ui, name: str, status: int = 200):
    return ui.navigate_by(ui.page.get_by_role("button", name=name, exact=True), status=status)


def investigation_to_shared_report(ui) -> None:
    """On an investigation page in its analyse phase: a keukentafelgesprek, the four findings, the
    judgement and a decision on help; then share the report with the family."""
    page = ui.page
    steps = page.get_by_role("list", name="Fasen van het onderzoek")
    conversation = page.locator("form[action$='/gesprekken/']")
    conversation.get_by_label("Soort gesprek").select_option(label="Keukentafelgesprek")
    conversation.get_by_label("Datum").fill(timezone.localdate().isoformat())
    conversation.get_by_label("Wie waren erbij").fill("moeder, vader, Noah")
    conversation.get_by_label("Samenvatting").fill("De avonden zijn onrustig; ouders willen hulp bij grenzen stellen.")
    ui.navigate_by(conversation.get_by_role("button", name="Gesprek vastleggen"))
    expect(ui.messages()).to_contain_text("Het gesprek is vastgelegd.")
    expect(page.get_by_role("article", name=re.compile("Keukentafelgesprek"))).to_contain_text(
        "De avonden zijn onrustig"
    )

    page.get_by_label("Opgroei- en opvoedingsproblemen").fill("Grenzen stellen lukt 's avonds niet.")
    page.get_by_label("Psychische problemen en/of stoornissen").fill("Geen zorgen.")
    page.get_by_label("Veiligheid", exact=True).fill("Geen zorgen over de veiligheid.")
    page.get_by_label("Sterke kanten van het gezin").fill("Betrokken grootouders.")
    click(ui, "Bevindingen opslaan")
    click(ui, "Analyse afronden")
    expect(ui.messages()).to_contain_text("U bent nu in de fase Oordeelsvorming.")

    page.get_by_label("Oordeel", exact=True).fill("Opvoedingsvragen zonder zorgen over de veiligheid.")
    click(ui, "Oordeel opslaan")
    click(ui, "Oordeelsvorming afronden")
    expect(steps.locator("[aria-current=step]")).to_have_text("Besluitvorming (nu)")

    page.get_by_label("Lichte jeugdhulp").check()
    page.get_by_label("Motivering").fill("Ouders willen zelf aan de slag, met steun van een generalist.")
    click(ui, "Besluit opslaan")
    click(ui, "Besluit afronden en verslag delen")
    expect(ui.messages()).to_contain_text("Het verslag is gedeeld. De zienswijze kan tot en met")


def download_report(ui, link_name: str, filename: str) -> bytes:
    """Download the onderzoeksverslag PDF from the investigation page; its first bytes."""
    with ui.page.expect_download() as download_info:
        ui.page.get_by_role("link", name=link_name).click()
    download = download_info.value
    assert download.suggested_filename == filename
    with open(download.path(), "rb") as pdf:
        return pdf.read()
