"""Asking for, and deciding on, earlier destruction of a closed case (Jeugdwet art. 7.3.9)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.cases.models import Case
from jeugdketen.core.views import access_point

from . import services
from .models import DestructionRequest


@login_required
def request_destruction(request, case_id: int):
    case = Case.objects.select_related("youth").filter(pk=case_id).first()
    if case is None:
        raise NotFoundOrForbidden
    error = ""
    if request.method == "POST":
        try:
            services.destruction_request(
                actor=request.user, case=case, reason=request.POST.get("reason", ""), access_point=access_point(request)
            )
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _(
                    "Uw verzoek is ontvangen. De gemeente beslist binnen drie maanden en laat u weten wat er is gebeurd."
                ),
            )
            return redirect("youth:dossier", case.youth_id)
    else:
        from jeugdketen.access import policy

        access = policy.access_for(request.user, case.youth)
        if case.pk not in access.case_ids:
            raise NotFoundOrForbidden
    return render(request, "retention/request.html", {"case": case, "error": error}, status=422 if error else 200)


@login_required
@require_POST
def decide(request, request_id: int):
    destruction = get_object_or_404(DestructionRequest, pk=request_id)
    destroy = request.POST.get("besluit") == "vernietigen"
    try:
        services.destruction_decide(
            actor=request.user,
            request=destruction,
            destroy=destroy,
            refusal_reason=request.POST.get("refusal_reason", ""),
            access_point=access_point(request),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Casus %(ref)s is vernietigd.") % {"ref": destruction.case_reference}
            if destroy
            else _("Het verzoek is geweigerd; de reden is vastgelegd."),
        )
    return redirect("access:privacy")
