#!/usr/bin/env python
"""The stagnation sweep over 200,000 agreements on the PostgreSQL bench database (bench only).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jk_bench .venv/bin/python bench/sweep.py

Needs the region (``bench/generate.py --scale region``). When there are fewer than 200,000
agreements it first gives every case without a plan a Plan van Aanpak (set-based ``INSERT …
SELECT`` in PostgreSQL, seeded, so the same rows each time): 10 agreements per plan (35% still
open, 55% done, 10% cancelled; due dates spread over ten months around the sweep day; owned by an
involved professional, a parent or the youth), 2 evaluation moments (80% of the past ones held),
and a nazorg moment on a third of the closed cases.

The sweep runs on ``--today`` (default: seven weeks after the region's data was generated, so a
case whose plan did not change in the last six weeks is silent). The script empties the signals
table, then times three sweeps: the first raises every signal, the second (the same day) must add
nothing, the third is the next day's after 2,000 overdue agreements were done (rolled back
afterwards, so every run measures the same). The mail tasks the sweeps queue are removed afterwards (no
mail leaves a bench database); the signals stay, so pages measured later see a full inbox.
Timings go to stdout and to ``bench/out/sweep.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import OUT, setup

AGREEMENTS = 200_000
PER_PLAN = 10
EVALUATIONS_PER_PLAN = 2
SEED = 0.2026  # PostgreSQL setseed(): the same random rows on every run


def execute(sql: str, params=None):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else cursor.rowcount


def count(table: str) -> int:
    return execute(f"SELECT count(*) FROM {table}")[0][0]


def default_today() -> date:
    """Seven weeks after the region was generated (the cases' last change)."""
    last = execute("SELECT max(updated_at)::date FROM cases_case")[0][0]
    if last is None:
        sys.exit("No cases: run bench/generate.py --scale region first")
    return last + timedelta(weeks=7)


def generate(today: date) -> dict:
    """Plans, agreements and evaluations over the region's cases, up to AGREEMENTS agreements."""
    from django.db import transaction

    started = time.perf_counter()
    missing = AGREEMENTS - count("plans_agreement")
    with transaction.atomic():
        execute("SELECT setseed(%s)", [SEED])
        plans = execute(
            """
            INSERT INTO plans_plan (case_id, version, end_evaluation, end_evaluated_on, nazorg_on, created_at,
                                    updated_at, updated_by_id)
            SELECT c.id, 1,
                   CASE WHEN c.status = 'afgesloten' THEN 'Doelen bereikt.' ELSE '' END,
                   CASE WHEN c.status = 'afgesloten' THEN c.closed_on END,
                   CASE WHEN c.status = 'afgesloten' AND c.id %% 3 = 0 THEN c.closed_on + 90 END,
                   c.updated_at,
                   -- spread over the seven weeks before the sweep day: about one in seven is silent
                   c.updated_at + random() * (%s::date - c.updated_at::date) * interval '1 day',
                   NULL
            FROM cases_case c
            WHERE NOT EXISTS (SELECT 1 FROM plans_plan p WHERE p.case_id = c.id)
            ORDER BY c.id
            """,
            [today],
        )
        agreements = execute(
            """
            INSERT INTO plans_agreement (plan_id, goal_id, what, owner_kind, owner_professional_id, owner_carer_id,
                                         due_on, status, done_on, note, source, created_at)
            SELECT plan_id, NULL, 'Afspraak ' || n, owner_kind,
                   CASE WHEN owner_kind = 'professional' THEN owner END, NULL,
                   due_on,
                   CASE WHEN r < 0.35 THEN 'open' WHEN r < 0.90 THEN 'gedaan' ELSE 'vervallen' END,
                   CASE WHEN r >= 0.35 AND r < 0.90 THEN due_on END,
                   '', 'bench', now()
            FROM (
                SELECT p.id AS plan_id, g AS n, random() AS r,
                       %s::date - 180 + floor(random() * 300)::int AS due_on,
                       CASE WHEN g %% 10 < 7 THEN 'professional' WHEN g %% 10 < 9 THEN 'ouder' ELSE 'jeugdige' END
                           AS owner_kind,
                       (SELECT i.professional_id FROM cases_involvement i WHERE i.case_id = p.case_id
                        ORDER BY md5(i.id::text || g::text) LIMIT 1) AS owner
                FROM plans_plan p CROSS JOIN generate_series(1, %s) AS g
                WHERE NOT EXISTS (SELECT 1 FROM plans_agreement a WHERE a.plan_id = p.id)
                ORDER BY p.id, g
                LIMIT %s
            ) AS rows
            """,
            [today, PER_PLAN, max(missing, 0)],
        )
        evaluations = execute(
            """
            INSERT INTO plans_evaluation (plan_id, planned_on, held_on, outcome, contacts_confirmed)
            SELECT plan_id, planned_on,
                   CASE WHEN planned_on < %s AND random() < 0.8 THEN planned_on END, '', false
            FROM (
                SELECT p.id AS plan_id, %s::date - 150 + floor(random() * 240)::int AS planned_on
                FROM plans_plan p CROSS JOIN generate_series(1, %s) AS g
                WHERE NOT EXISTS (SELECT 1 FROM plans_evaluation e WHERE e.plan_id = p.id)
                ORDER BY p.id, g
            ) AS rows
            """,
            [today, today, EVALUATIONS_PER_PLAN],
        )
    execute("ANALYZE plans_plan")
    execute("ANALYZE plans_agreement")
    execute("ANALYZE plans_evaluation")
    took = time.perf_counter() - started
    print(f"  generated {plans:,} plans, {agreements:,} agreements, {evaluations:,} evaluations in {took:.1f} s")
    return {"plans": plans, "agreements": agreements, "evaluations": evaluations, "seconds": round(took, 2)}


def timed_sweep(label: str, today: date) -> dict:
    from jeugdketen.signals import services

    started = time.perf_counter()
    result = services.stagnation_sweep(today=today)
    took = time.perf_counter() - started
    print(f"  {label:<34} {took:6.2f} s   raised {result.raised}   resolved {result.resolved}", flush=True)
    return {"label": label, "today": today.isoformat(), "seconds": round(took, 3), **result.as_dict()}


def time_inbox(repeat: int = 20) -> dict:
    """The navigation count and the first inbox page of ``bench_consulent`` (50 open cases), median
    of ``repeat`` (the access-log insert of the page is not part of it)."""
    from statistics import median

    from django.contrib.auth import get_user_model

    from jeugdketen.signals import selectors

    user = get_user_model().objects.get(username="bench_consulent")
    counts, pages = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        n = selectors.open_signal_count(user)
        counts.append(time.perf_counter() - started)
        started = time.perf_counter()
        rows = list(selectors.inbox(user)[:50])
        pages.append(time.perf_counter() - started)
    result = {"open_signals": n, "count_ms": round(median(counts) * 1000, 1), "page_ms": round(median(pages) * 1000, 1)}
    print(
        f"  bench_consulent: {n} open signals; count {result['count_ms']} ms, "
        f"first page of {len(rows)} {result['page_ms']} ms (medians of {repeat})"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--today", type=date.fromisoformat, help="the sweep day (default: see above)")
    args = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django_tasks_db.models import DBTaskResult

    from jeugdketen.signals.models import Signal
    from jeugdketen.signals.tasks import notify_signals

    if "signals_signal" not in connection.introspection.table_names():
        call_command("migrate", "signals", verbosity=0)  # the plans and signals tables only
    today = args.today or default_today()
    print(f"Stagnation sweep in {connection.settings_dict['NAME']}, sweep day {today}")
    generated = generate(today) if count("plans_agreement") < AGREEMENTS else {}
    sizes = {
        "cases": count("cases_case"),
        "plans": count("plans_plan"),
        "agreements": count("plans_agreement"),
        "open_overdue_agreements": execute(
            "SELECT count(*) FROM plans_agreement WHERE status = 'open' AND due_on < %s", [today]
        )[0][0],
        "evaluations": count("plans_evaluation"),
        "journal_entries": count("cases_journalentry"),
    }
    print("  " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))

    Signal.objects.all().delete()
    execute("VACUUM ANALYZE signals_signal")
    runs = [
        timed_sweep("1. first sweep (raises all)", today),
        timed_sweep("2. same day again (idempotent)", today),
    ]
    # The next day, after work was done on 2,000 overdue agreements: in a transaction that is
    # rolled back, so the bench data stays as it is for the next run.
    with transaction.atomic():
        done = execute(
            """
            UPDATE plans_agreement SET status = 'gedaan', done_on = %s
            WHERE id IN (SELECT id FROM plans_agreement WHERE status = 'open' AND due_on < %s ORDER BY id LIMIT 2000)
            """,
            [today, today],
        )
        runs.append(timed_sweep(f"3. next day, {done:,} agreements done", today + timedelta(days=1)))
        transaction.set_rollback(True)
    queued = DBTaskResult.objects.filter(task_path=notify_signals.module_path, status="READY")
    mail_tasks = queued.count()
    queued.delete()  # no mail from a bench database
    print(f"  {Signal.objects.count():,} signals; {mail_tasks} mail tasks queued by the sweeps (removed)")
    assert runs[1]["raised"] == dict.fromkeys(runs[1]["raised"], 0), "the second sweep raised signals"

    execute("ANALYZE signals_signal")
    inbox = time_inbox()

    OUT.mkdir(parents=True, exist_ok=True)
    report = {"today": today.isoformat(), "sizes": sizes, "generated": generated, "runs": runs, "inbox": inbox}
    (OUT / "sweep.json").write_text(json.dumps(report, indent=2))
    print("  written to bench/out/sweep.json")


if __name__ == "__main__":
    main()
