"""The accounts part of the OpenAPI document: Bearer security, 401/429 on every protected
operation, and the /tokens and /me endpoints."""

from __future__ import annotations

import copy
from typing import Any

from planner.auth.api import DELETE_ME_REQUEST, TOKEN_REQUEST

# Ids and tokens in paths are URL-safe; text in bodies has no control characters except tab,
# newline and carriage return (planner.api.validation refuses the rest with a 400).
ID_PATTERN = "^[A-Za-z0-9_-]+$"
TEXT_PATTERN = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$"
# Operations anyone may call (no Bearer token); everything else needs one.
PUBLIC_PATHS = frozenset({"/api/v1/feeds/{token}.ics"})
_ERR = {"$ref": "#/components/schemas/Error"}

TOKEN: dict[str, Any] = {
    "type": "object", "required": ["id", "name", "prefix", "created_at"],
    "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                   "prefix": {"type": "string"}, "created_at": {"type": "string"},
                   "last_used_at": {"type": ["string", "null"]},
                   "expires_at": {"type": ["string", "null"]}},
}
NEW_TOKEN: dict[str, Any] = {**TOKEN, "required": [*TOKEN["required"], "token"],
                             "properties": {**TOKEN["properties"], "token": {
                                 "type": "string", "description": "Shown once; send as "
                                 "'Authorization: Bearer <token>'."}}}
ME: dict[str, Any] = {
    "type": "object", "required": ["id", "email", "display_name", "created_at"],
    "properties": {"id": {"type": "string"}, "email": {"type": ["string", "null"]},
                   "display_name": {"type": "string"}, "created_at": {"type": "string"}},
}
EXPORT: dict[str, Any] = {
    "type": "object", "required": ["format", "account", "rejections", "plans", "api_tokens"],
    "properties": {"format": {"type": "string"}, "account": ME,
                   "rejections": {"type": "array", "items": {"type": "object"}},
                   "plans": {"type": "array", "items": {"type": "object"}},
                   "api_tokens": {"type": "array", "items": TOKEN}},
}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _err(desc: str) -> dict[str, Any]:
    return {"description": desc, **_json(_ERR)}


def _body(name: str) -> dict[str, Any]:
    return {"required": True, **_json({"$ref": f"#/components/schemas/{name}"})}


def _bad_body() -> dict[str, Any]:
    return {"400": _err("Invalid input: the message names the field and the fix."),
            "413": _err("The body is too large."), "415": _err("The body is not JSON.")}


PATHS: dict[str, Any] = {
    "/api/v1/tokens": {
        "get": {"summary": "Your API tokens (never their secrets)", "responses": {
            "200": {"description": "Tokens.", **_json({
                "type": "object", "required": ["tokens"],
                "properties": {"tokens": {"type": "array", "items": TOKEN}}})}}},
        "post": {"summary": "Create an API token; its secret is in this response only",
                 "requestBody": _body("TokenRequest"), "responses": {
                     "201": {"description": "The new token.", **_json(NEW_TOKEN)},
                     **_bad_body()}},
    },
    "/api/v1/tokens/{token_id}": {"delete": {
        "summary": "Revoke an API token", "parameters": [
            {"name": "token_id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"204": {"description": "Revoked."}, "404": _err("Not found.")}}},
    "/api/v1/me": {
        "get": {"summary": "Your account", "responses": {
            "200": {"description": "The account.", **_json(ME)}}},
        "delete": {"summary": "Delete your account and all its data (confirm with your email)",
                   "requestBody": _body("DeleteAccountRequest"), "responses": {
                       "204": {"description": "Deleted."}, **_bad_body()}},
    },
    "/api/v1/me/export": {"get": {"summary": "Everything stored about you, as JSON",
                                  "responses": {"200": {"description": "The export.",
                                                        **_json(EXPORT)}}}},
}


def secure(spec: dict[str, Any]) -> dict[str, Any]:
    """Add the account endpoints, the Bearer scheme, and the 400/401/429 answers that any
    protected operation can give (bad address, no or bad token, rate limit)."""
    spec = copy.deepcopy(spec)
    spec["paths"].update(copy.deepcopy(PATHS))
    components = spec.setdefault("components", {})
    components.setdefault("schemas", {}).update(copy.deepcopy(
        {"TokenRequest": TOKEN_REQUEST, "DeleteAccountRequest": DELETE_ME_REQUEST}))
    components["securitySchemes"] = {"bearer": {
        "type": "http", "scheme": "bearer",
        "description": "An API token from /account, `planner users token EMAIL` or "
                       "POST /api/v1/tokens."}}
    spec["security"] = [{"bearer": []}]
    for name in _request_schemas(spec):
        _no_control_characters(components["schemas"][name])
    for path, ops in spec["paths"].items():
        for op in ops.values():
            for param in op.get("parameters", []):
                if param["in"] == "path" and param["schema"] == {"type": "string"}:
                    param["schema"]["pattern"] = ID_PATTERN
            responses = op["responses"]
            responses.setdefault("400", _err("Bad request (e.g. control characters in the "
                                              "address)."))
            responses.setdefault("429", {**_err("Too many requests."), "headers": {
                "Retry-After": {"description": "Seconds to wait.",
                                "schema": {"type": "integer"}}}})
            if path in PUBLIC_PATHS:
                op["security"] = []
            else:
                responses.setdefault("401", _err("No valid API token (or session)."))
                responses.setdefault("403", _err("A cross-site request with a session cookie."))
    return spec


def _request_schemas(spec: dict[str, Any]) -> set[str]:
    refs = set()
    for ops in spec["paths"].values():
        for op in ops.values():
            schema = op.get("requestBody", {}).get("content", {}).get(
                "application/json", {}).get("schema", {})
            if "$ref" in schema:
                refs.add(schema["$ref"].rsplit("/", 1)[1])
    return refs


def _no_control_characters(schema: dict[str, Any]) -> None:
    """Say in the schema what validation enforces: strings have no control characters."""
    if schema.get("type") == "string" and not {"enum", "pattern", "format"} & set(schema):
        schema["pattern"] = TEXT_PATTERN
    for sub in schema.get("properties", {}).values():
        _no_control_characters(sub)
    if isinstance(schema.get("items"), dict):
        _no_control_characters(schema["items"])
