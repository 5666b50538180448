"""Acting on a signal: a recipient marks it handled with a note; the casusregisseur records the
nazorg contact. Only recipients who still have access may; the others get a 404, logged."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.plans.models import Plan
from jeugdketen.signals import services
from jeugdketen.signals.models import NazorgContact, Signal
from tests.factories import professional

from .conftest import TODAY, agreement, close, end_involvement

pytestmark = pytest.mark.django_db


@pytest.fixture
def signal(plan, begeleider) -> Signal:
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    services.stagnation_sweep(today=TODAY)
    return Signal.objects.get()


def handle(user, signal, note="Nagevraagd; de afspraak is verzet.", **kwargs):
    return services.signal_handle(actor=user, signal_id=signal.pk, note=note, access_point=CLI, **kwargs)


@pytest.mark.parametrize("who", ["regisseur", "begeleider"])
def test_a_recipient_marks_the_signal_handled_with_a_note(signal, request, who):
    pro = request.getfixturevalue(who)
    handled = handle(pro.user, signal)
    assert (handled.is_open, handled.resolution, handled.handled_by, handled.handled_note) == (
        False,
        Signal.Resolution.HANDLED,
        pro,
        "Nagevraagd; de afspraak is verzet.",
    )
    entry = AccessLogEntry.objects.get(event="update", object_type="signal")
    assert (entry.user_id, entry.ground, entry.categories, entry.object_ids) == (
        pro.user_id,
        "case",
        ["plan"],
        [str(signal.pk)],
    )


def test_a_note_is_required_and_a_handled_signal_cannot_be_handled_again(signal, regisseur):
    with pytest.raises(ValidationError) as error:
        handle(regisseur.user, signal, note="  ")
    assert error.value.message_dict == {"note": ["Schrijf kort op wat u met het signaal hebt gedaan."]}
    handle(regisseur.user, signal)
    with pytest.raises(ValidationError) as error:
        handle(regisseur.user, signal)
    assert error.value.message_dict == {"note": ["Dit signaal is al afgehandeld."]}


def test_others_get_a_404_and_the_refusal_is_logged(signal, case, youth):
    from tests.factories import involve

    colleague = professional("leerkracht")
    involve(case, colleague, "leerkracht")  # involved, but neither regisseur nor owner
    for user in (colleague.user, professional("jeugdconsulent").user):
        with pytest.raises(NotFoundOrForbidden):
            handle(user, signal)
        assert AccessLogEntry.objects.filter(event="refused", user_id=user.pk, youth_id=youth.pk).exists()
    assert Signal.objects.get().is_open


def test_the_owner_whose_involvement_ended_can_no_longer_handle_it(signal, case, begeleider):
    end_involvement(case, begeleider)
    with pytest.raises(NotFoundOrForbidden):
        handle(begeleider.user, signal)


def test_a_missing_signal_is_the_same_404(regisseur):
    with pytest.raises(NotFoundOrForbidden):
        services.signal_handle(actor=regisseur.user, signal_id=999999, note="x", access_point=CLI)


@pytest.fixture
def nazorg_plan(case, plan) -> Plan:
    Plan.objects.filter(pk=plan.pk).update(end_evaluated_on=TODAY - timedelta(days=120), nazorg_on=TODAY)
    close(case)
    plan.refresh_from_db()
    return plan


def test_handling_a_nazorg_signal_records_the_nazorg_contact(nazorg_plan, regisseur):
    services.stagnation_sweep(today=TODAY)
    signal = Signal.objects.get(kind=Signal.Kind.NAZORG_DUE)
    day = timezone.localdate() - timedelta(days=1)
    handle(regisseur.user, signal, note="Gebeld met moeder: geen terugval.", held_on=day)
    contact = NazorgContact.objects.get()
    assert (contact.plan, contact.due_on, contact.held_on, contact.note, contact.recorded_by) == (
        nazorg_plan,
        TODAY,
        day,
        "Gebeld met moeder: geen terugval.",
        regisseur,
    )
    assert not Signal.objects.get().is_open


def test_the_nazorg_contact_is_not_in_the_future(nazorg_plan, regisseur):
    with pytest.raises(ValidationError) as error:
        services.nazorg_record(
            actor=regisseur.user,
            plan=nazorg_plan,
            note="Gebeld.",
            held_on=timezone.localdate() + timedelta(days=1),
            access_point=CLI,
        )
    assert error.value.message_dict == {"held_on": ["De datum van het nazorgcontact ligt niet in de toekomst."]}


def test_only_the_casusregisseur_records_the_nazorg_contact_once(nazorg_plan, regisseur, begeleider):
    with pytest.raises(NotAllowed):
        services.nazorg_record(actor=begeleider.user, plan=nazorg_plan, note="Gebeld.", access_point=CLI)
    with pytest.raises(NotFoundOrForbidden):
        services.nazorg_record(
            actor=professional("jeugdconsulent").user, plan=nazorg_plan, note="Gebeld.", access_point=CLI
        )
    services.nazorg_record(actor=regisseur.user, plan=nazorg_plan, note="Gebeld.", access_point=CLI)
    entry = AccessLogEntry.objects.get(event="create", object_type="plan")
    assert (entry.user_id, entry.description, entry.categories) == (
        regisseur.user_id,
        "nazorgcontact vastgelegd",
        ["plan"],
    )
    with pytest.raises(ValidationError) as error:
        services.nazorg_record(actor=regisseur.user, plan=nazorg_plan, note="Nog eens.", access_point=CLI)
    assert error.value.message_dict == {None: ["Het nazorgcontact voor dit moment is al vastgelegd."]}


def test_nazorg_follows_a_closed_case(case, plan, regisseur):
    Plan.objects.filter(pk=plan.pk).update(nazorg_on=TODAY)
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.nazorg_record(actor=regisseur.user, plan=plan, note="Gebeld.", access_point=CLI)
    assert error.value.message_dict == {None: ["Nazorg volgt op een afgesloten casus."]}
