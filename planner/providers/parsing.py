"""Helpers for turning messy upstream fields into model values (durations, prices, dates)."""

from __future__ import annotations

import re
from datetime import date, datetime

from planner.providers.model import Effort

_NUM = r"(\d+(?:\.\d+)?)"
_RANGE = re.compile(rf"{_NUM}\s*(?:-|–|to)\s*{_NUM}|{_NUM}")
_WEEKLY = re.compile(r"(?:hours?|hrs?|h)\s*(?:/|per|a|each)\s*(?:week|wk)", re.I)
_WEEKS = re.compile(rf"{_NUM}(?:\s*(?:-|–|to)\s*{_NUM})?\s*(?:weeks?|wks?)\b", re.I)
_HOURS = re.compile(rf"{_NUM}(?:\s*(?:-|–|to)\s*{_NUM})?\s*(?:hours?|hrs?)\b", re.I)


def _mid(m: re.Match[str]) -> float:
    low, high = m.group(1), m.group(2)
    return (float(low) + float(high)) / 2 if high else float(low)


def parse_effort(text: str | None) -> Effort | None:
    """Read free text such as ``"4-6 hours/week"``, ``"6 weeks"``, ``"10 hours"``.

    Args:
        text: the upstream's duration or time-commitment text.

    Returns:
        An estimate (``is_estimate=True``), or None when the text says nothing usable.
    """
    if not text:
        return None
    text = str(text)[:200]
    weekly = _HOURS.search(text) if _WEEKLY.search(text) else None
    weeks = _WEEKS.search(text)
    if weekly:
        return Effort(
            weekly_hours=_mid(weekly), weeks=_mid(weeks) if weeks else None, is_estimate=True
        )
    hours = _HOURS.search(text)
    if hours:
        return Effort(total_hours=_mid(hours), is_estimate=True)
    if weeks:
        return Effort(weeks=_mid(weeks), is_estimate=True)
    return None


def parse_price(value: object) -> float | None:
    """A price from a number or decimal string (``"75.00"``), or None when unreadable/negative."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        price = float(str(value).strip().lstrip("$"))
    except ValueError:
        return None
    return price if price >= 0 and price == price and price != float("inf") else None


def parse_date(value: object) -> date | None:
    """A date from ISO ``"2025-01-15"`` or ``"2025-01-15T00:00:00Z"``, else None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
