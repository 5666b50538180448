"""Signals honour the family's consent decisions, like the policy: a professional whose organisation
the parents withhold the plan from neither receives a stagnation signal — not in the inbox, not in
the count, not by e-mail — nor sees or handles it; the recipients of other organisations still do."""

from datetime import timedelta

import pytest
from django.core import mail

from jeugdketen.access import policy
from jeugdketen.access import services as access_services
from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.plans.models import Plan
from jeugdketen.signals import notify, selectors, services
from jeugdketen.signals.models import Signal
from tests.api.conftest import token_client
from tests.factories import parent_of

from .conftest import TODAY, agreement, close

pytestmark = pytest.mark.django_db


@pytest.fixture
def mother(youth):
    return parent_of(youth)


def decide(mother, youth, organisation, **decisions):
    access_services.consent_decide(
        actor=mother.user, youth=youth, organisation=organisation, decisions=decisions, access_point=CLI
    )


@pytest.fixture
def overdue(plan, begeleider):
    """Bram's agreement is overdue: the signal goes to him and to the casusregisseur."""
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    return services.stagnation_sweep(today=TODAY)


def sees(pro) -> bool:
    return bool(list(selectors.inbox(pro.user))) and selectors.open_signal_count(pro.user) == 1


def test_the_plan_withheld_from_the_owners_organisation(overdue, youth, mother, regisseur, begeleider):
    assert sees(begeleider) and sees(regisseur)
    decide(mother, youth, begeleider.organisation, plan=False)
    assert policy.access_for(begeleider.user, youth).involvement_in(youth.cases.get().pk, Category.PLAN) is None
    assert list(selectors.inbox(begeleider.user)) == []
    assert selectors.open_signal_count(begeleider.user) == 0
    assert selectors.my_signals(actor=begeleider.user, access_point=CLI) == []
    assert token_client(begeleider.user).get("/api/v1/signals/").json()["count"] == 0
    # The casusregisseur works for the gemeente: the family did not withhold anything from it.
    assert sees(regisseur)
    # By e-mail: only the casusregisseur.
    assert notify.signals_notify(signal_ids=overdue.new_ids, today=TODAY) == 1
    assert [m.to for m in mail.outbox] == [[regisseur.email]]
    assert not AccessLogEntry.objects.filter(user=begeleider.user, object_type="signal").exists()


def test_the_owner_can_neither_open_nor_handle_it(overdue, youth, mother, begeleider, client):
    signal = Signal.objects.get()
    decide(mother, youth, begeleider.organisation, plan=False)
    with pytest.raises(NotFoundOrForbidden):
        selectors.signal_read(actor=begeleider.user, signal_id=signal.pk, access_point=CLI)
    with pytest.raises(NotFoundOrForbidden):
        services.signal_handle(actor=begeleider.user, signal_id=signal.pk, note="Gedaan.", access_point=CLI)
    assert Signal.objects.get().is_open
    assert AccessLogEntry.objects.filter(user=begeleider.user, event="refused", object_type="signal").count() == 2
    client.force_login(begeleider.user)
    assert client.get(f"/signalen/{signal.pk}/afhandelen/").status_code == 404


def test_the_plan_withheld_from_the_casusregisseurs_organisation(overdue, youth, mother, regisseur, begeleider):
    decide(mother, youth, regisseur.organisation, plan=False)
    assert selectors.open_signal_count(regisseur.user) == 0 and list(selectors.inbox(regisseur.user)) == []
    assert sees(begeleider)
    assert notify.signals_notify(signal_ids=overdue.new_ids, today=TODAY) == 1
    assert [m.to for m in mail.outbox] == [[begeleider.email]]


def test_another_purpose_withheld_changes_nothing_and_consent_given_again_restores(overdue, youth, mother, begeleider):
    decide(mother, youth, begeleider.organisation, youthcare=False, school=False)
    assert sees(begeleider)
    decide(mother, youth, begeleider.organisation, plan=False)
    assert not sees(begeleider)
    decide(mother, youth, begeleider.organisation, plan=True)
    assert sees(begeleider)


@pytest.mark.parametrize(("withheld", "told"), [("plan", False), ("youthcare", True)])
def test_a_nazorg_signal_only_for_a_casusregisseur_who_may_read_the_plan(
    case, plan, youth, mother, regisseur, withheld, told
):
    decide(mother, youth, regisseur.organisation, **{withheld: False})
    Plan.objects.filter(pk=plan.pk).update(nazorg_on=TODAY)
    close(case)
    result = services.stagnation_sweep(today=TODAY)
    plan = Plan.objects.select_related("case").get(pk=plan.pk)  # (``close`` updates the row only)
    assert selectors.open_signal_count(regisseur.user) == int(told)
    assert notify.signals_notify(signal_ids=result.new_ids, today=TODAY) == int(told)
    if told:
        services.nazorg_record(actor=regisseur.user, plan=plan, note="Gebeld.", access_point=CLI, today=TODAY)
    else:
        with pytest.raises(NotFoundOrForbidden):
            services.nazorg_record(actor=regisseur.user, plan=plan, note="Gebeld.", access_point=CLI, today=TODAY)
