"""The ``UI`` helper the browser tests drive the app with.

It keeps the page honest while a test walks a flow:

* ``axe()`` runs axe-core on the current page; "serious" and "critical" violations are
  collected (the walk goes on, so one run shows every broken page) and fail the test at the end.
  Every page the browser lands on must be audited: a navigation (also an htmx ``hx-push-url``)
  that was not followed by ``axe()`` fails the test as well.
* Every request of the browser context is recorded; one that does not go to the live server fails
  the test ("no request leaves the machine").
* Console errors, uncaught page errors and CSP violations (reported by a
  ``securitypolicyviolation`` listener added before any page script runs) fail the test, unless
  the test announced them with ``expect_console_error``.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

DEMO_PASSWORD = "Jeugdketen-demo-2026"
# JK_AXE_IMPACTS=minor,moderate,serious,critical shows everything axe finds (a survey, not a gate).
BLOCKING_IMPACTS = frozenset(os.environ.get("JK_AXE_IMPACTS", "serious,critical").split(","))

_AXE = Axe()
# Markup already audited in this session (with the same focus): axe's verdict on the same DOM and
# CSS is the same, so e.g. the login page is audited once, not in every test. Per-session values
# (CSRF tokens) are left out of the key.
_AUDITED_MARKUP: dict[str, list[dict]] = {}
_MARKUP_KEY = """(selector) => {
  const root = selector ? document.querySelector(selector) : document.documentElement;
  if (!root) return location.pathname;
  const copy = root.cloneNode(true);
  copy.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach((e) => e.removeAttribute("value"));
  [copy, ...copy.querySelectorAll("[hx-headers]")].forEach((e) => e.removeAttribute("hx-headers"));
  const active = document.activeElement;
  return [location.pathname, copy.outerHTML, active ? active.outerHTML.slice(0, 200) : ""].join("\\n");
}"""

# App findings that are reported and asserted by one dedicated test each
# (test_network_console.py); the other tests tolerate them so that each failure points at one bug.
KNOWN_FINDINGS = {
    "favicon": re.compile(r"status of 404 .*\(https?://[^)]+/favicon\.ico\)$"),
}

# Runs in every document before the page's own scripts (init scripts are not subject to the CSP).
# Chromium also logs most violations to the console itself; the event catches all of them,
# with the directive that refused.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
});
"""


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe on {url}:"]
    for v in violations:
        lines.append(f"  - {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:10]:
            target = ", ".join(str(t) for t in node["target"])
            html = node.get("html", "").replace("\n", " ")
            lines.append(f"      at {target}: {html[:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", " / ")
            if summary:
                lines.append(f"        {summary[:400]}")
        if len(v["nodes"]) > 10:
            lines.append(f"      … and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


@dataclass
class UI:
    page: Page
    base_url: str
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # (method, resource type, url)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    accessibility: list[str] = field(default_factory=list)
    unaudited: list[str] = field(default_factory=list)
    audited: list[str] = field(default_factory=list)
    expected_console: list[re.Pattern] = field(default_factory=list)
    strict: bool = False  # True: the KNOWN_FINDINGS are not tolerated
    _pending: str | None = None
    _last_url: str | None = None

    def __post_init__(self):
        self.base_url = self.base_url.rstrip("/")
        context = self.page.context
        context.add_init_script(CSP_LISTENER)
        context.on("request", lambda r: self.requests.append((r.method, r.resource_type, r.url)))
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        self.page.on("framenavigated", self._on_navigated)
        self.page.on("load", lambda page: self._visited(page.url))
        self.page.set_default_timeout(10_000)

    # -- recording ---------------------------------------------------------------------------

    def _on_console(self, message) -> None:
        if message.type == "error":
            location = message.location or {}
            self.console_errors.append(f"{message.text} ({location.get('url', '')})")

    def _visited(self, url: str) -> None:
        if url == "about:blank":
            return
        if self._pending is not None and self._pending != url:
            self.unaudited.append(self._pending)
        self._pending = url
        self._last_url = url

    def _on_navigated(self, frame) -> None:
        # A new document is caught by "load"; here only a same-document URL change counts (htmx's
        # hx-push-url). htmx first replaceState()s the current URL: that is no new page.
        if frame == self.page.main_frame and frame.url != self._last_url:
            self._visited(frame.url)

    def expect_console_error(self, pattern: str) -> None:
        """Allow console errors matching ``pattern`` (e.g. the 404 of a page that must be 404)."""
        self.expected_console.append(re.compile(pattern))

    def unexpected_console_errors(self) -> list[str]:
        allowed = list(self.expected_console)
        if not self.strict:
            allowed.extend(KNOWN_FINDINGS.values())
        return [e for e in self.console_errors if not any(p.search(e) for p in allowed)]

    def foreign_requests(self) -> list[str]:
        return [f"{m} {t} {url}" for m, t, url in self.requests if not url.startswith(self.base_url + "/")]

    def problems(self) -> list[str]:
        out = []
        if self.accessibility:
            impacts = "/".join(sorted(BLOCKING_IMPACTS))
            out.append(f"Accessibility (axe, {impacts}):\n" + "\n".join(self.accessibility))
        if self.unaudited:
            out.append("Pages visited without an axe run: " + ", ".join(self.unaudited))
        if self._pending is not None:
            out.append(f"Last page visited without an axe run: {self._pending}")
        if errors := self.unexpected_console_errors():
            out.append("Console errors / CSP violations:\n  " + "\n  ".join(errors))
        if self.page_errors:
            out.append("Uncaught page errors:\n  " + "\n  ".join(self.page_errors))
        if foreign := self.foreign_requests():
            out.append(f"Requests that did not go to the live server {self.base_url}:\n  " + "\n  ".join(foreign))
        return out

    def assert_clean(self) -> None:
        problems = self.problems()
        assert not problems, "\n\n".join(problems)

    # -- accessibility -----------------------------------------------------------------------

    def axe(self, selector: str | None = None) -> None:
        """Run axe on the page as it is now (or on the element ``selector``, e.g. the part htmx
        swapped); collect serious and critical violations."""
        self.page.wait_for_load_state("load")
        markup = self.page.evaluate(_MARKUP_KEY, selector)
        key = hashlib.sha1(markup.encode()).hexdigest()
        if key not in _AUDITED_MARKUP:
            results = _AXE.run(self.page, context=selector) if selector else _AXE.run(self.page)
            _AUDITED_MARKUP[key] = [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]
        blocking = _AUDITED_MARKUP[key]
        path = self.path
        if blocking:
            self.accessibility.append(format_violations(path + (f" ({selector})" if selector else ""), blocking))
        self.audited.append(path)
        self._pending = None

    # -- navigation --------------------------------------------------------------------------

    @property
    def path(self) -> str:
        url = self.page.url
        return url[len(self.base_url) :] if url.startswith(self.base_url) else url

    def _expect_document_status(self, status: int | None) -> None:
        # Chromium logs "Failed to load resource" for a document answered with 4xx/5xx, also when
        # the status is right (422 for an invalid form, 404 for a hidden dossier).
        if status is not None and status >= 400:
            self.expect_console_error(rf"the server responded with a status of {status} ")

    def goto(self, path: str, status: int = 200):
        self._expect_document_status(status)
        response = self.page.goto(self.base_url + path)
        assert response is not None
        assert response.status == status, f"GET {path}: {response.status}, expected {status}"
        self.axe()
        return response

    def navigate_by(self, locator: Locator, status: int | None = 200):
        """Click a link or submit button that loads a new page; audit that page."""
        self._expect_document_status(status)
        with self.page.expect_navigation() as navigation:
            locator.click()
        response = navigation.value
        if status is not None:
            assert response is not None and response.status == status, (
                f"{response and response.request.method} {response and response.url}: "
                f"{response and response.status}, expected {status}"
            )
        self.axe()
        return response

    def htmx(self, action, swapped: str | None = None):
        """Do ``action`` (type, choose…) that makes htmx fetch and swap part of the page; check
        that it was an htmx request and no page load; audit the page after the swap (only the
        element ``swapped`` when given: the rest was audited when the page was loaded)."""
        page = self.page
        page.evaluate("window.__jkNoReload = true")
        documents_before = sum(1 for _m, t, _u in self.requests if t == "document")
        with page.expect_response(
            # not the navigation's signal count, which every professional page fetches after loading
            lambda r: r.request.headers.get("hx-request") == "true" and "/signalen/aantal/" not in r.url
        ) as info:
            action()
        response = info.value
        assert response.status == 200, f"htmx {response.url}: {response.status}"
        # htmx swaps after the response and settles 20 ms later.
        page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")
        assert page.evaluate("window.__jkNoReload === true"), "the page was reloaded instead of swapped by htmx"
        documents_after = sum(1 for _m, t, _u in self.requests if t == "document")
        assert documents_after == documents_before, "a full page load happened during the htmx request"
        self.axe(swapped)
        return response

    def htmx_search(self, field: Locator, text: str):
        """Type into a live-search field; htmx swaps the element its form targets (hx-target)."""
        target = field.locator("xpath=ancestor::form[@hx-target][1]").get_attribute("hx-target")
        return self.htmx(lambda: field.fill(text), swapped=target)

    # -- accounts ----------------------------------------------------------------------------

    def login(self, username: str, password: str = DEMO_PASSWORD) -> None:
        if not self.path.startswith("/account/inloggen/"):
            self.goto("/account/inloggen/")
        self.page.get_by_label("Gebruikersnaam").fill(username)
        self.page.get_by_label("Wachtwoord").fill(password)
        self.navigate_by(self.page.get_by_role("button", name="Inloggen"))
        expect(self.page.get_by_role("button", name="Uitloggen")).to_be_visible()

    def logout(self) -> None:
        self.navigate_by(self.page.get_by_role("button", name="Uitloggen"))
        expect(self.page.get_by_role("heading", level=1, name="Inloggen")).to_be_visible()

    # -- reading -----------------------------------------------------------------------------

    @property
    def main(self) -> Locator:
        return self.page.locator("main#main")

    def messages(self) -> Locator:
        return self.page.locator(".jk-messages")
