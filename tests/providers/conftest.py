import os
from collections.abc import Iterator

import pytest
import redis

from planner.providers import reset_registry
from planner.providers.cache import reset_connections


@pytest.fixture(autouse=True)
def redis_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Providers' cache and limiter use the test database, never db 0; the registry starts fresh."""
    url = os.environ.get("PLANNER_REDIS_URL") or "redis://127.0.0.1:6379/14"
    monkeypatch.setenv("PLANNER_REDIS_URL", url)
    for var in ("PLANNER_PROVIDERS", "PLANNER_STRICT_PLUGINS", "PLANNER_PROVIDER_TIMEOUT"):
        monkeypatch.delenv(var, raising=False)
    reset_registry()
    reset_connections()
    yield url
    reset_registry()
    reset_connections()


@pytest.fixture
def redis_db(redis_url: str) -> Iterator[redis.Redis]:
    """The real Redis test database, flushed before and after."""
    client = redis.Redis.from_url(redis_url)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {redis_url}")
    client.flushdb()
    yield client
    client.flushdb()
