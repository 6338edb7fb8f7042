"""Shared provider work in Redis: a result cache with a TTL and a single-flight lock.

A provider's answer for one query is cached under its provider, version and a hash of the query
(skill and parameters). While one task is asking the provider, others wanting the same answer
wait for it to land in the cache instead of asking too (a lock keyed by the same hash), so
identical requests in flight share one call. The lock is a short lease its holder renews while
the call runs, so when the holder's worker dies (SIGKILL, OOM) the others take over within
``LEASE`` seconds rather than waiting out the whole provider timeout. Redis trouble never fails a
search: it runs uncached.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import redis

from planner.providers import (
    Provider,
    Resource,
    SearchOutcome,
    SkillQuery,
    run_batch,
    run_search,
)

log = logging.getLogger(__name__)
PREFIX = "planner:results:v1"
POLL = 0.05  # seconds between looks at the cache while another task fetches
LEASE = 3.0  # seconds a single-flight lock outlives its last renewal


def query_key(provider: Provider, query: SkillQuery, namespace: str = "") -> str:
    """Cache key: namespace, provider name and version, and a hash of every query parameter."""
    body = json.dumps(query.to_dict(), sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(body.encode()).hexdigest()[:32]
    return f"{PREFIX}:{namespace}:{provider.name}:{provider.version}:{digest}"


@dataclass
class SharedSearch:
    """A ``pipeline.Search``: cached, single-flight provider calls. ``ttl`` 0 turns it off."""

    client: redis.Redis
    ttl: int
    # Deployments sharing one Redis share results only within a namespace (the queue name):
    # two installs may configure the same provider differently.
    namespace: str = ""
    lease: float = LEASE

    def __call__(self, provider: Provider, query: SkillQuery, timeout: float
                 ) -> tuple[SearchOutcome, bool]:
        if self.ttl <= 0:
            return run_search(provider, query, timeout), False
        key = query_key(provider, query, self.namespace)
        deadline = time.monotonic() + timeout
        token = uuid.uuid4().hex
        while True:
            hit = self._get(provider, key)
            if hit is not None:
                return hit, True
            if self._lock(key, token):
                with self._leases([key], token):
                    outcome = run_search(provider, query, max(0.1, deadline - time.monotonic()))
                    if outcome.ok:
                        self._put(key, outcome)
                    return outcome, False
            if time.monotonic() >= deadline:  # the call we waited for took our whole budget
                return SearchOutcome(provider.name, error=f"{provider.name}: no answer in "
                                     f"{timeout:g}s", error_type="ProviderTimeoutError",
                                     retriable=True, latency=timeout), False
            time.sleep(POLL)

    def many(self, provider: Provider, queries: Sequence[SkillQuery], timeout: float
             ) -> list[tuple[SearchOutcome, bool]]:
        """Several queries for a provider that answers them in one call (``search_batch``).

        Cached answers are served from the cache; the queries this task locks are asked in one
        call; a query another task is already asking is waited for, as :meth:`__call__` does.
        """
        if self.ttl <= 0:
            return [(o, False) for o in run_batch(provider, queries, timeout)]
        deadline = time.monotonic() + timeout
        keys = [query_key(provider, q, self.namespace) for q in queries]
        out: list[tuple[SearchOutcome, bool] | None] = [None] * len(queries)
        token = uuid.uuid4().hex
        mine: list[int] = []
        for i, key in enumerate(keys):
            hit = self._get(provider, key)
            if hit is not None:
                out[i] = (hit, True)
            elif self._lock(key, token):
                mine.append(i)
        if mine:
            with self._leases([keys[i] for i in mine], token):
                left = max(0.1, deadline - time.monotonic())
                asked = [queries[i] for i in mine]
                outcomes = (run_batch(provider, asked, left) if len(asked) > 1
                            else [run_search(provider, asked[0], left)])
                for i, outcome in zip(mine, outcomes, strict=True):
                    if outcome.ok:
                        self._put(keys[i], outcome)
                    out[i] = (outcome, False)
        for i, slot in enumerate(out):  # another task is asking for it: wait for its answer
            if slot is None:
                out[i] = self(provider, queries[i], max(0.1, deadline - time.monotonic()))
        return [o for o in out if o is not None]

    def _get(self, provider: Provider, key: str) -> SearchOutcome | None:
        try:
            raw = self.client.get(key)
        except redis.RedisError as exc:
            log.warning("result cache unavailable: %s", exc)
            return None
        if raw is None:
            return None
        try:
            items = json.loads(raw)
            return SearchOutcome(provider.name, tuple(Resource.from_dict(d) for d in items))
        except (ValueError, KeyError, TypeError) as exc:  # an old or corrupt entry: ask again
            log.info("ignoring cached entry %s: %s", key, exc)
            return None

    def _put(self, key: str, outcome: SearchOutcome) -> None:
        body = json.dumps([r.to_dict() for r in outcome.resources])
        try:
            self.client.set(key, body, ex=self.ttl)
        except redis.RedisError as exc:
            log.warning("could not cache %s: %s", key, exc)

    def _lock(self, key: str, token: str) -> bool:
        try:
            return bool(self.client.set(key + ":lock", token, nx=True, px=int(self.lease * 1000)))
        except redis.RedisError:
            return True  # no Redis, no sharing: just ask

    @contextlib.contextmanager
    def _leases(self, keys: list[str], token: str) -> Iterator[None]:
        """Keep our locks on ``keys`` (renewed by a thread) while the block runs, then free
        them."""
        done = threading.Event()
        renewer = threading.Thread(target=self._renew, args=(keys, token, done),
                                   name="lease-renewer", daemon=True)
        renewer.start()
        try:
            yield
        finally:
            done.set()
            renewer.join()
            for key in keys:
                self._unlock(key, token)

    def _renew(self, keys: list[str], token: str, done: threading.Event) -> None:
        """Extend our leases every third of one until ``done``; drop each once it is no longer
        ours."""
        held = list(keys)
        while held and not done.wait(self.lease / 3):
            try:
                held = [key for key in held if self.client.eval(
                    _RENEW, 1, key + ":lock", token, int(self.lease * 1000))]
            except redis.RedisError:
                return

    def _unlock(self, key: str, token: str) -> None:
        # Only our own lock: it may have expired and been taken by another task.
        with contextlib.suppress(redis.RedisError):
            self.client.eval(_UNLOCK, 1, key + ":lock", token)


_RENEW = """if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0"""
_UNLOCK = """if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0"""
