"""Rate limits: a provider declares one; every worker shares it through Redis.

The limiter is a sliding-window log in a Redis sorted set, updated atomically by a Lua script
that uses the Redis server clock, so all workers agree. Without Redis it falls back to a
per-process window (each process then gets the full allowance: degraded, not broken).
"""

from __future__ import annotations

import collections
import re
import threading
import time
import uuid
from dataclasses import dataclass

import redis

from planner.providers.cache import get_redis, mark_down

_UNITS = {"s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "hour": 3600.0, "d": 86400.0}
_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d*\.?\d*)\s*([a-z]+)\s*$")

# KEYS: window zset, block key. ARGV: calls, window ms, member. Returns ms to wait (0 = go).
_ACQUIRE = """
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return blocked end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + tonumber(ARGV[2]) - now)
"""


@dataclass(frozen=True)
class RateLimit:
    """At most ``calls`` requests per ``per_seconds``, across all workers.

    Attributes:
        calls: requests allowed in one window.
        per_seconds: window length in seconds.
    """

    calls: int
    per_seconds: float

    @classmethod
    def parse(cls, spec: str) -> RateLimit:
        """Read ``"10/m"``, ``"30/min"``, ``"5/s"``, ``"100/h"`` or ``"2/10s"``.

        Raises:
            ValueError: for anything else.
        """
        m = _SPEC.match(spec.lower())
        if not m or m.group(3) not in _UNITS or int(m.group(1)) < 1:
            raise ValueError(f"bad rate limit {spec!r}: use e.g. '10/m', '5/s', '100/h'")
        per = float(m.group(2) or 1) * _UNITS[m.group(3)]
        if per <= 0:
            raise ValueError(f"bad rate limit {spec!r}: window must be positive")
        return cls(int(m.group(1)), per)

    def __str__(self) -> str:
        return f"{self.calls}/{self.per_seconds:g}s"


class RateLimiter:
    """Shared limiter for one provider.

    Args:
        key: identifies the budget, normally the provider name.
        limit: the allowance.
        redis_url: Redis to share it through (default ``PLANNER_REDIS_URL``).
    """

    def __init__(self, key: str, limit: RateLimit, redis_url: str | None = None) -> None:
        self.key = key
        self.limit = limit
        self.redis_url = redis_url
        self._local = _LocalWindow(limit)

    @property
    def _keys(self) -> list[str]:
        return [f"planner:ratelimit:{self.key}", f"planner:ratelimit:{self.key}:blocked"]

    def acquire(self) -> float:
        """Take one call from the budget.

        Returns:
            0.0 when the call may go ahead now, else seconds until one is free (nothing taken).
        """
        client = get_redis(self.redis_url)
        if client is None:
            return self._local.acquire()
        try:
            ms = client.eval(
                _ACQUIRE,
                2,
                *self._keys,
                self.limit.calls,
                int(self.limit.per_seconds * 1000),
                uuid.uuid4().hex,
            )
        except redis.RedisError:
            mark_down(self.redis_url)
            return self._local.acquire()
        return float(ms) / 1000.0

    def block(self, seconds: float) -> None:
        """Refuse every call, in every worker, for ``seconds`` (the server said it is exhausted)."""
        client = get_redis(self.redis_url)
        if client is None:
            self._local.block(seconds)
            return
        try:
            client.set(self._keys[1], "1", px=max(1, int(seconds * 1000)))
        except redis.RedisError:
            mark_down(self.redis_url)
            self._local.block(seconds)


class _LocalWindow:
    """The same sliding window, in this process only."""

    def __init__(self, limit: RateLimit) -> None:
        self.limit = limit
        self._calls: collections.deque[float] = collections.deque()
        self._blocked_until = 0.0
        self._lock = threading.Lock()

    def acquire(self) -> float:
        with self._lock:
            now = time.monotonic()
            if self._blocked_until > now:
                return self._blocked_until - now
            while self._calls and self._calls[0] <= now - self.limit.per_seconds:
                self._calls.popleft()
            if len(self._calls) < self.limit.calls:
                self._calls.append(now)
                return 0.0
            return max(0.001, self._calls[0] + self.limit.per_seconds - now)

    def block(self, seconds: float) -> None:
        with self._lock:
            self._blocked_until = max(self._blocked_until, time.monotonic() + seconds)
