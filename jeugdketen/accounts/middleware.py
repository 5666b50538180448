from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .oidc import session_uses_oidc

# Paths a logged-in but not yet second-factor-verified user may still reach.
EXEMPT_PREFIXES = ("/account/", "/static/", "/i18n/")


class RequireSecondFactorMiddleware:
    """When OTP_REQUIRED is on, a session without a verified second factor reaches only the
    login, second-factor and logout pages — also in the API when it is used with the browser's
    session. Requests with an API token (systems) are not affected."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and (settings.OTP_REQUIRED or request.session.get("otp_pending"))
            and not user.is_verified()
            and not request.path.startswith(EXEMPT_PREFIXES)
            and not (request.path.startswith("/api/") and request.META.get("HTTP_AUTHORIZATION"))
            and not (settings.OIDC_PROVIDER_HAS_MFA and session_uses_oidc(request))
            and not request.path.startswith("/oidc/")
        ):
            return redirect(reverse("accounts:second_factor") + "?" + urlencode({"next": request.get_full_path()}))
        return self.get_response(request)
