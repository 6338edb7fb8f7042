"""Merging a goal's candidates from their stored form: ranked, one of each duplicate, capped."""

from __future__ import annotations

import random

import pytest

from planner import candidates as merging
from planner.providers import Cost, Effort, Resource, ResourceKind

GOAL = {"skill_id": "sql", "label": "SQL", "aliases": ["structured query language"]}


def resource(provider: str, ext: str, title: str, url: str, *, skills: tuple[str, ...] = (),
             cost: Cost | None = None, effort: Effort | None = None) -> Resource:
    return Resource(provider=provider, external_id=ext, kind=ResourceKind.COURSE, title=title,
                    url=url, skills=skills, cost=cost or Cost(free=True, amount=0.0),
                    effort=effort or Effort())


def offers(seed: int, n: int = 80) -> list[tuple[int, Resource]]:
    """``n`` offers from four providers, many of them the same course under another URL
    spelling or title case, with mixed tags, costs and efforts."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        course = rng.randrange(40)
        out.append((rng.randrange(12), resource(
            f"p{rng.randrange(4)}", f"e{i}",
            rng.choice([f"SQL course {course}", f"sql COURSE {course}!", f"Course {course}"]),
            rng.choice([f"https://www.example.org/c/{course}/",
                        f"http://example.org/c/{course}?utm_source=x",
                        f"https://example.org/c/{course}-{i}"]),
            skills=rng.choice([("sql",), ()]),
            cost=rng.choice([Cost(free=True), Cost(free=False, amount=rng.choice([20.0, 400.0]))]),
            effort=rng.choice([Effort(), Effort(total_hours=rng.choice([0.5, 10.0, 200.0])),
                               Effort(weekly_hours=3.0, weeks=4.0)]))))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_the_cap_keeps_exactly_the_head_of_the_full_ranking(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    found = [(rank, r.to_dict()) for rank, r in offers(seed)]
    cap = merging.MAX_CANDIDATES
    capped = merging.merge(found, GOAL, budget=100.0)
    monkeypatch.setattr(merging, "MAX_CANDIDATES", 10_000)
    full = merging.merge(found, GOAL, budget=100.0)
    assert len(full) > cap and len(capped) == cap
    assert capped == full[:cap]


@pytest.mark.parametrize("seed", range(5))
def test_one_of_each_duplicate_best_first(seed: int) -> None:
    found = [(rank, r.to_dict()) for rank, r in offers(seed)]
    kept = merging.merge(found, GOAL, budget=100.0)
    urls = [merging.url_key(r.url) for r in kept]
    titles = [merging.title_key(r.title) for r in kept]
    assert len(set(urls)) == len(urls) and len(set(titles)) == len(titles)
    rank = {r.key: k for k, r in ((k, r) for k, r in offers(seed))}
    scores = [merging.score(r.to_dict(), rank[r.key], GOAL, 100.0) for r in kept]
    assert scores == sorted(scores, reverse=True)
    assert all(isinstance(r, Resource) for r in kept)


@pytest.mark.parametrize(("cost", "effort", "expected"), [
    (Cost(free=True), Effort(), 2 * 3.0 + 1.0 + 0.3),  # tagged, free, effort unknown
    (Cost(free=False, amount=50.0), Effort(total_hours=10.0), 2 * 3.0 + 0.3 + 1.0),  # in budget
    (Cost(free=False, amount=500.0), Effort(weekly_hours=2.0, weeks=5.0), 2 * 3.0 - 2.0 + 1.0),
    (Cost(free=False, amount=None), Effort(total_hours=200.0), 2 * 3.0 + 0.3 + 0.0),
])
def test_score_reads_cost_and_effort_as_the_model_does(
        cost: Cost, effort: Effort, expected: float) -> None:
    r = resource("p", "x", "Databases", "https://example.org/x", skills=("sql",), cost=cost,
                 effort=effort)
    assert merging.score(r.to_dict(), 0, GOAL, budget=100.0) == pytest.approx(expected)
    assert merging.score(r.to_dict(), 0, GOAL, budget=None) >= merging.score(
        r.to_dict(), 0, GOAL, budget=100.0)


def test_a_title_naming_the_goal_beats_an_untagged_one() -> None:
    named = resource("p", "a", "Intro to structured query language", "https://example.org/a")
    plain = resource("p", "b", "Intro to databases", "https://example.org/b")
    kept = merging.merge([(5, plain.to_dict()), (5, named.to_dict())], GOAL)
    assert [r.external_id for r in kept] == ["a", "b"]
