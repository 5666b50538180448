"""Retention (Jeugdwet art. 7.3.8: 20 years after the help ends) and earlier destruction on request
(art. 7.3.9), pinned with dates."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.cases.models import Case, JournalEntry
from jeugdketen.plans.models import Plan
from jeugdketen.retention import rules, services
from jeugdketen.retention.models import DestructionRequest
from tests.factories import (
    HelpRequestFactory,
    OrganisationFactory,
    YouthFactory,
    case_with,
    journal,
    parent_of,
    professional,
)

pytestmark = pytest.mark.django_db


def test_the_period_of_the_law():
    assert rules.JEUGDHULP_RETENTION_YEARS == 20
    assert rules.case_retained_until(date(2026, 3, 1)) == date(2046, 3, 1)
    assert rules.years_after(date(2028, 2, 29), 21) == date(2049, 2, 28)  # no 29 February in 2049


def closed_case(closed_on: date) -> Case:
    consulent = professional("jeugdconsulent")
    case = case_with(YouthFactory(), consulent, "jeugdconsulent", status="afgesloten", closed_on=closed_on)
    journal(case, consulent, "jeugdconsulent", "youthcare")
    Plan.objects.create(case=case)
    HelpRequestFactory(youth=case.youth, case=case, status="afgesloten")
    return case


def test_a_case_past_its_date_is_removed_and_one_a_day_short_is_not():
    today = timezone.localdate()
    last_day = rules.years_after(today, -20)  # closed exactly 20 years ago: today is its last day
    kept = closed_case(last_day)
    gone = closed_case(last_day - timedelta(days=1))
    assert services.purge_expired(today=today, access_point=CLI) == 1
    assert list(Case.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not JournalEntry.objects.filter(case_id=gone.pk).exists()
    assert not Plan.objects.filter(case_id=gone.pk).exists()
    entry = AccessLogEntry.objects.get(event="delete")
    assert (entry.youth_id, entry.object_ids) == (gone.youth_id, [f"case:{gone.pk}"])
    assert "bewaartermijn verstreken" in entry.description
    assert services.purge_expired(today=today, access_point=CLI) == 0  # idempotent


def test_open_cases_are_never_removed():
    case_with(YouthFactory(), professional("jeugdconsulent"), "jeugdconsulent", opened_on=date(2000, 1, 1))
    assert services.purge_expired(today=timezone.localdate(), access_point=CLI) == 0


def test_the_command():
    closed_case(date(2001, 1, 1))
    call_command("purge_expired")
    assert not Case.objects.exists()


def test_parents_request_earlier_destruction_and_the_privacy_officer_decides():
    case = closed_case(timezone.localdate() - timedelta(days=30))
    parent = parent_of(case.youth)
    with pytest.raises(NotFoundOrForbidden):  # the case is closed: its professionals no longer see it
        services.destruction_request(actor=case.casusregisseur.user, case=case, reason="", access_point=CLI)
    request = services.destruction_request(
        actor=parent.user, case=case, reason="Wij willen dit afsluiten.", access_point=CLI
    )
    with pytest.raises(ValidationError):
        services.destruction_request(actor=parent.user, case=case, reason="nog eens", access_point=CLI)
    officer = professional("privacy_officer", organisation=OrganisationFactory(kind="gemeente"))
    with pytest.raises(ValidationError) as excinfo:
        services.destruction_decide(actor=officer.user, request=request, destroy=False, access_point=CLI)
    assert "refusal_reason" in excinfo.value.message_dict
    services.destruction_decide(actor=officer.user, request=request, destroy=True, access_point=CLI)
    request.refresh_from_db()
    assert request.outcome == DestructionRequest.Outcome.DESTROYED
    assert not Case.objects.filter(pk=case.pk).exists()
    assert AccessLogEntry.objects.filter(event="delete", youth_id=case.youth_id).exists()


def test_an_open_case_and_strangers_cannot_ask():
    consulent = professional("jeugdconsulent")
    case = case_with(YouthFactory(), consulent, "jeugdconsulent")
    parent = parent_of(case.youth)
    with pytest.raises(ValidationError):
        services.destruction_request(actor=parent.user, case=case, reason="", access_point=CLI)
    stranger = parent_of(YouthFactory())
    with pytest.raises(NotFoundOrForbidden):
        services.destruction_request(actor=stranger.user, case=case, reason="", access_point=CLI)


def test_another_municipalitys_privacy_officer_cannot_decide():
    from tests.factories import MunicipalityFactory

    case = closed_case(timezone.localdate() - timedelta(days=30))
    request = services.destruction_request(actor=parent_of(case.youth).user, case=case, reason="", access_point=CLI)
    ommen = MunicipalityFactory(cbs_code="0175", name="Ommen")
    officer = professional("privacy_officer", organisation=OrganisationFactory(kind="gemeente", municipality=ommen))
    with pytest.raises(NotFoundOrForbidden):
        services.destruction_decide(actor=officer.user, request=request, destroy=True, access_point=CLI)
    assert Case.objects.filter(pk=case.pk).exists()


def test_the_pages_ask_and_decide(client):
    case = closed_case(timezone.localdate() - timedelta(days=30))
    parent = parent_of(case.youth)
    client.force_login(parent.user)
    assert f"/vernietiging/casussen/{case.pk}/" in client.get(f"/jeugdigen/{case.youth_id}/").content.decode()
    assert client.post(f"/vernietiging/casussen/{case.pk}/", {"reason": "Afsluiten."}).status_code == 302
    officer = professional("privacy_officer", organisation=OrganisationFactory(kind="gemeente"))
    client.force_login(officer.user)
    page = client.get("/privacy/").content.decode()
    assert f"Casus {case.reference}" in page
    request = DestructionRequest.objects.get()
    response = client.post(
        f"/vernietiging/verzoeken/{request.pk}/besluit/", {"besluit": "weigeren", "refusal_reason": ""}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.outcome == "open"  # a refusal needs its reason
    client.post(
        f"/vernietiging/verzoeken/{request.pk}/besluit/",
        {"besluit": "weigeren", "refusal_reason": "Van belang voor broer."},
    )
    request.refresh_from_db()
    assert (request.outcome, request.refusal_reason) == ("geweigerd", "Van belang voor broer.")
    assert Case.objects.filter(pk=case.pk).exists()


# --- the daily purge on the worker --------------------------------------------------------------


def _waiting_purges():
    from django_tasks_db.models import DBTaskResult

    from jeugdketen.retention.tasks import purge_expired_records

    return list(DBTaskResult.objects.filter(task_path=purge_expired_records.module_path, status="READY"))


def test_migrate_queues_the_daily_purge_once(settings):
    from django.apps import apps
    from django.db.models.signals import post_migrate
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()  # migrate already queued one in the test database
    config = apps.get_app_config("retention")
    post_migrate.send(sender=config, app_config=config, using="default")
    post_migrate.send(sender=config, app_config=config, using="default")
    [waiting] = _waiting_purges()
    assert timezone.localtime(waiting.run_after).hour == settings.JEUGDKETEN_RETENTION_PURGE_HOUR == 3


def test_the_purge_task_queues_tomorrows_purge_then_removes_what_expired():
    from django_tasks_db.models import DBTaskResult

    from jeugdketen.retention.tasks import purge_expired_records

    DBTaskResult.objects.all().delete()
    closed_case(date(2001, 1, 1))
    assert purge_expired_records.call() == 1
    assert not Case.objects.exists()
    [tomorrow] = _waiting_purges()
    assert tomorrow.run_after > timezone.now()
    entry = AccessLogEntry.objects.get(event="delete")
    assert entry.channel == "task" and entry.object_type == "case"
