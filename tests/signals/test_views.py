"""The inbox page and the page to handle a signal: allowed for recipients, 404 for others, in Dutch,
logged, and with a pinned query count that does not grow with the number of signals."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.plans.models import Plan
from jeugdketen.signals import services
from jeugdketen.signals.models import Signal
from tests.factories import YouthFactory, case_with, involve, parent_of, professional

from .conftest import TODAY, agreement, close, end_involvement

pytestmark = pytest.mark.django_db

INBOX = "/signalen/"
# session, user, professional + functions, count and page of signals, log insert, session save (+ savepoint)
INBOX_QUERIES = 10  # the count in the navigation loads after the page


@pytest.fixture
def signal(plan, begeleider) -> Signal:
    agreement(plan, begeleider, due_on=TODAY - timedelta(days=1), what="Noah naar de logopedist")
    services.stagnation_sweep(today=TODAY)
    return Signal.objects.get()


def test_the_inbox_shows_the_reference_the_kind_and_the_date_but_nothing_of_the_child(client, signal, regisseur, youth):
    client.force_login(regisseur.user)
    response = client.get(INBOX)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="utrecht-heading-1">Signalen</h1>' in html
    assert "1 open signaal" in html
    assert f'href="/casussen/{signal.case_id}/">{signal.case.reference}</a>' in html
    assert "Afspraak over de datum" in html
    assert f'<time datetime="{signal.due_on:%Y-%m-%d}">' in html
    assert f'href="/signalen/{signal.pk}/afhandelen/"' in html
    for secret in (youth.first_name, youth.last_name, "logopedist"):
        assert secret not in html
    entry = AccessLogEntry.objects.get(event="list", object_type="signal")
    assert (entry.user_id, entry.channel, entry.categories) == (regisseur.user_id, "web", ["plan"])


def test_an_empty_inbox_says_so(client):
    client.force_login(professional("leerkracht").user)
    response = client.get(INBOX)
    assert "U hebt geen open signalen." in response.content.decode()
    assert not AccessLogEntry.objects.filter(object_type="signal").exists()


def test_parents_have_no_inbox(client, youth):
    parent = parent_of(youth)
    client.force_login(parent.user)
    assert client.get(INBOX).status_code == 302


def test_anonymous_users_log_in_first(client):
    response = client.get(INBOX)
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_the_owner_handles_the_signal_on_its_page(client, signal, begeleider):
    client.force_login(begeleider.user)
    page = client.get(f"/signalen/{signal.pk}/afhandelen/")
    assert page.status_code == 200
    assert "Wat hebt u gedaan?" in page.content.decode()
    invalid = client.post(f"/signalen/{signal.pk}/afhandelen/", {"note": ""})
    assert invalid.status_code == 422
    assert 'aria-invalid="true"' in invalid.content.decode()
    response = client.post(f"/signalen/{signal.pk}/afhandelen/", {"note": "Gebeld met school."})
    assert response.status_code == 302 and response["Location"] == INBOX
    signal.refresh_from_db()
    assert (signal.is_open, signal.handled_note) == (False, "Gebeld met school.")
    inbox = client.get(INBOX).content.decode()
    assert f"Het signaal bij casus {signal.case.reference} is afgehandeld." in inbox
    assert "U hebt geen open signalen." in inbox


def test_the_handle_page_is_404_for_others_and_for_an_ended_involvement(client, signal, case, begeleider):
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    for user in (teacher.user, professional("jeugdconsulent").user):
        client.force_login(user)
        assert client.get(f"/signalen/{signal.pk}/afhandelen/").status_code == 404
        assert client.post(f"/signalen/{signal.pk}/afhandelen/", {"note": "x"}).status_code == 404
    end_involvement(case, begeleider)
    client.force_login(begeleider.user)
    assert client.get(f"/signalen/{signal.pk}/afhandelen/").status_code == 404
    assert client.get(INBOX).content.decode().count("/afhandelen/") == 0
    assert Signal.objects.get().is_open


def test_the_casusregisseur_records_the_nazorg_from_the_inbox(client, case, plan, regisseur):
    Plan.objects.filter(pk=plan.pk).update(nazorg_on=TODAY)
    close(case)
    services.stagnation_sweep(today=TODAY)
    signal = Signal.objects.get()
    client.force_login(regisseur.user)
    html = client.get(INBOX).content.decode()
    assert "Nazorgmoment bereikt" in html and "Nazorg vastleggen" in html
    assert f'href="/casussen/{case.pk}/"' not in html  # the closed case has no page for them
    page = client.get(f"/signalen/{signal.pk}/afhandelen/").content.decode()
    assert "Datum van het nazorgcontact" in page
    response = client.post(
        f"/signalen/{signal.pk}/afhandelen/", {"held_on": f"{timezone.localdate():%Y-%m-%d}", "note": "Gaat goed."}
    )
    assert response.status_code == 302
    assert case.plan.nazorg_contacts.get().note == "Gaat goed."


@pytest.mark.parametrize("n", [3, 30])
def test_the_inbox_costs_the_same_queries_for_3_and_30_signals(client, regisseur, n):
    for _ in range(n):
        case = case_with(YouthFactory(), regisseur, "jeugdconsulent")
        agreement(Plan.objects.create(case=case), regisseur, due_on=TODAY - timedelta(days=1))
    services.stagnation_sweep(today=TODAY)
    client.force_login(regisseur.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INBOX)
    assert response.status_code == 200
    assert len(queries) == INBOX_QUERIES, "\n".join(q["sql"][:150] for q in queries)
