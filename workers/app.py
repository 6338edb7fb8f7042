"""The Celery app the workers run: ``celery -A workers.app worker``."""

from __future__ import annotations

import logging

from planner.config import Settings
from planner.logs import configure_logging
from planner.queue import make_celery

settings = Settings.from_env()
configure_logging(settings)
celery = make_celery(settings, include=["workers.tasks"])
logging.getLogger(__name__).debug("celery app ready for %s", settings.effective_redis_url)
