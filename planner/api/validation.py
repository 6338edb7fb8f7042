"""Request validation with messages that name the field and the fix."""

from __future__ import annotations

import json
import math
import re
from datetime import date
from typing import Any

from flask import request
from jsonschema import Draft202012Validator

from planner.api.errors import ApiError

# Nesting deeper than this is no request this API takes; refusing it early bounds the work.
MAX_DEPTH = 20
# NUL and lone surrogates cannot be stored (PostgreSQL text, UTF-8); other C0 controls are
# never part of pasted text. Tab, newline and carriage return are.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def json_body() -> dict[str, Any]:
    """The request's JSON object, or a 4xx saying what is wrong with it.

    415 unless the body is declared JSON (in UTF-8); 413 above the size limit; 400 for invalid
    UTF-8, invalid JSON (including NaN/Infinity), nesting deeper than MAX_DEPTH and strings with
    control characters, naming the field.
    """
    if not request.is_json:
        raise ApiError(415, "unsupported_media_type",
                       "Send the body as JSON with the header 'Content-Type: application/json'.")
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ApiError(415, "unsupported_media_type",
                       f"Send the JSON as UTF-8, not {charset[:20]}.")
    raw = request.get_data(cache=True)  # bounded by MAX_CONTENT_LENGTH: 413 above it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_json", "The body is not valid UTF-8 text.") from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except (ValueError, RecursionError):
        raise ApiError(400, "invalid_json", "The body is not valid JSON (UTF-8).") from None
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_body",
                       "The body must be a JSON object, e.g. {\"text\": \"...\"}.")
    check_values(data)
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(raw: str) -> float:
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def check_values(data: Any) -> None:
    """Refuse nesting deeper than MAX_DEPTH and strings (keys too) with control characters."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ApiError(400, "invalid_body", f"The JSON is nested more than {MAX_DEPTH} deep.")
        if isinstance(value, str):
            if _BAD_CHARS.search(value):
                field = path or "body"
                raise ApiError(400, "invalid_request",
                               f"{field}: contains control characters or binary data; "
                               "paste plain text.", [{"field": field, "problem": "binary"}])
        elif isinstance(value, dict):
            for k, v in value.items():
                if _BAD_CHARS.search(k):
                    shown = k.encode("unicode_escape").decode()[:40]
                    raise ApiError(400, "invalid_request",
                                   "A field name contains control characters.",
                                   [{"field": shown, "problem": "binary"}])
                stack.append((v, f"{path}.{k}" if path else k, depth + 1))
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value))


def validate(data: dict[str, Any], schema: dict[str, Any]) -> None:
    """Raise a 400 listing every field that does not match ``schema``."""
    problems = [
        {"field": _field(err), "problem": _message(err)}
        for err in sorted(Draft202012Validator(schema).iter_errors(data),
                          key=lambda e: list(e.path))
    ]
    if problems:
        first = problems[0]
        message = f"{first['field']}: {first['problem']}" if first["field"] else first["problem"]
        raise ApiError(400, "invalid_request", message, problems)


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
    if err.validator in ("minimum", "maximum") and {"minimum", "maximum"} <= set(err.schema):
        return f"choose between {err.schema['minimum']:g} and {err.schema['maximum']:g}"
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
