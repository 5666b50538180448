"""Logging in through the municipality's identity provider (OpenID Connect, mozilla-django-oidc).

Only people who already have an account log in this way: the identity provider's e-mail claim is
matched (case-insensitive) to one active user; nobody is created from a login. The provider is
trusted for the second factor (``OIDC_PROVIDER_HAS_MFA``): such a session is not asked for the
app's own TOTP code. Switched on when ``OIDC_RP_CLIENT_ID`` is set (see README, configuration)."""

from __future__ import annotations

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

BACKEND_PATH = "jeugdketen.accounts.oidc.Backend"


def enabled() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


class Backend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email or not claims.get("email_verified", True):
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims):  # accounts are provisioned by the municipality, not by a login
        return None

    def verify_claims(self, claims):
        return bool(claims.get("email"))


def session_uses_oidc(request) -> bool:
    from django.contrib.auth import BACKEND_SESSION_KEY

    return request.session.get(BACKEND_SESSION_KEY) == BACKEND_PATH
