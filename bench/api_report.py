#!/usr/bin/env python
"""Summarise locust's CSVs of ``bench/run_api.sh``: median, p95 and requests/s per endpoint and in
total, per number of users, and the mean of the medians. Writes bench/out/api.md and api.json."""

from __future__ import annotations

import argparse
import csv
import json
import os
from datetime import UTC, datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", nargs="+", type=int, default=[1, 16])
    parser.add_argument("--config", default="")
    args = parser.parse_args()
    fixture = json.loads((OUT / "api_fixture.json").read_text())
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    lines = [
        f"API scenario, {stamp}: {fixture['total_cases']:,} cases, bench_api sees {len(fixture['case_ids']):,}; "
        f"{args.config}; {os.cpu_count()} CPUs.",
        "",
        "| users | endpoint | requests | failures | median ms | p95 ms | req/s |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    result = {
        "date": stamp,
        "config": args.config,
        "total_cases": fixture["total_cases"],
        "visible_cases": len(fixture["case_ids"]),
        "runs": {},
    }
    for users in args.users:
        path = OUT / f"api-u{users}_stats.csv"
        if not path.exists():
            continue
        rows = list(csv.DictReader(path.open()))
        endpoints = []
        for row in rows:
            item = {
                "endpoint": row["Name"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "median_ms": float(row["Median Response Time"]),
                "p95_ms": float(row["95%"]),
                "mean_ms": round(float(row["Average Response Time"]), 1),
                "rps": round(float(row["Requests/s"]), 1),
            }
            endpoints.append(item)
            label = "**total**" if row["Name"] == "Aggregated" else f"`{row['Type']} {row['Name']}`"
            lines.append(
                f"| {users} | {label} | {item['requests']} | {item['failures']} | {item['median_ms']:g} | "
                f"{item['p95_ms']:g} | {item['rps']:g} |"
            )
        named = [e for e in endpoints if e["endpoint"] != "Aggregated"]
        mean_of_medians = round(sum(e["median_ms"] for e in named) / len(named), 1) if named else None
        result["runs"][users] = {"endpoints": endpoints, "mean_of_medians_ms": mean_of_medians}
        lines.append(f"| {users} | mean of the medians | | | {mean_of_medians} | | |")
    goals = []
    if 1 in result["runs"]:
        m = result["runs"][1]["mean_of_medians_ms"]
        verdict = "met" if m < 17 else f"missed by {m - 17:.1f} ms"
        goals.append(f"1 user: mean of medians {m} ms (goal < 17 ms: {verdict})")
    if 16 in result["runs"]:
        total = next(e for e in result["runs"][16]["endpoints"] if e["endpoint"] == "Aggregated")
        rps = total["rps"]
        verdict = "met" if rps > 174 else f"missed by {174 - rps:.1f} req/s"
        goals.append(f"16 users: {rps} req/s (goal > 174: {verdict})")
    lines += ["", *goals]
    text = "\n".join(lines)
    print(text)
    (OUT / "api.md").write_text(text + "\n")
    (OUT / "api.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
