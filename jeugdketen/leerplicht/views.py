"""The leerplicht pages: thin. The school's verzuim page and the consulent's leerplicht page share
one address; what it shows follows from who asks (``rules``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.core.views import access_point, save_form

from . import forms, rules, selectors, services
from .csvfiles import ImportRefused


def _school_page(request, status=200, **extra):
    overview = selectors.school_overview(actor=request.user, access_point=access_point(request))
    can_deliver = bool(policy.function_codes(overview.staff.professional) & rules.DELIVER_FUNCTIONS)
    context = {
        "o": overview,
        "can_deliver": can_deliver,
        "today": timezone.localdate(),
        "absence_form": forms.UploadForm(prefix="verzuim"),
        "enrolment_form": forms.UploadForm(prefix="inschrijvingen"),
        **extra,
    }
    return render(request, "leerplicht/school.html", context, status=status)


def _consulent_page(request, status=200, **extra):
    overview = selectors.consulent_overview(actor=request.user, access_point=access_point(request))
    context = {
        "o": overview,
        "today": timezone.localdate(),
        "population_form": forms.UploadForm(prefix="bevolking"),
        **extra,
    }
    return render(request, "leerplicht/consulent.html", context, status=status)


@login_required
def overview(request):
    try:
        rules.consulent(request.user)
    except NotFoundOrForbidden:
        return _school_page(request)
    return _consulent_page(request)


def _import(request, service, page, success, prefix: str):
    form = forms.UploadForm(request.POST, request.FILES, prefix=prefix)
    name = {"verzuim": "absence_form", "inschrijvingen": "enrolment_form", "bevolking": "population_form"}[prefix]
    if not form.is_valid():
        return page(request, status=422, **{name: form})
    upload = form.cleaned_data["file"]
    try:
        result = service(
            actor=request.user, data=upload.read(), filename=upload.name, access_point=access_point(request)
        )
    except ImportRefused as refused:
        return page(request, status=422, **{name: form}, refused=refused.report, refused_form=prefix)
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    messages.success(request, success(result))
    return redirect(reverse("leerplicht:overview"))


def _delivery_message(delivery) -> str:
    return _(
        "Het bestand is ingelezen: %(rows)s regels, %(created)s nieuw, %(updated)s gewijzigd, %(unchanged)s ongewijzigd."
    ) % {
        "rows": delivery.rows,
        "created": delivery.created,
        "updated": delivery.updated,
        "unchanged": delivery.unchanged,
    }


@login_required
@require_POST
def absence_upload(request):
    def success(result):
        return (
            _delivery_message(result.delivery) + " " + _("Nieuwe meldingen: %(count)s.") % {"count": result.meldingen}
        )

    return _import(request, services.absence_import, _school_page, success, "verzuim")


@login_required
@require_POST
def enrolment_upload(request):
    return _import(request, services.enrolment_import, _school_page, _delivery_message, "inschrijvingen")


@login_required
@require_POST
def population_upload(request):
    return _import(request, services.population_import, _consulent_page, _delivery_message, "bevolking")


def _melding_page(request, found, status=200, **extra):
    context = {"d": found, "m": found.melding, "form": forms.MeldingSendForm(), **extra}
    return render(request, "leerplicht/melding.html", context, status=status)


@login_required
def melding(request, melding_id: int):
    found = selectors.melding_detail(actor=request.user, melding_id=melding_id, access_point=access_point(request))
    if request.method == "POST":
        form = forms.MeldingSendForm(request.POST)
        done = save_form(
            request,
            form,
            lambda data: services.melding_send(
                actor=request.user, melding=found.melding, note=data["note"], access_point=access_point(request)
            ),
            success=_("De melding is verstuurd."),
            to=reverse("leerplicht:melding", args=[melding_id]),
        )
        return done or _melding_page(request, found, status=422, form=form)
    return _melding_page(request, found)
