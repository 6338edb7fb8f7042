"""search_all: every goal's query answered, in order, never more than ``at_once`` in flight."""

from __future__ import annotations

import threading
import time

from planner.pipeline import search_all
from planner.providers import Provider, SearchOutcome, SkillQuery


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
