"""The resource model's JSON form: the hand-written ``to_dict`` stays the generic conversion."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, date, datetime

import pytest

from planner.providers import Resource, ResourceKind
from planner.providers.model import (
    Cost,
    Credential,
    Effort,
    Level,
    Location,
    Schedule,
    _jsonable,
)

FULL = Resource(
    provider="p", external_id="x1", kind=ResourceKind.CERTIFICATION, title="T", url="https://e/x",
    description="d", skills=("sql", "python"), level=Level.ADVANCED,
    cost=Cost(free=False, amount=120.5, currency="EUR", notes="exam"),
    effort=Effort(total_hours=None, weekly_hours=4.0, weeks=6, is_estimate=True),
    schedule=Schedule(self_paced=False, start=date(2027, 2, 1), end=date(2027, 3, 1),
                      enrol_by=date(2027, 1, 20)),
    credential=Credential(type="industry_cert", issuer="ISC2", exam_cost=99.0,
                          validity_months=36),
    location=Location(remote=False, city="Leeds", region="Yorkshire", country="GB"),
    source="S", fetched_at=datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC),
    last_verified=date(2026, 12, 1),
)


@pytest.mark.parametrize("resource", [
    FULL,
    Resource(provider="p", external_id="x2", kind=ResourceKind.COURSE, title="T",
             url="https://e/y"),
], ids=["every-field", "defaults"])
def test_to_dict_is_the_generic_conversion_and_round_trips(resource: Resource) -> None:
    out = resource.to_dict()
    assert out == _jsonable(asdict(resource))
    assert list(out) == list(_jsonable(asdict(resource)))  # same key order too
    assert Resource.from_dict(json.loads(json.dumps(out))) == resource
