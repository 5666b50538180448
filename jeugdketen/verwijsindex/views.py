from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.core.views import access_point, save_form

from . import law, rules, selectors, services
from .forms import PlacementForm, RegieForm


def _placer(request):
    placing = rules.placer(request.user)
    if placing is None:
        raise PermissionDenied(_("Uw functie geeft geen signalen af in de verwijsindex."))
    return placing


@login_required
def mine(request):
    _placer(request)
    rows = selectors.my_signals(actor=request.user, access_point=access_point(request))
    return render(
        request,
        "verwijsindex/mine.html",
        {"rows": rows, "matched": [r for r in rows if r.has_match], "law": law},
    )


@login_required
def place(request):
    professional, _function = _placer(request)
    form = PlacementForm(
        request.POST or None,
        initial={
            "municipality": professional.organisation.municipality_id,
            "phone": professional.phone,
            "email": professional.email,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            signal, matches = services.signal_place(
                actor=request.user, data=services.Placement(**form.cleaned_data), access_point=access_point(request)
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            if matches:
                messages.warning(
                    request,
                    ngettext(
                        "Signaal afgegeven. Er is een match: %(n)d andere professional is ook betrokken. "
                        "Neem contact op en spreek af wie de regie heeft.",
                        "Signaal afgegeven. Er is een match: %(n)d andere professionals zijn ook betrokken. "
                        "Neem contact op en spreek af wie de regie heeft.",
                        len(matches),
                    )
                    % {"n": len(matches)},
                )
            else:
                messages.success(request, _("Signaal afgegeven. Er is (nog) geen andere professional betrokken."))
            return redirect("verwijsindex:detail", signal.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "verwijsindex/place.html", {"form": form, "law": law}, status=status)


@login_required
def detail(request, signal_id: int):
    _placer(request)
    ap = access_point(request)
    row = selectors.my_signal(actor=request.user, signal_id=signal_id, access_point=ap)
    choices = [(s.pk, f"{s.professional.name} ({s.organisation.name})") for s in [row.signal, *row.others]]
    form = RegieForm(
        request.POST or None,
        choices=choices,
        initial={"holder": row.regie.holder_id if row.regie else None},
    )
    if request.method == "POST":
        response = save_form(
            request,
            form,
            lambda data: services.regie_agree(
                actor=request.user, signal_id=signal_id, holder_id=data["holder"], note=data["note"], access_point=ap
            ),
            success=_("De afspraak over de regie is vastgelegd."),
            to=request.path,
        )
        if response:
            return response
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "verwijsindex/detail.html",
        {"row": row, "form": form if row.has_match else None, "today": timezone.localdate()},
        status=status,
    )


@login_required
@require_POST
def withdraw(request, signal_id: int):
    _placer(request)
    try:
        services.signal_withdraw(actor=request.user, signal_id=signal_id, access_point=access_point(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Het signaal is ingetrokken."))
    return redirect("verwijsindex:mine")
