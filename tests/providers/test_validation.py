"""The Resource contract: untrusted provider output is bounded and checked."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.providers import (
    Cost,
    Credential,
    Effort,
    Resource,
    ResourceKind,
    ResourceValidationError,
    Schedule,
    clean_text,
    validate_resource,
)
from planner.providers.model import Location

OK = Resource(
    provider="demo",
    external_id="1",
    kind=ResourceKind.COURSE,
    title="Intro",
    url="https://example.org/x",
    description="line one\nline two",
)


def test_a_valid_resource_passes_unchanged() -> None:
    assert validate_resource(OK) is OK and OK.validate(provider="demo") is OK


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "ftp://example.org/x"}, "url"),
        ({"url": "https:///nohost"}, "url"),
        ({"url": "https://example.org/a b"}, "url"),
        ({"url": "https://example.org/" + "a" * 3000}, "url"),
        ({"title": ""}, "title must not be empty"),
        ({"title": "   "}, "title must not be empty"),
        ({"title": "x" * 301}, "title longer"),
        ({"title": "bad\x00title"}, "title contains control"),
        ({"title": "two\nlines"}, "title contains control"),
        ({"description": "d" * 4001}, "description longer"),
        ({"external_id": ""}, "external_id"),
        ({"provider": "Other Name"}, "provider name"),
        ({"skills": ["python"]}, "skills"),
        ({"skills": ("",)}, "skills[]"),
        ({"kind": "course"}, "kind"),
        ({"cost": Cost(free=False, amount=-5)}, "cost.amount"),
        ({"cost": Cost(free=False, amount=math.nan)}, "cost.amount"),
        ({"cost": Cost(free=True, currency="dollars")}, "currency"),
        ({"effort": Effort(total_hours=math.inf)}, "effort.total_hours"),
        ({"effort": Effort(weekly_hours=200)}, "effort.weekly_hours"),
        ({"effort": Effort(weeks=-1)}, "effort.weeks"),
        (
            {"schedule": Schedule(self_paced=False, start=date(2025, 3, 1), end=date(2025, 1, 1))},
            "schedule.start",
        ),
        ({"credential": Credential(type="", issuer="x")}, "credential.type"),
        ({"credential": Credential(exam_cost=-1)}, "credential.exam_cost"),
        ({"location": Location(city="x" * 201)}, "location.city"),
    ],
)
def test_each_rule_rejects(change: dict[str, Any], rule: str) -> None:
    with pytest.raises(ResourceValidationError, match=rule.replace("[", r"\[").replace("]", r"\]")):
        validate_resource(replace(OK, **change))


def test_provider_must_match_when_given() -> None:
    with pytest.raises(ResourceValidationError, match="not 'other'"):
        validate_resource(OK, provider="other")


def test_non_resources_are_rejected() -> None:
    with pytest.raises(ResourceValidationError, match="not a Resource"):
        validate_resource({"title": "dict"})


def test_clean_text_strips_html_entities_and_bounds_length() -> None:
    assert clean_text("<p>Learn <b>Python</b> &amp; SQL</p>\n\n") == "Learn Python & SQL"
    assert clean_text(None) == ""
    assert clean_text("x\x00y") == "xy"
    cut = clean_text("word " * 100, 20)
    assert len(cut) == 20 and cut.endswith("…")


@given(title=st.text(max_size=400), desc=st.text(max_size=5000), url=st.text(max_size=100))
def test_arbitrary_text_is_either_valid_or_a_validation_error(
    title: str, desc: str, url: str
) -> None:
    candidate = replace(OK, title=title, description=desc, url=url)
    try:
        validate_resource(candidate)
    except ResourceValidationError:
        return
    # Whatever passed is safe to show: an http(s) link and a one-line, non-empty title.
    assert url.lower().startswith(("http://", "https://"))
    assert title.strip() and "\n" not in title


@given(st.text(max_size=2000))
def test_clean_text_always_yields_a_valid_description(text: str) -> None:
    validate_resource(replace(OK, description=clean_text(text, 4000)))
