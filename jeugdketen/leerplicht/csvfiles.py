"""Reading the CSV files schools and the population register deliver, with a report in Dutch
that names the line and the column of every problem. Nothing here stores anything: the import
services validate the whole file first and store it only when the report is empty.

The columns of each file are documented in ``docs/leerplicht-imports.md``. Files are UTF-8 (with
or without the byte-order mark Excel writes), separated by ``;`` (as Dutch Excel saves) or ``,``,
with a header line; dates as dd-mm-jjjj (or jjjj-mm-dd), numbers with a decimal comma or point.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from itertools import repeat

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jeugdketen.youth.validators import bsn_is_valid, normalise_bsn

# The report lists this many problems and counts the rest: a file with a systematic error (a
# wrong date format on every line of a million) still gives a readable answer.
MAX_PROBLEMS_LISTED = 200


@dataclass(frozen=True)
class Problem:
    line: int | None  # the line in the file (the header is line 1); None: the file as a whole
    message: str
    column: str = ""

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        if self.column:
            return _("Regel %(line)s, kolom '%(column)s': %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("Regel %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    total: int = 0  # problems found, also those not listed

    def add(self, line: int | None, message: str, column: str = "") -> None:
        self.total += 1
        if len(self.problems) < MAX_PROBLEMS_LISTED:
            self.problems.append(Problem(line, message, column))

    def __bool__(self) -> bool:
        return self.total > 0

    @property
    def not_listed(self) -> int:
        return self.total - len(self.problems)

    def lines(self) -> list[str]:
        lines = [str(problem) for problem in self.problems]
        if self.not_listed:
            lines.append(_("En nog %(count)s andere problemen.") % {"count": self.not_listed})
        return lines


class ImportRefused(Exception):
    """The file has problems: nothing was stored. ``report`` says what and where."""

    def __init__(self, report: Report):
        super().__init__("; ".join(report.lines()[:3]))
        self.report = report


def decode(data: bytes) -> str:
    """UTF-8, with or without BOM. Anything else (Excel's "CSV" in Windows-1252, UTF-16) is
    refused with the line of the first byte that does not fit."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        report = Report()
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            report.add(None, _("Het bestand is in UTF-16 opgeslagen. Sla het op als 'CSV UTF-8'."))
        else:
            line = data[: error.start].count(b"\n") + 1
            report.add(
                line,
                _(
                    "het bestand is niet in UTF-8 opgeslagen (bijvoorbeeld een letter met een accent). "
                    "Sla het op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)'."
                ),
            )
        raise ImportRefused(report) from None


@dataclass(frozen=True)
class Columns:
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.required, *self.optional)


def _header(text: str, columns: Columns) -> tuple[csv.reader, list[int | None]]:
    """A reader past the header line, and where each of ``columns.names`` stands in a row (None:
    an optional column the file lacks). Refuses an empty file or a header without the required
    columns."""
    header = text.lstrip().split("\n", 1)[0]
    if not header.strip():
        report = Report()
        report.add(None, _("Het bestand is leeg: er staat geen kopregel en geen verzuim in."))
        raise ImportRefused(report)
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    names = [name.strip().lower().replace(" ", "_") for name in next(reader)]
    missing = [column for column in columns.required if column not in names]
    if missing:
        report = Report()
        for column in missing:
            report.add(1, _("de kolom '%(column)s' ontbreekt in de kopregel.") % {"column": column})
        raise ImportRefused(report)
    return reader, [names.index(name) if name in names else None for name in columns.names]


def rows(text: str, columns: Columns) -> Iterator[tuple[int, list[str]]]:
    """The data lines as (line number, [stripped values in the order of ``columns.names``], ""
    for an optional column the file lacks). Refuses a file without a header with the required
    columns, or without data lines."""
    reader, index = _header(text, columns)
    width = max(i for i in index if i is not None) + 1
    seen_data = False
    for values in reader:
        if len(values) < width:
            if not "".join(values).strip():
                continue  # an empty line
            values = values + [""] * (width - len(values))
        seen_data = True
        yield reader.line_num, [values[i].strip() if i is not None else "" for i in index]
    if not seen_data:
        report = Report()
        report.add(None, _("Het bestand bevat alleen een kopregel: er staan geen gegevens in."))
        raise ImportRefused(report)


def columns(text: str, columns: Columns) -> tuple[Sequence[str], ...] | None:
    """The data as columns in the order of ``columns.names``, the values as the file has them
    (not stripped): for reading a large file without a Python step per line. None when the file
    is not a plain table (quoted values, an empty line, a line with more or fewer values than the
    header, no data lines): ``rows`` reads it line by line and names what is wrong. Refuses what
    ``rows`` refuses about the header."""
    reader, index = _header(text, columns)
    if '"' in text:
        return None  # quoting: the csv module's business
    delimiter = reader.dialect.delimiter
    width = text.lstrip().split("\n", 1)[0].count(delimiter) + 1
    lines = text.lstrip().split("\n")[1:]
    if lines and not lines[-1]:
        lines.pop()  # the line break after the last line
    if not lines or set(map(str.count, lines, repeat(delimiter))) != {width - 1}:
        return None
    values = delimiter.join(lines).split(delimiter)
    return tuple(values[i::width] if i is not None else ("",) * len(lines) for i in index)


# --- values --------------------------------------------------------------------------------------


class BadValue(ValueError):
    pass


def parse_date(value: str) -> date:
    value = value.strip()
    try:
        if len(value) == 10 and value[4] == "-":
            return date.fromisoformat(value)
        day, month, year = (int(part) for part in value.replace("/", "-").split("-"))
        if year < 100:
            raise ValueError
        return date(year, month, day)
    except ValueError:
        raise BadValue(
            _("'%(value)s' is geen geldige datum (gebruik dd-mm-jjjj).") % {"value": value}
            if value
            else _("vul een datum in.")
        ) from None


def parse_hours(value: str, *, maximum: Decimal) -> Decimal:
    try:
        hours = Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise BadValue(
            _("'%(value)s' is geen aantal lesuren.") % {"value": value} if value else _("vul het aantal lesuren in.")
        ) from None
    if not hours.is_finite():
        raise BadValue(_("'%(value)s' is geen aantal lesuren.") % {"value": value})
    if hours < 0:
        raise BadValue(_("het aantal lesuren kan niet negatief zijn (%(value)s).") % {"value": value})
    if hours == 0:
        raise BadValue(_("het aantal lesuren is 0: laat de regel weg als er geen verzuim was."))
    if hours > maximum:
        raise BadValue(
            _("%(value)s lesuren op één dag is meer dan kan (hoogstens %(max)s).") % {"value": value, "max": maximum}
        )
    if hours.as_tuple().exponent < -2:
        raise BadValue(_("gebruik hoogstens twee decimalen (%(value)s).") % {"value": value})
    return hours


def parse_bsn(value: str) -> str:
    bsn = normalise_bsn(value)
    if not bsn_is_valid(bsn):
        raise BadValue(
            _("'%(value)s' is geen geldig BSN (9 cijfers, elfproef).") % {"value": value}
            if value
            else _("vul het BSN in.")
        )
    return bsn


def parse_choice(value: str, choices: dict[str, str], label: str) -> str:
    key = value.strip().lower().replace("_", " ")
    if key in choices:
        return choices[key]
    allowed = ", ".join(sorted({k for k in choices if " " not in k or k == "te laat"}))
    raise BadValue(
        _("'%(value)s' is geen %(label)s; kies uit: %(allowed)s.")
        % {"value": value, "label": label, "allowed": allowed}
    )


def day_label(day: date) -> str:
    return date_format(day, "l j F Y")
