#!/usr/bin/env python
"""Prepare the API scenario: an API token for ``bench_api`` and the ids it may use, written to
``bench/out/api_fixture.json`` for the locustfile (which does not import Django).

    DATABASE_URL=... .venv/bin/python bench/fixture.py

The ids come from the policy itself (``visible_cases_q`` / ``visible_youths``), so every detail
request is for a case the user may see and every create is for a youth the user may see."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import OUT, setup


def main() -> None:
    setup()
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    from jeugdketen.access import policy
    from jeugdketen.cases.models import Case

    user = get_user_model().objects.filter(username="bench_api").first()
    if user is None:
        sys.exit("No bench_api user: run bench/generate.py first")
    token, _ = Token.objects.get_or_create(user=user)
    case_ids = list(Case.objects.filter(policy.visible_cases_q(user)).values_list("pk", flat=True).order_by("pk"))
    youth_ids = list(policy.visible_youths(user).values_list("pk", flat=True).order_by("pk"))
    total = Case.objects.count()
    data = {"token": token.key, "case_ids": case_ids, "youth_ids": youth_ids, "total_cases": total}
    (OUT / "api_fixture.json").write_text(json.dumps(data))
    print(
        f"bench_api sees {len(case_ids):,} of {total:,} cases and {len(youth_ids):,} youths; "
        f"fixture in bench/out/api_fixture.json"
    )


if __name__ == "__main__":
    main()
