from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.core.views import save_form

from . import rules, selectors, services
from .forms import AnswerForm, FilterForm, GroupForm, RaiseForm

PAGE_SIZE = 50


def _professional(request):
    pro = rules.professional(request.user)
    if pro is None:
        raise PermissionDenied(_("Beleidssignalen zijn voor professionals."))
    return pro


@login_required
def mine(request):
    pro = _professional(request)
    return render(
        request,
        "policysignals/mine.html",
        {"signals": selectors.mine(request.user)[:200], "is_reviewer": rules.is_reviewer(pro)},
    )


@login_required
def raise_signal(request):
    _professional(request)
    form = RaiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            raised = services.policy_signal_raise(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            text = _("Uw beleidssignaal is verstuurd naar de managers.")
            if raised.removed:
                text += " " + _("De app haalde uit uw tekst: %(what)s.") % {"what": ", ".join(raised.removed_labels)}
            messages.success(request, text)
            return redirect("policysignals:detail", raised.signal.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "policysignals/raise.html", {"form": form}, status=status)


@login_required
def review(request):
    pro = _professional(request)
    if not rules.is_reviewer(pro):
        raise PermissionDenied(_("Beleidssignalen worden behandeld door een manager."))
    filters = FilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    signals = selectors.to_review(request.user, status=data.get("status", ""), theme=data.get("theme", ""))
    page = Paginator(signals, PAGE_SIZE).get_page(request.GET.get("pagina"))
    params = request.GET.copy()
    params.pop("pagina", None)
    return render(
        request,
        "policysignals/review.html",
        {"filters": filters, "page": page, "signals": page.object_list, "query": params.urlencode(),
         "groups": selectors.groups_for(request.user)},
    )  # fmt: skip


@login_required
def detail(request, signal_id: int):
    pro = _professional(request)
    signal = selectors.signal_get(request.user, signal_id)
    may_review = rules.may_review(pro, signal)
    context = {"signal": signal, "may_review": may_review}
    if may_review:
        context["answer_form"] = AnswerForm(initial={"answer": signal.answer})
        context["group_form"] = GroupForm(groups=selectors.groups_for(request.user), initial={"group": signal.group_id})
    return render(request, "policysignals/detail.html", context)


def _review_action(request, signal_id: int, form, action, success: str):
    pro = _professional(request)
    signal = selectors.signal_get(request.user, signal_id)
    if not rules.may_review(pro, signal):
        raise PermissionDenied(_("Beleidssignalen worden behandeld door een manager."))
    response = save_form(request, form, action, success=success, to=signal.get_absolute_url())
    if response:
        return response
    context = {"signal": signal, "may_review": True}
    context["answer_form"] = form if isinstance(form, AnswerForm) else AnswerForm(initial={"answer": signal.answer})
    context["group_form"] = (
        form if isinstance(form, GroupForm) else GroupForm(groups=selectors.groups_for(request.user))
    )
    return render(request, "policysignals/detail.html", context, status=422)


@login_required
@require_POST
def answer(request, signal_id: int):
    return _review_action(
        request,
        signal_id,
        AnswerForm(request.POST),
        lambda data: services.policy_signal_answer(actor=request.user, signal_id=signal_id, answer=data["answer"]),
        _("Het antwoord is vastgelegd; de melder krijgt bericht."),
    )


@login_required
@require_POST
def group(request, signal_id: int):
    return _review_action(
        request,
        signal_id,
        GroupForm(request.POST, groups=selectors.groups_for(request.user)),
        lambda data: services.policy_signal_group(
            actor=request.user, signal_id=signal_id, group_id=data["group"], new_title=data["new_title"]
        ),
        _("Het signaal staat in de groep."),
    )


@login_required
@require_POST
def take_up(request, signal_id: int):
    _professional(request)
    try:
        signal = services.policy_signal_take_up(actor=request.user, signal_id=signal_id)
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    messages.success(request, _("U hebt het signaal in behandeling genomen."))
    return redirect(signal.get_absolute_url())


@login_required
def group_detail(request, group_id: int):
    pro = _professional(request)
    group = selectors.groups_for(request.user).filter(pk=group_id).first()
    if group is None:
        from jeugdketen.access.exceptions import NotFoundOrForbidden

        raise NotFoundOrForbidden
    may_answer = rules.reviews_municipality(pro)
    form = AnswerForm(request.POST or None, initial={"answer": group.answer}) if may_answer else None
    if request.method == "POST":
        if not may_answer:
            raise PermissionDenied(_("Een groep beantwoordt een manager van de gemeente."))
        response = save_form(
            request,
            form,
            lambda data: services.group_answer(actor=request.user, group_id=group.pk, answer=data["answer"]),
            success=_("Het antwoord geldt voor de signalen in de groep; de melders krijgen bericht."),
            to=request.path,
        )
        if response:
            return response
    signals = selectors.to_review(request.user, group=group.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "policysignals/group.html", {"group": group, "signals": signals, "form": form}, status=status
    )
