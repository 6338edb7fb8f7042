"""The Redis read cache (tokens, finished plans): fast, but never stale, never another's, and
gone with the account."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import redis
from flask import Flask
from sqlalchemy import event

from planner import service
from planner.extensions import READ_CACHE
from planner.readcache import ReadCache
from tests.security.conftest import KUBE, Person
from tests.security.helpers import ready_plan
from tests.support import free_port


def cache_of(app: Flask) -> ReadCache:
    cache: ReadCache = app.extensions[READ_CACHE]
    return cache


@contextmanager
def statements(app: Flask) -> Iterator[list[str]]:
    """The SQL statements the app's engine runs inside the block."""
    seen: list[str] = []
    engine = app.extensions["planner"].db.engine

    def record(_conn: object, _cur: object, statement: str, *_: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_a_finished_plan_read_again_touches_no_database(app: Flask, alice: Person) -> None:
    plan_id = ready_plan(app, alice.id, KUBE)
    first = alice.get(f"/api/v1/plans/{plan_id}")
    with statements(app) as sql:
        again = alice.get(f"/api/v1/plans/{plan_id}")
    assert first.status_code == again.status_code == 200
    assert again.get_json() == first.get_json() and again.mimetype == "application/json"
    assert sql == []
    assert again.headers["Content-Security-Policy"]  # the headers still come with it


def test_an_unfinished_plan_is_not_cached(app: Flask, alice: Person) -> None:
    svc = app.extensions["planner"]
    with svc.db.session() as s:  # stored, never enqueued: no worker can finish it meanwhile
        rej = service.add_rejection(s, alice.id, KUBE)
        plan_id = service.start_plan(s, rej, service.PlanParams(6, date(2027, 1, 4)),
                                     ["catalog"]).id
    url = f"/api/v1/plans/{plan_id}"
    assert alice.get(url).get_json()["status"] == "queued"
    with statements(app) as sql:
        assert alice.get(url).get_json()["status"] == "queued"
    assert any("FROM plans" in q for q in sql)  # read from the database each time


def test_an_item_update_is_seen_at_once(app: Flask, alice: Person) -> None:
    plan_id = ready_plan(app, alice.id, KUBE)
    before = alice.get(f"/api/v1/plans/{plan_id}").get_json()
    item = before["roadmap"]["items"][0]
    assert alice.patch(f"/api/v1/plans/{plan_id}/items/{item['id']}",
                       json={"status": "done", "today": "2027-01-05"}).status_code == 200
    after = alice.get(f"/api/v1/plans/{plan_id}").get_json()
    assert after["roadmap"]["revision"] == before["roadmap"]["revision"] + 1
    assert {i["key"]: i["status"] for i in after["roadmap"]["items"]}[item["key"]] == "done"


def test_a_cached_plan_is_still_not_found_for_anyone_else(app: Flask, alice: Person,
                                                          bob: Person) -> None:
    plan_id = ready_plan(app, alice.id, KUBE)
    assert alice.get(f"/api/v1/plans/{plan_id}").status_code == 200
    assert alice.get(f"/api/v1/plans/{plan_id}").status_code == 200  # served from the cache
    assert bob.get(f"/api/v1/plans/{plan_id}").status_code == 404


def test_a_revoked_token_stops_at_once_though_it_was_cached(app: Flask, alice: Person) -> None:
    made = alice.post("/api/v1/tokens", json={"name": "laptop"}).get_json()
    other = app.test_client()
    auth = {"Authorization": f"Bearer {made['token']}"}
    assert other.get("/api/v1/me", headers=auth).status_code == 200
    with statements(app) as sql:
        assert other.get("/api/v1/me", headers=auth).status_code == 200
    assert not any("auth_tokens" in q for q in sql)  # the token came from the cache
    assert alice.delete(f"/api/v1/tokens/{made['id']}").status_code == 204
    assert other.get("/api/v1/me", headers=auth).status_code == 401


def test_deleting_the_account_empties_the_cache(app: Flask, alice: Person) -> None:
    plan_id = ready_plan(app, alice.id, KUBE)
    alice.get(f"/api/v1/plans/{plan_id}")
    alice.get(f"/api/v1/plans/{plan_id}")
    cache = cache_of(app)
    assert cache.redis.exists(cache.prefix + f"plan:{plan_id}")
    assert alice.delete("/api/v1/me", json={"confirm": alice.email}).status_code == 204
    assert not cache.redis.exists(cache.prefix + f"plan:{plan_id}")  # the feedback text too
    assert alice.get("/api/v1/me").status_code == 401


def test_an_entry_built_before_a_change_is_never_served(app: Flask) -> None:
    cache, pid = cache_of(app), f"p-{uuid.uuid4()}"
    body, gen = cache.plan(pid, "alice")
    assert body is None and gen is not None
    cache.bump([pid], tokens=False)  # a writer commits while the reader builds
    cache.keep_plan(pid, "alice", gen, b'{"old": true}')
    assert cache.plan(pid, "alice")[0] is None
    _, fresh = cache.plan(pid, "alice")
    assert fresh is not None
    cache.keep_plan(pid, "alice", fresh, b'{"new": true}')
    assert cache.plan(pid, "alice")[0] == b'{"new": true}'
    assert cache.plan(pid, "bob")[0] is None


def test_without_redis_the_database_answers(app: Flask, alice: Person) -> None:
    plan_id = ready_plan(app, alice.id, KUBE)
    cache = cache_of(app)
    working, cache.redis = cache.redis, redis.Redis(port=free_port(), socket_connect_timeout=0.5)
    try:
        for _ in range(2):
            assert alice.get(f"/api/v1/plans/{plan_id}").get_json()["id"] == plan_id
    finally:
        cache.redis = working


def test_planner_users_delete_reaches_the_cache(app: Flask, settings: Any, alice: Person) -> None:
    from click.testing import CliRunner

    from planner.cli import main
    from tests.conftest import worker_env

    plan_id = ready_plan(app, alice.id, KUBE)
    alice.get(f"/api/v1/plans/{plan_id}")
    assert alice.get("/api/v1/me").status_code == 200  # token and plan now cached
    out = CliRunner().invoke(main, ["users", "delete", alice.email, "--yes"],
                             env=worker_env(settings))
    assert out.exit_code == 0, out.output
    cache = cache_of(app)
    assert not cache.redis.exists(cache.prefix + f"plan:{plan_id}")
    assert alice.get("/api/v1/me").status_code == 401
