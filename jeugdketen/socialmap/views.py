from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.core.views import save_form
from jeugdketen.intake.services import REFERRER_FUNCTIONS, SAMEN_DOEN
from jeugdketen.organisations.models import Organisation

from . import rules, selectors, services
from .forms import ArchiveForm, ServiceForm
from .models import AGE_MAX

PAGE_SIZE = 25


def _reader(request):
    professional = rules.reader(request.user)
    if professional is None:
        raise PermissionDenied(_("De sociale kaart is voor professionals."))
    return professional


def _int(value: str, low: int, high: int) -> int | None:
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and low <= int(value) <= high:
        return int(value)
    return None


@login_required
@vary_on_headers("HX-Request")  # the same URL answers a page or an htmx fragment
def search(request):
    professional = _reader(request)
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    theme = _int(request.GET.get("thema", ""), 1, 2**31)
    age = _int(request.GET.get("leeftijd", ""), 0, AGE_MAX)
    kind = request.GET.get("soort", "")
    kind = kind if kind in Organisation.Kind.values else ""
    results = selectors.service_search(query=query, theme=theme, age=age, kind=kind)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("pagina"))
    params = request.GET.copy()
    params.pop("pagina", None)
    context = {
        "query": params.urlencode(),
        "q": query,
        "theme": theme,
        "age": age,
        "age_text": request.GET.get("leeftijd", "") if age is None else str(age),
        "age_invalid": bool(request.GET.get("leeftijd", "").strip()) and age is None,
        "kind": kind,
        "kinds": Organisation.Kind.choices,
        "themes": selectors.themes_in_use(),
        "page": page,
        "services": page.object_list,
        "today": timezone.localdate(),
        "may_add": rules.organisations_for(professional).exists(),
        "age_max": AGE_MAX,
    }
    return render(request, "socialmap/_results.html" if request.htmx else "socialmap/search.html", context)


@login_required
def detail(request, service_id: int):
    professional = _reader(request)
    service = selectors.service_get(actor=request.user, service_id=service_id)
    may_keep = rules.may_keep(professional, service)
    codes = policy.function_codes(professional)
    return render(
        request,
        "socialmap/detail.html",
        {
            "service": service,
            "may_keep": may_keep,
            "today": timezone.localdate(),
            "events": service.events.all() if may_keep else (),
            # Refer through the toegang: a professional who may register a help request there.
            "may_register": bool(codes & (REFERRER_FUNCTIONS | {SAMEN_DOEN})),
        },
    )


@login_required
def mine(request):
    _reader(request)
    services_ = list(selectors.kept_by(request.user))
    today = timezone.localdate()
    return render(
        request,
        "socialmap/mine.html",
        {
            "due": [s for s in services_ if s.is_stale(today)],
            "current": [s for s in services_ if not s.is_stale(today)],
            "today": today,
            "may_add": rules.organisations_for(rules.reader(request.user)).exists(),
        },
    )


def _data(form: ServiceForm) -> services.ServiceData:
    data = form.cleaned_data
    return services.ServiceData(
        name=data["name"],
        offer=data["offer"],
        audience=data["audience"],
        age_min=data["age_min"],
        age_max=data["age_max"],
        keeper=data["keeper"],
        how_to_refer=data["how_to_refer"],
        needs_referral=data["needs_referral"],
        phone=data["phone"],
        email=data["email"],
        website=data["website"],
        themes=form.theme_names(),
    )


@login_required
def create(request):
    professional = _reader(request)
    organisations = rules.organisations_for(professional)
    if not organisations.exists():
        raise PermissionDenied(_("Alleen een manager voegt aanbod toe aan de sociale kaart."))
    organisation = organisations.filter(pk=_int(request.POST.get("organisation", ""), 1, 2**63)).first()
    form = ServiceForm(
        request.POST or None,
        organisations=organisations,
        keepers=rules.possible_keepers(organisation or professional.organisation),
        initial={"organisation": professional.organisation_id, "keeper": professional.pk, "age_min": 0, "age_max": 23},
    )
    if request.method == "POST" and form.is_valid():
        try:
            service = services.service_create(
                actor=request.user, organisation=form.cleaned_data["organisation"], data=_data(form)
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            messages.success(request, _("Het aanbod staat op de sociale kaart."))
            return redirect("socialmap:detail", service.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "socialmap/form.html", {"form": form, "service": None}, status=status)


@login_required
def keeper_options(request):
    """The keeper choices for the organisation picked in the form (htmx): its own professionals
    and the managers of its gemeente."""
    professional = _reader(request)
    organisation = (
        rules.organisations_for(professional).filter(pk=_int(request.GET.get("organisation", ""), 1, 2**63)).first()
    )
    keepers = rules.possible_keepers(organisation) if organisation else ()
    return render(request, "socialmap/_keeper_options.html", {"keepers": keepers, "selected": professional.pk})


@login_required
def update(request, service_id: int):
    professional = _reader(request)
    service = selectors.service_get(actor=request.user, service_id=service_id)
    if not rules.may_keep(professional, service) or service.archived_on:
        raise PermissionDenied(
            _("Alleen de beheerder of een manager van de organisatie of gemeente wijzigt dit aanbod.")
        )
    initial = {
        "name": service.name,
        "offer": service.offer,
        "audience": service.audience,
        "age_min": service.age_min,
        "age_max": service.age_max,
        "themes": list(service.themes.all()),
        "how_to_refer": service.how_to_refer,
        "needs_referral": service.needs_referral,
        "phone": service.phone,
        "email": service.email,
        "website": service.website,
        "keeper": service.keeper_id,
    }
    form = ServiceForm(request.POST or None, keepers=rules.possible_keepers(service.organisation), initial=initial)
    if request.method == "POST":
        response = save_form(
            request,
            form,
            lambda _cleaned: services.service_update(actor=request.user, service=service, data=_data(form)),
            success=_("Het aanbod is gewijzigd en bevestigd."),
            to=service.get_absolute_url(),
        )
        if response:
            return response
    status = 422 if request.method == "POST" else 200
    return render(request, "socialmap/form.html", {"form": form, "service": service}, status=status)


@login_required
@require_POST
def confirm(request, service_id: int):
    _reader(request)
    service = selectors.service_get(actor=request.user, service_id=service_id)
    try:
        services.service_confirm(actor=request.user, service=service)
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Bevestigd: het aanbod klopt nog."))
    return redirect("socialmap:mine" if request.POST.get("next") == "mine" else service.get_absolute_url())


@login_required
def archive(request, service_id: int):
    professional = _reader(request)
    service = selectors.service_get(actor=request.user, service_id=service_id)
    if not rules.may_keep(professional, service):
        raise PermissionDenied(
            _("Alleen de beheerder of een manager van de organisatie of gemeente archiveert dit aanbod.")
        )
    form = ArchiveForm(request.POST or None)
    if request.method == "POST":
        response = save_form(
            request,
            form,
            lambda data: services.service_archive(actor=request.user, service=service, reason=data["reason"]),
            success=_("Het aanbod staat niet meer in de zoekresultaten."),
            to=service.get_absolute_url(),
        )
        if response:
            return response
    status = 422 if request.method == "POST" else 200
    return render(request, "socialmap/archive.html", {"form": form, "service": service}, status=status)
