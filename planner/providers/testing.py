"""The conformance kit: one base class gives a provider the standard contract tests.

Example:
    from planner.providers import SkillQuery
    from planner.providers.testing import ProviderConformance

    class TestMyProvider(ProviderConformance):
        provider_class = MyProvider
        known_query = SkillQuery(skill_id="python", label="Python")
        empty_query = SkillQuery(skill_id="no-such-skill", label="No such skill")

HTTP providers use :class:`HttpProviderConformance` and also give ``fake_api()``: a handler
reproducing the upstream API on a local :class:`~planner.providers.stub.StubServer`. The kit
then checks errors (400/401/403/404/410/422 fatal; 429 and 5xx retriable), slow responses,
malformed and unexpected payloads, garbage items and pagination limits.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any, ClassVar

import pytest

from planner.providers.base import Provider
from planner.providers.errors import FatalProviderError, ProviderError, RetriableProviderError
from planner.providers.http import HttpProvider
from planner.providers.model import Resource, SkillQuery
from planner.providers.runner import run_batch, run_search
from planner.providers.stub import Handler, StubRequest, StubResponse, StubServer
from planner.providers.validation import validate_resource

GARBAGE_ITEMS: list[Any] = [
    None,
    "junk",
    42,
    {},
    {"id": "x", "title": "", "url": "javascript:alert(1)"},
]


class ProviderConformance:
    """Standard tests for any provider. Subclass it as ``Test<Something>`` and set:

    Attributes:
        provider_class: the Provider subclass under test.
        known_query: a query that returns at least one resource.
        empty_query: a query that returns none.
        env: settings for a configured instance (``PLANNER_<NAME>_<SETTING>``: value);
            fake secrets are fine.
    """

    provider_class: ClassVar[type[Provider]]
    known_query: ClassVar[SkillQuery]
    empty_query: ClassVar[SkillQuery]
    env: ClassVar[dict[str, str]] = {}

    def make_provider(self, env: Mapping[str, str] | None = None) -> Provider:
        """A provider instance with ``self.env`` plus ``env``; override for custom set-up."""
        return self.provider_class(env={**self.env, **(env or {})})

    @pytest.fixture
    def provider(self) -> Iterator[Provider]:
        """The configured provider under test."""
        yield self.make_provider()

    def test_declaration_is_valid(self) -> None:
        assert self.provider_class.problems() == []

    def test_describe_is_json_and_hides_secrets(self, provider: Provider) -> None:
        text = json.dumps(provider.describe())
        assert json.loads(text)["name"] == self.provider_class.name
        for secret in self._secret_values():
            assert secret not in text
            assert secret not in repr(provider.config)

    def test_known_skill_returns_valid_resources(self, provider: Provider) -> None:
        found = provider.search(self.known_query)
        assert isinstance(found, list)
        assert 1 <= len(found) <= self.known_query.limit
        for r in found:
            validate_resource(r, provider=self.provider_class.name)
            assert r.kind in self.provider_class.kinds
        assert len({r.external_id for r in found}) == len(found)

    def test_limit_is_respected(self, provider: Provider) -> None:
        assert len(provider.search(replace(self.known_query, limit=1))) == 1

    def test_empty_results_are_an_empty_list(self, provider: Provider) -> None:
        assert list(provider.search(self.empty_query)) == []

    def test_resources_survive_json_round_trip(self, provider: Provider) -> None:
        for r in provider.search(self.known_query):
            assert Resource.from_dict(json.loads(json.dumps(r.to_dict()))) == r

    def test_run_search_accepts_the_output(self, provider: Provider) -> None:
        outcome = run_search(provider, self.known_query, timeout=30)
        assert outcome.ok, outcome.error
        assert outcome.dropped == 0
        assert len(outcome.resources) == len(provider.search(self.known_query))

    def test_batch_answers_each_query_in_order(self, provider: Provider) -> None:
        if self.provider_class.max_batch <= 1:
            pytest.skip("provider asks one query per call (max_batch = 1)")
        known = [r.external_id for r in provider.search(self.known_query)]
        answers = provider.search_batch([self.empty_query, self.known_query])
        assert isinstance(answers, list) and len(answers) == 2
        assert list(answers[0]) == [] and [r.external_id for r in answers[1]] == known
        outcomes = run_batch(provider, [self.known_query, self.empty_query], timeout=30)
        assert [o.error for o in outcomes] == [None, None]
        assert [len(o.resources) for o in outcomes] == [len(known), 0]

    def test_unconfigured_says_why(self) -> None:
        required = [s for s in self.provider_class.all_settings() if s.required]
        if not required:
            pytest.skip("provider has no required settings")
        env = {
            k: v
            for k, v in self.env.items()
            if k not in {s.env_var(self.provider_class.name) for s in required}
        }
        bare = self.make_provider_without(env)
        ok, reason = bare.configured()
        assert not ok
        assert required[0].env_var(self.provider_class.name) in reason
        outcome = run_search(bare, self.known_query, timeout=30)
        assert outcome.error_type == "NotConfiguredError" and not outcome.retriable

    def make_provider_without(self, env: Mapping[str, str]) -> Provider:
        """A provider built from exactly ``env`` (used to test the unconfigured state)."""
        return self.provider_class(env=dict(env))

    def _secret_values(self) -> list[str]:
        name = self.provider_class.name
        return [
            self.env[s.env_var(name)]
            for s in self.provider_class.all_settings()
            if s.secret and self.env.get(s.env_var(name))
        ]


class HttpProviderConformance(ProviderConformance):
    """Standard tests for an :class:`~planner.providers.HttpProvider`, against a local fake API.

    Besides the attributes of :class:`ProviderConformance`, implement :meth:`fake_api`.
    """

    provider_class: ClassVar[type[HttpProvider]]

    def fake_api(self) -> Handler:
        """A handler reproducing the upstream API's documented shape for the two queries."""
        raise NotImplementedError("return a handler: StubRequest -> StubResponse")

    @pytest.fixture
    def stub(self) -> Iterator[StubServer]:
        """A running fake API."""
        with StubServer(self.fake_api()) as server:
            yield server

    @pytest.fixture
    def provider(self, stub: StubServer) -> Iterator[Provider]:
        yield self.make_provider(self.local_env(stub))

    def local_env(self, stub: StubServer, timeout: float = 5.0) -> dict[str, str]:
        """Settings pointing the provider at ``stub``, with cache and rate limit off."""
        prefix = f"PLANNER_{self.provider_class.name.upper()}_"
        return {
            prefix + "BASE_URL": stub.url,
            prefix + "TIMEOUT": str(timeout),
            prefix + "CACHE_TTL": "0",
            prefix + "RATE_LIMIT": "off",
        }

    def _fails_with(
        self, provider: Provider, stub: StubServer, fault: StubResponse
    ) -> ProviderError:
        stub.fault = fault
        with pytest.raises(ProviderError) as info:
            provider.search(self.known_query)
        return info.value

    @pytest.mark.parametrize("status", [500, 502, 503, 504])
    def test_server_errors_are_retriable(
        self, provider: Provider, stub: StubServer, status: int
    ) -> None:
        err = self._fails_with(provider, stub, StubResponse(status, {"detail": "oops"}))
        assert isinstance(err, RetriableProviderError) and err.retriable

    def test_429_is_retriable_and_honours_retry_after(
        self, provider: Provider, stub: StubServer
    ) -> None:
        err = self._fails_with(
            provider, stub, StubResponse(429, {"detail": "slow down"}, headers={"Retry-After": "7"})
        )
        assert isinstance(err, RetriableProviderError) and err.retry_after == 7.0

    @pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 422])
    def test_client_errors_are_fatal(
        self, provider: Provider, stub: StubServer, status: int
    ) -> None:
        err = self._fails_with(provider, stub, StubResponse(status, {"detail": "no"}))
        assert isinstance(err, FatalProviderError) and not err.retriable

    def test_malformed_json_is_fatal(self, provider: Provider, stub: StubServer) -> None:
        err = self._fails_with(provider, stub, StubResponse(200, b'{"results": [ {"id": '))
        assert isinstance(err, FatalProviderError)

    def test_unexpected_shape_is_fatal(self, provider: Provider, stub: StubServer) -> None:
        err = self._fails_with(provider, stub, StubResponse(200, {"surprise": True}))
        assert isinstance(err, FatalProviderError)

    def test_slow_response_is_a_retriable_timeout(self, stub: StubServer) -> None:
        provider = self.make_provider(self.local_env(stub, timeout=0.2))
        err = self._fails_with(provider, stub, StubResponse(200, {}, delay=60))
        assert isinstance(err, RetriableProviderError)

    def test_connection_refused_is_retriable(self) -> None:
        closed = StubServer()
        closed.stop()  # the port is now free and nobody listens
        provider = self.make_provider(self.local_env(closed))
        with pytest.raises(RetriableProviderError):
            provider.search(self.known_query)

    def test_garbage_items_are_dropped_not_fatal(
        self, provider: Provider, stub: StubServer
    ) -> None:
        clean = provider.search(self.known_query)
        real = stub.handler
        http = self._http(provider)

        def with_garbage(req: StubRequest) -> StubResponse:
            resp = real(req)
            body = copy.deepcopy(resp.body)
            if resp.status == 200 and not isinstance(body, bytes | str):
                http.records(body).extend(copy.deepcopy(GARBAGE_ITEMS))
            return replace(resp, body=body)

        stub.handler = with_garbage
        dirty = provider.search(self.known_query)
        assert [r.external_id for r in dirty] == [r.external_id for r in clean]
        assert getattr(dirty, "dropped", 0) >= 1

    def test_errors_do_not_leak_secrets(self, provider: Provider, stub: StubServer) -> None:
        secrets = self._secret_values()
        if not secrets:
            pytest.skip("provider has no secret settings in env")
        echo = " ".join(secrets)
        err = self._fails_with(provider, stub, StubResponse(401, {"detail": f"bad token {echo}"}))
        outcome = run_search(provider, self.known_query, timeout=30)
        for secret in secrets:
            assert secret not in str(err) and secret not in str(outcome.error)

    def test_pagination_stops_at_max_pages(self, provider: Provider, stub: StubServer) -> None:
        provider.search(replace(self.known_query, limit=10_000))
        assert 1 <= len(stub.requests) <= self._http(provider).max_pages

    @staticmethod
    def _http(provider: Provider) -> HttpProvider:
        assert isinstance(provider, HttpProvider)
        return provider
