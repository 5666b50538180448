"""The numbers and terms of a handover between schools, in one place.

* The onderwijskundig rapport goes with the pupil at every change of school, and the parents get
  a copy (WPO art. 42; WVO art. 29; ``../shared/domain.md`` §4).
* From primary to secondary school it holds the schooladvies. Since the Wet doorstroomtoetsen po
  (in force from school year 2023-2024) the definitive schooladvies is given before 24 March of
  groep 8 (WPO art. 42, as amended; rijksoverheid.nl, "Schooladvies"). domain.md still names
  1 March, the date under the earlier Wet eindtoetsing; the law now says 24 March.
* A school year runs from 1 August up to and including 31 July (WPO art. 1; Leerplichtwet art. 1):
  ``leerplicht.law.school_year_start``.
"""

from __future__ import annotations

import re
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdketen.leerplicht.law import school_year_start

# (month, day) before which the definitive schooladvies is given in groep 8.
SCHOOLADVIES_BEFORE = (3, 24)


class Schooladvies(models.TextChoices):
    """The advice levels of the schooladvies (WPO art. 42: one or two adjacent levels)."""

    PRO = "pro", _("Praktijkonderwijs")
    VMBO_BB = "vmbo_bb", _("vmbo basisberoepsgerichte leerweg")
    VMBO_BB_KB = "vmbo_bb_kb", _("vmbo basis/kader")
    VMBO_KB = "vmbo_kb", _("vmbo kaderberoepsgerichte leerweg")
    VMBO_KB_GT = "vmbo_kb_gt", _("vmbo kader/gemengd-theoretisch")
    VMBO_GT = "vmbo_gt", _("vmbo gemengde of theoretische leerweg")
    VMBO_GT_HAVO = "vmbo_gt_havo", _("vmbo-gt/havo")
    HAVO = "havo", _("havo")
    HAVO_VWO = "havo_vwo", _("havo/vwo")
    VWO = "vwo", _("vwo")


def schooladvies_deadline(school_year: int) -> date:
    """The last day for the definitive schooladvies of pupils going to secondary school in the
    school year starting in August of ``school_year``: 23 March of that calendar year."""
    month, day = SCHOOLADVIES_BEFORE
    return date(school_year, month, day - 1)


def school_year_of(day: date) -> int:
    """The school year ``day`` lies in, named by the calendar year of its 1 August."""
    return school_year_start(day).year


def school_year_label(year: int) -> str:
    return f"{year}-{year + 1}"


_PO_LAST = re.compile(r"(^|\D)8(\D|$)")
_VO_LAST = (
    re.compile(r"^\s*4\s*[-]?\s*(vmbo|mavo|bb|kb|gt|tl|b|k|t)\b", re.IGNORECASE),
    re.compile(r"^\s*5\s*[-]?\s*(havo|h)\b", re.IGNORECASE),
    re.compile(r"^\s*6", re.IGNORECASE),
)


def leaves_this_year(sector: str, group: str) -> bool:
    """Whether a pupil in ``group`` of a school of ``sector`` is in the school's last year (and
    so changes school at the end of it): groep 8 in primary education; in secondary education the
    exam year of the level named in the class (4 vmbo/mavo, 5 havo, 6 vwo). A school's own class
    names vary; these are the common ones."""
    group = group or ""
    if sector in ("po", "sbo"):
        return bool(_PO_LAST.search(group))
    if sector == "vo":
        return any(pattern.search(group) for pattern in _VO_LAST)
    return False
