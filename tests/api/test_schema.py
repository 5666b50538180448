"""The OpenAPI 3 schema of the API: generated without a warning or error, valid, listing every
endpoint under /api/v1/, and the Swagger UI at /api/docs/ served from drf-spectacular-sidecar
(nothing from a CDN, nothing the Content Security Policy blocks)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

# Every endpoint of /api/v1/ with its methods. Written out on purpose: a new endpoint must be
# added here, a missing one fails.
ENDPOINTS = {
    "/api/v1/youths/": {"get", "post"},
    "/api/v1/youths/{id}/": {"get", "patch"},
    "/api/v1/cases/": {"get", "post"},
    "/api/v1/cases/{id}/": {"get", "patch"},
    "/api/v1/involvements/": {"get", "post"},
    "/api/v1/involvements/{id}/end/": {"post"},
    "/api/v1/journal-entries/": {"get", "post"},
    "/api/v1/organisations/": {"get"},
    "/api/v1/organisations/{id}/": {"get"},
    "/api/v1/professionals/": {"get"},
    "/api/v1/professionals/{id}/": {"get"},
    "/api/v1/access-log/": {"get"},
    "/api/v1/help-requests/": {"get", "post"},
    "/api/v1/help-requests/{id}/": {"get"},
    "/api/v1/help-requests/{id}/take-up/": {"post"},
    "/api/v1/help-requests/{id}/triage/": {"post"},
    "/api/v1/help-requests/{id}/decision/": {"post"},
    "/api/v1/help-requests/{id}/suspend/": {"post"},
    "/api/v1/help-requests/{id}/resume/": {"post"},
    "/api/v1/help-requests/{id}/contacts/": {"post"},
    "/api/v1/help-requests/{id}/assign/": {"post"},
    "/api/v1/waiting-list/": {"get"},
    "/api/v1/referrals/": {"get"},
    "/api/v1/referrals/{id}/": {"get", "patch"},
    "/api/v1/triage-checklist/": {"get"},
    "/api/v1/public/help-requests/": {"post"},
    "/api/v1/meldcode-tracks/": {"get", "post"},
    "/api/v1/meldcode-tracks/{id}/": {"get"},
    "/api/v1/meldcode-tracks/{id}/steps/": {"post"},
    "/api/v1/meldcode-tracks/{id}/weighing/": {"post"},
    "/api/v1/meldcode-tracks/{id}/decision/": {"post"},
    "/api/v1/meldcode-tracks/{id}/close/": {"post"},
    "/api/v1/meetings/": {"get", "post"},
    "/api/v1/meetings/{id}/": {"get"},
    "/api/v1/meetings/{id}/participants/": {"post"},
    "/api/v1/meetings/{id}/close/": {"post"},
    "/api/v1/meeting-items/{id}/": {"get"},
    "/api/v1/meeting-items/{id}/minutes/": {"post"},
    "/api/v1/meeting-items/{id}/decisions/": {"post"},
    "/api/v1/meeting-items/{id}/outcome/": {"post"},
    "/api/v1/meeting-items/{id}/convert/": {"post"},
    "/api/v1/meeting-items/{id}/feedback.pdf/": {"get"},
    "/api/v1/signals/": {"get"},
    "/api/v1/signals/{id}/handle/": {"post"},
    "/api/v1/plans/{id}/": {"get"},
    "/api/v1/plans/{id}/start/": {"post"},
    "/api/v1/plans/{id}/goals/": {"post"},
    "/api/v1/plans/{id}/agreements/": {"post"},
    "/api/v1/plans/{id}/agreement-updates/": {"post"},
    "/api/v1/school-support/pupils/{id}/": {"get"},
    **{
        f"/api/v1/school-support/pupils/{{id}}/{action}/": {"post"}
        for action in ("signals", "notes", "plans", "opps", "swv-requests", "ggd-consultations", "ab-assignments")
    },
    "/api/v1/school-support/signals/{id}/consultation/": {"post"},
    "/api/v1/school-support/plans/{id}/evaluations/": {"post"},
    "/api/v1/school-support/opps/{id}/": {"get", "patch"},
    "/api/v1/school-support/opps/{id}/consent/": {"post"},
    "/api/v1/school-support/opps/{id}/finalise/": {"post"},
    "/api/v1/school-support/opps/{id}/evaluations/": {"post"},
    "/api/v1/school-support/opps/{id}/pdf/": {"get"},
    "/api/v1/swv-requests/": {"get"},
    "/api/v1/swv-requests/{id}/": {"get"},
    "/api/v1/swv-requests/{id}/schedule/": {"post"},
    "/api/v1/swv-requests/{id}/advices/": {"post"},
    "/api/v1/swv-requests/{id}/decision/": {"post"},
    "/api/v1/swv-requests/{id}/withdraw/": {"post"},
    "/api/v1/cat-meetings/": {"post"},
    "/api/v1/cat-meetings/{id}/": {"get"},
    "/api/v1/ggd-consultations/": {"get", "post"},
    "/api/v1/ggd-consultations/{id}/": {"get"},
    "/api/v1/ggd-consultations/{id}/answer/": {"post"},
    "/api/v1/ggd-consultations/{id}/notes/": {"post"},
    "/api/v1/ab-assignments/": {"get"},
    "/api/v1/ab-assignments/{id}/notes/": {"post"},
    "/api/v1/leerplicht/school/": {"get"},
    "/api/v1/leerplicht/school/absence/": {"post"},
    "/api/v1/leerplicht/school/absence/remove/": {"post"},
    "/api/v1/social-map/services/": {"get", "post"},
    "/api/v1/social-map/services/{id}/": {"get", "put"},
    "/api/v1/social-map/services/{id}/archive/": {"post"},
    "/api/v1/social-map/services/{id}/confirm/": {"post"},
    "/api/v1/social-map/themes/": {"get"},
    "/api/v1/dashboard/": {"get"},
    "/api/v1/subject-access/{id}/": {"get"},
    "/api/v1/subject-access/{id}/correct/": {"post"},
    "/api/v1/subject-access/{id}/erase/": {"post"},
    "/api/v1/handovers/": {"post"},
    "/api/v1/handovers/{id}/": {"get", "patch"},
    "/api/v1/handovers/{id}/complete/": {"post"},
    "/api/v1/handovers/{id}/parents-view/": {"post"},
    "/api/v1/handovers/received/": {"get"},
    "/api/v1/handovers/in-view/": {"get"},
    "/api/v1/handovers/risks/": {"get"},
    "/api/v1/policy-signals/": {"get", "post"},
    "/api/v1/policy-signals/review/": {"get"},
    "/api/v1/policy-signals/{id}/": {"get"},
    "/api/v1/policy-signals/{id}/answer/": {"post"},
    "/api/v1/policy-signals/{id}/group/": {"post"},
    "/api/v1/policy-signal-groups/": {"get"},
    "/api/v1/policy-signal-groups/{id}/answer/": {"post"},
    "/api/v1/verwijsindex/signals/": {"get", "post"},
    "/api/v1/verwijsindex/signals/{id}/": {"get"},
    "/api/v1/verwijsindex/signals/{id}/regie/": {"post"},
    "/api/v1/verwijsindex/signals/{id}/withdraw/": {"post"},
    "/api/v1/leerplicht/school/enrolments/": {"post"},
    "/api/v1/leerplicht/consulent/": {"get"},
    "/api/v1/leerplicht/meldingen/{id}/": {"get"},
    "/api/v1/leerplicht/meldingen/{id}/send/": {"post"},
    "/api/v1/leerplicht/meldingen/{id}/take-up/": {"post"},
    "/api/v1/leerplicht/zaken/{id}/": {"get"},
    "/api/v1/leerplicht/zaken/{id}/steps/": {"post"},
    "/api/v1/leerplicht/zaken/{id}/halt/": {"post"},
    "/api/v1/leerplicht/zaken/{id}/close/": {"post"},
    "/api/v1/investigations/": {"get", "post"},
    "/api/v1/investigations/overdue/": {"get"},
    "/api/v1/investigations/{id}/": {"get"},
    "/api/v1/investigations/{id}/report.pdf/": {"get"},
    **{
        f"/api/v1/investigations/{{id}}/{action}/": {"post"}
        for action in (
            "conversations",
            "findings",
            "judgement",
            "decision",
            "advance",
            "share",
            "step-back",
            "zienswijzen",
            "finalise",
        )
    },
}
# The one operation without an account: a parent or youth asking Samen Doen for help.
PUBLIC_OPERATIONS = {("post", "/api/v1/public/help-requests/")}
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def generate() -> tuple[dict, list[str], list[str]]:
    """Generate the schema as /api/schema/ does; return it with the warnings and errors."""
    GENERATOR_STATS.reset()
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return schema, list(GENERATOR_STATS._warn_cache), list(GENERATOR_STATS._error_cache)


def test_schema_generates_without_warnings_or_errors():
    schema, warnings, errors = generate()
    assert errors == [], "\n".join(errors)
    assert warnings == [], "drf-spectacular warnings:\n" + "\n".join(warnings)
    validate_schema(schema)  # raises on anything that is not valid OpenAPI 3


def test_spectacular_command_validates_and_fails_on_no_warning(tmp_path):
    GENERATOR_STATS.reset()
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    assert out.read_text().startswith("openapi: 3.")


@pytest.fixture
def served_schema(client) -> dict:
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    assert "json" in response["Content-Type"]
    return json.loads(response.content)


def test_served_schema_is_valid_openapi_3(served_schema):
    assert served_schema["openapi"].startswith("3.")
    validate_schema(served_schema)


def test_served_schema_lists_every_endpoint_under_api_v1(served_schema):
    paths = {path: set(item) & METHODS for path, item in served_schema["paths"].items()}
    assert paths == ENDPOINTS


def test_every_operation_documents_token_auth_and_401(served_schema):
    schemes = served_schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": 'Token-based authentication with required prefix "Token"',
    }
    for path, item in served_schema["paths"].items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            if (method, path) in PUBLIC_OPERATIONS:
                assert operation.get("security", [{}]) in ([], [{}]), f"{method} {path} is public"
                continue
            assert {"tokenAuth": []} in operation["security"], f"{method} {path}"
            assert {} not in operation["security"], f"{method} {path} allows anonymous use"
            assert "401" in operation["responses"], f"{method} {path}"


def test_path_ids_are_integers_and_a_missing_id_is_documented(served_schema):
    for path, item in served_schema["paths"].items():
        parameters = [p for p in item.get("parameters", []) if p["in"] == "path"]
        for method, operation in item.items():
            if method not in METHODS:
                continue
            for parameter in parameters + [p for p in operation.get("parameters", []) if p["in"] == "path"]:
                assert parameter["schema"]["type"] == "integer", f"{method} {path}: {parameter}"
            if "{id}" in path:
                assert "404" in operation["responses"], f"{method} {path}"


def test_paginated_lists_are_documented_as_paginated(served_schema):
    """The list endpoints that answer {count, next, previous, results} say so in the schema."""

    def response_schema(path):
        content = served_schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        schema = content["schema"]
        if "$ref" in schema:
            schema = served_schema["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        return schema

    for path in ("/api/v1/cases/", "/api/v1/access-log/", "/api/v1/organisations/", "/api/v1/professionals/"):
        schema = response_schema(path)
        assert schema.get("type") == "object", f"{path} is documented as {schema}"
        assert {"count", "results"} <= set(schema["properties"]), path
    # The youth search is capped (100) and not paginated.
    assert response_schema("/api/v1/youths/")["type"] == "array"


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str]] = []
        self.inline_scripts: list[str] = []
        self.inline_styles = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.inline_styles += tag == "style" or "style" in attrs
        for name in ("src", "href"):
            if tag in ("script", "link", "img") and attrs.get(name):
                self.urls.append((tag, attrs[name]))
        self._in_script = tag == "script" and not attrs.get("src")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data.strip())


@pytest.fixture
def docs(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    parser = _Assets()
    parser.feed(response.content.decode())
    return response, parser


def test_swagger_ui_is_served_from_the_sidecar_not_a_cdn(client, docs):
    response, parser = docs
    assert response.content.count(b'id="swagger-ui"') == 1
    assert parser.urls, "no script or stylesheet at all"
    for tag, url in parser.urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, f"<{tag}> loads {url} from outside"
    assets = [url for tag, url in parser.urls if "drf_spectacular_sidecar/swagger-ui-dist/" in url]
    assert {url.rsplit("/", 1)[1] for url in assets} >= {
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
    }
    for url in assets:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert b"".join(asset.streaming_content if asset.streaming else [asset.content]), url
    assert b"http://" not in response.content.replace(b"http://www.w3.org", b"")
    assert b"https://" not in response.content


def test_swagger_ui_runs_under_the_content_security_policy(client, docs):
    """The CSP allows scripts and styles from 'self' only, so the page must not rely on an inline
    script (the browser then shows an empty page) or inline style: Swagger UI's start script is
    loaded from a URL too, and it points at our own schema."""
    response, parser = docs
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
    assert parser.inline_scripts == [], "inline <script> is blocked by script-src 'self'"
    assert parser.inline_styles == 0, "inline <style> is blocked by style-src 'self'"
    scripts = [url for tag, url in parser.urls if tag == "script"]
    start = [url for url in scripts if "drf_spectacular_sidecar" not in url]
    assert len(start) == 1, scripts
    script = client.get(start[0])
    assert script.status_code == 200
    assert "javascript" in script["Content-Type"]
    assert b"/api/schema/" in script.content
