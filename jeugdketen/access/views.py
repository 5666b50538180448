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
    from jeugdketen.retention.models import DestructionRequest

    destruction = list(
        DestructionRequest.objects.filter(
            outcome=DestructionRequest.Outcome.PENDING,
            municipality_id_value=policy.privacy_officer_municipality(request.user),
        )
    )
    return render(
        request,
        "access/privacy_overview.html",
        {"form": form, "youths": youths, "pending": pending, "destruction": destruction},
    )


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


@login_required
def consents(request, youth_id: int):
    """Parents (with gezag, child under 16) and the youth (from 12): per organisation that works with
    the child, what it may see — give, restrict or withdraw; the policy honours it at once."""
    from django.utils import timezone

    from jeugdketen.organisations.models import Organisation
    from jeugdketen.youth.selectors import youth_for

    from . import consents as consent_rules
    from .categories import Category

    youth, _access = youth_for(actor=request.user, youth_id=youth_id, access_point=access_point(request))
    role = services.family_role(request.user, youth)
    if role is None:
        raise PermissionDenied(_("Over het delen van deze gegevens beslissen de ouders met gezag en de jeugdige."))
    recipients = list(services.consent_recipients(youth))
    if request.method == "POST":
        organisation = get_object_or_404(Organisation, pk=request.POST.get("organisation") or 0)
        decisions = {str(c): str(c) in request.POST.getlist("shared") for c in consent_rules.CONSENTABLE}
        try:
            made = services.consent_decide(
                actor=request.user,
                youth=youth,
                organisation=organisation,
                decisions=decisions,
                access_point=access_point(request),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            if made:
                messages.success(
                    request, _("Uw keuze voor %(org)s is vastgelegd en geldt meteen.") % {"org": organisation.name}
                )
            else:
                messages.info(request, _("Er is niets veranderd."))
        return redirect("access:consents", youth.pk)
    today = timezone.localdate()
    rows = []
    for organisation in recipients:
        own = services.consents_current(youth, organisation, role)
        withheld = consent_rules.withheld(youth, organisation.pk, today=today)
        rows.append(
            {
                "organisation": organisation,
                "purposes": [
                    {
                        "category": category,
                        "label": Category(category).label,
                        "own": own.get(str(category), True),
                        "shared": str(category) not in withheld,
                    }
                    for category in consent_rules.CONSENTABLE
                ],
            }
        )
    return render(request, "access/consents.html", {"youth": youth, "rows": rows, "role": role})
