"""The rules of the meeting, each allowed and refused: scheduling about one's own cases, whom one may
invite, minutes in the writer's categories (police information in the police category), decisions
with what/who/by-when, decisions into the plan once and all-or-none, and closing with the
terugkoppeling to everyone involved."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.meetings import services
from jeugdketen.meetings.models import Decision, FeedbackRecipient, Meeting, MeetingCase, Minute, Participant, Section
from jeugdketen.plans.models import Agreement, Plan
from tests.factories import YouthFactory, case_with, parent_of

from .conftest import decide, invite, item_of, minute, schedule

pytestmark = pytest.mark.django_db


# --- scheduling ---------------------------------------------------------------------------------------


def test_an_involved_professional_schedules_an_mdo_about_two_cases(people, case_a, case_b):
    meeting = schedule(people["consulent"].user, [case_a, case_b], chair=people["ib"])
    assert (meeting.kind, meeting.status, meeting.chair, meeting.organised_by) == (
        Meeting.Kind.MDO,
        Meeting.Status.PLANNED,
        people["ib"],
        people["consulent"],
    )
    assert [item.case for item in meeting.items.all()] == [case_a, case_b]
    logged = AccessLogEntry.objects.filter(event="create", object_type="meeting")
    assert sorted(e.youth_id for e in logged) == sorted([case_a.youth_id, case_b.youth_id])


def test_scheduling_checks_every_field_at_once_and_saves_nothing(people, case_a):
    with pytest.raises(ValidationError) as error:
        services.meeting_schedule(
            actor=people["consulent"].user,
            kind="koffie",
            starts_at=timezone.now() - timedelta(days=30),
            place="  ",
            chair=None,
            cases=[],
            access_point=CLI,
        )
    assert error.value.message_dict == {
        "kind": ["Kies het soort overleg."],
        "starts_at": ["Een overleg van meer dan twee weken geleden legt u hier niet meer vast."],
        "place": ["Vul in waar het overleg is: een adres, een ruimte of ‘online’."],
        "chair": ["Kies de voorzitter."],
        "cases": ["Kies minstens één casus om te bespreken."],
    }
    assert not Meeting.objects.exists()


def test_a_case_one_is_not_involved_in_is_refused_and_nothing_is_saved(people, case_a, case_b):
    """Ilse is involved in Noah's case, not in Lisa's: the MDO about both is not made, not even half."""
    with pytest.raises(ValidationError) as error:
        schedule(people["ib"].user, [case_a, case_b])
    assert error.value.message_dict == {"cases": ["U kunt alleen casussen agenderen waarbij u zelf betrokken bent."]}
    assert not Meeting.objects.exists() and not MeetingCase.objects.exists()
    refusal = AccessLogEntry.objects.get(event="refused")
    assert (refusal.youth_id, refusal.description) == (case_b.youth_id, "agenderen zonder betrokkenheid")


def test_plain_text_only_and_a_year_ahead_at_most(people, case_a):
    with pytest.raises(ValidationError) as error:
        schedule(
            people["consulent"].user, [case_a], place="<b>zaal</b>", starts_at=timezone.now() + timedelta(days=400)
        )
    assert error.value.message_dict == {
        "place": ["Plaats bevat HTML- of scriptcode. Schrijf gewone tekst."],
        "starts_at": ["Plan een overleg ten hoogste een jaar vooruit."],
    }


def test_parents_do_not_schedule(mother, case_a):
    with pytest.raises(NotAllowed):
        schedule(mother.user, [case_a], chair=case_a.casusregisseur)


# --- invitations -------------------------------------------------------------------------------------


def test_the_organiser_invites_involved_professionals_and_the_family(meeting, people, mother, lisa, case_a, case_b):
    roles = {(p.role, p.name) for p in meeting.participants.all()}
    assert roles == {
        ("professional", "Ilse Dekker"),
        ("professional", "Jolien Oosterhof"),
        ("professional", "Peter Mensink"),
        ("professional", "Sanne Kroeze"),
        ("ouder", mother.full_name),
        ("jeugdige", "Lisa Bos"),
    }
    assert meeting.participants.get(carer=mother).item.case == case_a
    assert meeting.participants.get(youth=lisa).item.case == case_b


def test_inviting_twice_adds_nobody_twice(meeting, people):
    assert invite(people["consulent"].user, meeting, professionals=[people["ib"]]) == []
    assert meeting.participants.filter(professional=people["ib"]).count() == 1


def test_only_professionals_involved_in_a_case_of_the_meeting_are_invited(people, case_a):
    meeting = schedule(people["consulent"].user, [case_a])
    with pytest.raises(ValidationError) as error:
        invite(people["consulent"].user, meeting, professionals=[people["ib"], people["outsider"]])
    assert error.value.message_dict == {
        "professionals": [
            "Fatima El Amrani is niet betrokken bij een casus van dit overleg. Betrek iemand eerst bij de casus."
        ]
    }
    assert not meeting.participants.exists()  # not even Ilse: nothing half-saved


def test_the_police_is_invited_only_by_who_may_see_its_involvement(people, case_a):
    """Who is involved as police is police data: the IB'er who organises does not see it, so cannot
    invite the jeugdagent; the casusregisseur can."""
    meeting = schedule(people["ib"].user, [case_a])
    with pytest.raises(ValidationError) as error:
        invite(people["ib"].user, meeting, professionals=[people["agent"]])
    assert "Peter Mensink is niet betrokken" in error.value.message_dict["professionals"][0]
    jeroen_meeting = schedule(people["consulent"].user, [case_a])
    assert len(invite(people["consulent"].user, jeroen_meeting, professionals=[people["agent"]])) == 1


def test_parents_with_gezag_under_16_and_the_youth_from_12(people, case_a, case_b, noah, lisa):
    jeroen = people["consulent"].user
    meeting = schedule(jeroen, [case_a, case_b])
    without_gezag = parent_of(noah, has_gezag=False)
    lisas_mother = parent_of(lisa)
    cases = [
        ((item_of(meeting, case_a), without_gezag), f"{without_gezag.full_name} heeft geen gezag over Noah Jansen."),
        ((item_of(meeting, case_a), None), "Noah Jansen is jonger dan 12; de ouders nemen deel."),
    ]
    for invitation, message in cases:
        with pytest.raises(ValidationError) as error:
            invite(jeroen, meeting, family=[invitation])
        assert error.value.message_dict == {"family": [message]}
    # Lisa is 14: her mother with gezag, and Lisa herself.
    assert (
        len(
            invite(jeroen, meeting, family=[(item_of(meeting, case_b), lisas_mother), (item_of(meeting, case_b), None)])
        )
        == 2
    )


def test_from_16_the_parents_are_not_invited_any_more(people):
    youth = YouthFactory(date_of_birth=timezone.localdate() - timedelta(days=17 * 366))
    carer = parent_of(youth)
    case = case_with(youth, people["consulent"], "jeugdconsulent")
    meeting = schedule(people["consulent"].user, [case])
    with pytest.raises(ValidationError) as error:
        invite(people["consulent"].user, meeting, family=[(item_of(meeting, case), carer)])
    assert "is 16 of ouder en beslist zelf" in error.value.message_dict["family"][0]


def test_only_the_chair_or_organiser_invites(meeting, people):
    with pytest.raises(NotAllowed):
        invite(people["ib"].user, meeting, professionals=[people["nurse"]])
    with pytest.raises(NotFoundOrForbidden):
        invite(people["outsider"].user, meeting, professionals=[people["nurse"]])


# --- minutes -----------------------------------------------------------------------------------------


def test_minutes_are_written_in_the_writers_categories(meeting, people, case_a):
    item = item_of(meeting, case_a)
    assert minute(people["ib"].user, item, "school").author == people["ib"]
    assert minute(people["nurse"].user, item, "health").author_function.code == "jeugdverpleegkundige"
    police = minute(people["agent"].user, item, "police", "Twee meldingen van overlast in de wijk.")
    assert (police.category, police.author) == ("police", people["agent"])
    with pytest.raises(ValidationError) as error:
        minute(people["ib"].user, item, "police", "Hoorde van de wijkagent…")
    assert error.value.message_dict == {
        "category": ["Als Intern begeleider / zorgcoördinator kunt u niet schrijven in de categorie Politie."]
    }
    assert AccessLogEntry.objects.filter(
        event="refused", description="verslag in een categorie buiten de functie"
    ).exists()


def test_minutes_check_every_field(meeting, people, case_a):
    with pytest.raises(ValidationError) as error:
        services.minute_add(
            actor=people["ib"].user, item=item_of(meeting, case_a), section="x", category="", text=" ", access_point=CLI
        )
    assert error.value.message_dict == {
        "section": ["Kies bij welke vraag dit hoort."],
        "category": ["Kies een categorie."],
        "text": ["Schrijf wat er besproken is."],
    }
    assert not Minute.objects.exists()


def test_only_participants_involved_in_the_case_write(meeting, people, case_a, case_b, mother):
    # Sanne takes part but is not involved in Noah's case: his case is not hers to see.
    with pytest.raises(NotFoundOrForbidden):
        minute(people["mentor"].user, item_of(meeting, case_a), "school")
    # Jeroen's colleague Fatima is involved in Noah's case but does not take part.
    from tests.factories import involve

    involve(case_a, people["outsider"], "jeugdconsulent")
    with pytest.raises(NotAllowed):
        minute(people["outsider"].user, item_of(meeting, case_a), "youthcare")
    with pytest.raises(NotFoundOrForbidden):
        minute(mother.user, item_of(meeting, case_b), "youthcare")


# --- decisions and the outcome ------------------------------------------------------------------------


def test_a_decision_has_what_who_and_by_when(meeting, people, case_a, mother):
    item = item_of(meeting, case_a)
    decision = decide(people["ib"].user, item)
    assert (decision.owner_kind, decision.owner_professional, decision.recorded_by) == (
        "professional",
        people["ib"],
        people["ib"],
    )
    assert (
        decide(
            people["consulent"].user, item, owner_kind="ouder", owner_professional=None, owner_carer=mother
        ).owner_name
        == mother.full_name
    )
    assert (
        decide(people["consulent"].user, item, owner_kind="jeugdige", owner_professional=None).owner_name
        == "De jeugdige"
    )


def test_a_bad_decision_gets_a_message_per_field_and_is_not_saved(meeting, people, case_a):
    item = item_of(meeting, case_a)
    with pytest.raises(ValidationError) as error:
        services.decision_add(
            actor=people["consulent"].user,
            item=item,
            what="",
            owner_kind="professional",
            owner_professional=people["mentor"],  # not involved in Noah's case
            due_on=timezone.localdate() - timedelta(days=1),
            access_point=CLI,
        )
    assert error.value.message_dict == {
        "what": ["Schrijf wat er wordt gedaan."],
        "owner_professional": ["Sanne Kroeze is niet betrokken bij deze casus."],
        "due_on": [f"De datum ligt vóór het overleg; kies een datum op of na {timezone.localdate():%d-%m-%Y}."],
    }
    with pytest.raises(ValidationError) as error:
        decide(people["consulent"].user, item, owner_kind="buurman", due_on=None)
    assert error.value.message_dict == {
        "owner_kind": ["Kies wie het besluit uitvoert."],
        "due_on": ["Vul in wanneer het klaar moet zijn."],
    }
    assert not Decision.objects.exists()


def test_the_police_records_no_decisions_they_are_plan_data(meeting, people, case_a):
    with pytest.raises(NotAllowed):
        decide(people["agent"].user, item_of(meeting, case_a))
    with pytest.raises(NotAllowed):
        services.outcome_set(actor=people["agent"].user, item=item_of(meeting, case_a), outcome="x", access_point=CLI)


def test_the_outcome_is_plain_text(meeting, people, case_a):
    item = item_of(meeting, case_a)
    with pytest.raises(ValidationError) as error:
        services.outcome_set(actor=people["ib"].user, item=item, outcome="<script>x</script>", access_point=CLI)
    assert error.value.message_dict == {"outcome": ["Uitkomst bevat HTML- of scriptcode. Schrijf gewone tekst."]}
    services.outcome_set(actor=people["ib"].user, item=item, outcome="Noah krijgt hulp thuis.", access_point=CLI)
    item.refresh_from_db()
    assert (item.outcome, item.outcome_by) == ("Noah krijgt hulp thuis.", people["ib"])


# --- decisions into the plan --------------------------------------------------------------------------


def convert(actor, item):
    return services.decisions_convert(actor=actor, item=item, access_point=CLI)


def test_the_casusregisseur_turns_the_decisions_into_agreements_once(meeting, people, case_a, mother):
    item = item_of(meeting, case_a)
    first = decide(people["ib"].user, item, what="Observatie in de klas.")
    second = decide(
        people["consulent"].user,
        item,
        what="Thuis rust na school.",
        owner_kind="ouder",
        owner_professional=None,
        owner_carer=mother,
    )
    agreements = convert(people["consulent"].user, item)
    assert [(a.what, a.owner_kind, a.source) for a in agreements] == [
        ("Observatie in de klas.", "professional", f"MDO {timezone.localdate():%d-%m-%Y}"),
        ("Thuis rust na school.", "ouder", f"MDO {timezone.localdate():%d-%m-%Y}"),
    ]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.agreement == agreements[0] and first.converted_at is not None
    plan = Plan.objects.get(case=case_a)
    assert plan.version == 3  # started (1), two agreements (2, 3)
    # A second time adds nothing.
    assert convert(people["consulent"].user, item) == []
    assert Agreement.objects.filter(plan=plan).count() == 2
    # A decision made later is taken over on its own.
    decide(people["ib"].user, item, what="Evaluatie met moeder.")
    assert [a.what for a in convert(people["consulent"].user, item)] == ["Evaluatie met moeder."]
    assert Agreement.objects.filter(plan=plan).count() == 3


def test_only_the_casusregisseur_converts(meeting, people, case_a):
    item = item_of(meeting, case_a)
    decide(people["ib"].user, item)
    with pytest.raises(NotAllowed):
        convert(people["ib"].user, item)
    with pytest.raises(NotFoundOrForbidden):
        convert(people["mentor"].user, item)
    assert not Agreement.objects.exists()


def test_converting_is_all_or_none(meeting, people, case_a):
    """When one decision cannot become an agreement (its owner left the case), none does."""
    item = item_of(meeting, case_a)
    decide(people["ib"].user, item, what="Eerst dit.", owner_professional=people["ib"])
    decide(people["consulent"].user, item, what="Dan dat.", owner_professional=people["nurse"])
    case_a.involvements.filter(professional=people["nurse"]).update(until=timezone.localdate())
    with pytest.raises(ValidationError) as error:
        convert(people["consulent"].user, item)
    assert error.value.messages == [
        "Het besluit ‘Dan dat.’ kon niet in het plan: Jolien Oosterhof is niet betrokken bij deze casus. "
        "Er is niets overgenomen."
    ]
    assert not Agreement.objects.exists()
    assert not Decision.objects.filter(agreement__isnull=False).exists()


def test_the_agreement_may_be_added_while_the_plan_exists_already(meeting, people, case_a):
    from jeugdketen.plans import services as plans

    plan = plans.plan_start(actor=people["consulent"].user, case=case_a, access_point=CLI)
    plans.goal_add(actor=people["consulent"].user, plan=plan, expected_version=1, text="Rust thuis.", access_point=CLI)
    decide(people["ib"].user, item_of(meeting, case_a))
    [agreement] = convert(people["consulent"].user, item_of(meeting, case_a))
    plan.refresh_from_db()
    assert (agreement.plan, plan.version) == (plan, 3)


# --- closing and the terugkoppeling --------------------------------------------------------------------


def ready(meeting, people, case_a, case_b):
    for case in (case_a, case_b):
        services.outcome_set(
            actor=people["consulent"].user, item=item_of(meeting, case), outcome="Afspraken gemaakt.", access_point=CLI
        )


def test_closing_needs_an_outcome_for_every_case(meeting, people, case_a):
    services.outcome_set(
        actor=people["consulent"].user, item=item_of(meeting, case_a), outcome="Goed.", access_point=CLI
    )
    with pytest.raises(ValidationError) as error:
        services.meeting_close(actor=people["consulent"].user, meeting=meeting, access_point=CLI)
    assert error.value.message_dict == {
        "outcome": [
            "Bij 1 casus is nog geen uitkomst vastgelegd. Vul per casus de uitkomst in; die gaat met de besluiten "
            "terug naar iedereen die betrokken is."
        ]
    }
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED and not FeedbackRecipient.objects.exists()


def test_a_meeting_is_closed_after_it_was_held(people, case_a):
    meeting = schedule(people["consulent"].user, [case_a], starts_at=timezone.now() + timedelta(days=2))
    services.outcome_set(actor=people["consulent"].user, item=item_of(meeting, case_a), outcome="x", access_point=CLI)
    with pytest.raises(ValidationError) as error:
        services.meeting_close(actor=people["consulent"].user, meeting=meeting, access_point=CLI)
    assert "u rondt het af als het is gehouden" in error.value.messages[0]


def test_closing_sends_the_terugkoppeling_to_everyone_involved(
    meeting, people, case_a, case_b, mother, lisa, django_capture_on_commit_callbacks
):
    ready(meeting, people, case_a, case_b)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.meeting_close(actor=people["consulent"].user, meeting=meeting, access_point=CLI)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CLOSED and len(callbacks) == 1
    [queued] = DBTaskResult.objects.filter(task_path="jeugdketen.meetings.tasks.send_feedback_notices")
    assert queued.args_kwargs == {"args": [meeting.pk], "kwargs": {}}
    noah = {(r.role, r.name) for r in FeedbackRecipient.objects.filter(item__case=case_a)}
    # Everyone involved who reads the plan, and the mother; not the police (it does not read the plan).
    assert noah == {
        ("professional", "Jeroen Hulshof"),
        ("professional", "Ilse Dekker"),
        ("professional", "Jolien Oosterhof"),
        ("ouder", mother.full_name),
    }
    lisas = {(r.role, r.name) for r in FeedbackRecipient.objects.filter(item__case=case_b)}
    assert lisas == {("professional", "Jeroen Hulshof"), ("professional", "Sanne Kroeze"), ("jeugdige", "Lisa Bos")}
    with pytest.raises(ValidationError):
        services.meeting_close(actor=people["consulent"].user, meeting=meeting, access_point=CLI)
    with pytest.raises(ValidationError) as error:
        minute(people["ib"].user, item_of(meeting, case_a), "school")
    assert error.value.messages == ["Dit overleg is afgerond; het verslag en de besluiten liggen vast."]


def test_the_e_mail_notice_holds_no_child_data(meeting, people, case_a, case_b, mother, lisa):
    ready(meeting, people, case_a, case_b)
    minute(people["agent"].user, item_of(meeting, case_a), "police", "Overlast gemeld.")
    services.meeting_close(actor=people["consulent"].user, meeting=meeting, access_point=CLI)
    sent = services.feedback_notices_send(meeting_id=meeting.pk)
    # One per address: Jeroen (on both cases) gets one mail.
    addresses = sorted(m.to[0] for m in mail.outbox)
    assert sent == len(addresses) == 6
    assert "marloes@example.nl" in addresses and "lisa@example.nl" in addresses
    assert people["agent"].email not in addresses
    for message in mail.outbox:
        assert message.subject == "Jeugdketen: terugkoppeling van een overleg"
        assert f"/overleg/{meeting.pk}/" in message.body
        for secret in ("Noah", "Lisa", "Jansen", "Bos", case_a.reference, "Overlast", "Afspraken gemaakt"):
            assert secret not in message.body
    assert not FeedbackRecipient.objects.filter(notified_at__isnull=True).exclude(email="").exists()
    assert services.feedback_notices_send(meeting_id=meeting.pk) == 0  # nobody twice


def test_the_task_sends_the_notices(meeting, people, case_a, case_b):
    from jeugdketen.meetings.tasks import send_feedback_notices

    ready(meeting, people, case_a, case_b)
    services.meeting_close(actor=people["consulent"].user, meeting=meeting, access_point=CLI)
    assert send_feedback_notices.call(meeting.pk) == 6


def test_only_the_chair_or_organiser_closes(meeting, people, case_a, case_b):
    ready(meeting, people, case_a, case_b)
    with pytest.raises(NotAllowed):
        services.meeting_close(actor=people["ib"].user, meeting=meeting, access_point=CLI)
    with pytest.raises(NotFoundOrForbidden):
        services.meeting_close(actor=people["outsider"].user, meeting=meeting, access_point=CLI)
    assert Participant.objects.filter(meeting=meeting).count() == 6
    assert Section.values == ["situatie", "behoeften", "afspraken"]
