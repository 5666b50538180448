#!/usr/bin/env python
"""Server time and query count of the main pages, in-process against the bench PostgreSQL database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jk_bench .venv/bin/python bench/pages.py [-n 300]

Pages (after ``bench/generate.py --scale region``):

* Mijn casussen ``/casussen/`` as ``bench_consulent`` (50 open cases);
* the youth dossier ``/jeugdigen/<id>/`` as ``bench_consulent``, for the youth with the richest
  dossier (3 cases, of which 2 visible, 60 journal entries);
* the access log ``/jeugdigen/<id>/toegangslog/`` as ``bench_privacy``, for that youth
  (2,500+ entries, first page of 50);
* the case page ``/casussen/<id>/`` and the plan page ``/plan/casus/<id>/`` of the case whose plan
  has 50 agreements, as ``bench_consulent`` (its casusregisseur);
* the Samen Doen inbox and the waiting list at 5,000 help requests;
* the IB'er's school-support overview ``/ondersteuning/`` as ``bench_ib`` (a school of 1,000
  pupils with three years of signals, handelingsplannen and OPPs), and the pupil page of the
  pupil with the most signals.

Each page: ``--warmup`` requests, then ``-n`` timed requests through Django's test ``Client``
(the whole middleware stack, view and template; no network, no gunicorn), then a few requests
under ``CaptureQueriesContext`` for the query count and the time spent in the database (kept
apart so that capturing does not slow the timed requests). Every request writes access-log rows,
as in production. Results: a markdown table on stdout and in ``bench/out/pages.md``, details in
``bench/out/pages.json``. ``--explain MS`` adds EXPLAIN (ANALYZE, BUFFERS) of each SELECT that
took at least MS ms in the captured request to ``bench/out/pages-explain.txt``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import OUT, setup


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def machine() -> dict:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        pg = cur.fetchone()[0]
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram": mem, "postgresql": pg, "python": platform.python_version()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=300, help="timed requests per page (default 300)")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--explain", type=float, default=None, metavar="MS")
    parser.add_argument("--only", default="", help="only the pages whose name contains this text")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise: no collectstatic needed here
    setup(extra_hosts=("testserver",))

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from jeugdketen.auditlog.models import AccessLogEntry
    from jeugdketen.cases.models import Case

    assert not settings.DEBUG, "run with DEBUG off"
    User = get_user_model()
    try:
        consulent = User.objects.get(username="bench_consulent")
        privacy = User.objects.get(username="bench_privacy")
    except User.DoesNotExist:
        sys.exit("No bench users: run bench/generate.py --scale region first")
    youth_id = (
        Case.objects.filter(involvements__professional__user=consulent)
        .values("youth")
        .annotate(n=Count("id", distinct=True))
        .order_by("-n", "youth")
        .first()["youth"]
    )
    log_entries = AccessLogEntry.objects.filter(youth_id=youth_id).count()
    from jeugdketen.plans.models import Plan

    plan_case = Plan.objects.filter(agreements__what__startswith="Bench-afspraak").values_list("case_id", flat=True)[0]
    backend = "django.contrib.auth.backends.ModelBackend"
    pages = [
        ("Mijn casussen", "/casussen/", consulent),
        ("Dossier jeugdige", f"/jeugdigen/{youth_id}/", consulent),
        ("Toegangslog (privacy officer)", f"/jeugdigen/{youth_id}/toegangslog/", privacy),
        ("Casus met plan (50 afspraken)", f"/casussen/{plan_case}/", consulent),
        ("Plan van aanpak (50 afspraken)", f"/plan/casus/{plan_case}/", consulent),
        ("Signaaltelling in de navigatie (htmx)", "/signalen/aantal/", consulent),
        ("Inbox Samen Doen", "/toegang/", User.objects.get(username="bench_samendoen")),
        (
            "Wachtlijst jeugdconsulenten (teamleider)",
            "/toegang/wachtlijst/",
            User.objects.get(username="bench_teamleider"),
        ),
    ]
    ib = User.objects.filter(username="bench_ib").first()
    if ib is not None:
        from jeugdketen.schoolsupport.models import PupilSignal

        rich_pupil = (
            PupilSignal.objects.filter(school__name="Bench-basisschool De Duizend")
            .values("youth")
            .annotate(n=Count("id"))
            .order_by("-n", "youth")
            .first()["youth"]
        )
        pages += [
            ("Overzicht IB'er (school, 1.000 leerlingen)", "/ondersteuning/", ib),
            ("Leerling met de meeste signalen (IB'er)", f"/ondersteuning/leerlingen/{rich_pupil}/", ib),
        ]
    load_before = [round(x, 2) for x in os.getloadavg()]
    results = []
    explain_out: list[str] = []
    for name, url, user in pages:
        if args.only.lower() not in name.lower():
            continue
        client = Client()
        client.force_login(user, backend=backend)
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{name}: {url} answered {response.status_code}")
        for _ in range(args.warmup):
            client.get(url)
        times = []
        for _ in range(args.n):
            t = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200
        captured = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            captured.append(ctx.captured_queries)
        queries = captured[-1]
        db_ms = sum(float(q["time"]) for q in queries) * 1000
        row = {
            "page": name,
            "url": url,
            "user": user.username,
            "n": args.n,
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "max_ms": round(max(times), 1),
            "mean_ms": round(statistics.fmean(times), 1),
            "queries": len(queries),
            "db_ms": round(db_ms, 1),
            "response_bytes": len(response.content),
            "sql": [{"ms": round(float(q["time"]) * 1000, 2), "sql": q["sql"][:400]} for q in queries],
        }
        results.append(row)
        print(
            f"{name:<32} p50 {row['p50_ms']:6.1f} ms  p95 {row['p95_ms']:6.1f} ms  "
            f"{row['queries']:3d} queries ({row['db_ms']:.1f} ms in DB)",
            flush=True,
        )
        if args.explain is not None:
            for q in queries:
                if float(q["time"]) * 1000 >= args.explain and q["sql"].lstrip().upper().startswith("SELECT"):
                    with connection.cursor() as cur:
                        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + q["sql"])
                        plan = "\n".join(r[0] for r in cur.fetchall())
                    explain_out.append(f"-- {name}: {float(q['time']) * 1000:.1f} ms\n{q['sql']}\n{plan}\n")

    info = machine()
    info["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    info["loadavg_before"] = load_before
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    lines = [
        f"Pages, {stamp}, {args.n} requests each after {args.warmup} warm-up; "
        f"{info['nproc']} CPUs, {info['ram']}, PostgreSQL {info['postgresql']}; "
        f"youth {youth_id} had {log_entries:,} access-log entries at the start; "
        f"load average before/after {info['loadavg_before'][0]}/{info['loadavg_after'][0]}.",
        "",
        "| page | p50 ms | p95 ms | queries | DB ms (1 request) | goal p95 < 50 ms |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        ok = "met" if r["p95_ms"] < 50 else f"missed by {r['p95_ms'] - 50:.1f} ms"
        lines.append(
            f"| {r['page']} (`{r['url']}`) | {r['p50_ms']} | {r['p95_ms']} | {r['queries']} | {r['db_ms']} | {ok} |"
        )
    table = "\n".join(lines)
    print()
    print(table)
    (OUT / "pages.md").write_text(table + "\n")
    (OUT / "pages.json").write_text(
        json.dumps(
            {"date": stamp, "machine": info, "youth": youth_id, "log_entries": log_entries, "results": results},
            indent=2,
        )
    )
    if explain_out:
        (OUT / "pages-explain.txt").write_text("\n".join(explain_out))
        print(f"\nEXPLAIN of {len(explain_out)} slow queries in bench/out/pages-explain.txt")


if __name__ == "__main__":
    main()
