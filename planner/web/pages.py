"""Pages: new plan form, plan page (roadmap), API docs."""

from __future__ import annotations

import secrets
from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from planner import service
from planner.api import serialize
from planner.api.errors import ApiError
from planner.api.routes import enabled_providers, enqueue, plan_params
from planner.api.validation import require_text
from planner.extensions import db_session, owner_id, settings
from planner.store import models as m

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static")


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


def check_csrf() -> None:
    sent = request.form.get("csrf_token", "")
    if not sent or not secrets.compare_digest(sent, session.get("csrf", "")):
        abort(400, "The form expired; reload the page and send it again.")


@bp.app_context_processor
def _inject() -> dict[str, Any]:
    return {"csrf_token": csrf_token}


@bp.get("/")
def index() -> str:
    return render_template("index.html", errors=[], form={}, defaults=_defaults())


@bp.post("/")
def submit() -> Response | tuple[str, int]:
    check_csrf()
    form = {k: v.strip() for k, v in request.form.items() if k != "csrf_token"}
    data: dict[str, Any] = {k: v for k, v in form.items() if v}
    try:
        for key in ("hours_per_week", "budget"):
            if key in data:
                data[key] = _number(key, data[key])
        text = require_text(data, "text", settings().max_text_chars)
        assert text is not None
        params = plan_params(data)
        s = db_session()
        rej = service.add_rejection(s, owner_id(), text, company=data.get("company"),
                                    role=data.get("role"))
        plan = service.start_plan(s, rej, params, enabled_providers())
        s.commit()
        enqueue(plan.id)
    except ApiError as exc:
        return render_template("index.html", errors=[exc.message], form=form,
                               defaults=_defaults()), exc.status
    return redirect(url_for("web.plan_page", plan_id=plan.id), 303)


@bp.get("/plans/<plan_id>")
def plan_page(plan_id: str) -> str:
    p = service.owned(db_session(), m.Plan, plan_id, owner_id())
    if p is None:
        abort(404)
    return render_template("plan.html", plan=serialize.plan(p))


def _defaults() -> dict[str, Any]:
    return {"hours_per_week": settings().default_hours_per_week}


def _number(key: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ApiError(400, "invalid_request", f"{key}: enter a number, like 6.") from None
    if key == "hours_per_week" and not 1 <= value <= 60:
        raise ApiError(400, "invalid_request", "hours_per_week: choose between 1 and 60 hours.")
    if key == "budget" and value < 0:
        raise ApiError(400, "invalid_request", "budget: cannot be negative.")
    return value
