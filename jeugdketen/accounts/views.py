import base64

import segno
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import LoginForm, TokenForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        from django.conf import settings

        from .oidc import enabled

        context = super().get_context_data(**kwargs)
        if enabled():
            context["oidc_url"] = reverse("oidc_authentication_init")
            context["oidc_provider"] = settings.OIDC_PROVIDER_NAME
            context["oidc_failed"] = self.request.GET.get("oidc") == "mislukt"
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        if TOTPDevice.objects.filter(user=form.get_user(), confirmed=True).exists():
            # Whoever set up a second factor is always asked for it, also where it is optional.
            self.request.session["otp_pending"] = True
            return redirect(f"{reverse('accounts:second_factor')}?{urlencode({'next': self.get_success_url()})}")
        return response


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return "/"
    return target


@login_required
def second_factor(request):
    """Verify the second factor; a user without an authenticator is sent to set one up."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("accounts:second_factor_setup")
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        request.session.pop("otp_pending", None)
        return redirect(_next_url(request))
    return render(request, "accounts/second_factor.html", {"form": form, "next": _next_url(request)})


@login_required
def second_factor_setup(request):
    """Connect an authenticator app: scan the QR code (or type the key) and confirm with a code."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists() and not request.user.is_verified():
        return redirect("accounts:second_factor")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": _("Authenticator-app")}
    )
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(_next_url(request))
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=4, dark="#000", light="#fff", omitsize=False)
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    data_uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    return render(request, "accounts/second_factor_setup.html", {"form": form, "qr": data_uri, "secret": grouped})


def locked_out(request, credentials=None, *args, **kwargs):
    return render(request, "accounts/locked_out.html", status=429)
