"""The pages blueprint: CSRF, the new-plan form, history and providers.

Every page acts for ``owner_id()`` and reads rows through ``service.owned`` or an owner filter,
so accounts only have to change who ``owner_id()`` is.
"""

from __future__ import annotations

import math
import secrets
from datetime import date
from typing import Any, TypeVar

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response

from planner import service
from planner.api.errors import ApiError
from planner.api.routes import plan_params
from planner.api.validation import require_text
from planner.extensions import db_session, owner_id, provider_registry, settings
from planner.skills.text import CLAUSE_MARKS, role_title_spans
from planner.store import models as m
from planner.web import security
from planner.web.upload import UploadError, read_upload

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static",
               static_url_path="/assets")  # /static is the app's own
bp.after_app_request(security.add_headers)

T = TypeVar("T")
PREFER_KINDS = ("course", "reading", "practice", "volunteer", "certification", "event",
                "community")
PARAM_FIELDS = ("hours_per_week", "start_date", "target_date", "budget", "free_only",
                "preferred_level", *(f"prefer_{k}" for k in PREFER_KINDS))


def owned_or_404(model: type[T], obj_id: str) -> T:
    """The signed-in person's row with that id; anyone else's, or none, is a 404 page."""
    row: T | None = service.owned(db_session(), model, obj_id, owner_id())
    if row is None:
        abort(404)
    return row


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
    return render_template("index.html", errors=[], form={}, defaults=defaults())


@bp.post("/")
def submit() -> Response | tuple[str, int]:
    """Store the feedback and its goals, then let the person review them before planning."""
    check_csrf()
    form = {k: v.strip() for k, v in request.form.items() if k != "csrf_token"}
    try:
        text = _feedback_text(form)
        data = params_data(form)
        plan_params(data)  # check dates and numbers now, while the form is on screen
        limit = settings().max_text_chars
        jd, resume = (require_text(form, k, limit) if form.get(k) else None
                      for k in ("job_description", "resume"))
        rej = service.add_rejection(db_session(), owner_id(), text, company=form.get("company")
                                    or None, role=form.get("role") or None,
                                    job_description=jd, resume=resume)
        db_session().commit()
    except ApiError as exc:
        return render_template("index.html", errors=[exc.message], form=form,
                               defaults=defaults()), exc.status
    session["draft"] = {"rejection_id": rej.id, **{k: form[k] for k in PARAM_FIELDS if k in form}}
    return redirect(url_for("web.goals_page", rejection_id=rej.id), 303)


def _feedback_text(form: dict[str, str]) -> str:
    try:
        uploaded = read_upload(request.files.get("file"))
    except UploadError as exc:
        raise ApiError(400, "invalid_upload", str(exc)) from None
    text = "\n\n".join(t for t in (form.get("text"), uploaded) if t)
    if uploaded and not form.get("text"):
        form["text"] = uploaded  # shown again if another field needs fixing
    checked = require_text({"text": text}, "text", settings().max_text_chars)
    assert checked is not None
    return checked


def params_data(form: dict[str, str]) -> dict[str, Any]:
    """Plan settings from a form, typed as the API's ``plan_params`` reads them."""
    data: dict[str, Any] = {k: form[k] for k in ("start_date", "target_date") if form.get(k)}
    for key in ("hours_per_week", "budget"):
        if form.get(key):
            data[key] = _number(key, form[key])
    if form.get("free_only"):
        data["budget"] = 0.0
    if form.get("preferred_level"):
        data["preferred_level"] = form["preferred_level"]  # checked by plan_params
    kinds = [k for k in PREFER_KINDS if form.get(f"prefer_{k}")]
    if kinds:
        data["preferred_kinds"] = kinds
    return data


def defaults() -> dict[str, Any]:
    return {"hours_per_week": settings().default_hours_per_week,
            "start_date": date.today().isoformat()}


def _number(key: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise ApiError(400, "invalid_request", f"{key}: enter a number, like 6.")
    return value  # ranges are checked once, by plan_params


@bp.get("/history")
def history() -> str:
    """Every rejection, newest first, with the skills that keep coming up."""
    s = db_session()
    me = owner_id()
    rejections = list(s.scalars(select(m.Rejection).options(selectinload(m.Rejection.goals))
                                .where(m.Rejection.owner_id == me)
                                .order_by(m.Rejection.created_at.desc())))
    plans: dict[str | None, list[m.Plan]] = {}
    for p in s.scalars(select(m.Plan).where(m.Plan.owner_id == me)
                       .order_by(m.Plan.created_at.desc())):
        plans.setdefault(p.rejection_id, []).append(p)
    themes = service.themes(s, me)
    titles = {r.id: rejection_title(r) for r in rejections}
    return render_template("history.html", rejections=rejections, plans=plans, titles=titles,
                           recurring=[t for t in themes if t["count"] > 1],
                           single=[t for t in themes if t["count"] == 1])


def rejection_title(r: m.Rejection) -> str:
    """Company and role as the person gave them, else the role the text names, else a default."""
    if r.company or r.role:
        return " · ".join(x for x in (r.company, r.role) if x)
    named = next((r.text[sp.start : sp.end].strip() for sp in role_title_spans(r.text)), "")
    return f"{named} role" if named else "Feedback without a company or role"


@bp.get("/providers")
def providers() -> str:
    """What is installed, whether it is ready, and how it has answered lately."""
    reg = provider_registry()
    rows = reg.status() if hasattr(reg, "status") else _fallback_status(reg)
    return render_template("providers.html", rows=rows, health=_recent_health())


def _fallback_status(reg: Any) -> list[dict[str, Any]]:
    rows = [{"name": n, "state": "load_error", "error": e, "kinds": [], "description": ""}
            for n, e in reg.failed.items()]
    for name, prov in reg.providers.items():
        ready, reason = prov.configured()
        rows.append({"name": name, "state": "ready" if ready else "not_configured",
                     "reason": reason, "version": prov.version,
                     "kinds": sorted(k.value for k in prov.kinds), "description": ""})
    return sorted(rows, key=lambda r: str(r["name"]))


@bp.app_template_filter("quote")
def quote(text: object) -> str:
    """Evidence as a quote: from its first word (older goals stored the clause mark before it)."""
    return str(text or "").strip().lstrip(CLAUSE_MARKS)


@bp.app_template_filter("http_url")
def http_url(url: object) -> str:
    """Links from providers are untrusted: only http(s) URLs become hrefs."""
    text = str(url or "")
    return text if text.lower().startswith(("https://", "http://")) else "#"


def _recent_health(limit: int = 500) -> dict[str, dict[str, Any]]:
    """Per provider, over this person's most recent runs: answered, failed, median latency,
    last error (other people's plans are theirs alone)."""
    runs = db_session().scalars(
        select(m.ProviderRun).join(m.Plan, m.Plan.id == m.ProviderRun.plan_id)
        .where(m.ProviderRun.status != "waiting", m.Plan.owner_id == owner_id())
        .order_by(m.ProviderRun.id.desc()).limit(limit))
    out: dict[str, dict[str, Any]] = {}
    for r in runs:
        h = out.setdefault(r.provider, {"ok": 0, "failed": 0, "latencies": [], "last_error": None})
        if r.status == "ok":
            h["ok"] += 1
        else:
            h["failed"] += 1
            h["last_error"] = h["last_error"] or r.error
        if r.latency_ms is not None:
            h["latencies"].append(r.latency_ms)
    for h in out.values():
        lat = sorted(h.pop("latencies"))
        h["median_ms"] = lat[len(lat) // 2] if lat else None
    return out
