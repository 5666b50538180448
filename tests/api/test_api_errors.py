"""Odd input gets a JSON answer with a documented status code, never a server error or an HTML
page. Regression tests for what schemathesis and probing by hand found: each fails on the app
bug named in its comment until that is fixed."""

from __future__ import annotations

import pytest

from jeugdketen.youth.models import Youth
from tests.factories import EnrolmentFactory, SchoolFactory, case_with, involve, professional

from .conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher():
    """A teacher at the school of a youth, and involved in the youth's case."""
    school = SchoolFactory()
    youth = EnrolmentFactory(school=school).youth
    pro = professional("leerkracht", organisation=school)
    involve(case_with(youth, professional("jeugdconsulent"), "jeugdconsulent"), pro, "leerkracht")
    return pro


def assert_json_answer(response, *statuses):
    assert response.status_code in statuses, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json", response["Content-Type"]


@pytest.mark.parametrize(
    "url",
    [
        # Bug: DefaultRouter's format-suffix routes pass format="json" to retrieve()/list(),
        # which do not take it (TypeError, 500).
        "/api/v1/youths/1.json",
        "/api/v1/youths.json",
        "/api/v1/cases/1.json",
        "/api/v1/cases.json",
        "/api/v1/journal-entries.json?case=1",
    ],
)
def test_format_suffix_urls_do_not_crash(teacher, url):
    response = token_client(teacher.user).get(url)
    assert response.status_code != 500
    assert_json_answer(response, 200, 404)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/youths/a.b/",  # the router's id pattern [^/.]+ does not match: Django's own 404
        "/api/v1/cases/%C2%93.R/",
        "/api/v1/involvements/1.5/end/",
        "/api/v1/does-not-exist/",
    ],
)
def test_a_404_under_api_is_json(teacher, url):
    assert_json_answer(token_client(teacher.user).get(url), 404)


@pytest.mark.parametrize(
    "params",
    [
        {"organisation": "²"},  # str.isdigit() says yes, int() says no
        {"organisation": "99999999999999999999"},  # beyond SQLite's INTEGER
        {"q": "a\x00b"},  # PostgreSQL refuses NUL in text
        {"function": "leerkracht\x00"},
    ],
    ids=["superscript-digit", "huge-organisation", "nul-in-q", "nul-in-function"],
)
def test_professional_search_with_odd_parameters(teacher, params):
    response = token_client(teacher.user).get("/api/v1/professionals/", params)
    assert_json_answer(response, 200, 400)


@pytest.mark.parametrize("url", ["/api/v1/youths/", "/api/v1/organisations/"])
def test_search_with_a_nul_character(teacher, url):
    assert_json_answer(token_client(teacher.user).get(url, {"q": "Kind\x00"}), 200, 400)


@pytest.mark.parametrize(
    ("url", "data"),
    [
        (
            "/api/v1/youths/",
            {"first_name": "A", "last_name": "B", "date_of_birth": "2016-01-01", "municipality": "01\x0048"},
        ),
        ("/api/v1/cases/", {"youth": 1, "subject": "Zorgen", "function": "leerkracht\x00"}),
        ("/api/v1/involvements/", {"case": 1, "professional": 1, "function": "leerkracht\x00"}),
    ],
    ids=["youth-municipality", "case-function", "involvement-function"],
)
def test_a_nul_character_in_a_code_field_is_invalid_input(teacher, url, data):
    response = token_client(teacher.user).post(url, data, format="json")
    assert_json_answer(response, 400)
    assert next(k for k, v in data.items() if "\x00" in str(v)) in response.json()


@pytest.mark.parametrize(
    "url", ["/api/v1/cases/", "/api/v1/organisations/", "/api/v1/professionals/", "/api/v1/access-log/"]
)
def test_a_huge_limit_does_not_reach_the_database(teacher, url):
    """LimitOffsetPagination has no max_limit: LIMIT 162775911595539922944 fails in the database
    (SQLite "datatype mismatch", PostgreSQL bigint out of range)."""
    params = {"limit": "162775911595539922944"}
    user = teacher.user
    if url == "/api/v1/access-log/":
        user = professional("privacy_officer").user
        params["youth"] = Youth.objects.get().pk
    response = token_client(user).get(url, params)
    assert_json_answer(response, 200, 400)
