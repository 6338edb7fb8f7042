"""Shared rate limit and response cache on the real Redis test database."""

from __future__ import annotations

import subprocess
import sys

import pytest
import redis

from planner.providers import RateLimit, RateLimiter
from planner.providers.cache import ResponseCache, get_redis


@pytest.mark.parametrize(
    ("spec", "limit"),
    [
        ("10/m", RateLimit(10, 60)),
        ("30/min", RateLimit(30, 60)),
        ("5/s", RateLimit(5, 1)),
        ("100/h", RateLimit(100, 3600)),
        ("2/10s", RateLimit(2, 10)),
        (" 1 / 1 d ", RateLimit(1, 86400)),
    ],
)
def test_parse(spec: str, limit: RateLimit) -> None:
    assert RateLimit.parse(spec) == limit
    assert RateLimit.parse(str(limit)) == limit


@pytest.mark.parametrize("spec", ["", "ten/m", "0/m", "5/fortnight", "5/0s", "5"])
def test_parse_rejects(spec: str) -> None:
    with pytest.raises(ValueError, match="bad rate limit"):
        RateLimit.parse(spec)


def test_limit_is_shared_between_workers(redis_db: redis.Redis) -> None:
    worker_a = RateLimiter("shared_demo", RateLimit(3, 60))
    worker_b = RateLimiter("shared_demo", RateLimit(3, 60))
    assert [worker_a.acquire(), worker_b.acquire(), worker_a.acquire()] == [0.0, 0.0, 0.0]
    wait = worker_b.acquire()
    assert 0 < wait <= 60
    assert RateLimiter("other_provider", RateLimit(3, 60)).acquire() == 0.0


def test_block_stops_every_worker(redis_db: redis.Redis) -> None:
    RateLimiter("blocked_demo", RateLimit(100, 60)).block(30)
    wait = RateLimiter("blocked_demo", RateLimit(100, 60)).acquire()
    assert 25 < wait <= 30


def test_local_fallback_without_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_REDIS_URL", "redis://127.0.0.1:9/0")
    limiter = RateLimiter("local_demo", RateLimit(2, 60))
    assert [limiter.acquire(), limiter.acquire()] == [0.0, 0.0]
    assert limiter.acquire() > 0


def test_cache_round_trip_with_ttl(redis_db: redis.Redis) -> None:
    cache = ResponseCache("demo", ttl=60)
    key = cache.key("GET", "https://x/y", [("q", "python")])
    assert cache.get(key) is None
    cache.set(key, {"data": [1, 2]})
    assert cache.get(key) == {"data": [1, 2]}
    assert 0 < redis_db.pttl(key) <= 60_000
    assert key != cache.key("GET", "https://x/y", [("q", "java")])


def test_disabled_cache_stores_nothing(redis_db: redis.Redis) -> None:
    cache = ResponseCache("demo", ttl=0)
    cache.set("planner:http:demo:k", {"a": 1})
    assert cache.get("planner:http:demo:k") is None and redis_db.keys("*") == []


def test_unreachable_redis_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    assert get_redis("redis://127.0.0.1:9/0") is None
    assert ResponseCache("demo", 60, url="redis://127.0.0.1:9/0").get("k") is None


def test_importing_the_api_connects_to_nothing() -> None:
    code = (
        "import planner.providers, planner.providers.testing, planner.providers.cache as c;"
        "import sys; sys.exit(len(c._clients) + len(c._down_until))"
    )
    assert (
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PLANNER_REDIS_URL": "redis://127.0.0.1:9/0"},
            timeout=60,
        ).returncode
        == 0
    )
