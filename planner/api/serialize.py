"""Rows -> JSON for the API (and the pages, which render the same dicts)."""

from __future__ import annotations

from typing import Any

from flask import url_for

from planner import roadmaps
from planner.store import models as m


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def goal(g: m.SkillGoal) -> dict[str, Any]:
    return {
        "id": g.id, "skill_id": g.skill_id, "label": g.label, "kind": g.kind, "status": g.status,
        "priority": g.priority, "confidence": g.confidence, "framing": g.framing,
        "must_have": g.must_have, "esco_uri": g.esco_uri, "evidence": g.evidence,
        "rejection_id": g.rejection_id,
    }


def rejection(r: m.Rejection) -> dict[str, Any]:
    return {
        "id": r.id, "text": r.text, "company": r.company, "role": r.role,
        "received_on": _iso(r.received_on), "templated": r.templated, "actions": r.actions,
        "unnamed_reasons": r.unnamed_reasons,
        "goals": [goal(g) for g in r.goals], "created_at": _iso(r.created_at),
    }


def progress(p: m.Plan) -> int:
    """Percent done: fetching fills 10-85 as providers answer, planning 90, finished 100."""
    if p.status in ("ready", "partial", "failed"):
        return 100
    if p.status == "planning":
        return 90
    if p.status == "fetching" and p.runs:
        done = sum(1 for r in p.runs if r.status != "waiting")
        return 10 + int(75 * done / len(p.runs))
    return 0


FINISHED = ("ready", "partial", "failed")
# Run status (stored) -> the state a person reads: waiting, ok, failed or timed_out.
_STATES = {"waiting": "waiting", "ok": "ok", "failed": "failed", "timeout": "timed_out"}


def provider_state(r: m.ProviderRun) -> str:
    return _STATES.get(r.status, r.status)


def provider_run(r: m.ProviderRun) -> dict[str, Any]:
    """One provider's part: state, how many resources, why it failed, how long it took."""
    return {"name": r.provider, "status": r.status, "state": provider_state(r),
            "count": r.count,
            "error": r.error, "reason": r.error if r.status != "ok" else None,
            "latency_ms": r.latency_ms, "attempts": r.attempts, "cached": r.cached,
            "dropped": r.dropped}


def item(i: m.RoadmapItem) -> dict[str, Any]:
    return {
        "id": i.id, "key": i.key, "kind": i.kind, "title": i.title, "start": _iso(i.start),
        "end": _iso(i.end), "hours": round(i.hours, 2),
        "hours_per_week": round(i.hours_per_week, 2),
        "status": i.status, "goal_id": i.goal_id, "reason": i.reason, "detail": i.detail,
        "resource": i.resource,
    }


def plan(p: m.Plan) -> dict[str, Any]:
    items = roadmaps.current(p) if p.revision else []
    roadmap = None
    if p.revision:
        roadmap = {
            "revision": p.revision, "items": [item(i) for i in items], "verdict": p.verdict,
            "total_hours": round(sum(i.hours for i in items), 1),
            "total_cost": round(sum(_cost(i.resource) for i in items), 2),
        }
    return {
        "id": p.id, "status": p.status, "progress": progress(p), "error": p.error,
        "rejection_id": p.rejection_id, "params": {k: v for k, v in p.params.items()
                                                   if k != "actions"},
        "actions": p.params.get("actions", []), "goals": p.goals,
        "providers": [provider_run(r) for r in p.runs],
        "missing": [{"provider": r.provider, "state": provider_state(r), "reason": r.error}
                    for r in p.runs if r.status != "ok"] if p.status in FINISHED else [],
        "deadline_at": _iso(p.deadline_at),
        "roadmap": roadmap, "created_at": _iso(p.created_at), "finished_at": _iso(p.finished_at),
        "links": plan_links(p.id),
    }


def plan_links(plan_id: str) -> dict[str, str]:
    return {
        "self": url_for("api.get_plan", plan_id=plan_id),
        "roadmap_ics": url_for("api.plan_export", plan_id=plan_id, fmt="ics"),
        "roadmap_md": url_for("api.plan_export", plan_id=plan_id, fmt="md"),
        "roadmap_csv": url_for("api.plan_export", plan_id=plan_id, fmt="csv"),
        "page": url_for("web.plan_page", plan_id=plan_id),
    }


def _cost(resource: dict[str, Any] | None) -> float:
    if not resource:
        return 0.0
    cost = resource.get("cost") or {}
    return 0.0 if cost.get("free") else float(cost.get("amount") or 0.0)
