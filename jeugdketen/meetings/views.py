"""The meeting pages: my meetings, plan a meeting, the meeting with its agenda per case, minutes,
decisions, decisions into the plan, closing with the terugkoppeling, and its PDF. Thin: a form,
one service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from jeugdketen.access import policy
from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.core.views import access_point, save_form
from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Carer

from . import report, selectors, services
from .forms import DecisionForm, MeetingForm, MinuteForm, OutcomeForm, ParticipantsForm


def _item_anchor(meeting_id: int, item_id: int) -> str:
    return reverse("meetings:detail", args=[meeting_id]) + f"#item-{item_id}"


@login_required
def my_meetings(request):
    mine = selectors.my_meetings(actor=request.user, access_point=access_point(request))
    return render(
        request,
        "meetings/my_meetings.html",
        {"mine": mine, "may_plan": policy.professional_of(request.user) is not None},
    )


@login_required
def for_case(request, case_id: int):
    case, rows = selectors.meetings_for_case(actor=request.user, case_id=case_id, access_point=access_point(request))
    may_plan = policy.professional_of(request.user) is not None and case.is_open
    return render(request, "meetings/for_case.html", {"case": case, "rows": rows, "may_plan": may_plan})


@login_required
def create(request):
    professional = policy.professional_of(request.user)
    if professional is None:
        raise PermissionDenied(_("Een overleg plant een professional."))
    ap = access_point(request)
    involvements = selectors.case_choices(actor=request.user, access_point=ap)
    initial = {}
    preselected = request.GET.get("casus", "")
    if preselected.isdigit():
        initial["cases"] = [preselected]
    data = request.POST if request.method == "POST" else None  # an empty POST is still a POST
    form = MeetingForm(data, professional=professional, involvements=involvements, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = {int(pk) for pk in data["cases"]}
        cases = [inv.case for inv in involvements if inv.case_id in chosen]
        try:
            meeting = services.meeting_schedule(
                actor=request.user,
                kind=data["kind"],
                starts_at=data["starts_at"],
                place=data["place"],
                chair=data["chair"],
                cases=cases,
                access_point=ap,
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        else:
            messages.success(request, _("Het overleg is gepland. Nodig nu de deelnemers uit."))
            return redirect("meetings:detail", meeting.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "meetings/meeting_form.html", {"form": form, "has_cases": bool(involvements)}, status=status)


def _forms_for(view: selectors.MeetingView, bound: dict | None = None) -> dict:
    """The page's forms: the invitation, and per agenda item the minutes, decision and outcome forms
    the reader may use. ``bound`` replaces one of them with the invalid form that came back."""
    bound = bound or {}
    forms = {}
    if view.may_manage:
        forms["participants_form"] = bound.get("participants") or ParticipantsForm(view=view)
    for item_view in view.items:
        pk = item_view.item.pk
        if item_view.may_write and item_view.writable_categories:
            item_view.minute_form = bound.get(("minute", pk)) or MinuteForm(item_view=item_view)
        if item_view.may_decide:
            item_view.decision_form = bound.get(("decision", pk)) or DecisionForm(item_view=item_view)
            item_view.outcome_form = bound.get(("outcome", pk)) or OutcomeForm(item_view=item_view)
    return forms


def _render(request, view: selectors.MeetingView, status: int = 200, bound: dict | None = None, **extra):
    context = {"view": view, "meeting": view.meeting, **_forms_for(view, bound), **extra}
    return render(request, "meetings/meeting_detail.html", context, status=status)


@login_required
def detail(request, meeting_id: int):
    view = selectors.meeting_detail(actor=request.user, meeting_id=meeting_id, access_point=access_point(request))
    return _render(request, view)


def _invalid(request, meeting_id: int, key, form, **extra):
    """The page again (422) with the invalid form in place; read, and logged as read, only now."""
    view = selectors.meeting_detail(actor=request.user, meeting_id=meeting_id, access_point=access_point(request))
    return _render(request, view, status=422, bound={key: form}, **extra)


def _item_action(request, meeting_id: int, item_id: int, kind: str, form_class, action, success: str):
    """Minutes, a decision or the outcome of one agenda item. The form needs the item as the reader
    sees it (for its choices); the service checks the policy again (and logs a refusal)."""
    ap = access_point(request)
    item = selectors.item_get(meeting_id=meeting_id, item_id=item_id)
    # The item as the reader sees it, for the form's choices; not shown, so not logged as a read.
    view = selectors.meeting_detail(
        actor=request.user, meeting_id=meeting_id, access_point=ap, only_item=item_id, log=False
    )
    [item_view] = view.items
    if not (item_view.may_write if kind == "minute" else item_view.may_decide):
        try:  # the service says why (403, or 422 when the meeting is closed) and logs the refusal
            services.writer_check(
                actor=request.user, item=item, access_point=ap, category=None if kind == "minute" else Category.PLAN
            )
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(_item_anchor(meeting_id, item_id))
    form = form_class(request.POST, item_view=item_view)
    done = save_form(
        request, form, lambda data: action(item, data, ap), success=success, to=_item_anchor(meeting_id, item_id)
    )
    return done or _invalid(request, meeting_id, (kind, item_id), form)


@login_required
@require_POST
def minute_add(request, meeting_id: int, item_id: int):
    def action(item, data, ap):
        services.minute_add(actor=request.user, item=item, access_point=ap, **data)

    return _item_action(request, meeting_id, item_id, "minute", MinuteForm, action, _("Het verslag is toegevoegd."))


@login_required
@require_POST
def decision_add(request, meeting_id: int, item_id: int):
    def action(item, data, ap):
        professional = carer = None
        if data["owner_professional_id"]:
            professional = Professional.objects.select_related("user").filter(pk=data["owner_professional_id"]).first()
        if data["owner_carer_id"]:
            carer = Carer.objects.filter(pk=data["owner_carer_id"]).first()
        services.decision_add(
            actor=request.user,
            item=item,
            what=data["what"],
            owner_kind=data["owner_kind"],
            due_on=data["due_on"],
            owner_professional=professional,
            owner_carer=carer,
            access_point=ap,
        )

    return _item_action(request, meeting_id, item_id, "decision", DecisionForm, action, _("Het besluit is vastgelegd."))


@login_required
@require_POST
def outcome_set(request, meeting_id: int, item_id: int):
    def action(item, data, ap):
        services.outcome_set(actor=request.user, item=item, outcome=data["outcome"], access_point=ap)

    return _item_action(request, meeting_id, item_id, "outcome", OutcomeForm, action, _("De uitkomst is opgeslagen."))


@login_required
@require_POST
def participants_invite(request, meeting_id: int):
    ap = access_point(request)
    view = selectors.meeting_detail(actor=request.user, meeting_id=meeting_id, access_point=ap, log=False)
    if not view.is_manager:
        raise PermissionDenied(_("Dit doet de voorzitter of wie het overleg organiseert."))
    form = ParticipantsForm(request.POST, view=view)
    if form.is_valid():
        items = {v.item.pk: v.item for v in view.items}
        family = []
        carers = Carer.objects.in_bulk(
            [int(v.split(":")[2]) for v in form.cleaned_data["family"] if v.startswith("ouder:")]
        )
        for value in form.cleaned_data["family"]:
            parts = value.split(":")
            family.append((items[int(parts[1])], carers[int(parts[2])] if parts[0] == "ouder" else None))
        professionals = Professional.objects.select_related("user").filter(
            pk__in=[int(pk) for pk in form.cleaned_data["professionals"]]
        )
        try:
            created = services.participants_invite(
                actor=request.user, meeting=view.meeting, professionals=professionals, family=family, access_point=ap
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            messages.success(
                request,
                ngettext("%(n)s deelnemer is uitgenodigd.", "%(n)s deelnemers zijn uitgenodigd.", len(created))
                % {"n": len(created)},
            )
            return redirect("meetings:detail", meeting_id)
    return _invalid(request, meeting_id, "participants", form)


@login_required
@require_POST
def decisions_convert(request, meeting_id: int, item_id: int):
    item = selectors.item_get(meeting_id=meeting_id, item_id=item_id)
    try:
        agreements = services.decisions_convert(actor=request.user, item=item, access_point=access_point(request))
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except ValidationError as exc:
        view = selectors.meeting_detail(actor=request.user, meeting_id=meeting_id, access_point=access_point(request))
        for item_view in view.items:
            if item_view.item.pk == item_id:
                item_view.convert_errors = exc.messages
        return _render(request, view, status=422)
    if agreements:
        messages.success(
            request,
            ngettext(
                "%(n)s besluit staat nu als afspraak in het plan van aanpak.",
                "%(n)s besluiten staan nu als afspraak in het plan van aanpak.",
                len(agreements),
            )
            % {"n": len(agreements)},
        )
    else:
        messages.info(request, _("Alle besluiten stonden al in het plan van aanpak; er is niets dubbel toegevoegd."))
    return redirect(_item_anchor(meeting_id, item_id))


@login_required
@require_POST
def close(request, meeting_id: int):
    meeting = selectors.meeting_get(meeting_id=meeting_id)
    try:
        services.meeting_close(actor=request.user, meeting=meeting, access_point=access_point(request))
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except ValidationError as exc:
        view = selectors.meeting_detail(actor=request.user, meeting_id=meeting_id, access_point=access_point(request))
        return _render(request, view, status=422, close_errors=exc.messages)
    messages.success(
        request,
        _("Het overleg is afgerond. De uitkomst en de besluiten zijn teruggekoppeld aan alle betrokkenen, ouders ook."),
    )
    return redirect("meetings:detail", meeting_id)


@login_required
def feedback_pdf(request, meeting_id: int, item_id: int):
    """The terugkoppeling of one case as a PDF; logged as a print."""
    view = selectors.feedback_detail(
        actor=request.user, meeting_id=meeting_id, item_id=item_id, access_point=access_point(request)
    )
    response = HttpResponse(report.feedback_pdf(view), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.feedback_filename(view)}"'
    response["Cache-Control"] = "no-store"
    return response
