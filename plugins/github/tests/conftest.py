import os

import pytest


@pytest.fixture(autouse=True)
def redis_url(monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the provider cache and rate limiter at the test database, never db 0."""
    url = os.environ.get("PLANNER_REDIS_URL") or "redis://127.0.0.1:6379/14"
    monkeypatch.setenv("PLANNER_REDIS_URL", url)
    return url
