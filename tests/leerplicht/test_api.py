"""Leerplicht in the API: the same services, selectors and rules as the pages. The school's IB'er
delivers absence and enrolments for the own school as rows with the files' columns (all or
nothing, the Dutch report by line and column, the same rows twice stored once) and sends the
melding; a teacher reads but does not deliver; the consulent leerplicht of the youth's municipality
reads the melding once it is sent; everyone else gets 404 (logged as refused) or 401. Every read
and change is in the access log with channel "api", and the lists cost the same queries for 1 or
10 meldingen."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.leerplicht import services
from jeugdketen.leerplicht.models import Absence, Delivery, Melding
from jeugdketen.youth.models import Enrolment, Youth
from tests.api.conftest import token_client
from tests.factories import MunicipalityFactory, OrganisationFactory, SchoolFactory, YouthFactory, professional

from .conftest import TODAY, bsn, pupil

pytestmark = pytest.mark.django_db

API = "/api/v1/leerplicht"
SCHOOL = f"{API}/school/"
ABSENCE = f"{API}/school/absence/"
ENROLMENTS = f"{API}/school/enrolments/"
CONSULENT = f"{API}/consulent/"
NOT_FOUND = {"detail": "Niet gevonden."}
ONLY_IB = {"detail": "Verzuim aanleveren en melden doen de intern begeleider en de schoolleider."}
# Pinned: token and user; the professional and its functions; the two lists of meldingen, the
# deliveries and the leave requests; the access log's insert.
SCHOOL_QUERIES = 8
# Pinned: token and user; the professional, its functions and municipality; the meldingen received,
# absolute verzuim, the deliveries, the open cases and the leave requests; the access log's insert.
CONSULENT_QUERIES = 10


def melding_url(melding, action: str = "") -> str:
    return f"{API}/meldingen/{melding.pk}/" + (f"{action}/" if action else "")


def absence_rows(n: int, days=(9, 10, 11, 12), kind="ongeoorloofd", hours="4") -> list[dict]:
    """Pupil n absent on these days of November 2026: four days of 4 hours make a melding."""
    return [{"bsn": bsn(n), "datum": f"{d:02d}-11-2026", "soort": kind, "lesuren": hours} for d in days]


def deliver(ib, n: int) -> Melding:
    """Pupil n's absence delivered by the school (as a file), found as a melding."""
    data = "\n".join(["bsn;datum;soort;lesuren", *(";".join(r.values()) for r in absence_rows(n))]).encode()
    services.absence_import(actor=ib.user, data=data, access_point=CLI, today=TODAY)
    return Melding.objects.get(youth__bsn=bsn(n))


def send(ib, melding) -> Melding:
    return services.melding_send(actor=ib.user, melding=melding, note="Ouders gebeld.", access_point=CLI)


def log_of(user, **filters) -> list[AccessLogEntry]:
    return list(AccessLogEntry.objects.filter(user=user, **filters).order_by("pk"))


class People:
    """The six who ask: the IB'er and a teacher of the pupil's school, the IB'er of another school,
    the consulent leerplicht of the youth's municipality (Dalfsen), one of another municipality,
    and no one."""

    def __init__(self, school, ib, consulent):
        self.school, self.ib, self.consulent = school, ib, consulent
        self.teacher = professional("leerkracht", organisation=school)
        self.other_school = SchoolFactory(name="CBS De Zandloper")
        self.other_ib = professional("intern_begeleider", organisation=self.other_school)
        zwolle = MunicipalityFactory(cbs_code="0193", name="Zwolle")
        self.consulent_elsewhere = professional(
            "leerplicht", organisation=OrganisationFactory(name="Gemeente Zwolle", kind="gemeente", municipality=zwolle)
        )

    def client(self, who: str) -> APIClient:
        return APIClient() if who == "anonymous" else token_client(getattr(self, who).user)


@pytest.fixture
def people(school, ib, consulent) -> People:
    return People(school, ib, consulent)


WHO = ["ib", "teacher", "other_ib", "consulent", "consulent_elsewhere", "anonymous"]


# --- the permission matrix -------------------------------------------------------------------------------

# (method, endpoint, melding sent first?) -> status per asker, in the order of WHO.
MATRIX = {
    ("get", "school", False): [200, 200, 200, 404, 404, 401],
    ("post", "absence", False): [201, 403, 400, 404, 404, 401],
    ("post", "enrolments", False): [201, 403, 201, 404, 404, 401],
    ("get", "consulent", False): [404, 404, 404, 200, 200, 401],
    ("get", "melding", False): [200, 200, 404, 404, 404, 401],
    ("get", "melding", True): [200, 200, 404, 200, 404, 401],
    ("post", "send", False): [200, 403, 404, 404, 404, 401],
}


def request(people, who: str, method: str, endpoint: str, melding):
    client = people.client(who)
    if endpoint == "absence":
        return client.post(ABSENCE, {"rows": absence_rows(2)}, format="json")
    if endpoint == "enrolments":
        row = {"bsn": bsn(7), "ingeschreven_vanaf": "20-08-2026", "achternaam": "Vries", "voornaam": "Sem",
               "geboortedatum": "12-03-2016", "gemeentecode": "0148"}  # fmt: skip
        return client.post(ENROLMENTS, {"rows": [row]}, format="json")
    url = {
        "school": SCHOOL,
        "consulent": CONSULENT,
        "melding": melding_url(melding),
        "send": melding_url(melding, "send"),
    }
    return getattr(client, method)(url[endpoint], {}, format="json")


@pytest.mark.parametrize(("method", "endpoint", "sent"), list(MATRIX))
@pytest.mark.parametrize("who", WHO)
def test_who_may_do_what(people, method, endpoint, sent, who):
    pupil(people.school, 1)
    pupil(people.school, 2)
    melding = deliver(people.ib, 1)
    if sent:
        send(people.ib, melding)
    before = {"absence": Absence.objects.count(), "meldingen": Melding.objects.filter(status="gemeld").count()}
    entries = AccessLogEntry.objects.count()

    response = request(people, who, method, endpoint, melding)

    expected = MATRIX[(method, endpoint, sent)][WHO.index(who)]
    assert response.status_code == expected, response.content
    if expected == 401:
        assert AccessLogEntry.objects.count() == entries
    if expected == 403:
        assert response.json() == ONLY_IB
    if expected == 404:
        assert response.json() == NOT_FOUND
    if expected >= 400:  # nothing stored, nothing sent
        assert Absence.objects.count() == before["absence"]
        assert Melding.objects.filter(status="gemeld").count() == before["meldingen"]
    if endpoint in ("melding", "send") and expected == 404:
        [refused] = log_of(getattr(people, who).user, event="refused")
        assert (refused.youth_id, refused.channel, refused.object_type) == (melding.youth_id, "api", "leerplicht")
    if endpoint == "melding" and expected == 200:
        [read] = log_of(getattr(people, who).user, event="read")
        assert (read.youth_id, read.channel, read.object_ids) == (melding.youth_id, "api", [f"melding:{melding.pk}"])
        assert read.categories == ["leerplicht"]


def test_a_missing_melding_answers_like_a_refused_one(people):
    pupil(people.school, 1)
    melding = deliver(people.ib, 1)
    client = token_client(people.other_ib.user)
    refused, missing = client.get(melding_url(melding)), client.get(f"{API}/meldingen/{melding.pk + 1000}/")
    assert (refused.status_code, refused.json()) == (missing.status_code, missing.json()) == (404, NOT_FOUND)
    assert client.get(f"{API}/meldingen/abc/").status_code == 404


# --- absence --------------------------------------------------------------------------------------------


def test_the_ib_delivers_absence_and_a_melding_is_found(people):
    youth = pupil(people.school, 1)
    response = token_client(people.ib.user).post(ABSENCE, {"rows": absence_rows(1)}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["kind"], body["filename"], body["delivered_by_name"]) == ("verzuim", "API", people.ib.name)
    assert (body["rows"], body["created"], body["updated"], body["unchanged"], body["findings"]) == (4, 4, 0, 0, 1)
    assert Absence.objects.filter(youth=youth, school=people.school).count() == 4
    melding = Melding.objects.get()
    assert (melding.youth, melding.kind, melding.status) == (youth, "relatief", "gevonden")
    logged = {(e.event, e.channel, e.ground, tuple(e.categories)) for e in log_of(people.ib.user, youth=youth)}
    assert logged == {("update", "api", "school", ("leerplicht",)), ("create", "api", "school", ("leerplicht",))}


def test_the_same_rows_twice_are_stored_once(people):
    pupil(people.school, 1)
    client = token_client(people.ib.user)
    first = client.post(ABSENCE, {"rows": absence_rows(1)}, format="json").json()
    again = client.post(ABSENCE, {"rows": list(reversed(absence_rows(1)))}, format="json")
    assert again.status_code == 201
    body = again.json()
    assert (body["created"], body["updated"], body["unchanged"], body["findings"]) == (0, 0, 4, 0)
    assert Absence.objects.count() == 4 and Melding.objects.count() == 1
    assert Delivery.objects.filter(kind="verzuim").count() == 2 and body["id"] != first["id"]
    # Another number of hours replaces the old one: the correction is a change, not a second row.
    changed = client.post(ABSENCE, {"rows": absence_rows(1, days=[12], hours="1")}, format="json").json()
    assert (changed["created"], changed["updated"]) == (0, 1)
    assert Absence.objects.count() == 4 and Melding.objects.get().status == "vervallen"


def test_a_refused_delivery_answers_the_dutch_report_and_stores_nothing(people):
    pupil(people.school, 1)
    rows = [
        *absence_rows(1, days=[9, 10]),
        {"bsn": bsn(1), "datum": "31-02-2026", "soort": "ongeoorloofd", "lesuren": "2"},  # regel 3
        {"bsn": bsn(999), "datum": "11-11-2026", "soort": "ziek", "lesuren": "2"},  # regel 4
        {"bsn": bsn(1), "datum": "11-11-2026", "soort": "spijbelen", "lesuren": "-2"},  # regel 5
        {"bsn": bsn(1), "datum": "14-11-2026", "soort": "ziek", "lesuren": 2},  # regel 6: a Saturday
        {"bsn": "", "datum": "12-11-2026", "soort": "ziek", "lesuren": "1"},  # regel 7
    ]
    response = token_client(people.ib.user).post(ABSENCE, {"rows": rows}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "rows": [
            "Regel 3, kolom 'datum': '31-02-2026' is geen geldige datum (gebruik dd-mm-jjjj).",
            "Regel 5, kolom 'soort': 'spijbelen' is geen soort verzuim; kies uit: geoorloofd, ongeoorloofd, "
            "schorsing, te laat, telaat, verlof, ziek.",
            "Regel 5, kolom 'lesuren': het aantal lesuren kan niet negatief zijn (-2).",
            "Regel 7, kolom 'bsn': vul het BSN in.",
            f"Regel 4, kolom 'bsn': geen leerling van OBS De Vecht met BSN {bsn(999)}.",
            "Regel 6, kolom 'datum': zaterdag 14 november 2026 is geen schooldag (weekend, vakantie of vrije dag).",
        ]
    }
    assert not Absence.objects.exists() and not Delivery.objects.exists() and not Melding.objects.exists()
    assert not log_of(people.ib.user)


def test_another_schools_ib_cannot_deliver_for_our_pupils(people):
    pupil(people.school, 1)
    response = token_client(people.other_ib.user).post(ABSENCE, {"rows": absence_rows(1)[:1]}, format="json")
    assert response.status_code == 400
    assert response.json() == {"rows": [f"Regel 1, kolom 'bsn': geen leerling van CBS De Zandloper met BSN {bsn(1)}."]}
    assert not Absence.objects.exists()


@pytest.mark.parametrize(
    ("body", "answer"),
    [
        ({}, {"rows": ["Dit veld is vereist."]}),
        ({"rows": []}, {"rows": ["Er zijn geen regels met verzuim meegestuurd."]}),
        (
            {"rows": "bsn;datum"},
            {"rows": {"non_field_errors": ['Verwachtte een lijst met items, maar kreeg type "str".']}},
        ),
        (
            {"rows": [{"bsn": bsn(1), "soort": "ziek", "lesuren": "1"}]},
            {"rows": {"0": {"datum": ["Dit veld is vereist."]}}},
        ),
        (
            {"rows": [{"bsn": bsn(1), "datum": {"d": 1}, "soort": "ziek", "lesuren": "1"}]},
            {"rows": {"0": {"datum": ["Geef een tekst of een getal."]}}},
        ),
        (
            {"rows": [{"bsn": bsn(1), "datum": "10-11-2026", "soort": "ziek\x00", "lesuren": "1"}]},
            {"rows": {"0": {"soort": ["Null-tekens zijn niet toegestaan."]}}},
        ),
    ],
    ids=["no-rows", "empty", "not-a-list", "missing-column", "not-text", "nul"],
)
def test_malformed_input_answers_400_naming_the_field(people, body, answer):
    pupil(people.school, 1)
    response = token_client(people.ib.user).post(ABSENCE, body, format="json")
    assert (response.status_code, response.json()) == (400, answer)
    assert not Delivery.objects.exists()


# --- enrolments -----------------------------------------------------------------------------------------

NEW_PUPIL = {
    "bsn": bsn(7), "ingeschreven_vanaf": "20-08-2026", "achternaam": "Vries", "voorvoegsel": "de", "voornaam": "Sem",
    "geboortedatum": "12-03-2016", "gemeentecode": "0148", "groep": 'groep "5;a"',
}  # fmt: skip


def test_the_ib_delivers_enrolments_once(people):
    client = token_client(people.ib.user)
    response = client.post(ENROLMENTS, {"rows": [NEW_PUPIL]}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["kind"], body["filename"], body["rows"], body["created"]) == ("inschrijving", "API", 1, 1)
    enrolment = Enrolment.objects.get(school=people.school)
    assert (enrolment.youth.full_name, enrolment.youth.bsn, enrolment.start) == (
        "Sem de Vries",
        bsn(7),
        date(2026, 8, 20),
    )
    assert enrolment.group == 'groep "5;a"'  # a quote and a semicolon come through whole
    [entry] = log_of(people.ib.user)
    assert (entry.event, entry.channel, entry.youth_id, entry.categories) == (
        "update",
        "api",
        enrolment.youth_id,
        ["identity"],
    )
    # Again: nothing changes; an end date is an update of the same enrolment.
    again = client.post(ENROLMENTS, {"rows": [NEW_PUPIL]}, format="json").json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 1)
    ended = client.post(ENROLMENTS, {"rows": [{**NEW_PUPIL, "uitgeschreven_per": "01-11-2026"}]}, format="json")
    assert (ended.json()["created"], ended.json()["updated"]) == (0, 1)
    assert Enrolment.objects.get().end == date(2026, 11, 1) and Youth.objects.count() == 1


def test_another_schools_ib_enrols_at_the_own_school(people):
    response = token_client(people.other_ib.user).post(ENROLMENTS, {"rows": [NEW_PUPIL]}, format="json")
    assert response.status_code == 201
    assert Enrolment.objects.get().school == people.other_school


def test_refused_enrolments_answer_the_report_and_store_nothing(people):
    known = pupil(people.school, 1)
    rows = [
        {"bsn": bsn(8), "ingeschreven_vanaf": "20-08-2026", "voornaam": "Lot"},  # regel 1: new, without a name
        {"bsn": bsn(1), "ingeschreven_vanaf": "20-08-2026", "geboortedatum": "01-01-2010"},  # regel 2
        {**NEW_PUPIL, "ingeschreven_vanaf": "31-13-2026"},  # regel 3 (item 1 is regel 1, as for absence)
    ]
    response = token_client(people.ib.user).post(ENROLMENTS, {"rows": rows}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "rows": [
            "Regel 3, kolom 'ingeschreven_vanaf': '31-13-2026' is geen geldige datum (gebruik dd-mm-jjjj).",
            "Regel 1, kolom 'achternaam': de leerling is nog niet bekend: vul ook dit veld in.",
            "Regel 1, kolom 'geboortedatum': de leerling is nog niet bekend: vul ook dit veld in.",
            "Regel 1, kolom 'gemeentecode': de leerling is nog niet bekend: vul ook dit veld in.",
            "Regel 2, kolom 'geboortedatum': dit BSN hoort bij een jeugdige met een andere geboortedatum.",
        ]
    }
    assert list(Youth.objects.all()) == [known] and Enrolment.objects.count() == 1
    assert not Delivery.objects.exists()


@pytest.mark.parametrize(
    ("rows", "answer"),
    [
        ([], {"rows": {"non_field_errors": ["Er zijn geen inschrijvingen meegestuurd."]}}),
        ([{"ingeschreven_vanaf": "20-08-2026"}], {"rows": {"0": {"bsn": ["Dit veld is vereist."]}}}),
        (
            [{**NEW_PUPIL, "achternaam": "de\nVries"}],
            {"rows": {"0": {"achternaam": ["Een waarde mag geen regeleinde bevatten."]}}},
        ),
        (
            [{**NEW_PUPIL, "voornaam": "S" * 101}],
            {"rows": {"0": {"voornaam": ["Zorg ervoor dat dit veld niet meer dan 100 karakters bevat."]}}},
        ),
    ],
    ids=["empty", "missing-bsn", "line-break", "too-long"],
)
def test_malformed_enrolments_answer_400_naming_the_field(people, rows, answer):
    response = token_client(people.ib.user).post(ENROLMENTS, {"rows": rows}, format="json")
    assert (response.status_code, response.json()) == (400, answer)
    assert not Delivery.objects.exists() and not Youth.objects.exists()


# --- the school's and the consulent's lists ---------------------------------------------------------------


def test_the_school_lists_its_meldingen_and_deliveries(people):
    youth = pupil(people.school, 1)
    melding = deliver(people.ib, 1)
    response = token_client(people.teacher.user).get(SCHOOL)
    assert response.status_code == 200
    body = response.json()
    [row] = body["to_send"]
    assert (row["id"], row["youth"], row["youth_name"], row["kind"], row["hours"]) == (
        melding.pk, youth.pk, youth.full_name, "relatief", "16.00"
    )  # fmt: skip
    assert (row["due_on"], row["overdue"], row["sent_at"]) == ("2026-11-19", True, None)
    assert body["sent"] == body["leave"] == [] and (body["more_to_send"], body["more_sent"]) == (False, False)
    assert [(d["kind"], d["rows"], d["findings"]) for d in body["deliveries"]] == [("verzuim", 4, 1)]
    assert body["can_deliver"] is False  # a teacher reads; the IB'er delivers
    assert token_client(people.ib.user).get(SCHOOL).json()["can_deliver"] is True
    [entry] = log_of(people.teacher.user)
    assert (entry.event, entry.channel, entry.youth_id, entry.object_ids) == (
        "list", "api", youth.pk, [f"melding:{melding.pk}"]
    )  # fmt: skip
    # The IB'er of another school sees only the own school's (nothing).
    other = token_client(people.other_ib.user).get(SCHOOL).json()
    assert (other["to_send"], other["sent"], other["deliveries"]) == ([], [], [])


def test_the_consulent_receives_the_sent_melding_and_sees_absolute_verzuim(people):
    youth = pupil(people.school, 1)
    melding = deliver(people.ib, 1)
    at_home = YouthFactory(first_name="Daan", date_of_birth=date(2016, 5, 1))  # enrolled nowhere
    client = token_client(people.consulent.user)
    assert client.get(CONSULENT).json()["received"] == []  # the school has not sent it yet
    send(people.ib, melding)
    body = client.get(CONSULENT).json()
    [row] = body["received"]
    assert (row["id"], row["youth"], row["school_name"], row["status"]) == (
        melding.pk,
        youth.pk,
        "OBS De Vecht",
        "gemeld",
    )
    [absolute] = body["absolute"]
    assert (absolute["youth"], absolute["youth_name"], absolute["duty"]) == (at_home.pk, "Daan Jansen", "leerplichtig")
    assert body["coming"] == body["cases"] == body["leave"] == []
    assert not any(body[f"more_{part}"] for part in ("received", "absolute", "coming", "cases", "leave"))
    listed = log_of(people.consulent.user, event="list")
    assert {(e.youth_id, e.object_ids[0], e.channel) for e in listed[-2:]} == {
        (youth.pk, f"melding:{melding.pk}", "api"),
        (at_home.pk, "absoluut-verzuim", "api"),
    }
    # A consulent elsewhere sees the own municipality's: nothing of Dalfsen.
    elsewhere = token_client(people.consulent_elsewhere.user).get(CONSULENT).json()
    assert (elsewhere["received"], elsewhere["absolute"]) == ([], [])


def test_the_melding_in_detail(people):
    youth = pupil(people.school, 1)
    melding = deliver(people.ib, 1)
    body = token_client(people.ib.user).get(melding_url(melding)).json()
    assert (body["youth_name"], body["youth_date_of_birth"], body["school_name"]) == (
        youth.full_name, "2014-03-10", "OBS De Vecht"
    )  # fmt: skip
    assert body["can_send"] is True
    assert [(a["day"], a["kind"], a["hours"]) for a in body["absences"]] == [
        (f"2026-11-{d:02d}", "ongeoorloofd", "4.00") for d in (9, 10, 11, 12)
    ]
    assert token_client(people.teacher.user).get(melding_url(melding)).json()["can_send"] is False


# --- sending a melding ----------------------------------------------------------------------------------


def test_the_ib_sends_the_melding_once_with_a_note(people):
    youth = pupil(people.school, 1)
    melding = deliver(people.ib, 1)
    client = token_client(people.ib.user)
    response = client.post(melding_url(melding, "send"), {"note": " Ouders gebeld op 13 november. "}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["school_note"], body["sent_by_name"]) == (
        "gemeld",
        "Ouders gebeld op 13 november.",
        people.ib.name,
    )
    melding.refresh_from_db()
    assert (melding.status, melding.sent_by) == ("gemeld", people.ib)
    [changed] = log_of(people.ib.user, event="update", youth=youth, channel="api")
    assert (changed.channel, changed.object_ids, changed.description) == (
        "api",
        [f"melding:{melding.pk}"],
        "Verzuimmelding verstuurd",
    )
    again = client.post(melding_url(melding, "send"), {}, format="json")
    assert (again.status_code, again.json()) == (400, {"status": ["Deze melding is al gemeld."]})


def test_a_note_too_long_names_the_field_and_sends_nothing(people):
    pupil(people.school, 1)
    melding = deliver(people.ib, 1)
    response = token_client(people.ib.user).post(melding_url(melding, "send"), {"note": "x" * 5001}, format="json")
    assert (response.status_code, response.json()) == (
        400, {"note": ["Zorg ervoor dat dit veld niet meer dan 5000 karakters bevat."]}
    )  # fmt: skip
    assert Melding.objects.get().status == "gevonden"


# --- a fixed number of queries -------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 10])
def test_the_school_list_costs_the_same_queries_for_1_or_10_meldingen(people, n, django_assert_num_queries):
    for i in range(n):
        pupil(people.school, 100 + i)
        deliver(people.ib, 100 + i)
    client = token_client(people.ib.user)
    with django_assert_num_queries(SCHOOL_QUERIES):
        response = client.get(SCHOOL)
    assert len(response.json()["to_send"]) == n


@pytest.mark.parametrize("n", [1, 10])
def test_the_consulent_list_costs_the_same_queries_for_1_or_10_meldingen(people, n, django_assert_num_queries):
    for i in range(n):
        pupil(people.school, 100 + i)
        send(people.ib, deliver(people.ib, 100 + i))
        YouthFactory(date_of_birth=date(2016, 5, 1))  # absolute verzuim
    client = token_client(people.consulent.user)
    with django_assert_num_queries(CONSULENT_QUERIES):
        response = client.get(CONSULENT)
    assert (len(response.json()["received"]), len(response.json()["absolute"])) == (n, n)


def test_an_mazl_melding_is_sent_to_the_jeugdarts_through_the_api(ib, school):
    from rest_framework.test import APIClient

    from jeugdketen.auditlog.services import CLI
    from jeugdketen.leerplicht import services as lp_services
    from tests.factories import OrganisationFactory, professional
    from tests.leerplicht.conftest import TODAY, pupil

    doctor = professional("jeugdarts", organisation=OrganisationFactory(name="GGD IJsselland", kind="ggd"))
    youth = pupil(school, 7)
    rows = [
        {"bsn": youth.bsn, "datum": f"{d:02d}-11-2026", "soort": "ziek", "lesuren": "5"}
        for d in (9, 10, 11, 12, 13, 16, 17)
    ]
    lp_services.absence_rows_import(actor=ib.user, rows=rows, access_point=CLI, today=TODAY)
    melding = Melding.objects.get(kind=Melding.Kind.MAZL_LONG)
    api = APIClient()
    api.force_authenticate(ib.user)
    url = f"/api/v1/leerplicht/meldingen/{melding.pk}/send/"
    refused = api.post(url, {"note": "Ouders weten ervan."}, format="json")
    assert refused.status_code == 400 and "jeugdarts" in refused.json()
    assert api.post(url, {"jeugdarts": doctor.pk}, format="json").status_code == 200
    melding.refresh_from_db()
    assert melding.jeugdarts == doctor and melding.status == Melding.Status.SENT


# --- the casework ----------------------------------------------------------------------------------


def api_as(pro) -> APIClient:
    client = APIClient()
    client.force_authenticate(pro.user)
    return client


def test_the_consulent_takes_up_a_melding_and_works_the_case_through_the_api(ib, school, consulent):
    pupil(school, 1)
    melding = send(ib, deliver(ib, 1))
    Youth.objects.filter(pk=melding.youth_id).update(date_of_birth=date(2012, 3, 10))  # 14: Halt can
    api = api_as(consulent)
    response = api.post(melding_url(melding, "take-up"))
    assert response.status_code == 201
    case_url = f"{API}/zaken/{response.json()['id']}/"
    assert response.json()["reference"].startswith("LP-")
    assert api.post(melding_url(melding, "take-up")).status_code == 400  # taken up already

    step = api.post(f"{case_url}steps/", {"kind": "gesprek", "title": "Gesprek", "text": "x"}, format="json")
    assert step.status_code == 400 and "with_whom" in step.json()
    step = api.post(
        f"{case_url}steps/",
        {"kind": "gesprek", "title": "Gesprek", "text": "Met moeder.", "with_whom": "jeugdige en moeder"},
        format="json",
    )
    assert step.status_code == 201 and step.json()["kind"] == "gesprek"
    assert api.post(f"{case_url}steps/", {"kind": "waarschuwing", "title": "x"}, format="json").status_code == 400

    detail = api.get(case_url).json()
    assert detail["halt"]["eligible"] and detail["halt"]["parents_must_consent"]
    assert [s["kind"] for s in detail["steps"]][:1] == ["gesprek"] and len(detail["meldingen"]) == 1
    refused = api.post(f"{case_url}halt/", {"youth_consents": True}, format="json")
    assert refused.status_code == 400 and "parents_consent" in refused.json()
    referred = api.post(f"{case_url}halt/", {"youth_consents": True, "parents_consent": True}, format="json")
    assert referred.status_code == 200 and referred.json()["route"] == "halt"
    assert api.post(f"{case_url}close/", {"outcome": "Klaar."}, format="json").status_code == 400  # Halt runs


def test_only_the_consulent_holding_the_case_reaches_it_through_the_api(ib, school, consulent):
    pupil(school, 1)
    melding = send(ib, deliver(ib, 1))
    case = services.case_take_up(actor=consulent.user, melding=melding, access_point=CLI)
    case_url = f"{API}/zaken/{case.pk}/"
    elsewhere = professional(
        "leerplicht",
        organisation=OrganisationFactory(
            kind="gemeente", municipality=MunicipalityFactory(cbs_code="0193", name="Zwolle")
        ),
    )
    for who in (ib, elsewhere):
        api = api_as(who)
        assert api.get(case_url).json() == NOT_FOUND
        assert api.post(f"{case_url}close/", {"outcome": "x"}, format="json").status_code == 404
    assert APIClient().get(case_url).status_code in (401, 403)
    closed = api_as(consulent).post(f"{case_url}close/", {"outcome": "Weer naar school."}, format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "gesloten"
    assert AccessLogEntry.objects.filter(youth=case.youth, user=elsewhere.user, event="refused").exists()


REMOVE = f"{API}/school/absence/remove/"


def test_the_ib_removes_a_row_delivered_by_mistake(people):
    pupil(people.school, 1)
    melding = deliver(people.ib, 1)
    body = {"bsn": bsn(1), "datum": "2026-11-10", "soort": "ongeoorloofd", "reden": "Was op schoolreis."}
    # who may: the IB'er of the school; a teacher is told who does; the others do not find the row
    answers = {who: people.client(who).post(REMOVE, body, format="json").status_code for who in WHO[1:]}
    assert answers == {"teacher": 403, "other_ib": 404, "consulent": 404, "consulent_elsewhere": 404, "anonymous": 401}
    assert Absence.objects.count() == 4
    response = people.client("ib").post(REMOVE, body, format="json")
    assert (response.status_code, response.json()) == (200, {"findings": 0})
    melding.refresh_from_db()
    assert melding.status == "vervallen" and Absence.objects.count() == 3
    assert log_of(people.ib.user, event="delete")[0].reason == "Was op schoolreis."
    # the row is gone now; an unknown BSN and a missing reason
    assert people.client("ib").post(REMOVE, body, format="json").status_code == 404
    unknown = {**body, "bsn": bsn(7)}
    assert people.client("ib").post(REMOVE, unknown, format="json").status_code == 404
    response = people.client("ib").post(REMOVE, {**body, "reden": ""}, format="json")
    assert response.status_code == 400 and "reden" in response.json()
