"""Small-number suppression: no figure about fewer than ``conf.min_group()`` (5) children.

Every count that is shown is rounded to a multiple of 5 (half up; 5, 6 and 7 show as 5). The
dashboard offers overlapping views — a year and its quarters, a period and its months — and
without rounding a hidden cell could be worked out by subtracting one view from another; with it,
a difference only gives a range.

A cell of 1 to 4 children is shown as "<5". A total that is shown could give a suppressed cell
away (total minus the cells shown), so when the suppressed cells of a series together hold 1 to 4
children, the next smallest cell is suppressed too (complementary suppression), and when no cell
is left to suppress, the total is. Zero is shown: it is no group of children. A share or an
average about fewer than 5 children is not shown, nor a share whose "yes" or "no" part is 1 to 4.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import conf

HIDDEN = "<5"


def small(n: int | None) -> bool:
    return n is not None and 0 < n < conf.min_group()


ROUND_TO = 5


def rounded(n: int) -> int:
    """``n`` to the nearest multiple of 5, halves up; a group that is shown stays at least 5."""
    if n <= 0:
        return 0
    return max(ROUND_TO, int(n / ROUND_TO + 0.5) * ROUND_TO)


@dataclass
class Cell:
    value: int
    shown: bool

    @property
    def shown_value(self) -> int | None:
        """What the page, the chart and the exports show: rounded, or None when hidden."""
        return rounded(self.value) if self.shown else None

    @property
    def display(self) -> str:
        return str(self.shown_value) if self.shown else HIDDEN


def series(values: list[int], *, with_total: bool = True) -> tuple[list[Cell], Cell | None]:
    """The cells of one series (the dimensions of a metric for a period) and its total, with the
    small ones hidden and enough others hidden that no hidden cell can be worked out."""
    cells = [Cell(v, not small(v)) for v in values]
    total = Cell(sum(values), not small(sum(values))) if with_total else None
    if with_total:
        while True:
            hidden = sum(c.value for c in cells if not c.shown)
            if not small(hidden) or not total.shown:
                break
            candidates = [c for c in cells if c.shown and c.value > 0]
            if not candidates:
                total.shown = False
                break
            min(candidates, key=lambda c: c.value).shown = False
    return cells, total


def share(numerator: int | None, denominator: int | None) -> str | None:
    """A percentage, or None when it would tell about fewer than 5 children."""
    if not denominator or numerator is None:
        return None
    if small(denominator) or small(numerator) or small(denominator - numerator):
        return None
    return f"{round(100 * numerator / denominator)}%"


def average(total_days: int | None, children: int | None) -> str | None:
    if not children or total_days is None or small(children):
        return None
    return f"{total_days / children:.0f}"
