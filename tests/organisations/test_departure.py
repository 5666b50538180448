"""A professional leaves the organisation: a manager of that organisation records it, and every
involvement in a case ends on that day, so access and the contact lists follow at once."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.cases.models import Involvement
from jeugdketen.organisations import services
from tests.factories import OrganisationFactory, YouthFactory, case_with, involve, professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    ggd = OrganisationFactory(kind="ggd")
    nurse = professional("jeugdverpleegkundige", organisation=ggd)
    manager = professional("manager", organisation=ggd)
    consulent = professional("jeugdconsulent")
    cases = [case_with(YouthFactory(), consulent, "jeugdconsulent") for _ in range(2)]
    for case in cases:
        involve(case, nurse, "jeugdverpleegkundige")
    return {"ggd": ggd, "nurse": nurse, "manager": manager, "consulent": consulent, "cases": cases}


def test_leaving_today_ends_every_involvement_and_closes_the_account(world):
    nurse, today = world["nurse"], timezone.localdate()
    youth = world["cases"][0].youth
    assert policy.access_for(nurse.user, youth).grants  # involved: reads the case
    ended = services.professional_leave(
        actor=world["manager"].user, professional=nurse, left_on=today, access_point=CLI
    )
    assert ended == 2
    assert not Involvement.objects.active().filter(professional=nurse).exists()
    assert set(Involvement.objects.filter(professional=nurse).values_list("until", flat=True)) == {today}
    nurse.refresh_from_db()
    nurse.user.refresh_from_db()
    assert nurse.left_on == today and not nurse.user.is_active
    assert not policy.access_for(nurse.user, youth).grants
    entries = AccessLogEntry.objects.filter(object_type="involvement", event="update", user=world["manager"].user)
    assert {e.youth_id for e in entries} == {c.youth_id for c in world["cases"]}
    assert all("uit dienst per" in e.description for e in entries)


def test_a_departure_ahead_ends_the_involvements_on_that_day(world):
    nurse, later = world["nurse"], timezone.localdate() + timedelta(days=14)
    services.professional_leave(actor=world["manager"].user, professional=nurse, left_on=later, access_point=CLI)
    nurse.user.refresh_from_db()
    assert nurse.user.is_active  # still works here until then
    assert Involvement.objects.active().filter(professional=nurse).count() == 2
    assert Involvement.objects.active(later - timedelta(days=1)).filter(professional=nurse).count() == 2
    assert not Involvement.objects.active(later).filter(professional=nurse).exists()


@pytest.mark.parametrize("who", ["other_manager", "colleague", "self"])
def test_only_a_manager_of_the_own_organisation_records_a_departure(world, who):
    actor = {
        "other_manager": professional("manager"),  # another organisation
        "colleague": professional("jeugdarts", organisation=world["ggd"]),
        "self": world["nurse"],
    }[who]
    with pytest.raises(NotAllowed):
        services.professional_leave(
            actor=actor.user, professional=world["nurse"], left_on=timezone.localdate(), access_point=CLI
        )
    assert Involvement.objects.active().filter(professional=world["nurse"]).count() == 2


def test_a_casusregisseur_hands_over_the_regie_first_and_nothing_is_half_saved(world):
    consulent = world["consulent"]
    manager = professional("manager", organisation=consulent.organisation)
    with pytest.raises(ValidationError) as excinfo:
        services.professional_leave(
            actor=manager.user, professional=consulent, left_on=timezone.localdate(), access_point=CLI
        )
    message = excinfo.value.message_dict["left_on"][0]
    assert "casusregisseur" in message and world["cases"][0].reference in message
    consulent.refresh_from_db()
    assert consulent.left_on is None
    assert Involvement.objects.active().filter(professional=consulent).count() == 2


def test_a_date_long_past_is_refused(world):
    long_ago = timezone.localdate() - timedelta(days=services.LEFT_ON_MAX_PAST_DAYS + 1)
    with pytest.raises(ValidationError) as excinfo:
        services.professional_leave(
            actor=world["manager"].user, professional=world["nurse"], left_on=long_ago, access_point=CLI
        )
    assert "left_on" in excinfo.value.message_dict


# --- the page ---------------------------------------------------------------------------------------


def test_the_manager_sees_the_link_and_records_a_departure(client, world):
    client.force_login(world["manager"].user)
    page = client.get(reverse("organisations:detail", args=[world["ggd"].pk]))
    url = reverse("organisations:departure", args=[world["nurse"].pk])
    assert url in page.text
    form = client.get(url)
    assert form.status_code == 200 and "bij 2 casussen betrokken" in form.text
    done = client.post(url, {"left_on": timezone.localdate().isoformat()}, follow=True)
    assert "2 betrokkenheden bij casussen eindigen op" in done.text
    assert not Involvement.objects.active().filter(professional=world["nurse"]).exists()


def test_bad_input_names_the_field_in_dutch(client, world):
    client.force_login(world["manager"].user)
    url = reverse("organisations:departure", args=[world["nurse"].pk])
    response = client.post(url, {"left_on": "gisteren"})
    assert response.status_code == 422
    assert "Uit dienst per: Voer een geldige datum in." in response.text


def test_others_get_no_link_and_no_page(client, world):
    client.force_login(world["nurse"].user)
    page = client.get(reverse("organisations:detail", args=[world["ggd"].pk]))
    assert reverse("organisations:departure", args=[world["nurse"].pk]) not in page.text
    colleague = professional("jeugdarts", organisation=world["ggd"])
    assert client.get(reverse("organisations:departure", args=[colleague.pk])).status_code == 403


def test_the_admin_action_goes_through_the_service(admin_client, world):
    nurse = world["nurse"]
    response = admin_client.post(
        reverse("admin:organisations_professional_changelist"),
        {"action": "leave_today", "_selected_action": [nurse.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert not Involvement.objects.active().filter(professional=nurse).exists()
    assert AccessLogEntry.objects.filter(object_type="involvement", channel="admin").count() == 2


def test_from_the_day_of_leaving_the_policy_gives_nothing_even_before_the_account_closes(world, client):
    nurse, later = world["nurse"], timezone.localdate() + timedelta(days=3)
    services.professional_leave(actor=world["manager"].user, professional=nurse, left_on=later, access_point=CLI)
    youth = world["cases"][0].youth
    assert policy.access_for(nurse.user, youth).grants  # still working here
    type(nurse).objects.filter(pk=nurse.pk).update(left_on=timezone.localdate())  # the day has come
    user = type(nurse.user).objects.get(pk=nurse.user_id)  # a new request: nothing cached
    assert user.is_active  # the account was not closed by anyone yet
    assert policy.professional_of(user) is None
    assert not policy.access_for(user, youth).grants
    client.force_login(user)
    assert client.get(reverse("youth:dossier", args=[youth.pk])).status_code == 404


def test_the_daily_task_closes_the_account_when_the_day_has_come(world):
    from django_tasks_db.models import DBTaskResult

    from jeugdketen.organisations.tasks import close_departed_accounts

    nurse, later = world["nurse"], timezone.localdate() + timedelta(days=3)
    services.professional_leave(actor=world["manager"].user, professional=nurse, left_on=later, access_point=CLI)
    assert services.departed_accounts_close(today=later - timedelta(days=1)) == 0
    assert services.departed_accounts_close(today=later) == 1
    nurse.user.refresh_from_db()
    assert not nurse.user.is_active and world["manager"].user.is_active
    DBTaskResult.objects.all().delete()
    assert close_departed_accounts.call() == 0  # nothing left to close; tomorrow's run is queued
    assert DBTaskResult.objects.filter(task_path=close_departed_accounts.module_path, status="READY").count() == 1


def test_someone_leaving_is_not_newly_involved_nor_made_casusregisseur(world):
    from jeugdketen.cases import services as cases

    nurse, consulent = world["nurse"], world["consulent"]
    services.professional_leave(
        actor=world["manager"].user, professional=nurse, left_on=timezone.localdate() + timedelta(days=10),
        access_point=CLI,
    )  # fmt: skip
    nurse.refresh_from_db()
    other = case_with(YouthFactory(), consulent, "jeugdconsulent")
    with pytest.raises(ValidationError) as excinfo:
        cases.involvement_add(actor=consulent.user, case=other, professional=nurse, function=None, access_point=CLI)
    assert "uit dienst" in excinfo.value.message_dict["professional"][0]
    with pytest.raises(ValidationError) as excinfo:
        cases.casusregisseur_transfer(actor=consulent.user, case=world["cases"][0], to=nurse, access_point=CLI)
    assert "uit dienst" in excinfo.value.message_dict["casusregisseur"][0]
    colleague = professional("jeugdverpleegkundige", organisation=world["ggd"])  # a colleague: allowed
    cases.involvement_add(actor=consulent.user, case=other, professional=colleague, function=None, access_point=CLI)


def test_a_departure_recorded_late_ends_the_involvements_today_not_in_the_past(world):
    nurse, today = world["nurse"], timezone.localdate()
    services.professional_leave(
        actor=world["manager"].user, professional=nurse, left_on=today - timedelta(days=5), access_point=CLI
    )
    assert set(Involvement.objects.filter(professional=nurse).values_list("until", flat=True)) == {today}


def test_a_staff_user_needs_the_change_permission(world):
    from tests.factories import UserFactory

    viewer = UserFactory(is_staff=True)
    with pytest.raises(NotAllowed):
        services.professional_leave(
            actor=viewer, professional=world["nurse"], left_on=timezone.localdate(), access_point=CLI
        )
