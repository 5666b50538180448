from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from jeugdketen.access import policy
from jeugdketen.access.categories import Action, Category
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.services import Event, log_access, log_refusal
from jeugdketen.core.views import access_point

from . import selectors, services
from .forms import CarerForm, EnrolmentEndForm, EnrolmentForm, IdentityForm, RegisterForm

IDENTITY_FIELDS = ["first_name", "name_prefix", "last_name", "date_of_birth", "bsn", "gender", "municipality"]


@login_required
@vary_on_headers("HX-Request")  # the same URL answers a page or an htmx fragment
def youth_list(request):
    query = request.GET.get("q", "")
    youths = selectors.youth_search(actor=request.user, query=query, access_point=access_point(request))
    context = {"youths": youths, "q": query, "may_register": policy.may_register_youth(request.user)}
    return render(request, "youth/_youth_table.html" if request.htmx else "youth/youth_list.html", context)


@login_required
def dossier(request, youth_id: int):
    dossier = selectors.youth_dossier(actor=request.user, youth_id=youth_id, access_point=access_point(request))
    can_change = dossier.access.can(Category.IDENTITY, Action.CHANGE)
    show_log_link = policy.may_view_access_log(request.user, dossier.access) is not None
    return render(
        request,
        "youth/dossier.html",
        {
            "dossier": dossier,
            "youth": dossier.youth,
            "can_change": can_change,
            "show_log_link": show_log_link,
            "is_professional": policy.professional_of(request.user) is not None,
        },
    )


@login_required
def register(request):
    professional = policy.professional_of(request.user)
    if professional is None or not policy.may_register_youth(request.user):
        raise PermissionDenied(_("Uw functie kan geen jeugdigen registreren."))
    functions = policy.functions_for_involvement(professional)
    form = RegisterForm(request.POST or None, professional=professional, functions=functions)
    if request.method != "POST" or not form.is_valid():
        return render(request, "youth/register.html", {"form": form}, status=422 if request.method == "POST" else 200)
    data = form.cleaned_data
    identity = {k: data[k] for k in IDENTITY_FIELDS}
    matches = services.registration_matches(
        actor=request.user,
        access_point=access_point(request),
        first_name=data["first_name"],
        name_prefix=data["name_prefix"],
        last_name=data["last_name"],
        date_of_birth=data["date_of_birth"],
        bsn=data["bsn"],
    )
    if matches.bsn_taken:
        form.add_error("bsn", _("Dit BSN is al geregistreerd met een andere geboortedatum. Controleer beide."))
        return render(request, "youth/register.html", {"form": form}, status=422)
    existing = None
    if matches:
        chosen = request.POST.get("existing")
        existing = next((m for m in matches.linkable if str(m.pk) == chosen), None) if chosen else None
        if existing is None and (matches.bsn_match or not request.POST.get("confirm_new")):
            return render(request, "youth/register_match.html", {"form": form, "matches": matches})
    link = services.Link(
        school=professional.organisation if data["link"] == "school" else None,
        group=data.get("group", ""),
        start=data.get("start"),
        case_subject=data.get("case_subject", ""),
        function=data.get("function"),
    )
    try:
        youth = services.youth_register(
            actor=request.user, access_point=access_point(request), link=link, existing=existing, **identity
        )
    except ValidationError as exc:
        form.add_error_from(exc)
        return render(request, "youth/register.html", {"form": form}, status=422)
    if existing is not None:
        messages.success(request, _("Gekoppeld aan de bestaande registratie van %(name)s.") % {"name": youth.full_name})
    else:
        messages.success(request, _("%(name)s is geregistreerd.") % {"name": youth.full_name})
    return redirect("youth:dossier", youth.pk)


def _change_view(request, youth_id, form_class, title, save, initial=None, success=""):
    ap = access_point(request)
    youth, access = selectors.youth_for(actor=request.user, youth_id=youth_id, access_point=ap)
    grant = access.grant(Category.IDENTITY, Action.CHANGE)
    if grant is None:
        log_refusal(user=request.user, youth=youth, object_type="youth", access_point=ap, description="wijzigen")
        raise PermissionDenied(_("U mag de gegevens van deze jeugdige inzien, maar niet wijzigen."))
    if request.method != "POST":  # the form shows the youth's identity data: a read
        log_access(
            user=request.user,
            youth=youth,
            event=Event.READ,
            grant=grant,
            object_type="youth",
            object_ids=[youth.pk],
            categories=[Category.IDENTITY],
            access_point=ap,
            description="wijzigformulier geopend",
        )
    form = form_class(request.POST or None, initial=initial(youth) if initial else None)
    if request.method == "POST" and form.is_valid():
        try:
            save(youth, form.cleaned_data)
        except ValidationError as exc:
            form.add_error_from(exc)
            youth.refresh_from_db()  # the page shows what is stored, not the refused values
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            messages.success(request, success)
            return redirect("youth:dossier", youth.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "youth/change_form.html", {"form": form, "youth": youth, "title": title}, status=status)


@login_required
def edit(request, youth_id: int):
    return _change_view(
        request,
        youth_id,
        IdentityForm,
        _("Gegevens wijzigen"),
        lambda youth, data: services.youth_update(
            actor=request.user, youth=youth, access_point=access_point(request), **data
        ),
        initial=lambda youth: {k: getattr(youth, k) for k in IDENTITY_FIELDS},
        success=_("De gegevens zijn opgeslagen."),
    )


@login_required
def enrolment_add(request, youth_id: int):
    return _change_view(
        request,
        youth_id,
        EnrolmentForm,
        _("Inschrijving toevoegen"),
        lambda youth, data: services.enrolment_add(
            actor=request.user, youth=youth, school=_own_school(request), access_point=access_point(request), **data
        ),
        success=_("De inschrijving is toegevoegd."),
    )


def _own_school(request):
    professional = policy.professional_of(request.user)
    if professional is None or not professional.organisation.is_school:
        raise PermissionDenied(_("Alleen de school zelf schrijft leerlingen in en uit."))
    return professional.organisation


@login_required
def enrolment_end(request, youth_id: int, enrolment_id: int):
    school = _own_school(request)

    def save(youth, data):
        enrolment = youth.enrolments.filter(pk=enrolment_id, school=school).first()
        if enrolment is None:
            raise NotAllowed(_("Alleen de school zelf schrijft leerlingen in en uit."))
        services.enrolment_end(actor=request.user, enrolment=enrolment, access_point=access_point(request), **data)

    return _change_view(
        request,
        youth_id,
        EnrolmentEndForm,
        _("Uitschrijven"),
        save,
        initial=lambda youth: {"end": timezone.localdate()},
        success=_("De leerling is uitgeschreven."),
    )


@login_required
def carer_add(request, youth_id: int):
    return _change_view(
        request,
        youth_id,
        CarerForm,
        _("Ouder of verzorger toevoegen"),
        lambda youth, data: services.carer_add(
            actor=request.user, youth=youth, access_point=access_point(request), **data
        ),
        success=_("De ouder of verzorger is toegevoegd."),
    )
