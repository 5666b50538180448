#!/usr/bin/env python
"""Generate a benchmark region in a PostgreSQL database (bench only, never production).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jk_bench .venv/bin/python bench/generate.py --scale region
    DATABASE_URL=... .venv/bin/python bench/generate.py --scale openzaak     # region + cases up to 1,000,000

``--scale region``: 11 municipalities, 300 schools and ~100 other organisations, ~3,000
professionals with functions, 100,000 youths with carers and enrolments, 20,000 cases with 2–6
involvements each, 200,000 journal entries and 2,000,000 access-log entries, plus the bench logins:

* ``bench_consulent`` — jeugdconsulent with exactly 50 open cases (Mijn casussen shows 50);
  among them the two open cases of the "rich dossier" youth (3 cases, 60 journal entries,
  2 carers, 2 enrolments, 2,500 access-log entries);
* ``bench_privacy`` — privacy officer, reads that youth's access log;
* ``bench_ib`` — intern begeleider of a school of 1,000 pupils with three years of signals,
  handelingsplannen and OPPs (the IB'er's overview);
* ``bench_api`` — jeugdconsulent for the API scenario: 100 open cases at region scale, 1,000 at
  openzaak scale (plus closed cases and ended involvements that the policy must filter out).

``--scale openzaak`` first makes the region (when it is not there) and then adds cases (2–4
involvements each, no journal) until there are 1,000,000 cases in total.

Big tables are loaded with PostgreSQL COPY (psycopg 3) with their secondary indexes dropped and
rebuilt afterwards, and with ``session_replication_role = replica`` so foreign-key triggers do
not fire per row (the rows are consistent by construction; CHECK constraints still apply). The
access log is only inserted into, as the append-only trigger requires. ``--reset`` empties the
database first (DROP SCHEMA public CASCADE, then migrate).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import OUT, setup

PASSWORD = "Bench-wachtwoord-2026"  # bench database only
SEED = 20260
REGION = {
    "youths": 100_000,
    "cases": 20_000,
    "journal": 200_000,
    "access_log": 2_000_000,
    "schools": 300,
    "professionals": 3_000,
}
OPENZAAK_CASES = 1_000_000
BENCH_CONSULENT_OPEN = 50
BENCH_API_REGION_OPEN = 100
BENCH_API_OPENZAAK_OPEN = 1_000
RICH_YOUTH_LOG = 2_500

MUNICIPALITIES = [  # CBS code, name, weight (youth population share)
    ("0193", "Zwolle", 24),
    ("0150", "Deventer", 18),
    ("0166", "Kampen", 10),
    ("0160", "Hardenberg", 12),
    ("0177", "Raalte", 7),
    ("0148", "Dalfsen", 6),
    ("0175", "Ommen", 4),
    ("0180", "Staphorst", 4),
    ("1708", "Steenwijkerland", 9),
    ("1896", "Zwartewaterland", 5),
    ("1742", "Rijssen-Holten", 6),
]
FIRST_NAMES = (
    "Daan Sem Noah Lucas Levi Finn Milan Bram Luuk Jesse Thijs Mees Sven Ruben Lars Tim Gijs Jens Stijn Max "
    "Emma Julia Mila Tess Sophie Zoë Sara Nora Evi Anna Lotte Fleur Lisa Eva Noor Liv Saar Roos Isa Fenna "
    "Mohamed Yusuf Amira Aya Sanne Femke Joris Koen Wouter Ilse"
).split()
LAST_NAMES = (
    "Jansen Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Kok Jacobs Vermeulen "
    "Kuipers Schouten Postma Hoekstra Timmer Wolters Boer Huisman Prins Veenstra Kramer Nijboer Koster "
    "Lubbers Scholten Haverkamp Oosterhuis Ekkel Wessels Kroeze Nijhof Brink Groot Weerd Berg Veen Bosch"
).split()
PREFIXES = ["", "", "", "", "", "van", "de", "van der", "van den", "ter", "ten"]
SUBJECTS = [
    "Zorgen over schoolverzuim",
    "Gedragsproblemen in de klas",
    "Ondersteuning thuis na scheiding",
    "Aanmelding via huisarts",
    "Signaal van de school over welzijn",
    "Leerachterstand en concentratie",
    "Opvoedondersteuning gevraagd",
    "Overgang naar voortgezet onderwijs",
    "Zorgen over thuissituatie",
    "Thuiszitter: terug naar school",
]
NEXT_LABELS = ["MDO", "Evaluatie plan", "Gesprek met ouders", "Terugkoppeling school", "Huisbezoek"]
JOURNAL_TITLES = {
    "school": ["Gesprek met intern begeleider", "OPP bijgesteld", "Observatie in de klas", "Leerlingbespreking"],
    "youthcare": ["Huisbezoek", "Gesprek met ouders", "Plan van aanpak", "Overleg jeugdhulpaanbieder"],
    "health": ["Consult jeugdverpleegkundige", "Onderzoek jeugdarts", "Contact huisarts"],
    "leerplicht": ["Verzuimmelding", "Leerplichtgesprek", "Vrijstelling besproken"],
    "police": ["Melding jeugdagent", "Gesprek jeugdagent"],
    "identity": ["Gegevens bijgewerkt"],
    "safety": ["Meldcode: signalen in kaart", "Veiligheidsafspraken besproken"],
}
TEXT = (
    "Gesproken met betrokkenen over de situatie en de volgende stappen. Afspraken vastgelegd; "
    "ouders zijn op de hoogte en stemmen in. Volgende contactmoment gepland."
)

# Professionals outside schools: (org kind, per municipality or region, function codes, count).
OTHER_PROFESSIONALS = [
    ("gemeente", ["jeugdconsulent"], 150),
    ("gemeente", ["samen_doen"], 150),
    ("gemeente", ["leerplicht"], 30),
    ("ggd", ["jeugdarts"], 30),
    ("ggd", ["jeugdverpleegkundige"], 70),
    ("jeugdhulp", ["orthopedagoog"], 100),
    ("jeugdhulp", ["lichte_jeugdhulp"], 150),
    ("swv", ["ambulant_begeleider"], 50),
    ("swv", ["coordinator_swv"], 20),
    ("politie", ["politie"], 40),
    ("voorliggend", ["lichte_jeugdhulp"], 40),
    ("gemeente", ["manager"], 20),
    ("gemeente", ["privacy_officer"], 5),
]


class Timer:
    def __init__(self):
        self.steps: list[tuple[str, float, int]] = []
        self.start = time.perf_counter()

    def step(self, name: str, started: float, rows: int = 0) -> None:
        took = time.perf_counter() - started
        self.steps.append((name, took, rows))
        rate = f"  ({rows / took:,.0f} rows/s)" if rows and took > 0 else ""
        print(f"  {name:<42} {took:7.1f} s  {rows:>10,} rows{rate}", flush=True)


# --------------------------------------------------------------------------------------------
# Database helpers
# --------------------------------------------------------------------------------------------


def raw():
    from django.db import connection

    connection.ensure_connection()
    return connection.connection  # psycopg 3 Connection (autocommit, as Django keeps it)


def execute(sql: str, params=None):
    with raw().cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall() if cur.description else None


def next_id(table: str) -> int:
    return execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")[0][0]


def reset_sequence(table: str) -> None:
    execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT coalesce(max(id), 1) FROM {table}))")


def copy_lines(table: str, columns: list[str], lines, chunk: int = 50_000) -> int:
    """COPY text-format lines (tab-separated, newline-terminated, values already escaped)."""
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    count = 0
    buf: list[str] = []
    with raw().cursor() as cur, cur.copy(sql) as copy:
        for line in lines:
            buf.append(line)
            if len(buf) >= chunk:
                copy.write("".join(buf))
                count += len(buf)
                buf.clear()
        if buf:
            copy.write("".join(buf))
            count += len(buf)
    return count


class DroppedIndexes:
    """Drop the secondary indexes of some tables for a bulk load and rebuild them after (also on
    error). The definitions are saved to bench/out/ first, so they can be restored by hand."""

    def __init__(self, *tables: str):
        self.tables = list(tables)
        self.defs: list[tuple[str, str]] = []

    def __enter__(self):
        self.defs = execute(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
            WHERE c.relname = ANY(%s) AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            """,
            [self.tables],
        )
        (OUT / "dropped_indexes.sql").write_text("".join(f"{d};\n" for _, d in self.defs))
        for name, _ in self.defs:
            execute(f"DROP INDEX {name}")
        return self

    def __exit__(self, *exc):
        execute("SET maintenance_work_mem = '1GB'")
        for _, definition in self.defs:
            execute(definition)
        (OUT / "dropped_indexes.sql").unlink(missing_ok=True)
        return False


def esc(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def ts(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S+00")


# --------------------------------------------------------------------------------------------
# Region
# --------------------------------------------------------------------------------------------


def bsn_numbers():
    """Valid (elfproef) BSNs, in order, starting at 9xxxxxxxx so they do not clash with the demo."""
    prefix = 90_000_000
    weights = (9, 8, 7, 6, 5, 4, 3, 2)
    while True:
        digits = [int(c) for c in str(prefix)]
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check < 10:
            yield f"{prefix}{check}"
        prefix += 1


def birth_for_age(rng: random.Random, today: date, age: int) -> date:
    return today - timedelta(days=age * 365 + rng.randint(1, 364))


def age_of(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def school_year_start(today: date) -> date:
    start = date(today.year, 8, 25)
    return start if today >= start else date(today.year - 1, 8, 25)


def region_present() -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username="bench_consulent").exists()


def build_region(timer: Timer, today: date, rng: random.Random) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from jeugdketen.access.categories import Ground
    from jeugdketen.access.policy import categories_for
    from jeugdketen.organisations.models import Function, Municipality, Organisation, Professional
    from jeugdketen.organisations.services import load_reference_data

    User = get_user_model()
    t = time.perf_counter()
    load_reference_data()
    functions = {f.code: f for f in Function.objects.all()}
    timer.step("reference data", t, len(functions))

    # Municipalities and organisations (a few hundred rows: the ORM is fine).
    t = time.perf_counter()
    munis = {}
    for code, name, _weight in MUNICIPALITIES:
        munis[code] = Municipality.objects.get_or_create(cbs_code=code, defaults={"name": name})[0]
    weights = [w for *_x, w in MUNICIPALITIES]
    codes = [c for c, *_x in MUNICIPALITIES]
    orgs: list[Organisation] = []
    for code, name, _w in MUNICIPALITIES:
        orgs.append(Organisation(name=f"Gemeente {name}", kind="gemeente", municipality=munis[code], city=name))
    orgs.append(Organisation(name="GGD IJsselland", kind="ggd", municipality=munis["0193"], city="Zwolle"))
    for i in range(20):
        m = codes[i % len(codes)]
        orgs.append(Organisation(name=f"Jeugdhulp {LAST_NAMES[i]} & Co", kind="jeugdhulp", municipality=munis[m]))
    for i in range(4):
        orgs.append(Organisation(name=f"Samenwerkingsverband {i + 1}", kind="swv", municipality=munis[codes[i]]))
    for code, name, _w in MUNICIPALITIES:
        orgs.append(Organisation(name=f"Welzijn {name}", kind="voorliggend", municipality=munis[code]))
    orgs.append(Organisation(name="Politie IJsselland", kind="politie", municipality=munis["0193"]))
    orgs.append(Organisation(name="Halt IJsselland", kind="halt", municipality=munis["0193"]))
    sectors = ["po"] * 215 + ["vo"] * 45 + ["so"] * 10 + ["sbo"] * 15 + ["mbo"] * 15
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for i in range(REGION["schools"]):
        m = rng.choices(codes, weights)[0]
        sector = sectors[i]
        brin = f"{90 + i // 676:02d}{letters[(i // 26) % 26]}{letters[i % 26]}"
        kind_name = {"po": "Basisschool", "vo": "Lyceum", "so": "SO", "sbo": "SBO", "mbo": "MBO College"}[sector]
        orgs.append(
            Organisation(
                name=f"{kind_name} {rng.choice(LAST_NAMES)} {i + 1}",
                kind="school",
                sector=sector,
                brin=brin,
                municipality=munis[m],
                city=munis[m].name,
            )
        )
    orgs = Organisation.objects.bulk_create(orgs)
    by_kind: dict[str, list[Organisation]] = {}
    for o in orgs:
        by_kind.setdefault(o.kind, []).append(o)
    gemeente_of = {o.municipality_id: o for o in by_kind["gemeente"]}
    timer.step("municipalities and organisations", t, len(orgs))

    # Professionals: users, profiles and functions.
    t = time.perf_counter()
    password = make_password(PASSWORD)
    specs: list[tuple[str, str, Organisation, list[str], str]] = []  # username, first, last, org, codes
    schools = by_kind["school"]
    n_school = REGION["professionals"] - sum(n for *_x, n in OTHER_PROFESSIONALS)
    per_school = [n_school // len(schools)] * len(schools)
    for i in range(n_school - sum(per_school)):
        per_school[i] += 1
    seq = 0

    def name_pair():
        return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)

    for school, n in zip(schools, per_school, strict=True):
        roles = ["schoolleider", "intern_begeleider"] + ["leerkracht"] * max(0, n - 2)
        if n >= 8:
            roles[-1] = "orthopedagoog"
        for role in roles[:n]:
            first, last = name_pair()
            seq += 1
            specs.append((f"{first}.{last}.{seq}".lower(), first, last, school, [role]))
    for kind, fcodes, n in OTHER_PROFESSIONALS:
        pool = by_kind[kind]
        for i in range(n):
            first, last = name_pair()
            seq += 1
            specs.append((f"{first}.{last}.{seq}".lower(), first, last, pool[i % len(pool)], fcodes))
    zwolle = gemeente_of[munis["0193"].pk]
    bench_specs = [
        ("bench_consulent", "Bente", "Consulent", zwolle, ["jeugdconsulent"]),
        ("bench_api", "Arie", "Api", zwolle, ["jeugdconsulent"]),
        ("bench_privacy", "Pim", "Privacy", zwolle, ["privacy_officer"]),
    ]
    specs.extend(bench_specs)
    now = datetime.now(UTC)
    users = User.objects.bulk_create(
        [
            User(
                username=u,
                first_name=f,
                last_name=ln,
                email=f"{u}@bench.jeugdketen.nl",
                password=password,
                date_joined=now,
            )
            for u, f, ln, _o, _c in specs
        ],
        batch_size=2000,
    )
    pros = Professional.objects.bulk_create(
        [
            Professional(
                user=user,
                organisation=spec[3],
                job_title=functions[spec[4][0]].name,
                phone=f"06-{rng.randint(10_000_000, 99_999_999)}",
                email=user.email,
            )
            for user, spec in zip(users, specs, strict=True)
        ],
        batch_size=2000,
    )
    Through = Professional.functions.through
    Through.objects.bulk_create(
        [Through(professional=p, function=functions[c]) for p, spec in zip(pros, specs, strict=True) for c in spec[4]],
        batch_size=5000,
    )
    # Pools by function, with what the generator needs per professional.
    pro_info: dict[int, tuple] = {}  # pro id -> (user id, "First Last", org name, function code)
    pool: dict[str, list[int]] = {}
    pool_by_muni: dict[tuple[str, int], list[int]] = {}
    school_staff: dict[int, dict[str, list[int]]] = {}
    for p, spec in zip(pros, specs, strict=True):
        code = spec[4][0]
        pro_info[p.pk] = (p.user_id, f"{spec[1]} {spec[2]}", spec[3].name, code, spec[3].municipality_id)
        if spec[0].startswith("bench_"):
            continue
        pool.setdefault(code, []).append(p.pk)
        pool_by_muni.setdefault((code, spec[3].municipality_id), []).append(p.pk)
        if spec[3].kind == "school":
            school_staff.setdefault(spec[3].pk, {}).setdefault(code, []).append(p.pk)
    bench = {spec[0]: p.pk for p, spec in zip(pros, specs, strict=True) if spec[0].startswith("bench_")}
    timer.step("users, professionals, functions", t, len(pros))

    # Youths, carers, relations, enrolments (COPY).
    from django.db import connection

    t = time.perf_counter()
    execute("SET session_replication_role = replica")
    youth_id0 = next_id("youth_youth")
    n_youth = REGION["youths"]
    bsns = bsn_numbers()
    youth_muni: list[int] = []
    youth_born: list[date] = []
    youth_last: list[tuple[str, str]] = []
    youth_school: list[int | None] = []
    po_by_muni: dict[int, list[int]] = {}
    vo_by_muni: dict[int, list[int]] = {}
    mbo = [s.pk for s in schools if s.sector == "mbo"]
    special = [s.pk for s in schools if s.sector in ("so", "sbo")]
    for s in schools:
        if s.sector == "po":
            po_by_muni.setdefault(s.municipality_id, []).append(s.pk)
        elif s.sector == "vo":
            vo_by_muni.setdefault(s.municipality_id, []).append(s.pk)
    all_po = [s.pk for s in schools if s.sector == "po"]
    all_vo = [s.pk for s in schools if s.sector == "vo"]
    muni_ids = [munis[c].pk for c in codes]
    created = ts(now)
    rich_index = 0  # the first youth is the rich dossier: 10 years old, in Zwolle
    family_sizes: list[int] = []
    i = 0
    while i < n_youth:
        size = min(rng.choice([1, 1, 2, 2, 2, 3, 3, 4]), n_youth - i)
        family_sizes.append(size)
        i += size

    def youth_lines():
        index = 0
        for size in family_sizes:
            muni = munis["0193"].pk if index == rich_index else rng.choices(muni_ids, weights)[0]
            last = rng.choice(LAST_NAMES)
            prefix = rng.choice(PREFIXES)
            for _ in range(size):
                age = 10 if index == rich_index else rng.randint(0, 23)
                born = birth_for_age(rng, today, age)
                youth_muni.append(muni)
                youth_born.append(born)
                youth_last.append((prefix, last))
                gender = rng.choice("vmvmx" if rng.random() < 0.02 else "vm")
                yield (
                    f"{youth_id0 + index}\t{rng.choice(FIRST_NAMES)}\t{prefix}\t{last}\t{born.isoformat()}\t"
                    f"{next(bsns)}\t{gender}\t{created}\t{muni}\t\\N\n"
                )
                index += 1

    with DroppedIndexes("youth_youth"):
        n = copy_lines(
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
            youth_lines(),
        )
    timer.step("youths", t, n)

    t = time.perf_counter()
    carer_id0 = next_id("youth_carer")
    rel_lines: list[str] = []
    carer_lines: list[str] = []
    carer_id = carer_id0
    rel_id = next_id("youth_carerrelation")
    index = 0
    for size in family_sizes:
        prefix, last = youth_last[index]
        n_carers = 2 if rng.random() < 0.8 else 1
        for c in range(n_carers):
            first = rng.choice(FIRST_NAMES)
            own_last = last if c == 0 else rng.choice(LAST_NAMES)
            own_prefix = prefix if c == 0 else ""
            carer_lines.append(
                f"{carer_id}\t{first}\t{own_prefix}\t{own_last}\t06-{rng.randint(10_000_000, 99_999_999)}\t"
                f"{first.lower()}.{own_last.lower()}{carer_id}@example.nl\t\\N\n"
            )
            gezag = "t" if rng.random() < 0.93 else "f"
            kind = "ouder" if rng.random() < 0.95 else rng.choice(["pleegouder", "voogd", "verzorger"])
            for k in range(size):
                rel_lines.append(f"{rel_id}\t{kind}\t{gezag}\t{carer_id}\t{youth_id0 + index + k}\n")
                rel_id += 1
            carer_id += 1
        index += size
    with DroppedIndexes("youth_carer", "youth_carerrelation"):
        n = copy_lines(
            "youth_carer",
            ["id", "first_name", "name_prefix", "last_name", "phone", "email", "user_id"],
            iter(carer_lines),
        )
        m = copy_lines("youth_carerrelation", ["id", "kind", "has_gezag", "carer_id", "youth_id"], iter(rel_lines))
    timer.step("carers + relations", t, n + m)

    t = time.perf_counter()
    year_start = school_year_start(today)
    enrol_id = next_id("youth_enrolment")
    enrol_lines: list[str] = []
    for index in range(n_youth):
        born, muni = youth_born[index], youth_muni[index]
        age = age_of(born, today)
        school = None
        group = ""
        if 4 <= age <= 11:
            school = rng.choice(special) if rng.random() < 0.04 else rng.choice(po_by_muni.get(muni) or all_po)
            group = f"groep {max(1, min(8, age - 3))}"
        elif 12 <= age <= 17:
            school = rng.choice(vo_by_muni.get(muni) or all_vo)
            group = f"{min(age - 11, 6)}{rng.choice('ABCD')}"
        elif 18 <= age <= 19 and rng.random() < 0.6:
            school = rng.choice(mbo)
            group = "leerjaar 2"
        youth_school.append(school)
        if school is None:
            continue
        start = year_start - timedelta(days=365 * ((age - 4) % 4 if age <= 11 else (age - 12) % 6))
        if index == rich_index or (age >= 12 and rng.random() < 0.5):
            # An earlier, ended enrolment (primary school, or a move).
            old = rng.choice(po_by_muni.get(muni) or all_po)
            if old == school:
                old = all_po[(all_po.index(old) + 1) % len(all_po)]
            old_start = birth_for_age(rng, start, 0) - timedelta(days=365 * 4)
            enrol_lines.append(
                f"{enrol_id}\t{old_start.isoformat()}\t{start.isoformat()}\tgroep 8\t{old}\t{youth_id0 + index}\n"
            )
            enrol_id += 1
        enrol_lines.append(f"{enrol_id}\t{start.isoformat()}\t\\N\t{group}\t{school}\t{youth_id0 + index}\n")
        enrol_id += 1
    with DroppedIndexes("youth_enrolment"):
        n = copy_lines(
            "youth_enrolment", ["id", "start", '"end"', '"group"', "school_id", "youth_id"], iter(enrol_lines)
        )
    timer.step("enrolments", t, n)

    # Cases, involvements, journal.
    t = time.perf_counter()
    fcode_id = {c: f.pk for c, f in functions.items()}
    from jeugdketen.access.policy import JOURNAL_CATEGORIES

    cat_for = {  # the categories a function writes in the journal (the plan has its own records)
        c: sorted(str(x) for x in categories_for(c, Ground.CASE_INVOLVEMENT) & JOURNAL_CATEGORIES) for c in functions
    }
    case_id0 = next_id("cases_case")
    inv_id = next_id("cases_involvement")
    n_cases = REGION["cases"]
    case_lines: list[str] = []
    inv_lines: list[str] = []
    case_youth: list[int] = []
    case_invs: list[list[tuple[int, str]]] = []  # per case: (pro id, function code) of involvements
    case_open: list[bool] = []
    # Case youths: mostly school-age, a few youths with several cases.
    eligible = [k for k in range(n_youth) if 3 <= age_of(youth_born[k], today) <= 19]
    rich = youth_id0 + rich_index

    def pick(code: str, muni: int | None = None) -> int:
        candidates = pool_by_muni.get((code, muni)) if muni is not None else None
        return rng.choice(candidates or pool[code])

    # Which cases belong to the bench users: the consulent holds 50 open (2 of them the rich
    # youth's) + 8 closed + 4 open with an ended involvement; the API user 100 open + 20 closed.
    plan: list[tuple[str | None, str]] = []  # (bench user, kind) per case index
    plan += [("bench_consulent", "rich_open_regisseur"), ("bench_consulent", "rich_open_member"), (None, "rich_closed")]
    plan += [("bench_consulent", "open")] * (BENCH_CONSULENT_OPEN - 2)
    plan += [("bench_consulent", "closed")] * 8 + [("bench_consulent", "ended")] * 4
    plan += [("bench_api", "open")] * BENCH_API_REGION_OPEN + [("bench_api", "closed")] * 20
    plan += [(None, "any")] * (n_cases - len(plan))
    plan_tail = plan[3:]
    rng.shuffle(plan_tail)
    plan = plan[:3] + plan_tail
    open_statuses = ["aangemeld", "onderzoek", "onderzoek", "uitvoering", "uitvoering", "uitvoering", "evaluatie"]

    for ci, (bench_user, kind) in enumerate(plan):
        cid = case_id0 + ci
        if kind.startswith("rich"):
            y = rich_index
        else:
            y = rng.choice(eligible)
        youth_id = youth_id0 + y
        muni = youth_muni[y]
        if kind in ("rich_closed", "closed") or (kind == "any" and rng.random() < 0.45):
            status = "afgesloten"
        else:
            status = rng.choice(open_statuses)
        opened = today - timedelta(days=rng.randint(20, 900) if status == "afgesloten" else rng.randint(1, 540))
        closed = (
            (opened + timedelta(days=rng.randint(10, max(11, (today - opened).days))))
            if status == "afgesloten"
            else None
        )
        if closed and closed > today:
            closed = today
        next_date = next_label = None
        if status != "afgesloten" and rng.random() < 0.8:
            next_date = today + timedelta(days=rng.randint(-10, 60))
            next_label = rng.choice(NEXT_LABELS)
        # Involvements: the casusregisseur first, then 1–5 others.
        if bench_user and kind != "rich_open_member":
            regisseur, reg_code = bench[bench_user], "jeugdconsulent"
        else:
            reg_code = "jeugdconsulent" if rng.random() < 0.6 else "samen_doen"
            regisseur = pick(reg_code, muni)
        invs: list[tuple[int, str, date, date | None, str]] = []
        since = min(opened + timedelta(days=rng.randint(0, 5)), today)
        reg_until = closed
        if kind == "ended":
            reg_until = min(today, since + timedelta(days=rng.randint(1, 60)))
        invs.append((regisseur, reg_code, since, reg_until, "casusregisseur"))
        school = youth_school[y]
        candidates = []
        if school and school in school_staff:
            staff = school_staff[school]
            if "intern_begeleider" in staff:
                candidates.append(("intern_begeleider", rng.choice(staff["intern_begeleider"])))
            if "leerkracht" in staff:
                candidates.append(("leerkracht", rng.choice(staff["leerkracht"])))
        candidates += [
            ("jeugdverpleegkundige", pick("jeugdverpleegkundige")),
            ("orthopedagoog", pick("orthopedagoog")),
            ("lichte_jeugdhulp", pick("lichte_jeugdhulp")),
            ("leerplicht", pick("leerplicht", muni)),
            ("ambulant_begeleider", pick("ambulant_begeleider")),
            ("jeugdarts", pick("jeugdarts")),
        ]
        if rng.random() < 0.05:
            candidates.append(("politie", pick("politie")))
        if kind == "rich_open_member":
            candidates.insert(0, ("jeugdconsulent", bench["bench_consulent"]))
        extra = 5 if kind.startswith("rich") else rng.randint(1, 5)
        chosen = candidates[:1] if kind == "rich_open_member" else []
        rest = [c for c in candidates if c not in chosen]
        chosen += rng.sample(rest, min(extra - len(chosen), len(rest)))
        for code, pro in chosen:
            s = min(since + timedelta(days=rng.randint(0, 30)), closed or today)
            until = closed
            if until is None and rng.random() < 0.1 and kind != "rich_open_member":
                until = min(today, s + timedelta(days=rng.randint(1, 90)))
            invs.append((pro, code, s, until, ""))
        for pro, code, s, until, note in invs:
            inv_lines.append(
                f"{inv_id}\t{s.isoformat()}\t{until.isoformat() if until else chr(92) + 'N'}\t{note}\t{cid}\t"
                f"{fcode_id[code]}\t{pro}\n"
            )
            inv_id += 1
        reg_user = pro_info[regisseur][0]
        case_lines.append(
            f"{cid}\t{opened:%Y}-{cid:05d}\t{rng.choice(SUBJECTS)}\t{status}\t{opened.isoformat()}\t"
            f"{closed.isoformat() if closed else chr(92) + 'N'}\t"
            f"{next_date.isoformat() if next_date else chr(92) + 'N'}\t{next_label or ''}\t{created}\t"
            f"{regisseur}\t{reg_user}\t{youth_id}\n"
        )
        case_youth.append(youth_id)
        case_invs.append([(p, c) for p, c, *_x in invs])
        case_open.append(status != "afgesloten")

    case_cols = [
        "id",
        "reference",
        "subject",
        "status",
        "opened_on",
        "closed_on",
        "next_date",
        "next_date_label",
        "updated_at",
        "casusregisseur_id",
        "created_by_id",
        "youth_id",
    ]
    inv_cols = ["id", "since", "until", "note", "case_id", "function_id", "professional_id"]
    with DroppedIndexes("cases_case", "cases_involvement"):
        n = copy_lines("cases_case", case_cols, iter(case_lines))
        m = copy_lines("cases_involvement", inv_cols, iter(inv_lines))
    timer.step("cases + involvements", t, n + m)

    # Journal: 200,000 entries; the rich youth's cases get 30/20/10.
    t = time.perf_counter()
    journal_id = next_id("cases_journalentry")
    n_journal = REGION["journal"]
    counts = [30, 20, 10] + [0] * (n_cases - 3)
    remaining = n_journal - 60
    for k in range(3, n_cases):
        counts[k] = rng.randint(2, 16)
    scale = remaining / sum(counts[3:])
    for k in range(3, n_cases):
        counts[k] = max(1, round(counts[k] * scale))
    diff = n_journal - sum(counts)
    k = 3
    while diff != 0:
        step = 1 if diff > 0 else -1
        if counts[k] + step >= 1:
            counts[k] += step
            diff -= step
        k = 3 + (k - 2) % (n_cases - 3)

    def journal_lines():
        nonlocal journal_id
        for ci in range(n_cases):
            writers = [(p, c) for p, c in case_invs[ci] if len(cat_for[c]) > 1]
            for _ in range(counts[ci]):
                pro, code = rng.choice(writers)
                cats = [x for x in cat_for[code] if x != "identity"]
                cat = rng.choice(cats)
                occurred = today - timedelta(days=rng.randint(0, 700))
                yield (
                    f"{journal_id}\t{cat}\t{occurred.isoformat()}\t{rng.choice(JOURNAL_TITLES[cat])}\t{TEXT}\t"
                    f"{created}\t{pro}\t{fcode_id[code]}\t{case_id0 + ci}\n"
                )
                journal_id += 1

    with DroppedIndexes("cases_journalentry"):
        n = copy_lines(
            "cases_journalentry",
            [
                "id",
                "category",
                "occurred_on",
                "title",
                "text",
                "created_at",
                "author_id",
                "author_function_id",
                "case_id",
            ],
            journal_lines(),
        )
    timer.step("journal entries", t, n)

    # Access log: 2,000,000 entries, 2,500 of them about the rich youth; half of the rest about
    # youths with a case, half about anyone.
    t = time.perf_counter()
    log_id = next_id("auditlog_accesslogentry")
    n_log = REGION["access_log"]
    all_pros = [p for p in pro_info if p not in bench.values()]
    fname = {c: f.name for c, f in functions.items()}
    case_pairs = [(case_youth[ci], case_invs[ci], case_id0 + ci) for ci in range(n_cases)]
    events = ["read"] * 50 + ["list"] * 33 + ["search"] * 10 + ["create"] * 3 + ["update"] * 3 + ["refused"]
    start_ts = datetime.now(UTC) - timedelta(days=730)
    span = 730 * 86400

    def log_lines():
        for k in range(n_log):
            if k < RICH_YOUTH_LOG:
                ci = rng.randrange(3)
                youth_id, invs, cid = case_pairs[ci]
                pro, code = rng.choice(invs)
            elif k % 2:
                youth_id, invs, cid = rng.choice(case_pairs)
                pro, code = rng.choice(invs)
            else:
                youth_id, cid = youth_id0 + rng.randrange(n_youth), None
                pro = rng.choice(all_pros)
                code = pro_info[pro][3]
            user_id, user_name, org_name, _c, _m = pro_info[pro]
            event = rng.choice(events)
            ground = "" if event == "refused" else ("case" if cid else "school")
            if event in ("list", "search"):
                obj_type, obj_ids = "youth", f'["{youth_id}"]'
                cats = '["identity"]'
            elif cid:
                obj_type, obj_ids = "case", f'["{cid}"]'
                cats = json.dumps(cat_for[code])
            else:
                obj_type, obj_ids = "dossier", f'["youth:{youth_id}"]'
                cats = '["identity", "school"]'
            stamp = start_ts + timedelta(seconds=rng.randrange(span))
            channel = "api" if rng.random() < 0.15 else "web"
            yield (
                f"{log_id + k}\t{ts(stamp)}\t{event}\t{user_name}\t{org_name}\t{code}\t{fname[code]}\t\t{ground}\t"
                f"{'' if not cid else f'{stamp:%Y}-{cid:05d}'}\t{cats}\t{obj_type}\t{obj_ids}\t"
                f"{'dossier ingezien' if obj_type == 'dossier' else ''}\t\t{channel}\t192.0.2.{k % 250 + 1}\t"
                f"{user_id}\t{youth_id}\n"
            )

    log_cols = [
        "id",
        "timestamp",
        "event",
        "user_name",
        "organisation_name",
        "function_code",
        "function_name",
        "on_behalf_of",
        "ground",
        "ground_detail",
        "categories",
        "object_type",
        "object_ids",
        "description",
        "reason",
        "channel",
        "ip_address",
        "user_id",
        "youth_id",
    ]
    with DroppedIndexes("auditlog_accesslogentry"):
        n = copy_lines("auditlog_accesslogentry", log_cols, log_lines())
    timer.step("access log (+ indexes rebuilt)", t, n)

    execute("SET session_replication_role = DEFAULT")
    for table in (
        "youth_youth",
        "youth_carer",
        "youth_carerrelation",
        "youth_enrolment",
        "cases_case",
        "cases_involvement",
        "cases_journalentry",
        "auditlog_accesslogentry",
    ):
        reset_sequence(table)
    connection.close()
    return {"rich_youth": rich, "bench": bench}


# --------------------------------------------------------------------------------------------
# The toegang: 5,000 open help requests at Gemeente Zwolle

INTAKE_OPEN = 5_000
INTAKE_WAITING = 3_000  # of which on the waiting list; the rest new or in triage (the inbox)


def intake_present() -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username="bench_samendoen").exists()


def build_intake(timer: Timer, today: date, rng: random.Random) -> dict:
    """Help requests for the Samen Doen inbox and the waiting list at region scale: the
    default triage checklist, 5,000 open requests (2,000 new or in triage, 3,000 waiting, 10% of
    those with a suspension of the term), and two logins at Gemeente Zwolle: ``bench_samendoen``
    (medewerker Samen Doen) and ``bench_teamleider`` (teamleider, sees the caseloads). All of it
    or nothing, so a rerun starts clean."""
    from django.db import transaction

    with transaction.atomic():
        return _build_intake(timer, today, rng)


def _build_intake(timer: Timer, today: date, rng: random.Random) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from jeugdketen.intake.models import HelpRequest, Suspension
    from jeugdketen.intake.services import checklist_install_default
    from jeugdketen.organisations.models import Function, Municipality, Organisation, Professional
    from jeugdketen.youth.models import Youth

    t = time.perf_counter()
    zwolle = Municipality.objects.get(cbs_code="0193")
    gemeente = Organisation.objects.get(kind="gemeente", municipality=zwolle)
    checklist_install_default(zwolle)
    User = get_user_model()
    password = make_password(PASSWORD)
    for username, first, last, code in (
        ("bench_samendoen", "Sam", "Toegang", "samen_doen"),
        ("bench_teamleider", "Tessa", "Teamleider", "manager"),
    ):
        user = User.objects.create(username=username, first_name=first, last_name=last, password=password)
        pro = Professional.objects.create(user=user, organisation=gemeente, email=f"{username}@bench.example")
        pro.functions.set([Function.objects.get(code=code)])
    youth_ids = list(Youth.objects.filter(municipality=zwolle).values_list("pk", flat=True)[: INTAKE_OPEN * 2])
    statuses = ["wachtlijst"] * INTAKE_WAITING + ["nieuw", "triage"] * ((INTAKE_OPEN - INTAKE_WAITING) // 2)
    rows = []
    for i, status in enumerate(statuses):
        received = today - timedelta(days=rng.randint(0, 120))
        waiting = status == "wachtlijst"
        rows.append(
            HelpRequest(
                reference=f"HV-B-{i + 1:05d}",
                municipality=zwolle,
                source=rng.choice(["telefoon", "balie", "online", "professional"]),
                received_on=received,
                received_at=datetime.combine(received, datetime.min.time(), tzinfo=UTC),
                question="Vraag over opvoeden en opgroeien. " * rng.randint(1, 6),
                urgency=rng.choices(["normaal", "snel", "spoed"], [80, 17, 3])[0],
                youth_id=youth_ids[i] if status != "nieuw" or i % 2 else None,
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                date_of_birth=birth_for_age(rng, today, rng.randint(0, 17)),
                requester_kind="ouder",
                requester_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                requester_phone="06-12345678",
                status=status,
                priority=rng.choice([1, 2, 2, 3]) if waiting else None,
                waiting_since=received + timedelta(days=rng.randint(1, 10)) if waiting else None,
            )
        )
    created = HelpRequest.objects.bulk_create(rows, batch_size=1000)
    suspensions = [
        Suspension(
            request=r,
            started_on=min(today, r.received_on + timedelta(days=3)),
            ended_on=None if n % 2 else min(today, r.received_on + timedelta(days=10)),
            reason="Informatie opgevraagd",
        )
        for n, r in enumerate(x for x in created if x.status == "wachtlijst" and x.pk % 10 == 0)
    ]
    Suspension.objects.bulk_create(suspensions)
    timer.step("toegang: checklist, 5,000 open help requests, suspensions", t, len(created) + len(suspensions))
    return {"help_requests": len(created), "suspensions": len(suspensions)}


# School support: one school of 1,000 pupils with three years of signals, plans and OPPs

SCHOOL_PUPILS = 1_000
SCHOOL_YEARS = 3


def school_present() -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username="bench_ib").exists()


def build_school(timer: Timer, today: date, rng: random.Random) -> dict:
    """The IB'er's overview at scale: a primary school in Zwolle with 1,000 enrolled pupils and
    three school years of support: per pupil on average 1.5 signals (each with its conversations
    and, for most, an IB consultation), 0.6 handelingsplannen with 2–3 goals and their
    evaluations, 4% with an OPP (set ones evaluated yearly), plus the bespreekcyclus, 30
    admissions and 40 requests to the SWV. The login ``bench_ib`` is its intern begeleider. All
    of it or nothing."""
    from django.db import transaction

    with transaction.atomic():
        return _build_school(timer, today, rng)


def _build_school(timer: Timer, today: date, rng: random.Random) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from jeugdketen.organisations.models import Function, Municipality, Organisation, Professional
    from jeugdketen.schoolsupport import models as m
    from jeugdketen.youth.models import Enrolment, Youth

    t = time.perf_counter()
    zwolle = Municipality.objects.get(cbs_code="0193")
    school = Organisation.objects.create(
        name="Bench-basisschool De Duizend", kind="school", sector="po", brin="99BD", municipality=zwolle
    )
    swv = Organisation.objects.filter(kind="swv").first() or Organisation.objects.create(
        name="Bench-samenwerkingsverband", kind="swv", municipality=zwolle
    )
    User = get_user_model()
    password = make_password(PASSWORD)
    staff = {}
    for username, first, last, code in (
        ("bench_ib", "Inge", "Begeleider", "intern_begeleider"),
        ("bench_leerkracht", "Lars", "Leerkracht", "leerkracht"),
    ):
        user = User.objects.create(username=username, first_name=first, last_name=last, password=password)
        pro = Professional.objects.create(user=user, organisation=school, email=f"{username}@bench.example")
        pro.functions.set([Function.objects.get(code=code)])
        staff[code] = pro
    ib, teacher = staff["intern_begeleider"], staff["leerkracht"]
    teacher_function = Function.objects.get(code="leerkracht")
    nurse = Professional.objects.filter(organisation__kind="ggd", functions__code="jeugdverpleegkundige").first()
    m.SupportProfile.objects.create(
        school=school, samenwerkingsverband=swv, ggd_contact=nurse, basic_support="HGW", extra_support="OPP"
    )
    youths = Youth.objects.bulk_create(
        Youth(
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            date_of_birth=birth_for_age(rng, today, rng.randint(4, 12)),
            municipality=zwolle,
        )
        for _ in range(SCHOOL_PUPILS)
    )
    Enrolment.objects.bulk_create(
        Enrolment(
            youth=y, school=school, start=today - timedelta(days=rng.randint(30, 365 * 7)), group=str(rng.randint(1, 8))
        )
        for y in youths
    )
    days = 365 * SCHOOL_YEARS
    signals, notes, consultations = [], [], []
    for y in youths:
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            observed = today - timedelta(days=rng.randint(0, days))
            recent = (today - observed).days < 21
            status = "open" if recent and rng.random() < 0.5 else rng.choice(["besproken", "afgesloten"])
            signals.append(
                m.PupilSignal(
                    youth=y,
                    school=school,
                    raised_by=teacher,
                    area=rng.choice(["leren", "gedrag", "werkhouding", "sociaal"]),
                    observation="Bench-signaal. " * rng.randint(1, 5),
                    observed_on=observed,
                    status=status,
                )
            )
    signals = m.PupilSignal.objects.bulk_create(signals, batch_size=2000)
    for sig in signals:
        for kind in ("gesprek_leerling", "gesprek_ouders", "basisondersteuning")[: rng.randint(1, 3)]:
            notes.append(
                m.SupportNote(
                    youth_id=sig.youth_id,
                    school=school,
                    signal=sig,
                    kind=kind,
                    held_on=sig.observed_on,
                    text="Bench-gesprek.",
                    author=teacher,
                    author_function=teacher_function,
                )
            )
        if sig.status != "open":
            consultations.append(
                m.Consultation(
                    signal=sig,
                    ib=ib,
                    held_on=sig.observed_on + timedelta(days=7),
                    question=rng.choice(["leervraag", "leefvraag"]),
                    outcome=rng.choice(["voldoende", "handelingsplan"]),
                )
            )
    m.SupportNote.objects.bulk_create(notes, batch_size=5000)
    m.Consultation.objects.bulk_create(consultations, batch_size=5000)
    plans = []
    for c in consultations:
        if c.outcome == "handelingsplan":
            start = c.held_on + timedelta(days=3)
            active = (today - start).days < 120
            plans.append(
                m.SupportPlan(
                    youth_id=c.signal.youth_id,
                    school=school,
                    signal=c.signal,
                    title="Bench-handelingsplan",
                    approach="Aanpak.",
                    starts_on=start,
                    ends_on=start + timedelta(days=90),
                    evaluate_on=start + timedelta(days=rng.randint(30, 60)),
                    created_by=ib,
                    status="actief" if active else "afgesloten",
                )
            )
    plans = m.SupportPlan.objects.bulk_create(plans, batch_size=2000)
    m.SupportGoal.objects.bulk_create(
        (m.SupportGoal(plan=p, text=f"Doel {i + 1}", order=i) for p in plans for i in range(rng.randint(2, 3))),
        batch_size=5000,
    )
    m.PlanEvaluation.objects.bulk_create(
        (
            m.PlanEvaluation(
                plan=p,
                held_on=min(today, p.evaluate_on),
                conclusion="Bench-evaluatie.",
                next_step="afsluiten",
                recorded_by=ib,
            )
            for p in plans
            if p.status == "afgesloten"
        ),
        batch_size=5000,
    )
    opps = []
    for y in rng.sample(youths, SCHOOL_PUPILS * 4 // 100):
        final = rng.random() < 0.7
        enrolled = today - timedelta(days=rng.randint(10, days))
        opps.append(
            m.OPP(
                youth=y,
                school=school,
                enrolled_on=enrolled,
                status="vastgesteld" if final else "concept",
                finalised_on=enrolled + timedelta(days=30) if final else None,
                created_by=ib,
                uitstroom="vervolgonderwijs",
                uitstroom_level="vmbo",
                onderbouwing="x",
                belemmerende_factoren="x",
                bevorderende_factoren="x",
                afwijkingen="geen",
                ondersteuning="x",
            )
        )
    opps = m.OPP.objects.bulk_create(opps)
    m.OPPEvaluation.objects.bulk_create(
        m.OPPEvaluation(opp=o, held_on=min(today, o.finalised_on + timedelta(days=360)), conclusion="x", recorded_by=ib)
        for o in opps
        if o.finalised_on and (today - o.finalised_on).days > 365
    )
    m.CycleMeeting.objects.bulk_create(
        m.CycleMeeting(
            school=school,
            kind=rng.choice(["groepsbespreking", "leerlingbespreking"]),
            cycle=rng.choice(["kort", "lang"]),
            held_on=today + timedelta(days=d),
            group=str(rng.randint(1, 8)),
            planned_by=ib,
        )
        for d in range(-days, 120, 7)
    )
    m.Admission.objects.bulk_create(
        m.Admission(
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            date_of_birth=birth_for_age(rng, today, 6),
            school=school,
            support_need="x",
            received_on=today - timedelta(days=rng.randint(0, days)),
            recorded_by=ib,
            outcome="" if i < 5 else "toegelaten",
            decided_on=None if i < 5 else today,
        )
        for i in range(30)
    )
    m.SWVRequest.objects.bulk_create(
        m.SWVRequest(
            reference=f"SWV-B-{i:04d}",
            youth=o.youth,
            school=school,
            swv=swv,
            kind=rng.choice(["arrangement", "tlv"]),
            question="x",
            opp=o,
            submitted_on=today - timedelta(days=rng.randint(0, days)),
            submitted_by=ib,
            status="ingediend" if i < 5 else "besloten",
            outcome="" if i < 5 else "arrangement",
            decided_on=None if i < 5 else today - timedelta(days=rng.randint(0, days)),
        )
        for i, o in enumerate(opps[:40])
    )
    rows = len(youths) * 2 + len(signals) + len(notes) + len(consultations) + len(plans) + len(opps)
    timer.step("school support: 1,000 pupils, 3 years", t, rows)
    return {
        "school_pupils": len(youths),
        "school_signals": len(signals),
        "school_notes": len(notes),
        "school_plans": len(plans),
        "school_opps": len(opps),
    }


# The Plan van Aanpak: one plan with 50 agreements on the rich-dossier youth's case


def plan_present() -> bool:
    from jeugdketen.plans.models import Plan

    return Plan.objects.filter(agreements__what__startswith="Bench-afspraak").exists()


def build_plan(timer: Timer, today: date, rng: random.Random) -> dict:
    """The plan of the open case of the rich-dossier youth that ``bench_consulent`` holds: 5 goals,
    50 agreements of the people involved, 6 evaluations, 60 versions."""
    from django.db import transaction

    from jeugdketen.cases.models import Case
    from jeugdketen.plans.models import Agreement, Evaluation, Goal, Plan, PlanVersion
    from jeugdketen.plans.services import snapshot

    t = time.perf_counter()
    with transaction.atomic():
        case = (
            Case.objects.filter(casusregisseur__user__username="bench_consulent", status__in=Case.OPEN_STATUSES)
            .order_by("youth_id", "pk")
            .first()
        )
        plan = Plan.objects.create(case=case, version=60)
        goals = [Goal.objects.create(plan=plan, order=i, text=f"Doel {i + 1} van het gezin") for i in range(5)]
        owners = list(case.involvements.active().select_related("professional"))
        Agreement.objects.bulk_create(
            [
                Agreement(
                    plan=plan,
                    goal=goals[i % 5],
                    what=f"Bench-afspraak {i + 1}: gesprek, observatie of verslag",
                    owner_kind="professional",
                    owner_professional=owners[i % len(owners)].professional,
                    due_on=today + timedelta(days=rng.randint(-30, 60)),
                    status="gedaan" if i % 3 == 0 else "open",
                    done_on=today - timedelta(days=1) if i % 3 == 0 else None,
                )
                for i in range(50)
            ]
        )
        Evaluation.objects.bulk_create(
            [Evaluation(plan=plan, planned_on=today + timedelta(days=30 * (i - 3))) for i in range(6)]
        )
        shot = snapshot(plan)
        PlanVersion.objects.bulk_create(
            [PlanVersion(plan=plan, number=n, snapshot=shot, change="bench") for n in range(1, 61)]
        )
    timer.step("plan van aanpak: 50 agreements, 60 versions", t, 50 + 60)
    return {"plan_case": case.pk}


# Open Zaak scale: more cases
# --------------------------------------------------------------------------------------------


def build_openzaak(timer: Timer, today: date, rng: random.Random, target: int) -> dict:
    from jeugdketen.cases.models import Case
    from jeugdketen.organisations.models import Function, Professional
    from jeugdketen.youth.models import Youth

    have = Case.objects.count()
    missing = target - have
    if missing <= 0:
        print(f"  {have:,} cases already: nothing to add")
        return {}
    fid = dict(Function.objects.values_list("code", "id"))
    pros: dict[str, list[tuple[int, int]]] = {}
    for pk, user_id, code, username in Professional.objects.values_list(
        "pk", "user_id", "functions__code", "user__username"
    ):
        if not username.startswith("bench_"):
            pros.setdefault(code, []).append((pk, user_id))
    api = Professional.objects.get(user__username="bench_api")
    api_now = Case.objects.filter(
        involvements__professional=api, involvements__until__isnull=True, status__in=Case.OPEN_STATUSES
    ).count()
    api_open = max(0, BENCH_API_OPENZAAK_OPEN - api_now)
    youth_lo, youth_hi = Youth.objects.order_by("pk").values_list("pk", flat=True)[:1][0], Youth.objects.latest("pk").pk
    # Which new cases get the API user: ``api_open`` open ones, 300 closed, 100 with an ended involvement.
    marks = {}
    for k in rng.sample(range(missing), api_open + 400):
        marks[k] = "open" if len(marks) < api_open else ("closed" if len(marks) < api_open + 300 else "ended")
    case_id0 = next_id("cases_case")
    inv_id = next_id("cases_involvement")
    created = ts(datetime.now(UTC))
    others = [
        "intern_begeleider",
        "leerkracht",
        "jeugdverpleegkundige",
        "orthopedagoog",
        "lichte_jeugdhulp",
        "leerplicht",
        "ambulant_begeleider",
    ]
    t = time.perf_counter()

    def lines():
        nonlocal inv_id
        cases, invs = [], []
        for k in range(missing):
            cid = case_id0 + k
            mark = marks.get(k)
            if mark == "closed" or (mark is None and rng.random() < 0.75):
                status = "afgesloten"
            else:
                status = rng.choice(("aangemeld", "onderzoek", "uitvoering", "uitvoering", "evaluatie"))
            opened = today - timedelta(days=rng.randint(1 if status != "afgesloten" else 20, 3650))
            closed = None
            if status == "afgesloten":
                closed = min(today, opened + timedelta(days=rng.randint(10, 600)))
            next_date = None
            if status != "afgesloten" and rng.random() < 0.7:
                next_date = today + timedelta(days=rng.randint(-10, 60))
            reg_code = "jeugdconsulent" if rng.random() < 0.6 else "samen_doen"
            reg, reg_user = rng.choice(pros[reg_code])
            youth = rng.randint(youth_lo, youth_hi)
            cases.append(
                f"{cid}\t{opened:%Y}-{cid:05d}\t{rng.choice(SUBJECTS)}\t{status}\t{opened.isoformat()}\t"
                f"{closed.isoformat() if closed else chr(92) + 'N'}\t"
                f"{next_date.isoformat() if next_date else chr(92) + 'N'}\t"
                f"{rng.choice(NEXT_LABELS) if next_date else ''}\t{created}\t{reg}\t{reg_user}\t{youth}\n"
            )
            chosen = [(reg, reg_code, "casusregisseur")]
            for code in rng.sample(others, rng.randint(1, 3)):
                chosen.append((rng.choice(pros[code])[0], code, ""))
            if mark:
                chosen.append((api.pk, "jeugdconsulent", ""))
            for pro, code, note in chosen:
                since = min(opened + timedelta(days=rng.randint(0, 20)), closed or today)
                until = closed
                if pro == api.pk and mark == "ended":
                    until = min(today, since + timedelta(days=rng.randint(1, 30)))
                invs.append(
                    f"{inv_id}\t{since.isoformat()}\t{until.isoformat() if until else chr(92) + 'N'}\t{note}\t"
                    f"{cid}\t{fid[code]}\t{pro}\n"
                )
                inv_id += 1
            if len(cases) >= 100_000:
                yield cases, invs
                cases, invs = [], []
        if cases:
            yield cases, invs

    case_cols = [
        "id",
        "reference",
        "subject",
        "status",
        "opened_on",
        "closed_on",
        "next_date",
        "next_date_label",
        "updated_at",
        "casusregisseur_id",
        "created_by_id",
        "youth_id",
    ]
    inv_cols = ["id", "since", "until", "note", "case_id", "function_id", "professional_id"]
    n_cases = n_invs = 0
    execute("SET session_replication_role = replica")
    with DroppedIndexes("cases_case", "cases_involvement"):
        for cases, invs in lines():
            n_cases += copy_lines("cases_case", case_cols, iter(cases))
            n_invs += copy_lines("cases_involvement", inv_cols, iter(invs))
            print(f"    … {n_cases:,} cases, {n_invs:,} involvements", flush=True)
        t2 = time.perf_counter()
    timer.step("openzaak cases + involvements (COPY+index)", t, n_cases + n_invs)
    print(f"    (index rebuild included: {time.perf_counter() - t2:.1f} s)")
    execute("SET session_replication_role = DEFAULT")
    reset_sequence("cases_case")
    reset_sequence("cases_involvement")
    return {"cases_added": n_cases, "involvements_added": n_invs}


def check_integrity() -> dict:
    """Cheap checks that the COPY-loaded rows keep the foreign keys the triggers did not check."""
    checks = {
        "involvement→case": "SELECT count(*) FROM cases_involvement i LEFT JOIN cases_case c ON c.id = i.case_id "
        "WHERE c.id IS NULL",
        "involvement→professional": "SELECT count(*) FROM cases_involvement i LEFT JOIN organisations_professional p "
        "ON p.id = i.professional_id WHERE p.id IS NULL",
        "case→youth": "SELECT count(*) FROM cases_case c LEFT JOIN youth_youth y ON y.id = c.youth_id "
        "WHERE y.id IS NULL",
        "journal→case": "SELECT count(*) FROM cases_journalentry j LEFT JOIN cases_case c ON c.id = j.case_id "
        "WHERE c.id IS NULL",
        "enrolment→school": "SELECT count(*) FROM youth_enrolment e LEFT JOIN organisations_organisation o "
        "ON o.id = e.school_id WHERE o.id IS NULL",
    }
    result = {name: execute(sql)[0][0] for name, sql in checks.items()}
    bad = {k: v for k, v in result.items() if v}
    if bad:
        sys.exit(f"Integrity check failed: {bad}")
    return result


def counts() -> dict:
    tables = [
        "organisations_organisation",
        "organisations_professional",
        "youth_youth",
        "youth_carer",
        "youth_carerrelation",
        "youth_enrolment",
        "cases_case",
        "cases_involvement",
        "cases_journalentry",
        "auditlog_accesslogentry",
        "intake_helprequest",
        "intake_suspension",
    ]
    return {t: execute(f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=["region", "openzaak"], required=True)
    parser.add_argument("--reset", action="store_true", help="empty the database first (DROP SCHEMA public)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.utils import timezone

    timer = Timer()
    print(f"Generating scale {args.scale!r} in {raw().info.dbname}")
    if args.reset:
        t = time.perf_counter()
        execute("DROP SCHEMA public CASCADE")
        execute("CREATE SCHEMA public")
        timer.step("reset (drop schema)", t)
    t = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    timer.step("migrate", t)
    today = timezone.localdate()
    rng = random.Random(args.seed)
    info: dict = {}
    if region_present():
        print("  region already there")
    else:
        info.update(build_region(timer, today, rng))
    if plan_present():
        print("  plan already there")
    else:
        info.update(build_plan(timer, today, random.Random(args.seed + 3)))
    if intake_present():
        print("  toegang already there")
    else:
        info.update(build_intake(timer, today, random.Random(args.seed + 2)))
    if school_present():
        print("  school support already there")
    else:
        info.update(build_school(timer, today, random.Random(args.seed + 4)))
    if args.scale == "openzaak":
        info.update(build_openzaak(timer, today, random.Random(args.seed + 1), OPENZAAK_CASES))
    t = time.perf_counter()
    execute("VACUUM (ANALYZE)")
    timer.step("vacuum analyze", t)
    t = time.perf_counter()
    info["integrity"] = check_integrity()
    timer.step("integrity checks", t)
    total = time.perf_counter() - timer.start
    info["counts"] = counts()
    print(f"Done in {total:.1f} s")
    for table, n in info["counts"].items():
        print(f"  {table:<32} {n:>12,}")
    summary = {
        "scale": args.scale,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "total_seconds": round(total, 1),
        "steps": [{"step": s, "seconds": round(d, 2), "rows": r} for s, d, r in timer.steps],
        **{k: v for k, v in info.items()},
    }
    (OUT / f"generate-{args.scale}.json").write_text(json.dumps(summary, indent=2, default=str))


if __name__ == "__main__":
    main()
