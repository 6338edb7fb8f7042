"""The plan pipeline's steps, shared by the Celery tasks and the CLI.

Each step takes ids, loads what it needs, does its work and stores the result in one transaction,
so a step that fails leaves nothing half-written and a step run twice changes nothing more.
"""

from __future__ import annotations

import logging
import time
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.providers import Registry, Resource, SkillQuery
from planner.scheduling import Constraints, GoalSpec, plan as schedule
from planner.store import models as m
from planner.store.db import Database

log = logging.getLogger(__name__)

RUNNING = ("queued", "fetching", "planning")
FINISHED = ("ready", "partial", "failed")


def mark_fetching(db: Database, plan_id: str) -> list[str] | None:
    """Move a queued plan to ``fetching``; return its provider names, or None if it is gone/done."""
    with db.session() as s:
        p = s.get(m.Plan, plan_id)
        if p is None or p.status in FINISHED:
            return None
        if p.status == "queued":
            p.status = "fetching"
            p.started_at = m.utcnow()
        return [r.provider for r in p.runs]


def fetch_provider(db: Database, registry: Registry, plan_id: str, provider: str) -> dict[str, Any]:
    """Ask one provider for resources for every goal of a plan, and store them.

    Never raises for a provider's failure: the run is marked failed with its reason and the
    outcome is returned, so one bad provider never sinks the plan.
    """
    with db.session() as s:
        p = s.get(m.Plan, plan_id)
        if p is None:
            return {"provider": provider, "status": "gone"}
        goals, params = list(p.goals), dict(p.params)
    started = time.monotonic()
    found: list[tuple[str, Resource]] = []
    error: str | None = None
    try:
        impl = registry.get(provider)
        for g in goals:
            query = _query_for(g, params)
            found.extend((g["skill_id"], r) for r in impl.search(query)[: query.limit])
    except KeyError:
        error = f"provider {provider!r} is not installed or not enabled"
    except Exception as exc:  # any plugin failure becomes a failure record
        error = f"{type(exc).__name__}: {exc}"[:500]
        log.warning("provider %s failed for plan %s: %s", provider, plan_id, error)
    latency = int((time.monotonic() - started) * 1000)
    return record_run(db, plan_id, provider, found, error, latency)


def record_run(
    db: Database,
    plan_id: str,
    provider: str,
    found: list[tuple[str, Resource]],
    error: str | None,
    latency_ms: int | None,
    status: str | None = None,
) -> dict[str, Any]:
    """Store a provider's resources and its run outcome in one transaction (idempotent)."""
    status = status or ("failed" if error else "ok")
    with db.session() as s:
        run = s.scalar(select(m.ProviderRun).filter_by(plan_id=plan_id, provider=provider))
        if run is None:
            return {"provider": provider, "status": "gone"}
        if run.status != "waiting":  # delivered twice: the first delivery already stored it
            return {"provider": provider, "status": run.status, "count": run.count}
        for rank, (skill_id, res) in enumerate(found):
            row = _upsert_resource(s, res)
            exists = s.scalar(select(m.PlanResource.id).filter_by(
                plan_id=plan_id, skill_id=skill_id, resource_id=row.id))
            if exists is None:
                s.add(m.PlanResource(plan_id=plan_id, skill_id=skill_id, resource_id=row.id,
                                     rank=rank))
        run.status, run.error, run.latency_ms = status, error, latency_ms
        run.count, run.finished_at = len(found), m.utcnow()
    return {"provider": provider, "status": status, "count": len(found), "error": error}


def build_roadmap(db: Database, plan_id: str) -> str | None:
    """Plan the roadmap from the stored candidates and store its items; return the final status."""
    with db.session() as s:
        p = s.get(m.Plan, plan_id)
        if p is None:
            return None
        if p.status in FINISHED and p.revision > 0:
            return p.status  # built already (a duplicate delivery)
        p.status = "planning"
    with db.session() as s:
        p = s.get(m.Plan, plan_id)
        assert p is not None
        roadmap = schedule(_goal_specs(p.goals), _candidates(s, plan_id), _constraints(p.params),
                           actions=[(a["title"], a.get("detail", "")) for a in
                                    p.params.get("actions", [])])
        p.revision += 1
        for pos, item in enumerate(roadmap.items):
            s.add(_item_row(p, item, pos))
        p.verdict = roadmap.to_dict()["verdict"]
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
        p = s.get(m.Plan, plan_id)
        if p is not None and p.status not in FINISHED:
            p.status, p.error, p.finished_at = "failed", reason[:2000], m.utcnow()


def _query_for(goal: dict[str, Any], params: dict[str, Any]) -> SkillQuery:
    return SkillQuery(
        skill_id=goal["skill_id"], label=goal["label"], aliases=tuple(goal.get("aliases") or ()),
        kind=goal.get("kind", "technical"), max_cost=params.get("budget"),
        limit=int(params.get("resources_per_goal", 8)),
    )


def _upsert_resource(s: Session, res: Resource) -> m.Resource:
    row = s.scalar(select(m.Resource).filter_by(provider=res.provider, external_id=res.external_id))
    data = res.to_dict()
    if row is None:
        row = m.Resource(provider=res.provider, external_id=res.external_id, kind=res.kind.value,
                         title=res.title[:500], url=res.url[:2000], data=data)
        s.add(row)
        s.flush()
    else:
        row.kind, row.title, row.url, row.data = res.kind.value, res.title[:500], res.url, data
        row.fetched_at = m.utcnow()
    return row


def _candidates(s: Session, plan_id: str) -> dict[str, list[Resource]]:
    rows = s.execute(
        select(m.PlanResource.skill_id, m.Resource.data)
        .join(m.Resource, m.Resource.id == m.PlanResource.resource_id)
        .where(m.PlanResource.plan_id == plan_id)
        .order_by(m.PlanResource.skill_id, m.PlanResource.rank, m.Resource.id)
    ).all()
    out: dict[str, list[Resource]] = {}
    for skill_id, data in rows:
        out.setdefault(skill_id, []).append(Resource.from_dict(data))
    return out


def _goal_specs(goals: list[dict[str, Any]]) -> list[GoalSpec]:
    return [
        GoalSpec(id=g["skill_id"], label=g["label"], kind=g.get("kind", "technical"),
                 priority=int(g.get("priority", 3)), must_have=bool(g.get("must_have", True)),
                 prerequisites=tuple(g.get("prerequisites") or ()))
        for g in goals
    ]


def _constraints(params: dict[str, Any]) -> Constraints:
    target = params.get("target_date")
    return Constraints(
        start=date.fromisoformat(params["start_date"]),
        hours_per_week=float(params["hours_per_week"]),
        target_date=date.fromisoformat(target) if target else None,
        budget=params.get("budget"),
    )


def _item_row(p: m.Plan, item: Any, pos: int) -> m.RoadmapItem:
    d = item.to_dict()
    return m.RoadmapItem(
        plan_id=p.id, owner_id=p.owner_id, revision=p.revision, position=pos, key=item.key[:700],
        kind=d["kind"], title=d["title"][:500], start=item.start, end=item.end, hours=item.hours,
        hours_per_week=item.hours_per_week, goal_id=item.goal_id, resource=d["resource"],
        reason=d["reason"], detail=d["detail"], data=d,
    )
