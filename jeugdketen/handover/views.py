from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.core.views import access_point, save_form
from jeugdketen.youth.models import Youth

from . import law, rules, selectors, services
from .forms import ParentsViewForm, ReportForm, StartForm
from .models import Handover


def _year(request) -> int:
    choices = dict(selectors.school_year_choices())
    value = request.GET.get("schooljaar", "")
    return int(value) if value.isdigit() and int(value) in choices else next(iter(choices))


@login_required
def overview(request):
    """For a school: alle leerlingen in beeld, and the handovers received. For the consulent
    leerplicht: the risk pupils."""
    professional = policy.professional_of(request.user)
    ap = access_point(request)
    year = _year(request)
    context = {"year": year, "years": selectors.school_year_choices(), "year_label": law.school_year_label(year)}
    if rules.school_function(professional):
        context.update(
            school=professional.organisation,
            rows=selectors.in_view(actor=request.user, school_year=year, access_point=ap),
            received=selectors.received(actor=request.user, access_point=ap),
        )
        return render(request, "handover/school.html", context)
    try:
        context["rows"] = selectors.leerplicht_risks(actor=request.user, school_year=year, access_point=ap)
    except NotFoundOrForbidden:
        raise PermissionDenied(_("Overdrachten zijn voor scholen en de consulent leerplicht.")) from None
    return render(request, "handover/leerplicht.html", context)


@login_required
def start(request, youth_id: int):
    professional = policy.professional_of(request.user)
    if rules.school_function(professional) is None:
        raise PermissionDenied(_("Een overdracht maakt de school."))
    youth = get_object_or_404(Youth, pk=youth_id)
    ap = access_point(request)
    form = StartForm(
        request.POST or None,
        years=selectors.school_year_choices(),
        exclude_school=professional.organisation,
        initial={"school_year": selectors.school_year_choices()[0][0], "method": "warm"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            handover = services.handover_start(actor=request.user, youth=youth, access_point=ap, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            return redirect(handover.get_absolute_url())
    elif request.method == "GET":
        from jeugdketen.schoolsupport import rules as support_rules

        sa = support_rules.support_access(request.user, youth)
        if sa.own_school is None:
            support_rules.refuse(request.user, youth, ap, "overdracht")
    status = 422 if request.method == "POST" else 200
    return render(request, "handover/start.html", {"form": form, "youth": youth}, status=status)


def _report_initial(handover: Handover) -> dict:
    names = ("to_school", "method", "learning", "support", "wellbeing", "attendance", "schooladvies",
             "schooladvies_on", "conversation_on", "conversation_with", "conversation_notes")  # fmt: skip
    return {name: getattr(handover, name + ("_id" if name == "to_school" else "")) for name in names}


@login_required
def detail(request, handover_id: int):
    ap = access_point(request)
    view = selectors.handover_read(actor=request.user, handover_id=handover_id, access_point=ap)
    handover = view.handover
    form = None
    if view.may_edit:
        form = ReportForm(request.POST or None, handover=handover, initial=_report_initial(handover))
        if request.method == "POST":
            response = save_form(
                request,
                form,
                lambda data: services.handover_update(
                    actor=request.user, handover_id=handover.pk, access_point=ap, **data
                ),
                success=_("De overdracht is opgeslagen."),
                to=handover.get_absolute_url(),
            )
            if response:
                return response
    elif request.method == "POST":
        raise PermissionDenied(_("Deze overdracht wijzigt alleen de school die overdraagt, zolang het een concept is."))
    parents_form = ParentsViewForm(initial={"parents_view": handover.parents_view}) if view.may_add_view else None
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "handover/detail.html",
        {"view": view, "handover": handover, "form": form, "parents_form": parents_form,
         "missing": services.missing(handover) if view.may_edit else {},
         "deadline": law.schooladvies_deadline(handover.school_year), "today": timezone.localdate()},
        status=status,
    )  # fmt: skip


@login_required
@require_POST
def complete(request, handover_id: int):
    ap = access_point(request)
    try:
        services.handover_complete(actor=request.user, handover_id=handover_id, access_point=ap)
    except ValidationError as exc:
        from django.contrib import messages

        messages.error(request, _("Nog niet compleet: ") + " ".join(exc.messages))
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    else:
        from django.contrib import messages

        messages.success(
            request,
            _(
                "Overgedragen. De ontvangende school leest het zodra de leerling daar is ingeschreven; de ouders krijgen een kopie."
            ),
        )
    return redirect("handover:detail", handover_id)


@login_required
@require_POST
def parents_view(request, handover_id: int):
    ap = access_point(request)
    view = selectors.handover_read(actor=request.user, handover_id=handover_id, access_point=ap)
    if not view.may_add_view:
        raise PermissionDenied(_("Een reactie op het rapport geven de ouders met gezag."))
    form = ParentsViewForm(request.POST)
    response = save_form(
        request,
        form,
        lambda data: services.handover_parents_view(
            actor=request.user, handover_id=handover_id, text=data["parents_view"], access_point=ap
        ),
        success=_("Uw reactie is toegevoegd aan het rapport."),
        to=view.handover.get_absolute_url(),
    )
    if response:
        return response
    return render(
        request,
        "handover/detail.html",
        {"view": view, "handover": view.handover, "form": None, "parents_form": form, "missing": {},
         "deadline": law.schooladvies_deadline(view.handover.school_year), "today": timezone.localdate()},
        status=422,
    )  # fmt: skip
