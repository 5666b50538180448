from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.core.views import access_point
from jeugdketen.youth.models import Youth
from jeugdketen.youth.validators import normalise_bsn

from . import services, walk
from .forms import CorrectForm, EraseForm, FindForm

RESULTS_MAX = 20


def _municipality(request) -> int:
    municipality = policy.privacy_officer_municipality(request.user)
    if municipality is None:
        raise PermissionDenied(_("De rechten van betrokkenen voert de privacy officer uit."))
    return municipality


def _youth(request, youth_id: int) -> Youth:
    youth = Youth.objects.select_related("municipality").filter(pk=youth_id).first()
    if youth is None:
        raise NotFoundOrForbidden
    services.officer_grant(request.user, youth, access_point(request))
    return youth


@login_required
def find(request):
    """Find the youth of a request (by BSN, or name) among the municipality's youths."""
    municipality = _municipality(request)
    form = FindForm(request.GET or None)
    youths = []
    if form.is_bound and form.is_valid():
        q = form.cleaned_data["q"].replace("\x00", "").strip()
        bsn = normalise_bsn(q)
        found = Youth.objects.filter(municipality_id=municipality)
        if bsn.isdigit() and len(bsn) == 9:
            found = found.with_bsn([bsn])
        else:
            for word in q.split():
                found = found.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        youths = list(found.order_by("last_name", "first_name", "date_of_birth")[:RESULTS_MAX])
        services.log_found(request.user, youths, access_point(request))
    return render(request, "subjectrights/find.html", {"form": form, "youths": youths, "limit": RESULTS_MAX})


@login_required
def subject(request, youth_id: int):
    _municipality(request)
    youth = _youth(request, youth_id)
    services.log_read(request.user, youth, access_point(request), "verzoek van een betrokkene: overzicht")
    records = walk.records_of(youth)
    summary = sorted(
        ((str(m._meta.verbose_name_plural).capitalize(), len(objs)) for m, objs in records.items()),
        key=lambda item: item[0],
    )
    return render(
        request,
        "subjectrights/subject.html",
        {
            "youth": youth,
            "summary": summary,
            "blockers": services.erasure_blockers(youth),
        },
    )


@login_required
def export(request, youth_id: int, fmt: str):
    if fmt not in ("pdf", "json"):
        raise NotFoundOrForbidden
    youth = _youth(request, youth_id)
    for_subject = request.GET.get("voor") == "betrokkene"
    data = services.subject_export(
        actor=request.user, youth=youth, access_point=access_point(request), fmt=fmt, for_subject=for_subject
    )
    if fmt == "json":
        response = HttpResponse(data.as_json(), content_type="application/json; charset=utf-8")
    else:
        from weasyprint import HTML  # heavy import: only when a PDF is made

        html = render_to_string("subjectrights/export_pdf.html", {"export": data})
        response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    name = "inzage-betrokkene" if for_subject else "inzage-volledig"
    response["Content-Disposition"] = f'attachment; filename="{name}-{youth.pk}.{fmt}"'
    return response


@login_required
def correct(request, youth_id: int):
    youth = _youth(request, youth_id)
    form = CorrectForm(request.POST or None, initial={f: getattr(youth, f) for f in services.CORRECTABLE})
    if request.method == "GET":
        services.log_read(request.user, youth, access_point(request), "verzoek van een betrokkene: corrigeren")
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reason = data.pop("reason")
        try:
            services.subject_correct(
                actor=request.user, youth=youth, reason=reason, access_point=access_point(request), **data
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        else:
            messages.success(request, _("De gegevens zijn gecorrigeerd; de correctie staat in het toegangslog."))
            return redirect("subjectrights:subject", youth.pk)
    return render(
        request,
        "subjectrights/correct.html",
        {"youth": youth, "form": form},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def erase(request, youth_id: int):
    youth = _youth(request, youth_id)
    form = EraseForm(request.POST or None)
    blockers = services.erasure_blockers(youth)
    if request.method == "GET":
        services.log_read(request.user, youth, access_point(request), "verzoek van een betrokkene: wissen")
    if request.method == "POST" and form.is_valid():
        try:
            count = services.subject_erase(
                actor=request.user, youth=youth, reason=form.cleaned_data["reason"], access_point=access_point(request)
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        else:
            messages.success(
                request,
                _("De jeugdige en %(n)d gegevens zijn gewist. Het toegangslog bewaart de wissing.") % {"n": count - 1},
            )
            return redirect("subjectrights:find")
    return render(
        request, "subjectrights/erase.html", {"youth": youth, "form": form, "blockers": blockers},
        status=422 if request.method == "POST" else 200,
    )  # fmt: skip
