"""A local stand-in for MIT Learn's search endpoint, for tests (documented shape, synthetic data).

Reproduces: ``{count, next, previous, results}`` with absolute ``next`` URLs that become null on
the last page, ``limit`` capped at 100, repeated ``resource_type`` parameters, and HTTP 400 with
``{"param": ["message"]}`` for invalid parameters.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from planner.providers.stub import StubRequest, StubResponse

SEARCH_PATH = "/api/v1/learning_resources_search/"
LEVELS = {
    "introductory",
    "intermediate",
    "advanced",
    "undergraduate",
    "graduate",
    "high_school",
    "noncredit",
}


def course(
    n: int, title: str, topic: str, *, free: bool = True, level: str = "introductory", **extra: Any
) -> dict[str, Any]:
    """One synthetic learning resource in MIT Learn's shape."""
    row: dict[str, Any] = {
        "id": 1000 + n,
        "readable_id": f"MITx+FAKE.{n}x",
        "resource_type": "course",
        "title": title,
        "description": f"<p>Learn <b>{topic}</b> &amp; more.</p>",
        "url": f"https://learn.example.org/course/{n}",
        "offered_by": {"code": "mitx", "name": "MITx"},
        "platform": {"code": "edx", "name": "edX"},
        "topics": [{"id": 7, "name": topic, "parent": None}],
        "free": free,
        "prices": ["0.00", "75.00"] if free else ["199.00"],
        "resource_prices": [{"amount": "75.00", "currency": "USD"}],
        "certification": True,
        "certification_type": {"code": "completion", "name": "Completion"},
        "delivery": [{"code": "online", "name": "Online"}],
        "pace": [{"code": "self_paced", "name": "Self-paced"}],
        "duration": "9 weeks",
        "min_weeks": 9,
        "max_weeks": 9,
        "time_commitment": "4-6 hours/week",
        "min_weekly_hours": 4,
        "max_weekly_hours": 6,
        "best_run_id": 5000 + n,
        "runs": [
            {
                "id": 5000 + n,
                "start_date": "2025-01-15T00:00:00Z",
                "end_date": "2025-03-20T23:30:00Z",
                "enrollment_end": "2025-02-15T00:00:00Z",
                "level": [{"code": level, "name": level.title()}],
            }
        ],
    }
    row.update(extra)
    return row


CATALOG: list[dict[str, Any]] = [
    *[course(i, f"Python Programming Part {i}", "Python") for i in range(1, 26)],
    course(
        30,
        "Machine Learning with Python",
        "Machine Learning",
        free=False,
        level="advanced",
        min_weekly_hours=None,
        max_weekly_hours=None,
        time_commitment="10-14 hours/week",
    ),
    course(
        31,
        "Data Analysis for Social Scientists",
        "Data Analysis",
        level="intermediate",
        pace=[{"code": "instructor_paced", "name": "Instructor-paced"}],
    ),
]


def handler(req: StubRequest) -> StubResponse:
    """Answer like ``GET /api/v1/learning_resources_search/``."""
    if req.path != SEARCH_PATH:
        return StubResponse(404, {"detail": "Not found."})
    errors = {}
    limit_raw, offset_raw = req.arg("limit", "10"), req.arg("offset", "0")
    if not limit_raw.isdigit() or not offset_raw.isdigit():
        errors["limit"] = ["A valid integer is required."]
    level = req.arg("level")
    if level and level not in LEVELS:
        errors["level"] = [f'"{level}" is not a valid choice.']
    if errors:
        return StubResponse(400, errors)
    limit, offset = min(int(limit_raw), 100), int(offset_raw)
    q = req.arg("q").lower()
    hits = [
        c
        for c in CATALOG
        if q in (c["title"] + c["description"] + c["topics"][0]["name"]).lower()
        and c["resource_type"] in (req.query.get("resource_type") or [c["resource_type"]])
        and (req.arg("free") != "true" or c["free"])
        and (not level or c["runs"][0]["level"][0]["code"] == level)
    ]
    page = hits[offset : offset + limit]
    nxt = None
    if offset + limit < len(hits):
        params = {**{k: v for k, v in req.query.items()}, "offset": [str(offset + limit)]}
        nxt = f"{req.base_url}{SEARCH_PATH}?{urlencode(params, doseq=True)}"
    body = {
        "count": len(hits),
        "next": nxt,
        "previous": None,
        "results": page,
        "metadata": {"aggregations": {}, "suggest": []},
    }
    return StubResponse(200, body)
