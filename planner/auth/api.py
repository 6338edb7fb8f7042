"""/api/v1/tokens and /api/v1/me: API tokens, the account, export and deletion."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Blueprint, Response, g, jsonify, session

from planner.api.errors import ApiError
from planner.api.validation import json_body, validate
from planner.auth import accounts, credentials
from planner.extensions import db_session
from planner.store import models as m

bp = Blueprint("auth_api", __name__, url_prefix="/api/v1")

TOKEN_REQUEST: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 100,
                 "description": "What the token is for, e.g. 'laptop'."},
        "expires_in_days": {"type": "integer", "minimum": 1, "maximum": 3650,
                            "description": "Lifetime in days. Default 90."},
    },
}
DELETE_ME_REQUEST: dict[str, Any] = {
    "type": "object",
    "required": ["confirm"],
    "additionalProperties": False,
    "properties": {"confirm": {"type": "string", "maxLength": 320,
                               "description": "Your account's email address, to confirm."}},
}


@bp.get("/tokens")
def list_tokens() -> Response:
    return jsonify({"tokens": [credentials.public(t)
                               for t in credentials.listed(db_session(), g.owner_id)]})


@bp.post("/tokens")
def create_token() -> tuple[Response, int]:
    """A new API token; the secret is in this response only (it is stored as a hash)."""
    data = json_body()
    validate(data, TOKEN_REQUEST)
    s = db_session()
    days = data.get("expires_in_days")
    lifetime = timedelta(days=days) if days else credentials.API_TOKEN_LIFETIME
    issued = credentials.issue(s, g.owner_id, "api", data.get("name") or "API token", lifetime)
    s.commit()
    return jsonify({**credentials.public(issued.row), "token": issued.secret}), 201


@bp.delete("/tokens/<token_id>")
def revoke_token(token_id: str) -> tuple[str, int]:
    s = db_session()
    if not credentials.revoke(s, g.owner_id, token_id):
        raise ApiError(404, "not_found", "No token with that id.")
    s.commit()
    return "", 204


@bp.get("/me")
def me() -> Response:
    user = db_session().get(m.User, g.owner_id)
    assert user is not None
    return jsonify({"id": user.id, "email": user.email, "display_name": user.display_name,
                    "created_at": user.created_at.isoformat()})


@bp.get("/me/export")
def export() -> Response:
    """Everything stored about you, as one JSON file."""
    resp = jsonify(accounts.export(db_session(), g.owner_id))
    resp.headers["Content-Disposition"] = 'attachment; filename="skill-planner-export.json"'
    return resp


@bp.delete("/me")
def delete_me() -> tuple[str, int]:
    """Delete your account and all its data; the body repeats your email to confirm."""
    data = json_body()
    validate(data, DELETE_ME_REQUEST)
    s = db_session()
    user = s.get(m.User, g.owner_id)
    assert user is not None
    if accounts.normalise_email(data["confirm"]) != (user.email or user.id):
        raise ApiError(400, "invalid_request",
                       "confirm: type your account's email address to delete the account.",
                       [{"field": "confirm", "problem": "does not match the account's email"}])
    accounts.delete_account(s, user.id)
    s.commit()
    session.clear()
    return "", 204
