"""Who sees which signal: the casusregisseur all of the case's, the owner of an agreement its own,
each only while their involvement lasts. The count for the navigation costs one query; listing
signals is logged per signal in the plan category."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.plans.models import Plan
from jeugdketen.signals import selectors, services
from jeugdketen.signals.models import Signal
from tests.factories import YouthFactory, case_with, involve, professional

from .conftest import TODAY, agreement, close, end_involvement, evaluation, quiet_since

pytestmark = pytest.mark.django_db
Kind = Signal.Kind


@pytest.fixture
def raised(case, plan, regisseur, begeleider):
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1))
    agreement(plan, kind="ouder", due_on=TODAY - timedelta(days=2))
    evaluation(plan, planned_on=TODAY - timedelta(days=3))
    quiet_since(case, TODAY - timedelta(weeks=7))
    services.stagnation_sweep(today=TODAY)
    return Signal.objects.all()


def kinds(user):
    return sorted(s.kind for s in selectors.inbox(user))


def test_the_casusregisseur_sees_every_signal_and_the_owner_their_own(raised, regisseur, begeleider):
    assert kinds(regisseur.user) == sorted(
        [Kind.AGREEMENT_OVERDUE, Kind.AGREEMENT_OVERDUE, Kind.EVALUATION_MISSED, Kind.CASE_SILENT]
    )
    [own] = selectors.inbox(begeleider.user)
    assert (own.kind, own.agreement.owner_professional) == (Kind.AGREEMENT_OVERDUE, begeleider)
    assert selectors.open_signal_count(regisseur.user) == 4
    assert selectors.open_signal_count(begeleider.user) == 1


def test_others_involved_and_strangers_see_none(raised, case):
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    for user in (teacher.user, professional("jeugdconsulent").user, professional("privacy_officer").user):
        assert kinds(user) == []
        assert selectors.open_signal_count(user) == 0


def test_a_professional_whose_involvement_ended_sees_none_and_a_current_one_does(raised, case, begeleider):
    assert selectors.open_signal_count(begeleider.user) == 1
    end_involvement(case, begeleider)
    assert selectors.open_signal_count(begeleider.user) == 0
    assert kinds(begeleider.user) == []


def test_the_casusregisseur_who_left_the_case_sees_none(raised, case, regisseur):
    end_involvement(case, regisseur)
    assert selectors.open_signal_count(regisseur.user) == 0


def test_the_police_in_the_case_is_no_recipient_even_as_owner(case, plan):
    agent = professional("politie")
    involve(case, agent, "politie")
    agreement(plan, agent, due_on=TODAY - timedelta(days=1))
    services.stagnation_sweep(today=TODAY)
    assert selectors.open_signal_count(agent.user) == 0  # the police does not read the plan


def test_handled_and_resolved_signals_leave_the_inbox(raised, regisseur):
    signal = selectors.inbox(regisseur.user)[0]
    services.signal_handle(actor=regisseur.user, signal_id=signal.pk, note="Opgepakt.", access_point=CLI)
    assert selectors.open_signal_count(regisseur.user) == 3


def test_a_nazorg_signal_shows_on_the_closed_case_to_the_casusregisseur_only(case, plan, regisseur, begeleider):
    Plan.objects.filter(pk=plan.pk).update(nazorg_on=TODAY)
    close(case)
    services.stagnation_sweep(today=TODAY)
    assert kinds(regisseur.user) == [Kind.NAZORG_DUE]
    assert kinds(begeleider.user) == []


def test_the_count_costs_one_query(raised, regisseur):
    with CaptureQueriesContext(connection) as queries:
        assert selectors.open_signal_count(regisseur.user) == 4
    assert len(queries) == 1


def test_the_count_for_an_anonymous_user_costs_nothing(django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    with django_assert_num_queries(0):
        assert selectors.open_signal_count(AnonymousUser()) == 0


def test_listing_logs_one_entry_per_signal_in_the_plan_category(raised, regisseur, youth):
    signals = selectors.my_signals(actor=regisseur.user, access_point=CLI)
    entries = AccessLogEntry.objects.filter(event="list", object_type="signal").order_by("pk")
    assert [e.object_ids for e in entries] == [[str(s.pk)] for s in signals]
    assert {(e.youth_id, e.ground, e.function_code, tuple(e.categories), e.description) for e in entries} == {
        (youth.pk, "case", "jeugdconsulent", ("plan",), "Signalen")
    }


def test_signals_of_several_cases_cost_the_same_queries(regisseur):
    for _ in range(5):
        case = case_with(YouthFactory(), regisseur, "jeugdconsulent")
        agreement(Plan.objects.create(case=case), regisseur, due_on=TODAY - timedelta(days=1))
    services.stagnation_sweep(today=TODAY)
    user = type(regisseur.user).objects.get(pk=regisseur.user_id)  # no cached professional
    with CaptureQueriesContext(connection) as queries:
        assert len(selectors.my_signals(actor=user, access_point=CLI)) == 5
    # professional + functions, the signals, the log insert
    assert len(queries) == 4


def test_the_navigation_count_loads_after_the_page(raised, regisseur, client):
    """No page waits for the count: the navigation fetches it (htmx), one query for the count."""
    client.force_login(regisseur.user)
    page = client.get("/casussen/")
    assert 'hx-get="/signalen/aantal/"' in page.text
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/signalen/aantal/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "(4" in response.text and "open signalen" in response.text
    assert response["Cache-Control"] == "no-store"
    counts = [q for q in queries if "signals_signal" in q["sql"]]
    assert len(counts) == 1
    assert "every" not in page.text.split('hx-get="/signalen/aantal/"', 1)[1].split(">", 1)[0]  # no poll
    client.logout()  # an expired session: an empty answer, not the login page inside the link
    expired = client.get("/signalen/aantal/", HTTP_HX_REQUEST="true")
    assert expired.status_code == 200 and expired.content == b""
