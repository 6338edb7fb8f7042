"""The goals page: confirm, drop, re-prioritise or merge goals, then plan (or re-plan)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, session, url_for
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from planner import service
from planner.api.errors import ApiError
from planner.api.routes import enabled_providers, enqueue, plan_params
from planner.extensions import db_session, owner_id
from planner.skills import default_taxonomy
from planner.skills.find import MAX_QUERY, find_skill
from planner.store import models as m
from planner.web import views
from planner.web.pages import (
    PARAM_FIELDS,
    bp,
    check_csrf,
    defaults,
    owned_or_404,
    params_data,
)

PRIORITIES = ((1, "1 · most urgent"), (2, "2 · soon"), (3, "3 · normal"), (4, "4 · later"),
              (5, "5 · nice to have"))
SHOWN = ("proposed", "confirmed", "dropped")  # merged goals live on in the goal they joined


def _rejection(rejection_id: str) -> m.Rejection:
    return owned_or_404(m.Rejection, rejection_id)


@bp.get("/rejections/<rejection_id>")
def goals_page(rejection_id: str) -> str:
    rej = _rejection(rejection_id)
    return render_goals(rej, settings_form(rej), errors=[])


def render_goals(rej: m.Rejection, form: dict[str, Any], errors: list[str],
                 add: dict[str, Any] | None = None) -> str:
    goals = [g for g in rej.goals if g.status in SHOWN]
    sources = {"feedback": rej.text, "job_description": rej.job_description,
               "resume": rej.resume}
    spans = {src: views.evidence_spans(goals, src) for src in sources}
    spans["feedback"] += views.unnamed_spans(rej.unnamed_reasons)
    texts = {src: views.highlight(text, spans[src]) for src, text in sources.items() if text}
    plans = db_session().scalars(select(m.Plan).where(
        m.Plan.rejection_id == rej.id, m.Plan.owner_id == owner_id())
        .order_by(m.Plan.created_at.desc())).all()
    return render_template("goals.html", rejection=rej, goals=goals, texts=texts, plans=plans,
                           form=form, errors=errors, priorities=PRIORITIES,
                           defaults=defaults(), add=add or {},
                           named=service.named_reasons(rej))


def settings_form(rej: m.Rejection) -> dict[str, Any]:
    """Plan settings to show: this rejection's draft, else its latest plan's, else defaults."""
    draft = session.get("draft") or {}
    if draft.get("rejection_id") == rej.id:
        return {k: v for k, v in draft.items() if k in PARAM_FIELDS}
    latest = db_session().scalar(select(m.Plan).where(
        m.Plan.rejection_id == rej.id, m.Plan.owner_id == owner_id())
        .order_by(m.Plan.created_at.desc()).limit(1))
    if latest is None:
        return dict(defaults())
    p = latest.params
    out = {k: p.get(k) for k in ("hours_per_week", "start_date", "target_date", "budget")}
    out["start_date"] = defaults()["start_date"]  # a re-plan starts today
    if p.get("budget") == 0:
        out.update(budget=None, free_only="on")
    out["preferred_level"] = p.get("preferred_level")
    out.update({f"prefer_{k}": "on" for k in p.get("preferred_kinds") or ()})
    return {k: v for k, v in out.items() if v is not None}


@bp.post("/rejections/<rejection_id>")
def goals_submit(rejection_id: str) -> Response | tuple[str, int]:
    """Save goal changes; then merge, or start a plan, as the pressed button says."""
    check_csrf()
    rej = _rejection(rejection_id)
    form = {k: v.strip() for k, v in request.form.items() if k not in ("csrf_token", "merge")}
    settings = {k: form[k] for k in PARAM_FIELDS if k in form}
    action = form.get("action", "save")
    s = db_session()
    try:
        _apply(rej, request.form)
        if action == "merge":
            _merge(rej, request.form.getlist("merge"), form.get("merge_label", ""))
    except ApiError as exc:
        s.rollback()
        return render_goals(_rejection(rejection_id), settings, [exc.message]), exc.status
    s.commit()  # goal changes are kept even if the plan settings need fixing
    session["draft"] = {"rejection_id": rej.id, **settings}
    if action == "plan":
        return _start(rej, form, settings)
    flash("Goals merged." if action == "merge" else "Changes saved.")
    return redirect(url_for("web.goals_page", rejection_id=rej.id), 303)


@bp.post("/rejections/<rejection_id>/goals")
def goals_add(rejection_id: str) -> Response | tuple[str, int]:
    """Add a goal by what the person types, or by the suggestion they picked."""
    check_csrf()
    rej = _rejection(rejection_id)
    name = (request.form.get("pick") or request.form.get("skill") or "").strip()
    settings = settings_form(rej)
    reason, evidence = _reason(rej, request.form.get("reason"))
    failed = {"error": True, "reason": reason}
    if reason is not None and evidence is None:
        return render_goals(rej, settings, ["That sentence is not one of this feedback's "
                                            "reasons any more: reload the page and try again."],
                            {"error": True}), 400
    if not name:
        return render_goals(rej, settings, ["Type the skill you want to add, for example "
                                            "“stakeholder management” or “PRINCE2”."],
                            failed), 400
    if len(name) > MAX_QUERY:
        return render_goals(rej, settings, [f"A skill's name: at most {MAX_QUERY} characters."],
                            failed), 400
    found = find_skill(name, default_taxonomy())
    if found.entry is None:
        shown = " ".join(name.split())[:60]
        message = f"No skill in our list is called “{shown}”."
        if found.suggestions:
            message += " Choose one of the closest below, or try other words."
        return render_goals(rej, settings, [message], {
            **failed, "text": name, "suggestions": found.suggestions}), 422
    s = db_session()
    try:
        goal, created = service.add_goal(s, rej, found.entry, evidence)
        s.commit()
    except (service.GoalConflict, IntegrityError) as exc:  # the latter: a double submit
        s.rollback()
        message = (exc.message if isinstance(exc, service.GoalConflict)
                   else service.already_a_goal(found.entry))
        return render_goals(_rejection(rejection_id), settings, [message], failed), 409
    if created:
        flash(f"Added “{goal.label}” to your goals.")
    elif evidence is not None:
        flash(f"“{goal.label}” now quotes that sentence, and you will work on it.")
    else:
        flash(f"You will work on “{goal.label}”: it is confirmed.")
    return redirect(url_for("web.goals_page", rejection_id=rej.id, _anchor=f"goal-{goal.id}"), 303)


def _reason(rej: m.Rejection, raw: str | None) -> tuple[int | None, dict[str, Any] | None]:
    """The listed reason a form names (its index and the sentence as evidence); (None, None)
    when the form names none, and (index, None) when the index is not one of them."""
    if raw is None or not raw.strip():
        return None, None
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 3):
        return -1, None
    index = int(raw)
    try:
        return index, service.reason_evidence(rej, index)
    except service.NoSuchReason:
        return index, None


def _start(rej: m.Rejection, form: dict[str, str], settings: dict[str, str]
           ) -> Response | tuple[str, int]:
    s = db_session()
    try:
        params = plan_params(params_data(form))
        plan = service.start_plan(s, rej, params, enabled_providers())
        s.commit()
        enqueue(plan.id)
    except ApiError as exc:
        s.rollback()
        return render_goals(rej, settings, [exc.message]), exc.status
    session.pop("draft", None)
    return redirect(url_for("web.plan_page", plan_id=plan.id), 303)


def _apply(rej: m.Rejection, form: Any) -> None:
    """Status and priority per goal; only this rejection's goals are ever touched."""
    for g in rej.goals:
        if g.status not in SHOWN:
            continue
        status = form.get(f"status-{g.id}")
        if status in ("confirmed", "dropped"):
            g.status = status
        raw = form.get(f"priority-{g.id}")
        if raw is not None:
            if raw not in ("1", "2", "3", "4", "5"):
                raise ApiError(400, "invalid_request", f"{g.label}: choose a priority from 1 to 5.")
            g.priority = int(raw)


def _merge(rej: m.Rejection, ids: list[str], label: str) -> None:
    chosen = [g for g in rej.goals if g.id in ids and g.status in SHOWN]
    if len(chosen) < 2:
        raise ApiError(400, "invalid_request", "Tick at least two goals to merge them.")
    if len(label) > 300:
        raise ApiError(400, "invalid_request", "The merged goal's name: at most 300 characters.")
    service.merge_goals(chosen, label or None)
