"""Each person reaches only their own data: another's plan, goal, rejection, item, feed or token
answers 404 (never 403, so ids are not confirmed), and lists show only one's own."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from planner.store.db import Database
from tests.security.conftest import KUBE, Person
from tests.security.helpers import ready_plan
from tests.support import form_csrf, sign_in


@pytest.fixture
def alices(app: Flask, alice: Person) -> dict[str, Any]:
    """Alice's plan (ready, with a calendar feed), rejection, goals, roadmap item and token."""
    plan_id = ready_plan(app, alice.id, KUBE, company="Acme")
    plan = alice.get(f"/api/v1/plans/{plan_id}").get_json()
    assert plan["status"] == "ready" and plan["roadmap"]["items"], plan
    rej = alice.get(f"/api/v1/rejections/{plan['rejection_id']}").get_json()
    feed = alice.post(f"/api/v1/plans/{plan_id}/feed").get_json()["feed_url"]
    token = alice.post("/api/v1/tokens", json={"name": "laptop"}).get_json()
    return {"plan": plan_id, "rejection": rej["id"], "goals": [g["id"] for g in rej["goals"]],
            "item": plan["roadmap"]["items"][0]["id"], "feed": feed.split("localhost:8000")[1],
            "token": token["id"]}


def test_every_api_route_answers_404_for_another_persons_ids(
    alices: dict[str, Any], alice: Person, bob: Person
) -> None:
    a = alices
    attempts = [
        ("get", f"/api/v1/plans/{a['plan']}", None),
        ("get", f"/api/v1/plans/{a['plan']}/roadmap.ics", None),
        ("get", f"/api/v1/plans/{a['plan']}/roadmap.md", None),
        ("get", f"/api/v1/plans/{a['plan']}/roadmap.csv", None),
        ("patch", f"/api/v1/plans/{a['plan']}/items/{a['item']}", {"status": "done"}),
        ("post", f"/api/v1/plans/{a['plan']}/feed", None),
        ("delete", f"/api/v1/plans/{a['plan']}/feed", None),
        ("get", f"/api/v1/rejections/{a['rejection']}", None),
        ("post", "/api/v1/plans", {"rejection_id": a["rejection"]}),
        ("patch", f"/api/v1/goals/{a['goals'][0]}", {"status": "dropped"}),
        ("post", "/api/v1/goals/merge", {"goal_ids": a["goals"][:2]}),
        ("post", f"/api/v1/rejections/{a['rejection']}/goals", {"skill": "SQL"}),
        ("delete", f"/api/v1/tokens/{a['token']}", None),
    ]
    for method, url, body in attempts:
        resp = getattr(bob, method)(url, **({"json": body} if body is not None else {}))
        assert resp.status_code == 404, (method, url, resp.status_code, resp.get_data()[:300])
        assert resp.get_json()["error"]["code"] == "not_found"
    # ...and nothing of Alice's changed: her feed still works, her goals and item are as they were
    assert alice.client.get(a["feed"]).status_code == 200
    rej = alice.get(f"/api/v1/rejections/{a['rejection']}").get_json()
    assert all(g["status"] != "dropped" and g["status"] != "merged" for g in rej["goals"])
    assert "sql" not in {g["skill_id"] for g in rej["goals"]}
    plan = alice.get(f"/api/v1/plans/{a['plan']}").get_json()
    assert plan["roadmap"]["revision"] == 1
    assert [t["id"] for t in alice.get("/api/v1/tokens").get_json()["tokens"]].count(
        a["token"]) == 1


def test_lists_show_only_ones_own(alices: dict[str, Any], alice: Person, bob: Person) -> None:
    assert bob.get("/api/v1/plans").get_json() == {"plans": []}
    assert bob.get("/api/v1/rejections").get_json() == {"rejections": []}
    assert bob.get("/api/v1/themes").get_json() == {"themes": []}
    assert bob.get("/api/v1/tokens").get_json()["tokens"] == [
        t for t in bob.get("/api/v1/tokens").get_json()["tokens"] if t["name"] != "laptop"]
    export = bob.get("/api/v1/me/export").get_json()
    assert export["rejections"] == [] and export["plans"] == []
    assert KUBE not in bob.get("/api/v1/me/export").get_data(as_text=True)
    assert [p["id"] for p in alice.get("/api/v1/plans").get_json()["plans"]] == [alices["plan"]]


def test_pages_answer_404_for_another_persons_plan_and_rejection(
    app: Flask, db: Database, alices: dict[str, Any], bob: Person
) -> None:
    browser = app.test_client()
    assert sign_in(browser, bob.email).status_code == 303
    a = alices
    for url in (f"/plans/{a['plan']}", f"/rejections/{a['rejection']}"):
        assert browser.get(url).status_code == 404, url
    token = form_csrf(browser, "/")
    for url, data in (
        (f"/plans/{a['plan']}/items/{a['item']}", {"status": "done"}),
        (f"/plans/{a['plan']}/feed", {}),
        (f"/plans/{a['plan']}/feed/revoke", {}),
        (f"/rejections/{a['rejection']}", {"action": "save"}),
        (f"/rejections/{a['rejection']}/goals", {"skill": "SQL"}),
        (f"/account/tokens/{a['token']}/revoke", {}),
    ):
        resp = browser.post(url, data={"csrf_token": token, **data})
        assert resp.status_code == 404, (url, resp.status_code)
    history = browser.get("/history").get_data(as_text=True)
    assert "Kubernetes" not in history and "Acme" not in history


def test_calendar_feed_token_is_unguessable_revocable_and_only_hashed(
    app: Flask, alices: dict[str, Any], alice: Person, bob: Person
) -> None:
    from sqlalchemy import select

    from planner.store import models as m

    feed = alices["feed"]
    token = feed.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 40  # 32 random bytes, URL-safe
    with app.extensions["planner"].db.session() as s:
        stored = s.scalar(select(m.Plan.feed_token).where(m.Plan.id == alices["plan"]))
    assert stored and token not in stored  # only the hash is kept
    anonymous = app.test_client()
    assert anonymous.get(feed).status_code == 200  # the token is the credential
    assert anonymous.get(feed[:-8] + "AAAAAAAA.ics").status_code == 404
    assert alice.delete(f"/api/v1/plans/{alices['plan']}/feed").status_code == 204
    assert anonymous.get(feed).status_code == 404


def test_unauthenticated_api_is_401_in_the_error_shape(anon_client: Any,
                                                        alices: dict[str, Any]) -> None:
    for method, url in (("get", "/api/v1/plans"), ("get", f"/api/v1/plans/{alices['plan']}"),
                        ("post", "/api/v1/feedback"), ("get", "/api/v1/me/export"),
                        ("delete", "/api/v1/me"), ("get", "/api/v1/tokens")):
        resp = getattr(anon_client, method)(url)
        assert resp.status_code == 401, (method, url)
        assert set(resp.get_json()["error"]) == {"code", "message", "details"}
        assert resp.headers["WWW-Authenticate"].startswith("Bearer")
    bad = anon_client.get("/api/v1/plans", headers={"Authorization": "Bearer spk_not-a-token"})
    assert bad.status_code == 401 and bad.get_json()["error"]["code"] == "invalid_token"
    basic = anon_client.get("/api/v1/plans", headers={"Authorization": "Basic YTpi"})
    assert basic.status_code == 401


def test_public_endpoints_stay_public(anon_client: Any) -> None:
    for url in ("/healthz", "/api/openapi.json", "/api/docs", "/sign-in", "/sign-up"):
        assert anon_client.get(url).status_code == 200, url
    assert anon_client.get("/readyz").status_code in (200, 503)


def test_pages_redirect_to_sign_in_keeping_where_you_were_going(anon_client: Any) -> None:
    for url in ("/", "/history", "/plans/abc", "/account"):
        resp = anon_client.get(url)
        assert resp.status_code == 303, url
        assert resp.headers["Location"].startswith("/sign-in?next=")
    assert "next=/history" in anon_client.get("/history").headers["Location"]
