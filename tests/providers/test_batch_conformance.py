"""The conformance kit on a provider that batches: the test stubs, whose local API takes
several goals in one call, run the kit's standard tests (batch test included)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest
from planner_test_stubs import StubA

from planner.providers import Provider, SkillQuery
from planner.providers.testing import ProviderConformance
from tests.stubs.server import Fleet


@pytest.fixture(scope="module")
def fleet() -> Iterator[Fleet]:
    with Fleet() as f:
        yield f


class TestBatchingStubConformance(ProviderConformance):
    provider_class = StubA
    known_query = SkillQuery(skill_id="python", label="Python", limit=3)
    empty_query = SkillQuery(skill_id="unknown-skill", label="No such skill")

    @pytest.fixture
    def provider(self, fleet: Fleet) -> Iterator[Provider]:  # type: ignore[override]
        yield self.make_provider({**fleet.env(("stub_a",)), "PLANNER_STUB_A_BATCH": "5"})

    def make_provider(self, env: Mapping[str, str] | None = None) -> Provider:
        return StubA(env=dict(env or {}))


def test_the_kit_fails_a_batch_that_answers_out_of_order(fleet: Fleet) -> None:
    class Shuffled(StubA):
        def search_batch(self, queries):  # type: ignore[no-untyped-def]
            return list(reversed(super().search_batch(queries)))

    kit = TestBatchingStubConformance()
    provider = Shuffled(env=fleet.env(("stub_a",)))
    with pytest.raises(AssertionError):
        kit.test_batch_answers_each_query_in_order(provider)
