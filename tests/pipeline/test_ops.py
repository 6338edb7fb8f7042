"""Operations: readiness with a real worker, and the Prometheus metrics endpoint."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import replace

import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import update

from planner import create_app
from planner.config import Settings
from planner.queue import SWEEP
from planner.store import models as m
from planner.store.db import Database
from tests.pipeline.conftest import make_stack, new_plan
from tests.stubs.server import Fleet
from tests.support import Worker

pytestmark = pytest.mark.pipeline
SAMPLE = re.compile(r'^([a-z_]+)(?:\{([^}]*)\})? (-?[0-9.e+]+)$')


def parse(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    out = {}
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        match = SAMPLE.match(line)
        assert match, f"not Prometheus text format: {line!r}"
        name, labels, value = match.groups()
        pairs = frozenset(tuple(p.split("=", 1)) for p in (labels or "").split(",") if p)
        out[(name, frozenset((k, v.strip('"')) for k, v in pairs))] = float(value)
    return out


@pytest.fixture
def quiet_app(settings: Settings, db: Database) -> Iterator[Flask]:
    """The app on a queue no worker reads, so messages sent there stay to be counted."""
    s = replace(settings, queue=f"{settings.queue}-quiet-{uuid.uuid4().hex[:6]}")
    app = create_app({"SETTINGS": s, "TESTING": True})
    yield app
    redis.Redis.from_url(s.redis_url).delete(s.queue, s.effective_provider_queue)
    app.extensions["planner"].db.dispose()


def test_readyz_sees_database_redis_and_a_worker(client: FlaskClient, worker: Worker) -> None:
    body = client.get("/readyz")
    assert body.status_code == 200, body.get_json()
    assert body.get_json()["checks"]["workers"].endswith("answering")
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_metrics_count_plans_provider_outcomes_latency_and_queue_depth(
        quiet_app: Flask, db: Database, settings: Settings, fleet: Fleet, tmp_path: object) -> None:
    stack = make_stack(settings, fleet, tmp_path, "metrics")  # type: ignore[arg-type]
    try:
        ids = [new_plan(db, stack, ["stub_a", "stub_b"], enqueue=False) for _ in range(3)]
    finally:
        stack.close()
    with db.session() as s:
        s.execute(update(m.Plan).where(m.Plan.id == ids[0]).values(status="ready"))
        s.execute(update(m.ProviderRun).where(m.ProviderRun.plan_id == ids[0],
                                              m.ProviderRun.provider == "stub_a")
                  .values(status="ok", latency_ms=300))
        s.execute(update(m.ProviderRun).where(m.ProviderRun.plan_id == ids[0],
                                              m.ProviderRun.provider == "stub_b")
                  .values(status="timeout", latency_ms=2000))
    celery = quiet_app.extensions["planner"].celery
    for _ in range(3):
        celery.send_task(SWEEP)
    # Scraped over HTTP without signing in, as Prometheus would.
    resp = quiet_app.test_client().get("/metrics")
    assert resp.status_code == 200 and resp.mimetype == "text/plain"
    got = parse(resp.get_data(as_text=True))
    queue = quiet_app.extensions["planner"].settings.queue

    def val(name: str, **labels: str) -> float:
        return got[(name, frozenset(labels.items()))]

    assert val("planner_plans", status="ready") == 1 and val("planner_plans", status="queued") == 2
    assert val("planner_plans", status="failed") == 0
    assert val("planner_provider_runs_total", provider="stub_a", status="waiting") == 2
    assert val("planner_provider_errors_total", provider="stub_b") == 1
    assert val("planner_provider_errors_total", provider="stub_a") == 0
    assert val("planner_provider_latency_seconds_bucket", provider="stub_a", le="0.25") == 0
    assert val("planner_provider_latency_seconds_bucket", provider="stub_a", le="0.5") == 1
    assert val("planner_provider_latency_seconds_sum", provider="stub_b") == 2.0
    assert val("planner_queue_depth", queue=queue) == 3
    assert val("planner_queue_depth", queue=f"{queue}.providers") == 0
