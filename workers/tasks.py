"""Thin tasks: ids in, call the pipeline, return a small record.

The canvas: ``planner.plan.start`` fans out one ``planner.provider.search`` per provider (on the
provider queue), joined by the chord callback ``planner.plan.build``; it also schedules
``planner.plan.deadline``, which builds from what has arrived if the chord is late. Beat runs
``planner.plan.sweep``, which resumes or fails plans whose messages were lost. Every task is
idempotent, so late acknowledgement may re-run any of them after a crash.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

import redis
from celery import chord
from celery.exceptions import SoftTimeLimitExceeded

from planner import pipeline
from planner.providers import Registry, RetriableProviderError, load_registry
from planner.queue import BUILD, DEADLINE, SEARCH, START, SWEEP, task_limits
from planner.store.db import Database
from workers.app import celery, settings
from workers.cache import SharedSearch

log = logging.getLogger(__name__)
LIMITS = task_limits(settings)


@cache
def db() -> Database:
    return Database(settings.database_url)


@cache
def registry() -> Registry:
    return load_registry()


@cache
def redis_client() -> redis.Redis:
    return redis.Redis.from_url(settings.effective_redis_url, socket_timeout=2,
                                socket_connect_timeout=2)


@celery.task(name=START, soft_time_limit=LIMITS[START][0], time_limit=LIMITS[START][1])
def start_plan(plan_id: str) -> None:
    """Fan out one search per waiting provider, joined by the roadmap builder; arm the deadline.

    Run again (a duplicate or a resume), it fans out only the providers still waiting.
    """
    waiting = pipeline.mark_fetching(db(), plan_id, settings.plan_deadline)
    if waiting is None:
        return
    callback = build_plan.s(plan_id)
    if waiting:
        log.info("plan %s: asking %d providers", plan_id, len(waiting),
                 extra={"plan_id": plan_id})
        chord(search_provider.s(plan_id, name) for name in waiting)(callback)
    else:
        callback.delay([])
    # Armed after the fan-out, which is what the plan waits on; if this task dies in between,
    # its redelivery (late ack) or the sweeper arms it.
    deadline_plan.apply_async((plan_id,), countdown=settings.plan_deadline)


@celery.task(
    name=SEARCH, bind=True,
    soft_time_limit=LIMITS[SEARCH][0], time_limit=LIMITS[SEARCH][1],
    # The chord collects each answer on its own counter; a second copy under the task id
    # would be one more Redis write per provider that nobody reads.
    ignore_result=True,
    autoretry_for=(RetriableProviderError,), max_retries=settings.provider_retries,
    retry_backoff=1, retry_backoff_max=30, retry_jitter=True,
)
def search_provider(self: Any, plan_id: str, provider: str) -> dict[str, Any]:
    """One provider's search for every goal of a plan; returns a record, never fails the chord.

    A retriable error is raised (and retried by the decorator's policy) only while retries are
    left; the last attempt stores the failure instead.
    """
    may_retry = self.request.retries < settings.provider_retries
    try:
        out = pipeline.fetch_provider(
            db(), registry(), plan_id, provider, timeout=settings.provider_timeout,
            search=SharedSearch(redis_client(), settings.result_cache_ttl, settings.queue),
            may_retry=may_retry)
    except SoftTimeLimitExceeded:
        reason = f"timed out after {LIMITS[SEARCH][0]:g}s"
        return pipeline.record_run(db(), plan_id, provider, [], reason, None, status="timeout")
    if out["status"] == "retry":
        log.info("provider %s: retrying for plan %s: %s", provider, plan_id, out["error"],
                 extra={"plan_id": plan_id, "provider": provider})
        raise RetriableProviderError(str(out["error"]), out.get("retry_after"))
    return out


@celery.task(name=BUILD, soft_time_limit=LIMITS[BUILD][0], time_limit=LIMITS[BUILD][1])
def build_plan(results: list[dict[str, Any]], plan_id: str) -> str | None:
    """Plan and store the roadmap from what the providers stored."""
    return _build(plan_id)


@celery.task(name=DEADLINE, soft_time_limit=LIMITS[DEADLINE][0], time_limit=LIMITS[DEADLINE][1])
def deadline_plan(plan_id: str) -> float | str | None:
    """At the plan deadline, build from what has arrived (nothing, if the plan is done)."""
    try:
        left = pipeline.finish_if_due(db(), plan_id)
    except Exception as exc:
        pipeline.fail_plan(db(), plan_id, f"planning failed: {type(exc).__name__}: {exc}")
        raise
    if isinstance(left, float):  # delivered early (a redelivery or a resume): wait the rest
        deadline_plan.apply_async((plan_id,), countdown=left)
    return left


@celery.task(name=SWEEP, soft_time_limit=LIMITS[SWEEP][0], time_limit=LIMITS[SWEEP][1])
def sweep() -> list[tuple[str, str, str]]:
    """Resume or fail plans the normal path lost (beat runs this every ``sweep_interval``)."""
    lock = redis_client().set(f"planner:sweep:{settings.queue}:lock", "1", nx=True,
                              ex=max(1, int(settings.sweep_interval)))
    if not lock:  # another beat's sweep is running: one is enough
        return []
    found = pipeline.stale_plans(
        db(), grace=settings.sweep_grace, stale_after=settings.plan_stale_after,
        requeue_after=settings.sweep_grace)
    once = max(settings.sweep_grace, settings.sweep_interval) * 4
    for plan_id, action, reason in found:
        # Re-send each plan's step at most once a while, so a long queue is not flooded with
        # copies of plans that are merely waiting their turn.
        key = f"planner:sweep:{settings.queue}:{plan_id}"
        if action != "fail" and not redis_client().set(key, action, nx=True,
                                                        ex=max(1, int(once))):
            continue
        log.warning("sweeper: plan %s: %s (%s)", plan_id, action, reason,
                    extra={"plan_id": plan_id})
        if action == "start":
            start_plan.delay(plan_id)
        elif action == "finish":
            deadline_plan.delay(plan_id)
        elif action == "build":
            build_plan.delay([], plan_id)
        else:
            pipeline.fail_plan(db(), plan_id, reason)
    return found


def _build(plan_id: str) -> str | None:
    try:
        return pipeline.build_roadmap(db(), plan_id)
    except Exception as exc:
        pipeline.fail_plan(db(), plan_id, f"planning failed: {type(exc).__name__}: {exc}")
        raise
