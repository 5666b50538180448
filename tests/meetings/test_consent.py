"""The family's consent decisions reach the meeting page: what the parents withhold from an
organisation (``consents.withheld``) is not shown to its professionals in a meeting either — the
outcome and the decisions are plan data, the minutes are shown per category — while the
professionals of other organisations keep reading it."""

import pytest

from jeugdketen.access import services as access_services
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.meetings import selectors, services
from tests.api.conftest import token_client

from .conftest import decide, item_of, minute

pytestmark = pytest.mark.django_db

OUTCOME = "Hulp thuis en op school."
DECISION = "Observatie in de klas."
HEALTH = "Slaapt slecht sinds de zomer."
SCHOOL = "Noah is onrustig in de klas."


@pytest.fixture
def discussed(meeting, people, case_a):
    item = item_of(meeting, case_a)
    minute(people["ib"].user, item, "school", SCHOOL)
    minute(people["nurse"].user, item, "health", HEALTH)
    decide(people["consulent"].user, item, what=DECISION)
    services.outcome_set(actor=people["consulent"].user, item=item, outcome=OUTCOME, access_point=CLI)
    return item


def withdraw(mother, youth, organisation, **decisions):
    access_services.consent_decide(
        actor=mother.user, youth=youth, organisation=organisation, decisions=decisions, access_point=CLI
    )


def item_view(user, meeting, case):
    view = selectors.meeting_detail(actor=user, meeting_id=meeting.pk, access_point=CLI)
    [found] = [v for v in view.items if v.case == case]
    return found


def test_before_any_withdrawal_the_nurse_reads_the_plan_of_the_item(meeting, discussed, people, case_a):
    nurse = item_view(people["nurse"].user, meeting, case_a)
    assert nurse.reads_plan and [d.what for d in nurse.decisions] == [DECISION]
    assert {m.text for m in nurse.minutes} == {SCHOOL, HEALTH}


def test_a_withdrawn_plan_purpose_hides_outcome_and_decisions_from_that_organisation(
    meeting, discussed, people, case_a, mother
):
    withdraw(mother, case_a.youth, people["nurse"].organisation, plan=False)
    nurse = item_view(people["nurse"].user, meeting, case_a)
    assert not nurse.reads_plan and nurse.decisions == []
    assert not nurse.may_decide
    assert "plan" not in nurse.access.categories
    assert {m.text for m in nurse.minutes} == {SCHOOL, HEALTH}  # only what was withheld goes
    entry = AccessLogEntry.objects.filter(user=people["nurse"].user, event="read", object_type="meeting").last()
    assert "plan" not in entry.categories
    assert not any(o.startswith("decision:") for o in entry.object_ids)
    # The casusregisseur works for another organisation: he still reads it all.
    jeroen = item_view(people["consulent"].user, meeting, case_a)
    assert jeroen.reads_plan and [d.what for d in jeroen.decisions] == [DECISION]
    assert jeroen.may_decide


def test_a_withdrawn_category_hides_those_minutes_from_that_organisation(meeting, discussed, people, case_a, mother):
    withdraw(mother, case_a.youth, people["nurse"].organisation, health=False)
    nurse = item_view(people["nurse"].user, meeting, case_a)
    assert {m.text for m in nurse.minutes} == {SCHOOL}
    assert nurse.reads_plan  # the plan was not withheld
    assert {m.text for m in item_view(people["ib"].user, meeting, case_a).minutes} == {SCHOOL}


def test_the_meeting_page_and_the_api_show_no_plan_to_that_organisation(
    client, meeting, discussed, people, case_a, mother
):
    withdraw(mother, case_a.youth, people["nurse"].organisation, plan=False)
    client.force_login(people["nurse"].user)
    html = client.get(f"/overleg/{meeting.pk}/").content.decode()
    assert SCHOOL in html and OUTCOME not in html and DECISION not in html
    [noah] = token_client(people["nurse"].user).get(f"/api/v1/meetings/{meeting.pk}/").json()["items"]
    assert (noah["decisions"], noah["outcome"], "plan" in noah["categories"]) == ([], None, False)
    client.force_login(people["consulent"].user)
    html = client.get(f"/overleg/{meeting.pk}/").content.decode()
    assert OUTCOME in html and DECISION in html


def test_the_decision_given_again_shows_the_plan_again(meeting, discussed, people, case_a, mother):
    withdraw(mother, case_a.youth, people["nurse"].organisation, plan=False)
    assert not item_view(people["nurse"].user, meeting, case_a).reads_plan
    withdraw(mother, case_a.youth, people["nurse"].organisation, plan=True)
    assert item_view(people["nurse"].user, meeting, case_a).reads_plan
