"""Helpers for the API tests: a token-authenticated client per user, and the reference data put
back after a ``transactional_db`` test (the schemathesis run) has flushed the database."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

_db_blocker = None


@pytest.fixture(scope="session", autouse=True)
def _keep_db_blocker(django_db_blocker):
    global _db_blocker
    _db_blocker = django_db_blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # transactional_db has flushed the database by now: restore the reference data that the
    # session fixture in tests/conftest.py loaded once for the whole suite. (After the last test
    # the test database itself is gone.)
    if nextitem is not None and "transactional_db" in getattr(item, "fixturenames", ()) and _db_blocker is not None:
        from jeugdketen.organisations.services import load_reference_data

        with _db_blocker.unblock():
            load_reference_data()
    return result


def token_client(user) -> APIClient:
    """An API client that sends ``Authorization: Token <key>`` for ``user``."""
    token, _ = Token.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def api_as():
    """``api_as(user)``: a token-authenticated API client for that user."""
    return token_client


@pytest.fixture
def anonymous():
    return APIClient()
