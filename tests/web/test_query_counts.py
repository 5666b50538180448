"""List pages cost the same number of queries for 5 and for 50 items (no N+1). The counts are
pinned: a change that adds a query per row fails here."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EnrolmentFactory, YouthFactory, case_with, involve, journal, parent_of, professional

pytestmark = pytest.mark.django_db

MY_CASES_QUERIES = 9  # session, user, professional + functions, involvements, log insert, session save
DOSSIER_QUERIES = 19  # incl. an open help request at the toegang?, the readable onderzoeken, consent decisions


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("n", [5, 50])
def test_my_cases(client, n):
    consulent = professional("jeugdconsulent")
    teacher = professional("leerkracht")
    for _ in range(n):
        case = case_with(YouthFactory(), consulent, "jeugdconsulent")
        involve(case, teacher, "leerkracht")
    client.force_login(consulent.user)
    assert count(client, "/casussen/") == MY_CASES_QUERIES


@pytest.mark.parametrize("n", [5, 50])
def test_youth_dossier(client, n):
    consulent = professional("jeugdconsulent")
    youth = YouthFactory()
    EnrolmentFactory(youth=youth)
    for _ in range(min(n, 10)):
        parent_of(youth)
    cases = [case_with(youth, consulent, "jeugdconsulent") for _ in range(max(1, n // 10))]
    for i in range(n):
        case = cases[i % len(cases)]
        involve(case, professional("leerkracht"), "leerkracht")
        journal(case, consulent, "jeugdconsulent", "youthcare")
    client.force_login(consulent.user)
    assert count(client, f"/jeugdigen/{youth.pk}/") == DOSSIER_QUERIES


CASE_PAGE_QUERIES = 18  # the case with its youth and regisseur, the policy, involvements, journal, forms, log


@pytest.mark.parametrize("n", [5, 50])
def test_case_page(client, n):
    consulent = professional("jeugdconsulent")
    case = case_with(YouthFactory(), consulent, "jeugdconsulent")
    for _ in range(n):
        involve(case, professional("leerkracht"), "leerkracht")
        journal(case, consulent, "jeugdconsulent", "youthcare")
    client.force_login(consulent.user)
    assert count(client, f"/casussen/{case.pk}/") == CASE_PAGE_QUERIES
