from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from jeugdketen.access import policy

from . import selectors
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
        {"organisation": organisation, "professionals": professionals},
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
