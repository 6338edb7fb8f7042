"""The plan pipeline's steps, shared by the Celery tasks and the CLI.

Each step takes ids, loads what it needs, does its work and stores the result in one transaction,
so a step that fails leaves nothing half-written and a step run twice changes nothing more.
Writes that two deliveries of a task could race on are claims (``UPDATE ... WHERE status = ...``)
or upserts, so the second delivery finds the work done instead of duplicating it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from planner import roadmaps
from planner.candidates import candidates
from planner.providers import (
    Provider,
    Registry,
    Resource,
    SearchOutcome,
    SkillQuery,
    run_batch,
    run_search,
)
from planner.providers.base import MAX_BATCH
from planner.providers.errors import ProviderTimeoutError
from planner.providers.threads import calls
from planner.scheduling import plan as schedule
from planner.store import models as m
from planner.store.db import Database

log = logging.getLogger(__name__)

# The hot path (start, provider results) writes through the tables: no ORM unit of work.
PLANS, RUNS, RESOURCES, LINKS = (cast(Table, t.__table__) for t in (
    m.Plan, m.ProviderRun, m.Resource, m.PlanResource))

RUNNING = ("queued", "fetching", "planning")
FINISHED = ("ready", "partial", "failed")

# (provider, query, timeout) -> (outcome, served from cache?). A search may also have a
# ``many`` method, of type SearchMany, for the queries a provider answers in one call.
Search = Callable[[Provider, SkillQuery, float], tuple[SearchOutcome, bool]]
# (provider, queries, timeout) -> one (outcome, served from cache?) per query, in order
SearchMany = Callable[[Provider, Sequence[SkillQuery], float], list[tuple[SearchOutcome, bool]]]


def plain_search(provider: Provider, query: SkillQuery, timeout: float) -> tuple[SearchOutcome,
                                                                                   bool]:
    """The uncached search: one bounded call through the provider runner."""
    return run_search(provider, query, timeout), False


def plain_many(provider: Provider, queries: Sequence[SkillQuery], timeout: float
               ) -> list[tuple[SearchOutcome, bool]]:
    """The uncached batch search: one bounded ``search_batch`` call for all ``queries``."""
    return [(o, False) for o in run_batch(provider, queries, timeout)]


def batch_size(impl: Provider | None) -> int:
    """How many of a plan's queries one call to ``impl`` may carry: 1 unless it batches.

    ``batch_limit()`` is plugin code: anything odd from it (an error, not an int, below 1)
    means one query per call, which every provider supports; it never exceeds ``max_batch``.
    """
    try:
        n = impl.batch_limit() if impl is not None else 1
    except Exception as exc:  # noqa: BLE001 - untrusted plugin code
        log.warning("provider %s: batch_limit() raised %s; one query per call",
                    getattr(impl, "name", "?"), type(exc).__name__)
        return 1
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        return 1
    declared = getattr(impl, "max_batch", 1)
    ceiling = declared if isinstance(declared, int) and 1 <= declared <= MAX_BATCH else 1
    return min(n, ceiling)


def mark_fetching(db: Database, plan_id: str, deadline: float | None = None) -> list[str] | None:
    """Move a queued plan to ``fetching``; return the providers still waiting, None if gone/done.

    ``deadline`` (seconds) sets when the plan is built from what has arrived, counted from now.
    """
    now = m.utcnow()
    with db.session() as s:  # write first: on SQLite a read-then-write transaction can fail
        s.execute(update(PLANS).where(PLANS.c.id == plan_id, PLANS.c.status == "queued")
                  .values(status="fetching", started_at=now))
        if deadline is not None:
            s.execute(update(PLANS).where(PLANS.c.id == plan_id, PLANS.c.deadline_at.is_(None))
                      .values(deadline_at=now + timedelta(seconds=deadline)))
        status = s.scalar(select(PLANS.c.status).where(PLANS.c.id == plan_id))
        if status is None or status in FINISHED:
            return None
        return list(s.scalars(select(RUNS.c.provider).where(
            RUNS.c.plan_id == plan_id, RUNS.c.status == "waiting").order_by(RUNS.c.id)))


# ---- one provider --------------------------------------------------------------------------


@dataclass(frozen=True)
class RunContext:
    goals: list[dict[str, Any]]
    params: dict[str, Any]
    deadline_at: datetime | None


def begin_run(db: Database, plan_id: str, provider: str) -> RunContext | None:
    """What a provider task needs, read without taking a write lock; None when its run is gone
    or already answered, or its plan finished."""
    with db.session() as s:
        row = s.execute(select(PLANS.c.status, PLANS.c.goals, PLANS.c.params,
                               PLANS.c.deadline_at)
                        .join(RUNS, RUNS.c.plan_id == PLANS.c.id)
                        .where(*_waiting(plan_id, provider))).first()
        if row is None or row.status in FINISHED:
            return None
        return RunContext(list(row.goals), dict(row.params), row.deadline_at)


def count_attempt(db: Database, plan_id: str, provider: str) -> None:
    """Count a delivery of a provider task, and when the first one started (the plan shows both).
    """
    with db.session() as s:
        s.execute(update(RUNS).where(*_waiting(plan_id, provider)).values(
            attempts=RUNS.c.attempts + 1,
            started_at=func.coalesce(RUNS.c.started_at, m.utcnow())))


def fetch_provider(
    db: Database, registry: Registry, plan_id: str, provider: str, *,
    search: Search = plain_search, timeout: float = 20.0, may_retry: bool = False,
) -> dict[str, Any]:
    """Ask one provider for resources for every goal of a plan (goals in parallel), and store them.

    Never raises for a provider's failure: the run is marked failed or timed out with its reason.
    With ``may_retry``, a retriable failure is returned as ``{"status": "retry"}`` and nothing is
    stored, so the caller can try again later.
    """
    ctx = begin_run(db, plan_id, provider)
    if ctx is None:
        return {"provider": provider, "status": "gone"}
    budget = _budget(timeout, ctx.deadline_at)
    started = time.monotonic()
    # The delivery is counted while the provider is asked: when every provider task of a plan
    # starts at once, their writes queue for the database (SQLite has one writer at a time)
    # and that wait need not delay the calls. It is done before the answer is stored.
    counted = calls.submit(count_attempt, db, plan_id, provider)
    try:
        impl = registry.get(provider)
    except KeyError:
        counted.result()
        return record_run(db, plan_id, provider, [], f"provider {provider!r} is not installed or "
                          "not enabled on this worker", 0)
    queries = [_query_for(g, ctx.params) for g in ctx.goals]
    results = search_all(impl, queries, search, budget)
    latency = int((time.monotonic() - started) * 1000)
    counted.result()
    failed = [o for o, _ in results if not o.ok]
    if may_retry and any(o.retriable and o.error_type != ProviderTimeoutError.__name__
                         for o in failed):
        # Timeouts are not retried: the call already used its whole budget.
        return {"provider": provider, "status": "retry", "error": failed[0].error,
                "retry_after": max((o.retry_after or 0) for o in failed)}
    status, error = _run_status(queries, [o for o, _ in results], budget)
    found = [(q.skill_id, r) for q, (o, _) in zip(queries, results, strict=True)
             for r in o.resources]
    return record_run(db, plan_id, provider, found, error, latency, status=status,
                      dropped=sum(o.dropped for o, _ in results),
                      cached=sum(1 for o, hit in results if hit and o.ok))


def search_all(impl: Provider, queries: Sequence[SkillQuery], search: Search,
               budget: float, at_once: int = 8) -> list[tuple[SearchOutcome, bool]]:
    """Search every query, at most ``at_once`` calls at a time, each within ``budget`` seconds.

    A provider that answers several queries in one call (``batch_size`` above 1) gets them in
    batches of that size, through ``search.many`` (or uncached, when the search has none). The
    searchers are this thread (which would otherwise only wait) and reused provider-call
    threads; each takes the next call until none is left.
    """
    size = batch_size(impl)
    units = [list(range(i, min(i + size, len(queries)))) for i in range(0, len(queries), size)]
    many: SearchMany = getattr(search, "many", None) or plain_many
    out: list[tuple[SearchOutcome, bool] | None] = [None] * len(queries)
    todo = iter(units)
    lock = threading.Lock()

    def searcher() -> None:
        while True:
            with lock:
                unit = next(todo, None)
            if unit is None:
                return
            if len(unit) == 1:
                out[unit[0]] = search(impl, queries[unit[0]], budget)
                continue
            answers = many(impl, [queries[i] for i in unit], budget)
            for i, answer in zip(unit, answers, strict=True):
                out[i] = answer

    helpers = [calls.submit(searcher) for _ in range(min(at_once, len(units)) - 1)]
    searcher()
    for h in helpers:
        h.result()
    return [o for o in out if o is not None]


def _budget(timeout: float, deadline_at: datetime | None) -> float:
    """The provider timeout, cut short by the plan deadline (never below 0.1 s)."""
    if deadline_at is not None:
        timeout = min(timeout, (deadline_at - m.utcnow()).total_seconds())
    return max(0.1, timeout)


def _run_status(queries: Sequence[SkillQuery], outs: Sequence[SearchOutcome], budget: float
                ) -> tuple[str, str | None]:
    """ok when any goal was answered (naming goals that failed), else timeout or failed."""
    bad = [(q, o) for q, o in zip(queries, outs, strict=True) if not o.ok]
    if not bad:
        return "ok", None
    timeout = f"timed out: no answer in {round(budget, 1):g}s"
    reasons = sorted({timeout if o.error_type == ProviderTimeoutError.__name__ else str(o.error)
                      for _, o in bad})
    if len(bad) < len(outs):
        goals = ", ".join(q.skill_id for q, _ in bad)
        return "ok", f"no answer for {goals}: {'; '.join(reasons)}"[:2000]
    timed_out = all(o.error_type == ProviderTimeoutError.__name__ for _, o in bad)
    return ("timeout" if timed_out else "failed"), "; ".join(reasons)[:2000]


def record_run(
    db: Database,
    plan_id: str,
    provider: str,
    found: list[tuple[str, Resource]],
    error: str | None,
    latency_ms: int | None,
    status: str | None = None,
    dropped: int = 0,
    cached: int = 0,
) -> dict[str, Any]:
    """Store a provider's resources and its run outcome in one transaction (idempotent).

    The run is claimed with ``UPDATE ... WHERE status = 'waiting'`` first, so of two deliveries
    racing, exactly one stores its resources and the other changes nothing.
    """
    status = status or ("failed" if error else "ok")
    with db.session() as s:
        claimed = s.execute(update(RUNS).where(*_waiting(plan_id, provider)).values(
            status=status, error=error, latency_ms=latency_ms, count=len(found),
            dropped=dropped, cached=cached, finished_at=m.utcnow())).rowcount
        if not claimed:  # delivered twice, gone, or timed out at the deadline
            run = s.execute(select(RUNS.c.status, RUNS.c.count).where(
                RUNS.c.plan_id == plan_id, RUNS.c.provider == provider)).first()
            if run is None:
                return {"provider": provider, "status": "gone"}
            return {"provider": provider, "status": run.status, "count": run.count}
        ids = _upsert_resources(s, [r for _, r in found])
        links = {(skill_id, ids[res.key]): rank for rank, (skill_id, res) in enumerate(found)}
        if links:
            s.execute(_statements(s).link, [
                {"plan_id": plan_id, "skill_id": skill, "resource_id": rid, "rank": rank}
                for (skill, rid), rank in sorted(links.items())])
    return {"provider": provider, "status": status, "count": len(found), "error": error}


def _waiting(plan_id: str, provider: str) -> tuple[Any, ...]:
    return (RUNS.c.plan_id == plan_id, RUNS.c.provider == provider, RUNS.c.status == "waiting")


def _upsert_resources(s: Session, found: list[Resource]) -> dict[str, int]:
    """Insert or refresh shared resource rows (race-free); return their ids by resource key."""
    unique = sorted({r.key: r for r in found}.values(), key=lambda r: r.key)  # one lock order
    if not unique:
        return {}
    now = m.utcnow()
    sql = _statements(s)
    s.execute(sql.upsert, [
        {"provider": r.provider, "external_id": r.external_id, "kind": r.kind.value,
         "title": r.title[:500], "url": r.url[:2000], "data": r.to_dict(), "fetched_at": now}
        for r in unique])
    rows = s.execute(sql.resource_ids, {"providers": sorted({r.provider for r in unique}),
                                        "external_ids": [r.external_id for r in unique]})
    return {f"{prov}:{ext}": rid for rid, prov, ext in rows}


@dataclass(frozen=True)
class _Statements:
    upsert: Any
    resource_ids: Any
    link: Any


@cache
def _dialect_statements(dialect: str) -> _Statements:
    """The result writes, built once per dialect and sent with a list of rows (executemany).

    Core statements over the tables, so SQLAlchemy compiles each once and reuses it; a
    multi-row ``VALUES`` would be compiled anew for every provider answer, which cost more CPU
    than the writes themselves.
    """
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    upsert = insert(RESOURCES)
    upsert = upsert.on_conflict_do_update(
        index_elements=["provider", "external_id"],
        set_={k: upsert.excluded[k] for k in ("kind", "title", "url", "data", "fetched_at")})
    ids = select(RESOURCES.c.id, RESOURCES.c.provider, RESOURCES.c.external_id).where(
        RESOURCES.c.provider.in_(bindparam("providers", expanding=True)),
        RESOURCES.c.external_id.in_(bindparam("external_ids", expanding=True)))
    return _Statements(upsert, ids, insert(LINKS).on_conflict_do_nothing())


def _statements(s: Session) -> _Statements:
    return _dialect_statements(s.get_bind().dialect.name)


# ---- deadline, build, fail -----------------------------------------------------------------


def finish_if_due(db: Database, plan_id: str) -> float | str | None:
    """At the deadline, mark waiting providers timed out and build from what has arrived.

    Returns the seconds left when called early (the caller tries again then), the plan's final
    status once built, or None when the plan is gone.
    """
    with db.session() as s:
        p = s.get(m.Plan, plan_id)
        if p is None:
            return None
        if p.status in FINISHED:
            return p.status
        if p.deadline_at is not None:
            left = (p.deadline_at - m.utcnow()).total_seconds()
            if left > 0.5:
                return left
    expire_waiting(db, plan_id, "no answer by the plan deadline")
    return build_roadmap(db, plan_id)


def expire_waiting(db: Database, plan_id: str, reason: str) -> int:
    """Mark every still-waiting provider of a plan timed out with ``reason``; return how many."""
    with db.session() as s:
        return int(s.execute(
            update(m.ProviderRun)
            .where(m.ProviderRun.plan_id == plan_id, m.ProviderRun.status == "waiting")
            .values(status="timeout", error=reason, finished_at=m.utcnow())
        ).rowcount)


def build_roadmap(db: Database, plan_id: str) -> str | None:
    """Plan the roadmap from the stored candidates and store its items; return the final status.

    The build claims the plan row first (a row lock on PostgreSQL, the write lock on SQLite), so
    the chord callback, the deadline task and the sweeper can all call it and it runs once.
    """
    with db.session() as s:  # shown as "planning" while the scheduler works
        s.execute(update(m.Plan).where(m.Plan.id == plan_id, m.Plan.status.in_(RUNNING))
                  .values(status="planning"))
    with db.session() as s:
        claimed = s.execute(update(m.Plan).where(m.Plan.id == plan_id,
                                                 m.Plan.status.in_(RUNNING))
                            .values(updated_at=m.utcnow())).rowcount
        p = s.get(m.Plan, plan_id)  # a new session: loaded after the claim, so current
        if p is None or not claimed:
            return p.status if p is not None else None
        if any(r.status == "waiting" for r in p.runs):  # built early: those did not make it
            for r in p.runs:
                if r.status == "waiting":
                    r.status, r.error, r.finished_at = "timeout", "no answer in time", m.utcnow()
        roadmap = schedule(roadmaps.goal_specs(p.goals), candidates(s, p),
                           roadmaps.constraints(p.params), actions=roadmaps.actions(p.params))
        roadmaps.store(p, roadmap)
        p.status, p.error = _outcome(p.runs)
        p.progress = 100
        p.finished_at = m.utcnow()
        return p.status


def _outcome(runs: list[m.ProviderRun]) -> tuple[str, str | None]:
    """ready when every provider answered, partial when some did, failed when none did."""
    bad = [r for r in runs if r.status != "ok"]
    if not bad:
        return "ready", None
    reason = "; ".join(f"{r.provider}: {r.error or r.status}" for r in bad)
    if len(bad) < len(runs):
        return "partial", f"missing providers: {reason}"
    return "failed", f"no provider answered: {reason}"


def fail_plan(db: Database, plan_id: str, reason: str) -> None:
    """Mark a plan failed with a reason, unless it already finished."""
    with db.session() as s:
        s.execute(update(m.Plan).where(m.Plan.id == plan_id, m.Plan.status.in_(RUNNING))
                  .values(status="failed", error=reason[:2000], finished_at=m.utcnow(),
                          progress=100))


# ---- stale plans ---------------------------------------------------------------------------


def stale_plans(db: Database, *, grace: float, stale_after: float, requeue_after: float,
                limit: int = 500) -> list[tuple[str, str, str]]:
    """Running plans the normal path has lost, as (plan id, action, reason).

    Actions: ``start`` (queued too long: its message was lost), ``finish`` (past its deadline:
    the deadline task was lost), ``build`` (planning too long: the build was lost), ``fail``
    (running longer than ``stale_after``: give up with the reason).
    """
    now = m.utcnow()
    out: list[tuple[str, str, str]] = []
    with db.session() as s:
        rows = s.execute(select(m.Plan.id, m.Plan.status, m.Plan.created_at, m.Plan.updated_at,
                                m.Plan.deadline_at)
                         .where(m.Plan.status.in_(RUNNING)).order_by(m.Plan.created_at)
                         .limit(limit)).all()
    for plan_id, status, created, updated, deadline in rows:
        age = (now - created).total_seconds()
        if age > stale_after:
            out.append((plan_id, "fail", f"stuck in {status} for {age:.0f}s: no worker finished "
                        "it (were workers or Redis down?)"))
        elif status == "queued" and age > requeue_after:
            out.append((plan_id, "start", "queued too long; start message re-sent"))
        elif status == "fetching" and deadline is not None and (
                now - deadline).total_seconds() > grace:
            out.append((plan_id, "finish", "past its deadline; built from what arrived"))
        elif status == "planning" and (now - updated).total_seconds() > grace + 120:
            out.append((plan_id, "build", "planning too long; build re-sent"))
    return out


# ---- rows and values -----------------------------------------------------------------------


def _query_for(goal: dict[str, Any], params: dict[str, Any]) -> SkillQuery:
    return SkillQuery(
        skill_id=goal["skill_id"], label=goal["label"], aliases=tuple(goal.get("aliases") or ()),
        kind=goal.get("kind", "technical"), max_cost=params.get("budget"),
        limit=int(params.get("resources_per_goal", 8)),
    )
