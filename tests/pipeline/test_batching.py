"""Batched provider calls on a real worker: a provider whose API takes several goals in one
request is asked once per plan, and a failing batch fails only that provider."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from planner.config import Settings
from planner.store import models as m
from planner.store.db import Database
from tests.pipeline.conftest import Stack, make_stack, new_plan, wait_plan
from tests.stubs.server import Fleet

pytestmark = pytest.mark.pipeline
BATCHING = ("stub_a", "stub_b", "stub_d", "stub_e")  # the others ask one goal per call


@pytest.fixture(scope="module")
def batching(settings: Settings, fleet: Fleet, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[Stack]:
    stack = make_stack(settings, fleet, tmp_path_factory.mktemp("batching"), "batching",
                       provider_timeout=2.0, plan_deadline=30.0)
    stack.env.update({f"PLANNER_{n.upper()}_BATCH": "5" for n in BATCHING})
    stack.worker("batching", concurrency=4)
    yield stack
    stack.close()


def test_a_batching_provider_is_asked_once_for_all_goals(
        db: Database, batching: Stack, fleet: Fleet) -> None:
    for name in ("stub_a", "stub_b", "stub_c"):
        fleet.set(name, delay=0.1, count=4)
    before = dict(fleet.requests)
    plan_id = new_plan(db, batching, ["stub_a", "stub_b", "stub_c"], limit=4)
    snap = wait_plan(db, plan_id)
    assert snap["status"] == "ready", snap
    calls = {n: fleet.requests[n] - before.get(n, 0) for n in ("stub_a", "stub_b", "stub_c")}
    assert calls == {"stub_a": 1, "stub_b": 1, "stub_c": 2}  # two goals: batched, or one each
    assert all(snap["runs"][n]["count"] == 8 for n in calls)  # four per goal, both goals
    with db.session() as s:
        by_goal = set(s.execute(
            select(m.PlanResource.skill_id, m.Resource.provider)
            .join(m.Resource, m.Resource.id == m.PlanResource.resource_id)
            .where(m.PlanResource.plan_id == plan_id)).all())
    assert by_goal == {(g, n) for g in ("kubernetes", "aws") for n in calls}

    again = wait_plan(db, new_plan(db, batching, ["stub_a"], limit=4))
    assert again["runs"]["stub_a"]["cached"] == 2 and fleet.requests["stub_a"] == (
        before.get("stub_a", 0) + 1)  # both goals from the cache: no call


def test_a_failing_batch_fails_only_its_provider_with_the_reason(
        db: Database, batching: Stack, fleet: Fleet) -> None:
    fleet.set("stub_b", delay=0.05, count=3)
    fleet.set("stub_d", mode="garbage")
    fleet.set("stub_e", mode="hang")
    before = fleet.requests["stub_d"]
    snap = wait_plan(db, new_plan(db, batching, ["stub_b", "stub_d", "stub_e"], limit=3))
    runs = snap["runs"]
    assert snap["status"] == "partial", snap
    assert runs["stub_b"]["status"] == "ok" and runs["stub_b"]["count"] == 6
    assert runs["stub_d"]["status"] == "failed" and "documented shape" in runs["stub_d"]["error"]
    assert runs["stub_d"]["attempts"] == 1 and fleet.requests["stub_d"] == before + 1
    assert runs["stub_e"]["status"] == "timeout" and "no answer in 2s" in runs["stub_e"]["error"]
