"""Helpers for the API tests: a token-authenticated client per user."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


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
