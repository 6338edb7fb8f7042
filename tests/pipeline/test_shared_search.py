"""The single-flight lock of shared provider calls is a lease: renewed while its holder works,
gone soon after the holder's process dies (real Redis, a real killed process). A batch of
queries asks once for what is neither cached nor being asked by another task."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import redis

from planner.providers import Provider, Resource, ResourceKind, SkillQuery
from workers.cache import SharedSearch, query_key

ROOT = Path(__file__).resolve().parents[2]
QUERY = SkillQuery(skill_id="sql", label="SQL", limit=2)


class SlowProvider(Provider):
    """Answers after ``delay`` seconds; counts its calls."""

    name = "slow_demo"
    version = "1"
    kinds = frozenset({ResourceKind.COURSE})
    terms_url = "https://example.org/terms"
    description = "Test provider"

    def __init__(self, delay: float = 0.0) -> None:
        super().__init__()
        self.delay, self.calls = delay, 0

    def search(self, query: SkillQuery) -> list[Resource]:
        self.calls += 1
        time.sleep(self.delay)
        return [Resource(provider=self.name, external_id="r1", kind=ResourceKind.COURSE,
                         title="SQL basics", url="https://example.org/sql")]


def hold_forever(url: str, namespace: str) -> None:
    """Run in a child process: take the lock for a call that never ends (the test kills us)."""
    SharedSearch(redis.Redis.from_url(url), ttl=60, namespace=namespace, lease=0.5)(
        SlowProvider(delay=3600), QUERY, timeout=3600)


def test_the_holder_renews_its_lease_so_nobody_asks_twice(redis_url: str) -> None:
    client, ns = redis.Redis.from_url(redis_url), uuid.uuid4().hex
    provider = SlowProvider(delay=1.2)  # four leases long
    search = SharedSearch(client, ttl=60, namespace=ns, lease=0.3)
    first = threading.Thread(target=search, args=(provider, QUERY, 10.0))
    first.start()
    while not client.exists(query_key(provider, QUERY, ns) + ":lock"):
        time.sleep(0.01)
    outcome, cached = search(provider, QUERY, 10.0)
    first.join()
    assert outcome.ok and cached and provider.calls == 1


def test_a_killed_holder_frees_the_query_long_before_its_timeout(redis_url: str) -> None:
    client, ns = redis.Redis.from_url(redis_url), uuid.uuid4().hex
    lock = query_key(SlowProvider(), QUERY, ns) + ":lock"
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from tests.pipeline.test_shared_search import "
         "hold_forever; hold_forever(sys.argv[1], sys.argv[2])", redis_url, ns],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 60
        while not client.exists(lock):
            assert child.poll() is None and time.monotonic() < deadline, "the holder never began"
            time.sleep(0.02)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    # The holder asked for an hour; a waiter with a 20 s budget still gets its own answer.
    provider = SlowProvider()
    outcome, cached = SharedSearch(client, ttl=60, namespace=ns, lease=0.5)(
        provider, QUERY, 20.0)
    assert outcome.ok and not cached and provider.calls == 1


class BatchProvider(SlowProvider):
    """Answers up to five queries in one call; records each call's skills."""

    name = "batch_demo"
    max_batch = 5

    def __init__(self, delay: float = 0.0) -> None:
        super().__init__(delay)
        self.asked: list[list[str]] = []

    def search(self, query: SkillQuery) -> list[Resource]:
        return self.search_batch([query])[0]

    def search_batch(self, queries: Sequence[SkillQuery]) -> list[list[Resource]]:
        self.asked.append([q.skill_id for q in queries])
        time.sleep(self.delay)
        return [[Resource(provider=self.name, external_id=q.skill_id, kind=ResourceKind.COURSE,
                          title=q.label, url=f"https://example.org/{q.skill_id}")]
                for q in queries]


def batch(*skills: str) -> list[SkillQuery]:
    return [SkillQuery(skill_id=s, label=s.upper(), limit=2) for s in skills]


def test_a_batch_asks_once_for_what_is_not_cached(redis_url: str) -> None:
    client, ns = redis.Redis.from_url(redis_url), uuid.uuid4().hex
    provider, search = BatchProvider(), SharedSearch(client, ttl=60, namespace=ns)
    first = search.many(provider, batch("sql", "aws", "excel"), 10.0)
    assert [(o.resources[0].external_id, hit) for o, hit in first] == [
        ("sql", False), ("aws", False), ("excel", False)]
    again = search.many(provider, batch("sql", "aws", "excel"), 10.0)
    assert [hit for _, hit in again] == [True, True, True]
    mixed = search.many(provider, batch("aws", "git", "sql", "jira"), 10.0)
    assert [(o.resources[0].external_id, hit) for o, hit in mixed] == [
        ("aws", True), ("git", False), ("sql", True), ("jira", False)]
    assert provider.asked == [["sql", "aws", "excel"], ["git", "jira"]]
    assert not client.keys(f"*:{ns}:*:lock")  # every lock released


def test_a_batch_waits_for_a_query_another_task_is_asking(redis_url: str) -> None:
    client, ns = redis.Redis.from_url(redis_url), uuid.uuid4().hex
    other, mine = BatchProvider(delay=0.5), BatchProvider()
    search = SharedSearch(client, ttl=60, namespace=ns)
    first = threading.Thread(target=search, args=(other, batch("sql")[0], 10.0))
    first.start()
    while not client.exists(query_key(other, batch("sql")[0], ns) + ":lock"):
        time.sleep(0.01)
    out = search.many(mine, batch("sql", "aws", "excel"), 10.0)
    first.join()
    assert [hit for _, hit in out] == [True, False, False]  # sql: the other task's answer
    assert mine.asked == [["aws", "excel"]] and other.asked == [["sql"]]


def test_without_a_cache_a_batch_is_one_plain_call(redis_url: str) -> None:
    client, ns = redis.Redis.from_url(redis_url), uuid.uuid4().hex
    provider = BatchProvider()
    out = SharedSearch(client, ttl=0, namespace=ns).many(provider, batch("sql", "aws"), 10.0)
    assert [o.ok and not hit for o, hit in out] == [True, True]
    assert provider.asked == [["sql", "aws"]] and not client.keys(f"*:{ns}:*")
