"""XSS payloads in every text field stay inert in a real browser (Chromium, strict CSP), and a
provider resource with a javascript: URL or markup in its title never runs.

Served from a live loopback server; plans are built in-process (no worker needed)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from planner.config import Settings
from planner.providers import Resource, ResourceKind
from planner.providers.validation import ResourceValidationError, validate_resource
from planner.store import models as m
from planner.store.db import Database
from tests.security.helpers import ready_plan
from tests.support import TEST_PASSWORD, create_account, free_port

# Each payload, if it ever ran, would set window.__xss or open a dialog.
PAYLOADS = [
    "<script>window.__xss='script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "\"><svg onload=\"window.__xss='svg'\">",
    "'><iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
    "javascript:window.__xss='js-url'",
    "{{ 7*7 }}{% raw %}${7*7}{% endraw %}",
]
XSS = " ".join(PAYLOADS)


@pytest.fixture
def live(app: Flask) -> Iterator[str]:
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(10)


@pytest.fixture
def page(browser: Any, live: str) -> Iterator[Any]:
    context = browser.new_context(base_url=live)
    context.set_default_timeout(20_000)
    pg = context.new_page()
    pg.dialogs = []
    pg.csp = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda msg: "Content Security Policy" in msg.text and pg.csp.append(
        msg.text))
    try:
        yield pg
    finally:
        context.close()


def sign_in(page: Any, email: str) -> None:
    """Through the real sign-in form."""
    page.goto("/sign-in")
    page.fill("#email", email)
    page.fill("#password", TEST_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/")


def inert(page: Any, where: str) -> None:
    assert page.evaluate("window.__xss") is None, f"payload ran on {where}"
    assert page.dialogs == [], f"dialog on {where}: {page.dialogs}"
    injected = page.evaluate(
        "[...document.querySelectorAll('script, iframe, svg[onload], img[onerror]')]"
        ".filter(e => (e.outerHTML || '').includes('__xss')).length")
    assert injected == 0, f"payload became markup on {where}"


def stored_javascript_resource(db: Database, plan_id: str) -> None:
    """The worst case: a hostile resource got past provider validation into a roadmap."""
    with db.session() as s:
        item = s.scalars(select(m.RoadmapItem).where(
            m.RoadmapItem.plan_id == plan_id, m.RoadmapItem.resource.is_not(None))).first()
        assert item is not None
        item.resource = {**item.resource, "url": "javascript:window.__xss='resource-url'",
                         "title": PAYLOADS[1], "source": PAYLOADS[0]}
        item.title = PAYLOADS[2]


@pytest.mark.browser
def test_payloads_in_every_field_are_inert_in_the_browser(
        app: Flask, db: Database, settings: Settings, page: Any, request: Any) -> None:
    if request.node.callspec.params.get("database_url") == "postgresql":
        pytest.skip("the pages are the same on both backends; the browser runs once")
    uid = create_account(db, "xss@example.com")
    plan_id = ready_plan(app, uid, f"They wanted more Kubernetes. {XSS}", company=XSS,
                         role=XSS, job_description=f"Kubernetes and AWS. {XSS}", resume=XSS)
    stored_javascript_resource(db, plan_id)
    with db.session() as s:
        rej_id = s.scalar(select(m.Plan.rejection_id).where(m.Plan.id == plan_id))
    sign_in(page, "xss@example.com")
    # markup typed into forms comes back in error messages and re-filled fields
    page.goto("/")
    page.fill("#company", XSS)
    page.fill("#text", " ")
    page.click("main form button[type=submit]")
    inert(page, "new plan form with errors")
    page.goto("/account")
    page.fill("#token-name", XSS[:100])
    page.click("form[action$='/account/tokens'] button[type=submit]")
    inert(page, "account page")
    for url in (f"/plans/{plan_id}", f"/rejections/{rej_id}", "/history", "/account",
                "/api/docs", f"/api/v1/rejections/{rej_id}"):
        page.goto(url)
        inert(page, url)
    # the hostile resource link: following it runs nothing (CSP blocks javascript: URLs)
    page.goto(f"/plans/{plan_id}")
    link = page.locator("a[href^='javascript:']")
    if link.count():
        link.first.click()
        page.wait_for_timeout(300)
    inert(page, "after following the resource link")
    page.goto("/sign-in")
    # the session cookie is HttpOnly: script cannot read it
    assert "planner_session" not in page.evaluate("document.cookie")


def test_providers_cannot_hand_over_javascript_urls_or_markup() -> None:
    def resource(**kw: Any) -> Resource:
        base: dict[str, Any] = {"provider": "evil", "external_id": "1",
                                "kind": ResourceKind.COURSE, "title": "Course",
                                "url": "https://example.com/c"}
        return Resource(**{**base, **kw})

    validate_resource(resource())
    for url in ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:x", "file:///etc/passwd", "//example.com/x", "https://"):
        with pytest.raises(ResourceValidationError):
            validate_resource(resource(url=url))
    with pytest.raises(ResourceValidationError):
        validate_resource(resource(title="Evil\x00course"))
