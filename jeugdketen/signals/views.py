from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.core.views import access_point

from . import selectors, services
from .forms import NazorgForm, SignalHandleForm
from .models import Signal

PAGE_SIZE = 50


@login_required
def inbox(request):
    """The actor's open signals, earliest date first; only the page shown is logged."""
    if policy.professional_of(request.user) is None:
        return redirect("portal:home")
    page = Paginator(selectors.inbox(request.user), PAGE_SIZE).get_page(request.GET.get("pagina"))
    selectors.log_listed(
        actor=request.user, signals=page.object_list, access_point=access_point(request), description="Signalen"
    )
    return render(request, "signals/inbox.html", {"page": page, "signals": page.object_list})


def count(request):
    """The open-signal count in the navigation: fetched by htmx after the page has loaded, so that
    no page waits for it. Only the count: no child data. Not polled: a poll would keep an idle
    session alive. Without a session (expired) the answer is empty, not the login page."""
    if not request.user.is_authenticated or policy.professional_of(request.user) is None:
        return HttpResponse("", headers={"Cache-Control": "no-store"})
    from jeugdketen.verwijsindex import rules as vi_rules
    from jeugdketen.verwijsindex import selectors as vi_selectors

    # The verwijsindex's match count rides along (htmx out-of-band): one request per page, so
    # that two count requests never write the session at the same time.
    matches = vi_selectors.match_count(request.user) if vi_rules.placer(request.user) else None
    response = render(
        request, "signals/_count.html", {"count": selectors.open_signal_count(request.user), "matches": matches}
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def handle(request, signal_id: int):
    ap = access_point(request)
    signal, _grant = selectors.signal_read(actor=request.user, signal_id=signal_id, access_point=ap)
    is_nazorg = signal.kind == Signal.Kind.NAZORG_DUE
    form_class = NazorgForm if is_nazorg else SignalHandleForm
    initial = {"held_on": timezone.localdate()} if is_nazorg else {}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and signal.is_open and form.is_valid():
        try:
            services.signal_handle(actor=request.user, signal_id=signal.pk, access_point=ap, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            messages.success(
                request, _("Het signaal bij casus %(ref)s is afgehandeld.") % {"ref": signal.case.reference}
            )
            return redirect("signals:inbox")
    status = 422 if request.method == "POST" else 200
    return render(request, "signals/handle.html", {"signal": signal, "form": form}, status=status)
