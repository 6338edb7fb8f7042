"""The exact selection search: optimal on tiny cases, never worse than the heuristic,
deterministic, and bounded by its node budget."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.scheduling import GoalSpec, exact
from planner.scheduling import select as select_module
from planner.scheduling.options import Option, Role
from planner.scheduling.select import (
    Limits,
    Solution,
    group_slots,
    heuristic,
    objective,
    select,
    select_grouped,
)

from .strategies import res

ROLES = (Role.LEARN, Role.PRACTICE, Role.CREDENTIAL)
GOALS = tuple(GoalSpec(f"g{n}", f"Goal {n}") for n in range(6))
Rank = tuple[int, int, int, tuple[str, ...]]


def option(goal: int, role: Role, key: str, minutes: int, cents: int, value: int) -> Option:
    g = GOALS[goal]
    return Option(g, role, res(key), minutes, cents, value, None, False, key,
                  (g.id, role.value), f"{g.id}:{key}")


@st.composite
def synthetic(draw: st.DrawFn, max_options: int = 10, max_goals: int = 3
              ) -> tuple[list[Option], Limits]:
    """Options over a few slots, resources often offered to two slots, tight limits."""
    n = draw(st.integers(0, max_options))
    seen: set[tuple[int, Role, str]] = set()
    out: list[Option] = []
    for _ in range(n):
        goal = draw(st.integers(0, max_goals - 1))
        role = draw(st.sampled_from(ROLES))
        key = f"r{draw(st.integers(0, max_options // 2 + 1))}"
        if (goal, role, key) in seen:
            continue
        seen.add((goal, role, key))
        out.append(option(goal, role, key, draw(st.integers(1, 600)),
                          draw(st.sampled_from((0, 0, 1500, 4900, 12000))),
                          draw(st.integers(1, 3000))))
    minutes = draw(st.none() | st.integers(0, 1500))
    cents = draw(st.none() | st.integers(0, 20000))
    return out, Limits(cents, minutes)


def feasible(chosen: Sequence[Option], limits: Limits) -> bool:
    slots = Counter(o.slot for o in chosen)
    keys = Counter(o.key for o in chosen)
    return (max(slots.values(), default=0) <= 1 and max(keys.values(), default=0) <= 1
            and (limits.minutes is None or sum(o.minutes for o in chosen) <= limits.minutes)
            and (limits.cents is None or sum(o.cents for o in chosen) <= limits.cents))


def rank(chosen: Sequence[Option]) -> Rank:
    return Solution({o.slot: o for o in chosen}).rank()


def brute_force(options: Sequence[Option], limits: Limits) -> Rank:
    """The best rank (value, fewer minutes, fewer cents, item keys) over every choice of at
    most one option per slot."""
    by_slot: dict[tuple[str, str], list[Option | None]] = {}
    for o in options:
        by_slot.setdefault(o.slot, [None]).append(o)
    best = rank(())
    for combo in product(*by_slot.values()):
        chosen = [o for o in combo if o is not None]
        if feasible(chosen, limits):
            best = max(best, rank(chosen))
    return best


@settings(max_examples=150, deadline=None)
@given(synthetic())
def test_exact_search_matches_brute_force_including_ties(
        inst: tuple[list[Option], Limits]) -> None:
    options, limits = inst
    slots = {s: list(v) for s, v in group_slots(options, limits).items()}
    found = exact.solve(slots, limits.minutes, limits.cents)
    assert found.complete
    assert found.chosen is not None
    assert feasible(found.chosen, limits)
    assert rank(found.chosen) == brute_force(options, limits)  # optimum, canonical tie-break


@settings(max_examples=60, deadline=None)
@given(synthetic())
def test_select_is_exact_on_tiny_cases(inst: tuple[list[Option], Limits]) -> None:
    options, limits = inst
    chosen = select(options, limits)
    assert feasible(chosen, limits)
    assert rank(chosen) == brute_force(options, limits)


@settings(max_examples=40, deadline=None)
@given(synthetic(max_options=40, max_goals=6), st.sampled_from((1, 3, 20, 10_000)))
def test_never_worse_than_the_heuristic_whatever_the_budget(
        inst: tuple[list[Option], Limits], budget: int) -> None:
    options, limits = inst
    slots = group_slots(options, limits)
    chosen = select_grouped(slots, limits, node_budget=budget)
    assert feasible(chosen, limits)
    base = heuristic(slots, limits) if slots else Solution()
    assert objective(chosen) >= base.value


@settings(max_examples=40, deadline=None)
@given(synthetic(max_options=30, max_goals=6), st.randoms(use_true_random=False))
def test_deterministic_and_independent_of_input_order(
        inst: tuple[list[Option], Limits], rnd: random.Random) -> None:
    options, limits = inst
    first = select(options, limits)
    shuffled = list(options)
    rnd.shuffle(shuffled)
    assert select(options, limits) == first
    assert select(shuffled, limits) == first


def hard_instance(seed: int = 7, n_goals: int = 6) -> tuple[list[Option], Limits]:
    """Many slots with similar value densities: the search needs many nodes to prove."""
    rng = random.Random(seed)
    goals = [GoalSpec(f"h{n}", f"Hard {n}") for n in range(n_goals)]
    out = []
    for n, g in enumerate(goals):
        for role in ROLES:
            for k in range(3):
                minutes = rng.randint(60, 900)
                cents = rng.choice((0, rng.randint(500, 20000)))
                key = f"h{n}-{role.value}-{k}"
                out.append(Option(g, role, res(key), minutes, cents,
                                  minutes * rng.randint(95, 105) + cents // 10, None, False,
                                  key, (g.id, role.value), f"{g.id}:{key}"))
    return out, Limits(sum(o.cents for o in out) // 6, sum(o.minutes for o in out) // 6)


@pytest.mark.parametrize("budget", [1, 2, 10, 100, 1000])
def test_node_budget_is_respected(budget: int) -> None:
    options, limits = hard_instance()
    slots = group_slots(options, limits)
    found = exact.solve(slots, limits.minutes, limits.cents, budget=budget)
    assert found.nodes <= budget
    assert not found.complete  # this instance needs more nodes than any of these budgets
    if found.chosen is not None:
        assert feasible(found.chosen, limits)
    chosen = select_grouped(slots, limits, node_budget=budget)
    assert feasible(chosen, limits)
    assert objective(chosen) >= heuristic(slots, limits).value


def test_search_proves_the_hard_instance_with_a_large_budget() -> None:
    options, limits = hard_instance(n_goals=3)
    slots = group_slots(options, limits)
    found = exact.solve(slots, limits.minutes, limits.cents, budget=10**6)
    assert found.complete
    assert found.chosen is not None
    assert rank(found.chosen) == brute_force(options, limits)


def test_large_problems_skip_the_search(monkeypatch: pytest.MonkeyPatch) -> None:
    options, limits = hard_instance(n_goals=40)  # 360 options, over the exact limit
    slots = group_slots(options, limits)
    assert sum(map(len, slots.values())) > select_module._EXACT_OPTIONS

    def refuse(*_: object, **__: object) -> exact.Search:
        raise AssertionError("the exact search ran on a large problem")

    monkeypatch.setattr(exact, "solve", refuse)
    assert feasible(select_grouped(slots, limits), limits)


def test_finds_the_three_slot_change_local_search_misses() -> None:
    """The heuristic keeps three items; the optimum drops two of them for one larger item,
    a change of three slots at once, which no local move makes (9% better)."""
    learn, practice = Role.LEARN, Role.PRACTICE
    options = [option(*row) for row in (
        (0, learn, "r0l0", 514, 12000, 2387), (0, learn, "r0l1", 107, 4900, 2130),
        (1, learn, "r1l0", 455, 4900, 1801), (1, learn, "r1l1", 558, 12000, 758),
        (1, practice, "r1p0", 274, 0, 771), (3, learn, "r3l0", 123, 12000, 1137),
        (3, learn, "r3l1", 476, 4900, 2796), (3, practice, "r3p0", 414, 4900, 1333),
        (3, practice, "r3p1", 67, 1500, 1564))]
    limits = Limits(10585, 767)
    slots = group_slots(options, limits)
    assert sorted(o.key for o in heuristic(slots, limits).chosen.values()) == [
        "r0l1", "r1p0", "r3p1"]
    chosen = select(options, limits)
    assert sorted(o.key for o in chosen) == ["r0l1", "r3l1"]
    assert objective(chosen) == 4926 > heuristic(slots, limits).value


def test_pruning_keeps_the_canonical_one_of_equal_options() -> None:
    """Two options equal on value, minutes and cents: the one kept is the one rank() prefers
    (hypothesis once found the exact search returning the other)."""
    opts = [option(0, Role.LEARN, "r0", 1, 0, 1), option(0, Role.LEARN, "r1", 1, 0, 1)]
    limits = Limits(None, None)
    slots = {s: list(v) for s, v in group_slots(opts, limits).items()}
    found = exact.solve(slots, limits.minutes, limits.cents)
    assert found.chosen is not None
    assert rank(found.chosen) == brute_force(opts, limits) == (1, -1, 0, ("g0:r1",))
