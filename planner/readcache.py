"""Redis read-through caches for the two reads every API client repeats: who a bearer token
belongs to, and a finished plan's JSON. A cached read touches no database.

Correctness rests on generation counters rather than on deleting keys:

* an entry is stored with the generation read *before* the database was asked, and served only
  while that generation is still current;
* every change bumps the generation *after* its transaction commits (``mark`` records what
  changed on the session; the listeners of ``watch`` bump on commit and forget on rollback).

So a reader racing a writer can store an entry built from the old rows, but it carries the old
generation and is never served. API tokens share one generation (revocations are rare: any of
them refills every token once); plans have one each. Only finished plans are cached: the
workers never change a finished plan, so the request path (item updates, which re-plan) and
account deletion are its only writers. Entries also expire (``TOKEN_TTL``, ``PLAN_TTL``), which
bounds what a lost bump could cost. When Redis does not answer, both caches step aside and the
database answers, as before.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import redis
from sqlalchemy import event
from sqlalchemy.orm import Session

from planner.config import Settings
from planner.store import models as m
from planner.store.db import Database

log = logging.getLogger(__name__)

TOKEN_TTL = 60  # seconds a token stays cached (also how late a lost revocation bump can bite)
PLAN_TTL = 600
_PLANS, _TOKENS = "readcache.plans", "readcache.tokens"
_PLAN_ROWS = (m.RoadmapItem, m.ProviderRun, m.PlanResource)


@dataclass(frozen=True)
class CachedToken:
    id: str
    owner_id: str


class ReadCache:
    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.redis, self.prefix = client, prefix

    @classmethod
    def for_settings(cls, settings: Settings, client: redis.Redis | None = None) -> ReadCache:
        """The cache every process of one deployment (same Redis, same queue name) shares;
        ``client`` reuses a connection pool the caller already holds."""
        client = client or redis.Redis.from_url(settings.effective_redis_url, socket_timeout=2,
                                                socket_connect_timeout=2)
        return cls(client, f"planner:{settings.queue}:cache:")

    def _k(self, *parts: str) -> str:
        return self.prefix + ":".join(parts)

    # ---- API tokens ------------------------------------------------------------------------

    def token(self, digest: str) -> tuple[CachedToken | None, int | None]:
        """(the cached token if still valid, the current token generation); the generation is
        None when Redis does not answer (then do not store either)."""
        try:
            raw, gen = self.redis.mget([self._k("tok", digest), self._k("gen", "tokens")])
        except redis.RedisError as exc:
            log.debug("token cache unavailable: %s", type(exc).__name__)
            return None, None
        current = int(gen or 0)
        if raw is None:
            return None, current
        entry = json.loads(raw)
        if entry["gen"] != current or (entry["exp"] is not None and entry["exp"] <= time.time()):
            return None, current
        return CachedToken(entry["id"], entry["owner"]), current

    def keep_token(self, digest: str, token_id: str, owner_id: str, expires_at: float | None,
                   gen: int) -> None:
        ttl = TOKEN_TTL if expires_at is None else min(TOKEN_TTL, int(expires_at - time.time()))
        if ttl < 1:
            return
        entry = {"id": token_id, "owner": owner_id, "exp": expires_at, "gen": gen}
        self._set(self._k("tok", digest), json.dumps(entry).encode(), ttl)

    # ---- finished plans --------------------------------------------------------------------

    def plan(self, plan_id: str, owner_id: str) -> tuple[bytes | None, int | None]:
        """(the plan's cached JSON body if current and ``owner_id``'s, the plan's generation)."""
        try:
            raw, gen = self.redis.mget([self._k("plan", plan_id), self._k("gen", "plan", plan_id)])
        except redis.RedisError as exc:
            log.debug("plan cache unavailable: %s", type(exc).__name__)
            return None, None
        current = int(gen or 0)
        if raw is None:
            return None, current
        head, _, body = raw.partition(b"\n")
        owner, _, entry_gen = head.decode().rpartition(" ")
        if owner != owner_id or int(entry_gen) != current:
            return None, current
        return body, current

    def keep_plan(self, plan_id: str, owner_id: str, gen: int, body: bytes) -> None:
        self._set(self._k("plan", plan_id), f"{owner_id} {gen}\n".encode() + body, PLAN_TTL)

    def _set(self, key: str, value: bytes, ttl: int) -> None:
        try:
            self.redis.set(key, value, ex=ttl)
        except redis.RedisError as exc:
            log.debug("read cache not stored: %s", type(exc).__name__)

    # ---- invalidation ----------------------------------------------------------------------

    def bump(self, plan_ids: Iterable[str], tokens: bool) -> None:
        """Make cached entries for these plans (and, with ``tokens``, every token) stale."""
        pipe = self.redis.pipeline(transaction=False)
        for pid in plan_ids:
            key = self._k("gen", "plan", pid)
            pipe.incr(key)
            # Outlives every entry stored under an older generation, so expiry never brings
            # an older generation back.
            pipe.expire(key, 2 * PLAN_TTL)
            pipe.delete(self._k("plan", pid))  # and the personal data goes at once
        if tokens:
            pipe.incr(self._k("gen", "tokens"))
        try:
            pipe.execute()
        except redis.RedisError as exc:
            log.warning("read cache not invalidated (entries expire within %d s): %s",
                        max(TOKEN_TTL, PLAN_TTL), type(exc).__name__)

    def watch(self, db: Database) -> None:
        """Bump after every commit of ``db``'s sessions that changed a plan or revoked tokens."""
        event.listen(db.sessions, "after_flush", _collect)
        event.listen(db.sessions, "after_commit", self._committed)
        event.listen(db.sessions, "after_rollback", _forget)

    def _committed(self, s: Session) -> None:
        plans, tokens = s.info.pop(_PLANS, None), s.info.pop(_TOKENS, False)
        if plans or tokens:
            self.bump(plans or (), tokens)


def mark(s: Session, plan_ids: Iterable[str] = (), tokens: bool = False) -> None:
    """Record on ``s`` a change the ORM cannot see (bulk deletes, token revocation)."""
    s.info.setdefault(_PLANS, set()).update(plan_ids)
    if tokens:
        s.info[_TOKENS] = True


def _collect(s: Session, _ctx: Any) -> None:
    ids = set()
    for obj in (*s.new, *s.dirty, *s.deleted):
        if isinstance(obj, m.Plan):
            ids.add(obj.id)
        elif isinstance(obj, _PLAN_ROWS):
            ids.add(obj.plan_id)
    if ids:
        mark(s, ids)


def _forget(s: Session) -> None:
    s.info.pop(_PLANS, None)
    s.info.pop(_TOKENS, None)
