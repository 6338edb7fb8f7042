"""Fixed-window rate limits in Redis, shared by every web process: 429 with Retry-After."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from dataclasses import dataclass, fields
from typing import Any

import redis

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """Requests allowed per window: PLANNER_RATE_LIMIT_<NAME> or app config RATE_LIMITS."""

    # Every request from one address, per minute: a household behind one NAT stays well under.
    ip_per_minute: int = 600
    # Every request of one signed-in person, per minute (pages poll every 2 s: 30).
    user_per_minute: int = 300
    # Requests that start work (feedback, plans, tokens, sign-up) per person or address, per minute.
    writes_per_minute: int = 20
    # Failed sign-ins per account and per address in 15 minutes before sign-in pauses.
    sign_in_failures_per_account: int = 5
    sign_in_failures_per_ip: int = 20
    # New accounts from one address per hour.
    sign_ups_per_hour: int = 10

    @classmethod
    def load(cls, overrides: dict[str, Any] | None = None,
             env: dict[str, str] | None = None) -> Limits:
        env = dict(os.environ if env is None else env)
        kw: dict[str, int] = {}
        for f in fields(cls):
            raw = env.get(f"PLANNER_RATE_LIMIT_{f.name.upper()}")
            if raw:
                kw[f.name] = int(raw)
        kw.update(overrides or {})
        return cls(**kw)


class RateLimited(Exception):
    def __init__(self, retry_after: int, scope: str) -> None:
        super().__init__(scope)
        self.retry_after, self.scope = max(1, retry_after), scope


class Limiter:
    """Counts hits in Redis. When Redis is down general limits let requests through (logged),
    while the sign-in throttle refuses (fails closed)."""

    def __init__(self, url: str, prefix: str, limits: Limits) -> None:
        self.redis = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.prefix, self.limits = prefix, limits

    def _key(self, name: str, window: int, now: int) -> str:
        return f"{self.prefix}{name}:{now // window}"

    def hit(self, checks: list[tuple[str, int, int]]) -> None:
        """Count one hit on each (name, limit, window seconds); raise RateLimited if any is over."""
        now = int(time.time())
        pipe = self.redis.pipeline(transaction=False)
        for name, _limit, window in checks:
            key = self._key(name, window, now)
            pipe.incr(key)
            pipe.expire(key, window + 1)
        try:
            counts = pipe.execute()[::2]
        except redis.RedisError as exc:
            log.warning("rate limits not enforced, Redis unreachable: %s", type(exc).__name__)
            return
        for (name, limit, window), count in zip(checks, counts, strict=True):
            if count > limit:
                raise RateLimited(window - now % window, name.split(":", 1)[0])

    def failures(self, names: list[tuple[str, int]], window: int = 900) -> None:
        """Raise RateLimited if any failure counter is at its limit (RedisError propagates)."""
        now = int(time.time())
        values = self.redis.mget([self._key(n, window, now) for n, _ in names])
        for (name, limit), value in zip(names, values, strict=True):
            if value is not None and int(value) >= limit:
                raise RateLimited(window - now % window, name.split(":", 1)[0])

    def fail(self, names: list[str], window: int = 900) -> None:
        now = int(time.time())
        pipe = self.redis.pipeline(transaction=False)
        for name in names:
            key = self._key(name, window, now)
            pipe.incr(key)
            pipe.expire(key, window + 1)
        pipe.execute()

    def forget(self, name: str, window: int = 900) -> None:
        self.redis.delete(self._key(name, window, int(time.time())))


def anonymised(value: str) -> str:
    """Keys carry a hash, not an email address, so Redis holds no personal data."""
    return hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()[:32]
