"""Stored roadmaps: rebuild planner inputs from a plan, store revisions, re-plan, export, feeds."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, date, datetime
from typing import Any, cast
from urllib.parse import urlparse

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session, object_session

from planner.candidates import candidates
from planner.scheduling import (
    ActionInput,
    Constraints,
    GoalSpec,
    JobAction,
    Roadmap,
    RoadmapItem,
    export,
    replan,
)
from planner.store import models as m

STATUSES = ("todo", "done", "skipped", "behind")
ITEMS = cast(Table, m.RoadmapItem.__table__)


def goal_specs(goals: list[dict[str, Any]]) -> list[GoalSpec]:
    return [
        GoalSpec(id=g["skill_id"], label=g["label"], kind=g.get("kind", "technical"),
                 priority=int(g.get("priority", 3)), must_have=bool(g.get("must_have", True)),
                 prerequisites=tuple(g.get("prerequisites") or ()))
        for g in goals
    ]


def constraints(params: dict[str, Any], start: date | None = None) -> Constraints:
    target = params.get("target_date")
    return Constraints(
        start=start or date.fromisoformat(params["start_date"]),
        hours_per_week=float(params["hours_per_week"]),
        target_date=date.fromisoformat(target) if target else None,
        budget=params.get("budget"),
        preferred_kinds=tuple(params.get("preferred_kinds") or ()),
        preferred_level=params.get("preferred_level"),
    )


def actions(params: dict[str, Any]) -> list[ActionInput]:
    """The extractor's actions stored with the plan, kind kept ("Rehearse what the feedback
    describes" is no feedback request, whatever its title says); a stored pair without a kind
    is read by its title, as before."""
    return [JobAction(a["kind"], a["title"], a.get("detail", "")) if a.get("kind")
            else (a["title"], a.get("detail", "")) for a in params.get("actions", [])]


def current(p: m.Plan) -> list[m.RoadmapItem]:
    """The items of the plan's current revision only (history stays in the database)."""
    if "items" in p.__dict__:  # already loaded (e.g. just re-planned): no query needed
        return [i for i in p.items if i.revision == p.revision]
    s = object_session(p)
    assert s is not None
    return list(s.scalars(select(m.RoadmapItem).where(
        m.RoadmapItem.plan_id == p.id, m.RoadmapItem.revision == p.revision
    ).order_by(m.RoadmapItem.position)))


def stored(p: m.Plan) -> Roadmap:
    """The plan's current roadmap, with each item's stored status."""
    items = [{**i.data, "status": i.status} for i in current(p)]
    return Roadmap.from_dict({"items": items, "verdict": p.verdict or {"fits": True}})


def store(p: m.Plan, roadmap: Roadmap) -> None:
    """Add ``roadmap`` as the plan's next revision; earlier revisions stay as history.

    The items go in with one multi-row statement rather than through the ORM's unit of work,
    which cost about as much as planning them; a loaded ``p.items`` is expired to match.
    """
    s = object_session(p)
    assert s is not None
    p.revision += 1
    p.verdict = roadmap.verdict.to_dict()
    rows = [_row(p, item, pos) for pos, item in enumerate(roadmap.items)]
    if rows:
        s.execute(insert(ITEMS), rows)
    if "items" in p.__dict__:
        s.expire(p, ["items"])


def _row(p: m.Plan, item: RoadmapItem, pos: int) -> dict[str, Any]:
    d = item.to_dict()
    return {
        "plan_id": p.id, "owner_id": p.owner_id, "revision": p.revision, "position": pos,
        "key": item.key[:700], "kind": d["kind"], "title": d["title"][:500],
        "start": item.start, "end": item.end, "hours": item.hours,
        "hours_per_week": item.hours_per_week, "goal_id": item.goal_id,
        "resource": d["resource"], "reason": d["reason"], "detail": d["detail"],
        "status": d.get("status", "todo"), "data": d,
    }


def set_status(s: Session, p: m.Plan, item: m.RoadmapItem, status: str, today: date) -> None:
    """Record progress on one item; done, skipped or behind re-plan the rest from ``today``."""
    if status == "todo":
        item.status = status
        return
    marks = {i.key: i.status for i in current(p)}
    marks[item.key] = status
    fresh = replan(stored(p), marks, goal_specs(p.goals), candidates(s, p),
                   constraints(p.params), today, actions(p.params))
    store(p, fresh)


def feed_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_feed_token(p: m.Plan) -> str:
    """A fresh unguessable token for the plan's calendar feed; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    p.feed_token = feed_token_hash(token)
    return token


def plan_for_feed(s: Session, token: str) -> m.Plan | None:
    if not token or len(token) > 100:
        return None
    return s.scalar(select(m.Plan).where(m.Plan.feed_token == feed_token_hash(token)))


def ics(p: m.Plan, base_url: str) -> bytes:
    domain = urlparse(base_url).hostname or "skill-planner.local"
    stamp = (p.finished_at or p.created_at).replace(tzinfo=UTC)
    return export.to_ics(stored(p), name=f"Skill plan {p.id[:8]}", uid_domain=domain,
                         now=stamp if isinstance(stamp, datetime) else datetime.now(UTC))


def markdown(p: m.Plan) -> str:
    return export.to_markdown(stored(p))


def csv(p: m.Plan) -> str:
    return export.to_csv(stored(p))
