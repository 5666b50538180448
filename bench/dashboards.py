#!/usr/bin/env python
"""The dashboards at region scale: computing the figures, and reading each dashboard.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jk_bench .venv/bin/python bench/generate.py --scale region --reset
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jk_bench .venv/bin/python bench/dashboards.py [-n 300]

On top of the region (100,000 youths, 20,000 cases, 5,000 help requests, a school of 1,000 pupils
with three years of support) this adds five years of the facts the dashboards count, once:
50,000 verzuimmeldingen, 40,000 handovers and 15,000 stagnation signals, spread over the region's
youths, schools and cases. Then it recomputes every scope's figures (``compute_all``: the nightly
run) and times it, and reads each dashboard — the largest gemeente's, a samenwerkingsverband's and
the bench school's — ``-n`` times through Django's test ``Client`` (whole middleware stack, view,
template; no network), rotating over the periods the filter offers. Results: a table on stdout and
in ``bench/out/dashboards.md``, details in ``bench/out/dashboards.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import OUT, setup

MELDINGEN = 50_000
HANDOVERS = 40_000
SIGNALS = 15_000
BATCH = 5_000


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def add_facts(today: date, rng: random.Random) -> dict:
    from jeugdketen.cases.models import Case
    from jeugdketen.handover.models import Handover
    from jeugdketen.leerplicht.models import Melding
    from jeugdketen.organisations.models import Organisation, Professional
    from jeugdketen.signals.models import Signal
    from jeugdketen.youth.models import Enrolment

    if Melding.objects.count() >= MELDINGEN:
        return {"added": False}
    started = time.perf_counter()
    first = date(today.year - 4, 1, 1)
    span = (today - first).days
    pupils = list(Enrolment.objects.values_list("youth_id", "school_id")[:200_000])
    schools = list(Organisation.objects.filter(kind="school").values_list("pk", "sector"))
    vo = [pk for pk, sector in schools if sector == "vo"] or [pk for pk, _ in schools]
    staff = {
        s: p for p, s in Professional.objects.filter(organisation__kind="school").values_list("pk", "organisation_id")
    }
    any_staff = next(iter(staff.values()))
    kinds = ["relatief", "relatief", "relatief", "langdurig", "luxe", "mazl_frequent", "mazl_lang"]
    seen, batch = set(), []
    while len(batch) < MELDINGEN:
        youth, school = rng.choice(pupils)
        day = first + timedelta(days=rng.randrange(span))
        kind = rng.choice(kinds)
        if (youth, school, kind, day) in seen:
            continue
        seen.add((youth, school, kind, day))
        batch.append(Melding(youth_id=youth, school_id=school, kind=kind, reached_on=day,
                             period_start=day - timedelta(days=25), period_end=day, due_on=day + timedelta(days=5),
                             status=rng.choice(["gemeld", "in_behandeling", "afgesloten"])))  # fmt: skip
    Melding.objects.bulk_create(batch, batch_size=BATCH)
    seen, batch = set(), []
    while len(batch) < HANDOVERS:
        youth, school = rng.choice(pupils)
        year = today.year - rng.randrange(5)
        if (youth, school, year) in seen:
            continue
        seen.add((youth, school, year))
        done = date(year, 6, 1) + timedelta(days=rng.randrange(50))
        if done > today:
            done = today - timedelta(days=rng.randrange(1, 120))
        batch.append(Handover(youth_id=youth, from_school_id=school, to_school_id=rng.choice(vo), transfer="po_vo",
                              school_year=year, method=rng.choice(["warm", "koud"]), status="overgedragen",
                              handed_over_on=done, created_by_id=staff.get(school, any_staff)))  # fmt: skip
    Handover.objects.bulk_create(batch, batch_size=BATCH)
    cases = list(Case.objects.values_list("pk", flat=True))
    seen, batch = set(), []
    while len(batch) < SIGNALS:
        case = rng.choice(cases)
        day = first + timedelta(days=rng.randrange(span))
        if (case, day) in seen:
            continue
        seen.add((case, day))
        batch.append(Signal(case_id=case, kind=rng.choice(["casus_stil", "nazorg"]), due_on=day, raised_on=day))
    Signal.objects.bulk_create(batch, batch_size=BATCH)
    return {"added": True, "seconds": round(time.perf_counter() - started, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=300, help="timed requests per dashboard")
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()
    setup(extra_hosts=("testserver",))
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from jeugdketen.dashboards import compute, selectors
    from jeugdketen.dashboards.models import Computation, Figure
    from jeugdketen.organisations.models import Function, Organisation, Professional
    from jeugdketen.youth.models import Youth

    if Youth.objects.count() < 50_000:
        sys.exit("First generate the region: bench/generate.py --scale region --reset")
    today = timezone.localdate()
    facts = add_facts(today, random.Random(2026))
    started = time.perf_counter()
    scopes = compute.compute_all(today=today)
    compute_seconds = time.perf_counter() - started
    slowest = Computation.objects.order_by("-seconds").first()

    User = get_user_model()

    def login(username: str, organisation: Organisation, code: str):
        user, _ = User.objects.get_or_create(username=username, defaults={"first_name": "Bench", "last_name": code})
        pro, _ = Professional.objects.get_or_create(user=user, defaults={"organisation": organisation})
        pro.functions.add(Function.objects.get(code=code))
        return user

    biggest = Youth.objects.values("municipality").annotate(n=Count("id")).order_by("-n").first()["municipality"]
    gemeente = Organisation.objects.filter(kind="gemeente", municipality_id=biggest).first()
    swv = Organisation.objects.filter(kind="swv").first()
    school = (
        Organisation.objects.filter(name="Bench-basisschool De Duizend").first()
        or Organisation.objects.filter(kind="school").first()
    )
    boards = [
        (f"Gemeente ({gemeente.municipality.name})", login("bench_dash_gemeente", gemeente, "manager")),
        ("Samenwerkingsverband", login("bench_dash_swv", swv, "manager")),
        (f"School ({school.name})", login("bench_dash_school", school, "schoolleider")),
    ]
    periods = [value for value, _label in selectors.period_choices(today)]
    load_before = [round(x, 2) for x in os.getloadavg()]
    results = []
    for name, user in boards:
        client = Client()
        client.force_login(user)
        for i in range(args.warmup):
            client.get(f"/stuurinformatie/?periode={periods[i % len(periods)]}")
        timings = []
        for i in range(args.n):
            url = f"/stuurinformatie/?periode={periods[i % len(periods)]}"
            t0 = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        for _ in range(2):
            with CaptureQueriesContext(connection) as captured:
                client.get("/stuurinformatie/?periode=last12")
            queries = captured.captured_queries
        t0 = time.perf_counter()
        client.get("/stuurinformatie/export.xlsx?periode=last12")
        xlsx_ms = (time.perf_counter() - t0) * 1000
        results.append({
            "dashboard": name,
            "n": args.n,
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(percentile(timings, 95), 1),
            "max_ms": round(max(timings), 1),
            "queries": len(queries),
            "xlsx_ms": round(xlsx_ms, 1),
        })  # fmt: skip
    report = {
        "date": str(today),
        "load_before": load_before,
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "facts": facts,
        "figures": Figure.objects.count(),
        "scopes": scopes,
        "compute_all_seconds": round(compute_seconds, 1),
        "slowest_scope": {"scope": slowest.scope, "seconds": round(slowest.seconds, 2), "rows": slowest.rows},
        "results": results,
    }
    lines = [
        f"Dashboards at region scale ({today}; load {load_before} → {report['load_after']}).",
        f"Recomputing all {scopes} scopes: {report['compute_all_seconds']} s "
        f"(slowest: {slowest.scope}, {slowest.seconds:.2f} s, {slowest.rows} figures); {report['figures']} figures.",
        "",
        "| dashboard | n | p50 ms | p95 ms | max ms | queries | Excel export ms |",
        "|---|---|---|---|---|---|---|",
        *(f"| {r['dashboard']} | {r['n']} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} | {r['queries']} | "
          f"{r['xlsx_ms']} |" for r in results),
    ]  # fmt: skip
    print("\n".join(lines))
    (OUT / "dashboards.md").write_text("\n".join(lines) + "\n")
    (OUT / "dashboards.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
