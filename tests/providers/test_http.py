"""HttpProvider machinery against a real local server: auth, paging, errors, cache fallback."""

from __future__ import annotations

import base64
from email.utils import formatdate
from typing import Any

import pytest

from planner.providers import (
    ApiKeyAuth,
    Authenticator,
    BasicAuth,
    FatalProviderError,
    HttpProvider,
    MalformedPayloadError,
    OffsetPaginator,
    PageNumberPaginator,
    Request,
    Resource,
    ResourceKind,
    Setting,
    SkillQuery,
)
from planner.providers.http import retry_after_seconds
from planner.providers.pagination import parse_link_header
from planner.providers.stub import StubRequest, StubResponse, StubServer

Q = SkillQuery(skill_id="python", label="Python", limit=5)
ROWS = [{"id": i, "title": f"Course {i}", "url": f"https://example.org/{i}"} for i in range(12)]


class Demo(HttpProvider):
    name = "demo"
    version = "1"
    kinds = frozenset({ResourceKind.COURSE})
    terms_url = "https://example.org/terms"
    base_url = "https://api.example.org"
    settings = (Setting("key", secret=True),)
    paginator = OffsetPaginator()
    page_size = 4
    max_pages = 5

    def build_request(self, query: SkillQuery) -> Request:
        return Request("search", params={"q": query.label})

    def authenticator(self) -> Authenticator:
        return ApiKeyAuth(self.config["key"], query_param="api_key")

    def parse_item(self, item: Any, query: SkillQuery) -> Resource | None:
        return Resource(
            provider=self.name,
            external_id=str(item["id"]),
            kind=ResourceKind.COURSE,
            title=item["title"],
            url=item["url"],
        )


def offset_api(req: StubRequest) -> StubResponse:
    limit, offset = int(req.arg("limit")), int(req.arg("offset"))
    return StubResponse(body={"count": len(ROWS), "results": ROWS[offset : offset + limit]})


def make(stub: StubServer, cls: type[HttpProvider] = Demo, **env: str) -> HttpProvider:
    return cls(env={"PLANNER_DEMO_BASE_URL": stub.url, "PLANNER_DEMO_CACHE_TTL": "0", **env})


def test_offset_pagination_and_limit() -> None:
    with StubServer(offset_api) as stub:
        found = make(stub).search(Q)
        assert [r.external_id for r in found] == ["0", "1", "2", "3", "4"]
        assert [r.arg("offset") for r in stub.requests] == ["0", "4"]


def test_offset_pagination_stops_at_count() -> None:
    with StubServer(offset_api) as stub:
        assert len(make(stub).search(SkillQuery(skill_id="x", label="x", limit=100))) == 12
        assert [r.arg("offset") for r in stub.requests] == ["0", "4", "8"]


def test_page_number_pagination() -> None:
    class Paged(Demo):
        paginator = PageNumberPaginator(page_param="p", size_param="n")

    def api(req: StubRequest) -> StubResponse:
        n, p = int(req.arg("n")), int(req.arg("p"))
        return StubResponse(body={"results": ROWS[(p - 1) * n : p * n]})

    with StubServer(api) as stub:
        assert len(make(stub, Paged).search(SkillQuery(skill_id="x", label="x", limit=50))) == 12
        assert [r.arg("p") for r in stub.requests] == ["1", "2", "3", "4"]


def test_api_key_in_query_and_user_agent() -> None:
    with StubServer(offset_api) as stub:
        make(stub, PLANNER_DEMO_KEY="k-42").search(Q)
        assert stub.requests[0].arg("api_key") == "k-42"
        assert stub.requests[0].headers["user-agent"].startswith("SkillPlanner/")


def test_basic_and_header_auth_helpers() -> None:
    req = BasicAuth("key123", "").apply(Request("x"))
    assert base64.b64decode(req.headers["Authorization"].split()[1]) == b"key123:"
    assert ApiKeyAuth("k").apply(Request("x")).headers == {"X-API-Key": "k"}
    assert ApiKeyAuth(None).apply(Request("x")).headers == {}


def test_next_link_off_the_api_host_is_refused() -> None:
    class Evil(Demo):
        from planner.providers import NextUrlPaginator

        paginator = NextUrlPaginator()

    def api(req: StubRequest) -> StubResponse:
        return StubResponse(body={"next": "https://attacker.example/steal", "results": ROWS[:4]})

    with StubServer(api) as stub, pytest.raises(FatalProviderError, match="off"):
        make(stub, Evil).search(SkillQuery(skill_id="x", label="x", limit=50))


def test_oversized_body_is_malformed() -> None:
    class Small(Demo):
        max_response_bytes = 100

    with StubServer(offset_api) as stub, pytest.raises(MalformedPayloadError, match="larger"):
        make(stub, Small).search(Q)


def test_gone_api_is_fatal_not_retried() -> None:
    gone = StubResponse(410, {"detail": "This API has been discontinued."})
    with StubServer(lambda req: gone) as stub, pytest.raises(FatalProviderError, match="410"):
        make(stub).search(Q)


def test_unreachable_redis_means_uncached_not_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_REDIS_URL", "redis://127.0.0.1:9/0")  # nothing listens on 9
    with StubServer(offset_api) as stub:
        p = make(stub, PLANNER_DEMO_CACHE_TTL="600", PLANNER_DEMO_RATE_LIMIT="100/m")
        assert len(p.search(Q)) == 5 and len(p.search(Q)) == 5
        assert len(stub.requests) == 4  # two pages, twice: nothing was cached


def test_retry_after_forms() -> None:
    now = 1_700_000_000.0
    assert retry_after_seconds({"retry-after": "120"}, now) == 120.0
    assert retry_after_seconds({"retry-after": formatdate(now + 30, usegmt=True)}, now) == 30.0
    assert retry_after_seconds({"x-ratelimit-reset": str(int(now) + 45)}, now) == 45.0
    assert retry_after_seconds({}, now) is None


def test_link_header_parsing() -> None:
    value = (
        '<https://api.github.com/search/issues?q=x&page=2>; rel="next", '
        '<https://api.github.com/search/issues?q=x&page=34>; rel="last"'
    )
    assert parse_link_header(value) == {
        "next": "https://api.github.com/search/issues?q=x&page=2",
        "last": "https://api.github.com/search/issues?q=x&page=34",
    }


def test_declaration_requires_the_two_methods() -> None:
    class Lazy(HttpProvider):
        name = "lazy"
        kinds = frozenset({ResourceKind.COURSE})
        terms_url = "https://example.org"
        base_url = "https://example.org"

    assert Lazy.problems() == ["build_request() and parse_item() must be implemented"]
    assert Demo.problems() == []
