from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.vary import vary_on_headers

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.core.views import access_point

from . import selectors, services
from .forms import DepartureForm
from .models import Function, Organisation, Professional


def professionals_only(view):
    """The directory is a working tool for professionals; parents find the contact details of
    the professionals involved with their child in the dossier."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if policy.professional_of(request.user) is None:
            raise PermissionDenied(_("De sociale kaart is voor professionals."))
        return view(request, *args, **kwargs)

    return wrapper


@professionals_only
@vary_on_headers("HX-Request")  # the same URL answers a page or an htmx fragment
def directory(request):
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("soort", "")
    function = request.GET.get("functie", "")
    organisations = selectors.organisation_search(query=query, kind=kind)
    professionals = selectors.professional_search(query=query, function=function)
    context = {
        "q": query,
        "kind": kind,
        "function": function,
        "kinds": Organisation.Kind.choices,
        "functions": Function.objects.all(),
        "organisations": organisations[:100],
        "professionals": professionals[:100],
    }
    return render(request, "organisations/_results.html" if request.htmx else "organisations/directory.html", context)


@professionals_only
def organisation_detail(request, organisation_id: int):
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), pk=organisation_id)
    professionals = selectors.professional_search(organisation=organisation.pk)
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "professionals": professionals,
            "may_manage_staff": services.may_manage_staff(request.user, organisation.pk),
            # Its offers on the sociale kaart (what it does for children and families).
            "services": organisation.services.current().order_by("name"),
        },
    )


@professionals_only
def professional_detail(request, professional_id: int):
    professional = get_object_or_404(
        Professional.objects.select_related("user", "organisation").prefetch_related("functions"),
        pk=professional_id,
        user__is_active=True,
    )
    return render(
        request,
        "organisations/professional_detail.html",
        {
            "professional": professional,
            "tasks": selectors.tasks_for_professional(professional),
        },
    )


@professionals_only
def departure(request, professional_id: int):
    """A manager records that someone of their organisation leaves: their involvements end."""
    professional = get_object_or_404(
        Professional.objects.select_related("user", "organisation"), pk=professional_id, user__is_active=True
    )
    if not services.may_record_departure(request.user, professional):
        raise PermissionDenied(_("Alleen een manager van de eigen organisatie kan een vertrek vastleggen."))
    form = DepartureForm(request.POST or None, initial={"left_on": timezone.localdate()})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                ended = services.professional_leave(
                    actor=request.user,
                    professional=professional,
                    left_on=form.cleaned_data["left_on"],
                    access_point=access_point(request),
                )
            except ValidationError as exc:
                form.add_error_from(exc)
            except NotAllowed as exc:
                raise PermissionDenied(exc.message) from exc
            else:
                messages.success(
                    request,
                    ngettext(
                        "Het vertrek van %(name)s is vastgelegd; %(count)d betrokkenheid bij een casus eindigt "
                        "op %(date)s.",
                        "Het vertrek van %(name)s is vastgelegd; %(count)d betrokkenheden bij casussen eindigen "
                        "op %(date)s.",
                        ended,
                    )
                    % {
                        "name": professional.name,
                        "count": ended,
                        "date": date_format(max(form.cleaned_data["left_on"], timezone.localdate()), "j F Y"),
                    },
                )
                return redirect("organisations:detail", professional.organisation_id)
        status = 422
    return render(
        request,
        "organisations/departure.html",
        {
            "professional": professional,
            "form": form,
            "blockers": services.departure_blockers(professional),
            "involvement_count": selectors.active_involvement_count(professional),
        },
        status=status,
    )


@login_required
def who_does_what(request):
    code = request.GET.get("functie", "")
    function = Function.objects.filter(code=code).first() if code else None
    return render(
        request,
        "organisations/who_does_what.html",
        {
            "roles": selectors.role_descriptions(function=function),
            "functions": Function.objects.all(),
            "selected": function,
        },
    )
