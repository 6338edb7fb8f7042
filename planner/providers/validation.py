"""Checks a provider's untrusted output before the planner sees it.

Provider strings come from third-party APIs and plugins, so every field is bounded: URLs must be
http(s), text has length caps and no control characters, numbers are finite and sane. Items
that fail are dropped and counted by :func:`planner.providers.run_search`, never fatal.
"""

from __future__ import annotations

import html
import math
import re
from urllib.parse import urlsplit

from planner.providers.model import Resource, ResourceKind

MAX_ID = 200
MAX_TITLE = 300
MAX_DESCRIPTION = 4000
MAX_URL = 2048
MAX_SHORT = 200
MAX_SKILLS = 50
MAX_HOURS = 5000.0
MAX_WEEKLY_HOURS = 80.0
MAX_WEEKS = 260.0
MAX_AMOUNT = 100_000.0
MAX_VALIDITY_MONTHS = 1200

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG = re.compile(r"<[^>]{0,1000}>")
_SPACE = re.compile(r"\s+")
_PROVIDER_NAME = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class ResourceValidationError(ValueError):
    """A resource broke the contract; the message names the field and the rule."""


def clean_text(value: object, max_len: int = MAX_DESCRIPTION) -> str:
    """Turn untrusted text (maybe HTML) into plain, bounded, single-spaced text.

    Args:
        value: anything; ``None`` becomes ``""`` and non-strings are ``str()``-ed.
        max_len: longest result; longer text is cut and ends with an ellipsis.

    Returns:
        Text without tags, entities, control characters or runs of whitespace.
    """
    if value is None:
        return ""
    text = _TAG.sub(" ", str(value)[: max_len * 4])
    text = _SPACE.sub(" ", _CONTROL.sub("", html.unescape(text))).strip()
    return text if len(text) <= max_len else text[: max_len - 1].rstrip() + "…"


def is_http_url(url: object) -> bool:
    """True for an absolute http(s) URL with a host, short enough and without whitespace."""
    if not isinstance(url, str) or not url or len(url) > MAX_URL or _SPACE.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def validate_resource(resource: object, provider: str | None = None) -> Resource:
    """Check one resource against the contract.

    Args:
        resource: what a provider returned (anything; only a valid ``Resource`` passes).
        provider: when given, ``resource.provider`` must equal it.

    Returns:
        The same resource, unchanged.

    Raises:
        ResourceValidationError: naming the first broken rule.
    """
    if not isinstance(resource, Resource):
        raise ResourceValidationError(f"not a Resource: {type(resource).__name__}")
    r = resource
    _check(isinstance(r.provider, str) and bool(_PROVIDER_NAME.match(r.provider)), "provider name")
    _check(
        provider is None or r.provider == provider, f"provider is {r.provider!r}, not {provider!r}"
    )
    _text(r.external_id, "external_id", MAX_ID, required=True)
    _check(isinstance(r.kind, ResourceKind), "kind must be a ResourceKind")
    _text(r.title, "title", MAX_TITLE, required=True)
    _check(is_http_url(r.url), "url must be an absolute http(s) URL")
    _text(r.description, "description", MAX_DESCRIPTION, multiline=True)
    _text(r.source, "source", MAX_SHORT)
    _check(isinstance(r.skills, tuple) and len(r.skills) <= MAX_SKILLS, "skills: tuple of <= 50")
    for s in r.skills:
        _text(s, "skills[]", MAX_SHORT, required=True)
    _check_cost(r)
    _check_effort(r)
    _check_schedule(r)
    _check_credential(r)
    for name in ("city", "region", "country"):
        value = getattr(r.location, name)
        if value is not None:
            _text(value, f"location.{name}", MAX_SHORT)
    return r


def _check(ok: bool, rule: str) -> None:
    if not ok:
        raise ResourceValidationError(rule)


def _text(
    value: object, field: str, max_len: int, required: bool = False, multiline: bool = False
) -> None:
    _check(isinstance(value, str), f"{field} must be a string")
    assert isinstance(value, str)
    _check(not required or bool(value.strip()), f"{field} must not be empty")
    _check(len(value) <= max_len, f"{field} longer than {max_len} characters")
    bad = _CONTROL.search(value) or (not multiline and ("\n" in value or "\r" in value))
    _check(not bad, f"{field} contains control characters")


def _number(value: object, field: str, high: float) -> None:
    if value is None:
        return
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    _check(
        ok and math.isfinite(float(value)) and 0 <= float(value) <= high,  # type: ignore[arg-type]
        f"{field} must be a number between 0 and {high:g}",
    )


def _check_cost(r: Resource) -> None:
    _number(r.cost.amount, "cost.amount", MAX_AMOUNT)
    _check(isinstance(r.cost.free, bool), "cost.free must be a bool")
    _check(
        isinstance(r.cost.currency, str) and bool(_CURRENCY.match(r.cost.currency)),
        "cost.currency must be a 3-letter ISO code",
    )
    _text(r.cost.notes, "cost.notes", MAX_SHORT)


def _check_effort(r: Resource) -> None:
    _number(r.effort.total_hours, "effort.total_hours", MAX_HOURS)
    _number(r.effort.weekly_hours, "effort.weekly_hours", MAX_WEEKLY_HOURS)
    _number(r.effort.weeks, "effort.weeks", MAX_WEEKS)


def _check_schedule(r: Resource) -> None:
    s = r.schedule
    _check(
        s.start is None or s.end is None or s.start <= s.end, "schedule.start after schedule.end"
    )


def _check_credential(r: Resource) -> None:
    c = r.credential
    if c is None:
        return
    _text(c.type, "credential.type", 40, required=True)
    if c.issuer is not None:
        _text(c.issuer, "credential.issuer", MAX_SHORT)
    _number(c.exam_cost, "credential.exam_cost", MAX_AMOUNT)
    _number(c.validity_months, "credential.validity_months", MAX_VALIDITY_MONTHS)
