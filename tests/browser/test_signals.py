"""Signals in the browser: the casusregisseur opens the inbox (axe), handles an overdue agreement
with a note, and records the nazorg contact of a closed case. Its own data (not the demo's)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Organisation
from jeugdketen.plans.models import Agreement, Plan
from jeugdketen.signals import services
from jeugdketen.signals.models import Signal
from tests.browser.flows import click
from tests.factories import OrganisationFactory, UserFactory, YouthFactory, case_with

pytestmark = pytest.mark.browser

PASSWORD = "geheim-wachtwoord-123"  # tests.factories.UserFactory


@pytest.fixture
def ui(page, live_server, transactional_db):
    """The browser user, without the demo municipality: this test makes its own data."""
    from .helpers import UI

    return UI(page, live_server.url)


@pytest.fixture
def signals(transactional_db):
    from jeugdketen.organisations.services import load_reference_data
    from tests.factories import professional

    load_reference_data()  # idempotent: whatever flushed the database before this test
    gemeente = OrganisationFactory(name="Gemeente Dalfsen", kind=Organisation.Kind.GEMEENTE)
    regisseur = professional(
        "jeugdconsulent",
        organisation=gemeente,
        user=UserFactory(username="regisseur", first_name="Jeroen", last_name="Hulshof"),
    )
    today = timezone.localdate()
    running = case_with(YouthFactory(first_name="Noah"), regisseur, "jeugdconsulent")
    Agreement.objects.create(
        plan=Plan.objects.create(case=running),
        what="Gesprek met de school over het rooster",
        owner_kind="professional",
        owner_professional=regisseur,
        due_on=today - timedelta(days=3),
    )
    closed = case_with(YouthFactory(first_name="Mila"), regisseur, "jeugdconsulent")
    Plan.objects.create(case=closed, nazorg_on=today - timedelta(days=1))
    Case.objects.filter(pk=closed.pk).update(status=Case.Status.AFGESLOTEN, closed_on=today - timedelta(days=90))
    services.stagnation_sweep(today=today)
    return {"running": running, "closed": closed}


def test_the_casusregisseur_handles_signals_from_the_inbox(ui, signals):
    page = ui.page
    running, closed = signals["running"], signals["closed"]
    ui.login("regisseur", PASSWORD)
    ui.goto("/signalen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Signalen")
    # The count in the navigation arrives after the page (htmx).
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav.get_by_role("link", name=re.compile(r"^Signalen \(\d+ open signa"))).to_be_visible()
    table = page.get_by_role("region", name="Signalen")
    expect(table.locator("caption")).to_have_text("2 open signalen")
    expect(table).to_contain_text("Afspraak over de datum")
    expect(table).to_contain_text("Nazorgmoment bereikt")
    expect(ui.main).not_to_contain_text("Noah")
    expect(ui.main).not_to_contain_text("rooster")

    # The overdue agreement: handled with a note (first an empty note, refused at the field).
    ui.navigate_by(page.get_by_role("link", name=f"Afhandelen ({running.reference}, afspraak over de datum)"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Signaal bij casus {running.reference}")
    click(ui, "Afhandelen", status=422)
    note = page.get_by_label("Wat hebt u gedaan?")
    expect(note).to_have_attribute("aria-invalid", "true")
    note.fill("De school gebeld; het gesprek is volgende week.")
    click(ui, "Afhandelen")
    expect(ui.messages()).to_contain_text(f"Het signaal bij casus {running.reference} is afgehandeld.")
    expect(table.locator("caption")).to_have_text("1 open signaal")

    # The nazorg moment of the closed case: the contact is recorded.
    ui.navigate_by(page.get_by_role("link", name=f"Nazorg vastleggen ({closed.reference}, nazorgmoment bereikt)"))
    page.get_by_label("Uitkomst van het nazorgcontact").fill("Moeder: het gaat goed, geen hulp nodig.")
    click(ui, "Nazorgcontact vastleggen")
    expect(ui.main).to_contain_text("U hebt geen open signalen.")
    assert not Signal.objects.filter(resolved_at__isnull=True).exists()
