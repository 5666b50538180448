"""Consent: parents and the youth give, restrict or withdraw sharing per organisation and purpose,
and the policy honours it at once — from both sides."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jeugdketen.access import policy, services
from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.access.models import EmergencyAccess
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import AccessPoint
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    YouthFactory,
    case_with,
    involve,
    journal,
    parent_of,
    professional,
)

pytestmark = pytest.mark.django_db
WEB = AccessPoint("web", "127.0.0.1")
CARE, HEALTH, PLAN, ID = Category.YOUTH_CARE, Category.HEALTH, Category.PLAN, Category.IDENTITY


def years_ago(years: int):
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=30)


class World:
    def __init__(self, age=9):
        self.youth = YouthFactory(date_of_birth=years_ago(age))
        self.ggd = OrganisationFactory(kind="ggd", name="GGD")
        self.nurse = professional("jeugdverpleegkundige", organisation=self.ggd)
        self.consulent = professional("jeugdconsulent")
        self.case = case_with(self.youth, self.consulent, "jeugdconsulent")
        involve(self.case, self.nurse, "jeugdverpleegkundige")
        self.parent = parent_of(self.youth)
        self.entry = journal(self.case, self.consulent, "jeugdconsulent", "youthcare")

    def decide(self, user, **decisions):
        return services.consent_decide(
            actor=user, youth=self.youth, organisation=self.ggd, decisions=decisions, access_point=WEB
        )

    def nurse_access(self):
        return policy.access_for(self.nurse.user, self.youth)


def test_withdrawing_youth_care_from_the_ggd_takes_it_away_at_once():
    w = World()
    assert w.nurse_access().can(CARE)
    w.decide(w.parent.user, youthcare=False)
    access = w.nurse_access()
    assert not access.can(CARE) and not access.can(CARE, "change")
    assert access.can(ID) and access.can(HEALTH)  # only what was withheld goes
    assert CARE not in access.case_categories(w.case.pk)  # the journal's youth-care entries too
    consulent = policy.access_for(w.consulent.user, w.youth)
    assert consulent.can(CARE)  # another organisation is not affected
    w.decide(w.parent.user, youthcare=True)
    assert w.nurse_access().can(CARE)  # given again


def test_the_decision_is_logged_and_reaches_the_journal_and_the_plan():
    w = World()
    w.decide(w.parent.user, plan=False, youthcare=False)
    entry = AccessLogEntry.objects.filter(object_type="consent").get()
    assert (entry.event, sorted(entry.categories)) == ("update", ["plan", "youthcare"])
    assert entry.user_id == w.parent.user.pk
    assert w.nurse_access().involvement_in(w.case.pk, PLAN) is None


@pytest.mark.parametrize(
    ("age", "who", "withheld"),
    [
        (9, "parent", True),
        (9, "youth", False),  # under 12 the youth does not decide
        (14, "youth", True),  # from 12 either one withholding is enough
        (14, "parent", True),
        (17, "parent", False),  # from 16 the youth decides alone
        (17, "youth", True),
    ],
)
def test_who_decides_follows_the_age(age, who, withheld):
    w = World(age=age)
    w.youth.user = UserFactory()
    w.youth.save()
    user = w.youth.user if who == "youth" else w.parent.user
    try:
        w.decide(user, youthcare=False)
    except NotAllowed:
        assert not withheld
        return
    assert w.nurse_access().can(CARE) is not withheld


def test_legal_grounds_and_emergency_access_are_not_consent_based():
    w = World()
    EmergencyAccess.objects.create(
        professional=w.nurse, youth=w.youth, reason="x" * 30, expires_at=timezone.now() + timedelta(hours=1)
    )
    w.decide(w.parent.user, youthcare=False)
    assert w.nurse_access().can(CARE)  # break the glass reads what it needs


def test_professionals_and_strangers_cannot_decide():
    w = World()
    with pytest.raises(NotAllowed):
        w.decide(w.consulent.user, youthcare=False)
    with pytest.raises(NotAllowed):
        w.decide(parent_of(YouthFactory()).user, youthcare=False)
    assert AccessLogEntry.objects.filter(event="refused", object_type="consent").count() == 2


def test_only_organisations_that_work_with_the_child(client):
    w = World()
    with pytest.raises(Exception) as excinfo:
        services.consent_decide(
            actor=w.parent.user, youth=w.youth, organisation=OrganisationFactory(kind="ggd"),
            decisions={"youthcare": False}, access_point=WEB,
        )  # fmt: skip
    assert "organisation" in excinfo.value.message_dict


def test_the_consents_page_for_the_parent(client):
    w = World()
    client.force_login(w.parent.user)
    page = client.get(f"/jeugdigen/{w.youth.pk}/toestemmingen/").content.decode()
    assert "Wie mag wat zien?" in page and "GGD" in page
    response = client.post(
        f"/jeugdigen/{w.youth.pk}/toestemmingen/", {"organisation": w.ggd.pk, "shared": ["school", "health", "plan"]}
    )
    assert response.status_code == 302
    assert not w.nurse_access().can(CARE)
    client.force_login(w.nurse.user)
    assert client.get(f"/jeugdigen/{w.youth.pk}/toestemmingen/").status_code == 403


def test_the_toegang_ground_is_not_consent_based():
    """Samen Doen of the youth's municipality is involved in the case and has a help request about the
    youth open: withholding youth care from the gemeente takes it from the case involvement (and the
    case's journal), not from the toegang's ground — and without the open request it is gone."""
    from tests.factories import HelpRequestFactory, MunicipalityFactory

    municipality = MunicipalityFactory()
    youth = YouthFactory(municipality=municipality, date_of_birth=years_ago(9))
    gemeente = OrganisationFactory(kind="gemeente", municipality=municipality)
    medewerker = professional("samen_doen", organisation=gemeente)
    case = case_with(youth, professional("jeugdconsulent"), "jeugdconsulent")
    involve(case, medewerker, "samen_doen")
    request = HelpRequestFactory(youth=youth, municipality=municipality)
    parent = parent_of(youth)
    services.consent_decide(
        actor=parent.user, youth=youth, organisation=gemeente, decisions={"youthcare": False}, access_point=WEB
    )
    access = policy.access_for(medewerker.user, youth)
    assert access.can(CARE) and access.grant(CARE).ground == "intake"
    assert CARE not in access.case_categories(case.pk) and access.involvement_in(case.pk, CARE) is None
    request.status = "afgesloten"
    request.save()
    access = policy.access_for(medewerker.user, youth)
    assert not access.can(CARE) and access.can(PLAN)


@pytest.mark.parametrize("age", [9, 14, 17])
def test_the_three_forms_of_the_rule_agree(age):
    """``withheld`` (one youth), ``withheld_many`` (one query for many) and ``withholds`` (a condition
    inside a query, for the signals) give the same answer, on a history of decisions by both roles,
    with a tie on the moment decided, and another organisation's decisions that do not count."""
    from django.db.models import OuterRef

    from jeugdketen.access import consents
    from jeugdketen.access.models import ConsentDecision
    from jeugdketen.youth.models import Youth

    today = timezone.localdate()
    w = World(age=age)
    other_youth = YouthFactory(date_of_birth=years_ago(age))
    elsewhere = OrganisationFactory(kind="ggd")
    moment = timezone.now() - timedelta(days=3)
    history = [  # (youth, organisation, category, role, allowed, days after ``moment``)
        (w.youth, w.ggd, "youthcare", "ouder", False, 0),
        (w.youth, w.ggd, "youthcare", "ouder", True, 1),  # given again: counts no more
        (w.youth, w.ggd, "health", "ouder", False, 0),
        (w.youth, w.ggd, "health", "jeugdige", True, 1),  # the other role's yes does not undo it
        (w.youth, w.ggd, "plan", "jeugdige", True, 0),
        (w.youth, w.ggd, "plan", "jeugdige", False, 0),  # same moment, later id: counts
        (w.youth, w.ggd, "school", "jeugdige", False, 0),
        (w.youth, elsewhere, "youthcare", "jeugdige", False, 0),
        (other_youth, w.ggd, "youthcare", "ouder", False, 0),
    ]
    for youth, organisation, category, role, allowed, days in history:
        ConsentDecision.objects.create(
            youth=youth, organisation=organisation, category=category, role=role, allowed=allowed,
            decided_at=moment + timedelta(days=days), decided_by=w.parent.user, decided_by_name="x",
        )  # fmt: skip
    expected = {
        9: {"health"},  # the parent decides alone
        14: {"health", "plan", "school"},  # either one withholding is enough
        17: {"plan", "school"},  # the youth decides alone
    }[age]
    assert consents.withheld(w.youth, w.ggd.pk, today=today) == expected
    many = consents.withheld_many([w.youth, other_youth], w.ggd.pk, today=today)
    assert many[w.youth.pk] == expected
    assert many[other_youth.pk] == ({"youthcare"} if age < 16 else set())
    for category in consents.CONSENTABLE:
        withholding = Youth.objects.filter(
            consents.withholds(category, youth=OuterRef("pk"), organisation=w.ggd.pk, today=today),
            pk__in=[w.youth.pk, other_youth.pk],
        )
        assert set(withholding.values_list("pk", flat=True)) == {
            youth.pk for youth in (w.youth, other_youth) if category in many[youth.pk]
        }, category
