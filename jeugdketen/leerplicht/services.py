"""Changes to the leerplicht administration. Each service takes the acting user, asks ``rules``,
stores nothing half (one transaction; an import with any problem stores nothing) and writes the
access log in that transaction.

The flow: the consulent imports the municipality's residents from the population register
(``population_import``) and records vrijstellingen and startkwalificaties; schools deliver
enrolments (``enrolment_import``) and absence (``absence_import``, or rows through the API); each
delivery is judged at once (``judge``: the law's thresholds and M@ZL, ``verzuim.py``) and every
case found becomes a melding the school confirms and sends (``melding_send``) within the term.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_each, log_same
from jeugdketen.core.bulk import copy_create
from jeugdketen.intake.deadlines import add_working_days
from jeugdketen.organisations.models import Organisation, Professional
from jeugdketen.youth.models import Enrolment, Youth, age_on

from . import csvfiles, law, rules, selectors, verzuim
from .csvfiles import BadValue, Columns, ImportRefused, Report
from .models import (
    Absence,
    CaseStep,
    Delivery,
    HaltReferral,
    LeaveRequest,
    LeerplichtCase,
    Melding,
    ProcesVerbaal,
    Startkwalificatie,
)
from .selectors import school_calendar

LP = Category.LEERPLICHT
# The most hours of absence one school day can hold (a long VO day has 10 lesson hours).
MAX_HOURS_PER_DAY = Decimal(12)
BATCH = 2000
# Lookups of many BSNs or youths are split into chunks (SQLite allows 32,766 parameters at most).
CHUNK = 10_000

ABSENCE_COLUMNS = Columns(required=("bsn", "datum", "soort", "lesuren"))
ABSENCE_KINDS = {
    "ongeoorloofd": Absence.Kind.UNAUTHORISED,
    "ongeoorloofd verzuim": Absence.Kind.UNAUTHORISED,
    "te laat": Absence.Kind.LATE,
    "telaat": Absence.Kind.LATE,
    "ziek": Absence.Kind.SICK,
    "verlof": Absence.Kind.LEAVE,
    "geoorloofd verlof": Absence.Kind.LEAVE,
    "geoorloofd": Absence.Kind.LEAVE,
    "schorsing": Absence.Kind.SUSPENSION,
}
FINDING_KINDS = {
    verzuim.Kind.RELATIEF: Melding.Kind.RELATIEF,
    verzuim.Kind.LANGDURIG: Melding.Kind.LANGDURIG,
    verzuim.Kind.LUXE: Melding.Kind.LUXE,
    verzuim.Kind.MAZL_FREQUENT: Melding.Kind.MAZL_FREQUENT,
    verzuim.Kind.MAZL_LONG: Melding.Kind.MAZL_LONG,
}


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _log_youths(
    actor,
    rules_actor: rules.Actor,
    youth_ids: Iterable[int],
    event: str,
    description: str,
    object_id: str,
    access_point,
    categories=(LP,),
):
    """One entry per youth changed by one action on one object (a delivery, a melding)."""
    grant = rules_actor.grant()
    log_each(
        [(youth_id, object_id, grant) for youth_id in youth_ids],
        user=actor,
        event=event,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description=description,
        categories=categories,
    )


# --- absence ------------------------------------------------------------------------------------


class AbsenceRow(NamedTuple):
    line: int
    bsn: str
    day: date
    kind: str
    hours: Decimal


def _cached(parse):
    """``parse`` remembered per raw value: a file of a million rows holds a few hundred dates, a
    handful of kinds and hour values, and one BSN per pupil."""
    cache: dict[str, object] = {}

    def parsed(value: str):
        try:
            result = cache[value]
        except KeyError:
            try:
                result = parse(value)
            except BadValue as error:
                result = error
            cache[value] = result
        if isinstance(result, BadValue):
            raise result
        return result

    return parsed


def _parse_absence(lines: Iterable[tuple[int, list[str]]], report: Report) -> list[AbsenceRow]:
    """The columns in the order of ``ABSENCE_COLUMNS``: bsn, datum, soort, lesuren."""
    parse_bsn = _cached(csvfiles.parse_bsn)
    parse_date = _cached(csvfiles.parse_date)
    parse_kind = _cached(_parse_kind)
    parse_hours = _cached(lambda value: csvfiles.parse_hours(value, maximum=MAX_HOURS_PER_DAY))
    parsed: list[AbsenceRow] = []
    append = parsed.append
    parsers = (parse_bsn, parse_date, parse_kind, parse_hours)
    for line, (bsn, day, kind, hours) in lines:
        try:
            append(AbsenceRow(line, parse_bsn(bsn), parse_date(day), parse_kind(kind), parse_hours(hours)))
        except BadValue:
            # Report every problem of the line, in the order of the columns.
            for column, parse, value in zip(ABSENCE_COLUMNS.names, parsers, (bsn, day, kind, hours), strict=True):
                try:
                    parse(value)
                except BadValue as error:
                    report.add(line, str(error), column)
    return parsed


def _youths_by_bsn(bsns: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(bsns)):
        found.update(Youth.objects.with_bsn(chunk).values_list("bsn", "id"))
    return found


def _enrolments(school: Organisation, youth_ids: list[int]) -> dict[int, list[tuple[date, date | None]]]:
    periods: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for chunk in _chunks(youth_ids):
        for youth_id, start, end in Enrolment.objects.filter(school=school, youth_id__in=chunk).values_list(
            "youth_id", "start", "end"
        ):
            periods[youth_id].append((start, end))
    return periods


def _check_absence(
    school: Organisation, rows: list[AbsenceRow], report: Report, today: date, calendar
) -> dict[str, int]:
    """Every row about a pupil of this school on one of its school days, once. Returns the
    youths by BSN."""
    youths = _youths_by_bsn({row.bsn for row in rows})
    enrolments = _enrolments(school, list(set(youths.values())))
    seen: dict[tuple[str, date, str], int] = {}
    for row in rows:
        youth_id = youths.get(row.bsn)
        if youth_id is None or youth_id not in enrolments:
            report.add(
                row.line,
                _("geen leerling van %(school)s met BSN %(bsn)s.") % {"school": school.name, "bsn": row.bsn},
                "bsn",
            )
            continue
        if not any(start <= row.day and (end is None or row.day < end) for start, end in enrolments[youth_id]):
            report.add(
                row.line,
                _("de leerling met BSN %(bsn)s stond op %(day)s niet ingeschreven op %(school)s.")
                % {"bsn": row.bsn, "day": row.day.strftime("%d-%m-%Y"), "school": school.name},
                "datum",
            )
            continue
        if row.day > today:
            report.add(row.line, _("%(day)s ligt in de toekomst.") % {"day": row.day.strftime("%d-%m-%Y")}, "datum")
            continue
        if not calendar.is_school_day(row.day):
            report.add(
                row.line,
                _("%(day)s is geen schooldag (weekend, vakantie of vrije dag).") % {"day": csvfiles.day_label(row.day)},
                "datum",
            )
            continue
        key = (row.bsn, row.day, row.kind)
        if key in seen:
            report.add(
                row.line,
                _("dubbel: dezelfde leerling, datum en soort als regel %(line)s.") % {"line": seen[key]},
            )
            continue
        seen[key] = row.line
    return youths


class _Absence(NamedTuple):
    """Checked absence rows as columns: per row the youth, day, kind and hours."""

    youth_ids: Sequence[int]
    days: Sequence[date]
    kinds: Sequence[str]
    hours: Sequence[Decimal]


class _Unchecked(Exception):
    """The quick check cannot vouch for every row: the line-by-line check takes over and reports."""


def _quick_check(school: Organisation, columns: tuple[Sequence[str], ...], calendar, today: date) -> _Absence:
    """The checks of ``_parse_absence`` and ``_check_absence`` for a file without problems, with
    work per distinct value rather than per line: a school's file of 10,000 lines holds a thousand
    BSNs, a few hundred dates and a handful of kinds and hour values, each parsed once by the same
    functions. Raises ``_Unchecked`` at the first doubt (a bad value, an unknown pupil, a day
    that is no school day, an enrolment that does not cover the days); a duplicate line is left to
    the table's key (``_absence_save``)."""
    bsns, days, kinds, hours = columns
    try:
        bsn_of = {raw: csvfiles.parse_bsn(raw.strip()) for raw in set(bsns)}
        day_of = {raw: csvfiles.parse_date(raw.strip()) for raw in set(days)}
        kind_of = {raw: _parse_kind(raw.strip()) for raw in set(kinds)}
        hours_of = {raw: csvfiles.parse_hours(raw.strip(), maximum=MAX_HOURS_PER_DAY) for raw in set(hours)}
    except BadValue:
        raise _Unchecked from None
    if any(day > today or not calendar.is_school_day(day) for day in day_of.values()):
        raise _Unchecked
    # The file's pupils, and when they were enrolled at this school in the file's period.
    first, last = min(day_of.values()), max(day_of.values())
    pupils: dict[str, int] = {}
    periods: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for chunk in _chunks(sorted(set(bsn_of.values()))):
        pupils.update(Youth.objects.with_bsn(chunk).values_list("bsn", "id"))
    for youth_id, start, end in (
        Enrolment.objects.filter(school=school, start__lte=last)
        .exclude(end__lte=first)
        .values_list("youth_id", "start", "end")
    ):
        periods[youth_id].append((start, end))
    try:
        youth_of = {raw: pupils[bsn] for raw, bsn in bsn_of.items()}
    except KeyError:
        raise _Unchecked from None
    youth_ids = [youth_of[raw] for raw in bsns]
    day_list = [day_of[raw] for raw in days]
    # Enrolled on every day of the file (the usual case), or else checked line by line.
    partly = {
        youth_id
        for youth_id in youth_of.values()
        if not any(start <= first and (end is None or last < end) for start, end in periods.get(youth_id, ()))
    }
    if partly and any(
        not any(start <= day and (end is None or day < end) for start, end in periods.get(youth_id, ()))
        for youth_id, day in zip(youth_ids, day_list, strict=True)
        if youth_id in partly
    ):
        raise _Unchecked
    return _Absence(youth_ids, day_list, [kind_of[raw] for raw in kinds], [hours_of[raw] for raw in hours])


def _parse_kind(value: str) -> str:
    return csvfiles.parse_choice(value, ABSENCE_KINDS, _("soort verzuim"))


@dataclass(frozen=True)
class ImportResult:
    delivery: Delivery
    meldingen: int


@audited_atomic
def absence_import(
    *, actor, data: bytes, filename: str = "", access_point: AccessPoint, today: date | None = None
) -> ImportResult:
    """A school's absence file (columns ``bsn;datum;soort;lesuren``). Delivering the same absence
    again changes nothing; a changed number of hours for a pupil, day and kind replaces the old."""
    text = csvfiles.decode(data)
    return _absence_store(
        actor,
        columns=lambda: csvfiles.columns(text, ABSENCE_COLUMNS),
        lines=lambda: csvfiles.rows(text, ABSENCE_COLUMNS),
        filename=filename,
        digest=hashlib.sha256(data).hexdigest(),
        access_point=access_point,
        today=today,
    )


@audited_atomic
def absence_rows_import(
    *, actor, rows: list[dict[str, str]], access_point: AccessPoint, today: date | None = None
) -> ImportResult:
    """The same through the API: a list of rows with the file's columns (item 1 is "line" 1)."""
    if not rows:
        report = Report()
        report.add(None, _("Er zijn geen regels met verzuim meegestuurd."))
        raise ImportRefused(report)
    values = [[str(row.get(k, "")) for k in ABSENCE_COLUMNS.names] for row in rows]
    return _absence_store(
        actor,
        columns=lambda: tuple(zip(*values, strict=True)),
        lines=lambda: ((n, [v.strip() for v in row]) for n, row in enumerate(values, 1)),
        filename="API",
        digest=hashlib.sha256(repr(sorted(map(sorted, (r.items() for r in rows)))).encode()).hexdigest(),
        access_point=access_point,
        today=today,
    )


def _absence_store(
    actor,
    *,
    columns: Callable[[], tuple[Sequence[str], ...] | None],
    lines: Callable[[], Iterable[tuple[int, list[str]]]],
    filename: str,
    digest: str,
    access_point: AccessPoint,
    today: date | None,
) -> ImportResult:
    """Check the delivery, store it and judge it. A delivery without problems is checked per
    distinct value (``_quick_check``); one the quick check cannot vouch for is checked line by line,
    and refused with every problem, its line and column, when there is any."""
    staff = rules.school_staff(actor, deliver=True)
    school = staff.organisation
    today = today or timezone.localdate()
    calendar = school_calendar(school.municipality.holiday_region)
    store = dict(actor=actor, staff=staff, filename=filename, digest=digest, access_point=access_point)
    table = columns()
    if table is not None:
        try:
            with transaction.atomic():
                return _absence_save(absence=_quick_check(school, table, calendar, today), calendar=calendar, **store)
        except _Unchecked:
            pass  # nothing of it was stored: the savepoint is rolled back
    report = Report()
    rows = _parse_absence(lines(), report)
    youths = _check_absence(school, rows, report, today, calendar)
    if report:
        raise ImportRefused(report)
    absence = _Absence(
        [youths[row.bsn] for row in rows],
        [row.day for row in rows],
        [row.kind for row in rows],
        [row.hours for row in rows],
    )
    return _absence_save(absence=absence, calendar=calendar, **store)


def _absence_save(
    *, actor, staff: rules.Actor, absence: _Absence, filename: str, digest: str, access_point, calendar
) -> ImportResult:
    """Store checked rows: new ones added, other hours for a known pupil, day and kind replaced,
    the same ones left; log every pupil whose absence changed and judge them. Everything the
    judgement needs is read first, so that on PostgreSQL it runs while the server stores the rows
    (``_insert_absence``)."""
    school = staff.organisation
    youth_ids = sorted(set(absence.youth_ids))
    # Every stored row of these pupils at this school: what the file changes and, with the changes,
    # what is judged (so it need not be read again).
    stored: dict[tuple[int, date, str], Decimal] = {}
    for chunk in _chunks(youth_ids):
        for youth_id, day, kind, hours in Absence.objects.filter(school=school, youth_id__any=set(chunk)).values_list(
            "youth_id", "day", "kind", "hours"
        ):
            stored[(youth_id, day, kind)] = hours
    rows = zip(absence.youth_ids, absence.days, absence.kinds, absence.hours, strict=True)
    if stored:
        new, changed, seen = [], [], set()
        for youth_id, day, kind, hours in rows:
            key = (youth_id, day, kind)
            old = stored.get(key)
            if old is None:
                new.append((youth_id, day, kind, hours))
                continue
            if key in seen:
                raise _Unchecked  # a line twice: the line-by-line check says which
            seen.add(key)
            if old != hours:
                changed.append((youth_id, day, kind, hours))
        changed_youths = sorted({row[0] for row in (*new, *changed)})
        stored.update(((youth_id, day, kind), hours) for youth_id, day, kind, hours in (*new, *changed))
        merged = ((youth_id, day, kind, hours) for (youth_id, day, kind), hours in stored.items())
    else:
        new = merged = list(rows)
        changed, changed_youths = [], youth_ids
    judgement = _Judgement.gather(school, _by_youth(merged, set(changed_youths)), calendar)
    delivery = Delivery.objects.create(
        kind=Delivery.Kind.ABSENCE,
        organisation=school,
        delivered_by=actor,
        filename=filename[:255],
        sha256=digest,
        rows=len(absence.days),
        created=len(new),
        updated=len(changed),
        unchanged=len(absence.days) - len(new) - len(changed),
    )
    try:
        _insert_absence(school, delivery, new, meanwhile=judgement.decide)
    except IntegrityError:
        # A line twice in the file: the table's key refused the second. The caller's savepoint
        # takes back everything of this delivery.
        raise _Unchecked from None
    Absence.objects.bulk_update(
        [Absence(youth_id=y, school=school, day=d, kind=k, hours=h, delivery=delivery) for y, d, k, h in changed],
        ["hours", "delivery"],
        batch_size=BATCH,
    )
    log_same(
        changed_youths,
        user=actor,
        event=Event.UPDATE,
        grant=staff.grant(),
        object_type=rules.OBJECT_TYPE,
        object_ids=[f"delivery:{delivery.pk}"],
        categories=[LP],
        access_point=access_point,
        description=_("Verzuim aangeleverd (%(file)s)") % {"file": delivery.filename or "API"},
    )
    delivery.findings = judgement.write(actor=actor, staff=staff, access_point=access_point)
    delivery.save(update_fields=["findings"])
    return ImportResult(delivery, delivery.findings)


def _insert_absence(
    school: Organisation, delivery: Delivery, rows: list[tuple[int, date, str, Decimal]], *, meanwhile: Callable
) -> None:
    """Store new absence rows and call ``meanwhile``. By COPY on PostgreSQL, where a region's school
    year is a million rows: the lines go to the server in batches while the next are formatted, and
    ``meanwhile`` runs after the last batch is sent, while the server is still storing them (Python
    and PostgreSQL each on a core). ``bulk_create`` elsewhere (SQLite), then ``meanwhile``. The
    values are ids, dates, the fixed kinds and parsed decimals: nothing in them needs escaping for
    COPY's text format."""
    if connection.vendor != "postgresql":
        Absence.objects.bulk_create(
            [
                Absence(youth_id=youth_id, school=school, day=day, kind=kind, hours=hours, delivery=delivery)
                for youth_id, day, kind, hours in rows
            ],
            batch_size=BATCH,
        )
        meanwhile()
        return
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(Absence._meta.get_field(name).column) for name in ("youth", "school", "day", "kind", "hours", "delivery")
    )
    school_column, delivery_column = f"\t{school.pk}\t", f"\t{delivery.pk}\n"
    # Each distinct day and number of hours formatted once (a file has a few hundred of either).
    iso = {day: day.isoformat() for day in {row[1] for row in rows}}
    text = {hours: str(hours) for hours in {row[3] for row in rows}}
    with (
        connection.wrap_database_errors,
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {quote(Absence._meta.db_table)} ({columns}) FROM STDIN") as copy,
    ):
        for start in range(0, len(rows), BATCH):
            copy.write(
                "".join(
                    [
                        f"{youth_id}{school_column}{iso[day]}\t{kind}\t{text[hours]}{delivery_column}"
                        for youth_id, day, kind, hours in rows[start : start + BATCH]
                    ]
                )
            )
        meanwhile()


@audited_atomic
def absence_remove(*, actor, youth: Youth, day: date, kind: str, reason: str, access_point: AccessPoint) -> int:
    """Remove a row of absence the school delivered by mistake (a delivery only adds rows or changes
    their hours), with the reason: the school corrects its own registration (AVG art. 16). The
    pupil's absence is judged again, so a melding that waits for the school lapses when its case is
    gone. Returns how many meldingen are new (a removal can make none, but says so the same way)."""
    staff = rules.school_staff(actor, deliver=True)
    reason = _text(reason, "reason", _("de reden"), max_length=1000)
    row = Absence.objects.select_for_update().filter(youth=youth, school=staff.organisation, day=day, kind=kind).first()
    if row is None:
        raise NotFoundOrForbidden
    description = _("Verzuim verwijderd: %(day)s, %(kind)s, %(hours)s lesuren") % {
        "day": day.strftime("%d-%m-%Y"),
        "kind": row.get_kind_display().lower(),
        "hours": row.hours,
    }
    row.delete()  # (which empties the key fields of ``row``)
    log_access(
        user=actor,
        youth=youth,
        event=Event.DELETE,
        grant=staff.grant(),
        object_type=rules.OBJECT_TYPE,
        object_ids=[f"verzuim:{day.isoformat()}:{kind}"],
        categories=[LP],
        access_point=access_point,
        description=description,
        reason=reason,
    )
    return judge(staff.organisation, [youth.pk], actor=actor, staff=staff, access_point=access_point)


# --- judging ------------------------------------------------------------------------------------


def findings_for(
    rows: Iterable[tuple[date, str, Decimal]],
    *,
    date_of_birth: date,
    startkwalificatie_on: date | None,
    calendar,
    refused_leave=(),
) -> list[verzuim.Finding]:
    """Everything reportable in one pupil's absence at one school. The art. 21a reports (16 hours,
    langdurig, luxe) only while the pupil is leerplichtig or kwalificatieplichtig; M@ZL always."""
    start, end = law.duty_period(
        date_of_birth, startkwalificatie_on=startkwalificatie_on, is_school_day=calendar.is_school_day
    )
    full_day = Decimal(settings.JEUGDKETEN_ABSENT_DAY_HOURS)
    unauthorised: list[tuple[date, Decimal]] = []
    absent_days: dict[date, Decimal] = defaultdict(Decimal)
    sick: list[date] = []
    for day, kind, hours in rows:
        if kind == Absence.Kind.SICK:
            sick.append(day)
        elif kind in Absence.UNAUTHORISED_KINDS and start <= day <= end:
            unauthorised.append((day, hours))
            if kind == Absence.Kind.UNAUTHORISED:
                absent_days[day] += hours
    whole_days = [day for day, hours in absent_days.items() if hours >= full_day]
    return [
        *verzuim.relatief(unauthorised, calendar),
        *verzuim.langdurig(whole_days, calendar),
        *verzuim.luxe(
            whole_days,
            calendar,
            border_days=settings.JEUGDKETEN_LUXE_VERZUIM_BORDER_DAYS,
            refused_leave=refused_leave,
        ),
        *verzuim.mazl(sick, calendar),
    ]


def worth_judging(rows: Iterable[tuple[date, str, Decimal]]) -> bool:
    """Whether ``findings_for`` can find anything in a pupil's absence at a school: the necessary
    conditions of ``verzuim.MAY_FIND_*`` (enough unauthorised hours, a whole day absent, enough sick
    days). ``judge`` passes over the pupils for whom this is false."""
    full_day = Decimal(settings.JEUGDKETEN_ABSENT_DAY_HOURS)
    unauthorised, sick = Decimal(0), 0
    for _day, kind, hours in rows:
        if kind == Absence.Kind.SICK:
            sick += 1
        elif kind in Absence.UNAUTHORISED_KINDS:
            if kind == Absence.Kind.UNAUTHORISED and hours >= full_day:
                return True  # verzuim.MAY_FIND_WHOLE_DAYS
            unauthorised += hours
    return unauthorised >= verzuim.MAY_FIND_HOURS or sick >= verzuim.MAY_FIND_SICK_DAYS


def _by_youth(
    absence: Iterable[tuple[int, date, str, Decimal]], youth_ids: set[int]
) -> dict[int, list[tuple[date, str, Decimal]]]:
    """The rows (youth, day, kind, hours) of these pupils, per pupil."""
    rows: dict[int, list[tuple[date, str, Decimal]]] = defaultdict(list)
    for youth_id, day, kind, hours in absence:
        if youth_id in youth_ids:
            rows[youth_id].append((day, kind, hours))
    return rows


@dataclass
class _Judgement:
    """Judging pupils' absence at a school in three steps: ``gather`` picks the pupils to judge
    and reads what the rules need besides the absence (dates of birth, startkwalificaties, the
    meldingen there are, refused leave), ``decide`` applies the rules (no database), ``write``
    stores and logs the meldingen. Split so that an import can decide while PostgreSQL stores the
    rows."""

    school: Organisation
    calendar: object
    absence: dict[int, list[tuple[date, str, Decimal]]]
    births: dict[int, date]
    diplomas: dict[int, date]
    meldingen: dict[tuple[int, str, date], Melding]
    refused: dict[int, list[tuple[date, date]]]
    create: list[Melding] = field(default_factory=list)
    update: list[Melding] = field(default_factory=list)

    @classmethod
    def gather(cls, school: Organisation, absence: dict[int, list[tuple[date, str, Decimal]]], calendar) -> _Judgement:
        """``absence``: all the rows at this school of the pupils to judge again. Of them only
        those whose absence can hold a finding (``worth_judging``) or who have a melding waiting
        for the school (which a correction may make lapse) are judged."""
        waiting = set(
            Melding.objects.filter(school=school, status=Melding.Status.FOUND).values_list("youth_id", flat=True)
        )
        absence = {y: rows for y, rows in absence.items() if y in waiting or worth_judging(rows)}
        births: dict[int, date] = {}
        diplomas: dict[int, date] = {}
        meldingen: dict[tuple[int, str, date], Melding] = {}
        refused: dict[int, list[tuple[date, date]]] = defaultdict(list)  # leave refused (art. 13a, 14)
        for chunk in _chunks(sorted(absence)):
            for youth_id, born, diploma in Youth.objects.filter(pk__any=set(chunk)).values_list(
                "pk", "date_of_birth", "startkwalificatie__obtained_on"
            ):
                births[youth_id] = born
                if diploma is not None:
                    diplomas[youth_id] = diploma
            for melding in Melding.objects.filter(school=school, youth_id__any=set(chunk)):
                meldingen[(melding.youth_id, melding.kind, melding.reached_on)] = melding
            for youth_id, start, end in LeaveRequest.objects.filter(
                school=school, youth_id__any=set(chunk), decision=LeaveRequest.Decision.REFUSED
            ).values_list("youth_id", "start", "end"):
                refused[youth_id].append((start, end))
        return cls(school, calendar, absence, births, diplomas, meldingen, refused)

    def decide(self) -> None:
        found_keys = set()
        for youth_id, pupil in self.absence.items():
            for finding in findings_for(
                pupil,
                date_of_birth=self.births[youth_id],
                startkwalificatie_on=self.diplomas.get(youth_id),
                calendar=self.calendar,
                refused_leave=self.refused.get(youth_id, ()),
            ):
                kind = FINDING_KINDS[finding.kind]
                key = (youth_id, kind, finding.reached_on)
                found_keys.add(key)
                values = dict(
                    period_start=finding.start, period_end=finding.end, hours=finding.hours, count=finding.count
                )
                melding = self.meldingen.get(key)
                if melding is None:
                    self.create.append(
                        Melding(
                            youth_id=youth_id,
                            school=self.school,
                            kind=kind,
                            reached_on=finding.reached_on,
                            due_on=add_working_days(finding.reached_on, law.REPORT_WITHIN_WORKING_DAYS),
                            **values,
                        )
                    )
                elif melding.status in (Melding.Status.FOUND, Melding.Status.LAPSED) and (
                    melding.status == Melding.Status.LAPSED
                    or any(getattr(melding, name) != value for name, value in values.items())
                ):
                    for name, value in values.items():
                        setattr(melding, name, value)
                    melding.status = Melding.Status.FOUND
                    self.update.append(melding)
        for key, melding in self.meldingen.items():
            if key not in found_keys and melding.status == Melding.Status.FOUND:
                melding.status = Melding.Status.LAPSED  # the case is gone after a correction
                self.update.append(melding)

    def write(self, *, actor, staff: rules.Actor, access_point) -> int:
        """Store and log what ``decide`` found; returns how many meldingen are new."""
        copy_create(self.create)
        Melding.objects.bulk_update(
            self.update, ["period_start", "period_end", "hours", "count", "status"], batch_size=BATCH
        )
        grant = staff.grant()
        for meldingen, event, description in (
            (self.create, Event.CREATE, _("Verzuimmelding gevonden in het aangeleverde verzuim")),
            (self.update, Event.UPDATE, _("Verzuimmelding bijgewerkt na gecorrigeerd verzuim")),
        ):
            log_same(
                [m.youth_id for m in meldingen],
                objects=[f"melding:{m.pk}" for m in meldingen],
                user=actor,
                event=event,
                grant=grant,
                object_type=rules.OBJECT_TYPE,
                access_point=access_point,
                description=description,
                categories=[LP],
            )
        return len(self.create)


def judge(school: Organisation, youth_ids: list[int], *, actor, staff: rules.Actor, access_point) -> int:
    """Judge the absence of these pupils at this school again and bring the meldingen in line:
    a new case becomes a melding with its term; a melding still waiting for the school whose case
    is gone after a correction lapses. Meldingen the school sent stay. Returns how many are new."""
    rows = Absence.objects.filter(school=school, youth_id__any=set(youth_ids)).values_list(
        "youth_id", "day", "kind", "hours"
    )
    judgement = _Judgement.gather(
        school, _by_youth(rows, set(youth_ids)), school_calendar(school.municipality.holiday_region)
    )
    judgement.decide()
    return judgement.write(actor=actor, staff=staff, access_point=access_point)


# --- meldingen ----------------------------------------------------------------------------------


@audited_atomic
def melding_send(
    *, actor, melding: Melding, note: str = "", jeugdarts: Professional | None = None, access_point: AccessPoint
) -> Melding:
    """The school confirms the case and sends the melding: to the consulent leerplicht, or for
    M@ZL to a jeugdarts of the school's GGD (``jeugdarts``)."""
    staff = rules.school_staff(actor, deliver=True)
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    if melding.school_id != staff.organisation.pk:
        raise NotFoundOrForbidden
    if melding.status != Melding.Status.FOUND:
        raise ValidationError(
            {"status": _("Deze melding is al %(status)s.") % {"status": melding.get_status_display().lower()}}
        )
    if len(note) > 5000:
        raise ValidationError({"note": _("De toelichting is te lang (hoogstens 5000 tekens).")})
    if melding.is_mazl:
        if jeugdarts is None or jeugdarts.pk not in {p.pk for p in selectors.jeugdartsen_for(melding.school)}:
            raise ValidationError({"jeugdarts": _("Kies de jeugdarts van de GGD van de school.")})
        melding.jeugdarts = jeugdarts
    melding.status = Melding.Status.SENT
    melding.school_note = note.strip()
    melding.sent_at = timezone.now()
    melding.sent_by = staff.professional
    melding.save(update_fields=["status", "school_note", "sent_at", "sent_by", "jeugdarts"])
    _log_youths(
        actor,
        staff,
        [melding.youth_id],
        Event.UPDATE,
        _("Verzuimmelding verstuurd"),
        f"melding:{melding.pk}",
        access_point,
    )
    return melding


@audited_atomic
def mazl_advise(*, actor, melding: Melding, advice: str, access_point: AccessPoint) -> Melding:
    """The jeugdarts the M@ZL melding went to sees the pupil (and parents) and gives the school an
    advice on what the pupil can do: no diagnosis, which stays in the GGD's own file."""
    doctor = rules.jeugdarts(actor)
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    if not melding.is_mazl or melding.jeugdarts_id != doctor.professional.pk:
        raise NotFoundOrForbidden
    if melding.status != Melding.Status.SENT:
        raise ValidationError({"advice": _("Op deze melding is al een advies gegeven.")})
    advice = (advice or "").strip()
    if not advice:
        raise ValidationError({"advice": _("Vul het advies aan de school in.")})
    if len(advice) > 5000:
        raise ValidationError({"advice": _("Het advies is te lang (hoogstens 5000 tekens).")})
    melding.advice, melding.advised_at, melding.status = advice, timezone.now(), Melding.Status.CLOSED
    melding.save(update_fields=["advice", "advised_at", "status"])
    _log_youths(
        actor,
        doctor,
        [melding.youth_id],
        Event.UPDATE,
        _("Advies jeugdarts op M@ZL-melding"),
        f"melding:{melding.pk}",
        access_point,
    )
    return melding


# --- the population register and enrolments ------------------------------------------------------

POPULATION_COLUMNS = Columns(
    required=(
        "bsn",
        "geslachtsnaam",
        "voornamen",
        "geboortedatum",
        "straat",
        "huisnummer",
        "postcode",
        "woonplaats",
        "datum_vestiging",
    ),
    optional=("voorvoegsel", "geslacht", "datum_vertrek"),
)
GENDERS = {
    "m": Youth.Gender.BOY,
    "man": Youth.Gender.BOY,
    "v": Youth.Gender.GIRL,
    "vrouw": Youth.Gender.GIRL,
    "o": Youth.Gender.OTHER,
    "x": Youth.Gender.OTHER,
    "onbekend": Youth.Gender.OTHER,
}


def _parse_population(lines, report: Report, today: date) -> list[dict]:
    parse_date = _cached(csvfiles.parse_date)
    parsed, seen = [], {}
    names = POPULATION_COLUMNS.names
    for line, values in lines:
        row = dict(zip(names, values, strict=True))
        problems_before = report.total
        result = {"line": line}
        for column, parse in (
            ("bsn", csvfiles.parse_bsn),
            ("geboortedatum", parse_date),
            ("datum_vestiging", parse_date),
        ):
            try:
                result[column] = parse(row[column])
            except BadValue as error:
                report.add(line, str(error), column)
        try:
            result["datum_vertrek"] = parse_date(row["datum_vertrek"]) if row["datum_vertrek"] else None
        except BadValue as error:
            report.add(line, str(error), "datum_vertrek")
        for column in ("geslachtsnaam", "voornamen", "straat", "huisnummer", "postcode", "woonplaats"):
            if not row[column]:
                report.add(line, _("dit veld is leeg."), column)
        gender = row["geslacht"].lower()
        if gender and gender not in GENDERS:
            report.add(line, _("'%(value)s' is geen geslacht (M, V of O).") % {"value": row["geslacht"]}, "geslacht")
        if report.total > problems_before:
            continue
        if result["geboortedatum"] > today:
            report.add(line, _("de geboortedatum ligt in de toekomst."), "geboortedatum")
            continue
        if result["datum_vertrek"] and result["datum_vertrek"] < result["datum_vestiging"]:
            report.add(line, _("de datum van vertrek ligt vóór de datum van vestiging."), "datum_vertrek")
            continue
        key = (result["bsn"], result["datum_vestiging"])
        if key in seen:
            report.add(
                line,
                _("dubbel: hetzelfde BSN en dezelfde datum van vestiging als regel %(line)s.") % {"line": seen[key]},
            )
            continue
        seen[key] = line
        result.update(
            last_name=row["geslachtsnaam"][:100],
            name_prefix=row["voorvoegsel"][:20],
            first_name=row["voornamen"].split()[0][:100],
            gender=GENDERS.get(gender, ""),
            street=f"{row['straat']} {row['huisnummer']}"[:200],
            postcode=row["postcode"].replace(" ", "").upper()[:7],
            city=row["woonplaats"][:100],
        )
        parsed.append(result)
    return parsed


@audited_atomic
def population_import(
    *, actor, data: bytes, filename: str = "", access_point: AccessPoint, today: date | None = None
) -> Delivery:
    """The consulent's extract of the population register (BRP): every youth living in the
    municipality, with address and dates of settling and leaving. New youths are added, names,
    date of birth and address follow the register; importing it again changes nothing."""
    from .models import Resident

    lp = rules.consulent(actor)
    municipality = lp.organisation.municipality
    today = today or timezone.localdate()
    report = Report()
    rows = _parse_population(csvfiles.rows(csvfiles.decode(data), POPULATION_COLUMNS), report, today)
    if report:
        raise ImportRefused(report)
    delivery = Delivery.objects.create(
        kind=Delivery.Kind.POPULATION,
        organisation=lp.organisation,
        delivered_by=actor,
        filename=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        rows=len(rows),
    )
    youths = {y.bsn: y for chunk in _chunks(sorted({r["bsn"] for r in rows})) for y in Youth.objects.with_bsn(chunk)}
    residences = {
        (r.youth_id, r.since): r
        for chunk in _chunks([y.pk for y in youths.values()])
        for r in Resident.objects.filter(municipality=municipality, youth_id__in=chunk)
    }
    created = updated = 0  # per line: a new youth; a changed youth or residence
    changed: set[int] = set()
    identity = ("first_name", "name_prefix", "last_name", "date_of_birth", "gender")
    for row in rows:
        youth = youths.get(row["bsn"])
        values = dict(
            first_name=row["first_name"],
            name_prefix=row["name_prefix"],
            last_name=row["last_name"],
            date_of_birth=row["geboortedatum"],
            gender=row["gender"],
        )
        lives_here = row["datum_vertrek"] is None or row["datum_vertrek"] > today
        is_new = youth is None
        line_changed = False
        if youth is None:
            youth = Youth.objects.create(bsn=row["bsn"], municipality=municipality, **values)
            youths[row["bsn"]] = youth
        else:
            fields = [f for f in identity if getattr(youth, f) != values[f] and values[f] != ""]
            if lives_here and youth.municipality_id != municipality.pk:
                youth.municipality = municipality
                fields.append("municipality")
            if fields:
                for f in fields:
                    if f != "municipality":
                        setattr(youth, f, values[f])
                youth.save(update_fields=fields)
                line_changed = True
        address = dict(street=row["street"], postcode=row["postcode"], city=row["city"], until=row["datum_vertrek"])
        residence = residences.get((youth.pk, row["datum_vestiging"]))
        if residence is None:
            residences[(youth.pk, row["datum_vestiging"])] = Resident.objects.create(
                youth=youth, municipality=municipality, since=row["datum_vestiging"], delivery=delivery, **address
            )
            line_changed = True
        elif any(getattr(residence, f) != v for f, v in address.items()):
            for f, v in address.items():
                setattr(residence, f, v)
            residence.delivery = delivery
            residence.save()
            line_changed = True
        if is_new:
            created += 1
        elif line_changed:
            updated += 1
        if is_new or line_changed:
            changed.add(youth.pk)
    delivery.created, delivery.updated = created, updated
    delivery.unchanged = len(rows) - created - updated
    delivery.save(update_fields=["created", "updated", "unchanged"])
    _log_youths(
        actor,
        lp,
        sorted(changed),
        Event.UPDATE,
        _("Bevolkingsgegevens ingelezen (%(file)s)") % {"file": delivery.filename},
        f"delivery:{delivery.pk}",
        access_point,
        categories=(Category.IDENTITY, LP),
    )
    return delivery


ENROLMENT_COLUMNS = Columns(
    required=("bsn", "ingeschreven_vanaf"),
    optional=("achternaam", "voorvoegsel", "voornaam", "geboortedatum", "gemeentecode", "groep", "uitgeschreven_per"),
)


@audited_atomic
def enrolment_import(
    *, actor, data: bytes, filename: str = "", access_point: AccessPoint, today: date | None = None
) -> Delivery:
    """A school's enrolments (in- en uitschrijvingen) as a file. A pupil the app does not know yet
    needs name, date of birth and the CBS code of the municipality of residence; a known BSN must
    come with its known date of birth. Importing the same file again changes nothing."""
    lines = csvfiles.rows(csvfiles.decode(data), ENROLMENT_COLUMNS)
    return _enrolment_store(actor, lines, filename, hashlib.sha256(data).hexdigest(), access_point, today)


@audited_atomic
def enrolment_rows_import(
    *, actor, rows: list[dict[str, str]], access_point: AccessPoint, today: date | None = None
) -> Delivery:
    """The same through the API: a list of rows with the file's columns (item 1 is "line" 1, as for
    absence)."""
    if not rows:
        report = Report()
        report.add(None, _("Er zijn geen inschrijvingen meegestuurd."))
        raise ImportRefused(report)
    lines = ((n, [str(row.get(k, "")).strip() for k in ENROLMENT_COLUMNS.names]) for n, row in enumerate(rows, 1))
    digest = hashlib.sha256(repr(sorted(map(sorted, (r.items() for r in rows)))).encode()).hexdigest()
    return _enrolment_store(actor, lines, "API", digest, access_point, today)


def _enrolment_store(actor, lines, filename: str, digest: str, access_point: AccessPoint, today) -> Delivery:
    from jeugdketen.organisations.models import Municipality

    staff = rules.school_staff(actor, deliver=True)
    school = staff.organisation
    today = today or timezone.localdate()
    report = Report()
    parse_date = _cached(csvfiles.parse_date)
    rows, seen = [], {}
    for line, values in lines:
        row = dict(zip(ENROLMENT_COLUMNS.names, values, strict=True))
        before = report.total
        parsed = {"line": line, "groep": row["groep"][:20], "row": row}
        for column, parse, optional in (
            ("bsn", csvfiles.parse_bsn, False),
            ("ingeschreven_vanaf", parse_date, False),
            ("uitgeschreven_per", parse_date, True),
            ("geboortedatum", parse_date, True),
        ):
            if optional and not row[column]:
                parsed[column] = None
                continue
            try:
                parsed[column] = parse(row[column])
            except BadValue as error:
                report.add(line, str(error), column)
        if report.total > before:
            continue
        if parsed["uitgeschreven_per"] and parsed["uitgeschreven_per"] < parsed["ingeschreven_vanaf"]:
            report.add(line, _("de datum van uitschrijving ligt vóór de datum van inschrijving."), "uitgeschreven_per")
            continue
        key = (parsed["bsn"], parsed["ingeschreven_vanaf"])
        if key in seen:
            report.add(
                line, _("dubbel: dezelfde leerling en datum van inschrijving als regel %(line)s.") % {"line": seen[key]}
            )
            continue
        seen[key] = line
        rows.append(parsed)
    youths = {y.bsn: y for chunk in _chunks(sorted({r["bsn"] for r in rows})) for y in Youth.objects.with_bsn(chunk)}
    municipalities = {m.cbs_code: m for m in Municipality.objects.all()}
    for row in rows:
        youth = youths.get(row["bsn"])
        if youth is not None:
            if row["geboortedatum"] and row["geboortedatum"] != youth.date_of_birth:
                report.add(
                    row["line"], _("dit BSN hoort bij een jeugdige met een andere geboortedatum."), "geboortedatum"
                )
            continue
        for column in ("achternaam", "voornaam", "geboortedatum", "gemeentecode"):
            if not row["row"][column]:
                report.add(row["line"], _("de leerling is nog niet bekend: vul ook dit veld in."), column)
        code = row["row"]["gemeentecode"].zfill(4)
        if row["row"]["gemeentecode"] and code not in municipalities:
            report.add(
                row["line"], _("'%(value)s' is geen bekende CBS-gemeentecode.") % {"value": code}, "gemeentecode"
            )
        if row["geboortedatum"] and row["geboortedatum"] > today:
            report.add(row["line"], _("de geboortedatum ligt in de toekomst."), "geboortedatum")
    if report:
        raise ImportRefused(report)

    delivery = Delivery.objects.create(
        kind=Delivery.Kind.ENROLMENT,
        organisation=school,
        delivered_by=actor,
        filename=filename[:255],
        sha256=digest,
        rows=len(rows),
    )
    new_youths = []
    for row in rows:
        if row["bsn"] not in youths:
            values = row["row"]
            youth = Youth.objects.create(
                bsn=row["bsn"],
                first_name=values["voornaam"][:100],
                name_prefix=values["voorvoegsel"][:20],
                last_name=values["achternaam"][:100],
                date_of_birth=row["geboortedatum"],
                municipality=municipalities[values["gemeentecode"].zfill(4)],
            )
            youths[row["bsn"]] = youth
            new_youths.append(youth.pk)
    existing = {
        (e.youth_id, e.start): e
        for chunk in _chunks([y.pk for y in youths.values()])
        for e in Enrolment.objects.filter(school=school, youth_id__in=chunk)
    }
    created = updated = 0
    changed: set[int] = set()
    for row in rows:
        youth = youths[row["bsn"]]
        enrolment = existing.get((youth.pk, row["ingeschreven_vanaf"]))
        if enrolment is None:
            Enrolment.objects.create(
                youth=youth,
                school=school,
                start=row["ingeschreven_vanaf"],
                end=row["uitgeschreven_per"],
                group=row["groep"],
            )
            created += 1
            changed.add(youth.pk)
        elif (enrolment.end, enrolment.group) != (row["uitgeschreven_per"], row["groep"] or enrolment.group):
            enrolment.end = row["uitgeschreven_per"]
            enrolment.group = row["groep"] or enrolment.group
            enrolment.save(update_fields=["end", "group"])
            updated += 1
            changed.add(youth.pk)
    delivery.created, delivery.updated, delivery.unchanged = created, updated, len(rows) - created - updated
    delivery.save(update_fields=["created", "updated", "unchanged"])
    _log_youths(
        actor,
        staff,
        sorted(changed),
        Event.UPDATE,
        _("Inschrijvingen aangeleverd (%(file)s)") % {"file": delivery.filename},
        f"delivery:{delivery.pk}",
        access_point,
        categories=(Category.IDENTITY,),
    )
    return delivery


# --- vrijstellingen and startkwalificaties ---------------------------------------------------------


def _resident_youth(lp: rules.Actor, youth: Youth) -> None:
    if youth.municipality_id != lp.organisation.municipality_id:
        raise NotFoundOrForbidden


@audited_atomic
def exemption_record(
    *,
    actor,
    youth: Youth,
    article: str,
    grounds: str,
    notice_on: date,
    start: date,
    end: date,
    statement_by: str = "",
    access_point: AccessPoint,
    today: date | None = None,
):
    """A vrijstelling (art. 5 sub a, b, c or art. 15) with its grounds, recorded by the consulent
    of the youth's municipality."""
    from dateutil.relativedelta import relativedelta

    from .models import Exemption

    lp = rules.consulent(actor)
    _resident_youth(lp, youth)
    today = today or timezone.localdate()
    A = Exemption.Article
    errors: dict[str, str] = {}
    if article not in A.values:
        errors["article"] = _("Kies de grond in de wet.")
    if not (grounds or "").strip():
        errors["grounds"] = _("Beschrijf de onderbouwing van de vrijstelling.")
    if notice_on > today:
        errors["notice_on"] = _("De datum van de kennisgeving ligt in de toekomst.")
    if end < start:
        errors["end"] = _("De einddatum ligt vóór de begindatum.")
    if article == A.ART_5A and not statement_by.strip():
        # Art. 7 lid 1: with a verklaring of an arts, psycholoog or orthopedagoog.
        errors["statement_by"] = _(
            "Een vrijstelling op grond van art. 5 sub a vraagt een verklaring van een arts, psycholoog of orthopedagoog."
        )
    if article == A.ART_5B:
        first_day = law.leerplicht_start(youth.date_of_birth)
        latest_notice = first_day - relativedelta(months=law.RICHTINGBEZWAAR_NOTICE_MONTHS)
        if start <= first_day and notice_on > latest_notice:
            errors["notice_on"] = _(
                "De kennisgeving van richtingbezwaar moet uiterlijk een maand voordat de leerplicht begint (%(day)s) binnen zijn (art. 6)."
            ) % {"day": latest_notice.strftime("%d-%m-%Y")}
        elif start > first_day:
            # For a later school year: before 1 July before that school year (art. 6 lid 1).
            before = date(law.school_year_start(start).year, 7, 1)
            if notice_on >= before:
                errors["notice_on"] = _(
                    "De kennisgeving van richtingbezwaar voor dit schooljaar moest vóór %(day)s binnen zijn (art. 6)."
                ) % {"day": before.strftime("%d-%m-%Y")}
    if article == A.ART_15 and law.birthday(youth.date_of_birth, 16) > start:
        errors["start"] = _("Vrijstelling op grond van art. 15 kan vanaf de 16e verjaardag (%(day)s).") % {
            "day": law.birthday(youth.date_of_birth, 16).strftime("%d-%m-%Y")
        }
    if errors:
        raise ValidationError(errors)
    exemption = Exemption.objects.create(
        youth=youth,
        municipality=lp.organisation.municipality,
        article=article,
        grounds=grounds.strip(),
        notice_on=notice_on,
        statement_by=statement_by.strip(),
        start=start,
        end=end,
        recorded_by=lp.professional,
    )
    _log_youths(
        actor, lp, [youth.pk], Event.CREATE, _("Vrijstelling vastgelegd"), f"exemption:{exemption.pk}", access_point
    )
    return exemption


@audited_atomic
def startkwalificatie_record(*, actor, youth: Youth, level: str, obtained_on: date, access_point: AccessPoint):
    """Art. 4a: a startkwalificatie ends the kwalificatieplicht."""
    lp = rules.consulent(actor)
    _resident_youth(lp, youth)
    if level not in Startkwalificatie.Level.values:
        raise ValidationError({"level": _("Kies het diploma.")})
    if obtained_on > timezone.localdate():
        raise ValidationError({"obtained_on": _("De datum ligt in de toekomst.")})
    diploma, _created = Startkwalificatie.objects.update_or_create(
        youth=youth, defaults=dict(level=level, obtained_on=obtained_on, recorded_by=lp.professional)
    )
    _log_youths(
        actor,
        lp,
        [youth.pk],
        Event.UPDATE,
        _("Startkwalificatie vastgelegd"),
        f"startkwalificatie:{diploma.pk}",
        access_point,
    )
    return diploma


# --- MAS casework ------------------------------------------------------------------------------
#
# The consulent leerplicht takes up a melding in a leerplicht case and works it by the Methodisch
# Absentie Standaard (MAS): waarnemen, analyseren, plannen, handelen, evalueren. Every step is
# kept in the case (``CaseStep``), so whoever receives the case in a handover sees what happened.

TEXT_MAX = 5000
Kind = CaseStep.Kind
Phase = LeerplichtCase.Phase
Route = LeerplichtCase.Route


def _text(value: str, field: str, label: str, *, required: bool = True, max_length: int = TEXT_MAX) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("Vul %(label)s in.") % {"label": label}})
    if len(value) > max_length:
        raise ValidationError(
            {
                field: _("%(label)s is te lang (hoogstens %(n)s tekens).")
                % {"label": label.capitalize(), "n": max_length}
            }
        )
    return value


def _not_future(day: date, field: str, today: date) -> None:
    if day > today:
        raise ValidationError({field: _("De datum ligt in de toekomst.")})


def _open_case(actor, case: LeerplichtCase) -> rules.Actor:
    """The consulent of the case's municipality, on a case that is still open (locked)."""
    lp = rules.case_consulent(actor, case)
    LeerplichtCase.objects.select_for_update().filter(pk=case.pk).exists()  # lock the row, then read it
    case.refresh_from_db()
    if not case.is_open:
        raise ValidationError({"case": _("Deze leerplichtzaak is gesloten.")})
    return lp


def _step(case: LeerplichtCase, lp: rules.Actor, kind: str, title: str, **fields) -> CaseStep:
    return CaseStep.objects.create(case=case, kind=kind, phase=case.phase, title=title, by=lp.professional, **fields)


def _log_case(actor, lp: rules.Actor, case: LeerplichtCase, event: str, description: str, access_point, obj=None):
    _log_youths(actor, lp, [case.youth_id], event, description, obj or f"leerplichtzaak:{case.pk}", access_point)


@audited_atomic
def case_take_up(*, actor, melding: Melding, access_point: AccessPoint) -> LeerplichtCase:
    """The consulent of the youth's municipality takes up a melding the school sent: in the youth's
    open leerplicht case, or in a new one (phase waarnemen)."""
    lp = rules.consulent(actor)
    melding = Melding.objects.select_for_update().select_related("youth").get(pk=melding.pk)
    if melding.youth.municipality_id != lp.organisation.municipality_id or melding.is_mazl:
        raise NotFoundOrForbidden
    if melding.status != Melding.Status.SENT:
        raise ValidationError(
            {"status": _("Deze melding is %(status)s.") % {"status": melding.get_status_display().lower()}}
        )
    case = LeerplichtCase.objects.filter(youth=melding.youth, status=LeerplichtCase.Status.OPEN).first()
    if case is None:
        case = LeerplichtCase.objects.create(
            reference=f"tmp-{uuid.uuid4().hex[:16]}",  # replaced by the real reference below
            youth=melding.youth,
            municipality=lp.organisation.municipality,
            consulent=lp.professional,
            school=melding.school,
        )
        case.reference = f"LP-{case.opened_on:%Y}-{case.pk:05d}"
        case.save(update_fields=["reference"])
        event = Event.CREATE
    else:
        rules.case_consulent(actor, case)
        event = Event.UPDATE
    melding.status = Melding.Status.TAKEN_UP
    melding.case = case
    melding.save(update_fields=["status", "case"])
    _step(
        case,
        lp,
        Kind.NOTE,
        _("Melding in behandeling genomen: %(kind)s") % {"kind": melding.get_kind_display()},
        text=_("Gemeld door %(school)s op %(day)s.") % {"school": melding.school, "day": f"{melding.sent_at:%d-%m-%Y}"},
    )
    _log_case(actor, lp, case, event, _("Verzuimmelding in behandeling genomen in leerplichtzaak"), access_point)
    return case


@audited_atomic
def case_step_add(
    *,
    actor,
    case: LeerplichtCase,
    kind: str,
    title: str,
    text: str = "",
    with_whom: str = "",
    occurred_on: date | None = None,
    due_on: date | None = None,
    access_point: AccessPoint,
) -> CaseStep:
    """A conversation, the preventive spreekuur, an agreement (with the day it is due) or a note."""
    lp = _open_case(actor, case)
    today = timezone.localdate()
    occurred_on = occurred_on or today
    if kind not in CaseStep.RECORDED_KINDS:
        raise ValidationError({"kind": _("Kies wat u vastlegt.")})
    title = _text(title, "title", _("het onderwerp"), max_length=200)
    text = _text(text, "text", _("het verslag"), required=kind != Kind.AGREEMENT)
    with_whom = _text(
        with_whom,
        "with_whom",
        _("met wie het gesprek was"),
        required=kind in (Kind.CONVERSATION, Kind.SPREEKUUR),
        max_length=200,
    )
    _not_future(occurred_on, "occurred_on", today)
    if kind == Kind.AGREEMENT:
        if due_on is None:
            raise ValidationError({"due_on": _("Vul in wanneer de afspraak uiterlijk nagekomen moet zijn.")})
        if due_on < occurred_on:
            raise ValidationError({"due_on": _("De afspraak kan niet vóór de datum waarop ze gemaakt is aflopen.")})
    else:
        due_on = None
    step = _step(case, lp, kind, title, text=text, with_whom=with_whom, occurred_on=occurred_on, due_on=due_on)
    _log_case(actor, lp, case, Event.CREATE, CaseStep.Kind(kind).label, access_point, f"stap:{step.pk}")
    return step


@audited_atomic
def agreement_settle(*, actor, step: CaseStep, kept: bool, access_point: AccessPoint) -> CaseStep:
    """Whether an agreement was kept: the evaluation the MAS asks for."""
    lp = _open_case(actor, step.case)
    if step.kind != Kind.AGREEMENT:
        raise ValidationError({"kept": _("Alleen een afspraak wordt nagekomen of niet.")})
    step.kept = bool(kept)
    step.save(update_fields=["kept"])
    _log_case(actor, lp, step.case, Event.UPDATE, _("Afspraak geëvalueerd"), access_point, f"stap:{step.pk}")
    return step


@audited_atomic
def invitation_send(
    *,
    actor,
    case: LeerplichtCase,
    appointment_at,
    location: str,
    with_whom: str,
    text: str = "",
    access_point: AccessPoint,
) -> CaseStep:
    """An invitation for a conversation with the pupil and the parents (Leerplichtwet art. 22 lid 1:
    the consulent hears them); the letter is a PDF (``letters.step_pdf``)."""
    lp = _open_case(actor, case)
    location = _text(location, "location", _("de plaats van het gesprek"), max_length=200)
    with_whom = _text(with_whom, "with_whom", _("wie er uitgenodigd worden"), max_length=200)
    text = _text(text, "text", _("de toelichting"), required=False)
    if appointment_at is None:
        raise ValidationError({"appointment_at": _("Vul de datum en tijd van het gesprek in.")})
    if appointment_at <= timezone.now():
        raise ValidationError({"appointment_at": _("Het gesprek moet in de toekomst liggen.")})
    step = _step(
        case,
        lp,
        Kind.INVITATION,
        _("Uitnodiging voor een gesprek op %(when)s")
        % {"when": f"{timezone.localtime(appointment_at):%d-%m-%Y %H:%M}"},
        text=text,
        with_whom=with_whom,
        appointment_at=appointment_at,
        location=location,
    )
    _log_case(actor, lp, case, Event.CREATE, _("Uitnodiging voor een gesprek"), access_point, f"stap:{step.pk}")
    return step


@audited_atomic
def warning_give(*, actor, case: LeerplichtCase, text: str, access_point: AccessPoint) -> CaseStep:
    """A written warning (a letter) after a conversation: the MAS gives the warning only once the
    pupil and the parents have been heard."""
    lp = _open_case(actor, case)
    text = _text(text, "text", _("de inhoud van de waarschuwing"))
    if not case.steps.filter(kind__in=(Kind.CONVERSATION, Kind.SPREEKUUR)).exists():
        raise ValidationError(
            {
                "text": _(
                    "Een waarschuwing volgt op een gesprek. Leg eerst het gesprek met de jeugdige en de ouders vast."
                )
            }
        )
    step = _step(case, lp, Kind.WARNING, _("Schriftelijke waarschuwing"), text=text, with_whom=_("jeugdige en ouders"))
    _log_case(actor, lp, case, Event.CREATE, _("Waarschuwing gegeven"), access_point, f"stap:{step.pk}")
    return step


@audited_atomic
def phase_set(*, actor, case: LeerplichtCase, phase: str, note: str = "", access_point: AccessPoint) -> LeerplichtCase:
    """Move the case to another MAS phase (back as well: the MAS is a cycle)."""
    lp = _open_case(actor, case)
    if phase not in Phase.values:
        raise ValidationError({"phase": _("Kies een fase.")})
    if phase == case.phase:
        raise ValidationError({"phase": _("De zaak is al in deze fase.")})
    note = _text(note, "note", _("de toelichting"), required=False)
    case.phase = phase
    case.save(update_fields=["phase", "updated_at"])
    _step(case, lp, Kind.PHASE, _("Fase: %(phase)s") % {"phase": Phase(phase).label}, text=note)
    _log_case(actor, lp, case, Event.UPDATE, _("Fase gewijzigd"), access_point)
    return case


@audited_atomic
def route_choose(*, actor, case: LeerplichtCase, route: str, reason: str, access_point: AccessPoint) -> LeerplichtCase:
    """Choose a route with its reasons ("pas toe of leg uit"). Halt and the criminal route follow
    from a referral and a proces-verbaal; here the consulent chooses voluntary help or the civil route."""
    lp = _open_case(actor, case)
    if route not in (Route.VOLUNTARY, Route.CIVIL):
        raise ValidationError(
            {"route": _("Kies vrijwillige hulp of het civiele kader; Halt en proces-verbaal hebben hun eigen stap.")}
        )
    reason = _text(reason, "reason", _("waarom u voor deze route kiest"))
    case.route, case.route_reason = route, reason
    case.save(update_fields=["route", "route_reason", "updated_at"])
    _step(case, lp, Kind.ROUTE, _("Route: %(route)s") % {"route": Route(route).label}, text=reason)
    _log_case(actor, lp, case, Event.UPDATE, _("Route gekozen"), access_point)
    return case


# --- Halt ----------------------------------------------------------------------------------------


@audited_atomic
def halt_refer(
    *,
    actor,
    case: LeerplichtCase,
    youth_consents: bool,
    parents_consent: bool | None,
    access_point: AccessPoint,
) -> HaltReferral:
    """Refer the pupil to Halt: only when the criteria hold and the pupil (and, under 16, the
    parents) agree; otherwise the proces-verbaal route remains."""
    lp = _open_case(actor, case)
    check = selectors.halt_check(case)
    if not check.eligible:
        raise ValidationError({"halt": check.problems})
    if not youth_consents:
        raise ValidationError({"youth_consents": _("De jeugdige moet instemmen met de verwijzing naar Halt.")})
    if check.parents_must_consent and not parents_consent:
        raise ValidationError(
            {"parents_consent": _("De jeugdige is jonger dan 16: ook de ouders moeten instemmen met Halt.")}
        )
    referral = HaltReferral.objects.create(
        case=case,
        youth=case.youth,
        hours=check.hours,
        times_late=check.times_late,
        youth_consents=True,
        parents_consent=bool(parents_consent) if check.parents_must_consent else parents_consent,
    )
    case.route, case.route_reason = Route.HALT, _("Voldoet aan de Halt-criteria; jeugdige en ouders stemmen in.")
    case.save(update_fields=["route", "route_reason", "updated_at"])
    _step(
        case,
        lp,
        Kind.HALT,
        _("Verwezen naar Halt"),
        text=_("%(hours)s uur ongeoorloofd verzuim, %(late)s keer te laat.")
        % {"hours": selectors.hours_label(check.hours), "late": check.times_late},
    )
    _log_case(actor, lp, case, Event.CREATE, _("Verwezen naar Halt"), access_point, f"halt:{referral.pk}")
    return referral


@audited_atomic
def halt_outcome(*, actor, referral: HaltReferral, outcome: str, access_point: AccessPoint) -> HaltReferral:
    """Halt reports back: completed, or not (then the proces-verbaal route is open)."""
    lp = _open_case(actor, referral.case)
    if outcome not in (HaltReferral.Outcome.COMPLETED, HaltReferral.Outcome.FAILED):
        raise ValidationError({"outcome": _("Kies de uitkomst van Halt.")})
    if referral.outcome != HaltReferral.Outcome.PENDING:
        raise ValidationError({"outcome": _("De uitkomst van Halt is al vastgelegd.")})
    referral.outcome, referral.outcome_on = outcome, timezone.localdate()
    referral.save(update_fields=["outcome", "outcome_on"])
    _step(referral.case, lp, Kind.HALT, _("Halt: %(outcome)s") % {"outcome": referral.get_outcome_display().lower()})
    _log_case(
        actor, lp, referral.case, Event.UPDATE, _("Uitkomst Halt vastgelegd"), access_point, f"halt:{referral.pk}"
    )
    return referral


# --- proces-verbaal ------------------------------------------------------------------------------


@audited_atomic
def pv_draw_up(*, actor, case: LeerplichtCase, against: str, facts: str, access_point: AccessPoint) -> ProcesVerbaal:
    """Draw up a proces-verbaal (art. 22 lid 2) over the verzuim of the case's meldingen. Not while
    a Halt-afdoening is running: that comes first."""
    lp = _open_case(actor, case)
    if against not in ProcesVerbaal.Against.values:
        raise ValidationError({"against": _("Kies tegen wie het proces-verbaal is.")})
    facts = _text(facts, "facts", _("de feiten en omstandigheden"))
    today = timezone.localdate()
    if against != ProcesVerbaal.Against.PARENTS and age_on(case.youth.date_of_birth, today) < 12:
        raise ValidationError(
            {"against": _("Tegen een jeugdige jonger dan 12 jaar wordt geen proces-verbaal opgemaakt.")}
        )
    referral = HaltReferral.objects.filter(case=case).first()
    if referral is not None and referral.outcome == HaltReferral.Outcome.PENDING:
        raise ValidationError({"against": _("De Halt-afdoening loopt nog; wacht de uitkomst af.")})
    meldingen = list(case.meldingen.all())
    if not meldingen:
        raise ValidationError({"facts": _("Deze zaak heeft geen verzuimmelding om proces-verbaal over op te maken.")})
    start = min(m.period_start for m in meldingen)
    end = max(m.period_end for m in meldingen)
    hours = sum(
        Absence.objects.filter(
            youth=case.youth, kind=Absence.Kind.UNAUTHORISED, day__gte=start, day__lte=end
        ).values_list("hours", flat=True),
        Decimal(0),
    )
    pv = ProcesVerbaal.objects.create(
        case=case,
        number=f"tmp-{uuid.uuid4().hex[:16]}",  # replaced by the real number below
        against=against,
        facts=facts,
        period_start=start,
        period_end=end,
        hours=hours,
        by=lp.professional,
    )
    pv.number = f"PV-{case.reference}-{pv.pk}"
    pv.save(update_fields=["number"])
    case.route, case.route_reason = Route.CRIMINAL, facts
    case.save(update_fields=["route", "route_reason", "updated_at"])
    _step(case, lp, Kind.PROCES_VERBAAL, _("Proces-verbaal %(number)s opgemaakt") % {"number": pv.number})
    _log_case(actor, lp, case, Event.CREATE, _("Proces-verbaal opgemaakt"), access_point, f"pv:{pv.pk}")
    return pv


@audited_atomic
def pv_send(*, actor, pv: ProcesVerbaal, access_point: AccessPoint) -> ProcesVerbaal:
    """Record that the proces-verbaal went to the Openbaar Ministerie, with a copy to the Raad voor
    de Kinderbescherming."""
    lp = _open_case(actor, pv.case)
    if pv.sent_to_om_on:
        raise ValidationError({"pv": _("Dit proces-verbaal is al verstuurd.")})
    pv.sent_to_om_on = pv.copy_to_raad_on = timezone.localdate()
    pv.save(update_fields=["sent_to_om_on", "copy_to_raad_on"])
    _step(
        pv.case,
        lp,
        Kind.PROCES_VERBAAL,
        _("Proces-verbaal %(number)s verstuurd aan het OM, afschrift aan de Raad voor de Kinderbescherming")
        % {"number": pv.number},
    )
    _log_case(
        actor, lp, pv.case, Event.EXPORT, _("Proces-verbaal verstuurd aan OM en Raad"), access_point, f"pv:{pv.pk}"
    )
    return pv


# --- coordination with youth care ----------------------------------------------------------------


@audited_atomic
def coordination_register(
    *,
    actor,
    case: LeerplichtCase,
    question: str,
    consent_by: str,
    consent_on: date | None,
    phone: str = "",
    access_point: AccessPoint,
):
    """Register a help request at the toegang (Samen Doen) for the pupil, with the consent the
    youth's age asks (``intake.services.request_register``)."""
    from jeugdketen.intake.models import HelpRequest
    from jeugdketen.intake.services import RequestData, request_register

    lp = _open_case(actor, case)
    youth = case.youth
    request = request_register(
        actor=actor,
        data=RequestData(
            municipality=youth.municipality,
            question=question,
            first_name=youth.first_name,
            last_name=youth.last_name,
            date_of_birth=youth.date_of_birth,
            requester_kind=HelpRequest.Requester.OTHER,
            requester_name=lp.professional.name,
            requester_phone=phone or lp.professional.phone,
            requester_email=lp.professional.email or lp.professional.user.email,
            consent_by=consent_by,
            consent_on=consent_on,
        ),
        source=HelpRequest.Source.PROFESSIONAL,
        youth=youth,
        access_point=access_point,
    )
    _step(
        case,
        lp,
        Kind.COORDINATION,
        _("Aangemeld bij de toegang: hulpvraag %(ref)s") % {"ref": request.reference},
        text=request.question,
    )
    _log_case(actor, lp, case, Event.UPDATE, _("Afstemming met jeugdhulp: aangemeld bij de toegang"), access_point)
    return request


@audited_atomic
def coordination_join(*, actor, case: LeerplichtCase, care_case, reason: str, access_point: AccessPoint):
    """Join the youth's open case in youth care as consulent leerplicht: one plan, one casusregisseur.
    The casusregisseur reads it in the case's journal and can end the involvement."""
    from jeugdketen.cases.models import Involvement, JournalEntry

    lp = _open_case(actor, case)
    reason = _text(reason, "reason", _("waarom u aansluit"))
    if care_case not in selectors.open_care_cases(case):
        raise ValidationError({"care_case": _("Kies een lopende casus van deze jeugdige.")})
    if care_case.involvements.active().filter(professional=lp.professional).exists():
        raise ValidationError({"care_case": _("U bent al betrokken bij casus %(ref)s.") % {"ref": care_case.reference}})
    involvement = Involvement.objects.create(
        case=care_case,
        professional=lp.professional,
        function=lp.function,
        note=_("Consulent leerplicht (%(ref)s)") % {"ref": case.reference},
    )
    JournalEntry.objects.create(
        case=care_case,
        author=lp.professional,
        author_function=lp.function,
        category=Category.LEERPLICHT,
        title=_("Consulent leerplicht sluit aan"),
        text=reason,
    )
    _step(
        case,
        lp,
        Kind.COORDINATION,
        _("Aangesloten bij casus %(ref)s (casusregisseur: %(name)s)")
        % {"ref": care_case.reference, "name": care_case.casusregisseur.name if care_case.casusregisseur else "—"},
        text=reason,
    )
    _log_case(
        actor,
        lp,
        case,
        Event.CREATE,
        _("Aangesloten bij de casus in de jeugdhulp"),
        access_point,
        f"involvement:{involvement.pk}",
    )
    return involvement


# --- handover and closing ------------------------------------------------------------------------


@audited_atomic
def case_handover(
    *,
    actor,
    case: LeerplichtCase,
    to: Professional,
    conversation_on: date,
    note: str,
    access_point: AccessPoint,
) -> LeerplichtCase:
    """A warm handover to another consulent leerplicht (the youth moved, or changed school): only
    after a conversation between the two, which is recorded. The receiving consulent's municipality
    holds the case from then on, with all its history; the sender no longer sees it."""
    lp = _open_case(actor, case)
    note = _text(note, "note", _("wat u in het overdrachtsgesprek besprak"))
    today = timezone.localdate()
    if conversation_on is None:
        raise ValidationError(
            {"conversation_on": _("Vul de datum van het overdrachtsgesprek in: de overdracht is warm.")}
        )
    _not_future(conversation_on, "conversation_on", today)
    receiving = (
        Professional.objects.select_related("organisation__municipality").filter(pk=to.pk).first() if to else None
    )
    if (
        receiving is None
        or receiving.pk == lp.professional.pk
        or receiving.has_left()
        or receiving.organisation.kind != Organisation.Kind.GEMEENTE
        or not receiving.functions.filter(code=rules.CONSULENT).exists()
    ):
        raise ValidationError({"to": _("Kies een andere consulent leerplicht die nog in dienst is.")})
    case.consulent = receiving
    case.municipality = receiving.organisation.municipality
    case.save(update_fields=["consulent", "municipality", "updated_at"])
    _step(
        case,
        lp,
        Kind.HANDOVER,
        _("Warm overgedragen aan %(name)s (%(org)s)") % {"name": receiving.name, "org": receiving.organisation},
        text=note,
        occurred_on=conversation_on,
        with_whom=receiving.name,
    )
    _log_case(
        actor,
        lp,
        case,
        Event.UPDATE,
        _("Leerplichtzaak warm overgedragen aan %(name)s") % {"name": receiving.name},
        access_point,
    )
    return case


@audited_atomic
def case_close(*, actor, case: LeerplichtCase, outcome: str, access_point: AccessPoint) -> LeerplichtCase:
    """Close the case (phase evalueren done): its meldingen are closed with it."""
    lp = _open_case(actor, case)
    outcome = _text(outcome, "outcome", _("het resultaat"))
    if HaltReferral.objects.filter(case=case, outcome=HaltReferral.Outcome.PENDING).exists():
        raise ValidationError({"outcome": _("De Halt-afdoening loopt nog; sluit de zaak als de uitkomst bekend is.")})
    case.status, case.closed_on, case.outcome = LeerplichtCase.Status.CLOSED, timezone.localdate(), outcome
    case.save(update_fields=["status", "closed_on", "outcome", "updated_at"])
    case.meldingen.filter(status=Melding.Status.TAKEN_UP).update(status=Melding.Status.CLOSED)
    _step(case, lp, Kind.CLOSED, _("Zaak gesloten"), text=outcome)
    _log_case(actor, lp, case, Event.UPDATE, _("Leerplichtzaak gesloten"), access_point)
    return case


# --- leave (art. 13a, 14) ------------------------------------------------------------------------


@audited_atomic
def leave_request_register(
    *,
    actor,
    youth: Youth,
    ground: str,
    reason: str,
    requested_by: str,
    requested_on: date,
    start: date,
    end: date,
    access_point: AccessPoint,
) -> LeaveRequest:
    """The school registers the parents' written request for extra leave. Up to 10 school days the
    head of the school decides; over 10 (art. 14 lid 3) the consulent leerplicht."""
    staff = rules.school_staff(actor, deliver=True)
    school = staff.organisation
    today = timezone.localdate()
    if not Enrolment.objects.filter(youth=youth, school=school).current(start).exists():
        raise NotFoundOrForbidden
    errors: dict[str, str] = {}
    if ground not in LeaveRequest.Ground.values:
        errors["ground"] = _("Kies de grond van de aanvraag.")
    for name, value, label, size in (
        ("reason", reason, _("de reden van de aanvraag"), TEXT_MAX),
        ("requested_by", requested_by, _("wie het verlof aanvraagt"), 200),
    ):
        try:
            _text(value, name, label, max_length=size)
        except ValidationError as exc:
            errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if requested_on > today:
        errors["requested_on"] = _("De datum ligt in de toekomst.")
    if end < start:
        errors["end"] = _("De laatste dag ligt vóór de eerste dag.")
    calendar = school_calendar(school.municipality.holiday_region)
    days = calendar.school_days(start, end) if end >= start else []
    if not errors and not days:
        errors["start"] = _("In deze periode valt geen schooldag: daarvoor is geen verlof nodig.")
    if not errors and ground == LeaveRequest.Ground.HOLIDAY:
        if len(days) > law.HEAD_DECIDES_UP_TO_SCHOOL_DAYS:
            errors["end"] = _("Vakantieverlof (art. 13a) is hoogstens 10 schooldagen.")
        # None of its school days in the first two school weeks of their school year.
        first_weeks = {
            year: calendar.end_of_school_weeks(year, law.HOLIDAY_LEAVE_NOT_IN_FIRST_WEEKS)
            for year in {law.school_year_start(day) for day in days}
        }
        if any(day <= first_weeks[law.school_year_start(day)] for day in days):
            errors["start"] = _("Vakantieverlof (art. 13a) kan niet in de eerste twee weken van het schooljaar.")
        if _holiday_leave_granted(youth, start, exclude=None):
            errors["ground"] = _(
                "Vakantieverlof (art. 13a) is al eens verleend in dit schooljaar: het kan één keer per schooljaar."
            )
    if errors:
        raise ValidationError(errors)
    leave = LeaveRequest.objects.create(
        youth=youth,
        school=school,
        ground=ground,
        reason=reason.strip(),
        requested_by=requested_by.strip(),
        requested_on=requested_on,
        start=start,
        end=end,
        school_days=len(days),
        registered_by=staff.professional,
    )
    _log_youths(
        actor, staff, [youth.pk], Event.CREATE, _("Verlofaanvraag geregistreerd"), f"verlof:{leave.pk}", access_point
    )
    return leave


def _holiday_leave_granted(youth: Youth, day: date, exclude: LeaveRequest | None) -> bool:
    """Whether art. 13a leave was granted to the youth in the school year of ``day`` already."""
    granted = LeaveRequest.objects.filter(
        youth=youth,
        ground=LeaveRequest.Ground.HOLIDAY,
        decision=LeaveRequest.Decision.GRANTED,
        start__gte=law.school_year_start(day),
        start__lte=law.school_year_end(day),
    )
    return (granted.exclude(pk=exclude.pk) if exclude else granted).exists()


@audited_atomic
def leave_decide(*, actor, leave: LeaveRequest, decision: str, grounds: str, access_point: AccessPoint) -> LeaveRequest:
    """Decide on a leave request: the head of the school up to 10 school days, the consulent of the
    youth's municipality over 10 (art. 14 lid 3). A refusal is a besluit with its grounds; absence
    in refused leave is luxe verzuim, so the pupil's absence is judged again."""
    leave = LeaveRequest.objects.select_for_update().select_related("youth", "school__municipality").get(pk=leave.pk)
    if leave.for_consulent:
        decider = rules.consulent(actor)
        if leave.youth.municipality_id != decider.organisation.municipality_id:
            raise NotFoundOrForbidden
    else:
        decider = rules.school_head(actor)
        if decider.organisation.pk != leave.school_id:
            raise NotFoundOrForbidden
    if leave.decision:
        raise ValidationError({"decision": _("Over deze aanvraag is al beslist.")})
    if decision not in (LeaveRequest.Decision.GRANTED, LeaveRequest.Decision.REFUSED):
        raise ValidationError({"decision": _("Kies: verlenen of weigeren.")})
    if (
        decision == LeaveRequest.Decision.GRANTED
        and leave.ground == LeaveRequest.Ground.HOLIDAY
        and _holiday_leave_granted(leave.youth, leave.start, exclude=leave)
    ):
        raise ValidationError(
            {
                "decision": _(
                    "Vakantieverlof (art. 13a) is in dit schooljaar al verleend: het kan één keer per schooljaar."
                )
            }
        )
    grounds = _text(grounds, "decision_grounds", _("de motivering van het besluit"))
    leave.decision, leave.decision_grounds = decision, grounds
    leave.decided_on, leave.decided_by = timezone.localdate(), decider.professional
    leave.save(update_fields=["decision", "decision_grounds", "decided_on", "decided_by"])
    _log_youths(
        actor,
        decider,
        [leave.youth_id],
        Event.UPDATE,
        _("Besluit op verlofaanvraag"),
        f"verlof:{leave.pk}",
        access_point,
    )
    if decision == LeaveRequest.Decision.REFUSED:
        judge(
            leave.school,
            [leave.youth_id],
            actor=actor,
            staff=decider,
            access_point=access_point,
        )
    return leave
