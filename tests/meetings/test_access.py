"""The meeting pages read each agenda item through ``policy.access_for_cases``, which answers for many
youths at once what ``policy.access_for`` answers for one: the same cases, the same categories to read
and write, the same plan right — for every kind of reader. It is what keeps the meeting page's query
count flat. (Every function × ground of the policy table: ``tests/access/test_policy_table.py``.)"""

from datetime import timedelta

import pytest
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Category
from jeugdketen.access.models import EmergencyAccess
from jeugdketen.cases.models import Case
from jeugdketen.meetings.access import item_access, plan_grant
from tests.factories import EnrolmentFactory, YouthFactory, case_with, involve, professional

pytestmark = pytest.mark.django_db


def same(user, cases):
    batch = policy.access_for_cases(user, cases)
    for case in cases:
        one = policy.access_for(user, case.youth)
        many = batch[case.youth_id]
        assert (case.pk in many.case_ids) == (case.pk in one.case_ids), (user, case)
        assert many.case_categories(case.pk) == one.case_categories(case.pk), (user, case)
        assert many.writable_categories(case.pk) == one.writable_categories(case.pk), (user, case)
        assert many.can(Category.POLICE) == one.can(Category.POLICE), (user, case)
        assert plan_grant(many, case) == plan_grant(one, case), (user, case)
        involvement = one.involvement_in(case.pk, Category.PLAN)
        assert many.involvement_in(case.pk, Category.PLAN) == involvement, (user, case)


def test_the_same_answer_as_the_policy_for_every_reader(people, case_a, case_b, mother, lisa):
    closed = case_with(YouthFactory(), people["consulent"], "jeugdconsulent", status=Case.Status.AFGESLOTEN,
                       closed_on=timezone.localdate())  # fmt: skip
    ended = case_with(YouthFactory(), people["ib"], "intern_begeleider")
    ended.involvements.update(until=timezone.localdate())
    cases = [case_a, case_b, closed, ended]
    for name in ("consulent", "ib", "mentor", "nurse", "agent", "outsider"):
        same(people[name].user, cases)
    same(mother.user, cases)
    same(lisa.user, cases)


def test_emergency_access_and_a_function_no_longer_held(people, case_a, case_b):
    agent = people["agent"]
    EmergencyAccess.objects.create(
        professional=people["outsider"],
        youth=case_b.youth,
        reason="Acute zorg, ouders onbereikbaar.",
        expires_at=timezone.now() + timedelta(hours=2),
    )
    same(people["outsider"].user, [case_a, case_b])
    agent.functions.clear()
    agent.user._jk_professional = False  # (the policy caches the professional on the user)
    same(agent.user, [case_a, case_b])


def test_the_school_ground_opens_no_agenda_item(people, case_a):
    """The IB'er of Noah's school reads his school data on the school ground, but not his case."""
    other_ib = professional("intern_begeleider", organisation=people["ib"].organisation)
    EnrolmentFactory(youth=case_a.youth, school=people["ib"].organisation)
    assert policy.access_for(other_ib.user, case_a.youth)  # a ground, yes
    same(other_ib.user, [case_a])
    assert not item_access(policy.access_for_cases(other_ib.user, [case_a])[case_a.youth_id], case_a).visible


def test_a_fixed_number_of_queries(people, django_assert_num_queries):
    cases = [case_with(YouthFactory(), people["consulent"], "jeugdconsulent") for _ in range(6)]
    for case in cases:
        involve(case, people["agent"], "politie")
    user = people["agent"].user
    policy.professional_of(user)
    with django_assert_num_queries(3):  # consent decisions, involvements, emergency access
        policy.access_for_cases(user, cases)
