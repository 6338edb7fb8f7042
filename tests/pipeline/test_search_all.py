"""search_all: every goal's query answered, in order, never more than ``at_once`` in flight;
queries batched for a provider that answers several in one call."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import pytest

from planner.pipeline import batch_size, plain_search, search_all
from planner.providers import Provider, Resource, ResourceKind, SearchOutcome, SkillQuery


def test_bounded_in_order_and_complete() -> None:
    live, peak, lock = [0], [0], threading.Lock()

    def search(impl: Provider, q: SkillQuery, budget: float) -> tuple[SearchOutcome, bool]:
        with lock:
            live[0] += 1
            peak[0] = max(peak[0], live[0])
        time.sleep(0.02)
        with lock:
            live[0] -= 1
        return SearchOutcome(q.skill_id), False

    queries = [SkillQuery(skill_id=f"s{i}", label=f"S{i}") for i in range(20)]
    out = search_all(None, queries, search, 5.0, at_once=4)  # type: ignore[arg-type]
    assert [o.provider for o, _ in out] == [q.skill_id for q in queries]
    assert 1 < peak[0] <= 4  # in parallel, never above the bound
    assert search_all(None, [], search, 5.0) == []  # type: ignore[arg-type]


class Batching(Provider):
    """Answers ``limit`` queries per call; records each call's skills."""

    name = "batching"
    max_batch = 10

    def __init__(self, limit: object = 3) -> None:
        super().__init__(env={})
        self.limit, self.batches = limit, []  # type: list[list[str]]

    def batch_limit(self) -> int:
        if isinstance(self.limit, Exception):
            raise self.limit
        return self.limit  # type: ignore[return-value]

    def search(self, query: SkillQuery) -> list[Resource]:
        return self.search_batch([query])[0]

    def search_batch(self, queries: Sequence[SkillQuery]) -> list[list[Resource]]:
        self.batches.append([q.skill_id for q in queries])  # list.append is atomic
        return [[Resource(provider=self.name, external_id=q.skill_id, kind=ResourceKind.COURSE,
                          title="A course", url=f"https://example.org/{q.skill_id}")]
                for q in queries]


QUERIES = [SkillQuery(skill_id=f"s{i}", label=f"S{i}") for i in range(7)]


def test_a_batching_provider_gets_its_queries_in_calls_of_its_size() -> None:
    impl = Batching(3)
    out = search_all(impl, QUERIES, plain_search, 5.0)
    assert [o.resources[0].external_id for o, _ in out] == [q.skill_id for q in QUERIES]
    assert sorted(impl.batches) == [["s0", "s1", "s2"], ["s3", "s4", "s5"], ["s6"]]


def test_batches_go_through_the_searchs_own_many() -> None:
    seen: list[list[str]] = []

    def search(impl: Provider, q: SkillQuery, budget: float) -> tuple[SearchOutcome, bool]:
        seen.append([q.skill_id])
        return SearchOutcome(q.skill_id), False

    def many(impl: Provider, qs: Sequence[SkillQuery], budget: float
             ) -> list[tuple[SearchOutcome, bool]]:
        seen.append([q.skill_id for q in qs])
        return [(SearchOutcome(q.skill_id), True) for q in qs]

    search.many = many  # type: ignore[attr-defined]
    out = search_all(Batching(4), QUERIES, search, 5.0)
    assert [o.provider for o, _ in out] == [q.skill_id for q in QUERIES]
    assert [hit for _, hit in out] == [True] * 4 + [True] * 3
    assert sorted(seen) == [["s0", "s1", "s2", "s3"], ["s4", "s5", "s6"]]


@pytest.mark.parametrize("limit", [RuntimeError("boom"), "3", 0, -2, True, 2.0])
def test_an_odd_batch_limit_means_one_query_per_call(limit: object) -> None:
    impl = Batching(limit)
    assert batch_size(impl) == 1
    search_all(impl, QUERIES, plain_search, 5.0)
    assert sorted(impl.batches) == [[q.skill_id] for q in QUERIES]


def test_a_batch_never_exceeds_the_declared_max_batch() -> None:
    assert batch_size(Batching(50)) == 10
    assert batch_size(None) == 1
