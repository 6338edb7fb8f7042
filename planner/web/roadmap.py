"""The plan page (live progress, then the roadmap) and the forms that work the roadmap."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from planner import roadmaps
from planner.api import serialize
from planner.extensions import db_session, settings
from planner.store import models as m
from planner.web import timeline, views
from planner.web.pages import bp, check_csrf, owned_or_404

RUNNING = ("queued", "fetching", "planning")
MARKS = {"done": "Marked done.", "skipped": "Skipped; the rest is re-planned.",
         "behind": "Noted. The rest is re-planned from today.", "todo": "Back on your list."}


def _plan(plan_id: str) -> m.Plan:
    return owned_or_404(m.Plan, plan_id)


@bp.get("/plans/<plan_id>")
def plan_page(plan_id: str) -> str:
    p = _plan(plan_id)
    data = serialize.plan(p)
    if p.status in RUNNING or not data["roadmap"]:
        return render_template("progress.html", plan=data, running=p.status in RUNNING)
    return render_template("roadmap.html", plan=data, **roadmap_view(p, data, date.today()))


def roadmap_view(p: m.Plan, data: dict[str, Any], today: date) -> dict[str, Any]:
    """Everything the roadmap page shows beyond ``serialize.plan``."""
    items = data["roadmap"]["items"]
    sessions = {i.id: i.data.get("sessions") or [] for i in roadmaps.current(p)}
    for i in items:
        i["sessions"] = sessions.get(i["id"], [])
    colours = views.goal_colours(data["goals"])
    reached = views.reached_milestones(items, data["goals"])
    target = data["params"].get("target_date")
    return {
        "colours": colours,
        "labels": {g["skill_id"]: g["label"] for g in data["goals"]},
        "progress": views.progress(items),
        "goal_progress": views.goal_progress(items, data["goals"]),
        "reached": reached,
        "week": views.this_week(items, float(data["params"]["hours_per_week"]), today),
        "timeline": timeline.build(items, colours, today,
                                   date.fromisoformat(target) if target else None, reached),
        "has_feed": bool(p.feed_token),
        "today": today,
        "cost_text": views.cost_text,
    }


@bp.post("/plans/<plan_id>/items/<int:item_id>")
def mark_item(plan_id: str, item_id: int) -> Response:
    """Done, skipped or behind re-plans the rest from today (a new revision); todo undoes."""
    check_csrf()
    status = request.form.get("status", "")
    if status not in roadmaps.STATUSES:
        abort(400, "Choose done, skip or behind.")
    s = db_session()
    p = _plan(plan_id)
    item = next((i for i in roadmaps.current(p) if i.id == item_id), None)
    if item is None:
        flash("That step changed since the page loaded; here is the latest roadmap.")
        return redirect(url_for("web.plan_page", plan_id=p.id), 303)
    before = set(_reached(p))
    roadmaps.set_status(s, p, item, status, date.today())
    s.commit()
    flash(MARKS[status])
    for title in _reached(p):
        if title not in before:
            flash(title, "celebrate")
    return redirect(url_for("web.plan_page", plan_id=p.id) + "#progress", 303)


def _reached(p: m.Plan) -> list[str]:
    return views.reached_milestones([serialize.item(i) for i in roadmaps.current(p)], p.goals)


@bp.post("/plans/<plan_id>/feed")
def create_feed(plan_id: str) -> Response:
    """A private calendar URL, shown once: only its hash is stored."""
    check_csrf()
    p = _plan(plan_id)
    token = roadmaps.new_feed_token(p)
    db_session().commit()
    url = settings().base_url.rstrip("/") + url_for("api.feed", token=token)
    flash(url, "feed")
    return redirect(url_for("web.plan_page", plan_id=p.id) + "#calendar", 303)


@bp.post("/plans/<plan_id>/feed/revoke")
def revoke_feed(plan_id: str) -> Response:
    check_csrf()
    p = _plan(plan_id)
    p.feed_token = None
    db_session().commit()
    flash("The calendar address no longer works; calendars subscribed to it stop updating.")
    return redirect(url_for("web.plan_page", plan_id=p.id) + "#calendar", 303)
