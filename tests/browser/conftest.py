"""Real-browser tests: Debian's Chromium driven by pytest-playwright against pytest-django's
``live_server``.

One browser for the whole session (pytest-playwright's session-scoped ``browser``), one context
per test. Every test gets a ``ui`` helper (see ``tests/browser/helpers.py``) that

* runs axe on every page it opens and after every htmx swap, and fails on "serious" or
  "critical" violations;
* records every request, console error, page error and CSP violation, and fails the test at
  teardown when a request left the live server or the page logged an error it did not expect.

The live server runs on ``transactional_db``, which flushes the database after each test: the
``demo`` fixture loads the demo municipality (with the reference data) for the tests that need
it, and ``pytest_runtest_teardown`` below puts the reference data back after the flush, because
the rest of the suite expects the session fixture's functions and tasks to be there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Playwright's sync API keeps an event loop running in the main thread; pytest-django's
# live_server and the test's own ORM calls then need this (Django refuses ORM calls "from an
# async context" otherwise). It stays set for the rest of the session, because the Playwright
# fixture is session-scoped.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# Chromium writes its profile and caches under XDG dirs: keep them in the ignored var/cache.
os.environ.setdefault("XDG_CONFIG_HOME", str(ROOT / "var" / "cache" / "xdg-config"))
os.environ.setdefault("XDG_CACHE_HOME", str(ROOT / "var" / "cache" / "xdg-cache"))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test here is a browser test, so that ``-m "not browser"`` leaves them all out (each
    module also says so with ``pytestmark``; this catches one that forgets)."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (or `make chromium`)", pytrace=False)
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        Path(os.environ[name]).mkdir(parents=True, exist_ok=True)
    return {"executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(live_server):
    # nl-NL: LocaleMiddleware would serve English to the default en-US browser.
    return {
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
        "base_url": live_server.url,
        "viewport": {"width": 1280, "height": 900},
    }


@pytest.fixture
def demo(transactional_db, live_server):
    """The demo municipality in the (freshly flushed) test database."""
    from jeugdketen.demo.services import load_demo

    load_demo()


def _uis(item):
    funcargs = getattr(item, "funcargs", None) or {}
    found = []
    if "ui" in funcargs:
        found.append(funcargs["ui"])
    if "new_ui" in funcargs:
        found.extend(funcargs["new_ui"].made)
    return found


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After the test body: fail on what the browser recorded (axe findings, console errors, CSP
    violations, requests that left the live server). These are collected rather than raised at
    once, so one run walks the whole flow and shows every problem."""
    try:
        result = yield
    except BaseException:
        problems = [p for ui in _uis(item) for p in ui.problems()]
        if problems:
            item.add_report_section("call", "browser findings", "\n\n".join(problems))
        raise
    problems = [p for ui in _uis(item) for p in ui.problems()]
    if problems:
        raise AssertionError("\n\n".join(problems))
    return result


@pytest.fixture
def ui(page, live_server, demo):
    """The test's browser user (one fresh context per test)."""
    from .helpers import UI

    return UI(page, live_server.url)


class _UIFactory:
    def __init__(self, new_context, base_url):
        self._new_context = new_context
        self._base_url = base_url
        self.made = []

    def __call__(self):
        from .helpers import UI

        helper = UI(self._new_context().new_page(), self._base_url)
        self.made.append(helper)
        return helper


@pytest.fixture
def new_ui(new_context, live_server, demo):
    """Another browser user in the same test, each call in its own context (own cookies)."""
    return _UIFactory(new_context, live_server.url)
