"""The selection optimiser on its own: limits, slots, unique resources, exact on tiny cases."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.scheduling.calendar import Calendar
from planner.scheduling.options import Option, build_options
from planner.scheduling.select import Limits, objective, select

from .strategies import candidates, constraints, goals


def _feasible(chosen: tuple[Option, ...] | list[Option], limits: Limits) -> bool:
    slots = Counter(o.slot for o in chosen)
    keys = Counter(o.key for o in chosen)
    return (max(slots.values(), default=0) <= 1 and max(keys.values(), default=0) <= 1
            and (limits.minutes is None or sum(o.minutes for o in chosen) <= limits.minutes)
            and (limits.cents is None or sum(o.cents for o in chosen) <= limits.cents))


@st.composite
def instances(draw: st.DrawFn) -> tuple[list[Option], Limits]:
    g = draw(goals())
    c = draw(constraints())
    options = build_options(g, draw(candidates(g)), c, Calendar(c))[:9]
    minutes = draw(st.none() | st.integers(0, 3000))
    cents = draw(st.none() | st.integers(0, 40000))
    return options, Limits(cents, minutes)


@settings(max_examples=80, deadline=None)
@given(instances())
def test_selection_is_feasible_and_matches_brute_force_on_tiny_cases(
        inst: tuple[list[Option], Limits]) -> None:
    options, limits = inst
    chosen = select(options, limits)
    assert _feasible(chosen, limits)
    best = max((objective(combo) for n in range(len(options) + 1)
                for combo in combinations(options, n) if _feasible(combo, limits)), default=0)
    assert objective(chosen) == best  # small problems are solved exactly
