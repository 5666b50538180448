"""The dashboard of one scope for one period, built from the precomputed ``Figure`` rows in one
query, with every figure through the small-number suppression."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import charts, conf, suppression
from .compute import LAST12, NOW, month_key
from .metrics import Metric, for_scope
from .models import Computation, Figure
from .rules import DashboardScope

MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


@dataclass
class Row:
    label: str
    cell: suppression.Cell

    @property
    def display(self) -> str:
        return self.cell.display


@dataclass
class Panel:
    metric: Metric
    rows: list[Row] = field(default_factory=list)
    total: suppression.Cell | None = None
    share: str | None = None  # decisions in term
    average: str | None = None  # waiting time
    median: str | None = None
    trend: list[Row] = field(default_factory=list)
    note: str = ""

    @property
    def chart(self):
        if self.metric.kind in ("term", "waiting_time", "monthly_snapshot") or not self.rows:
            return ""
        return charts.bars(
            f"chart-{self.metric.key}",
            str(self.metric.title),
            [(r.label, r.cell.shown_value) for r in self.rows],
        )

    @property
    def trend_chart(self):
        if not self.trend:
            return ""
        return charts.columns(
            f"trend-{self.metric.key}",
            _("%(title)s per maand") % {"title": self.metric.title},
            [(r.label, r.cell.shown_value) for r in self.trend],
        )


@dataclass
class Dashboard:
    scope: DashboardScope
    period: str
    period_label: str
    computed_at: datetime | None
    panels: list[Panel]


def period_choices(today: date | None = None) -> list[tuple[str, str]]:
    today = today or timezone.localdate()
    choices = [(LAST12, _("Laatste 12 maanden"))]
    choices += [(f"y{year}", str(year)) for year in range(today.year, today.year - conf.YEARS, -1)]
    for year in (today.year, today.year - 1):
        for quarter in range(4, 0, -1):
            if date(year, 3 * quarter - 2, 1) <= today:
                choices.append((f"q{year}-{quarter}", _("%(q)se kwartaal %(y)s") % {"q": quarter, "y": year}))
    return choices


def months_of(period: str, today: date) -> list[date]:
    """The first days of the months a period covers, up to today."""
    if period == LAST12:
        year, month = today.year, today.month - 11
        if month <= 0:
            year, month = year - 1, month + 12
        months = [date(year, month, 1)]
    elif period.startswith("y"):
        months = [date(int(period[1:]), 1, 1)]
    else:
        year, quarter = period[1:].split("-")
        months = [date(int(year), 3 * int(quarter) - 2, 1)]
    count = 12 if period == LAST12 or period.startswith("y") else 3
    while len(months) < count:
        last = months[-1]
        months.append(date(last.year + (last.month == 12), last.month % 12 + 1, 1))
    return [m for m in months if m <= today]


def _label(metric: Metric, dimension: str) -> str:
    labels = {str(value): str(label) for value, label in metric.dimensions}
    return labels.get(dimension, dimension or _("Totaal"))


def _order(metric: Metric, dimensions) -> list[str]:
    known = [str(value) for value, _label in metric.dimensions]
    rest = sorted(d for d in dimensions if d not in known and d != "")
    return known + rest


def dashboard(scope: DashboardScope, period: str, *, today: date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    choices = dict(period_choices(today))
    if period not in choices:
        period = LAST12
    months = months_of(period, today)
    month_keys = [month_key(m) for m in months]
    figures: dict[tuple[str, str], dict[str, Figure]] = defaultdict(dict)
    for figure in Figure.objects.filter(
        scope=scope.scope, scope_id=scope.scope_id, period__in=[period, NOW, *month_keys]
    ):
        figures[(figure.metric, figure.period)][figure.dimension] = figure
    panels = []
    for metric in for_scope(scope.scope):
        key = NOW if metric.kind == "now" else period
        cells = figures.get((metric.key, key), {})
        panel = Panel(metric)
        if metric.kind in ("events", "now"):
            dims = _order(metric, cells)
            values = [cells[d].children if d in cells else 0 for d in dims]
            shown, total = suppression.series(values)
            # The total counts children once, also when they appear under two kinds.
            children = cells[""].children if "" in cells else 0
            panel.total = suppression.Cell(children, total.shown and not suppression.small(children))
            panel.rows = [Row(_label(metric, d), c) for d, c in zip(dims, shown, strict=True)]
        elif metric.kind == "monthly_snapshot":
            figure = cells.get("")
            shown, _total = suppression.series([figure.children if figure else 0], with_total=False)
            panel.rows = [Row(_("Aan het eind van de periode"), shown[0])]
        elif metric.kind == "term":
            figure = cells.get("")
            decided, within = (figure.children, figure.numerator) if figure else (0, 0)
            panel.total = suppression.series([decided], with_total=False)[0][0]
            panel.share = suppression.share(within, decided) if decided else "—"
            panel.rows = [Row(_("Kinderen met een besluit"), panel.total)]
        elif metric.kind == "waiting_time":
            figure = cells.get("")
            children = figure.children if figure else 0
            panel.total = suppression.series([children], with_total=False)[0][0]
            panel.rows = [Row(_("Kinderen toegewezen"), panel.total)]
            if not children:
                panel.average = panel.median = "—"
            elif figure:
                panel.average = suppression.average(figure.total_days, figure.children)
                if panel.average is not None and figure.median_days is not None:
                    panel.median = f"{figure.median_days:.0f}"
        if metric.trend:
            trend = []
            for mkey in month_keys:
                figure = figures.get((metric.key, mkey), {}).get("")
                trend.append(figure.children if figure else 0)
            shown, _total = suppression.series(trend, with_total=False)
            panel.trend = [Row(f"{MONTHS[m.month - 1]} {m:%y}", c) for m, c in zip(months, shown, strict=True)]
        if metric.kind == "now":
            panel.note = _("Stand op de dag van berekenen.")
        panels.append(panel)
    computation = Computation.objects.filter(scope=scope.scope, scope_id=scope.scope_id).first()
    return Dashboard(scope, period, choices[period], computation.computed_at if computation else None, panels)


def freshness(computed_at: datetime | None) -> str:
    if computed_at is None:
        return _("De cijfers zijn nog niet berekend.")
    return _("Cijfers berekend op %(when)s; ze worden elke nacht opnieuw berekend.") % {
        "when": date_format(timezone.localtime(computed_at), "j F Y H:i")
    }


def export_rows(board: Dashboard) -> list[list[str]]:
    """The dashboard as rows for CSV and Excel: the same suppressed figures as the page."""
    rows = [[_("Onderdeel"), _("Periode"), _("Categorie"), _("Aantal kinderen"), _("Toelichting")]]
    for panel in board.panels:
        period = _("nu") if panel.metric.kind == "now" else board.period_label
        for row in panel.rows:
            rows.append([str(panel.metric.title), period, row.label, row.display, ""])
        if panel.total is not None and panel.metric.kind in ("events", "now"):
            rows.append([str(panel.metric.title), period, _("Totaal"), panel.total.display, ""])
        if panel.metric.kind == "term":
            rows.append(
                [str(panel.metric.title), period, _("Binnen de termijn"), panel.share or suppression.HIDDEN, ""]
            )
        if panel.metric.kind == "waiting_time":
            rows.append(
                [str(panel.metric.title), period, _("Gemiddeld aantal dagen"), panel.average or suppression.HIDDEN, ""]
            )
            rows.append(
                [str(panel.metric.title), period, _("Mediaan aantal dagen"), panel.median or suppression.HIDDEN, ""]
            )
        for row in panel.trend:
            rows.append([str(panel.metric.title), row.label, _("per maand"), row.display, ""])
    return rows
