"""Thin tasks: ids in, call the pipeline, return a small record."""

from __future__ import annotations

from functools import cache
from typing import Any

from celery import chord
from celery.exceptions import SoftTimeLimitExceeded

from planner import pipeline
from planner.providers import Registry, load_registry
from planner.store.db import Database
from workers.app import celery, settings

PROVIDER_SOFT_LIMIT = settings.provider_timeout
PROVIDER_HARD_LIMIT = settings.provider_timeout + 10


@cache
def db() -> Database:
    return Database(settings.database_url)


@cache
def registry() -> Registry:
    return load_registry()


@celery.task(name="planner.plan.start", time_limit=60)
def start_plan(plan_id: str) -> None:
    """Fan out one search task per provider, joined by the roadmap builder."""
    providers = pipeline.mark_fetching(db(), plan_id)
    if providers is None:
        return
    callback = build_plan.s(plan_id)
    if not providers:
        callback.delay([])
        return
    chord(search_provider.s(plan_id, name) for name in providers)(callback)


@celery.task(
    name="planner.provider.search",
    soft_time_limit=PROVIDER_SOFT_LIMIT,
    time_limit=PROVIDER_HARD_LIMIT,
)
def search_provider(plan_id: str, provider: str) -> dict[str, Any]:
    """One provider's search for every goal of a plan; returns a record, never raises."""
    try:
        return pipeline.fetch_provider(db(), registry(), plan_id, provider)
    except SoftTimeLimitExceeded:
        reason = f"timed out after {PROVIDER_SOFT_LIMIT:g}s"
        return pipeline.record_run(db(), plan_id, provider, [], reason, None, status="timeout")


@celery.task(name="planner.plan.build", time_limit=120)
def build_plan(results: list[dict[str, Any]], plan_id: str) -> str | None:
    """Plan and store the roadmap from what the providers stored."""
    try:
        return pipeline.build_roadmap(db(), plan_id)
    except Exception as exc:
        pipeline.fail_plan(db(), plan_id, f"planning failed: {type(exc).__name__}: {exc}")
        raise
