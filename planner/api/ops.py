"""Operations endpoints: liveness and readiness."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify
from sqlalchemy import text

from planner.extensions import celery_client, services

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """The process is alive (no dependency is checked)."""
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz() -> tuple[Response, int]:
    """Database, Redis and at least one worker reachable; 503 naming what is not."""
    checks: dict[str, str] = {}
    try:
        with services().db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}"
    celery = celery_client()
    try:
        with celery.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        checks["redis"] = "ok"
        replies = celery.control.ping(timeout=1.0) or []
        checks["workers"] = f"{len(replies)} answering" if replies else "none answering"
    except Exception as exc:
        checks["redis"] = f"unreachable: {type(exc).__name__}"
        checks["workers"] = "unknown (no Redis)"
    ready = checks["database"] == "ok" and checks["redis"] == "ok" and "none" not in checks[
        "workers"]
    return jsonify({"status": "ready" if ready else "not ready", "checks": checks}), (
        200 if ready else 503)
