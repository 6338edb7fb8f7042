"""The web app in a real browser: paste to done, live progress, verdict, upload, a11y."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from planner import service
from planner.queue import enqueue_plan
from planner.store import models as m
from tests.browser.conftest import LiveServer, check
from tests.texts import UNNAMED_REASON

pytestmark = pytest.mark.browser

KUBE = "Thanks for your time. We went with a candidate with more Kubernetes and AWS experience."
EML = (b"From: Hiring <jobs@acme.example>\r\nTo: me@example.com\r\nSubject: Your application\r\n"
       b"Content-Type: text/plain; charset=utf-8\r\n\r\nThank you for interviewing with us. The "
       b"panel wanted more hands-on Terraform experience.\r\n")


def new_plan(page: Any, text: str, **fields: str) -> None:
    page.goto("/")
    page.fill("#text", text)
    for name, value in fields.items():
        page.fill(f"#{name}", value)
    page.click("text=Next: check the goals")
    page.wait_for_selector("h1:has-text('Check the goals')")


def make_plan(page: Any) -> None:
    page.click("button[value=plan]")
    page.wait_for_selector("h1:has-text('Your roadmap')", timeout=60_000)


def test_from_pasted_feedback_to_a_step_marked_done(fresh: Any) -> None:
    page = fresh
    page.goto("/")
    check(page, "new-plan")
    page.keyboard.press("Tab")  # the first stop is the skip link, and it works
    assert page.evaluate("document.activeElement.className") == "skip"
    new_plan(page, KUBE, company="Acme", hours_per_week="6")
    assert page.locator("mark", has_text="Kubernetes").count() == 1
    assert page.locator(".goal-name").all_inner_texts() == ["AWS", "Kubernetes"]
    check(page, "goals")
    make_plan(page)
    check(page, "roadmap")
    assert page.locator("svg.timeline rect").count() >= 2
    assert page.locator("#this-week").is_visible()
    before = page.locator("#progress-text").inner_text()
    first = page.locator("#steps button[value=done]").first
    first.focus()
    page.keyboard.press("Enter")  # keyboard alone can work the roadmap
    page.wait_for_selector(".flash:has-text('Marked done')")
    assert page.locator("#progress-text").inner_text() != before
    assert page.locator(".badge.s-done").count() == 1


def test_live_progress_updates_without_reloading(fresh: Any, live_server: LiveServer) -> None:
    page, app = fresh, live_server.app
    svc = app.extensions["planner"]
    with svc.db.session() as s:
        rej = service.add_rejection(s, _signed_in_owner(s), KUBE)
        plan = service.start_plan(s, rej, service.PlanParams(6, date.today()), ["catalog"])
        plan_id = plan.id
    page.goto(f"/plans/{plan_id}")
    page.wait_for_selector("#plan-status:text('queued')")
    check(page, "progress")
    with svc.db.session() as s:  # a provider answers: the page shows it in place
        p = s.get(m.Plan, plan_id)
        p.status, p.runs[0].status, p.runs[0].count = "fetching", "ok", 7
    page.wait_for_selector("li[data-provider=catalog] .run-status:text('done · 7 found')")
    assert page.locator("#plan-status").text_content() == "fetching"
    with svc.db.session() as s:  # now really plan it
        p = s.get(m.Plan, plan_id)
        p.status, p.runs[0].status, p.runs[0].count = "queued", "waiting", 0
    enqueue_plan(svc.celery, plan_id)
    page.wait_for_selector("h1:has-text('Your roadmap')", timeout=60_000)


def _signed_in_owner(s: Any) -> str:
    """The person the browser acts for: the newest account (``sign_in`` made it), else local."""
    from sqlalchemy import select

    newest = s.scalar(select(m.User.id).order_by(m.User.created_at.desc()).limit(1))
    return str(newest or service.local_owner(s).id)


def test_a_plan_that_does_not_fit_says_so(fresh: Any) -> None:
    page = fresh
    target = (date.today() + timedelta(days=10)).isoformat()
    new_plan(page, KUBE, hours_per_week="1", target_date=target)
    make_plan(page)
    verdict = page.locator("#verdict")
    assert verdict.is_visible() and "does not fit" in verdict.inner_text()
    assert "hours" in verdict.inner_text()
    check(page, "roadmap-does-not-fit")


def test_an_eml_upload_becomes_goals(fresh: Any) -> None:
    page = fresh
    page.goto("/")
    page.set_input_files("#file", files=[{"name": "rejection.eml", "mimeType": "message/rfc822",
                                          "buffer": EML}])
    page.click("text=Next: check the goals")
    page.wait_for_selector("h1:has-text('Check the goals')")
    assert page.locator(".goal-name", has_text="Terraform").count() == 1
    page.goto("/")
    page.set_input_files("#file", files=[{"name": "cv.pdf", "mimeType": "application/pdf",
                                          "buffer": b"%PDF-1.4"}])
    page.click("text=Next: check the goals")
    page.wait_for_selector("#form-errors:has-text('not a .eml or .txt file')")
    check(page, "new-plan-error")


def test_history_providers_docs_and_error_pages_are_accessible(fresh: Any) -> None:
    page = fresh
    for path, name, heading in (("/history", "history", "Your history"),
                                ("/providers", "providers", "Providers"),
                                ("/api/docs", "api-docs", "API"),
                                ("/plans/nope", "not-found", "Page not found")):
        page.goto(path)
        page.wait_for_selector(f"h1:has-text('{heading}')")
        check(page, name)


def test_a_goal_the_feedback_implies_is_added_with_the_keyboard(fresh: Any) -> None:
    page = fresh
    new_plan(page, KUBE)
    page.fill("#add-skill", "handling difficult customers")
    page.keyboard.press("Enter")  # submits the add form, not the plan
    page.wait_for_selector("text=Closest skills in our list:")
    assert page.locator("h1", has_text="Check the goals").count() == 1
    check(page, "goals-add-suggestions")
    page.click("button[name=pick][value=complaint-handling]")
    page.wait_for_selector(".flash:has-text('to your goals')")
    assert "Complaint handling" in page.locator(".goal-name").all_inner_texts()
    assert page.locator(".kind", has_text="added by you").count() == 1
    make_plan(page)
    assert page.locator("#goals h3", has_text="Complaint handling").count() == 1


def test_a_reason_that_names_no_skill_is_shown_and_the_person_names_it(fresh: Any) -> None:
    page = fresh
    new_plan(page, UNNAMED_REASON)
    assert page.locator(".goal-name").count() == 0
    assert page.locator(".unnamed-reasons blockquote").count() == 1
    assert "which of three late orders" in page.locator(".unnamed-reasons").inner_text()
    check(page, "goals-unnamed-reasons")
    page.fill("#reason-skill-0", "chasing late orders")  # a name not in the list first
    page.keyboard.press("Enter")  # submits that sentence's form, not the plan
    page.wait_for_selector("#reason-0 .suggestions")
    # back where it was: the browser applies autofocus a frame after the page is parsed, so
    # wait for it (a timeout here fails the test as surely as the assertion did)
    page.wait_for_function("document.activeElement && document.activeElement.id === "
                           "'reason-skill-0'", timeout=5000)
    assert page.locator("#reason-skill-0").input_value() == "chasing late orders"
    check(page, "goals-reason-suggestions")
    page.fill("#reason-skill-0", "supplier management")
    page.keyboard.press("Enter")
    page.wait_for_selector(".flash:has-text('to your goals')")
    assert page.locator(".goal-name").all_inner_texts() == ["Vendor management"]
    assert "which of three late orders" in page.locator("li.goal blockquote").inner_text()
    assert page.locator(".unnamed-reasons blockquote").count() == 1  # still there to read
    assert page.locator("#reason-0 .named").inner_text() == (
        "Named: evidence for Vendor management.")
    assert page.locator("#reason-skill-0").count() == 0
