"""Batched provider calls: the contract's declaration checks, and run_batch's isolation.

A provider whose API takes several skills in one request declares ``max_batch`` and answers
``search_batch``; ``run_batch`` bounds that call like ``run_search`` bounds ``search``, and
validates each query's answer on its own.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import pytest

from planner.providers import (
    Provider,
    Resource,
    ResourceKind,
    RetriableProviderError,
    Setting,
    SkillQuery,
    run_batch,
)

QUERIES = [SkillQuery(skill_id=s, label=s.upper(), limit=2) for s in ("sql", "aws", "excel")]
RELEASE = threading.Event()


def res(provider: str, ext: str, title: str = "A course") -> Resource:
    return Resource(provider=provider, external_id=ext, kind=ResourceKind.COURSE, title=title,
                    url=f"https://example.org/{ext}")


class Batcher(Provider):
    """Answers up to 5 queries per call; ``answers`` replaces its answer when set."""

    name = "batcher"
    version = "1"
    kinds = frozenset({ResourceKind.COURSE})
    terms_url = "https://example.org/terms"
    max_batch = 5

    def __init__(self, answers: Any = None, error: Exception | None = None,
                 hang: bool = False) -> None:
        super().__init__(env={})
        self.answers, self.error, self.hang = answers, error, hang
        self.batches: list[list[str]] = []

    def search(self, query: SkillQuery) -> list[Resource]:
        return self.search_batch([query])[0]

    def search_batch(self, queries: Sequence[SkillQuery]) -> list[list[Resource]]:
        self.batches.append([q.skill_id for q in queries])
        if self.hang:
            RELEASE.wait(30)
        if self.error is not None:
            raise self.error
        if self.answers is not None:
            return self.answers  # type: ignore[no-any-return]
        return [[res(self.name, f"{q.skill_id}-{i}") for i in range(3)] for q in queries]


class Keyed(Batcher):
    name = "keyed_batcher"
    settings = (Setting("token", required=True, secret=True),)


def test_a_batching_declaration_needs_search_batch_and_a_sane_size() -> None:
    assert Batcher.problems() == []

    class NoBatchCall(Provider):
        name = "no_batch_call"
        version = "1"
        kinds = frozenset({ResourceKind.COURSE})
        terms_url = "https://example.org/terms"
        max_batch = 4

        def search(self, query: SkillQuery) -> list[Resource]:
            return []

    assert NoBatchCall.problems() == [
        "max_batch > 1 needs search_batch() (one upstream call for the batch)"]
    for bad in (0, 101, True, "5", 2.5):
        odd: Any = type("Odd", (NoBatchCall,), {"max_batch": bad})
        assert odd.problems() == ["max_batch must be an int from 1 to 100"], bad


def test_the_default_search_batch_asks_search_for_each_query() -> None:
    class One(Provider):
        name = "one_by_one"

        def search(self, query: SkillQuery) -> list[Resource]:
            return [res(self.name, query.skill_id)]

    answers = One().search_batch(QUERIES)
    assert [[r.external_id for r in a] for a in answers] == [["sql"], ["aws"], ["excel"]]
    assert One().batch_limit() == 1 and Batcher().batch_limit() == 5


def test_each_query_gets_its_own_validated_capped_answer_in_order() -> None:
    bad = res("batcher", "x", title="")  # no title: invalid
    answers = [[res("batcher", "s1"), bad, res("batcher", "s2"), res("batcher", "s3")],
               [],
               [res("batcher", "e1"), res("batcher", "e1")]]  # a duplicate
    outcomes = run_batch(Batcher(answers), QUERIES, timeout=10)
    assert [o.ok for o in outcomes] == [True, True, True]
    assert [[r.external_id for r in o.resources] for o in outcomes] == [
        ["s1", "s2"], [], ["e1"]]  # capped at the query's limit, duplicates once
    assert [o.dropped for o in outcomes] == [1, 0, 0]


def test_a_wrong_number_of_answers_fails_every_query() -> None:
    outcomes = run_batch(Batcher(answers=[[], []]), QUERIES, timeout=10)
    assert {o.error for o in outcomes} == {
        "FatalProviderError: batcher: search_batch() returned 2 answers for 3 queries"}
    assert not any(o.retriable for o in outcomes)
    odd = run_batch(Batcher(answers="not a list"), QUERIES, timeout=10)
    assert all("returned str answers for 3 queries" in (o.error or "") for o in odd)


def test_one_answer_that_is_not_a_list_fails_only_its_query() -> None:
    outcomes = run_batch(Batcher(answers=[[], {"oops": 1}, []]), QUERIES, timeout=10)
    assert [o.ok for o in outcomes] == [True, False, True]
    assert "returned dict, not a list" in (outcomes[1].error or "")


def test_an_error_fails_the_whole_batch_and_keeps_its_retry_policy() -> None:
    outcomes = run_batch(Batcher(error=RetriableProviderError("batcher: HTTP 503",
                                                              retry_after=4)),
                         QUERIES, timeout=10)
    assert len(outcomes) == 3 and all(o.retriable and o.retry_after == 4 for o in outcomes)
    crashed = run_batch(Batcher(error=KeyError("x")), QUERIES, timeout=10)
    assert all(o.error == "batcher: crashed: KeyError: 'x'" and not o.retriable
               for o in crashed)


def test_a_hanging_batch_times_out_every_query() -> None:
    RELEASE.clear()
    try:
        outcomes = run_batch(Batcher(hang=True), QUERIES, timeout=0.2)
    finally:
        RELEASE.set()
    assert [o.error_type for o in outcomes] == ["ProviderTimeoutError"] * 3
    assert all(o.retriable and "no answer in 0.2s" in (o.error or "") for o in outcomes)


def test_an_unconfigured_batcher_is_never_called() -> None:
    provider = Keyed()
    outcomes = run_batch(provider, QUERIES, timeout=10)
    assert [o.error_type for o in outcomes] == ["NotConfiguredError"] * 3
    assert provider.batches == []


@pytest.mark.parametrize("n", [1, 2])
def test_short_batches_are_fine(n: int) -> None:
    outcomes = run_batch(Batcher(), QUERIES[:n], timeout=10)
    assert [len(o.resources) for o in outcomes] == [2] * n
