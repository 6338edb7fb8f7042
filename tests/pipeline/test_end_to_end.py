"""Feedback in, dated roadmap out, through Redis and a real Celery worker process."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from planner.store import models as m
from planner.store.db import Database
from tests.support import Worker

pytestmark = pytest.mark.pipeline

KUBE = "We went with a candidate with more Kubernetes and AWS experience."


def wait_finished(client: FlaskClient, url: str, timeout: float = 60) -> tuple[dict[str, Any],
                                                                                list[str]]:
    """Poll a plan until it finishes; return it and every status seen on the way."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        plan = client.get(url).get_json()
        if not seen or seen[-1] != plan["status"]:
            seen.append(plan["status"])
        if plan["status"] in ("ready", "partial", "failed"):
            return plan, seen
        time.sleep(0.05)
    raise AssertionError(f"plan still {seen[-1]} after {timeout}s (statuses seen: {seen})")


def test_feedback_to_ready_roadmap(client: FlaskClient, worker: Worker, db: Database) -> None:
    body = client.post("/api/v1/feedback", json={
        "text": KUBE, "hours_per_week": 6, "start_date": "2027-01-04"}).get_json()
    plan, seen = wait_finished(client, body["links"]["self"])
    assert plan["status"] == "ready", plan
    assert seen[0] in ("queued", "fetching") and seen[-1] == "ready"
    assert plan["progress"] == 100
    assert all(p["status"] == "ok" for p in plan["providers"])
    items = plan["roadmap"]["items"]
    assert items, plan
    learning = [i for i in items if i["resource"]]
    assert {i["goal_id"] for i in learning} >= {"kubernetes", "aws"}
    for i in learning:
        assert date.fromisoformat(i["start"]) >= date(2027, 1, 4)
        assert date.fromisoformat(i["end"]) >= date.fromisoformat(i["start"])
        assert 0 < i["hours_per_week"] <= 6
        res = i["resource"]
        assert res["title"] and res["url"].startswith("https://") and res["provider"]
        assert "free" in res["cost"]
    with db.session() as s:  # stored, not only computed
        assert s.scalar(select(func.count()).select_from(m.RoadmapItem)) == len(items)


def test_ready_plan_exports_calendar_and_page(client: FlaskClient, worker: Worker) -> None:
    from icalendar import Calendar

    body = client.post("/api/v1/feedback", json={"text": KUBE}).get_json()
    plan, _ = wait_finished(client, body["links"]["self"])
    resp = client.get(plan["links"]["roadmap_ics"])
    assert resp.status_code == 200 and resp.mimetype == "text/calendar"
    cal = Calendar.from_ical(resp.data)
    titles = {str(e.get("summary")) for e in cal.walk("VEVENT")}
    assert {i["title"] for i in plan["roadmap"]["items"]} <= {t for t in titles} | {
        t.split(": ", 1)[-1] for t in titles}
    page = client.get(plan["links"]["page"]).get_data(as_text=True)
    for item in plan["roadmap"]["items"]:
        assert item["title"].replace("&", "&amp;") in page


def test_plan_for_deleted_rejection_and_duplicate_delivery(
    client: FlaskClient, worker: Worker, app: Any, db: Database
) -> None:
    """A task delivered twice stores nothing twice; a task whose plan is gone returns quietly."""
    from planner.queue import START

    body = client.post("/api/v1/feedback", json={"text": KUBE}).get_json()
    plan, _ = wait_finished(client, body["links"]["self"])
    celery = app.extensions["planner"].celery
    # A second delivery of the same plan, and one for a plan that is gone: wait until the worker
    # has really run both (their results come back), then look at the data.
    for plan_id in (plan["id"], "no-such-plan"):
        celery.send_task(START, args=[plan_id]).get(timeout=60)
    again = client.get(body["links"]["self"]).get_json()
    assert again["roadmap"]["revision"] == plan["roadmap"]["revision"]
    assert len(again["roadmap"]["items"]) == len(plan["roadmap"]["items"])
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.PlanResource)) == sum(
            p["count"] for p in plan["providers"])
