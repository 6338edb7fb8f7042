"""Celery configuration shared by the API (which only sends) and the workers (which run)."""

from __future__ import annotations

import logging
from typing import Any

from celery import Celery

from planner.config import Settings

log = logging.getLogger(__name__)

# Task names are part of the wire format between API and workers of different versions: stable.
START, SEARCH, BUILD, DEADLINE, SWEEP = (
    "planner.plan.start", "planner.provider.search", "planner.plan.build",
    "planner.plan.deadline", "planner.plan.sweep")


def task_limits(settings: Settings) -> dict[str, tuple[float, float]]:
    """(soft, hard) time limits per task, in seconds; the visibility timeout must exceed them."""
    t = settings.provider_timeout
    return {START: (30, 60), SEARCH: (t + 2, t + 5), BUILD: (90, 120), DEADLINE: (90, 120),
            SWEEP: (60, 90)}


def make_celery(settings: Settings, include: list[str] | None = None) -> Celery:
    url = settings.effective_redis_url
    app = Celery("planner", broker=url, backend=url, include=include or [])
    visibility = settings.visibility_timeout
    longest = max(hard for _, hard in task_limits(settings).values())
    if visibility <= longest:
        log.warning("visibility_timeout %gs does not exceed the longest task limit %gs: a slow "
                    "task may be delivered twice while it runs", visibility, longest)
    transport = {
        "visibility_timeout": visibility,
        # Look for messages a dead worker held every few seconds (kombu's default is ~100 s), so
        # recovery after a killed worker takes about visibility_timeout, not minutes more.
        "unacked_restore_interval": max(1, min(10, int(visibility // 4))),
        "unacked_restore_throttle": 1,
        # A publish to a Redis that vanished without closing the socket must not hang forever.
        "socket_timeout": 10, "socket_connect_timeout": 5,
    }
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_acks_late=True,  # tasks are idempotent: re-run after a crash rather than lose them
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_transport_options=transport,
        result_backend_transport_options={"visibility_timeout": visibility},
        result_expires=24 * 3600,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,  # a Redis restart is waited out, not fatal
        # Tasks running when Redis drops finish and store their outcome in the database; the
        # sweeper resumes the plan if their messages were lost with Redis.
        worker_cancel_long_running_tasks_on_connection_loss=False,
        worker_hijack_root_logger=False,
        task_default_queue=settings.queue,
        task_routes={SEARCH: {"queue": settings.effective_provider_queue}},
        beat_schedule={"sweep-stale-plans": {
            "task": SWEEP, "schedule": settings.sweep_interval,
            "options": {"queue": settings.queue, "expires": settings.sweep_interval}}},
    )
    return app


def enqueue_plan(celery: Celery, plan_id: str, **options: Any) -> None:
    """Ask the workers to run a plan's pipeline."""
    celery.send_task(START, args=[plan_id], **options)
