"""The Celery app the workers run: ``celery -A workers.app worker`` (and ``beat``)."""

from __future__ import annotations

import contextvars
import logging
from typing import Any

from celery import signals

from planner.config import Settings
from planner.logs import configure_logging
from planner.queue import make_celery

settings = Settings.from_env()
configure_logging(settings)
celery = make_celery(settings, include=["workers.tasks"])

# The plan a task works on, attached to every log record the task emits (structured logs).
_plan_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("plan_id", default=None)


class PlanIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        plan_id = _plan_id.get()
        if plan_id is not None and not hasattr(record, "plan_id"):
            record.plan_id = plan_id
        return True


for _handler in logging.getLogger().handlers:
    _handler.addFilter(PlanIdFilter())


@signals.task_prerun.connect
def _bind_plan_id(task: Any = None, args: Any = None, kwargs: Any = None, **_: Any) -> None:
    # Tasks take the plan id first, except the chord callback (results first, plan id second).
    args = list(args or ())
    plan_id = (kwargs or {}).get("plan_id")
    if plan_id is None and args:
        plan_id = args[0] if isinstance(args[0], str) else (args[1] if len(args) > 1 else None)
    _plan_id.set(plan_id if isinstance(plan_id, str) else None)


@signals.task_postrun.connect
def _unbind_plan_id(**_: Any) -> None:
    _plan_id.set(None)


logging.getLogger(__name__).debug("celery app ready for %s", settings.effective_redis_url)
