"""Schemathesis against the live server: generated requests for every operation in the schema
find no server error, no undocumented status code or content type, and no response that does
not match its schema.

Runs the ``schemathesis`` CLI (version 4) in a subprocess against pytest-django's live server,
on the demo municipality, as the jeugdconsulent "jeroen" (the access-log operation as the privacy
officer, so that its 200 answer is checked too). Output is printed when the run fails.

Checks: ``--checks all`` except

* ``positive_data_acceptance``: it expects every schema-valid request to succeed, but valid-
  looking data is refused on purpose by the business rules (a CBS code or professional id that
  does not exist, a journal category the function may not write, a function the user does not
  hold): those 400s are right.
* ``negative_data_rejection``: it expects every schema-invalid request to fail, but DRF is
  lenient by design where that is harmless: an unparsable ``limit``/``offset`` is ignored by
  LimitOffsetPagination, ``organisation=abc`` in the directory search is ignored, and in
  multipart/form data an empty field means "not given" (``occurred_on=``, ``function=``).
  Invalid bodies that matter are tested by hand in test_api_policy.py (BSN, category, ...).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token

from jeugdketen.access import policy
from jeugdketen.cases.models import Case, Involvement
from jeugdketen.organisations.models import Professional

EXCLUDED_CHECKS = ["positive_data_acceptance", "negative_data_rejection"]
MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "25"))
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


def toml(value) -> str:
    return str(value) if isinstance(value, int) else '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def operation(name: str, *, parameters: dict | None = None, headers: dict | None = None) -> str:
    lines = ["[[operations]]", f"include-name = {toml(name)}"]
    if parameters:
        lines.append("parameters = { " + ", ".join(f"{toml(k)} = {toml(v)}" for k, v in parameters.items()) + " }")
    if headers:
        lines.append("headers = { " + ", ".join(f"{toml(k)} = {toml(v)}" for k, v in headers.items()) + " }")
    return "\n".join(lines) + "\n"


@pytest.fixture
def demo(transactional_db, live_server):
    """The demo municipality, and tokens for a jeugdconsulent and the privacy officer. Returns the
    ids the path operations are pinned to, so they reach real objects instead of 404 only."""
    from jeugdketen.demo.services import load_demo

    load_demo()
    jeroen = Professional.objects.get(user__username="jeroen")
    officer = Professional.objects.filter(functions__code="privacy_officer").first()
    youth = policy.visible_youths(jeroen.user).order_by("pk").first()
    held = list(Case.objects.filter(casusregisseur=jeroen, status__in=Case.OPEN_STATUSES).order_by("pk"))
    assert len(held) >= 3, "the demo should give jeroen three open cases"
    involvement = Involvement.objects.active().filter(case=held[2]).exclude(professional=jeroen).order_by("pk").first()
    assert youth and involvement
    return {
        "token": Token.objects.create(user=jeroen.user).key,
        "officer_token": Token.objects.create(user=officer.user).key,
        "youth": youth.pk,
        "case_read": held[0].pk,
        "case_patch": held[1].pk,
        "involvement": involvement.pk,
    }


@pytest.fixture
def quiet_fast_server(monkeypatch):
    """Django logs every 4xx as a warning: thousands of lines here (server errors still show).
    And the live server writes headers and body in two small packets: with Nagle's algorithm on
    its socket every response waits ~40 ms for the client's delayed ACK; TCP_NODELAY makes the
    run several times faster."""
    from django.core.servers.basehttp import WSGIRequestHandler

    monkeypatch.setattr(WSGIRequestHandler, "disable_nagle_algorithm", True)
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def test_schemathesis_finds_no_server_error_and_no_schema_mismatch(demo, live_server, tmp_path, quiet_fast_server):
    config = tmp_path / "schemathesis.toml"
    config.write_text(
        "\n".join(
            [
                operation("GET /api/v1/youths/{id}/", parameters={"path.id": demo["youth"]}),
                operation("PATCH /api/v1/youths/{id}/", parameters={"path.id": demo["youth"]}),
                operation("GET /api/v1/cases/{id}/", parameters={"path.id": demo["case_read"]}),
                operation("PATCH /api/v1/cases/{id}/", parameters={"path.id": demo["case_patch"]}),
                operation("GET /api/v1/journal-entries/", parameters={"query.case": demo["case_read"]}),
                operation("GET /api/v1/involvements/", parameters={"query.case": demo["case_read"]}),
                operation("POST /api/v1/involvements/{id}/end/", parameters={"path.id": demo["involvement"]}),
                operation("GET /api/v1/access-log/", headers={"Authorization": f"Token {demo['officer_token']}"}),
            ]
        )
    )
    command = [
        str(SCHEMATHESIS),
        "--no-color",
        "--config-file",
        str(config),
        "run",
        f"{live_server.url}/api/schema/",
        "--checks",
        "all",
        "--exclude-checks",
        ",".join(EXCLUDED_CHECKS),
        "--max-examples",
        str(MAX_EXAMPLES),
        "--workers",
        # One at a time: with SQLite in memory the live server's threads share one connection,
        # and schemathesis 4.32's coverage phase is not thread-safe (KeyError with 4 workers).
        "1",
        "--request-timeout",
        "20",
        "-H",
        f"Authorization: Token {demo['token']}",
        # A fresh connection per request: the development server answers some malformed
        # requests (schemathesis sends them on purpose) with an error page and leaves the kept-
        # alive connection out of step, so that the next operation reads that page as its
        # status line ("Connection aborted. <!DOCTYPE HTML>", seen once in CI on
        # POST /meetings/{id}/participants/).
        "-H",
        "Connection: close",
    ]
    result = subprocess.run(
        command,
        cwd=tmp_path,  # .hypothesis/ and .schemathesis/ land here, not in the repository
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    print(output)  # shown on failure, or with -rP: phases, operations, test cases, warnings
    assert result.returncode == 0, "schemathesis failed: see its output above"
    assert re.search(r"Tested: 148\b", output)  # every operation of the schema
    assert re.search(r"(\d+) generated, \1 passed", output)
