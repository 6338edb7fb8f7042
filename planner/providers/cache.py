"""Lazy Redis connection and the provider response cache (TTL, JSON values).

Nothing connects at import time. When Redis is unreachable the cache is a no-op and the
caller carries on uncached; the failure is remembered for a while so each request does not
pay another connect timeout.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from typing import Any

import redis

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
RETRY_AFTER_FAILURE = 30.0  # seconds before trying an unreachable Redis again

log = logging.getLogger(__name__)
_lock = threading.Lock()
_clients: dict[str, redis.Redis] = {}
_down_until: dict[str, float] = {}


def redis_url() -> str:
    """The Redis URL providers use: ``PLANNER_REDIS_URL``, read at call time."""
    return os.environ.get("PLANNER_REDIS_URL") or DEFAULT_REDIS_URL


def get_redis(url: str | None = None) -> redis.Redis | None:
    """A shared client for ``url`` (default :func:`redis_url`), or None while Redis is down."""
    url = url or redis_url()
    with _lock:
        if _down_until.get(url, 0.0) > time.monotonic():
            return None
        client = _clients.get(url)
    if client is not None:
        return client
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=1.0)
        client.ping()
    except (redis.RedisError, OSError, ValueError) as exc:
        log.warning("redis unavailable at %s (%s); providers run without cache", _safe(url), exc)
        mark_down(url)
        return None
    with _lock:
        _clients[url] = client
    return client


def mark_down(url: str | None = None) -> None:
    """Treat Redis at ``url`` as unreachable for a while (after an error mid-use)."""
    url = url or redis_url()
    with _lock:
        _clients.pop(url, None)
        _down_until[url] = time.monotonic() + RETRY_AFTER_FAILURE


def reset_connections() -> None:
    """Forget clients and failures (tests, and after a fork)."""
    with _lock:
        _clients.clear()
        _down_until.clear()


def _safe(url: str) -> str:
    # Redis URLs may carry a password: log only scheme, host and db.
    return url.split("@")[-1]


class ResponseCache:
    """JSON responses keyed by request, kept in Redis for ``ttl`` seconds.

    Args:
        namespace: usually the provider name; keys are ``planner:http:<namespace>:<sha256>``.
        ttl: seconds to keep an entry; 0 or less disables the cache.
        url: Redis URL (default :func:`redis_url` at first use).
    """

    def __init__(self, namespace: str, ttl: float, url: str | None = None) -> None:
        self.namespace = namespace
        self.ttl = ttl
        self.url = url

    @property
    def enabled(self) -> bool:
        """False when the TTL disables caching."""
        return self.ttl > 0

    def key(self, *parts: object) -> str:
        """Redis key for a request described by ``parts``."""
        digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()
        return f"planner:http:{self.namespace}:{digest}"

    def get(self, key: str) -> Any | None:
        """The cached value, or None on a miss, when disabled or when Redis is down."""
        client = get_redis(self.url) if self.enabled else None
        if client is None:
            return None
        try:
            raw = client.get(key)
        except redis.RedisError:
            mark_down(self.url)
            return None
        if raw is None:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return None

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` (JSON-able) for ``ttl`` seconds; silently skipped when Redis is down."""
        client = get_redis(self.url) if self.enabled else None
        if client is None:
            return
        try:
            client.set(key, json.dumps(value), px=max(1, int(self.ttl * 1000)))
        except redis.RedisError:
            mark_down(self.url)
