"""The need-to-know policy through the REST API, with token authentication, from both sides: what a
function may see on a ground comes back (exactly that, nothing more), what it may not is refused
the way the policy says (404 that looks like "does not exist", 403, 400 with a Dutch message) —
and every read, change and refusal of a youth's data is in the access log with channel "api"."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from jeugdketen.access import policy
from jeugdketen.access.categories import Category
from jeugdketen.access.models import EmergencyAccess
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.cases.models import Case, Involvement, JournalEntry
from jeugdketen.youth.models import Enrolment, Youth
from tests.factories import (
    EnrolmentFactory,
    MunicipalityFactory,
    OrganisationFactory,
    SchoolFactory,
    UserFactory,
    YouthFactory,
    case_with,
    function,
    involve,
    journal,
    parent_of,
    professional,
)

from .conftest import token_client

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
ORDER = [ID, SCHOOL, CARE, HEALTH, LP, POLICE, SAFETY, PLAN]  # the order the API lists categories in

# What a function reads of a case's journal (and of the youth) when involved in that case.
# Written out here on purpose, like tests/access/test_policy_table.py: this is the requirement.
INVOLVED = {
    "leerkracht": {ID, SCHOOL, LP},
    "jeugdverpleegkundige": {ID, SCHOOL, CARE, HEALTH},
    "jeugdconsulent": {ID, SCHOOL, CARE, SAFETY},
    "leerplicht": {ID, SCHOOL, LP},
    "politie": {ID, POLICE},
    "lichte_jeugdhulp": {ID, CARE},
    "manager": {ID},
}
SCHOOL_STAFF = {"leerkracht", "intern_begeleider", "schoolleider", "orthopedagoog"}
BSN_MESSAGE = "Dit is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef."
NOT_FOUND = {"detail": "Niet gevonden."}


def zwolle():
    """Organisations work in Zwolle, the youths live in Dalfsen: no leerplicht ground by accident."""
    return MunicipalityFactory(cbs_code="0193", name="Zwolle")


def pro_at_work(code: str):
    """A professional holding ``code`` at an organisation of the matching kind, in Zwolle."""
    if code in SCHOOL_STAFF:
        return professional(code, organisation=SchoolFactory(municipality=zwolle()))
    return professional(code, organisation=OrganisationFactory(municipality=zwolle(), kind="jeugdhulp"))


def categories(items) -> list[str]:
    return [str(c) for c in ORDER if c in set(items)]


def results(response) -> list:
    body = response.json()
    return body["results"] if isinstance(body, dict) else body


def log_for(user, **filters) -> list[AccessLogEntry]:
    return list(AccessLogEntry.objects.filter(user=user, **filters).order_by("id"))


class World:
    """One youth with a case held by a jeugdconsulent, a journal entry in every category, and a
    second youth (with its own case) that the people in the first case have no ground for."""

    def __init__(self):
        self.youth = YouthFactory(first_name="Noor", last_name="Bakker")
        self.regisseur = pro_at_work("jeugdconsulent")
        self.case = case_with(self.youth, self.regisseur, "jeugdconsulent")
        self.entries = {
            category: journal(self.case, self.regisseur, "jeugdconsulent", category, title=f"Over {category}")
            for category in Category
            if category != PLAN  # the plan is kept in the plan, not in the journal
        }
        self.other = YouthFactory(first_name="Sem", last_name="Visser")
        self.other_case = case_with(self.other, pro_at_work("jeugdconsulent"), "jeugdconsulent")
        journal(self.other_case, self.other_case.casusregisseur, "jeugdconsulent", CARE)

    def involved(self, code: str):
        pro = pro_at_work(code)
        involve(self.case, pro, code)
        return pro


@pytest.fixture
def world() -> World:
    return World()


# --- authentication -------------------------------------------------------------------------

ENDPOINTS = [
    ("get", "/api/v1/youths/"),
    ("get", "/api/v1/youths/1/"),
    ("post", "/api/v1/youths/"),
    ("patch", "/api/v1/youths/1/"),
    ("get", "/api/v1/cases/"),
    ("post", "/api/v1/cases/"),
    ("get", "/api/v1/cases/1/"),
    ("patch", "/api/v1/cases/1/"),
    ("get", "/api/v1/involvements/?case=1"),
    ("post", "/api/v1/involvements/"),
    ("post", "/api/v1/involvements/1/end/"),
    ("get", "/api/v1/journal-entries/?case=1"),
    ("post", "/api/v1/journal-entries/"),
    ("get", "/api/v1/organisations/"),
    ("get", "/api/v1/organisations/1/"),
    ("get", "/api/v1/professionals/"),
    ("get", "/api/v1/professionals/1/"),
    ("get", "/api/v1/access-log/?youth=1"),
    ("get", "/api/v1/leerplicht/school/"),
    ("post", "/api/v1/leerplicht/school/absence/"),
    ("post", "/api/v1/leerplicht/school/enrolments/"),
    ("get", "/api/v1/leerplicht/consulent/"),
    ("get", "/api/v1/leerplicht/meldingen/1/"),
    ("post", "/api/v1/leerplicht/meldingen/1/send/"),
    ("post", "/api/v1/leerplicht/meldingen/1/take-up/"),
    ("get", "/api/v1/leerplicht/zaken/1/"),
    ("post", "/api/v1/leerplicht/zaken/1/steps/"),
    ("post", "/api/v1/leerplicht/zaken/1/halt/"),
    ("post", "/api/v1/leerplicht/zaken/1/close/"),
]


@pytest.mark.parametrize(("method", "url"), ENDPOINTS)
@pytest.mark.parametrize("authorization", [None, "Token 0123456789abcdef0123456789abcdef01234567", "Bearer x"])
def test_without_a_valid_token_every_endpoint_answers_401(world, method, url, authorization):
    client = APIClient()
    if authorization:
        client.credentials(HTTP_AUTHORIZATION=authorization)
    response = getattr(client, method)(url, {}, format="json")
    assert response.status_code == 401, response.content
    assert response["WWW-Authenticate"] == "Token"
    assert set(response.json()) == {"detail"}
    assert not AccessLogEntry.objects.exists()


def test_an_inactive_users_token_answers_401(world):
    pro = world.involved("leerkracht")
    client = token_client(pro.user)
    pro.user.is_active = False
    pro.user.save()
    assert client.get("/api/v1/youths/").status_code == 401


def test_drf_create_token_makes_a_token_that_works(world, capsys):
    pro = world.involved("leerkracht")
    call_command("drf_create_token", pro.user.username)
    token = Token.objects.get(user=pro.user)
    assert token.key in capsys.readouterr().out
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.get("/api/v1/youths/")
    assert response.status_code == 200
    assert [y["id"] for y in response.json()] == [world.youth.pk]


# --- allowed: exactly the categories of the function on its ground -----------------------------


@pytest.mark.parametrize("code", sorted(INVOLVED))
def test_involved_function_reads_exactly_its_journal_categories(world, code):
    pro = world.involved(code)
    response = token_client(pro.user).get("/api/v1/journal-entries/", {"case": world.case.pk})
    assert response.status_code == 200
    got = {entry["category"] for entry in response.json()}
    assert got == {str(c) for c in INVOLVED[code]}
    assert {entry["id"] for entry in response.json()} == {world.entries[c].pk for c in INVOLVED[code]}
    [entry] = log_for(pro.user)
    assert (entry.event, entry.channel, entry.object_type) == ("read", "api", "case")
    assert (entry.function_code, entry.ground, entry.youth_id) == (code, "case", world.youth.pk)
    assert sorted(entry.categories) == sorted(str(c) for c in INVOLVED[code])
    assert entry.ip_address == "127.0.0.1"


def test_leerkracht_reads_school_but_not_health_and_jeugdverpleegkundige_reads_health(world):
    leerkracht = world.involved("leerkracht")
    verpleegkundige = world.involved("jeugdverpleegkundige")
    by_leerkracht = token_client(leerkracht.user).get("/api/v1/journal-entries/", {"case": world.case.pk}).json()
    by_verpleegkundige = (
        token_client(verpleegkundige.user).get("/api/v1/journal-entries/", {"case": world.case.pk}).json()
    )
    assert "school" in {e["category"] for e in by_leerkracht}
    assert "health" not in {e["category"] for e in by_leerkracht}
    assert "health" in {e["category"] for e in by_verpleegkundige}
    assert "police" not in {e["category"] for e in by_verpleegkundige}


@pytest.mark.parametrize("code", ["leerkracht", "jeugdverpleegkundige", "politie"])
def test_involved_function_reads_the_youth_with_its_categories(world, code):
    pro = world.involved(code)
    response = token_client(pro.user).get(f"/api/v1/youths/{world.youth.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == world.youth.pk
    # The youth as a whole: the journal's categories plus the shared plan (not for the police).
    assert body["categories"] == categories(INVOLVED[code] | ({PLAN} if code != "politie" else set()))
    assert body["cases"] == [world.case.pk]
    [entry] = log_for(pro.user)
    assert (entry.event, entry.channel, entry.object_type) == ("read", "api", "dossier")
    assert (entry.user_id, entry.function_code, entry.ground) == (pro.user.pk, code, "case")
    assert entry.ground_detail == world.case.reference
    assert f"youth:{world.youth.pk}" in entry.object_ids
    shown = {f"journal:{world.entries[c].pk}" for c in INVOLVED[code]}
    assert {o for o in entry.object_ids if o.startswith("journal:")} == shown


def test_involved_professional_lists_the_case_and_its_involvements(world):
    pro = world.involved("leerkracht")
    client = token_client(pro.user)
    cases = client.get("/api/v1/cases/")
    assert cases.status_code == 200
    assert [c["id"] for c in results(cases)] == [world.case.pk]
    involvements = client.get("/api/v1/involvements/", {"case": world.case.pk})
    assert involvements.status_code == 200
    assert {(i["professional"], i["function"]) for i in involvements.json()} == {
        (world.regisseur.pk, "jeugdconsulent"),
        (pro.pk, "leerkracht"),
    }
    listed, read = log_for(pro.user)
    assert (listed.event, listed.channel, listed.object_type, listed.youth_id) == (
        "list",
        "api",
        "case",
        world.youth.pk,
    )
    assert (listed.function_code, listed.ground) == ("leerkracht", "case")
    assert (read.event, read.channel, read.object_type, read.function_code) == ("read", "api", "case", "leerkracht")


def test_teacher_at_the_current_school_reads_identity_school_and_absence_without_the_case(world):
    school = SchoolFactory()
    EnrolmentFactory(youth=world.youth, school=school)
    pro = professional("leerkracht", organisation=school)
    client = token_client(pro.user)
    listed = client.get("/api/v1/youths/")
    assert [y["id"] for y in listed.json()] == [world.youth.pk]
    response = client.get(f"/api/v1/youths/{world.youth.pk}/")
    assert response.status_code == 200
    assert response.json()["categories"] == ["identity", "school", "leerplicht"]
    assert response.json()["cases"] == []  # a school ground is not a case involvement
    assert client.get("/api/v1/journal-entries/", {"case": world.case.pk}).status_code == 404
    list_entry, read_entry, refused = log_for(pro.user)
    assert (list_entry.event, list_entry.channel, list_entry.ground, list_entry.function_code) == (
        "list",
        "api",
        "school",
        "leerkracht",
    )
    assert (read_entry.event, read_entry.channel, read_entry.ground, read_entry.function_code) == (
        "read",
        "api",
        "school",
        "leerkracht",
    )
    assert (refused.event, refused.channel, refused.object_type) == ("refused", "api", "case")


def test_leerplicht_consulent_of_the_municipality_reads_identity_and_leerplicht(world):
    gemeente = OrganisationFactory(kind="gemeente", municipality=world.youth.municipality)
    pro = professional("leerplicht", organisation=gemeente)
    response = token_client(pro.user).get(f"/api/v1/youths/{world.youth.pk}/")
    assert response.status_code == 200
    assert response.json()["categories"] == ["identity", "leerplicht"]
    [entry] = log_for(pro.user)
    assert (entry.channel, entry.ground, entry.function_code) == ("api", "leerplicht", "leerplicht")


def test_search_by_name_and_bsn_only_finds_youths_with_a_ground(world):
    Youth.objects.filter(pk=world.other.pk).update(bsn="111222333")
    pro = world.involved("jeugdverpleegkundige")
    client = token_client(pro.user)
    assert [y["id"] for y in client.get("/api/v1/youths/", {"q": "Noor"}).json()] == [world.youth.pk]
    assert client.get("/api/v1/youths/", {"q": "Sem"}).json() == []
    assert client.get("/api/v1/youths/", {"q": "111222333"}).json() == []
    [entry] = log_for(pro.user)
    assert (entry.event, entry.channel, entry.youth_id, entry.ground) == ("search", "api", world.youth.pk, "case")


# --- refused: no ground looks exactly like "does not exist" ------------------------------------


def test_a_youth_without_a_ground_answers_404_like_a_missing_one(world):
    pro = world.involved("leerkracht")
    client = token_client(pro.user)
    missing = Youth.objects.order_by("-pk").first().pk + 1000
    refused = client.get(f"/api/v1/youths/{world.other.pk}/")
    absent = client.get(f"/api/v1/youths/{missing}/")
    assert (refused.status_code, refused.json()) == (absent.status_code, absent.json()) == (404, NOT_FOUND)
    assert client.patch(f"/api/v1/youths/{world.other.pk}/", {"first_name": "X"}, format="json").status_code == 404
    listed = client.get("/api/v1/youths/")
    assert world.other.pk not in {y["id"] for y in listed.json()}
    entries = log_for(pro.user, event="refused")
    assert [(e.youth_id, e.channel, e.object_type) for e in entries] == [
        (world.other.pk, "api", "youth"),
        (world.other.pk, "api", "youth"),
    ]
    assert Youth.objects.get(pk=world.other.pk).first_name == "Sem"
    assert not AccessLogEntry.objects.filter(youth_id=missing).exists()


def test_a_case_without_a_ground_answers_404_like_a_missing_one(world):
    pro = world.involved("jeugdverpleegkundige")
    client = token_client(pro.user)
    missing = Case.objects.order_by("-pk").first().pk + 1000
    for url in (
        "/api/v1/cases/{}/",
        "/api/v1/journal-entries/?case={}",
        "/api/v1/involvements/?case={}",
    ):
        refused = client.get(url.format(world.other_case.pk))
        absent = client.get(url.format(missing))
        assert (refused.status_code, refused.json()) == (absent.status_code, absent.json()) == (404, NOT_FOUND), url
    assert world.other_case.pk not in {c["id"] for c in results(client.get("/api/v1/cases/"))}
    refusals = log_for(pro.user, event="refused")
    assert [(e.youth_id, e.channel, e.object_type) for e in refusals] == [(world.other.pk, "api", "case")] * 3


def test_writing_in_a_case_without_a_ground_answers_404(world):
    pro = world.involved("jeugdverpleegkundige")
    response = token_client(pro.user).post(
        "/api/v1/journal-entries/",
        {"case": world.other_case.pk, "category": "health", "title": "x", "text": "y"},
        format="json",
    )
    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    assert not JournalEntry.objects.filter(case=world.other_case, author=pro).exists()
    [entry] = log_for(pro.user)
    assert (entry.event, entry.channel, entry.youth_id) == ("refused", "api", world.other.pk)


def test_ended_involvement_answers_404(world):
    pro = world.involved("leerkracht")
    Involvement.objects.filter(professional=pro).update(
        since=date(2024, 1, 1), until=timezone.localdate() - timedelta(days=1)
    )
    client = token_client(pro.user)
    assert client.get(f"/api/v1/youths/{world.youth.pk}/").status_code == 404
    assert client.get("/api/v1/journal-entries/", {"case": world.case.pk}).status_code == 404
    assert client.get("/api/v1/youths/").json() == []
    assert results(client.get("/api/v1/cases/")) == []


# --- refused: visible, but not allowed ---------------------------------------------------------


def test_writing_in_a_category_the_function_may_not_write_answers_400_in_dutch(world):
    pro = world.involved("leerkracht")
    client = token_client(pro.user)
    data = {"case": world.case.pk, "category": "health", "title": "Ziek", "text": "Vaak ziek gemeld."}
    response = client.post("/api/v1/journal-entries/", data, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "category": [f"Als {function('leerkracht').name} kunt u niet schrijven in de categorie Gezondheid (GGD)."]
    }
    assert not JournalEntry.objects.filter(author=pro).exists()
    [entry] = log_for(pro.user)
    assert (entry.event, entry.channel, entry.object_type, entry.youth_id) == (
        "refused",
        "api",
        "journal_entry",
        world.youth.pk,
    )
    assert entry.description == "schrijven in een categorie buiten de functie"


def test_writing_in_an_own_category_is_allowed_and_logged(world):
    pro = world.involved("leerkracht")
    data = {"case": world.case.pk, "category": "school", "title": "Gesprek", "text": "Met ouders gesproken."}
    response = token_client(pro.user).post("/api/v1/journal-entries/", data, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["category"], body["author"], body["author_function"]) == (
        "school",
        pro.pk,
        function("leerkracht").name,
    )
    entry = JournalEntry.objects.get(pk=body["id"])
    assert entry.author_function.code == "leerkracht"
    [log] = log_for(pro.user)
    assert (log.event, log.channel, log.object_type, log.object_ids) == (
        "create",
        "api",
        "journal_entry",
        [str(entry.pk)],
    )
    assert (log.function_code, log.ground, log.categories) == ("leerkracht", "case", ["school"])


def test_a_non_regisseur_adding_an_involvement_answers_403(world):
    leerkracht = world.involved("leerkracht")
    other = pro_at_work("jeugdverpleegkundige")
    data = {"case": world.case.pk, "professional": other.pk, "function": "jeugdverpleegkundige"}
    response = token_client(leerkracht.user).post("/api/v1/involvements/", data, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Alleen de casusregisseur kan dit doen."}
    assert not Involvement.objects.filter(professional=other).exists()
    [entry] = log_for(leerkracht.user)
    assert (entry.event, entry.channel, entry.object_type) == ("refused", "api", "case")


def test_the_regisseur_adds_an_involvement(world):
    other = pro_at_work("jeugdverpleegkundige")
    data = {"case": world.case.pk, "professional": other.pk, "function": "jeugdverpleegkundige", "note": "GGD"}
    response = token_client(world.regisseur.user).post("/api/v1/involvements/", data, format="json")
    assert response.status_code == 201, response.content
    assert (response.json()["professional"], response.json()["function"]) == (other.pk, "jeugdverpleegkundige")
    [entry] = log_for(world.regisseur.user)
    assert (entry.event, entry.channel, entry.object_type) == ("create", "api", "involvement")
    assert (entry.function_code, entry.ground) == ("jeugdconsulent", "case")
    # and from now on the new professional reads health in this case
    journal_entries = token_client(other.user).get("/api/v1/journal-entries/", {"case": world.case.pk}).json()
    assert "health" in {e["category"] for e in journal_entries}


def test_emergency_access_reads_but_may_not_change(world):
    pro = pro_at_work("jeugdarts")
    EmergencyAccess.objects.create(
        professional=pro,
        youth=world.other,
        reason="Acute zorgen, ouders onbereikbaar.",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    client = token_client(pro.user)
    read = client.get(f"/api/v1/youths/{world.other.pk}/")
    assert read.status_code == 200
    assert read.json()["categories"] == ["identity", "school", "youthcare", "health", "plan"]
    change = client.patch(f"/api/v1/youths/{world.other.pk}/", {"first_name": "Anders"}, format="json")
    assert change.status_code == 403
    assert change.json() == {"detail": "U mag de gegevens van deze jeugdige inzien, maar niet wijzigen."}
    assert Youth.objects.get(pk=world.other.pk).first_name == "Sem"
    read_entry, refused = log_for(pro.user)
    assert (read_entry.event, read_entry.channel, read_entry.ground, read_entry.function_code) == (
        "read",
        "api",
        "emergency",
        "jeugdarts",
    )
    assert (refused.event, refused.channel, refused.description) == ("refused", "api", "wijzigen")


def test_a_school_ground_may_change_the_youth_and_the_change_is_logged(world):
    school = SchoolFactory()
    EnrolmentFactory(youth=world.youth, school=school)
    pro = professional("intern_begeleider", organisation=school)
    response = token_client(pro.user).patch(f"/api/v1/youths/{world.youth.pk}/", {"first_name": "Nora"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["first_name"] == "Nora"
    update = log_for(pro.user, event="update")
    assert [(e.channel, e.object_type, e.ground, e.function_code) for e in update] == [
        ("api", "youth", "school", "intern_begeleider")
    ]
    assert update[0].description == "gewijzigd: voornaam"


# --- parents ----------------------------------------------------------------------------------


def test_parent_gets_their_own_child_and_no_directory(world):
    carer = parent_of(world.youth)
    client = token_client(carer.user)
    listed = client.get("/api/v1/youths/")
    assert listed.status_code == 200
    assert [y["id"] for y in listed.json()] == [world.youth.pk]
    dossier = client.get(f"/api/v1/youths/{world.youth.pk}/")
    assert dossier.status_code == 200
    assert dossier.json()["categories"] == ["identity", "school", "youthcare", "health", "leerplicht", "plan"]
    assert client.get(f"/api/v1/youths/{world.other.pk}/").status_code == 404
    journal_entries = client.get("/api/v1/journal-entries/", {"case": world.case.pk}).json()
    assert "police" not in {e["category"] for e in journal_entries}
    for url in ("/api/v1/professionals/", "/api/v1/organisations/", f"/api/v1/professionals/{world.regisseur.pk}/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert response.json() == {"detail": "Dit deel van de API is voor professionals."}
    parent_entries = log_for(carer.user, event="read", object_type="dossier")
    assert [(e.channel, e.ground, e.function_code) for e in parent_entries] == [("api", "parent", "")]


def test_parent_may_not_register_a_youth(world):
    carer = parent_of(world.youth)
    data = {"first_name": "Nieuw", "last_name": "Kind", "date_of_birth": "2018-01-01", "municipality": "0148"}
    response = token_client(carer.user).post("/api/v1/youths/", data | {"case_subject": "x"}, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Uw functie kan geen jeugdigen registreren."}


def test_the_youth_reads_their_own_dossier_from_12(world):
    user = UserFactory()
    today = timezone.localdate()
    Youth.objects.filter(pk=world.youth.pk).update(user=user, date_of_birth=today.replace(year=today.year - 13))
    client = token_client(user)
    assert [y["id"] for y in client.get("/api/v1/youths/").json()] == [world.youth.pk]
    dossier = client.get(f"/api/v1/youths/{world.youth.pk}/")
    assert dossier.status_code == 200
    assert dossier.json()["categories"] == ["identity", "school", "youthcare", "health", "leerplicht", "plan"]
    assert client.get("/api/v1/professionals/").status_code == 403
    [listed, read] = log_for(user)
    assert [(e.event, e.channel, e.ground) for e in (listed, read)] == [
        ("list", "api", "self"),
        ("read", "api", "self"),
    ]
    Youth.objects.filter(pk=world.youth.pk).update(date_of_birth=today.replace(year=today.year - 11))
    assert client.get(f"/api/v1/youths/{world.youth.pk}/").status_code == 404


def test_the_case_list_logs_the_ground_each_case_is_visible_on(world):
    """Parents see their child's cases on their dossier right, a professional with emergency
    access on that access: the access log says so, not "involved in the case"."""
    carer = parent_of(world.youth)
    arts = pro_at_work("jeugdarts")
    EmergencyAccess.objects.create(
        professional=arts, youth=world.youth, reason="Acute zorgen.", expires_at=timezone.now() + timedelta(hours=1)
    )
    involved = world.involved("leerkracht")
    for user, ground, code in (
        (carer.user, "parent", ""),
        (arts.user, "emergency", "jeugdarts"),
        (involved.user, "case", "leerkracht"),
    ):
        response = token_client(user).get("/api/v1/cases/")
        assert [c["id"] for c in results(response)] == [world.case.pk]
        [entry] = log_for(user)
        assert (entry.event, entry.channel, entry.object_type) == ("list", "api", "case")
        assert (entry.ground, entry.function_code) == (ground, code), user


# --- the access log endpoint ----------------------------------------------------------------


def test_privacy_officer_reads_a_youths_access_log(world):
    leerkracht = world.involved("leerkracht")
    token_client(leerkracht.user).get(f"/api/v1/youths/{world.youth.pk}/")
    elsewhere = professional("privacy_officer", organisation=OrganisationFactory(municipality=zwolle()))
    assert token_client(elsewhere.user).get("/api/v1/access-log/", {"youth": world.youth.pk}).status_code == 404
    officer = professional("privacy_officer", organisation=OrganisationFactory(municipality=world.youth.municipality))
    response = token_client(officer.user).get("/api/v1/access-log/", {"youth": world.youth.pk})
    assert response.status_code == 200
    rows = [
        (r["user"], r["event"], r["channel"], r["object_type"], r["function_code"], r["ground"])
        for r in response.json()["results"]
    ]
    # Newest first; reading the log is itself logged, and shows up in what it returns.
    assert rows == [
        (officer.user.pk, "read", "api", "access_log", "privacy_officer", "privacy"),
        (elsewhere.user.pk, "refused", "api", "access_log", "", ""),
        (leerkracht.user.pk, "read", "api", "dossier", "leerkracht", "case"),
    ]
    [entry] = log_for(officer.user)
    assert (entry.event, entry.channel, entry.object_type, entry.ground) == ("read", "api", "access_log", "privacy")
    # The officer reads the log, not the dossier.
    assert token_client(officer.user).get(f"/api/v1/youths/{world.youth.pk}/").status_code == 404


def test_parent_reads_the_access_log_of_their_own_child_only(world):
    carer = parent_of(world.youth)
    client = token_client(carer.user)
    own = client.get("/api/v1/access-log/", {"youth": world.youth.pk})
    assert own.status_code == 200
    rows = own.json()["results"]
    assert rows and all(r["ip_address"] is None and r["reason"] == "" and r["object_ids"] == [] for r in rows)
    other = client.get("/api/v1/access-log/", {"youth": world.other.pk})
    assert (other.status_code, other.json()) == (404, NOT_FOUND)
    read, refused = log_for(carer.user)
    assert (read.event, read.channel, read.object_type, read.ground) == ("read", "api", "access_log", "parent")
    assert (refused.event, refused.channel, refused.youth_id) == ("refused", "api", world.other.pk)


def test_leerkracht_may_not_read_the_access_log(world):
    pro = world.involved("leerkracht")
    client = token_client(pro.user)
    refused = client.get("/api/v1/access-log/", {"youth": world.youth.pk})
    absent = client.get("/api/v1/access-log/", {"youth": world.other.pk + 1000})
    assert (refused.status_code, refused.json()) == (absent.status_code, absent.json()) == (404, NOT_FOUND)
    [entry] = log_for(pro.user)
    assert (entry.event, entry.channel, entry.object_type, entry.youth_id) == (
        "refused",
        "api",
        "access_log",
        world.youth.pk,
    )


def test_access_log_period_must_be_a_date(world):
    officer = professional("privacy_officer", organisation=OrganisationFactory(municipality=zwolle()))
    response = token_client(officer.user).get("/api/v1/access-log/", {"youth": world.youth.pk, "since": "gisteren"})
    assert response.status_code == 400
    assert set(response.json()) == {"since"}


# --- registering a youth --------------------------------------------------------------------


def registration(**kwargs) -> dict:
    return {
        "first_name": "Lotte",
        "last_name": "Smit",
        "date_of_birth": "2016-03-04",
        "municipality": "0148",
        "bsn": "",
        **kwargs,
    }


def test_registering_an_existing_bsn_answers_409_with_the_match_and_link_to_links(world):
    existing = YouthFactory(first_name="Lotte", last_name="de Smit", date_of_birth=date(2016, 3, 4), bsn="111222333")
    school = SchoolFactory()
    teacher = professional("leerkracht", organisation=school)
    client = token_client(teacher.user)
    data = registration(last_name="Smid", bsn="111222333", enrol_at_own_school=True, start="2025-08-25", group="3a")

    conflict = client.post("/api/v1/youths/", data, format="json")
    assert conflict.status_code == 409
    assert (
        conflict.json()["detail"]
        == "Deze jeugdige bestaat mogelijk al. Koppel met link_to, of bevestig met confirm_new."
    )
    assert conflict.json()["hidden_matches"] == 0
    assert [m["id"] for m in conflict.json()["matches"]] == [existing.pk]
    assert Youth.objects.count() == 3
    assert not Enrolment.objects.filter(school=school).exists()

    linked = client.post("/api/v1/youths/", data | {"link_to": existing.pk}, format="json")
    assert linked.status_code == 201, linked.content
    assert linked.json()["id"] == existing.pk
    assert linked.json()["categories"] == ["identity", "school", "leerplicht"]
    assert Youth.objects.count() == 3
    assert Enrolment.objects.get(school=school).youth == existing
    update = log_for(teacher.user, event="update", object_type="youth")
    assert [(e.channel, e.youth_id, e.ground, e.function_code) for e in update] == [
        ("api", existing.pk, "school", "leerkracht")
    ]


def test_link_to_a_youth_that_is_not_a_match_does_not_link(world):
    teacher = professional("leerkracht", organisation=SchoolFactory())
    existing = YouthFactory(bsn="111222333", date_of_birth=date(2016, 3, 4))
    data = registration(bsn="111222333", enrol_at_own_school=True, start="2025-08-25", link_to=world.other.pk)
    response = token_client(teacher.user).post("/api/v1/youths/", data, format="json")
    assert response.status_code == 409
    assert [m["id"] for m in response.json()["matches"]] == [existing.pk]
    assert not Enrolment.objects.filter(youth=world.other, school=teacher.organisation).exists()


def test_registering_a_new_youth_with_a_case(world):
    consulent = pro_at_work("jeugdconsulent")
    response = token_client(consulent.user).post(
        "/api/v1/youths/", registration(case_subject="Zorgen thuis"), format="json"
    )
    assert response.status_code == 201, response.content
    youth = Youth.objects.get(pk=response.json()["id"])
    case = Case.objects.get(youth=youth)
    assert case.casusregisseur == consulent
    assert response.json()["cases"] == [case.pk]
    created = log_for(consulent.user, event="create", object_type="youth")
    assert [(e.channel, e.youth_id, e.ground, e.function_code) for e in created] == [
        ("api", youth.pk, "case", "jeugdconsulent")
    ]


@pytest.mark.parametrize("bsn", ["123456789", "12345678A", "1234", "000000000"])
def test_an_invalid_bsn_answers_400_with_the_elfproef_message(world, bsn):
    consulent = pro_at_work("jeugdconsulent")
    response = token_client(consulent.user).post(
        "/api/v1/youths/", registration(bsn=bsn, case_subject="Zorgen"), format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"bsn": [BSN_MESSAGE]}
    assert Youth.objects.count() == 2


def test_an_invalid_bsn_on_change_answers_400(world):
    school = SchoolFactory()
    EnrolmentFactory(youth=world.youth, school=school)
    pro = professional("leerkracht", organisation=school)
    response = token_client(pro.user).patch(f"/api/v1/youths/{world.youth.pk}/", {"bsn": "123456789"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"bsn": [BSN_MESSAGE]}


@pytest.mark.parametrize("code", ["manager", "privacy_officer"])
def test_functions_without_casework_may_not_register(world, code):
    pro = pro_at_work(code)
    response = token_client(pro.user).post("/api/v1/youths/", registration(case_subject="Zorgen"), format="json")
    assert response.status_code == 403
    assert not Youth.objects.filter(first_name="Lotte").exists()


def test_a_user_without_a_profile_sees_nothing(world):
    user = UserFactory()
    client = token_client(user)
    assert client.get("/api/v1/youths/").json() == []
    assert results(client.get("/api/v1/cases/")) == []
    assert client.get(f"/api/v1/youths/{world.youth.pk}/").status_code == 404
    assert client.get("/api/v1/professionals/").status_code == 403


def test_a_close_name_match_the_user_cannot_see_is_only_counted_and_cannot_be_linked(world):
    hidden = YouthFactory(first_name="Noor", last_name="Visser", date_of_birth=date(2016, 3, 4), bsn="111222333")
    agent = professional("politie")
    client = token_client(agent.user)
    data = registration(first_name="X", last_name="Visser", case_subject="Zorgen")
    conflict = client.post("/api/v1/youths/", data, format="json")
    assert conflict.status_code == 409
    assert conflict.json()["matches"] == [] and conflict.json()["hidden_matches"] == 1
    assert "Noor" not in conflict.content.decode()
    refused = client.post("/api/v1/youths/", data | {"link_to": hidden.pk}, format="json")
    assert refused.status_code == 409  # link_to only accepts a match the user may link
    assert not policy.access_for(agent.user, hidden)
    created = client.post("/api/v1/youths/", data | {"confirm_new": True}, format="json")
    assert created.status_code == 201


def test_a_bsn_registered_with_another_birth_date_is_refused_on_the_bsn_field(world):
    YouthFactory(bsn="111222333", date_of_birth=date(2015, 5, 17))
    teacher = professional("leerkracht", organisation=SchoolFactory())
    data = registration(bsn="111222333", enrol_at_own_school=True, start="2025-08-25")
    response = token_client(teacher.user).post("/api/v1/youths/", data, format="json")
    assert response.status_code == 400
    assert response.json() == {"bsn": ["Dit BSN is al geregistreerd met een andere geboortedatum. Controleer beide."]}
