"""Fan-out to several providers, merge, failures, caching and duplicates, on a real worker."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from planner import candidates as merging
from planner.queue import BUILD, SEARCH, START
from planner.store import models as m
from planner.store.db import Database
from tests.pipeline.conftest import Stack, new_plan, wait_for, wait_plan
from tests.stubs.server import Fleet

pytestmark = pytest.mark.pipeline


def test_fan_out_merges_providers_and_keeps_shared_resources_once(
        db: Database, faults: Stack, fleet: Fleet) -> None:
    for name in ("stub_a", "stub_b", "stub_c"):
        fleet.set(name, delay=0.2, count=4)
    plan_id = new_plan(db, faults, ["stub_a", "stub_b", "stub_c", "catalog"], limit=4)
    snap = wait_plan(db, plan_id)
    assert snap["status"] == "ready", snap
    assert {n: r["status"] for n, r in snap["runs"].items()} == dict.fromkeys(
        ("catalog", "stub_a", "stub_b", "stub_c"), "ok")
    assert all(snap["runs"][n]["count"] == 8 for n in ("stub_a", "stub_b", "stub_c"))  # 2 goals
    with db.session() as s:
        plan = s.get(m.Plan, plan_id)
        assert plan is not None
        merged = merging.candidates(s, plan)
        again = merging.candidates(s, plan)
        stored = s.scalar(select(func.count()).select_from(m.PlanResource)
                          .where(m.PlanResource.plan_id == plan_id))
        items = [i for i in plan.items if i.resource]
    assert merged == again  # deterministic
    assert stored == sum(r["count"] for r in snap["runs"].values())
    for skill in ("kubernetes", "aws"):
        urls = [merging.url_key(r.url) for r in merged[skill]]
        assert len(urls) == len(set(urls))
        shared = [r for r in merged[skill] if "/shared/" in r.url]
        assert len(shared) == 1, [r.key for r in merged[skill]]
        # 3 stubs x 3 own courses + the shared one, plus what the catalog offers
        assert sum(1 for r in merged[skill] if r.provider.startswith("stub_")) == 10
    assert items and len({merging.url_key(i.resource["url"]) for i in items}) == len(items)


def test_failing_hanging_and_garbage_providers_give_a_partial_plan_with_reasons(
        db: Database, faults: Stack, fleet: Fleet) -> None:
    fleet.set("stub_a", delay=0.1)
    fleet.set("stub_d", mode="error")  # HTTP 500: retriable, retried, then given up
    fleet.set("stub_e", mode="hang")
    fleet.set("stub_f", mode="garbage")
    fleet.set("stub_g", mode="fatal")
    providers = ["stub_a", "stub_d", "stub_e", "stub_f", "stub_g"]
    plan_id = new_plan(db, faults, providers, limit=5)
    snap = wait_plan(db, plan_id)
    runs = snap["runs"]
    assert snap["status"] == "partial", snap
    assert runs["stub_a"]["status"] == "ok" and runs["stub_a"]["count"] > 0
    assert runs["stub_d"]["status"] == "failed" and "HTTP 500" in runs["stub_d"]["error"]
    assert runs["stub_d"]["attempts"] == 3  # the first try and two retries
    assert runs["stub_e"]["status"] == "timeout" and "no answer in 2s" in runs["stub_e"]["error"]
    assert runs["stub_f"]["status"] == "failed" and "documented shape" in runs["stub_f"]["error"]
    assert runs["stub_g"]["status"] == "failed" and "HTTP 403" in runs["stub_g"]["error"]
    assert runs["stub_g"]["attempts"] == 1  # fatal: not retried
    for name in ("stub_d", "stub_e", "stub_f", "stub_g"):
        assert f"{name}: " in snap["error"]
    assert "stub_a" not in snap["error"]
    assert snap["revision"] == 1


def test_no_provider_answering_fails_the_plan_with_reasons(
        db: Database, faults: Stack, fleet: Fleet) -> None:
    fleet.set("stub_f", mode="garbage")
    fleet.set("stub_g", mode="fatal")
    snap = wait_plan(db, new_plan(db, faults, ["stub_f", "stub_g"], limit=6))
    assert snap["status"] == "failed"
    assert snap["error"].startswith("no provider answered") and "stub_g: " in snap["error"]


def test_second_plan_for_the_same_skills_is_served_from_the_cache(
        db: Database, faults: Stack, fleet: Fleet) -> None:
    fleet.set("stub_h", delay=0.1)
    first = wait_plan(db, new_plan(db, faults, ["stub_h"], limit=7))
    asked = fleet.asked("stub_h")
    second = wait_plan(db, new_plan(db, faults, ["stub_h"], limit=7))
    assert first["status"] == second["status"] == "ready"
    assert fleet.asked("stub_h") == asked  # no provider call the second time
    assert second["runs"]["stub_h"]["cached"] == 2  # both goals
    assert second["runs"]["stub_h"]["count"] == first["runs"]["stub_h"]["count"]
    other = wait_plan(db, new_plan(db, faults, ["stub_h"], limit=6))  # other parameters
    assert other["runs"]["stub_h"]["cached"] == 0 and fleet.asked("stub_h") == asked + 2


def test_identical_plans_in_flight_share_one_provider_call(
        db: Database, faults: Stack, fleet: Fleet) -> None:
    fleet.set("stub_i", delay=1.0)
    before = fleet.asked("stub_i")
    plans = [new_plan(db, faults, ["stub_i"], limit=3) for _ in range(2)]
    snaps = [wait_plan(db, p) for p in plans]
    assert [s["status"] for s in snaps] == ["ready", "ready"]
    assert fleet.asked("stub_i") - before == 2  # one call per goal, not per plan
    # Each goal was asked once, by whichever plan took its lock first; the other plan got that
    # answer from the cache. Which plan wins each goal is a race ([0, 2] or [1, 1]).
    assert sum(s["runs"]["stub_i"]["cached"] for s in snaps) == 2


def test_tasks_delivered_twice_store_nothing_twice(
        db: Database, faults: Stack, fleet: Fleet) -> None:
    fleet.set("stub_b", delay=0.5)
    fleet.set("stub_c", delay=0.5)
    plan_id = new_plan(db, faults, ["stub_b", "stub_c"], limit=2)
    send = faults.celery.send_task
    send(START, args=[plan_id])  # a second delivery of the start, while the first is working
    wait_for(lambda: fleet.asked("stub_c") > 0, what="stub_c asked")
    send(SEARCH, args=[plan_id, "stub_b"])  # a provider call delivered again mid-flight
    snap = wait_plan(db, plan_id)
    counts = _counts(db, plan_id)
    for _ in range(2):  # and everything once more after the plan is done
        send(SEARCH, args=[plan_id, "stub_c"])
        send(BUILD, args=[[], plan_id])
        send(START, args=[plan_id])
    probe = new_plan(db, faults, ["stub_b"], limit=2)  # queued behind the duplicates
    wait_plan(db, probe)
    assert snap["status"] == "ready" and snap["revision"] == 1
    assert _counts(db, plan_id) == counts
    assert counts["plan_resources"] == sum(r["count"] for r in snap["runs"].values())
    assert counts["items"] == counts["items_rev1"] > 0
    assert snapshot_revision(db, plan_id) == 1


def _counts(db: Database, plan_id: str) -> dict[str, Any]:
    with db.session() as s:
        def count(model: Any, *where: Any) -> int:
            return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)
        return {
            "plan_resources": count(m.PlanResource, m.PlanResource.plan_id == plan_id),
            "items": count(m.RoadmapItem, m.RoadmapItem.plan_id == plan_id),
            "items_rev1": count(m.RoadmapItem, m.RoadmapItem.plan_id == plan_id,
                                m.RoadmapItem.revision == 1),
            "resources": count(m.Resource),
        }


def snapshot_revision(db: Database, plan_id: str) -> int:
    with db.session() as s:
        p = s.get(m.Plan, plan_id)
        assert p is not None
        return p.revision
