"""Pipeline-tier fixtures: stub providers on a local server, and workers on queues of their own.

Each stack gets its own queue (derived from the session's), so its workers, their settings and
their stub providers never mix with the session's shared ``worker`` or another engineer's run.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from celery import Celery

from planner import service
from planner.config import Settings
from planner.queue import enqueue_plan, make_celery
from planner.store import models as m
from planner.store.db import Database
from tests.stubs.server import NAMES, Fleet
from tests.support import Worker

KUBE = "We went with a candidate with more Kubernetes and AWS experience."


@dataclass
class Stack:
    """A queue with its settings, worker environment, Celery client and workers."""

    settings: Settings
    env: dict[str, str]
    logs: Path
    celery: Celery
    workers: list[Worker] = field(default_factory=list)

    def worker(self, name: str, concurrency: int = 4, extra: tuple[str, ...] = ()) -> Worker:
        w = Worker(self.env, self.logs / f"{name}.log", concurrency, extra).start(name)
        self.workers.append(w)
        return w

    def close(self) -> None:
        for w in self.workers:
            w.stop()
        self.celery.close()


@pytest.fixture(scope="session")
def fleet() -> Iterator[Fleet]:
    with Fleet() as f:
        yield f


def make_stack(settings: Settings, fleet: Fleet, logs: Path, suffix: str,
               **overrides: Any) -> Stack:
    """Settings for a new queue ``<session queue>-<suffix>``, with every stub provider allowed
    and pointed at ``fleet``; ``overrides`` are Settings fields (also passed to the workers)."""
    s = replace(settings, queue=f"{settings.queue}-{suffix}-{uuid.uuid4().hex[:6]}", **overrides)
    env = dict(os.environ)
    env.update(fleet.env())
    env.update(PLANNER_DATABASE_URL=s.database_url, PLANNER_REDIS_URL=s.redis_url,
               PLANNER_QUEUE=s.queue, PLANNER_DATA_DIR=str(s.data_dir),
               PLANNER_PROVIDERS=",".join(("catalog", *NAMES)))
    env.update({f"PLANNER_{k.upper()}": str(v) for k, v in overrides.items()})
    return Stack(s, env, logs, make_celery(s))


@pytest.fixture(scope="module")
def faults(settings: Settings, fleet: Fleet, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[Stack]:
    """One worker with short provider timeouts, for fan-out, failure and duplicate tests."""
    stack = make_stack(settings, fleet, tmp_path_factory.mktemp("faults"), "faults",
                       provider_timeout=2.0, plan_deadline=30.0)
    stack.worker("faults", concurrency=4)
    yield stack
    stack.close()


def new_plan(db: Database, stack: Stack, providers: list[str], *, text: str = KUBE,
             limit: int = 8, budget: float | None = None, enqueue: bool = True) -> str:
    """Store feedback and a queued plan asking ``providers``, and send it to the workers."""
    with db.session() as s:
        owner = service.local_owner(s)
        rej = service.add_rejection(s, owner.id, text)
        params = service.PlanParams(6.0, date(2027, 1, 4), None, budget, limit)
        plan_id = service.start_plan(s, rej, params, providers).id
    if enqueue:
        enqueue_plan(stack.celery, plan_id)
    return plan_id


def snapshot(db: Database, plan_id: str) -> dict[str, Any]:
    with db.session() as s:
        p = s.get(m.Plan, plan_id)
        assert p is not None
        return {
            "status": p.status, "error": p.error, "revision": p.revision,
            "runs": {r.provider: {"status": r.status, "error": r.error, "count": r.count,
                                  "attempts": r.attempts, "cached": r.cached}
                     for r in p.runs},
        }


def wait_plan(db: Database, plan_id: str, timeout: float = 90, until: tuple[str, ...] = (
        "ready", "partial", "failed")) -> dict[str, Any]:
    """Poll the database until the plan reaches one of ``until``; return its snapshot."""
    deadline = time.monotonic() + timeout
    while True:
        snap = snapshot(db, plan_id)
        if snap["status"] in until:
            return snap
        if time.monotonic() > deadline:
            raise AssertionError(f"plan still {snap['status']} after {timeout}s: {snap}")
        time.sleep(0.1)


def wait_for(check: Any, timeout: float = 60, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not reached in {timeout}s")
        time.sleep(0.05)
