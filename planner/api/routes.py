"""Routes of /api/v1."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, url_for
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from planner import roadmaps, service, skills
from planner.api import serialize
from planner.api.errors import ApiError, error_response
from planner.api.schemas import (
    FEEDBACK_REQUEST,
    GOAL_ADD,
    GOAL_MERGE,
    GOAL_UPDATE,
    ITEM_UPDATE,
    PLAN_PARAMS,
    PLAN_REQUEST,
)
from planner.api.validation import json_body, parse_date, require_text, validate
from planner.extensions import (
    celery_client,
    db_session,
    owner_id,
    provider_registry,
    read_cache,
    settings,
)
from planner.queue import enqueue_plan
from planner.skills import default_taxonomy
from planner.skills.find import find_skill
from planner.skills.text import TextError
from planner.store import models as m

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.post("/feedback")
def post_feedback() -> tuple[Response, int]:
    """Store feedback, extract goals and start a plan; 202 with links to poll."""
    data = json_body()
    validate(data, FEEDBACK_REQUEST)
    limit = settings().max_text_chars
    text = require_text(data, "text", limit)
    assert text is not None
    jd = require_text(data, "job_description", limit, required=False)
    resume = require_text(data, "resume", limit, required=False)
    params = plan_params(data)
    s = db_session()
    rej = service.add_rejection(
        s, owner_id(), text, company=data.get("company"), role=data.get("role"),
        received_on=parse_date(data, "received_on"), job_description=jd, resume=resume,
    )
    plan = service.start_plan(s, rej, params, enabled_providers())
    s.commit()
    enqueue(plan.id)
    return accepted(plan, rej), 202


@bp.post("/plans")
def post_plan() -> tuple[Response, int]:
    """Plan (again) from a rejection's confirmed goals."""
    data = json_body()
    validate(data, PLAN_REQUEST)
    s = db_session()
    rej = _rejection(data["rejection_id"])
    plan = service.start_plan(s, rej, plan_params(data), enabled_providers())
    s.commit()
    enqueue(plan.id)
    return accepted(plan, rej), 202


@bp.get("/plans")
def list_plans() -> Response:
    rows = db_session().scalars(
        select(m.Plan).where(m.Plan.owner_id == owner_id()).order_by(m.Plan.created_at.desc())
    )
    return jsonify({"plans": [
        {"id": p.id, "status": p.status, "created_at": p.created_at.isoformat(),
         "links": serialize.plan_links(p.id)} for p in rows]})


@bp.get("/plans/<plan_id>")
def get_plan(plan_id: str) -> Response:
    """A plan with its progress and roadmap; a finished plan is served from the read cache."""
    cache, owner = read_cache(), owner_id()
    body, gen = cache.plan(plan_id, owner)
    if body is not None:
        return Response(body, mimetype="application/json")
    p = _plan(plan_id)
    resp = jsonify(serialize.plan(p))
    if gen is not None and p.status in serialize.FINISHED:
        cache.keep_plan(plan_id, owner, gen, resp.get_data())
    return resp


@bp.get("/plans/<plan_id>/roadmap.<fmt>")
def plan_export(plan_id: str, fmt: str) -> Response:
    """The current roadmap as iCalendar (ics), Markdown (md) or CSV (csv)."""
    if fmt not in EXPORTS:
        raise ApiError(404, "not_found", "Exports are roadmap.ics, roadmap.md and roadmap.csv.")
    p = _ready_plan(plan_id)
    mimetype, render = EXPORTS[fmt]
    body = roadmaps.ics(p, settings().base_url) if fmt == "ics" else render(p)
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="roadmap-{p.id[:8]}.{fmt}"'})


EXPORTS: dict[str, tuple[str, Any]] = {
    "ics": ("text/calendar", None),
    "md": ("text/markdown", roadmaps.markdown),
    "csv": ("text/csv", roadmaps.csv),
}


@bp.patch("/plans/<plan_id>/items/<int:item_id>")
def patch_item(plan_id: str, item_id: int) -> Response:
    """Mark an item todo, done, skipped or behind; the last three re-plan the rest from today."""
    data = json_body()
    validate(data, ITEM_UPDATE)
    s = db_session()
    p = _ready_plan(plan_id)
    item = next((i for i in roadmaps.current(p) if i.id == item_id), None)
    if item is None:
        raise ApiError(404, "not_found", "No item with that id in the plan's current roadmap.")
    today = parse_date(data, "today") or date.today()
    roadmaps.set_status(s, p, item, data["status"], today)
    s.commit()
    return jsonify(serialize.plan(p))


@bp.post("/plans/<plan_id>/feed")
def create_feed(plan_id: str) -> tuple[Response, int]:
    """Create (or replace) the plan's private calendar feed URL; the old URL stops working."""
    s = db_session()
    p = _plan(plan_id)
    token = roadmaps.new_feed_token(p)
    s.commit()
    url = settings().base_url.rstrip("/") + url_for("api.feed", token=token)
    return jsonify({"feed_url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}), 201


@bp.delete("/plans/<plan_id>/feed")
def revoke_feed(plan_id: str) -> tuple[str, int]:
    s = db_session()
    p = _plan(plan_id)
    p.feed_token = None
    s.commit()
    return "", 204


@bp.get("/feeds/<token>.ics")
def feed(token: str) -> Response:
    """A plan's calendar for calendar apps: the unguessable token is the only credential."""
    p = roadmaps.plan_for_feed(db_session(), token)
    if p is None or not p.revision:
        raise ApiError(404, "not_found", "No calendar at this address; it may have been revoked.")
    return Response(roadmaps.ics(p, settings().base_url), mimetype="text/calendar")


@bp.get("/rejections")
def list_rejections() -> Response:
    rows = db_session().scalars(select(m.Rejection).where(m.Rejection.owner_id == owner_id())
                                .order_by(m.Rejection.created_at.desc()))
    return jsonify({"rejections": [serialize.rejection(r) for r in rows]})


@bp.get("/rejections/<rejection_id>")
def get_rejection(rejection_id: str) -> Response:
    return jsonify(serialize.rejection(_rejection(rejection_id)))


@bp.post("/rejections/<rejection_id>/goals")
def add_goal(rejection_id: str) -> tuple[Response, int]:
    """Add a goal the feedback implies but does not name, by its name, an alias or its id;
    with ``reason``, the listed sentence it comes from becomes its evidence."""
    data = json_body()
    validate(data, GOAL_ADD)
    s = db_session()
    rej = _rejection(rejection_id)
    evidence = None
    if "reason" in data:
        try:
            evidence = service.reason_evidence(rej, data["reason"])
        except service.NoSuchReason as exc:
            raise ApiError(422, "unknown_reason", str(exc),
                           [{"field": "reason", "problem": "no such reason"}]) from None
    entry = resolve_skill(data["skill"])
    try:
        goal, created = service.add_goal(s, rej, entry, evidence)
        s.commit()
    except service.GoalConflict as exc:
        raise ApiError(409, "already_a_goal", exc.message,
                       [{"field": "skill", "problem": "already a goal", "goal_id": exc.goal.id}]
                       ) from None
    except IntegrityError:  # the same skill added at the same moment (a double submit)
        s.rollback()
        raise ApiError(409, "already_a_goal", service.already_a_goal(entry),
                       [{"field": "skill", "problem": "already a goal"}]) from None
    return jsonify(serialize.goal(goal)), 201 if created else 200


def resolve_skill(name: str) -> skills.Entry:
    """The taxonomy entry ``name`` names, or a 422 that lists the closest ones."""
    found = find_skill(name, default_taxonomy())
    if found.entry is not None:
        return found.entry
    shown = " ".join(name.split())[:60]
    close = [{"skill_id": e.skill_id, "label": e.label, "kind": e.kind.value}
             for e in found.suggestions]
    hint = ("; the closest: " + ", ".join(c["label"] for c in close)) if close else ""
    raise ApiError(422, "unknown_skill",
                   f"skill: no skill is called “{shown}”{hint}. Send one of their skill_ids.",
                   [{"field": "skill", "problem": "not in the taxonomy", "suggestions": close}])


@bp.patch("/goals/<goal_id>")
def patch_goal(goal_id: str) -> Response:
    """Confirm, drop or re-prioritise a goal before planning."""
    data = json_body()
    validate(data, GOAL_UPDATE)
    s = db_session()
    goal = service.owned(s, m.SkillGoal, goal_id, owner_id())
    if goal is None:
        raise ApiError(404, "not_found", "No goal with that id.")
    for field in ("status", "priority"):
        if field in data:
            setattr(goal, field, data[field])
    s.commit()
    return jsonify(serialize.goal(goal))


@bp.post("/goals/merge")
def merge_goals() -> Response:
    """Merge goals that name the same thing: the first keeps the evidence of all."""
    data = json_body()
    validate(data, GOAL_MERGE)
    s = db_session()
    goals = [service.owned(s, m.SkillGoal, gid, owner_id()) for gid in data["goal_ids"]]
    if any(g is None for g in goals):
        raise ApiError(404, "not_found", "One of goal_ids does not exist.")
    keep = service.merge_goals(goals, data.get("label"))
    s.commit()
    return jsonify(serialize.goal(keep))


@bp.get("/themes")
def themes() -> Response:
    """Skills that recur across your rejections, most frequent first, with evidence from each."""
    return jsonify({"themes": service.themes(db_session(), owner_id())})


@bp.get("/providers")
def list_providers() -> Response:
    """Installed providers: enabled, configured, loaded, and why not."""
    return jsonify({"providers": provider_registry().status()})


@bp.errorhandler(TextError)
def _unreadable_text(exc: TextError) -> Response:
    """The extractor could not read the text (binary, too long...): the client must fix it."""
    return error_response(400, "invalid_text", f"text: {exc}")


def plan_params(data: dict[str, Any]) -> service.PlanParams:
    """Typed plan settings; the one place their ranges are checked, for the API and the pages."""
    validate({k: v for k, v in data.items() if k in PLAN_PARAMS},
             {"type": "object", "properties": PLAN_PARAMS})
    start = parse_date(data, "start_date") or date.today()
    target = parse_date(data, "target_date")
    if target is not None and target <= start:
        raise ApiError(400, "invalid_request",
                       "target_date: must be after start_date; pick a later date.",
                       [{"field": "target_date", "problem": "not after start_date"}])
    return service.PlanParams(
        hours_per_week=float(data.get("hours_per_week", settings().default_hours_per_week)),
        start_date=start, target_date=target,
        budget=float(data["budget"]) if data.get("budget") is not None else None,
        resources_per_goal=settings().resources_per_goal,
        preferred_level=data.get("preferred_level"),
        preferred_kinds=tuple(data.get("preferred_kinds") or ()),
    )


def enabled_providers() -> list[str]:
    return [p.name for p in provider_registry().enabled()]


def enqueue(plan_id: str) -> None:
    try:
        enqueue_plan(celery_client(), plan_id)
    except Exception as exc:  # the plan is stored; say how to get it moving
        current_app.logger.error("could not enqueue plan %s: %s", plan_id, exc)
        s = db_session()
        p = s.get(m.Plan, plan_id)
        if p is not None:
            p.status, p.error = "failed", "The task queue (Redis) could not be reached."
            s.commit()
        raise ApiError(503, "queue_unavailable",
                       "The task queue is not reachable; start it with `make run` or set "
                       "PLANNER_REDIS_URL, then post again.") from exc


def accepted(plan: m.Plan, rej: m.Rejection) -> Response:
    links = serialize.plan_links(plan.id)
    links["rejection"] = url_for("api.get_rejection", rejection_id=rej.id)
    resp = jsonify({"plan_id": plan.id, "rejection_id": rej.id, "status": plan.status,
                    "links": links})
    resp.headers["Location"] = links["self"]
    return resp


def _ready_plan(plan_id: str) -> m.Plan:
    p = _plan(plan_id)
    if not p.revision:
        raise ApiError(409, "not_ready", "The roadmap is not ready yet; poll the plan until it is.")
    return p


def _rejection(rejection_id: str) -> m.Rejection:
    rej: m.Rejection | None = service.owned(db_session(), m.Rejection, rejection_id, owner_id())
    if rej is None:
        raise ApiError(404, "not_found", "No rejection with that id.")
    return rej


def _plan(plan_id: str) -> m.Plan:
    p = db_session().scalar(select(m.Plan).options(selectinload(m.Plan.runs))
                            .where(m.Plan.id == plan_id, m.Plan.owner_id == owner_id()))
    if p is None:
        raise ApiError(404, "not_found", "No plan with that id.")
    return p
