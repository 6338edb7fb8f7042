"""Request validation with messages that name the field and the fix."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import request
from jsonschema import Draft202012Validator

from planner.api.errors import ApiError


def json_body() -> dict[str, Any]:
    """The request's JSON object, or a 4xx saying what is wrong with it."""
    if not request.is_json:
        raise ApiError(415, "unsupported_media_type",
                       "Send the body as JSON with the header 'Content-Type: application/json'.")
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, "invalid_json", "The body is not valid JSON (UTF-8).")
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_body", "The body must be a JSON object, e.g. {\"text\": \"...\"}.")
    return data


def validate(data: dict[str, Any], schema: dict[str, Any]) -> None:
    """Raise a 400 listing every field that does not match ``schema``."""
    problems = [
        {"field": _field(err), "problem": _message(err)}
        for err in sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    ]
    if problems:
        first = problems[0]
        raise ApiError(400, "invalid_request",
                       f"{first['field']}: {first['problem']}" if first["field"] else first["problem"],
                       problems)


def parse_date(data: dict[str, Any], name: str) -> date | None:
    raw = data.get(name)
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise ApiError(400, "invalid_request", f"{name}: use a calendar date like 2026-12-31.",
                       [{"field": name, "problem": "not a valid YYYY-MM-DD date"}]) from None


def require_text(data: dict[str, Any], name: str, limit: int, required: bool = True) -> str | None:
    raw = data.get(name)
    if raw is None and not required:
        return None
    if not isinstance(raw, str) or not raw.strip():
        raise ApiError(400, "invalid_request",
                       f"{name}: paste the text you received; it cannot be empty.",
                       [{"field": name, "problem": "empty"}])
    if len(raw) > limit:
        raise ApiError(400, "invalid_request",
                       f"{name}: the text is {len(raw):,} characters; the limit is {limit:,}. "
                       "Keep the part with the feedback.",
                       [{"field": name, "problem": "too long", "limit": limit}])
    if "\x00" in raw:
        raise ApiError(400, "invalid_request", f"{name}: contains binary data; paste plain text.",
                       [{"field": name, "problem": "binary"}])
    return raw


def _field(err: Any) -> str:
    if err.validator == "required":
        return str(err.message.split("'")[1])
    if err.validator == "additionalProperties":
        return ", ".join(sorted(set(err.instance) - set(err.schema.get("properties", {}))))
    return ".".join(str(p) for p in err.path)


def _message(err: Any) -> str:
    if err.validator == "additionalProperties":
        allowed = ", ".join(sorted(err.schema.get("properties", {})))
        return f"unknown field; allowed fields are: {allowed}"
    if err.validator == "required":
        return "is required"
    if err.validator == "type":
        return f"must be a {err.validator_value}, not {type(err.instance).__name__}"
    if err.validator in ("minimum", "exclusiveMinimum"):
        return f"must be at least {err.validator_value}" + (
            " (exclusive)" if err.validator == "exclusiveMinimum" else "")
    if err.validator in ("maximum",):
        return f"must be at most {err.validator_value}"
    if err.validator == "maxLength":
        return f"must be at most {err.validator_value} characters"
    if err.validator == "enum":
        return f"must be one of {', '.join(map(str, err.validator_value))}"
    return str(err.message)
