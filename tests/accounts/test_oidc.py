"""Logging in through the municipality's identity provider (OpenID Connect): existing accounts only,
matched on the e-mail claim; the provider's second factor is trusted."""

from unittest import mock

import pytest
from django.test import RequestFactory, override_settings

import jeugdketen.urls  # noqa: F401  (imported with the real settings, before any override below)
from jeugdketen.accounts.oidc import BACKEND_PATH, Backend
from tests.factories import UserFactory, professional

pytestmark = pytest.mark.django_db

OIDC = {
    "OIDC_RP_CLIENT_ID": "jeugdketen",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.gemeente.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.gemeente.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.gemeente.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.gemeente.example/jwks",
    "ROOT_URLCONF": "tests.accounts.oidc_urls",
    "AUTHENTICATION_BACKENDS": [
        "axes.backends.AxesStandaloneBackend",
        BACKEND_PATH,
        "django.contrib.auth.backends.ModelBackend",
    ],
}


def login_with_claims(claims: dict):
    """Run the backend's authenticate() with the provider's answers stubbed (no network)."""
    request = RequestFactory().get("/oidc/callback/", {"code": "abc", "state": "xyz"})
    request.session = {"oidc_states": {"xyz": {"nonce": "n", "code_verifier": None, "added_on": 0}}}
    backend = Backend()
    with (
        mock.patch.object(Backend, "get_token", return_value={"id_token": "id", "access_token": "at"}),
        mock.patch.object(Backend, "verify_token", return_value={"sub": "1", **claims}),
        mock.patch.object(Backend, "get_userinfo", return_value=claims),
    ):
        return backend.authenticate(request, nonce="n", code_verifier=None)


@override_settings(**OIDC)
def test_an_existing_account_logs_in_by_its_e_mail():
    user = UserFactory(email="Anouk.Wolters@Dalfsen.example")
    assert login_with_claims({"email": "anouk.wolters@dalfsen.example", "email_verified": True}) == user


@override_settings(**OIDC)
def test_nobody_is_created_and_unverified_or_inactive_accounts_are_refused():
    from django.contrib.auth import get_user_model

    before = get_user_model().objects.count()
    assert login_with_claims({"email": "onbekend@example.nl"}) is None
    UserFactory(email="niet-geverifieerd@example.nl")
    assert login_with_claims({"email": "niet-geverifieerd@example.nl", "email_verified": False}) is None
    UserFactory(email="uit-dienst@example.nl", is_active=False)
    assert login_with_claims({"email": "uit-dienst@example.nl"}) is None
    assert get_user_model().objects.count() == before + 2


@override_settings(**OIDC)
def test_the_login_page_offers_the_identity_provider(client):
    page = client.get("/account/inloggen/").content.decode()
    assert "Inloggen via het inlogsysteem van de gemeente" in page and 'href="/oidc/authenticate/"' in page


def test_without_configuration_there_is_no_oidc_login(client):
    page = client.get("/account/inloggen/").content.decode()
    assert "/oidc/" not in page and client.get("/oidc/authenticate/").status_code == 404


@override_settings(**OIDC, OTP_REQUIRED=True)
def test_the_providers_second_factor_is_trusted_the_password_login_is_not(client):
    pro = professional("jeugdconsulent")
    client.force_login(pro.user, backend=BACKEND_PATH)
    assert client.get("/casussen/").status_code == 200
    client.logout()
    client.force_login(pro.user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/casussen/").status_code == 302  # to the second factor
    with override_settings(OIDC_PROVIDER_HAS_MFA=False):
        client.force_login(pro.user, backend=BACKEND_PATH)
        assert client.get("/casussen/").status_code == 302
