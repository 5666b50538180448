from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.core.views import access_point
from jeugdketen.youth.models import Youth

from . import selectors
from .forms import PeriodForm

PAGE_SIZE = 50


@login_required
def youth_access_log(request, youth_id: int):
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
    )
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
