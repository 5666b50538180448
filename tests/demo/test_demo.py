"""The demo municipality: one login per function, youths with parents, twelve cases at
different stages — and the demo shows need-to-know at work."""

import pytest
from django.contrib.auth import get_user_model

from jeugdketen.access import policy
from jeugdketen.cases.models import Case
from jeugdketen.demo.services import DEMO_PASSWORD, load_demo
from jeugdketen.organisations.models import Function, Organisation
from jeugdketen.youth.models import Youth

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()


def test_the_demo_has_the_organisations_the_issue_names(demo):
    kinds = list(Organisation.objects.values_list("kind", flat=True))
    assert kinds.count("school") == 4
    assert set(Organisation.objects.filter(kind="school").values_list("sector", flat=True)) == {"po", "vo"}
    for kind in ("gemeente", "swv", "ggd", "voorliggend", "politie"):
        assert kind in kinds


def test_one_demo_login_per_function(demo):
    users = get_user_model().objects.filter(professional__isnull=False)
    held = set(Function.objects.filter(professionals__user__in=users).values_list("code", flat=True))
    assert held == set(Function.objects.values_list("code", flat=True))
    assert get_user_model().objects.get(username="jeroen").check_password(DEMO_PASSWORD)


def test_about_forty_youths_and_twelve_cases_at_every_stage(demo):
    families = Youth.objects.filter(help_requests__isnull=True)
    assert 38 <= families.count() <= 45
    cases = Case.objects.filter(help_request__isnull=True)
    statuses = set(cases.values_list("status", flat=True))
    assert cases.count() == 12 and statuses == set(Case.Status.values)


def test_the_toegang_has_requests_at_every_step(demo):
    from jeugdketen.intake.models import ChecklistVersion, HelpRequest, Referral
    from jeugdketen.investigation.models import Investigation
    from jeugdketen.meldcode.models import Track

    assert set(HelpRequest.objects.values_list("status", flat=True)) == set(HelpRequest.Status.values)
    assert list(ChecklistVersion.objects.values_list("number", "status")) == [(2, "published"), (1, "retired")]
    waiting = HelpRequest.objects.waiting()
    assert waiting.count() >= 5 and waiting.filter(suspensions__ended_on__isnull=True).exists()
    assert set(Referral.objects.values_list("organisation__kind", flat=True)) == {"ggd", "voorliggend"}
    assigned = HelpRequest.objects.filter(status="toegewezen")
    assert Investigation.objects.filter(case__help_request__in=assigned).count() == assigned.count()
    assert Track.objects.filter(case__help_request__urgency="spoed").exists()


def test_loading_twice_does_nothing(demo):
    total = Case.objects.count()
    assert load_demo() == {}
    assert Case.objects.count() == total


def test_the_demo_shows_need_to_know(demo):
    User = get_user_model()
    noah = Youth.objects.get(first_name="Noah", last_name="Jansen")
    sanne, jolien, peter = (User.objects.get(username=u) for u in ("sanne", "jolien", "peter"))
    assert not policy.access_for(sanne, noah).can("health")
    assert policy.access_for(jolien, noah).can("health")
    assert not policy.access_for(peter, noah)
    assert policy.access_for(User.objects.get(username="marloes"), noah)


def test_the_mother_finds_the_mdo_outcome_and_her_agreements_on_her_overview(demo, client):
    from django.contrib.auth import get_user_model

    from jeugdketen.meetings.models import Meeting

    assert list(Meeting.objects.order_by("starts_at").values_list("status", flat=True)) == ["afgerond", "gepland"]
    client.force_login(get_user_model().objects.get(username="marloes"))
    page = client.get("/mijn/").text
    assert "Uitkomsten van overleggen" in page and "terugkoppeling (PDF)" in page
    assert "U bent uitgenodigd" in page and "MDO (multidisciplinair overleg) op" in page  # the next one
    assert "Afspraak voor u (Noah): Bijhouden op welke dagen Noah buikpijn heeft" in page  # from the MDO
    assert "laat weten of u het ermee eens bent" in page  # the plan changed after she agreed
