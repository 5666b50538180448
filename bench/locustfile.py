"""The Open Zaak Zaken API scenario on the Jeugdketen API, as one regular, policy-filtered user
(``bench_api``, a jeugdconsulent): list (first page of 100), detail and create, equally often,
with no wait time. Run through ``bench/run_api.sh``; reads ``bench/out/api_fixture.json``
(``bench/fixture.py``)."""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path

from locust import FastHttpUser, constant, task

FIXTURE = json.loads((Path(__file__).resolve().parent / "out" / "api_fixture.json").read_text())
_counter = itertools.count()


class ApiUser(FastHttpUser):
    wait_time = constant(0)
    host = os.environ.get("BENCH_HOST", "http://127.0.0.1:8001")

    def on_start(self):
        self.headers = {"Authorization": f"Token {FIXTURE['token']}"}
        self.rng = random.Random()

    @task
    def list_cases(self):
        with self.client.get(
            "/api/v1/cases/?limit=100", headers=self.headers, name="list /cases/?limit=100", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            elif len(response.json()["results"]) != 100:
                response.failure(f"page has {len(response.json()['results'])} cases, expected 100")

    @task
    def case_detail(self):
        case_id = self.rng.choice(FIXTURE["case_ids"])
        self.client.get(f"/api/v1/cases/{case_id}/", headers=self.headers, name="detail /cases/{id}/")

    @task
    def case_create(self):
        youth_id = self.rng.choice(FIXTURE["youth_ids"])
        body = {"youth": youth_id, "subject": f"Bench casus {next(_counter)}", "function": "jeugdconsulent"}
        with self.client.post(
            "/api/v1/cases/", json=body, headers=self.headers, name="create /cases/", catch_response=True
        ) as response:
            if response.status_code != 201:
                response.failure(f"{response.status_code}: {response.text[:200]}")
