from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from jeugdketen.auditlog.services import Event, log_each
from jeugdketen.core.views import access_point
from jeugdketen.youth.models import Youth
from jeugdketen.youth.selectors import matching

from . import policy, services
from .exceptions import NotAllowed
from .forms import EmergencyAccessForm, ReviewForm, YouthLookupForm
from .models import EmergencyAccess


@login_required
def emergency_access(request):
    if policy.professional_of(request.user) is None:
        raise PermissionDenied(_("Alleen professionals kunnen noodtoegang nemen."))
    form = EmergencyAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant = services.emergency_access_take(
                actor=request.user, access_point=access_point(request), **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            messages.warning(
                request, _("Noodtoegang genomen. Dit is vastgelegd en wordt beoordeeld door de privacy officer.")
            )
            return redirect("youth:dossier", grant.youth_id)
    from django.conf import settings

    return render(
        request,
        "access/emergency_access.html",
        {"form": form, "hours": settings.EMERGENCY_ACCESS_HOURS},
        status=422 if request.method == "POST" and form.errors else 200,
    )


def _require_privacy_officer(request):
    if not policy.is_privacy_officer(request.user):
        raise PermissionDenied(_("Deze pagina is voor de privacy officer."))


@login_required
def privacy_overview(request):
    """The privacy officer's desk: emergency access to review, and a youth's log by name or BSN."""
    _require_privacy_officer(request)
    grant = policy.privacy_officer_grant(request.user)
    form = YouthLookupForm(request.GET or None)
    youths = []
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"].strip()
        qs = Youth.objects.select_related("municipality").filter(
            municipality_id=policy.privacy_officer_municipality(request.user)
        )
        youths = list(matching(qs, query).order_by("last_name", "first_name")[:50])
        log_each(
            ((y.pk, y.pk, grant) for y in youths),
            user=request.user,
            event=Event.SEARCH,
            object_type="youth",
            access_point=access_point(request),
            description=f"zoekopdracht privacy officer: {query}",
        )
    pending = list(
        EmergencyAccess.objects.awaiting_review()
        .filter(youth__municipality_id=policy.privacy_officer_municipality(request.user))
        .select_related("professional__user", "professional__organisation", "youth")
    )
    log_each(
        ((e.youth_id, e.pk, grant) for e in pending),
        user=request.user,
        event=Event.LIST,
        object_type="emergency_access",
        access_point=access_point(request),
        description="noodtoegang te beoordelen",
    )
    return render(request, "access/privacy_overview.html", {"form": form, "youths": youths, "pending": pending})


@login_required
def emergency_review(request, emergency_id: int):
    _require_privacy_officer(request)
    emergency = get_object_or_404(
        EmergencyAccess.objects.select_related("professional__user", "youth"),
        pk=emergency_id,
        youth__municipality_id=policy.privacy_officer_municipality(request.user),
    )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.emergency_access_review(
                actor=request.user, emergency=emergency, access_point=access_point(request), **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        else:
            messages.success(request, _("De beoordeling is vastgelegd."))
            return redirect("access:privacy")
    return render(
        request,
        "access/emergency_review.html",
        {"form": form, "emergency": emergency},
        status=422 if request.method == "POST" and form.errors else 200,
    )
