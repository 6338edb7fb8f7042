"""The plan page: live progress, roadmap views, marking steps, verdict, calendar."""

from __future__ import annotations

import re
from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient

from planner import service
from planner.store import models as m
from planner.store.db import Database
from tests.web.conftest import ready_plan, token

KUBE = "We went with a candidate with more Kubernetes and AWS experience."


def test_running_plan_shows_live_status_per_provider(app: Flask, web: FlaskClient,
                                                     db: Database) -> None:
    with db.session() as s:
        rej = service.add_rejection(s, web.owner, KUBE)  # type: ignore[attr-defined]
        plan = service.start_plan(s, rej, service.PlanParams(5, date.today()), ["catalog"])
        plan.runs[0].status, plan.runs[0].error = "failed", "HTTP 503 from the <provider>"
        plan_id = plan.id
    html = web.get(f"/plans/{plan_id}").get_data(as_text=True)
    assert "Making your plan" in html and 'data-provider="catalog"' in html
    assert "failed · HTTP 503 from the &lt;provider&gt;" in html
    assert '<noscript><meta http-equiv="refresh"' in html and "progress.js" in html


def test_ready_plan_shows_timeline_week_steps_and_exports(app: Flask, web: FlaskClient) -> None:
    plan_id = ready_plan(app, web.owner, KUBE)  # type: ignore[attr-defined]
    html = web.get(f"/plans/{plan_id}").get_data(as_text=True)
    assert "Your roadmap" in html and "refresh" not in html
    assert '<svg class="timeline"' in html and 'class="today-line"' in html
    assert html.count("<rect") > 3 and "<polygon" in html  # bars and milestone diamonds
    assert "This week" in html and "hours planned" in html
    assert "Why:" in html and "Mark done" in html
    assert f"/api/v1/plans/{plan_id}/roadmap.ics" in html
    plan = web.get(f"/api/v1/plans/{plan_id}").get_json()
    for item in plan["roadmap"]["items"]:
        assert item["title"].replace("&", "&amp;").replace("'", "&#39;") in html


def test_roadmap_shows_each_goal_with_its_evidence_and_own_progress(app: Flask,
                                                                   web: FlaskClient) -> None:
    plan_id = ready_plan(app, web.owner, KUBE)  # type: ignore[attr-defined]
    url = f"/plans/{plan_id}"
    html = web.get(url).get_data(as_text=True)
    section = re.search(r'<section id="goals".*?</section>', html, re.S)
    assert section is not None
    goals = section.group(0)
    assert "<h3>Kubernetes</h3>" in goals and "<h3>AWS</h3>" in goals
    assert goals.count("more Kubernetes and AWS experience") == 2  # the evidence, per goal
    kube = re.search(r'id="goal-kubernetes".*?</li>', goals, re.S)
    assert kube is not None
    done_total = re.search(r"(\d+) of (\d+) steps? done", kube.group(0))
    assert done_total is not None and done_total.group(1) == "0" and int(done_total.group(2)) >= 1
    # marking one of its steps done moves that goal's own count
    item = next(i for i in web.get(f"/api/v1/plans/{plan_id}").get_json()["roadmap"]["items"]
                if i["goal_id"] == "kubernetes" and i["kind"] != "milestone")
    resp = web.post(f"{url}/items/{item['id']}", data={"csrf_token": token(web, url),
                                                        "status": "done"})
    assert resp.status_code == 303
    after = web.get(url).get_data(as_text=True)
    kube = re.search(r'id="goal-kubernetes".*?</li>', after, re.S)
    assert kube is not None and re.search(r"\b1 of \d+ steps? done", kube.group(0))


def _item_ids(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'/items/(\d+)"', html)]


def test_marking_steps_done_replans_and_celebrates_milestones(app: Flask, web: FlaskClient,
                                                              db: Database) -> None:
    plan_id = ready_plan(app, web.owner, "You need stronger SQL.")  # type: ignore[attr-defined]
    url = f"/plans/{plan_id}"
    celebrated = []
    for _ in range(12):  # mark work done until the SQL goal is covered
        html = web.get(url).get_data(as_text=True)
        open_ids = [i for i in dict.fromkeys(_item_ids(html))
                    if re.search(rf'/items/{i}".*?value="done"', html, re.S)]
        if not open_ids:
            break
        resp = web.post(f"{url}/items/{open_ids[0]}", data={"csrf_token": token(web, url),
                                                            "status": "done"})
        assert resp.status_code == 303
        page = web.get(url).get_data(as_text=True)
        celebrated += re.findall(r'class="celebrate".*?<strong>(.*?)</strong>', page, re.S)
    assert any("SQL" in c for c in celebrated), celebrated
    with db.session() as s:
        assert s.get(m.Plan, plan_id).revision > 1  # each mark stored a new revision
    assert "100%" in web.get(url).get_data(as_text=True)


def test_stale_item_form_says_the_roadmap_changed(app: Flask, web: FlaskClient) -> None:
    plan_id = ready_plan(app, web.owner, KUBE)  # type: ignore[attr-defined]
    url = f"/plans/{plan_id}"
    first = _item_ids(web.get(url).get_data(as_text=True))[0]
    web.post(f"{url}/items/{first}", data={"csrf_token": token(web, url), "status": "behind"})
    resp = web.post(f"{url}/items/{first}", data={"csrf_token": token(web, url),
                                                  "status": "done"}, follow_redirects=True)
    assert "changed since the page loaded" in resp.get_data(as_text=True)
    resp = web.post(f"{url}/items/{first}", data={"csrf_token": token(web, url),
                                                  "status": "bogus"})
    assert resp.status_code == 400


def test_plan_that_does_not_fit_shows_the_verdict(app: Flask, web: FlaskClient) -> None:
    start = date.today()
    plan_id = ready_plan(app, web.owner, KUBE, hours_per_week=1,  # type: ignore[attr-defined]
                         start_date=start, target_date=start + timedelta(days=10))
    html = web.get(f"/plans/{plan_id}").get_data(as_text=True)
    assert 'id="verdict"' in html and "This does not fit" in html
    assert re.search(r"About <strong>[\d.]+ hours</strong>", html)
    assert "hours a week instead of" in html or "target date" in html
    assert 'class="target-line"' in html


def test_calendar_subscription_is_shown_once_and_can_be_stopped(app: Flask,
                                                                web: FlaskClient) -> None:
    plan_id = ready_plan(app, web.owner, KUBE)  # type: ignore[attr-defined]
    url = f"/plans/{plan_id}"
    resp = web.post(f"{url}/feed", data={"csrf_token": token(web, url)}, follow_redirects=True)
    html = resp.get_data(as_text=True)
    feed = re.search(r'id="feed-url-value" readonly value="([^"]+)"', html)
    assert feed and "webcal://" in html
    path = "/" + feed.group(1).split("://", 1)[1].split("/", 1)[1]
    assert web.get(path).mimetype == "text/calendar"
    assert feed.group(1) not in web.get(url).get_data(as_text=True)  # shown once
    web.post(f"{url}/feed/revoke", data={"csrf_token": token(web, url)})
    assert web.get(path).status_code == 404


def test_another_persons_plan_is_not_found(app: Flask, web: FlaskClient, db: Database) -> None:
    with db.session() as s:
        s.add(m.User(id="someone-else", display_name="Other"))
    plan_id = ready_plan(app, "someone-else", KUBE)
    assert web.get(f"/plans/{plan_id}").status_code == 404
    resp = web.post(f"/plans/{plan_id}/feed", data={"csrf_token": token(web)})
    assert resp.status_code == 404
