from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.core.views import access_point
from jeugdketen.youth.models import Youth

from . import selectors
from .forms import PeriodForm

PAGE_SIZE = 50
# The PDF holds at most this many entries; a longer period is narrowed with the filter.
PDF_MAX_ENTRIES = 5000


def _log_request(request, youth_id: int, *, export: bool = False):
    youth = Youth.objects.select_related("municipality").filter(pk=youth_id).first()
    if youth is None:
        raise NotFoundOrForbidden
    access = policy.access_for(request.user, youth)
    form = PeriodForm(request.GET or None)
    period = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = selectors.access_log_for_youth(
        actor=request.user,
        youth=youth,
        access=access,
        access_point=access_point(request),
        since=period.get("since"),
        until=period.get("until"),
        export=export,
    )
    return youth, form, period, entries


@login_required
def youth_access_log(request, youth_id: int):
    youth, form, _period, entries = _log_request(request, youth_id)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "auditlog/youth_access_log.html",
        {
            "youth": youth,
            "page": page,
            "form": form,
            "query": query.urlencode(),
            "is_privacy_officer": policy.is_privacy_officer(request.user),
        },
    )


@login_required
def youth_access_log_pdf(request, youth_id: int):
    """The same log as a PDF (for the privacy officer's file, or a parent's request for access).
    Exporting is itself logged."""
    from weasyprint import HTML

    youth, _form, period, entries = _log_request(request, youth_id, export=True)
    html = render_to_string(
        "auditlog/access_log_pdf.html",
        {
            "youth": youth,
            "entries": list(entries[:PDF_MAX_ENTRIES]),
            "period": period,
            "now": timezone.now(),
            "is_privacy_officer": policy.is_privacy_officer(request.user),
            "limit": PDF_MAX_ENTRIES,
        },
    )
    pdf = HTML(string=html).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="toegangslog-{youth.pk}.pdf"'
    return response
