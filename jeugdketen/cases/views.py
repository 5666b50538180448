from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.services import log_refusal
from jeugdketen.core.views import access_point, save_form
from jeugdketen.youth.selectors import youth_for

from . import selectors, services
from .forms import CaseOpenForm, CaseUpdateForm, InvolvementForm, JournalEntryForm
from .models import Involvement


@login_required
@vary_on_headers("HX-Request")  # the same URL answers a page or an htmx fragment
def my_cases(request):
    if policy.professional_of(request.user) is None:
        return redirect("portal:home")
    search = request.GET.get("q", "").strip()
    rows = selectors.my_cases(actor=request.user, access_point=access_point(request), search=search)
    template = "cases/_my_cases_table.html" if request.htmx else "cases/my_cases.html"
    return render(request, template, {"rows": rows, "q": search, "today": timezone.localdate()})


def _case_context(request, view: selectors.CaseView, **forms):
    from jeugdketen.investigation.selectors import readable_investigations
    from jeugdketen.meldcode.selectors import tracks_for_case
    from jeugdketen.plans.services import may_read_plan

    investigation = readable_investigations(view.access, [view.case]).get(view.case.pk)
    context = {
        "view": view,
        "case": view.case,
        "youth": view.case.youth,
        # None for those who do not read safety data: then the block is not there at all.
        "meldcode_tracks": tracks_for_case(
            actor=request.user, case=view.case, access_point=access_point(request), access=view.access
        ),
        "investigation": investigation,
        "plan_readable": may_read_plan(view.access, view.case),
        # The casusregisseur who is a jeugdconsulent starts the onderzoek when there is none yet.
        "may_start_investigation": investigation is None
        and view.is_regisseur
        and view.case.is_open
        and view.access.involvement_in(view.case.pk) is not None
        and any(i.function.code == "jeugdconsulent" for i in view.access.involvements if i.case_id == view.case.pk),
    }
    if view.writable_categories and "journal_form" not in forms:
        forms["journal_form"] = JournalEntryForm(
            categories=view.writable_categories, initial={"occurred_on": timezone.localdate()}
        )
    if view.is_regisseur:
        forms.setdefault("involvement_form", InvolvementForm(search=request.GET.get("search", "")))
        forms.setdefault(
            "update_form",
            CaseUpdateForm(
                initial={
                    "status": view.case.status,
                    "next_date": view.case.next_date,
                    "next_date_label": view.case.next_date_label,
                }
            ),
        )
    context.update(forms)
    return context


@login_required
def case_detail(request, case_id: int):
    view = selectors.case_detail(actor=request.user, case_id=case_id, access_point=access_point(request))
    return render(request, "cases/case_detail.html", _case_context(request, view))


@login_required
def involvement_options(request, case_id: int):
    """The professionals matching a search, to choose whom to involve (htmx fragment of the case
    page). Only for the casusregisseur; directory data, no youth data."""
    ap = access_point(request)
    case, _access = selectors.visible_case(actor=request.user, case_id=case_id, access_point=ap)
    professional = policy.professional_of(request.user)
    if professional is None or case.casusregisseur_id != professional.pk:
        log_refusal(user=request.user, youth=case.youth, object_type="involvement", access_point=ap,
                    description="alleen de casusregisseur")  # fmt: skip
        raise PermissionDenied(_("Alleen de casusregisseur kan dit doen."))
    form = InvolvementForm(search=request.GET.get("search", ""))
    return render(request, "cases/_involvement_options.html", {"form": form})


@login_required
def case_open(request, youth_id: int):
    youth, _access = youth_for(actor=request.user, youth_id=youth_id, access_point=access_point(request))
    professional = policy.professional_of(request.user)
    if professional is None:
        raise PermissionDenied(_("Alleen professionals kunnen een casus openen."))
    form = CaseOpenForm(request.POST or None, professional=professional)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(
                actor=request.user,
                youth=youth,
                subject=form.cleaned_data["subject"],
                function=form.cleaned_data["function"],
                access_point=access_point(request),
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        else:
            messages.success(request, _("Casus %(ref)s is geopend. U bent casusregisseur.") % {"ref": case.reference})
            return redirect("cases:detail", case.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "cases/case_open.html", {"form": form, "youth": youth}, status=status)


def _post_action(request, case_id: int, form_class, action, form_kwargs=None, success=""):
    """Run a case action from a form: on success back to the case; on invalid input the page
    again with the message at the field. The service checks the policy (and logs a refusal);
    the page is read — and logged as read — only when it is shown again."""
    ap = access_point(request)
    case, access = selectors.visible_case(actor=request.user, case_id=case_id, access_point=ap)
    form = form_class(request.POST, **(form_kwargs(access, case) if form_kwargs else {}))
    done = save_form(
        request, form, lambda data: action(case, data, ap), success=success, to=reverse("cases:detail", args=[case_id])
    )
    if done:
        return done
    view = selectors.case_detail(actor=request.user, case_id=case_id, access_point=ap)
    name = {JournalEntryForm: "journal_form", InvolvementForm: "involvement_form", CaseUpdateForm: "update_form"}[
        form_class
    ]
    return render(request, "cases/case_detail.html", _case_context(request, view, **{name: form}), status=422)


@login_required
@require_POST
def journal_add(request, case_id: int):
    def action(case, data, ap):
        services.journal_entry_add(actor=request.user, case=case, access_point=ap, **data)

    return _post_action(
        request,
        case_id,
        JournalEntryForm,
        action,
        lambda access, case: {"categories": access.writable_categories(case.pk)},
        _("Het verslag is toegevoegd."),
    )


@login_required
@require_POST
def involvement_add(request, case_id: int):
    def action(case, data, ap):
        services.involvement_add(actor=request.user, case=case, access_point=ap, **data)

    return _post_action(request, case_id, InvolvementForm, action, success=_("De professional is betrokken."))


@login_required
@require_POST
def case_update(request, case_id: int):
    def action(case, data, ap):
        services.case_update(actor=request.user, case=case, access_point=ap, **data)

    return _post_action(request, case_id, CaseUpdateForm, action, success=_("De casus is bijgewerkt."))


@login_required
@require_POST
def involvement_end(request, case_id: int, involvement_id: int):
    involvement = get_object_or_404(
        Involvement.objects.select_related("case__youth", "professional__user"), pk=involvement_id, case_id=case_id
    )
    try:
        services.involvement_end(actor=request.user, involvement=involvement, access_point=access_point(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    else:
        messages.success(
            request, _("De betrokkenheid van %(name)s is beëindigd.") % {"name": involvement.professional.name}
        )
    if case_id not in policy.access_for(request.user, involvement.case.youth).case_ids:
        return redirect("cases:my_cases")
    return redirect("cases:detail", case_id)
