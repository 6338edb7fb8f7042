"""Recovery: a worker killed mid-plan, Redis restarted mid-plan, plans whose messages are lost."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from planner import pipeline
from planner.config import Settings
from planner.embedded import start_redis
from planner.store import models as m
from planner.store.db import Database
from tests.pipeline.conftest import make_stack, new_plan, snapshot, wait_for, wait_plan
from tests.stubs.server import Fleet
from tests.support import free_port

pytestmark = pytest.mark.pipeline


def test_plan_completes_on_a_second_worker_after_the_first_is_killed(
        db: Database, settings: Settings, fleet: Fleet, tmp_path: Path) -> None:
    # A short visibility timeout so the killed worker's unacknowledged tasks come back quickly.
    stack = make_stack(settings, fleet, tmp_path, "kill", provider_timeout=20.0,
                       plan_deadline=120.0, visibility_timeout=4.0)
    try:
        fleet.set("stub_a", delay=3.0)
        fleet.set("stub_b", delay=3.0)
        first = stack.worker("doomed", concurrency=3)
        before = fleet.asked("stub_a") + fleet.asked("stub_b")
        plan_id = new_plan(db, stack, ["stub_a", "stub_b", "catalog"], limit=3)
        wait_for(lambda: fleet.asked("stub_a") + fleet.asked("stub_b") - before >= 4,
                 what="both stubs asked by the first worker")
        first.kill()  # SIGKILL, pool and all, mid-call
        assert snapshot(db, plan_id)["status"] == "fetching"  # the dead finished nothing
        stack.worker("rescuer", concurrency=3)
        snap = wait_plan(db, plan_id, timeout=120)
        assert snap["status"] == "ready", snap
        assert snap["runs"]["stub_a"]["attempts"] >= 2 and snap["runs"]["stub_b"]["attempts"] >= 2
        assert snap["revision"] == 1
    finally:
        stack.close()


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[tuple[str, object]]:
    """A Redis of this test's own (the machine's is shared), which the test may restart."""
    port = free_port()
    holder = {"proc": start_redis(port, tmp_path / "redis")}

    def restart() -> None:
        holder["proc"].terminate()
        holder["proc"].wait(10)
        time.sleep(1.0)
        holder["proc"] = start_redis(port, tmp_path / "redis")

    yield f"redis://127.0.0.1:{port}/0", restart
    holder["proc"].terminate()
    holder["proc"].wait(10)


def test_plan_finishes_with_a_reason_when_redis_restarts_mid_plan(
        db: Database, settings: Settings, fleet: Fleet, tmp_path: Path,
        private_redis: tuple[str, object]) -> None:
    url, restart = private_redis
    stack = make_stack(settings, fleet, tmp_path, "redis", redis_url=url, provider_timeout=4.0,
                       plan_deadline=6.0, sweep_interval=1.0, sweep_grace=2.0)
    try:
        # An embedded beat runs the sweeper: the only thing that knows about the plan once
        # Redis has forgotten every message (this Redis keeps nothing across a restart).
        worker = stack.worker("survivor", concurrency=3,
                              extra=("-B", "-s", str(tmp_path / "beat-schedule")))
        fleet.set("stub_c", delay=2.0)
        before = fleet.asked("stub_c")
        plan_id = new_plan(db, stack, ["stub_c", "catalog"], limit=4)
        wait_for(lambda: fleet.asked("stub_c") > before, what="stub_c asked")
        restart()  # every queued message, the chord's counter and the deadline timer are gone
        # Celery/kombu 5.x may exit ("Unrecoverable error") when Redis drops while it holds
        # unacknowledged messages; deployments restart it (compose: restart: unless-stopped),
        # and so does this test, as that supervisor would.
        deadline = time.monotonic() + 120
        while (snap := snapshot(db, plan_id))["status"] in pipeline.RUNNING:
            assert time.monotonic() < deadline, f"plan hangs: {snap}"
            if worker.proc is not None and worker.proc.poll() is not None:
                worker.start("survivor")
            time.sleep(0.2)
        assert snap["status"] in ("ready", "partial", "failed")
        assert snap["status"] == "ready" or snap["error"]
        assert all(r["status"] != "waiting" for r in snap["runs"].values())
        assert snap["revision"] == 1 or snap["status"] == "failed"
    finally:
        stack.close()


def test_sweeper_finds_lost_plans_and_says_what_to_do(db: Database, settings: Settings,
                                                      fleet: Fleet, tmp_path: Path) -> None:
    stack = make_stack(settings, fleet, tmp_path, "sweep")
    try:
        ids = [new_plan(db, stack, ["catalog"], enqueue=False) for _ in range(5)]
        now = m.utcnow()
        with db.session() as s:
            def age(i: int, **values: object) -> None:
                s.execute(update(m.Plan).where(m.Plan.id == ids[i]).values(**values))
            age(0, created_at=now - timedelta(seconds=100))
            age(1, status="fetching", created_at=now - timedelta(seconds=100),
                deadline_at=now - timedelta(seconds=50))
            age(2, status="planning", created_at=now - timedelta(seconds=300),
                updated_at=now - timedelta(seconds=200))
            age(3, status="fetching", created_at=now - timedelta(seconds=5000))
            age(4, status="fetching", deadline_at=now + timedelta(seconds=30))  # on time
        found = {p: (action, reason) for p, action, reason in pipeline.stale_plans(
            db, grace=30, stale_after=3600, requeue_after=60)}
    finally:
        stack.close()
    assert {p: a for p, (a, _) in found.items()} == {
        ids[0]: "start", ids[1]: "finish", ids[2]: "build", ids[3]: "fail"}
    assert "stuck in fetching" in found[ids[3]][1]
