"""Celery configuration shared by the API (which only sends) and the workers (which run)."""

from __future__ import annotations

from typing import Any

from celery import Celery

from planner.config import Settings

# Broker redelivers an unacknowledged task after this many seconds; it must exceed every task's
# hard time limit, or a long task would run twice while the first run is still going.
VISIBILITY_TIMEOUT = 3600


def make_celery(settings: Settings, include: list[str] | None = None) -> Celery:
    url = settings.effective_redis_url
    app = Celery("planner", broker=url, backend=url, include=include or [])
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_acks_late=True,  # tasks are idempotent: re-run after a crash rather than lose them
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_transport_options={"visibility_timeout": VISIBILITY_TIMEOUT},
        result_backend_transport_options={"visibility_timeout": VISIBILITY_TIMEOUT},
        result_expires=24 * 3600,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        task_default_queue=settings.queue,
    )
    return app


def enqueue_plan(celery: Celery, plan_id: str, **options: Any) -> None:
    """Ask the workers to run a plan's pipeline."""
    celery.send_task("planner.plan.start", args=[plan_id], **options)
