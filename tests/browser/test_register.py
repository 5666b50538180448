"""Registering a youth, and the duplicate check that links to the existing registration."""

import re

import pytest
from playwright.sync_api import expect

from jeugdketen.cases.models import Case
from jeugdketen.youth.models import Youth

pytestmark = pytest.mark.browser

FIRST, LAST, BORN = "Sophie", "Wolters", "2016-03-14"


def fill_registration(page, *, first=FIRST, last=LAST, born=BORN, subject="Zorgen over thuissituatie"):
    form = page.locator("form.jk-form")
    form.get_by_label("Voornaam").fill(first)
    form.get_by_label("Achternaam").fill(last)
    form.get_by_label("Geboortedatum").fill(born)
    form.get_by_label("Woongemeente").select_option(label="Dalfsen")
    expect(form.get_by_role("radio", name="Ik open een casus en ben casusregisseur")).to_be_checked()
    form.get_by_label("Aanleiding voor de casus").fill(subject)
    return form


def test_register_then_register_again_and_link_to_the_existing_youth(ui):
    page = ui.page
    ui.login("jeroen")
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Jeugdigen"))
    ui.navigate_by(page.get_by_role("link", name="Jeugdige registreren"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jeugdige registreren")

    # Nothing filled in: Dutch errors, each naming its field and tied to it.
    ui.navigate_by(page.get_by_role("button", name="Registreren"), status=422)
    form = page.locator("form.jk-form")
    for label, message in (
        ("Voornaam", "Voornaam: Vul de voornaam in."),
        ("Achternaam", "Achternaam: Vul de achternaam in."),
        ("Geboortedatum", "Geboortedatum: Vul de datum in."),
        ("Woongemeente", "Woongemeente: Kies de woongemeente."),
    ):
        field = form.get_by_label(label)
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile(re.escape(message)))

    fill_registration(page)
    ui.navigate_by(page.get_by_role("button", name="Registreren"))
    youth = Youth.objects.get(first_name=FIRST, last_name=LAST)
    expect(page).to_have_url(re.compile(rf"/jeugdigen/{youth.pk}/$"))
    expect(ui.messages()).to_contain_text(f"{FIRST} {LAST} is geregistreerd.")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{FIRST} {LAST}")
    expect(page.get_by_role("region", name="Casussen")).to_contain_text("Zorgen over thuissituatie")

    # The same name and date of birth again: the match page, not a second youth.
    ui.goto("/jeugdigen/registreren/")
    fill_registration(page, subject="Tweede aanmelding via school")
    ui.navigate_by(page.get_by_role("button", name="Registreren"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Is dit dezelfde jeugdige?")
    expect(page.get_by_role("alert")).to_contain_text(
        "Er is al een jeugdige met dezelfde geboortedatum en een vergelijkbare naam."
    )
    expect(page.locator("main li.jk-card")).to_contain_text(f"{FIRST} {LAST}, geboren 14 maart 2016, woont in Dalfsen")
    expect(page.get_by_role("button", name="Nee, het is een andere jeugdige: nieuw registreren")).to_be_visible()

    ui.navigate_by(page.get_by_role("button", name=f"Koppelen aan {FIRST} {LAST}"))
    expect(page).to_have_url(re.compile(rf"/jeugdigen/{youth.pk}/$"))
    expect(ui.messages()).to_contain_text(f"Gekoppeld aan de bestaande registratie van {FIRST} {LAST}.")
    assert Youth.objects.filter(first_name=FIRST, last_name=LAST).count() == 1
    # jeroen already holds this youth's open case: linking opens no second one.
    assert list(Case.objects.filter(youth=youth).values_list("subject", flat=True)) == ["Zorgen over thuissituatie"]


@pytest.mark.parametrize(
    ("username", "relationship"),
    [("jeroen", "Ik open een casus en ben casusregisseur"), ("sanne", "Ik schrijf de leerling in op mijn school")],
    ids=["case-jeroen", "school-sanne"],
)
def test_register_form_does_not_call_a_field_it_requires_optional(ui, username, relationship):
    """A field the form refuses to leave empty must not be labelled "(niet verplicht)" (WCAG 3.3.2)."""
    page = ui.page
    ui.login(username)
    ui.goto("/jeugdigen/registreren/")
    form = page.locator("form.jk-form")
    form.get_by_label("Voornaam").fill(FIRST)
    form.get_by_label("Achternaam").fill(LAST)
    form.get_by_label("Geboortedatum").fill(BORN)
    form.get_by_label("Woongemeente").select_option(label="Dalfsen")
    form.get_by_role("radio", name=relationship).check()
    ui.navigate_by(form.get_by_role("button", name="Registreren"), status=422)

    invalid = page.locator(".utrecht-form-field--invalid, .utrecht-form-fieldset--invalid")
    assert invalid.count() > 0
    mislabelled = []
    for field in invalid.all():
        label = field.locator("label, legend").first.inner_text()
        errors = field.locator(".utrecht-form-field-error-message").inner_text()
        if "niet verplicht" in label:
            mislabelled.append(f"{label!r} → {errors!r}")
    assert not mislabelled, "labelled optional, refused when empty: " + "; ".join(mislabelled)
