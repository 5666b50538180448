"""The need-to-know policy as a table: every function × ground × category, read and change,
allowed and refused — through the policy that every page, API view and service asks."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Action, Category, Ground
from jeugdketen.access.models import EmergencyAccess
from jeugdketen.organisations.models import Organisation
from tests.factories import (
    EnrolmentFactory,
    HelpRequestFactory,
    MunicipalityFactory,
    OrganisationFactory,
    SchoolFactory,
    YouthFactory,
    case_with,
    involve,
    parent_of,
    professional,
)

pytestmark = pytest.mark.django_db

ID, SCHOOL, CARE, HEALTH, LP, POLICE, SAFETY, PLAN = (
    Category.IDENTITY,
    Category.SCHOOL_SUPPORT,
    Category.YOUTH_CARE,
    Category.HEALTH,
    Category.LEERPLICHT,
    Category.POLICE,
    Category.SAFETY,
    Category.PLAN,
)
ALL = {ID, SCHOOL, CARE, HEALTH, LP, POLICE, SAFETY, PLAN}
DOSSIER = ALL - {POLICE, SAFETY}  # what parents and the youth read

# What each function reads when involved in the youth's case. Written out here on purpose, not
# taken from the policy module: this table is the requirement the policy is checked against.
INVOLVED = {
    "samen_doen": {ID, CARE, SAFETY, PLAN},
    "jeugdconsulent": {ID, CARE, SCHOOL, SAFETY, PLAN},
    "leerplicht": {ID, LP, SCHOOL, PLAN},
    "leerkracht": {ID, SCHOOL, LP, PLAN},
    "intern_begeleider": {ID, SCHOOL, LP, PLAN},
    "schoolleider": {ID, SCHOOL, LP, PLAN},
    "coordinator_swv": {ID, SCHOOL, PLAN},
    "ambulant_begeleider": {ID, SCHOOL, PLAN},
    "orthopedagoog": {ID, SCHOOL, CARE, PLAN},
    "jeugdverpleegkundige": {ID, SCHOOL, CARE, HEALTH, PLAN},
    "jeugdarts": {ID, SCHOOL, CARE, HEALTH, PLAN},
    "lichte_jeugdhulp": {ID, CARE, PLAN},
    "politie": {ID, POLICE},
    "manager": {ID},
    "privacy_officer": set(),
}
# What the toegang of the youth's municipality reads while a help request about the youth is
# open there (and who of them may change it).
INTAKE = {"samen_doen": {ID, CARE, SAFETY}, "jeugdconsulent": {ID, CARE}, "manager": {ID, CARE}}
INTAKE_CHANGE = {"samen_doen": {ID, CARE, SAFETY}}
SCHOOL_STAFF = {"leerkracht", "intern_begeleider", "schoolleider", "orthopedagoog"}
FUNCTIONS = sorted(INVOLVED)


def assert_access(access, readable: set, changeable: set) -> None:
    for category in Category:
        assert access.can(category, Action.READ) == (category in readable), f"read {category}"
        assert access.can(category, Action.CHANGE) == (category in changeable), f"change {category}"


def org_for(code: str, municipality=None) -> Organisation:
    """An organisation where a holder of ``code`` works; by default in another municipality than
    the youths' (Dalfsen), so no leerplicht ground arises by accident."""
    municipality = municipality or MunicipalityFactory(cbs_code="0193", name="Zwolle")
    if code in SCHOOL_STAFF:
        return SchoolFactory(municipality=municipality)
    return OrganisationFactory(municipality=municipality)


@pytest.mark.parametrize("code", FUNCTIONS)
def test_case_involvement_gives_the_functions_categories(code):
    youth = YouthFactory()
    pro = professional(code, organisation=org_for(code))
    regisseur = professional("jeugdconsulent")
    case = case_with(youth, regisseur, "jeugdconsulent")
    involve(case, pro, code)
    access = policy.access_for(pro.user, youth)
    assert_access(access, INVOLVED[code], INVOLVED[code])
    if INVOLVED[code]:
        assert access.grant(ID).ground == Ground.CASE_INVOLVEMENT


@pytest.mark.parametrize("code", FUNCTIONS)
def test_ended_involvement_or_closed_case_gives_nothing(code):
    youth = YouthFactory()
    pro = professional(code, organisation=org_for(code))
    ended = case_with(youth, professional("jeugdconsulent"), "jeugdconsulent")
    involve(ended, pro, code, since=date(2024, 1, 1), until=timezone.localdate() - timedelta(days=1))
    closed = case_with(
        youth, professional("jeugdconsulent"), "jeugdconsulent", status="afgesloten", closed_on=timezone.localdate()
    )
    involve(closed, pro, code)
    assert_access(policy.access_for(pro.user, youth), set(), set())


@pytest.mark.parametrize("code", FUNCTIONS)
def test_working_at_the_youths_current_school(code):
    school = SchoolFactory()
    youth = EnrolmentFactory(school=school).youth
    pro = professional(code, organisation=school)
    expected = ({ID, SCHOOL} | (INVOLVED[code] & {LP})) if code in SCHOOL_STAFF else set()
    access = policy.access_for(pro.user, youth)
    assert_access(access, expected, expected)
    if expected:
        assert access.grant(ID).ground == Ground.SCHOOL_ENROLMENT


@pytest.mark.parametrize("code", sorted(SCHOOL_STAFF))
def test_former_school_gives_nothing(code):
    school = SchoolFactory()
    youth = EnrolmentFactory(school=school, start=date(2019, 8, 1), end=timezone.localdate() - timedelta(days=1)).youth
    pro = professional(code, organisation=school)
    assert_access(policy.access_for(pro.user, youth), set(), set())


@pytest.mark.parametrize("code", FUNCTIONS)
def test_leerplicht_consulent_of_the_municipality_of_residence(code):
    municipality = MunicipalityFactory()
    youth = YouthFactory(municipality=municipality)
    pro = professional(code, organisation=OrganisationFactory(municipality=municipality, kind="gemeente"))
    expected = {ID, LP} if code == "leerplicht" else set()  # school staff at a gemeente have no school ground
    access = policy.access_for(pro.user, youth)
    assert_access(access, expected, expected)
    if expected:
        assert access.grant(LP).ground == Ground.LEERPLICHT_CONSULENT


def test_leerplicht_consulent_of_another_municipality_sees_nothing():
    youth = YouthFactory(municipality=MunicipalityFactory())
    ommen = MunicipalityFactory(cbs_code="0175", name="Ommen")
    pro = professional("leerplicht", organisation=OrganisationFactory(municipality=ommen, kind="gemeente"))
    assert_access(policy.access_for(pro.user, youth), set(), set())


@pytest.mark.parametrize("code", FUNCTIONS)
def test_the_toegang_of_the_municipality_while_a_help_request_is_open(code):
    municipality = MunicipalityFactory()
    youth = YouthFactory(municipality=municipality)
    HelpRequestFactory(youth=youth, municipality=municipality)
    pro = professional(code, organisation=OrganisationFactory(municipality=municipality, kind="gemeente"))
    expected = INTAKE.get(code, set()) | ({ID, LP} if code == "leerplicht" else set())
    changeable = INTAKE_CHANGE.get(code, set()) | ({ID, LP} if code == "leerplicht" else set())
    access = policy.access_for(pro.user, youth)
    assert_access(access, expected, changeable)
    if code in INTAKE:
        assert access.grant(CARE).ground == Ground.INTAKE


@pytest.mark.parametrize("status", ["verwezen", "afgesloten"])
def test_a_decided_help_request_gives_the_toegang_nothing(status):
    municipality = MunicipalityFactory()
    youth = YouthFactory(municipality=municipality)
    HelpRequestFactory(youth=youth, municipality=municipality, status=status)
    pro = professional("samen_doen", organisation=OrganisationFactory(municipality=municipality, kind="gemeente"))
    assert_access(policy.access_for(pro.user, youth), set(), set())


@pytest.mark.parametrize("kind", ["ggd", "jeugdhulp"])
def test_the_toegang_ground_needs_the_municipality_itself(kind):
    """A Samen Doen function held at another organisation, or another municipality's toegang, sees
    nothing of the request."""
    municipality = MunicipalityFactory()
    youth = YouthFactory(municipality=municipality)
    HelpRequestFactory(youth=youth, municipality=municipality)
    elsewhere = professional("samen_doen", organisation=OrganisationFactory(municipality=municipality, kind=kind))
    ommen = MunicipalityFactory(cbs_code="0175", name="Ommen")
    other = professional("samen_doen", organisation=OrganisationFactory(municipality=ommen, kind="gemeente"))
    assert_access(policy.access_for(elsewhere.user, youth), set(), set())
    assert_access(policy.access_for(other.user, youth), set(), set())


@pytest.mark.parametrize("code", FUNCTIONS)
def test_emergency_access_reads_the_functions_categories_and_changes_nothing(code):
    youth = YouthFactory()
    pro = professional(code, organisation=org_for(code))
    now = timezone.now()
    EmergencyAccess.objects.create(professional=pro, youth=youth, reason="x" * 30, expires_at=now + timedelta(hours=1))
    access = policy.access_for(pro.user, youth)
    assert_access(access, INVOLVED[code], set())


@pytest.mark.parametrize("code", FUNCTIONS)
def test_expired_emergency_access_gives_nothing(code):
    youth = YouthFactory()
    pro = professional(code, organisation=org_for(code))
    EmergencyAccess.objects.create(
        professional=pro,
        youth=youth,
        reason="x" * 30,
        started_at=timezone.now() - timedelta(days=2),
        expires_at=timezone.now() - timedelta(hours=1),
    )
    assert_access(policy.access_for(pro.user, youth), set(), set())


@pytest.mark.parametrize("code", FUNCTIONS)
def test_no_relationship_gives_nothing(code):
    youth = YouthFactory()
    pro = professional(code, organisation=org_for(code))
    assert_access(policy.access_for(pro.user, youth), set(), set())


def years_ago(years: int, days: int = 0) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=days)


@pytest.mark.parametrize(
    ("age_days", "has_gezag", "expected"),
    [
        ((5, 0), True, DOSSIER),
        ((15, 300), True, DOSSIER),  # 15 years and almost 16
        ((16, 0), True, set()),  # from the 16th birthday the youth decides alone
        ((10, 0), False, set()),  # a parent without gezag
    ],
)
def test_parent_reads_the_dossier_within_the_age_rules(age_days, has_gezag, expected):
    youth = YouthFactory(date_of_birth=years_ago(*age_days))
    carer = parent_of(youth, has_gezag=has_gezag)
    assert_access(policy.access_for(carer.user, youth), expected, set())


def test_parent_never_sees_another_child():
    youth = YouthFactory()
    other = YouthFactory()
    carer = parent_of(youth)
    assert_access(policy.access_for(carer.user, other), set(), set())


@pytest.mark.parametrize(("age", "expected"), [(11, set()), (12, DOSSIER), (17, DOSSIER)])
def test_the_youth_reads_their_own_dossier_from_12(age, expected):
    from tests.factories import UserFactory

    user = UserFactory()
    youth = YouthFactory(date_of_birth=years_ago(age), user=user)
    assert_access(policy.access_for(user, youth), expected, set())


def test_inactive_user_gets_nothing():
    school = SchoolFactory()
    youth = EnrolmentFactory(school=school).youth
    pro = professional("intern_begeleider", organisation=school)
    pro.user.is_active = False
    pro.user.save()
    assert_access(policy.access_for(pro.user, youth), set(), set())


@pytest.mark.parametrize("code", FUNCTIONS)
def test_lists_contain_exactly_the_youths_with_a_ground(code):
    """The scoped list query agrees with the per-youth decision."""
    municipality = MunicipalityFactory()
    organisation = org_for(code, municipality)
    pro = professional(code, organisation=organisation)
    via_case = YouthFactory()
    involve(case_with(via_case, professional("jeugdconsulent"), "jeugdconsulent"), pro, code)
    via_school = EnrolmentFactory(school=organisation).youth if organisation.is_school else YouthFactory()
    resident = YouthFactory(municipality=municipality)
    HelpRequestFactory(youth=resident, municipality=municipality)
    stranger = YouthFactory(municipality=MunicipalityFactory(cbs_code="0193", name="Zwolle"))
    listed = set(policy.visible_youths(pro.user).values_list("pk", flat=True))
    for youth in (via_case, via_school, resident, stranger):
        assert (youth.pk in listed) == bool(policy.access_for(pro.user, youth)), youth


def test_an_involvement_in_a_function_no_longer_held_gives_nothing():
    youth = YouthFactory()
    pro = professional("jeugdverpleegkundige")
    involve(case_with(youth, professional("jeugdconsulent"), "jeugdconsulent"), pro, "jeugdverpleegkundige")
    pro.functions.set([])
    pro.user._jk_professional = False  # forget the cached profile, as a new request would
    assert not policy.access_for(pro.user, youth)
    assert not policy.visible_youths(pro.user).exists()


# --- many youths at once ------------------------------------------------------------------------------
# ``access_for_cases`` (a meeting's agenda) answers for many cases at once what ``access_for`` answers
# for one youth, on every function × ground of the table, with and without a withdrawn consent.

CASE_GROUND_NAMES = ["case", "school", "leerplicht", "intake", "emergency"]


def withdraw_all(youth, organisation):
    """The parent withholds every purpose that can be withheld from ``organisation``."""
    from jeugdketen.access.consents import CONSENTABLE
    from jeugdketen.access.models import ConsentDecision

    carer = parent_of(youth)
    for category in CONSENTABLE:
        ConsentDecision.objects.create(
            youth=youth, organisation=organisation, category=category, allowed=False, role="ouder",
            decided_by=carer.user, decided_by_name="Marloes Jansen",
        )  # fmt: skip


def related_on(ground: str, code: str):
    """A professional holding ``code`` and a youth (10) they relate to on ``ground`` only, with two
    cases held by others."""
    municipality = MunicipalityFactory()
    youth = YouthFactory(municipality=municipality, date_of_birth=years_ago(10))
    kind = "gemeente" if ground in ("leerplicht", "intake") else None
    if ground == "school":
        organisation = SchoolFactory(municipality=municipality)
        EnrolmentFactory(youth=youth, school=organisation)
    elif kind:
        organisation = OrganisationFactory(municipality=municipality, kind=kind)
    else:
        organisation = org_for(code)
    pro = professional(code, organisation=organisation)
    cases = [case_with(youth, professional("jeugdconsulent"), "jeugdconsulent") for _ in range(2)]
    if ground == "case":
        involve(cases[0], pro, code)
    elif ground == "intake":
        HelpRequestFactory(youth=youth, municipality=municipality)
    elif ground == "emergency":
        EmergencyAccess.objects.create(
            professional=pro, youth=youth, reason="x" * 30, expires_at=timezone.now() + timedelta(hours=1)
        )
    return pro, youth, cases


def assert_same_for_cases(user, cases):
    many = policy.access_for_cases(
        user, [*cases, case_with(YouthFactory(), professional("jeugdconsulent"), "jeugdconsulent")]
    )
    for case in cases:
        one = policy.access_for(user, case.youth)
        batch = many[case.youth_id]
        assert (case.pk in batch.case_ids) == (case.pk in one.case_ids), case
        assert batch.case_categories(case.pk) == one.case_categories(case.pk), case
        assert batch.writable_categories(case.pk) == one.writable_categories(case.pk), case
        assert batch.involvement_in(case.pk) == one.involvement_in(case.pk), case
        for category in Category:
            assert batch.involvement_in(case.pk, category) == one.involvement_in(case.pk, category), category
        assert batch.withheld == one.withheld
        assert batch.grant(PLAN) == one.grant(PLAN) and batch.grant(POLICE) == one.grant(POLICE)
        on_case_grounds = {c: g for c, g in one.grants.items() if g.ground in policy.CASE_GROUNDS}
        assert batch.grants == on_case_grounds
        assert batch.case_ids <= {c.pk for c in cases}  # limited to the cases asked about


@pytest.mark.parametrize("withdrawn", [False, True], ids=["consent", "withdrawn"])
@pytest.mark.parametrize("ground", CASE_GROUND_NAMES)
@pytest.mark.parametrize("code", FUNCTIONS)
def test_many_cases_at_once_give_the_same_answer(code, ground, withdrawn):
    pro, youth, cases = related_on(ground, code)
    if withdrawn:
        withdraw_all(youth, pro.organisation)
    assert_same_for_cases(pro.user, cases)


@pytest.mark.parametrize("age", [5, 13, 17])
def test_many_cases_at_once_give_the_family_the_same_answer(age):
    from tests.factories import UserFactory

    youth = YouthFactory(date_of_birth=years_ago(age), user=UserFactory())
    carer = parent_of(youth)
    without_gezag = parent_of(youth, has_gezag=False)
    cases = [case_with(youth, professional("jeugdconsulent"), "jeugdconsulent") for _ in range(2)]
    for user in (carer.user, youth.user, without_gezag.user):
        assert_same_for_cases(user, cases)


def test_a_withdrawn_consent_is_honoured_for_many_cases_at_once():
    """Both sides: the organisation the plan is withheld from loses it, another keeps it."""
    pro, youth, cases = related_on("case", "jeugdverpleegkundige")
    other = professional("ambulant_begeleider", organisation=OrganisationFactory())
    involve(cases[0], other, "ambulant_begeleider")
    assert policy.access_for_cases(pro.user, cases)[youth.pk].involvement_in(cases[0].pk, PLAN) is not None
    withdraw_all(youth, pro.organisation)
    mine = policy.access_for_cases(pro.user, cases)[youth.pk]
    assert not mine.can(PLAN) and not mine.can(HEALTH) and mine.can(ID)
    assert mine.involvement_in(cases[0].pk, PLAN) is None
    assert mine.case_categories(cases[0].pk) == {ID}
    theirs = policy.access_for_cases(other.user, cases)[youth.pk]
    assert theirs.can(PLAN) and theirs.involvement_in(cases[0].pk, PLAN) is not None


def test_many_cases_at_once_cost_a_fixed_number_of_queries(django_assert_num_queries):
    pro = professional("jeugdverpleegkundige")
    cases = []
    for _ in range(6):
        case = case_with(YouthFactory(), professional("jeugdconsulent"), "jeugdconsulent")
        involve(case, pro, "jeugdverpleegkundige")
        cases.append(case)
    withdraw_all(cases[0].youth, pro.organisation)
    policy.professional_of(pro.user)
    with django_assert_num_queries(3):  # consent decisions, involvements, emergency access
        accesses = policy.access_for_cases(pro.user, cases)
    assert [bool(accesses[c.youth_id].can(PLAN)) for c in cases] == [False] + [True] * 5
