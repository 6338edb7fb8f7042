"""``/metrics``: Prometheus text format, computed at scrape time from the database and Redis.

Counting from the stored plans and provider runs (not from in-process counters) gives the same
answer whichever API process is scraped and however many workers there are, with no extra
dependency. Provider latency is a histogram over every stored run.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import Blueprint, Response
from sqlalchemy import case, func, select

from planner.extensions import celery_client, services, settings
from planner.store import models as m

bp = Blueprint("metrics", __name__)
BUCKETS_MS = (100, 250, 500, 1000, 2500, 5000, 10000, 30000)
STATUSES = ("queued", "fetching", "planning", "ready", "partial", "failed")


@bp.get("/metrics")
def metrics() -> Response:
    lines = [*_plans(), *_providers(), *_queues()]
    return Response("\n".join(lines) + "\n", mimetype="text/plain; version=0.0.4")


def _plans() -> Iterable[str]:
    with services().db.session() as s:
        counts = dict(s.execute(select(m.Plan.status, func.count()).group_by(m.Plan.status)).all())
    yield "# HELP planner_plans Plans by status."
    yield "# TYPE planner_plans gauge"
    for status in sorted(set(STATUSES) | set(counts)):
        yield f'planner_plans{{status="{status}"}} {counts.get(status, 0)}'


def _providers() -> Iterable[str]:
    r = m.ProviderRun
    buckets = [func.sum(case((r.latency_ms <= b, 1), else_=0)) for b in BUCKETS_MS]
    with services().db.session() as s:
        outcomes = s.execute(select(r.provider, r.status, func.count())
                             .group_by(r.provider, r.status)).all()
        latency = s.execute(select(r.provider, func.count(), func.sum(r.latency_ms), *buckets)
                            .where(r.latency_ms.is_not(None)).group_by(r.provider)).all()
    yield "# HELP planner_provider_runs_total Provider calls by outcome (ok, failed, timeout)."
    yield "# TYPE planner_provider_runs_total counter"
    for provider, status, n in sorted(outcomes):
        yield f'planner_provider_runs_total{{provider="{provider}",status="{status}"}} {n}'
    yield "# HELP planner_provider_errors_total Provider calls that failed or timed out."
    yield "# TYPE planner_provider_errors_total counter"
    errors: dict[str, int] = {}
    for provider, status, n in outcomes:
        errors[provider] = errors.get(provider, 0) + (n if status in ("failed", "timeout") else 0)
    for provider, n in sorted(errors.items()):
        yield f'planner_provider_errors_total{{provider="{provider}"}} {n}'
    yield "# HELP planner_provider_latency_seconds Time a provider took to answer a plan."
    yield "# TYPE planner_provider_latency_seconds histogram"
    for provider, count, total, *cum in sorted(latency):
        for b, n in zip(BUCKETS_MS, cum, strict=True):
            yield (f'planner_provider_latency_seconds_bucket{{provider="{provider}",'
                   f'le="{b / 1000:g}"}} {int(n or 0)}')
        yield f'planner_provider_latency_seconds_bucket{{provider="{provider}",le="+Inf"}} {count}'
        yield f'planner_provider_latency_seconds_sum{{provider="{provider}"}} {(total or 0) / 1000}'
        yield f'planner_provider_latency_seconds_count{{provider="{provider}"}} {count}'


def _queues() -> Iterable[str]:
    cfg = settings()
    yield "# HELP planner_queue_depth Messages waiting in a Celery queue (-1: Redis unreachable)."
    yield "# TYPE planner_queue_depth gauge"
    for queue in (cfg.queue, cfg.effective_provider_queue):
        yield f'planner_queue_depth{{queue="{queue}"}} {_depth(queue)}'


def _depth(queue: str) -> int:
    try:
        with celery_client().connection_for_read() as conn:
            client = conn.default_channel.client
            # kombu keeps one Redis list per queue and priority step (``queue``, ``queue\x06\x163``,
            # ...); the plain name holds default-priority messages, which is all we send.
            return int(client.llen(queue))
    except Exception:  # noqa: BLE001 - a scrape must answer even when Redis does not
        return -1
