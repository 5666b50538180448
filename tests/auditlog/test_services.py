"""Writing the log: ``log_access`` one entry, ``log_many`` several in one insert, each with its own
youth, grant, objects and categories — the same fields ``log_access`` writes."""

import pytest

from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.policy import Grant, professional_of
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_many, log_same
from tests.factories import YouthFactory, function, professional

pytestmark = pytest.mark.django_db
WEB = AccessPoint("web", "10.0.0.7")
FIELDS = ("event", "youth_id", "user_id", "user_name", "organisation_name", "function_code", "function_name",
          "ground", "ground_detail", "categories", "object_type", "object_ids", "description", "reason",
          "channel", "ip_address")  # fmt: skip


def row(entry):
    return tuple(getattr(entry, name) for name in FIELDS)


def test_log_many_writes_what_log_access_writes_in_one_insert(django_assert_num_queries):
    pro = professional("jeugdconsulent")
    noah, lisa = YouthFactory(), YouthFactory()
    grant = Grant(Category.PLAN, Ground.CASE_INVOLVEMENT, function("jeugdconsulent"), "2026-00001", True)
    entries = [
        {"user": pro.user, "youth": noah, "event": Event.READ, "grant": grant, "object_type": "meeting",
         "object_ids": ["meeting:1", "item:2"], "categories": [Category.PLAN, Category.IDENTITY],
         "access_point": WEB, "description": "MDO, casus 2026-00001"},
        {"user": pro.user, "youth": lisa.pk, "event": Event.READ, "grant": None, "object_type": "meeting",
         "object_ids": ["meeting:1", "item:3"], "access_point": WEB},
    ]  # fmt: skip
    professional_of(pro.user)  # (cached on the user, as in a request)
    with django_assert_num_queries(1):
        written = log_many(entries)
    assert len(written) == 2
    by_youth = {e.youth_id: e for e in AccessLogEntry.objects.filter(object_type="meeting")}
    assert (by_youth[noah.pk].categories, by_youth[noah.pk].function_code) == (["identity", "plan"], "jeugdconsulent")
    assert (by_youth[lisa.pk].ground, by_youth[lisa.pk].object_ids) == ("", ["meeting:1", "item:3"])
    single = [log_access(**entry) for entry in entries]
    assert [row(e) for e in single] == [row(by_youth[noah.pk]), row(by_youth[lisa.pk])]


def test_log_many_of_nothing_writes_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert log_many([]) == []


def test_a_long_log_many_writes_the_same_rows(monkeypatch):
    """From ``COPY_FROM`` entries at once PostgreSQL takes them by COPY (an absence import logs a
    school's pupils): the same rows as the INSERT, whatever the text holds."""
    pro = professional("intern_begeleider")
    youths = YouthFactory.create_batch(3)
    grant = Grant(Category.LEERPLICHT, Ground.SCHOOL_ENROLMENT, function("intern_begeleider"), "OBS De\tVecht", True)
    entries = [
        {"user": pro.user, "youth": youth, "event": Event.UPDATE, "grant": grant, "object_type": "leerplicht",
         "object_ids": [f"delivery:{n}", 'a "quoted" \\ id'], "categories": [Category.LEERPLICHT],
         "access_point": WEB, "description": f"Verzuim aangeleverd (regel\n{n}; Zoë's \\bestand\t.csv)"}
        for n, youth in enumerate(youths)
    ]  # fmt: skip
    monkeypatch.setattr("jeugdketen.auditlog.services.COPY_FROM", 1_000_000)
    log_many(entries)
    monkeypatch.setattr("jeugdketen.auditlog.services.COPY_FROM", 3)
    log_many(entries)
    logged = list(AccessLogEntry.objects.filter(object_type="leerplicht").order_by("id"))
    assert len(logged) == 6
    assert [row(e) for e in logged[:3]] == [row(e) for e in logged[3:]]
    assert logged[5].description == "Verzuim aangeleverd (regel\n2; Zoë's \\bestand\t.csv)"
    assert logged[5].ip_address == "10.0.0.7" and logged[5].timestamp >= logged[0].timestamp


def test_log_same_writes_what_log_access_writes_once_per_youth(django_assert_num_queries):
    pro = professional("intern_begeleider")
    youths = [YouthFactory() for _ in range(3)]
    grant = Grant(Category.LEERPLICHT, Ground.SCHOOL_ENROLMENT, function("intern_begeleider"), "OBS De Vecht", True)
    entry = {"user": pro.user, "event": Event.UPDATE, "grant": grant, "object_type": "leerplicht",
             "categories": [Category.LEERPLICHT], "access_point": WEB, "description": 'Verzuim "aangeleverd"'}  # fmt: skip
    expected = log_access(youth=youths[0], object_ids=["delivery:7"], **entry)
    professional_of(pro.user)
    with django_assert_num_queries(1):
        assert log_same([y.pk for y in youths], object_ids=["delivery:7"], **entry) == 3
    written = AccessLogEntry.objects.exclude(pk=expected.pk).order_by("youth_id")
    assert [row(e)[2:] for e in written] == [row(expected)[2:]] * 3
    assert [e.youth_id for e in written] == sorted(y.pk for y in youths)
    assert len({e.timestamp for e in written}) == 1


def test_log_same_with_an_object_per_youth():
    pro = professional("intern_begeleider")
    noah, lisa = YouthFactory(), YouthFactory()
    log_same([noah.pk, lisa.pk], objects=["melding:1", 'melding:"2"'], user=pro.user, event=Event.CREATE,
             grant=None, object_type="leerplicht", access_point=WEB)  # fmt: skip
    assert dict(AccessLogEntry.objects.values_list("youth_id", "object_ids")) == {
        noah.pk: ["melding:1"],
        lisa.pk: ['melding:"2"'],
    }
    assert log_same([], user=pro.user, event=Event.CREATE, grant=None, object_type="x", access_point=WEB) == 0
