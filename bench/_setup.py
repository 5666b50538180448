"""Shared start-up for the bench scripts: make the project importable, set the environment the
benchmarks run with, and start Django. Not part of the app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def setup(extra_hosts: tuple[str, ...] = ()) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdketen.settings")
    os.environ.setdefault("JEUGDKETEN_DEMO", "true")
    os.environ.setdefault("DEBUG", "false")
    if extra_hosts:
        hosts = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
        os.environ["ALLOWED_HOSTS"] = ",".join(dict.fromkeys([*hosts, *extra_hosts]))
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/jk_bench")
    import django

    django.setup()
    OUT.mkdir(parents=True, exist_ok=True)
