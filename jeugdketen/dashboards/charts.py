"""Charts drawn on the server as SVG: horizontal bars for a breakdown, vertical bars for a trend.
Each chart has a title and a description for screen readers, and the page shows the same
numbers in a table next to it. A suppressed value gets no bar, only "<5"."""

from __future__ import annotations

from django.utils.html import format_html, mark_safe
from django.utils.safestring import SafeString

from .suppression import HIDDEN

BAR = "#154273"  # the Rijkshuisstijl's dark blue: 10.9:1 against white
TEXT = "#1b1b1b"
GRID = "#767676"  # 4.5:1 against white


def _max(values) -> int:
    return max([v for v in values if v is not None] or [1]) or 1


def bars(chart_id: str, title: str, rows: list[tuple[str, int | None]]) -> SafeString:
    """Horizontal bars, one per row: (label, value or None when suppressed)."""
    label_width, bar_width, row_height = 260, 300, 28
    height = row_height * len(rows) + 8
    top = _max(v for _, v in rows)
    parts = [
        format_html(
            '<svg class="jk-chart" role="img" aria-labelledby="{0}-t" aria-describedby="{0}-d" viewBox="0 0 {1} {2}" width="100%"'
            ' preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
            chart_id, label_width + bar_width + 60, height,
        ),
        format_html('<title id="{}-t">{}</title>', chart_id, title),
        format_html(
            '<desc id="{}-d">{}</desc>',
            chart_id,
            "; ".join(f"{label}: {HIDDEN if value is None else value}" for label, value in rows),
        ),
    ]  # fmt: skip
    for i, (label, value) in enumerate(rows):
        y = 4 + i * row_height
        parts.append(format_html(
            '<text x="{}" y="{}" text-anchor="end" font-size="13" fill="{}">{}</text>',
            label_width - 8, y + 18, TEXT, label if len(label) <= 38 else label[:36] + "…",
        ))  # fmt: skip
        width = 0 if value is None else round(bar_width * value / top)
        if width:
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>', label_width, y + 4, width, 20, BAR
            ))  # fmt: skip
        parts.append(format_html(
            '<text x="{}" y="{}" font-size="13" fill="{}">{}</text>',
            label_width + width + 6, y + 18, TEXT, HIDDEN if value is None else value,
        ))  # fmt: skip
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(p) for p in parts))


def columns(chart_id: str, title: str, rows: list[tuple[str, int | None]]) -> SafeString:
    """Vertical bars over time: (month label, value or None when suppressed)."""
    col, plot_height, left = 44, 160, 8
    width = left + col * len(rows) + 8
    top = _max(v for _, v in rows)
    parts = [
        format_html(
            '<svg class="jk-chart" role="img" aria-labelledby="{0}-t" aria-describedby="{0}-d" viewBox="0 0 {1} {2}" width="100%"'
            ' preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
            chart_id, width, plot_height + 48,
        ),
        format_html('<title id="{}-t">{}</title>', chart_id, title),
        format_html(
            '<desc id="{}-d">{}</desc>',
            chart_id,
            "; ".join(f"{label}: {HIDDEN if value is None else value}" for label, value in rows),
        ),
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>', left, plot_height + 16, width - 8,
            plot_height + 16, GRID,
        ),
    ]  # fmt: skip
    for i, (label, value) in enumerate(rows):
        x = left + i * col
        height = 0 if value is None else round(plot_height * value / top)
        if height:
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>',
                x + 6, plot_height + 16 - height, col - 12, height, BAR,
            ))  # fmt: skip
        parts.append(format_html(
            '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{}">{}</text>',
            x + col / 2, plot_height + 12 - height, TEXT, HIDDEN if value is None else value,
        ))  # fmt: skip
        parts.append(format_html(
            '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{}">{}</text>',
            x + col / 2, plot_height + 32, TEXT, label,
        ))  # fmt: skip
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(p) for p in parts))
