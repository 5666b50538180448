#!/usr/bin/env python
"""Profile one page or API request in-process with pyinstrument (bench only).

    DATABASE_URL=... .venv/bin/python bench/profile_page.py /casussen/ --user bench_consulent [-n 20]
    DATABASE_URL=... .venv/bin/python bench/profile_page.py /api/v1/cases/?limit=100 --user bench_api

Runs the request a few times to warm up, then ``-n`` times under the profiler, and writes the
text report to bench/out/profile-<slug>.txt."""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import OUT, setup


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--user", required=True)
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message="No directory at")
    setup(extra_hosts=("testserver",))
    from django.contrib.auth import get_user_model
    from django.test import Client
    from pyinstrument import Profiler

    user = get_user_model().objects.get(username=args.user)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    for _ in range(5):
        assert client.get(args.url).status_code == 200
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(args.url)
    print(f"{len(ctx.captured_queries)} queries")
    for q in ctx.captured_queries:
        print(f"  {float(q['time']) * 1000:5.1f} ms  {q['sql'][:150]}")
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(args.n):
        client.get(args.url)
    profiler.stop()
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    slug = re.sub(r"[^a-z0-9]+", "-", args.url.lower()).strip("-") or "root"
    (OUT / f"profile-{slug}.txt").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
