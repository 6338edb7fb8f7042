"""GitHub provider against a local server speaking GitHub's documented search shape."""

from dataclasses import replace

import pytest
import redis
from planner_github import GitHubIssuesProvider
from planner_github.fake_api import GOOD_TOKEN, RESET_EPOCH, FakeGitHub

from planner.providers import (
    FatalProviderError,
    RateLimitedError,
    ResourceKind,
    SkillQuery,
    run_search,
)
from planner.providers.cache import reset_connections
from planner.providers.stub import Handler, StubServer
from planner.providers.testing import HttpProviderConformance

PYTHON = SkillQuery(skill_id="python", label="Python", limit=10)


class TestGitHubConformance(HttpProviderConformance):
    provider_class = GitHubIssuesProvider
    known_query = PYTHON
    empty_query = SkillQuery(skill_id="cobol", label="COBOL on punch cards")
    env = {"PLANNER_GITHUB_TOKEN": GOOD_TOKEN}

    def fake_api(self) -> Handler:
        return FakeGitHub()


def env_for(stub: StubServer, **extra: str) -> dict[str, str]:
    return {
        "PLANNER_GITHUB_BASE_URL": stub.url,
        "PLANNER_GITHUB_CACHE_TTL": "0",
        "PLANNER_GITHUB_RATE_LIMIT": "off",
        **extra,
    }


def test_query_and_headers_follow_the_docs() -> None:
    with StubServer(FakeGitHub()) as stub:
        GitHubIssuesProvider(env=env_for(stub, PLANNER_GITHUB_TOKEN=GOOD_TOKEN)).search(PYTHON)
        req = stub.requests[0]
    q = req.arg("q")
    assert 'label:"good first issue"' in q and "is:issue" in q and 'language:"python"' in q
    assert req.headers["x-github-api-version"] == "2022-11-28"
    assert req.headers["accept"] == "application/vnd.github+json"
    assert req.headers["authorization"] == f"Bearer {GOOD_TOKEN}"
    assert req.headers["user-agent"].startswith("SkillPlanner/")


def test_anonymous_requests_send_no_authorization() -> None:
    with StubServer(FakeGitHub()) as stub:
        found = GitHubIssuesProvider(env=env_for(stub)).search(PYTHON)
        assert found and "authorization" not in stub.requests[0].headers


def test_follows_link_header_pages() -> None:
    with StubServer(FakeGitHub()) as stub:
        found = GitHubIssuesProvider(env=env_for(stub)).search(replace(PYTHON, limit=40))
        assert len(found) == 40 and [r.arg("page") for r in stub.requests] == ["1", "2"]
    assert all(
        r.kind is ResourceKind.PRACTICE and r.url.startswith("https://github.com/") for r in found
    )


def test_non_language_skill_is_a_text_search() -> None:
    with StubServer(FakeGitHub()) as stub:
        found = GitHubIssuesProvider(env=env_for(stub)).search(
            SkillQuery(skill_id="kubernetes", label="Kubernetes")
        )
    assert [r.title for r in found] == [
        "example-org/rust-project-3#201: Kubernetes manifest example"
    ]


def test_bad_token_is_fatal_and_not_leaked() -> None:
    with StubServer(FakeGitHub()) as stub:
        p = GitHubIssuesProvider(env=env_for(stub, PLANNER_GITHUB_TOKEN="ghp_wrong_secret_value"))
        outcome = run_search(p, PYTHON, timeout=10)
    assert outcome.error_type == "FatalProviderError" and not outcome.retriable
    assert "ghp_wrong_secret_value" not in (outcome.error or "")


def test_upstream_rate_limit_is_retriable_until_reset() -> None:
    with StubServer(FakeGitHub(limit=0)) as stub, pytest.raises(RateLimitedError) as info:
        GitHubIssuesProvider(env=env_for(stub)).search(PYTHON)
    assert info.value.retriable and info.value.retry_after is not None
    assert info.value.retry_after > 1000  # seconds until RESET_EPOCH, far in the future
    assert RESET_EPOCH > 0


def test_422_from_a_bad_query_is_fatal() -> None:
    class NoIsIssue(GitHubIssuesProvider):
        def build_request(self, query: SkillQuery):  # type: ignore[no-untyped-def]
            req = super().build_request(query)
            return req.with_params(q=str(req.params["q"]).replace("is:issue", ""))

    with StubServer(FakeGitHub()) as stub, pytest.raises(FatalProviderError, match="422"):
        NoIsIssue(env=env_for(stub)).search(PYTHON)


@pytest.fixture
def redis_db(redis_url: str):
    client = redis.Redis.from_url(redis_url)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {redis_url}")
    client.flushdb()
    reset_connections()
    yield client
    client.flushdb()
    reset_connections()


def test_shared_limit_stops_the_eleventh_search_across_workers(redis_db: redis.Redis) -> None:
    """Two provider instances (two workers) share one 10/min budget through Redis."""
    with StubServer(FakeGitHub()) as stub:
        env = {"PLANNER_GITHUB_BASE_URL": stub.url, "PLANNER_GITHUB_CACHE_TTL": "0"}
        a, b = GitHubIssuesProvider(env=env), GitHubIssuesProvider(env=env)
        for i in range(10):
            (a if i % 2 else b).search(replace(PYTHON, limit=1))
        with pytest.raises(RateLimitedError) as info:
            a.search(replace(PYTHON, limit=1))
        assert len(stub.requests) == 10  # the refused search never reached GitHub
    assert 0 < (info.value.retry_after or 0) <= 60


def test_token_raises_the_shared_limit(redis_db: redis.Redis) -> None:
    p = GitHubIssuesProvider(env={"PLANNER_GITHUB_TOKEN": GOOD_TOKEN})
    limiter = p.limiter()
    assert limiter is not None and limiter.limit.calls == 30
    assert GitHubIssuesProvider(env={}).limiter().limit.calls == 10  # type: ignore[union-attr]


def test_responses_are_cached_in_redis(redis_db: redis.Redis) -> None:
    with StubServer(FakeGitHub()) as stub:
        env = {"PLANNER_GITHUB_BASE_URL": stub.url, "PLANNER_GITHUB_RATE_LIMIT": "off"}
        first = GitHubIssuesProvider(env=env).search(PYTHON)
        second = GitHubIssuesProvider(env=env).search(PYTHON)
        assert len(stub.requests) == 1
    assert [r.external_id for r in first] == [r.external_id for r in second]
    assert redis_db.keys("planner:http:github:*")
