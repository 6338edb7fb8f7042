"""A local stand-in for Volunteer Connector's search API, for tests (documented shape, synthetic).

Reproduces the DRF page-number envelope ``{count, next, previous, results}`` with absolute
``next`` URLs (null on the last page), ``search`` and ``ro=on`` filters, and DRF's 404
``{"detail": "Invalid page."}`` past the last page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from planner.providers.stub import StubRequest, StubResponse


def opportunity(
    n: int, title: str, activity: str, remote: bool = True, **extra: Any
) -> dict[str, Any]:
    """One synthetic opportunity in Volunteer Connector's shape."""
    row: dict[str, Any] = {
        "id": 98000 + n,
        "title": title,
        "description": f"<p>Help our charity with {activity.lower()}.</p>",
        "url": f"https://www.volunteerconnector.example/opportunity/{98000 + n}",
        "remote_or_online": remote,
        "dates": "Ongoing",
        "duration": "2-4 hours per week",
        "organization": {
            "name": f"Example Charity {n}",
            "logo": None,
            "url": "https://example.org",
        },
        "activities": [{"name": activity, "category": "Technology"}],
        "audience": {
            "scope": "national",
            "regions": ["Ontario"],
            "latitude": None,
            "longitude": None,
        },
    }
    row.update(extra)
    return row


ROWS = [opportunity(i, f"Python volunteer {i}", "Python") for i in range(1, 31)] + [
    opportunity(
        40, "Website Volunteer (WordPress)", "Web Development", remote=False, duration="Flexible"
    ),
]


def handler(req: StubRequest) -> StubResponse:
    """Answer like ``GET /api/search/``."""
    if req.path != "/api/search/":
        return StubResponse(404, {"detail": "Not found."})
    size = min(int(req.arg("page_size", "10") or 10), 100)
    page = int(req.arg("page", "1") or 1)
    text = req.arg("search").lower()
    hits = [
        r
        for r in ROWS
        if text in (r["title"] + r["description"]).lower()
        and (req.arg("ro") != "on" or r["remote_or_online"])
    ]
    if page > 1 and (page - 1) * size >= len(hits):
        return StubResponse(404, {"detail": "Invalid page."})
    nxt = None
    if page * size < len(hits):
        nxt = f"{req.base_url}{req.path}?" + urlencode(
            {**req.query, "page": [str(page + 1)]}, doseq=True
        )
    return StubResponse(
        200,
        {
            "count": len(hits),
            "next": nxt,
            "previous": None,
            "results": hits[(page - 1) * size : page * size],
        },
    )
