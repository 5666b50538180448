"""The remaining pages of issue 8 in the browser, axe on each: archiving an offer on the sociale
kaart, a group of beleidssignalen, erasing a youth's data (the privacy officer), and a parent
reading the onderwijskundig rapport and adding her view."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.handover.law import school_year_of
from jeugdketen.handover.models import Handover
from jeugdketen.organisations.models import Organisation, Professional
from jeugdketen.policysignals.models import Group
from jeugdketen.socialmap.models import Service
from jeugdketen.youth.models import Youth

pytestmark = pytest.mark.browser


def test_archiving_an_offer_and_answering_a_group(ui):
    page = ui.page
    ui.login("marieke")
    service = Service.objects.get(name="Opvoedspreekuur Saam")
    ui.goto(f"/sociale-kaart/{service.pk}/archiveren/")
    ui.navigate_by(page.get_by_role("button", name="Archiveren"), status=422)
    expect(ui.main).to_contain_text("Waarom stopt het aanbod?: Vul in waarom het aanbod stopt.")
    page.get_by_label("Waarom stopt het aanbod?").fill("Saam stopt met het spreekuur.")
    ui.navigate_by(page.get_by_role("button", name="Archiveren"))
    expect(ui.main).to_contain_text("niet meer aangeboden")
    group = Group.objects.get(title="Wachttijden jeugdhulp")
    ui.goto(f"/beleidssignalen/groepen/{group.pk}/")
    expect(page.get_by_role("region", name="Signalen in de groep")).to_contain_text("Wachttijd")
    page.get_by_role("textbox", name="Antwoord").fill("De extra inkoop gaat in per 1 januari.")
    ui.navigate_by(page.get_by_role("button", name="Antwoord versturen aan alle melders"))
    expect(ui.main).to_contain_text("De extra inkoop gaat in per 1 januari.")


def test_the_privacy_officer_erases_a_youth_the_law_no_longer_keeps(ui):
    page = ui.page
    luuk = Youth.objects.get(first_name="Luuk", last_name="Boer")  # two years old: no school, no case
    ui.login("pieter")
    ui.goto(f"/privacy/verzoeken/{luuk.pk}/")
    ui.navigate_by(page.get_by_role("link", name="Alles van deze jeugdige wissen"))
    page.get_by_label("Reden en verzoeker").fill("Verzoek van beide ouders, 6 december.")
    ui.navigate_by(page.get_by_role("button", name="Definitief wissen"), status=422)
    expect(ui.main).to_contain_text("Bevestig dat u alles wilt wissen.")
    page.get_by_role("checkbox").check()
    ui.navigate_by(page.get_by_role("button", name="Definitief wissen"))
    expect(ui.main).to_contain_text("zijn gewist")
    assert not Youth.objects.filter(pk=luuk.pk).exists()


def test_a_parent_reads_the_report_and_adds_her_view(ui):
    page = ui.page
    julia = Youth.objects.get(first_name="Julia", last_name="Veen")
    school = Organisation.objects.get(name="OBS De Vecht (demo)")
    today = timezone.localdate()
    handover = Handover.objects.create(
        youth=julia, from_school=school, to_school=school, transfer="schooljaar", method="warm",
        school_year=school_year_of(today), status="overgedragen", handed_over_on=today,
        handed_over_by=Professional.objects.get(user__username="ilse"),
        created_by=Professional.objects.get(user__username="ilse"), conversation_on=today,
        conversation_with="Juf Anna, groep 7", learning="Julia leest graag.",
    )  # fmt: skip
    ui.login("petra")
    ui.navigate_by(page.get_by_role("link", name="Onderwijskundig rapport van OBS De Vecht (demo)", exact=False))
    expect(ui.main).to_contain_text("Julia leest graag.")
    ui.navigate_by(page.get_by_role("button", name="Reactie toevoegen"), status=422)
    expect(ui.main).to_contain_text("Uw reactie op het rapport: Vul uw reactie in.")
    page.get_by_label("Uw reactie op het rapport").fill("Julia vindt rekenen nog moeilijk.")
    ui.navigate_by(page.get_by_role("button", name="Reactie toevoegen"))
    handover.refresh_from_db()
    assert handover.parents_view == "Julia vindt rekenen nog moeilijk."
