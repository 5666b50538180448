"""The plan page of a case and its forms. A save on an outdated version answers 409 with what
changed in between; the user's input stays in the form."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.cases.models import Involvement
from jeugdketen.core.views import access_point
from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Carer

from . import selectors, services
from .forms import (
    AgreementForm,
    AgreementUpdateForm,
    AnswerForm,
    ApprovalForm,
    EndEvaluationForm,
    EvaluationForm,
    EvaluationRecordForm,
    GoalForm,
    MessageForm,
)
from .models import Agreement, Goal, Plan


def _owners(view: selectors.PlanView) -> list[tuple[str, str]]:
    """Whom an agreement can be for: the casusregisseur chooses anyone involved, a parent or the
    youth; another professional only themselves."""
    case = view.case
    if not view.may_edit:
        me = view.pa.professional
        return [(f"professional:{me.pk}", me.name)] if me else []
    involved = {  # one per professional, however many functions they are involved in
        inv.professional_id: inv.professional
        for inv in Involvement.objects.active()
        .filter(case=case)
        .select_related("professional__user", "professional__organisation")
        .order_by("since", "pk")
    }
    owners = [(f"professional:{p.pk}", f"{p.name} ({p.organisation.name})") for p in involved.values()]
    carers = Carer.objects.filter(relations__youth=case.youth, relations__has_gezag=True)
    owners += [(f"ouder:{c.pk}", f"{c.full_name} ({_('ouder')})") for c in carers]
    owners.append(("jeugdige", f"{case.youth.full_name} ({_('de jeugdige')})"))
    return owners


def _context(request, view: selectors.PlanView, **forms) -> dict:
    version = view.plan.version if view.plan else 1
    initial = {"version": version}
    today = timezone.localdate()
    if view.plan is not None and view.as_of is None:
        if view.may_add_own_agreement:
            forms.setdefault("agreement_form", AgreementForm(initial=initial, owners=_owners(view), goals=view.goals))
        if view.may_edit:
            forms.setdefault("goal_form", GoalForm(initial=initial))
            forms.setdefault("evaluation_form", EvaluationForm(initial=initial))
            forms.setdefault(
                "end_form",
                EndEvaluationForm(
                    initial={
                        **initial,
                        "text": view.plan.end_evaluation,
                        "evaluated_on": view.plan.end_evaluated_on or today,
                        "nazorg_on": view.plan.nazorg_on,
                    }
                ),
            )
        if view.pa.is_family:
            forms.setdefault("approval_form", ApprovalForm(initial=initial))
            forms.setdefault("message_form", MessageForm())
    # One form per agreement its owner (or the casusregisseur) may update, per evaluation to hold.
    updatable = view.updatable_ids
    forms["agreement_rows"] = [(a, a.pk in updatable) for a in view.agreements]
    forms["evaluation_rows"] = [(e, view.may_edit and e.held_on is None) for e in view.evaluations]
    return {"view": view, "case": view.case, "youth": view.case.youth, "plan": view.plan, "today": today, **forms}


def _page(request, case_id: int, status: int = 200, as_of: date | None = None, **forms):
    view = selectors.plan_view(actor=request.user, case_id=case_id, access_point=access_point(request), as_of=as_of)
    return render(request, "plans/plan.html", _context(request, view, **forms), status=status)


@login_required
def plan(request, case_id: int):
    as_of = None
    if request.GET.get("op"):
        try:
            as_of = date.fromisoformat(request.GET["op"])
        except ValueError:
            messages.error(request, _("Vul een geldige datum in om het plan van toen te zien."))
    return _page(request, case_id, as_of=as_of)


@login_required
@require_POST
def start(request, case_id: int):
    view = selectors.plan_view(actor=request.user, case_id=case_id, access_point=access_point(request))
    try:
        services.plan_start(actor=request.user, case=view.case, access_point=access_point(request))
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Het plan van aanpak is gestart."))
    return redirect("plans:plan", case_id)


def _show_conflict(form, exc: services.PlanConflict) -> None:
    """The conflict and what changed at the top of the form; a resubmit saves on the version shown."""
    form.add_error(None, exc.messages[0])
    for line in exc.changes:
        form.add_error(None, line)
    form.data = form.data.copy()
    form.data[form.add_prefix("version")] = exc.current_version


def _save(request, form, call, success: str, target: str):
    """A plan change from a form on a page of its own: (redirect to ``target``, 302) on success,
    else (None, the status to show the form again with: 422 invalid, 409 stale version)."""
    if not form.is_valid():
        return None, 422
    try:
        call(form.cleaned_data)
    except services.PlanConflict as exc:
        _show_conflict(form, exc)
        return None, 409
    except ValidationError as exc:
        form.add_error_from(exc)
        return None, 422
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    messages.success(request, success)
    return redirect(target), 302


def _post(request, case_id: int, form, form_name: str, action, success: str, key: int | None = None):
    """Run a change on the plan from a form. Invalid input: the page again (422) with the
    messages at the fields. A save on an outdated version: 409 with what changed."""
    view = selectors.plan_view(actor=request.user, case_id=case_id, access_point=access_point(request))
    plan_obj = get_object_or_404(Plan, case=view.case)
    status = 422
    if form.is_valid():
        try:
            action(plan_obj, form.cleaned_data, form.cleaned_data["version"])
        except services.PlanConflict as exc:
            _show_conflict(form, exc)
            status = 409
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            messages.success(request, success)
            return redirect(reverse("plans:plan", args=[case_id]) + "#plan")
    return _page(request, case_id, status=status, **{form_name: (key, form) if key is not None else form})


@login_required
@require_POST
def goal_add(request, case_id: int):
    def action(plan_obj, data, version):
        services.goal_add(
            actor=request.user,
            plan=plan_obj,
            expected_version=version,
            text=data["text"],
            access_point=access_point(request),
        )

    return _post(request, case_id, GoalForm(request.POST), "goal_form", action, _("Het doel is toegevoegd."))


@login_required
@require_POST
def goal_status(request, case_id: int, goal_id: int):
    goal = get_object_or_404(Goal, pk=goal_id, plan__case_id=case_id)
    from .forms import GoalStatusForm

    def action(plan_obj, data, version):
        services.goal_update(
            actor=request.user,
            plan=plan_obj,
            goal=goal,
            expected_version=version,
            status=data["status"],
            access_point=access_point(request),
        )

    return _post(
        request, case_id, GoalStatusForm(request.POST), "goal_status_form", action, _("Het doel is bijgewerkt.")
    )


def _owner_of(value: str) -> tuple[str, Professional | None, Carer | None]:
    kind, _sep, pk = value.partition(":")
    if kind == "professional" and pk.isdigit():
        return Agreement.Owner.PROFESSIONAL, Professional.objects.filter(pk=int(pk)).first(), None
    if kind == "ouder" and pk.isdigit():
        return Agreement.Owner.PARENT, None, Carer.objects.filter(pk=int(pk)).first()
    return kind, None, None


@login_required
@require_POST
def agreement_add(request, case_id: int):
    view = selectors.plan_view(actor=request.user, case_id=case_id, access_point=access_point(request))
    form = AgreementForm(request.POST, owners=_owners(view), goals=view.goals)

    def action(plan_obj, data, version):
        owner_kind, professional, carer = _owner_of(data["owner"])
        goal = next((g for g in view.goals if str(g.pk) == data["goal"]), None)
        services.agreement_add(
            actor=request.user,
            plan=plan_obj,
            expected_version=version,
            what=data["what"],
            owner_kind=owner_kind,
            owner_professional=professional,
            owner_carer=carer,
            due_on=data["due_on"],
            goal=goal,
            access_point=access_point(request),
        )

    return _post(request, case_id, form, "agreement_form", action, _("De afspraak is toegevoegd."))


@login_required
def agreement_update(request, case_id: int, agreement_id: int):
    """One agreement on a page of its own: its owner or the casusregisseur marks it done, cancels it
    or adds a note (a form per row would make the plan page slow for long plans)."""
    ap = access_point(request)
    view = selectors.plan_view(actor=request.user, case_id=case_id, access_point=ap)
    agreement = next((a for a in view.agreements if a.pk == agreement_id), None)
    if agreement is None or view.plan is None:
        raise Http404
    if not view.may_update(agreement):
        raise PermissionDenied(_("Alleen wie de afspraak uitvoert of de casusregisseur werkt haar bij."))
    initial = {"version": view.plan.version, "status": agreement.status, "note": agreement.note}
    form = AgreementUpdateForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        done, status = _save(
            request,
            form,
            lambda data: services.agreement_update(
                actor=request.user,
                plan=view.plan,
                agreement=agreement,
                expected_version=data["version"],
                status=data["status"],
                note=data["note"] if data["note"] != agreement.note else None,
                access_point=ap,
            ),
            _("De afspraak is bijgewerkt."),
            reverse("plans:plan", args=[case_id]) + f"#afspraak-{agreement.pk}",
        )
        if done:
            return done
    return render(
        request,
        "plans/agreement.html",
        {"view": view, "case": view.case, "agreement": agreement, "form": form},
        status=status,
    )


@login_required
@require_POST
def evaluation_add(request, case_id: int):
    def action(plan_obj, data, version):
        services.evaluation_add(
            actor=request.user,
            plan=plan_obj,
            expected_version=version,
            planned_on=data["planned_on"],
            access_point=access_point(request),
        )

    return _post(
        request, case_id, EvaluationForm(request.POST), "evaluation_form", action, _("Het evaluatiemoment is gepland.")
    )


@login_required
def evaluation_record(request, case_id: int, evaluation_id: int):
    """Record one evaluation on a page of its own, with the check of who is involved."""
    ap = access_point(request)
    view = selectors.plan_view(actor=request.user, case_id=case_id, access_point=ap)
    evaluation = next((e for e in view.evaluations if e.pk == evaluation_id), None)
    if evaluation is None or view.plan is None:
        raise Http404
    if not view.may_edit:
        raise PermissionDenied(_("Alleen de casusregisseur wijzigt dit deel van het plan."))
    form = EvaluationRecordForm(
        request.POST or None, initial={"version": view.plan.version, "held_on": timezone.localdate()}
    )
    status = 200
    if request.method == "POST":
        done, status = _save(
            request,
            form,
            lambda data: services.evaluation_record(
                actor=request.user,
                plan=view.plan,
                evaluation=evaluation,
                expected_version=data["version"],
                held_on=data["held_on"],
                outcome=data["outcome"],
                contacts_confirmed=data["contacts_confirmed"],
                access_point=ap,
            ),
            _("De evaluatie is vastgelegd."),
            reverse("plans:plan", args=[case_id]) + "#h-evaluations",
        )
        if done:
            return done
    involvements = view.case.involvements.active().select_related(
        "professional__user", "professional__organisation", "function"
    )
    return render(
        request,
        "plans/evaluation.html",
        {"view": view, "case": view.case, "evaluation": evaluation, "form": form, "involvements": involvements},
        status=status,
    )


@login_required
@require_POST
def end_evaluation(request, case_id: int):
    def action(plan_obj, data, version):
        services.end_evaluation_set(
            actor=request.user,
            plan=plan_obj,
            expected_version=version,
            text=data["text"],
            evaluated_on=data["evaluated_on"],
            nazorg_on=data["nazorg_on"],
            access_point=access_point(request),
        )

    return _post(
        request, case_id, EndEvaluationForm(request.POST), "end_form", action, _("De eindevaluatie is vastgelegd.")
    )


@login_required
@require_POST
def approve(request, case_id: int):
    def action(plan_obj, data, version):
        services.approval_add(
            actor=request.user,
            plan=plan_obj,
            version=version,
            agrees=data["agrees"],
            comment=data["comment"],
            access_point=access_point(request),
        )

    return _post(
        request,
        case_id,
        ApprovalForm(request.POST),
        "approval_form",
        action,
        _("Dank u: uw reactie op het plan is vastgelegd."),
    )


@login_required
@require_POST
def message(request, case_id: int):
    def action(plan_obj, data):
        services.message_add(actor=request.user, plan=plan_obj, text=data["text"], access_point=access_point(request))

    return _post_unversioned(
        request,
        case_id,
        MessageForm(request.POST),
        "message_form",
        action,
        _("Uw bericht is verstuurd naar de casusregisseur."),
    )


@login_required
@require_POST
def answer(request, case_id: int, message_id: int):
    from .models import Message

    msg = get_object_or_404(Message, pk=message_id, plan__case_id=case_id)

    def action(plan_obj, data):
        services.message_answer(
            actor=request.user, plan=plan_obj, message=msg, answer=data["answer"], access_point=access_point(request)
        )

    return _post_unversioned(
        request, case_id, AnswerForm(request.POST), "answer_form", action, _("Uw antwoord is vastgelegd.")
    )


def _post_unversioned(request, case_id: int, form, form_name: str, action, success: str):
    """A message or an answer: not a change of the plan, so no version to check."""
    view = selectors.plan_view(actor=request.user, case_id=case_id, access_point=access_point(request))
    plan_obj = get_object_or_404(Plan, case=view.case)
    if form.is_valid():
        try:
            action(plan_obj, form.cleaned_data)
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            messages.success(request, success)
            return redirect(reverse("plans:plan", args=[case_id]) + "#berichten")
    return _page(request, case_id, status=422, **{form_name: form})
