import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import rules, selectors


def _board(request):
    scopes = rules.scopes_for(request.user)
    if not scopes:
        raise PermissionDenied(_("Stuurinformatie is voor teamleiders en managers."))
    scope = rules.scope_for(request.user, request.GET.get("scope", "")) or scopes[0]
    return selectors.dashboard(scope, request.GET.get("periode", "last12"))


@login_required
def dashboard(request):
    board = _board(request)
    return render(
        request,
        "dashboards/dashboard.html",
        {
            "board": board,
            "periods": selectors.period_choices(),
            "freshness": selectors.freshness(board.computed_at),
        },
    )


def _filename(board, extension: str) -> str:
    return f"stuurinformatie-{slugify(board.scope.label)}-{slugify(board.period_label)}.{extension}"


@login_required
def export_csv(request):
    board = _board(request)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")  # Dutch spreadsheets read ; as the separator
    writer.writerow([board.scope.label, selectors.freshness(board.computed_at)])
    writer.writerows(selectors.export_rows(board))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(board, "csv")}"'
    return response


@login_required
def export_xlsx(request):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    board = _board(request)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Stuurinformatie")[:31]
    sheet.append([board.scope.label])
    sheet.append([selectors.freshness(board.computed_at)])
    sheet.append([])
    rows = selectors.export_rows(board)
    for row in rows:
        sheet.append([int(v) if isinstance(v, str) and v.isdigit() else v for v in row])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDE", (40, 22, 40, 16, 20), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(board, "xlsx")}"'
    return response


@login_required
@require_POST
def refresh(request):
    from .tasks import compute_one_scope

    scopes = rules.scopes_for(request.user)
    if not scopes:
        raise PermissionDenied(_("Stuurinformatie is voor teamleiders en managers."))
    scope = rules.scope_for(request.user, request.POST.get("scope", "")) or scopes[0]
    compute_one_scope.enqueue(scope.scope, scope.scope_id)
    messages.success(request, _("De cijfers worden opnieuw berekend; ververs de pagina over een minuut."))
    return redirect("dashboards:dashboard")
