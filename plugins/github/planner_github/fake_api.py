"""A local stand-in for GitHub's issue search, for tests (documented shape, synthetic data).

Reproduces: 422 when ``q`` lacks ``is:issue``/``is:pull-request``; ``per_page`` <= 100; the
1000-result cap (422 past it); ``Link`` headers with ``rel="next"``/``rel="last"``; 401 for a bad
token; and the search rate limit (403 with ``x-ratelimit-remaining: 0`` and ``x-ratelimit-reset``).
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import urlencode

from planner.providers.stub import StubRequest, StubResponse

GOOD_TOKEN = "ghp_fake_token_for_tests_0123456789"
RESET_EPOCH = 4102444800  # 2100-01-01: far in the future so tests never depend on the clock


def issue(n: int, language: str, title: str, **extra: Any) -> dict[str, Any]:
    """One synthetic issue in GitHub's search shape."""
    repo = f"example-org/{language}-project-{n % 7}"
    row: dict[str, Any] = {
        "id": 2_000_000_000 + n,
        "number": 100 + n,
        "title": title,
        "html_url": f"https://github.com/{repo}/issues/{100 + n}",
        "url": f"https://api.github.com/repos/{repo}/issues/{100 + n}",
        "repository_url": f"https://api.github.com/repos/{repo}",
        "state": "open",
        "labels": [{"name": "good first issue", "color": "7057ff"}],
        "assignee": None,
        "comments": n % 4,
        "created_at": "2025-01-09T10:00:00Z",
        "updated_at": "2025-01-10T08:00:00Z",
        "body": f"Help wanted with {title.lower()}.",
        "user": {"login": "maintainer"},
        "score": 1.0,
        "_language": language,
    }
    row.update(extra)
    return row


ISSUES = [issue(i, "python", f"Add type hints to module {i}") for i in range(45)] + [
    issue(100, "go", "Document the retry helper"),
    issue(101, "rust", "Kubernetes manifest example", body="Add a Kubernetes deployment."),
]


class FakeGitHub:
    """The fake API; ``limit`` searches per client before the 403 rate-limit answer."""

    def __init__(self, limit: int = 1000) -> None:
        self.limit = limit
        self.calls = 0

    def __call__(self, req: StubRequest) -> StubResponse:
        if req.path != "/search/issues":
            return StubResponse(404, {"message": "Not Found"})
        auth = req.headers.get("authorization", "")
        if auth and auth != f"Bearer {GOOD_TOKEN}":
            return StubResponse(401, {"message": "Bad credentials"})
        self.calls += 1
        if self.calls > self.limit:
            return StubResponse(
                403,
                {"message": "API rate limit exceeded."},
                headers={
                    "x-ratelimit-limit": str(self.limit),
                    "x-ratelimit-remaining": "0",
                    "x-ratelimit-reset": str(RESET_EPOCH),
                    "x-ratelimit-resource": "search",
                },
            )
        q = req.arg("q")
        if "is:issue" not in q and "is:pull-request" not in q:
            return StubResponse(
                422,
                {
                    "message": "Validation Failed",
                    "errors": [
                        {
                            "message": "Query must include 'is:issue' or 'is:pull-request'",
                            "resource": "Search",
                            "field": "q",
                            "code": "invalid",
                        }
                    ],
                },
            )
        per_page = min(int(req.arg("per_page", "30")), 100)
        page = int(req.arg("page", "1"))
        if page * per_page > 1000:
            return StubResponse(
                422, {"message": "Only the first 1000 search results are available"}
            )
        hits = [self._public(i) for i in ISSUES if self._matches(i, q)]
        return StubResponse(
            200,
            {
                "total_count": len(hits),
                "incomplete_results": False,
                "items": hits[(page - 1) * per_page : page * per_page],
            },
            headers=self._links(req, page, per_page, len(hits)),
        )

    @staticmethod
    def _matches(item: dict[str, Any], q: str) -> bool:
        lang = re.search(r'language:"?([^" ]+)"?', q)
        if lang:
            return bool(item["_language"] == lang.group(1))
        text = re.search(r'"([^"]+)" in:title,body', q)
        return bool(text) and text.group(1).lower() in (item["title"] + item["body"]).lower()

    @staticmethod
    def _public(item: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in item.items() if not k.startswith("_")}

    @staticmethod
    def _links(req: StubRequest, page: int, per_page: int, total: int) -> dict[str, str]:
        last = max(1, math.ceil(min(total, 1000) / per_page))
        if page >= last:
            return {}

        def url(p: int) -> str:
            params = {**req.query, "page": [str(p)]}
            return f"{req.base_url}{req.path}?{urlencode(params, doseq=True)}"

        return {"Link": f'<{url(page + 1)}>; rel="next", <{url(last)}>; rel="last"'}
