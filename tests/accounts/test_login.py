"""Logging in: password, a second factor (TOTP) that production requires, lockout after repeated
failures, idle sessions that expire, and headers that keep the browser honest."""

import pytest
from django.conf import settings
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import professional

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def pro():
    return professional("jeugdconsulent")


def login(client, username, password=PASSWORD):
    return client.post("/account/inloggen/", {"username": username, "password": password})


def test_login_with_the_right_password_lands_on_my_cases(client, pro):
    response = login(client, pro.user.username)
    assert response.status_code == 302
    assert client.get("/", follow=True).request["PATH_INFO"] == "/casussen/"


def test_a_wrong_password_gets_a_dutch_message(client, pro):
    response = login(client, pro.user.username, "fout")
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet." in response.text


def test_pages_need_a_login(client):
    response = client.get("/casussen/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


def test_lockout_after_repeated_failures(client, pro):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, pro.user.username, "fout")
    response = login(client, pro.user.username)  # even the right password is refused now
    assert response.status_code == 429
    assert "Account tijdelijk geblokkeerd" in response.text


@override_settings(OTP_REQUIRED=True, OTP_TOTP_THROTTLE_FACTOR=0)
def test_production_requires_a_second_factor_and_sets_one_up(client, pro):
    login(client, pro.user.username)
    response = client.get("/casussen/")
    assert response.status_code == 302 and response["Location"].startswith("/account/tweestapsverificatie/")
    setup = client.get("/account/tweestapsverificatie/", follow=True)
    assert "Tweestapsverificatie instellen" in setup.text
    assert 'src="data:image/svg+xml;base64,' in setup.text  # QR code rendered locally, no external service
    device = TOTPDevice.objects.get(user=pro.user, confirmed=False)
    wrong = client.post("/account/tweestapsverificatie/instellen/", {"token": "000000"})
    assert "Deze code klopt niet of is verlopen." in wrong.text
    token = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    client.post("/account/tweestapsverificatie/instellen/", {"token": token})
    assert client.get("/casussen/").status_code == 200


def test_a_user_with_a_second_factor_is_asked_for_it_even_where_optional(client, pro):
    device = TOTPDevice.objects.create(user=pro.user, name="app", confirmed=True)
    response = login(client, pro.user.username)
    assert response["Location"].startswith("/account/tweestapsverificatie/")
    assert client.get("/casussen/").status_code == 302
    token = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    client.post("/account/tweestapsverificatie/", {"token": token})
    assert client.get("/casussen/").status_code == 200


def test_sessions_expire_when_idle():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_security_headers_and_a_csp_without_inline_script(client, pro):
    client.force_login(pro.user)
    response = client.get("/casussen/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response.text  # no inline script at all


def test_production_settings_require_a_secret_key_and_secure_cookies(monkeypatch):
    import importlib

    import jeugdketen.settings as base

    monkeypatch.setenv("JEUGDKETEN_DEMO", "false")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("SECURE_COOKIES", raising=False)
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        importlib.reload(base)
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    reloaded = importlib.reload(base)
    assert reloaded.SESSION_COOKIE_SECURE and reloaded.CSRF_COOKIE_SECURE and reloaded.OTP_REQUIRED
    monkeypatch.setenv("JEUGDKETEN_DEMO", "true")
    importlib.reload(base)


@override_settings(OTP_REQUIRED=True)
def test_the_api_with_a_browser_session_also_needs_the_second_factor(client, pro):
    from rest_framework.authtoken.models import Token

    login(client, pro.user.username)
    assert client.get("/api/v1/youths/").status_code == 302
    token = Token.objects.create(user=pro.user)
    assert client.get("/api/v1/youths/", HTTP_AUTHORIZATION=f"Token {token.key}").status_code == 200


def test_english_browsers_get_the_dutch_page_marked_as_dutch(client, pro):
    client.force_login(pro.user)
    response = client.get("/casussen/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="nl"' in response.text
