"""Analyse → oordeelsvorming → besluitvorming → verslag → definitief: each gate refuses without its
content, with a Dutch message naming the field, and stores nothing half."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.cases.models import Case
from jeugdketen.investigation import services
from jeugdketen.investigation.models import HelpKind, Investigation, Phase, PhaseChange, Zienswijze
from tests.factories import YouthFactory, case_with, parent_of, professional

from .conftest import add_conversation, decide, finish_analyse, finish_oordeel, shared

pytestmark = pytest.mark.django_db


def refused(call) -> dict:
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.message_dict


def advance(investigation, actor):
    return services.investigation_advance(actor=actor, investigation=investigation, access_point=CLI)


def test_start_by_the_toegang_opens_the_analysis_with_the_decision_term(case, consulent):
    today = timezone.localdate()
    investigation = services.investigation_start(case=case, consulent=consulent, decide_by=today + timedelta(weeks=8))
    assert investigation.phase == Phase.ANALYSE
    assert (investigation.started_on, investigation.phase_started_on) == (today, today)
    assert investigation.decide_by == today + timedelta(weeks=8)
    assert investigation.due_on() == today + timedelta(weeks=4)
    assert list(PhaseChange.objects.values_list("from_phase", "to_phase")) == [("", "analyse")]


def test_start_refuses_a_second_investigation_and_a_non_consulent(investigation, case, consulent):
    assert refused(lambda: services.investigation_start(case=case, consulent=consulent, decide_by=None)) == {
        "case": ["Er loopt al een onderzoek in deze casus."]
    }
    other = case_with(YouthFactory(), consulent, "jeugdconsulent")
    teacher = professional("leerkracht")
    teacher.user.first_name, teacher.user.last_name = "Sanne", "Kroeze"
    assert refused(lambda: services.investigation_start(case=other, consulent=teacher, decide_by=None)) == {
        "consulent": ["Sanne Kroeze is geen jeugdconsulent."]
    }


def test_the_casusregisseur_opens_an_investigation_and_the_case_goes_into_onderzoek(youth, consulent):
    case = case_with(youth, consulent, "jeugdconsulent", status=Case.Status.AANGEMELD)
    investigation = services.investigation_open(actor=consulent.user, case=case, access_point=CLI)
    case.refresh_from_db()
    assert case.status == Case.Status.ONDERZOEK
    assert investigation.consulent == consulent and investigation.decide_by is None
    entry = AccessLogEntry.objects.get(object_type="investigation", event="create")
    assert (entry.categories, entry.function_code, entry.ground) == (["youthcare"], "jeugdconsulent", "case")


def test_analysis_gate_names_every_missing_field_and_stays_in_analysis(investigation, actor):
    services.findings_update(
        actor=actor, investigation=investigation, upbringing_findings="Onrust in huis.", access_point=CLI
    )
    errors = refused(lambda: advance(investigation, actor))
    assert errors == {
        "conversations": ["Leg eerst minstens één gesprek vast, bijvoorbeeld het keukentafelgesprek."],
        "psychological_findings": [
            "Vul in wat u vond over psychische problemen en/of stoornissen; schrijf ‘geen zorgen’ als u niets vond."
        ],
        "safety_findings": ["Vul in wat u vond over de veiligheid; schrijf ‘geen zorgen’ als u niets vond."],
        "strengths": ["Beschrijf de sterke kanten van het gezin."],
    }
    investigation.refresh_from_db()
    assert investigation.phase == Phase.ANALYSE
    assert PhaseChange.objects.count() == 1


def test_blank_is_not_an_answer_but_geen_zorgen_is(investigation, actor):
    add_conversation(investigation, actor)
    services.findings_update(
        actor=actor,
        investigation=investigation,
        upbringing_findings="Geen zorgen.",
        psychological_findings="   ",
        safety_findings="Geen zorgen.",
        strengths="Sterk netwerk.",
        access_point=CLI,
    )
    assert list(refused(lambda: advance(investigation, actor))) == ["psychological_findings"]
    services.findings_update(
        actor=actor, investigation=investigation, psychological_findings="Geen zorgen.", access_point=CLI
    )
    investigation = advance(investigation, actor)
    assert investigation.phase == Phase.OORDEELSVORMING
    assert investigation.phase_started_on == timezone.localdate()


def test_oordeelsvorming_gate_needs_the_judgement(investigation, actor):
    investigation = finish_analyse(investigation, actor)
    assert refused(lambda: advance(investigation, actor)) == {
        "judgement": ["Schrijf uw oordeel: wat is er aan de hand en welke hulp is nodig?"]
    }
    investigation = finish_oordeel(investigation, actor)
    assert investigation.phase == Phase.BESLUITVORMING


def test_besluitvorming_gate_needs_decision_and_motivation(investigation, actor):
    investigation = finish_oordeel(finish_analyse(investigation, actor), actor)
    errors = refused(lambda: services.investigation_share(actor=actor, investigation=investigation, access_point=CLI))
    assert errors == {"help_kind": ["Kies welke hulp nodig is."], "motivation": ["Motiveer het besluit over de hulp."]}


def test_specialist_help_needs_the_whole_beschikking(investigation, actor, provider):
    investigation = finish_oordeel(finish_analyse(investigation, actor), actor)
    decide(investigation, actor, help_kind=HelpKind.SPECIALISTISCH, care_product="Ambulante gezinsbehandeling")
    errors = refused(lambda: services.investigation_share(actor=actor, investigation=investigation, access_point=CLI))
    assert errors == {
        "provider": ["Kies de aanbieder van de beschikking."],
        "beschikking_start": ["Vul de ingangsdatum van de beschikking in."],
        "beschikking_end": ["Vul de einddatum van de beschikking in."],
        "beschikking_number": ["Vul het beschikkingsnummer in."],
    }
    investigation.refresh_from_db()
    assert investigation.phase == Phase.BESLUITVORMING and investigation.shared_on is None
    today = timezone.localdate()
    decide(
        investigation,
        actor,
        help_kind=HelpKind.SPECIALISTISCH,
        care_product="Ambulante gezinsbehandeling",
        provider=provider,
        beschikking_start=today,
        beschikking_end=today + timedelta(days=180),
        beschikking_number="B-2026-0042",
    )
    investigation = services.investigation_share(actor=actor, investigation=investigation, access_point=CLI)
    assert investigation.phase == Phase.VERSLAG
    assert (investigation.provider, investigation.beschikking_number) == (provider, "B-2026-0042")


def test_a_beschikking_ending_before_it_starts_is_refused_and_nothing_is_saved(investigation, actor, provider):
    investigation = finish_oordeel(finish_analyse(investigation, actor), actor)
    today = timezone.localdate()
    errors = refused(
        lambda: decide(
            investigation,
            actor,
            help_kind=HelpKind.SPECIALISTISCH,
            motivation="Nieuwe motivering",
            provider=provider,
            beschikking_start=today,
            beschikking_end=today - timedelta(days=1),
        )
    )
    assert errors == {"beschikking_end": ["De einddatum ligt vóór de ingangsdatum."]}
    investigation.refresh_from_db()
    assert (investigation.help_kind, investigation.motivation, investigation.provider) == ("", "", None)


def test_other_help_than_specialist_clears_the_beschikking(investigation, actor, provider):
    investigation = finish_oordeel(finish_analyse(investigation, actor), actor)
    today = timezone.localdate()
    decide(investigation, actor, help_kind=HelpKind.SPECIALISTISCH, provider=provider, beschikking_start=today)
    investigation = decide(investigation, actor, help_kind=HelpKind.VOORLIGGEND, provider=provider)
    assert (investigation.provider, investigation.beschikking_start) == (None, None)


def test_each_phase_takes_its_own_content_only(investigation, actor):
    assert refused(
        lambda: services.judgement_update(actor=actor, investigation=investigation, judgement="x", access_point=CLI)
    ) == {"phase": ["Het oordeel schrijft u in de oordeelsvorming."]}
    investigation = finish_analyse(investigation, actor)
    assert "phase" in refused(
        lambda: services.findings_update(actor=actor, investigation=investigation, strengths="", access_point=CLI)
    )
    investigation.refresh_from_db()
    assert investigation.strengths  # the finding the gate let through was not blanked afterwards


def test_a_conversation_needs_its_fields_and_no_future_date(investigation, actor):
    errors = refused(
        lambda: services.conversation_add(
            actor=actor,
            investigation=investigation,
            kind="feestje",
            held_on=timezone.localdate() + timedelta(days=1),
            participants=" ",
            summary="",
            access_point=CLI,
        )
    )
    assert errors == {
        "kind": ["Kies de soort gesprek."],
        "held_on": ["De datum van het gesprek ligt in de toekomst."],
        "participants": ["Vul in wie er bij het gesprek waren."],
        "summary": ["Schrijf een korte samenvatting van het gesprek."],
    }
    assert not investigation.conversations.exists()


def test_sharing_sets_the_zienswijze_term_and_who_it_is_shared_with(investigation, actor):
    investigation = shared(investigation, actor)
    today = timezone.localdate()
    assert investigation.phase == Phase.VERSLAG
    assert (investigation.shared_on, investigation.decided_on, investigation.share_round) == (today, today, 1)
    assert today + timedelta(days=14) <= investigation.zienswijze_until <= today + timedelta(days=18)
    assert investigation.shared_with == "ouders"  # Noah is 10
    entry = AccessLogEntry.objects.filter(object_type="investigation").latest("pk")
    assert entry.description.startswith("onderzoeksverslag gedeeld met de ouders met gezag, zienswijze tot en met")


@pytest.mark.parametrize(("age", "shared_with"), [(11, "ouders"), (12, "ouders_jeugdige"), (16, "jeugdige")])
def test_the_report_is_shared_by_the_youths_age(consulent, age, shared_with):
    from .conftest import born

    case = case_with(YouthFactory(date_of_birth=born(age)), consulent, "jeugdconsulent")
    investigation = services.investigation_start(case=case, consulent=consulent, decide_by=None)
    assert shared(investigation, consulent.user).shared_with == shared_with


def test_finalising_waits_for_a_zienswijze_or_the_end_of_the_term(investigation, actor, youth):
    investigation = shared(investigation, actor)
    until = investigation.zienswijze_until.strftime("%d-%m-%Y")
    assert refused(
        lambda: services.investigation_finalise(actor=actor, investigation=investigation, access_point=CLI)
    ) == {
        "no_zienswijze_note": [
            f"De termijn voor de zienswijze loopt tot en met {until} en er is nog geen zienswijze. Wacht daarop, "
            "of leg vast dat de ouders en de jeugdige geen zienswijze geven."
        ]
    }
    parent = parent_of(youth)
    services.zienswijze_add(
        actor=parent.user, investigation=investigation, text="Wij herkennen ons erin.", access_point=CLI
    )
    investigation = services.investigation_finalise(actor=actor, investigation=investigation, access_point=CLI)
    assert investigation.phase == Phase.DEFINITIEF
    assert (investigation.finalised_on, investigation.finalised_by) == (timezone.localdate(), investigation.consulent)
    assert investigation.finalised_note == ""


def test_after_the_term_the_consulent_finalises_without_a_zienswijze(investigation, actor):
    investigation = shared(investigation, actor)
    Investigation.objects.filter(pk=investigation.pk).update(zienswijze_until=timezone.localdate() - timedelta(days=1))
    investigation.refresh_from_db()
    investigation = services.investigation_finalise(actor=actor, investigation=investigation, access_point=CLI)
    assert investigation.phase == Phase.DEFINITIEF


def test_early_finalising_records_that_the_parents_give_no_zienswijze(investigation, actor):
    investigation = shared(investigation, actor)
    note = "Moeder belde op 3 maart: geen zienswijze, het verslag klopt."
    investigation = services.investigation_finalise(
        actor=actor, investigation=investigation, no_zienswijze_note=note, access_point=CLI
    )
    assert (investigation.phase, investigation.finalised_note) == (Phase.DEFINITIEF, note)
    assert AccessLogEntry.objects.filter(description__contains="zonder zienswijze: Moeder belde").exists()


def test_a_step_back_is_logged_and_withdraws_a_shared_report(investigation, actor, youth):
    investigation = shared(investigation, actor)
    parent = parent_of(youth)
    services.zienswijze_add(actor=parent.user, investigation=investigation, text="Klopt niet.", access_point=CLI)
    assert refused(
        lambda: services.investigation_step_back(
            actor=actor, investigation=investigation, to_phase=Phase.VERSLAG, reason="", access_point=CLI
        )
    ) == {"to_phase": ["Kies een eerdere fase."], "reason": ["Schrijf waarom het onderzoek teruggaat."]}
    investigation = services.investigation_step_back(
        actor=actor,
        investigation=investigation,
        to_phase=Phase.OORDEELSVORMING,
        reason="De zienswijze van moeder vraagt een nieuw oordeel.",
        access_point=CLI,
    )
    assert investigation.phase == Phase.OORDEELSVORMING
    assert (investigation.shared_on, investigation.zienswijze_until, investigation.decided_on) == (None, None, None)
    assert investigation.judgement  # the content stays
    change = PhaseChange.objects.latest("pk")
    assert change.is_step_back and change.reason == "De zienswijze van moeder vraagt een nieuw oordeel."
    assert AccessLogEntry.objects.filter(
        description="teruggezet van verslag gedeeld, wacht op zienswijze naar oordeelsvorming: "
        "De zienswijze van moeder vraagt een nieuw oordeel."
    ).exists()
    # Shared again: the earlier zienswijze was on the withdrawn version and does not count.
    investigation = services.investigation_advance(actor=actor, investigation=investigation, access_point=CLI)
    investigation = services.investigation_share(actor=actor, investigation=investigation, access_point=CLI)
    assert investigation.share_round == 2
    assert "no_zienswijze_note" in refused(
        lambda: services.investigation_finalise(actor=actor, investigation=investigation, access_point=CLI)
    )
    assert Zienswijze.objects.get().share_round == 1


def test_a_final_report_does_not_go_back_and_takes_no_zienswijze(investigation, actor, youth):
    investigation = shared(investigation, actor)
    investigation = services.investigation_finalise(
        actor=actor, investigation=investigation, no_zienswijze_note="Ouders zien af.", access_point=CLI
    )
    assert "phase" in refused(
        lambda: services.investigation_step_back(
            actor=actor, investigation=investigation, to_phase=Phase.ANALYSE, reason="x", access_point=CLI
        )
    )
    parent = parent_of(youth)
    assert refused(
        lambda: services.zienswijze_add(
            actor=parent.user, investigation=investigation, text="Te laat?", access_point=CLI
        )
    ) == {"phase": ["Het verslag is definitief; een zienswijze kan niet meer worden toegevoegd."]}


def test_every_change_is_logged_as_youth_care_of_the_investigation(investigation, actor):
    shared(investigation, actor)
    entries = AccessLogEntry.objects.filter(object_type="investigation")
    assert entries.count() == 7  # conversation, findings, advance, judgement, advance, decision, share
    assert all(e.categories == ["youthcare"] for e in entries)
    assert all(e.function_code == "jeugdconsulent" and e.ground == "case" for e in entries)
