#!/usr/bin/env python
"""Leerplicht at region scale on PostgreSQL (bench only): the absence import end to end against
the database's own limit on the same files, and a daily delta.

    .venv/bin/python bench/leerplicht.py                 # drops and recreates jk_bench_lp
    .venv/bin/python bench/leerplicht.py --profile       # the same, with pyinstrument over the app

In one run:

1. **Set-up (not timed):** the database ``--database`` (default ``jk_bench_lp``) is dropped,
   created and migrated. 100 schools of 1,000 pupils in 11 municipalities of holiday region noord,
   the region's 2025/2026 school calendar, an IB'er per school, 100,000 youths with a BSN and their
   enrolments (COPY). Then one absence file per school (``bench/out/leerplicht[-LABEL]/``): 10
   rows per pupil over the school year, 1,000,000 rows in all. About 4% of the pupils cross 16
   hours of unauthorised absence in 4 school weeks (some of them across a holiday, one in eight
   twice), about 5% come close, about 4% are sick often or long (M@ZL).
2. **The app:** every school's IB'er delivers the school's file through
   ``leerplicht.services.absence_import``, as the verzuim page does (parse and check the whole file,
   store, access log, judge into meldingen), one transaction per file.
3. **The limit:** a bare ``COPY`` of the same 100 files into an unlogged staging table (text
   columns, as in the files), then ``ANALYZE`` and one SQL query that finds the 16-hours cases: the
   unauthorised and late hours per pupil and day, school weeks numbered from the same
   ``leerplicht_schoolholiday`` rows, and per day the sum over its school week up to that day plus
   the 3 school weeks before it (two window functions). For reference, not part of the limit: the
   rows the app stored, by COPY into a copy of the app's absence table (its primary key, CHECK and
   any foreign keys it has), a commit per school: what storing them durably costs PostgreSQL alone.
4. **The delta:** a file per school with one new school day (the last before the summer) for 200
   pupils: 20,000 rows, each file through ``absence_import`` again.

Checks: the app stored every row, and for every pupil the day the app's first 16-hours melding
was reached equals the first day the query finds (so the counts of pupils agree). The app may find
a pupil a second time: after a melding it starts counting again (art. 21a, DUO: a new period of 4
weeks, at most one melding per 7 days), which one window query does not do; those repeat meldingen
are reported apart. After the delta the query runs again over all files and must still agree.

Results go to stdout and ``bench/out/leerplicht[-LABEL].json`` and ``.md``; with ``--profile`` the
pyinstrument reports to ``bench/out/leerplicht[-LABEL]-profile-{app,delta}.txt`` and ``.html``
(the timings of a profiled run are not the figures to quote).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from statistics import median
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import OUT, ROOT, setup

SEED = 20261
REGION = "noord"
SCHOOLS = 100
PUPILS_PER_SCHOOL = 1_000
ROWS_PER_PUPIL = 10
DELTA_PUPILS_PER_SCHOOL = 200
PROTECTED = {"jk_bench", "test", "postgres", "template0", "template1"}

# Regio noord, 2025/2026 (rijksoverheid.nl's dates; summer 2025 and 2026 bound the year). The
# weekday feestdagen outside them come from the Algemene termijnenwet, as the demo does.
VACATIONS = [
    ("Zomervakantie", date(2025, 7, 12), date(2025, 8, 24)),
    ("Herfstvakantie", date(2025, 10, 18), date(2025, 10, 26)),
    ("Kerstvakantie", date(2025, 12, 20), date(2026, 1, 4)),
    ("Voorjaarsvakantie", date(2026, 2, 14), date(2026, 2, 22)),
    ("Meivakantie", date(2026, 4, 25), date(2026, 5, 3)),
    ("Zomervakantie", date(2026, 7, 4), date(2026, 8, 16)),
]
FIRST_DAY = date(2025, 8, 25)  # the first school day of 2025/2026
DELTA_DAY = date(2026, 7, 3)  # the last one: the delta's day; the year's files end the day before

MUNICIPALITIES = [
    ("0193", "Zwolle"),
    ("0150", "Deventer"),
    ("0166", "Kampen"),
    ("0160", "Hardenberg"),
    ("0177", "Raalte"),
    ("0148", "Dalfsen"),
    ("0175", "Ommen"),
    ("0180", "Staphorst"),
    ("1708", "Steenwijkerland"),
    ("1896", "Zwartewaterland"),
    ("1742", "Rijssen-Holten"),
]
FIRST_NAMES = "Daan Sem Noah Lucas Levi Finn Milan Emma Julia Mila Tess Sophie Sara Nora Evi Anna".split()
LAST_NAMES = "Jansen Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Kok".split()

# The profiles of the pupils (share of all pupils): what their 10 rows look like.
PROFILES = [
    ("truant", 0.035),  # 4-5 unauthorised days of 4-5 hours within 3 school weeks: one melding
    ("chronic", 0.005),  # 8 unauthorised days of 4-5 hours over 4 school weeks: two meldingen
    ("near_miss", 0.05),  # 12 hours within 4 school weeks, 4 more at least 4 school weeks later
    ("sick_often", 0.03),  # 4 sick reports within 7 school weeks (M@ZL)
    ("sick_long", 0.01),  # 7 consecutive sick school days (M@ZL)
]  # the rest: a few sick days, late arrivals, leave and at most 2 unauthorised hours twice

SQL_16_HOURS = """
WITH vacation_weeks AS (  -- Mondays of the weeks whose five weekdays are all in a vacation
    SELECT date_trunc('week', d)::date AS monday
    FROM leerplicht_schoolholiday h, generate_series(h.start, h."end", interval '1 day') AS d
    WHERE h.region = %(region)s AND h.kind = 'vakantie' AND extract(isodow FROM d) < 6
    GROUP BY 1 HAVING count(DISTINCT d) = 5
),
school_weeks AS (  -- the other weeks, numbered: consecutive school weeks, consecutive numbers
    SELECT g.monday::date AS monday, row_number() OVER (ORDER BY g.monday) AS school_week
    FROM generate_series(date '2000-01-03', current_date + 366, interval '7 days') AS g (monday)
    WHERE g.monday::date NOT IN (SELECT monday FROM vacation_weeks)
),
per_day AS (  -- unauthorised and late hours (in hundredths) per pupil and school day
    SELECT s.bsn COLLATE "C" AS bsn, w.school_week, d.day,
           sum(round(replace(s.lesuren, ',', '.')::numeric * 100)::int)::int AS hours
    FROM lp_staging s
    CROSS JOIN LATERAL (SELECT to_date(s.datum, 'DD-MM-YYYY') AS day) AS d
    JOIN school_weeks w ON w.monday = date_trunc('week', d.day)::date
    WHERE lower(s.soort) IN ('ongeoorloofd', 'te laat')
    GROUP BY 1, 2, 3
),
windows AS (  -- the 3 school weeks before the day's week, plus its week up to the day
    SELECT bsn, day,
           coalesce(sum(hours) OVER (PARTITION BY bsn ORDER BY school_week
                                     RANGE BETWEEN 3 PRECEDING AND 1 PRECEDING), 0)
           + sum(hours) OVER (PARTITION BY bsn, school_week ORDER BY day) AS four_weeks
    FROM per_day
)
SELECT bsn, min(day) AS reached_on FROM windows WHERE four_weeks >= %(threshold)s GROUP BY bsn
"""


# --------------------------------------------------------------------------------------------
# Database
# --------------------------------------------------------------------------------------------


def database_url(name: str) -> str:
    """DATABASE_URL with its database name replaced (the server and user stay)."""
    base = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
    parts = urlsplit(base)
    if parts.scheme not in ("postgres", "postgresql"):
        sys.exit("DATABASE_URL must point to the PostgreSQL server (postgres://...)")
    return urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(name: str) -> None:
    import psycopg

    if name in PROTECTED or name.startswith("test"):
        sys.exit(f"Refusing to drop database {name!r}: pick a database of its own (default jk_bench_lp)")
    with psycopg.connect(database_url("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def raw():
    from django.db import connection

    connection.ensure_connection()
    return connection.connection


def execute(sql: str, params=None):
    with raw().cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall() if cur.description else None


def copy_lines(table: str, columns: list[str], lines: list[str]) -> int:
    with raw().cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for start in range(0, len(lines), 50_000):
            copy.write("".join(lines[start : start + 50_000]))
    return len(lines)


def cpu_now() -> tuple[float, float | None]:
    """CPU seconds so far of this process and of its PostgreSQL backend (read from /proc when the
    server runs on this machine): less sensitive than wall time to other work on the machine.
    Parallel query workers, autovacuum and the WAL writer are not counted."""
    backend = None
    try:
        pid = execute("SELECT pg_backend_pid()")[0][0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        backend = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        pass
    return time.process_time(), backend


def cpu_since(before: tuple[float, float | None]) -> dict:
    python, backend = cpu_now()
    return {
        "cpu_python": round(python - before[0], 2),
        "cpu_postgres": round(backend - before[1], 2) if backend is not None and before[1] is not None else None,
    }


class QueryStats:
    """Queries through Django's cursors and the time spent in them (round trip and execution in
    PostgreSQL, not the Python around them). A COPY on the raw psycopg connection is not seen."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0
        self.by_statement: Counter = Counter()  # seconds per statement (its first 70 characters)

    def __call__(self, execute_, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute_(sql, params, many, context)
        finally:
            spent = time.perf_counter() - started
            self.seconds += spent
            self.count += 1
            self.by_statement[sql[:70]] += spent

    def slowest(self, n: int = 8) -> list[tuple[str, float]]:
        return [(sql, round(seconds, 3)) for sql, seconds in self.by_statement.most_common(n)]


# --------------------------------------------------------------------------------------------
# Set-up (not timed)
# --------------------------------------------------------------------------------------------


def bsn_numbers():
    """Valid (elfproef) BSNs in order, from 900000000 (as ``generate.py``)."""
    prefix = 90_000_000
    weights = (9, 8, 7, 6, 5, 4, 3, 2)
    while True:
        check = sum(int(d) * w for d, w in zip(str(prefix), weights, strict=True)) % 11
        if check < 10:
            yield f"{prefix}{check}"
        prefix += 1


def build(rng: random.Random, schools_count: int = SCHOOLS) -> dict:
    """Municipalities, calendar, schools with an IB'er, youths and enrolments."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from jeugdketen.intake.deadlines import atw_holidays
    from jeugdketen.leerplicht.models import SchoolHoliday
    from jeugdketen.organisations.models import Function, Municipality, Organisation, Professional
    from jeugdketen.organisations.services import load_reference_data

    load_reference_data()
    munis = Municipality.objects.bulk_create(
        [Municipality(cbs_code=code, name=name, holiday_region=REGION) for code, name in MUNICIPALITIES]
    )
    holidays = [
        SchoolHoliday(region=REGION, name=name, start=start, end=end, kind=SchoolHoliday.Kind.VACATION)
        for name, start, end in VACATIONS
    ]
    for year in (2025, 2026):
        for day in sorted(atw_holidays(year)):
            if day.weekday() < 5 and not any(a <= day <= b for _n, a, b in VACATIONS):
                holidays.append(
                    SchoolHoliday(region=REGION, name="Feestdag", start=day, end=day, kind=SchoolHoliday.Kind.DAY_OFF)
                )
    SchoolHoliday.objects.bulk_create(holidays)

    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    schools = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"{'Lyceum' if i % 7 == 6 else 'Basisschool'} {rng.choice(LAST_NAMES)} {i + 1}",
                kind=Organisation.Kind.SCHOOL,
                sector="vo" if i % 7 == 6 else "po",
                brin=f"{90 + i // 676:02d}{letters[(i // 26) % 26]}{letters[i % 26]}",
                municipality=munis[i % len(munis)],
                city=munis[i % len(munis)].name,
            )
            for i in range(schools_count)
        ]
    )
    user_model = get_user_model()
    password = make_password("Bench-wachtwoord-2026")  # bench database only
    users = user_model.objects.bulk_create(
        [
            user_model(username=f"lp_ib_{i + 1:03d}", first_name="Ib", last_name=f"School {i + 1}", password=password)
            for i in range(schools_count)
        ]
    )
    ib = Function.objects.get(code="intern_begeleider")
    pros = Professional.objects.bulk_create(
        [
            Professional(user=u, organisation=s, job_title=ib.name, email=f"{u.username}@bench.jeugdketen.nl")
            for u, s in zip(users, schools, strict=True)
        ]
    )
    through = Professional.functions.through
    through.objects.bulk_create([through(professional=p, function=ib) for p in pros])

    # Youths and enrolments: COPY. Pupils of a basisschool are 5 to 11 on the first school day, of
    # a lyceum 12 to 16: all leerplichtig or kwalificatieplichtig the whole school year.
    bsns = bsn_numbers()
    youth_id = execute("SELECT coalesce(max(id), 0) + 1 FROM youth_youth")[0][0]
    enrol_id = execute("SELECT coalesce(max(id), 0) + 1 FROM youth_enrolment")[0][0]
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S+00")
    youth_lines, enrol_lines = [], []
    pupils: dict[int, list[str]] = {}  # school id -> BSNs
    for school in schools:
        oldest, youngest = (
            (date(2008, 10, 1), date(2013, 9, 30))
            if school.sector == "vo"
            else (
                date(2013, 10, 1),
                date(2020, 3, 31),
            )
        )
        span = (youngest - oldest).days
        pupils[school.pk] = []
        for _i in range(PUPILS_PER_SCHOOL):
            bsn = next(bsns)
            born = oldest + timedelta(days=rng.randint(0, span))
            youth_lines.append(
                f"{youth_id}\t{rng.choice(FIRST_NAMES)}\t\t{rng.choice(LAST_NAMES)}\t{born.isoformat()}\t{bsn}\t"
                f"{rng.choice('vm')}\t{now}\t{school.municipality_id}\t\\N\n"
            )
            enrol_lines.append(f"{enrol_id}\t{youth_id}\t{school.pk}\t2024-08-19\t\\N\t\n")
            pupils[school.pk].append(bsn)
            youth_id += 1
            enrol_id += 1
    copy_lines(
        "youth_youth",
        [
            "id",
            "first_name",
            "name_prefix",
            "last_name",
            "date_of_birth",
            "bsn",
            "gender",
            "created_at",
            "municipality_id",
            "user_id",
        ],
        youth_lines,
    )
    copy_lines("youth_enrolment", ["id", "youth_id", "school_id", "start", '"end"', '"group"'], enrol_lines)
    for table in ("youth_youth", "youth_enrolment"):
        execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    execute("VACUUM (ANALYZE)")
    return {"schools": schools, "ib_user": dict(zip([s.pk for s in schools], users, strict=True)), "pupils": pupils}


class Year:
    """The school days of the data, by school week (the app's own calendar)."""

    def __init__(self):
        from jeugdketen.leerplicht.selectors import school_calendar

        self.calendar = school_calendar(REGION)
        self.days = self.calendar.school_days(FIRST_DAY, DELTA_DAY - timedelta(days=1))
        self.by_week: dict[int, list[date]] = {}
        for day in self.days:
            self.by_week.setdefault(self.calendar.school_week(day), []).append(day)
        self.weeks = sorted(self.by_week)
        # School weeks followed by a vacation: a truant's weeks may straddle it.
        self.before_vacation = [
            w for w in self.weeks[:-1] if self.calendar.is_vacation_week(self.by_week[w][0] + timedelta(days=7))
        ]

    def days_in(self, first_week: int, n_weeks: int) -> list[date]:
        return [d for w in range(first_week, first_week + n_weeks) for d in self.by_week.get(w, [])]


def hours(value: float) -> str:
    return f"{value:g}".replace(".", ",")  # the decimal comma Dutch Excel writes


def pupil_rows(rng: random.Random, profile: str, year: Year) -> list[tuple[date, str, str]]:
    """The pupil's ROWS_PER_PUPIL rows: (day, kind, hours), each on a day of its own."""
    rows: list[tuple[date, str, str]] = []
    weeks = year.weeks
    if profile in ("truant", "chronic", "near_miss"):
        if profile == "truant":
            first = rng.choice(year.before_vacation) - 1 if rng.random() < 0.25 else rng.choice(weeks[:-3])
            n = rng.choice([4, 4, 5])
            days = rng.sample(year.days_in(first, 3), n)
            rows += [(d, "ongeoorloofd", hours(rng.choice([4, 5]))) for d in days]
            if rng.random() < 0.3:
                spare = [d for d in year.days_in(first, 3) if d not in days]
                rows.append((rng.choice(spare), "te laat", hours(rng.choice([0.5, 1]))))
        elif profile == "chronic":
            first = rng.choice(weeks[:-4])
            for w in range(first, first + 4):
                rows += [(d, "ongeoorloofd", hours(rng.choice([4, 5]))) for d in rng.sample(year.by_week[w], 2)]
        else:
            first = rng.choice(weeks[:-6])
            rows += [(d, "ongeoorloofd", "4") for d in rng.sample(year.days_in(first, 2), 3)]
            later = [w for w in weeks if w >= first + 1 + 4]
            rows.append((rng.choice(year.by_week[rng.choice(later)]), "ongeoorloofd", "4"))
        fillers = ["verlof", "ziek"]
    elif profile == "sick_often":
        first = rng.choice(weeks[:-7])
        rows += [(rng.choice(year.by_week[w]), "ziek", "6") for w in range(first, first + 7, 2)]
        fillers = ["verlof", "te laat"]
    elif profile == "sick_long":
        start = rng.randrange(len(year.days) - 7)
        rows += [(d, "ziek", "6") for d in year.days[start : start + 7]]
        fillers = ["verlof", "te laat"]
    else:
        n_sick, n_late, n_unauth = rng.randint(0, 3), rng.randint(0, 4), rng.randint(0, 2)
        fillers = ["ziek"] * n_sick + ["te laat"] * n_late + ["ongeoorloofd"] * n_unauth
        fillers += ["verlof"] * (ROWS_PER_PUPIL - len(fillers))
        rng.shuffle(fillers)
    used = {d for d, _k, _h in rows}
    sick_reports = sum(1 for _d, k, _h in rows if k == "ziek")
    i = 0
    while len(rows) < ROWS_PER_PUPIL:
        day = rng.choice(year.days)
        if day in used:
            continue
        used.add(day)
        kind = fillers[i % len(fillers)]
        i += 1
        if kind == "ziek" and profile != "ordinary":
            if sick_reports >= 2:  # special profiles: no extra M@ZL case from filler sick days
                kind = "verlof"
            sick_reports += 1
        value = {"ziek": "6", "verlof": "6", "te laat": hours(rng.choice([0.25, 0.5, 0.75, 1]))}.get(kind)
        rows.append((day, kind, value or hours(rng.choice([1, 1.5, 2]))))
    return rows


def write_files(rng: random.Random, world: dict, year: Year, folder: Path) -> tuple[list[tuple], Counter]:
    """One file per school (header and rows as a school's export), and the delta files."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.csv"):
        old.unlink()
    names = [name for name, _share in PROFILES]
    cumulative, total = [], 0.0
    for _name, share in PROFILES:
        total += share
        cumulative.append(total)
    profiles: Counter = Counter()
    files = []
    for school in world["schools"]:
        lines = ["bsn;datum;soort;lesuren\n"]
        for bsn in world["pupils"][school.pk]:
            r = rng.random()
            profile = next((names[i] for i, c in enumerate(cumulative) if r < c), "ordinary")
            profiles[profile] += 1
            for day, kind, value in sorted(pupil_rows(rng, profile, year)):
                lines.append(f"{bsn};{day:%d-%m-%Y};{kind};{value}\n")
        year_file = folder / f"verzuim-{school.brin}-2025-2026.csv"
        year_file.write_text("".join(lines), encoding="utf-8")
        delta = ["bsn;datum;soort;lesuren\n"]
        for bsn in sorted(rng.sample(world["pupils"][school.pk], DELTA_PUPILS_PER_SCHOOL)):
            kind = rng.choices(["ziek", "te laat", "verlof", "ongeoorloofd"], [60, 15, 10, 15])[0]
            value = {"ziek": "6", "verlof": "6", "te laat": hours(rng.choice([0.25, 0.5, 1]))}.get(kind)
            delta.append(f"{bsn};{DELTA_DAY:%d-%m-%Y};{kind};{value or hours(rng.choice([2, 4, 6]))}\n")
        delta_file = folder / f"verzuim-{school.brin}-{DELTA_DAY.isoformat()}.csv"
        delta_file.write_text("".join(delta), encoding="utf-8")
        files.append((school, world["ib_user"][school.pk], year_file, delta_file))
    return files, profiles


# --------------------------------------------------------------------------------------------
# The measurements
# --------------------------------------------------------------------------------------------


def import_files(files: list[tuple[object, object, Path]], profile_to: Path | None) -> dict:
    """Each school's IB'er delivers the school's file through the service, as the page does."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from jeugdketen.auditlog.services import AccessPoint, Channel
    from jeugdketen.leerplicht import services

    point = AccessPoint(Channel.WEB, "127.0.0.1")
    user_model = get_user_model()
    payloads = [(user.pk, path.name, path.read_bytes()) for _school, user, path in files]
    stats = QueryStats()
    per_file, findings, rows = [], 0, 0
    profiler = None
    if profile_to is not None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
    cpu = cpu_now()
    started = time.perf_counter()
    with connection.execute_wrapper(stats):
        for user_pk, name, data in payloads:
            t = time.perf_counter()
            actor = user_model.objects.get(pk=user_pk)  # a fresh request.user per upload
            result = services.absence_import(actor=actor, data=data, filename=name, access_point=point)
            per_file.append(time.perf_counter() - t)
            findings += result.meldingen
            rows += result.delivery.rows
    total = time.perf_counter() - started
    cpu = cpu_since(cpu)
    if profiler is not None:
        profiler.stop()
        profile_to.with_suffix(".txt").write_text(profiler.output_text(unicode=True, color=False, show_all=False))
        profile_to.with_suffix(".html").write_text(profiler.output_html())
    ordered = sorted(per_file)
    return {
        "files": len(per_file),
        "rows": rows,
        "seconds": round(total, 3),
        "rows_per_second": round(rows / total),
        "per_file_p50": round(median(per_file), 4),
        "per_file_p95": round(ordered[int(0.95 * (len(ordered) - 1))], 4),
        "per_file_max": round(ordered[-1], 4),
        "new_meldingen": findings,
        "queries": stats.count,
        "query_seconds": round(stats.seconds, 3),
        "slowest_statements": stats.slowest(),
        **cpu,
    }


def copy_files(paths: list[Path]) -> tuple[float, int]:
    """The bare COPY of the files into the staging table (as they are: text columns)."""
    started = time.perf_counter()
    n = 0
    with raw().cursor() as cur:
        for path in paths:
            with cur.copy("COPY lp_staging FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)") as copy:
                copy.write(path.read_bytes())
            n += cur.rowcount
    return time.perf_counter() - started, n


def floor_copy(school_ids: list[int]) -> dict:
    """For reference, not the limit: the rows the app stored, by COPY into a copy of its own table
    (the same indexes, CHECK and foreign keys, if any), a transaction per school as the app does.
    What storing them costs PostgreSQL before any Python."""
    payloads = []
    with raw().cursor() as cur:
        for school_id in school_ids:
            data = bytearray()
            sql = (
                "COPY (SELECT youth_id, school_id, day, kind, hours, delivery_id FROM leerplicht_absence "
                f"WHERE school_id = {int(school_id)} ORDER BY youth_id, day, kind) TO STDOUT"
            )
            with cur.copy(sql) as copy:
                for chunk in copy:
                    data += chunk
            payloads.append(bytes(data))
    keys = [
        d
        for (d,) in execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
            "'leerplicht_absence'::regclass AND contype = 'f'"
        )
    ]
    indexes = execute("SELECT count(*) FROM pg_index WHERE indrelid = 'leerplicht_absence'::regclass")[0][0]
    execute("DROP TABLE IF EXISTS lp_floor")
    execute("CREATE TABLE lp_floor (LIKE leerplicht_absence INCLUDING ALL)")
    for definition in keys:
        execute(f"ALTER TABLE lp_floor ADD {definition}")
    execute("CHECKPOINT")
    conn = raw()
    started = time.perf_counter()
    for payload in payloads:
        with conn.transaction(), conn.cursor() as cur:
            with cur.copy("COPY lp_floor (youth_id, school_id, day, kind, hours, delivery_id) FROM STDIN") as copy:
                copy.write(payload)
    seconds = round(time.perf_counter() - started, 3)
    execute("DROP TABLE lp_floor")
    return {"seconds": seconds, "indexes": indexes, "foreign_keys": len(keys)}


def sql_cases() -> tuple[float, dict[str, date]]:
    from jeugdketen.leerplicht import law

    started = time.perf_counter()
    execute("ANALYZE lp_staging")  # fresh statistics, or the planner guesses (part of the timed query)
    rows = execute(SQL_16_HOURS, {"region": REGION, "threshold": int(law.RELATIEF_VERZUIM_HOURS * 100)})
    return time.perf_counter() - started, dict(rows)


def app_cases() -> tuple[dict[str, date], int]:
    """Per pupil (BSN) the day the first 16-hours melding was reached, and all such meldingen."""
    from django.db.models import Min

    from jeugdketen.leerplicht.models import Melding

    relatief = Melding.objects.filter(kind=Melding.Kind.RELATIEF)
    first = dict(relatief.values("youth__bsn").annotate(first=Min("reached_on")).values_list("youth__bsn", "first"))
    return first, relatief.count()


def compare(app: dict[str, date], sql: dict[str, date], when: str) -> None:
    only_app = sorted(set(app) - set(sql))
    only_sql = sorted(set(sql) - set(app))
    other_day = sorted(b for b in set(app) & set(sql) if app[b] != sql[b])
    if only_app or only_sql or other_day:
        print(f"MISMATCH {when}: only app {only_app[:5]}, only SQL {only_sql[:5]}, other day {other_day[:5]}")
        for bsn in (only_app + only_sql + other_day)[:3]:
            print(f"  {bsn}: app {app.get(bsn)}, SQL {sql.get(bsn)}")
    assert not (only_app or only_sql or other_day), f"the app and the SQL query disagree {when}"


def melding_counts() -> dict[str, int]:
    from django.db.models import Count

    from jeugdketen.leerplicht.models import Melding

    return dict(Melding.objects.values_list("kind").annotate(n=Count("id")).order_by("kind"))


def count(table: str) -> int:
    return execute(f"SELECT count(*) FROM {table}")[0][0]


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def git_state() -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    return {"commit": git("rev-parse", "--short", "HEAD"), "changed": git("status", "--porcelain", "jeugdketen")}


# --------------------------------------------------------------------------------------------


def report(result: dict) -> str:
    app, lim, delta, cases, floor = (result[k] for k in ("app", "limit", "delta", "cases", "floor"))
    lines = [
        f"# Leerplicht: absence import on PostgreSQL ({result['date']})",
        "",
        f"Database `{result['database']}`, code {result['git']['commit']}"
        + (
            " (jeugdketen/ changed: " + result["git"]["changed"].replace("\n", ", ") + ")"
            if result["git"]["changed"]
            else ""
        )
        + f"{', profiled: timings not to quote' if result['profiled'] else ''}. "
        f"Load average {result['load_before']} before, {result['load_after']} after.",
        "",
        "| what | rows | seconds | |",
        "|---|---:|---:|---|",
        f"| app: {app['files']} school files through `absence_import` | {app['rows']:,} | **{app['seconds']:.1f}** | "
        f"{app['rows_per_second']:,} rows/s; per file p50 {app['per_file_p50']:.2f} s, max {app['per_file_max']:.2f} s; "
        f"{app['queries']:,} queries through Django's cursor, {app['query_seconds']:.1f} s in them (COPY not counted) |",
        f"| limit: COPY of the same files into an unlogged table | {lim['rows']:,} | {lim['copy_seconds']:.2f} | |",
        f"| limit: one SQL query for the 16-hours cases | | {lim['query_seconds']:.2f} | |",
        f"| limit: COPY + query | | **{lim['seconds']:.2f}** | |",
        f"| **ratio app / limit** | | **{result['ratio']:.1f}×** | goal ≤ 2× — {'met' if result['ratio'] <= 2 else 'missed'} |",
        f"| for reference: the app's stored rows by COPY into a copy of its table ({floor['indexes']} "
        f"{'index' if floor['indexes'] == 1 else 'indexes'}, {floor['foreign_keys'] or 'no'} foreign "
        f"{'key' if floor['foreign_keys'] == 1 else 'keys'}), a commit per school | {app['rows']:,} | "
        f"{floor['seconds']:.2f} | "
        f"{floor['seconds'] / lim['seconds']:.1f}× the limit |",
        f"| delta: {delta['files']} files of one school day through `absence_import` | {delta['rows']:,} | "
        f"**{delta['seconds']:.2f}** | per file p50 {delta['per_file_p50'] * 1000:.0f} ms, p95 "
        f"{delta['per_file_p95'] * 1000:.0f} ms, max {delta['per_file_max'] * 1000:.0f} ms; goal < 1 s: "
        f"{'met' if delta['seconds'] < 1 else 'missed in total'}"
        f"{', met per file' if delta['per_file_max'] < 1 else ''} |",
        "",
        f"CPU seconds (this process + its PostgreSQL backend, not the parallel workers): app "
        f"{app['cpu_python']} + {app['cpu_postgres']}, limit {lim['cpu_python']} + {lim['cpu_postgres']}, "
        f"delta {delta['cpu_python']} + {delta['cpu_postgres']}.",
        "",
        f"16-hours cases: **{cases['pupils_app']:,} pupils** by the app (first melding per pupil) and "
        f"**{cases['pupils_sql']:,}** by the query, the same pupils on the same day (asserted). The app "
        f"stored {cases['relatief_meldingen']:,} 16-hours meldingen: {cases['repeat_meldingen']:,} more than "
        "pupils, because after a melding it counts a new period (and at most one per 7 days), which "
        f"one window query does not. After the delta: {cases['pupils_after_delta']:,} pupils, again the same "
        f"in both (the check query took {cases['check_query_seconds']:.2f} s over "
        f"{cases['rows_after_delta']:,} rows).",
        "",
        "Meldingen after the year's files: "
        + ", ".join(f"{k} {v:,}" for k, v in result["meldingen_after_year"].items())
        + f"; the delta added {delta['new_meldingen']:,}. Pupils by profile: "
        + ", ".join(f"{k} {v:,}" for k, v in result["profiles"].items())
        + ".",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="jk_bench_lp", help="dropped and recreated (default jk_bench_lp)")
    parser.add_argument("--profile", action="store_true", help="pyinstrument over the app and the delta")
    parser.add_argument("--label", default="", help="suffix of the output files")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--schools",
        type=int,
        default=SCHOOLS,
        help=f"fewer schools for a quick run (default {SCHOOLS}; quote only that)",
    )
    args = parser.parse_args()
    suffix = f"-{args.label}" if args.label else ""

    t = time.perf_counter()
    recreate_database(args.database)
    os.environ["DATABASE_URL"] = database_url(args.database)
    setup()
    from django.core.management import call_command

    from jeugdketen.leerplicht.models import Absence

    call_command("migrate", verbosity=0, interactive=False)
    rng = random.Random(args.seed)
    world = build(rng, args.schools)
    year = Year()
    files, profiles = write_files(rng, world, year, OUT / f"leerplicht{suffix}")
    print(f"Set-up (not timed): {time.perf_counter() - t:.1f} s; {args.database}, {len(files)} schools")
    execute("CHECKPOINT")  # every phase starts from the same WAL state
    load_before = load()

    # 1. The app.
    app = import_files(
        [(s, u, y) for s, u, y, _d in files], OUT / f"leerplicht{suffix}-profile-app" if args.profile else None
    )
    assert app["rows"] == count("leerplicht_absence") == len(files) * PUPILS_PER_SCHOOL * ROWS_PER_PUPIL
    print(
        f"app:   {app['rows']:,} rows in {app['seconds']:.2f} s ({app['queries']:,} queries, {app['query_seconds']:.2f} s)"
    )
    for sql, seconds in app["slowest_statements"]:
        print(f"       {seconds:6.3f} s  {sql}")
    meldingen_after_year = melding_counts()
    app_first, relatief = app_cases()

    # 2. The limit: COPY and one query, on the same files.
    execute("DROP TABLE IF EXISTS lp_staging")
    execute("CREATE UNLOGGED TABLE lp_staging (bsn text, datum text, soort text, lesuren text)")
    cpu = cpu_now()
    copy_seconds, copied = copy_files([y for _s, _u, y, _d in files])
    query_seconds, sql_first = sql_cases()
    limit = {
        "rows": copied,
        "copy_seconds": round(copy_seconds, 3),
        "query_seconds": round(query_seconds, 3),
        "seconds": round(copy_seconds + query_seconds, 3),
        **cpu_since(cpu),
    }
    print(f"limit: COPY {copied:,} rows {copy_seconds:.2f} s + query {query_seconds:.2f} s")
    compare(app_first, sql_first, "after the year's files")
    floor = floor_copy([s.pk for s, _u, _y, _d in files])
    print(f"floor: COPY into the app's table {floor['seconds']:.2f} s")

    # 3. The delta: one school day, a file per school.
    delta = import_files(
        [(s, u, d) for s, u, _y, d in files], OUT / f"leerplicht{suffix}-profile-delta" if args.profile else None
    )
    print(f"delta: {delta['rows']:,} rows in {delta['seconds']:.2f} s, per file max {delta['per_file_max']:.3f} s")
    _copied, _n = copy_files([d for _s, _u, _y, d in files])
    check_seconds, sql_after = sql_cases()
    app_after, _relatief_after = app_cases()
    compare(app_after, sql_after, "after the delta")
    assert count("leerplicht_absence") == Absence.objects.count() == copied + delta["rows"]

    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": args.database,
        "git": git_state(),
        "profiled": args.profile,
        "load_before": load_before,
        "load_after": load(),
        "app": app,
        "limit": limit,
        "ratio": round(app["seconds"] / limit["seconds"], 2),
        "floor": floor,
        "delta": delta,
        "cases": {
            "pupils_app": len(app_first),
            "pupils_sql": len(sql_first),
            "relatief_meldingen": relatief,
            "repeat_meldingen": relatief - len(app_first),
            "pupils_after_delta": len(app_after),
            "rows_after_delta": count("lp_staging"),
            "check_query_seconds": round(check_seconds, 3),
        },
        "meldingen_after_year": meldingen_after_year,
        "profiles": dict(sorted(profiles.items())),
    }
    (OUT / f"leerplicht{suffix}.json").write_text(json.dumps(result, indent=2, default=str))
    text = report(result)
    (OUT / f"leerplicht{suffix}.md").write_text(text)
    print()
    print(text)


if __name__ == "__main__":
    main()
