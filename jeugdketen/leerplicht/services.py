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
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_each
from jeugdketen.intake.deadlines import add_working_days
from jeugdketen.organisations.models import Organisation
from jeugdketen.youth.models import Enrolment, Youth

from . import csvfiles, law, rules, verzuim
from .csvfiles import BadValue, Columns, ImportRefused, Report
from .models import Absence, Delivery, Melding, Startkwalificatie
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
    parse_kind = _cached(lambda value: csvfiles.parse_choice(value, ABSENCE_KINDS, _("soort verzuim")))
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
        found.update(Youth.objects.filter(bsn__in=chunk).values_list("bsn", "id"))
    return found


def _enrolments(school: Organisation, youth_ids: list[int]) -> dict[int, list[tuple[date, date | None]]]:
    periods: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for chunk in _chunks(youth_ids):
        for youth_id, start, end in Enrolment.objects.filter(school=school, youth_id__in=chunk).values_list(
            "youth_id", "start", "end"
        ):
            periods[youth_id].append((start, end))
    return periods


def _check_absence(school: Organisation, rows: list[AbsenceRow], report: Report, today: date) -> dict[str, int]:
    """Every row about a pupil of this school on one of its school days, once. Returns the
    youths by BSN."""
    youths = _youths_by_bsn({row.bsn for row in rows})
    enrolments = _enrolments(school, list(set(youths.values())))
    calendar = school_calendar(school.municipality.holiday_region)
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
    lines = csvfiles.rows(csvfiles.decode(data), ABSENCE_COLUMNS)
    return _absence_store(actor, lines, filename, hashlib.sha256(data).hexdigest(), access_point, today)


@audited_atomic
def absence_rows_import(
    *, actor, rows: list[dict[str, str]], access_point: AccessPoint, today: date | None = None
) -> ImportResult:
    """The same through the API: a list of rows with the file's columns (item 1 is "line" 1)."""
    if not rows:
        report = Report()
        report.add(None, _("Er zijn geen regels met verzuim meegestuurd."))
        raise ImportRefused(report)
    lines = ((n, [str(row.get(k, "")).strip() for k in ABSENCE_COLUMNS.names]) for n, row in enumerate(rows, 1))
    digest = hashlib.sha256(repr(sorted(map(sorted, (r.items() for r in rows)))).encode()).hexdigest()
    return _absence_store(actor, lines, "API", digest, access_point, today)


def _absence_store(actor, lines, filename: str, digest: str, access_point: AccessPoint, today) -> ImportResult:
    staff = rules.school_staff(actor, deliver=True)
    school = staff.organisation
    today = today or timezone.localdate()
    report = Report()
    rows = _parse_absence(lines, report)
    youths = _check_absence(school, rows, report, today)
    if report:
        raise ImportRefused(report)

    delivery = Delivery.objects.create(
        kind=Delivery.Kind.ABSENCE,
        organisation=school,
        delivered_by=actor,
        filename=filename[:255],
        sha256=digest,
        rows=len(rows),
    )
    by_youth: dict[int, list[AbsenceRow]] = defaultdict(list)
    for row in rows:
        by_youth[youths[row.bsn]].append(row)
    existing: dict[tuple[int, date, str], tuple[int, Decimal]] = {}
    first, last = min(row.day for row in rows), max(row.day for row in rows)
    for chunk in _chunks(list(by_youth)):
        for pk, youth_id, day, kind, hours in Absence.objects.filter(
            school=school, youth_id__in=chunk, day__gte=first, day__lte=last
        ).values_list("pk", "youth_id", "day", "kind", "hours"):
            existing[(youth_id, day, kind)] = (pk, hours)
    create, update, changed_youths = [], [], set()
    for youth_id, youth_rows in by_youth.items():
        for row in youth_rows:
            old = existing.get((youth_id, row.day, row.kind))
            if old is None:
                create.append(
                    Absence(
                        youth_id=youth_id, school=school, day=row.day, kind=row.kind, hours=row.hours, delivery=delivery
                    )
                )
                changed_youths.add(youth_id)
            elif old[1] != row.hours:
                update.append(Absence(pk=old[0], hours=row.hours, delivery=delivery))
                changed_youths.add(youth_id)
    Absence.objects.bulk_create(create, batch_size=BATCH)
    Absence.objects.bulk_update(update, ["hours", "delivery"], batch_size=BATCH)
    delivery.created, delivery.updated = len(create), len(update)
    delivery.unchanged = len(rows) - len(create) - len(update)
    _log_youths(
        actor,
        staff,
        sorted(changed_youths),
        Event.UPDATE,
        _("Verzuim aangeleverd (%(file)s)") % {"file": delivery.filename or "API"},
        f"delivery:{delivery.pk}",
        access_point,
    )
    delivery.findings = judge(
        school, sorted(changed_youths), actor=actor, staff=staff, access_point=access_point, today=today
    )
    delivery.save(update_fields=["created", "updated", "unchanged", "findings"])
    return ImportResult(delivery, delivery.findings)


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


def judge(school: Organisation, youth_ids: list[int], *, actor, staff: rules.Actor, access_point, today: date) -> int:
    """Judge the absence of these pupils at this school again and bring the meldingen in line:
    a new case becomes a melding with its term; a melding still waiting for the school whose case
    is gone after a correction lapses. Meldingen the school sent stay. Returns how many are new."""
    if not youth_ids:
        return 0
    calendar = school_calendar(school.municipality.holiday_region)
    rows: dict[int, list[tuple[date, str, Decimal]]] = defaultdict(list)
    births: dict[int, date] = {}
    diplomas: dict[int, date] = {}
    existing: dict[tuple[int, str, date], Melding] = {}
    for chunk in _chunks(youth_ids):
        for youth_id, day, kind, hours in (
            Absence.objects.filter(school=school, youth_id__in=chunk)
            .order_by("youth_id", "day")
            .values_list("youth_id", "day", "kind", "hours")
        ):
            rows[youth_id].append((day, kind, hours))
        births.update(Youth.objects.filter(pk__in=chunk).values_list("pk", "date_of_birth"))
        diplomas.update(Startkwalificatie.objects.filter(youth_id__in=chunk).values_list("youth_id", "obtained_on"))
        for melding in Melding.objects.filter(school=school, youth_id__in=chunk):
            existing[(melding.youth_id, melding.kind, melding.reached_on)] = melding
    create, refresh, found_keys = [], [], set()
    for youth_id in youth_ids:
        for finding in findings_for(
            rows.get(youth_id, ()),
            date_of_birth=births[youth_id],
            startkwalificatie_on=diplomas.get(youth_id),
            calendar=calendar,
        ):
            kind = FINDING_KINDS[finding.kind]
            key = (youth_id, kind, finding.reached_on)
            found_keys.add(key)
            values = dict(period_start=finding.start, period_end=finding.end, hours=finding.hours, count=finding.count)
            melding = existing.get(key)
            if melding is None:
                create.append(
                    Melding(
                        youth_id=youth_id,
                        school=school,
                        kind=kind,
                        reached_on=finding.reached_on,
                        due_on=add_working_days(finding.reached_on, law.REPORT_WITHIN_WORKING_DAYS),
                        **values,
                    )
                )
            elif melding.status in (Melding.Status.FOUND, Melding.Status.LAPSED) and (
                melding.status == Melding.Status.LAPSED
                or any(getattr(melding, field) != value for field, value in values.items())
            ):
                for field, value in values.items():
                    setattr(melding, field, value)
                melding.status = Melding.Status.FOUND
                refresh.append(melding)
    lapsed = [m for key, m in existing.items() if key not in found_keys and m.status == Melding.Status.FOUND]
    for melding in lapsed:
        melding.status = Melding.Status.LAPSED
    Melding.objects.bulk_create(create, batch_size=BATCH)
    Melding.objects.bulk_update(
        [*refresh, *lapsed], ["period_start", "period_end", "hours", "count", "status"], batch_size=BATCH
    )
    grant = staff.grant()
    for meldingen, event, description in (
        (create, Event.CREATE, _("Verzuimmelding gevonden in het aangeleverde verzuim")),
        ([*refresh, *lapsed], Event.UPDATE, _("Verzuimmelding bijgewerkt na gecorrigeerd verzuim")),
    ):
        log_each(
            [(m.youth_id, f"melding:{m.pk}", grant) for m in meldingen],
            user=actor,
            event=event,
            object_type=rules.OBJECT_TYPE,
            access_point=access_point,
            description=description,
            categories=(LP,),
        )
    return len(create)


# --- meldingen ----------------------------------------------------------------------------------


@audited_atomic
def melding_send(*, actor, melding: Melding, note: str = "", access_point: AccessPoint) -> Melding:
    """The school confirms the case and sends the melding: to the consulent leerplicht, or for
    M@ZL to the jeugdarts."""
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
    melding.status = Melding.Status.SENT
    melding.school_note = note.strip()
    melding.sent_at = timezone.now()
    melding.sent_by = staff.professional
    melding.save(update_fields=["status", "school_note", "sent_at", "sent_by"])
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
    youths = {
        y.bsn: y for chunk in _chunks(sorted({r["bsn"] for r in rows})) for y in Youth.objects.filter(bsn__in=chunk)
    }
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
    """A school's enrolments (in- en uitschrijvingen). A pupil the app does not know yet needs
    name, date of birth and the CBS code of the municipality of residence; a known BSN must come
    with its known date of birth. Importing the same file again changes nothing."""
    from jeugdketen.organisations.models import Municipality

    staff = rules.school_staff(actor, deliver=True)
    school = staff.organisation
    today = today or timezone.localdate()
    report = Report()
    parse_date = _cached(csvfiles.parse_date)
    rows, seen = [], {}
    for line, values in csvfiles.rows(csvfiles.decode(data), ENROLMENT_COLUMNS):
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
    youths = {
        y.bsn: y for chunk in _chunks(sorted({r["bsn"] for r in rows})) for y in Youth.objects.filter(bsn__in=chunk)
    }
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
        sha256=hashlib.sha256(data).hexdigest(),
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
