"""Browser tier: headless Debian Chromium driving the app on a live loopback server.

One browser and one signed-in page per session; a real Celery worker builds the plans. Runs on
SQLite only: the pages are the same on both backends, which the web tier already covers.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from planner import create_app
from planner.config import Settings
from tests.support import ROOT, Worker, free_port

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = {"mobile": 375, "desktop": 1280}
PASSWORD = "a calm and long test passphrase"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if Path(str(item.fspath)).is_relative_to(here) and params.get(
                "database_url") == "postgresql":
            item.add_marker(pytest.mark.skip(
                reason="browser tier runs on SQLite only; tests/web covers the pages on both"))


class LiveServer:
    """The app served by werkzeug on 127.0.0.1 in a background thread."""

    def __init__(self, app: Flask) -> None:
        from werkzeug.serving import make_server

        self.app = app
        self.server = make_server("127.0.0.1", free_port(), app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.thread.join(10)


@pytest.fixture(scope="session")
def live_server(settings: Settings, worker: Worker) -> Iterator[LiveServer]:
    """The app on a free port, with plans built by the session's real worker."""
    app = create_app({"SETTINGS": settings, "TESTING": True, "STRICT_PLUGINS": True,
                      "AUTH_FAST_HASH_FOR_TESTS": True,
                      # one person clicks through every flow here within a minute
                      "RATE_LIMITS": {"writes_per_minute": 1000, "user_per_minute": 5000}})
    with LiveServer(app) as server:
        yield server
    app.extensions["planner"].db.dispose()


@pytest.fixture(scope="session")
def page(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    """One signed-in page for the session; it records CSP violations and script errors."""
    context = browser.new_context(base_url=live_server.url,
                                  viewport={"width": WIDTHS["desktop"], "height": 900})
    context.set_default_timeout(30_000)
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: _console(pg, m))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("response", lambda r: r.status >= 400 and r.request.resource_type in (
        "stylesheet", "script", "image", "font", "fetch") and pg.problems.append(
        f"{r.status} {r.url}"))
    sign_in(pg)
    yield pg
    context.close()


@pytest.fixture
def fresh(page: Any) -> Iterator[Any]:
    """The session page; after the test, no script error or CSP violation was reported."""
    page.problems.clear()
    yield page
    assert not page.problems, page.problems


def _console(page: Any, msg: Any) -> None:
    """Script errors and CSP refusals; a page answered 4xx on purpose is not one."""
    if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
        page.problems.append(msg.text)


def sign_in(page: Any) -> None:
    """Become a signed-in person (accounts, issue 8). Without accounts: nothing to do."""
    resp = page.goto("/sign-up")
    if resp is None or resp.status == 404:
        return
    page.fill("#email", f"browser-{uuid.uuid4().hex[:8]}@example.com")
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/")


def check(page: Any, name: str) -> None:
    """Axe finds no serious or critical problem at either width; screenshots of both."""
    from axe_playwright_python.sync_playwright import Axe

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
        violations = Axe().run(page).response["violations"]
        bad = [f"{v['id']} ({v['impact']}): {v['help']} -> "
               f"{[n['target'] for n in v['nodes']][:3]}"
               for v in violations if v["impact"] in ("serious", "critical")]
        assert not bad, f"{name} at {width}px: {bad}"
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
        assert not overflow, f"{name} at {width}px scrolls sideways"
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
