"""Exact selection for small problems: depth-first branch and bound with Lagrangian bounds.

The problem is the one :mod:`planner.scheduling.select` solves (see docs/planner.md): at most
one option per slot, each resource at most once, total minutes and cents within their caps,
maximise total value. The search fixes one slot per level (each option that fits, then
"nothing"), keeps the best value seen, and cuts a branch when an upper bound on what the
remaining slots can add cannot beat it by one point (values are integers).

The bound relaxes both capacities with multipliers ``lm, lc >= 0`` and drops the
one-resource-once rule::

    value(rest) <= sum over remaining slots of max(0, max_o value(o) - lm*minutes(o) - lc*cents(o))
                   + lm*minutes_left + lc*cents_left

which holds for every ``lm, lc >= 0``. The per-slot terms do not depend on the branch, so
suffix sums are computed once per multiplier pair and a node's bound is the least of a few
dozen affine functions of the room left. The search counts nodes and stops at a budget, so
it can never blow up: it then reports that it did not finish, and the caller keeps the best
solution known. Pure and deterministic: the order of slots and options is fixed.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from planner.scheduling.options import Option

Slot = tuple[str, str]
NODE_BUDGET = 10_000  # search nodes per call: bounds the time whatever the instance
MAX_SLOTS = 500  # deeper searches are not tried
_ALPHA_STEPS = 4  # weightings of hours against money for the multipliers
_SCALES = 6  # multiplier sizes per weighting
_EPS = 1e-6


class Search(NamedTuple):
    """What :func:`solve` found.

    ``chosen`` is the best selection found worth at least the incumbent's points (ordered by
    slot), or None when none was found. ``complete`` is True when the search finished inside
    its budget: then ``chosen`` is optimal, and the first by (value, fewer minutes, fewer
    cents, item keys) among the optimal ones.
    """

    chosen: tuple[Option, ...] | None
    value: int
    nodes: int
    complete: bool


class _Stop(Exception):
    """The node budget is spent."""


def solve(slots: Mapping[Slot, Sequence[Option]], minutes: int | None, cents: int | None,
          incumbent: int = 0, budget: int = NODE_BUDGET) -> Search:
    """The best selection worth at least ``incumbent`` points, searched exactly.

    ``slots`` maps each slot to its options; options that break a cap on their own, or have
    no value, are ignored. At most ``budget`` nodes are visited.
    """
    order = _ordered(slots, minutes, cents)
    if not order:
        return Search(() if incumbent <= 0 else None, 0, 0, True)
    if len(order) > MAX_SLOTS:  # one stack frame per slot: stay far from the recursion limit
        return Search(None, incumbent, 0, False)
    cap_min = minutes if minutes is not None else sum(o.minutes for opts in order for o in opts)
    cap_cents = cents if cents is not None else sum(o.cents for opts in order for o in opts)
    rows = _bound_rows(order, minutes, cents)
    count = Counter(o.key for opts in order for o in opts)
    shared = {k for k, n in count.items() if n > 1}
    search = _Search(order, rows, shared, (cap_min, cap_cents), incumbent, budget)
    with contextlib.suppress(_Stop):
        search.dfs(0, cap_min, cap_cents, 0)
    chosen = None if search.best is None else tuple(search.best)
    return Search(chosen, search.best_value, search.nodes, not search.stopped)


def _ordered(slots: Mapping[Slot, Sequence[Option]], minutes: int | None,
             cents: int | None) -> list[list[Option]]:
    """Slots with their usable options, most valuable first (big decisions near the root);
    options by value, then fewer minutes, fewer cents, then key."""
    out: list[tuple[int, Slot, list[Option]]] = []
    for slot in sorted(slots):
        opts = sorted((o for o in slots[slot] if o.value > 0
                       and (minutes is None or o.minutes <= minutes)
                       and (cents is None or o.cents <= cents)),
                      key=lambda o: (-o.value, o.minutes, o.cents, o.key))
        if opts:
            out.append((opts[0].value, slot, opts))
    out.sort(key=lambda t: (-t[0], t[1]))
    return [opts for _, _, opts in out]


def _multipliers(order: list[list[Option]], minutes: int | None,
                 cents: int | None) -> list[tuple[float, float]]:
    """Multiplier pairs (per minute, per cent) to take the least bound over.

    For each weighting ``a`` of hours against money, an option's size is
    ``a*minutes/cap + (1-a)*cents/cap``; the multiplier sizes are quantiles of the options'
    value per unit size, the prices at which the relaxation starts to drop options. (0, 0)
    (no capacity at all) is always among them.
    """
    alphas: list[float]
    if minutes is None and cents is None:
        return [(0.0, 0.0)]
    if minutes is None:
        alphas = [0.0]
    elif cents is None:
        alphas = [1.0]
    else:
        alphas = [i / _ALPHA_STEPS for i in range(_ALPHA_STEPS + 1)]
    per_min = 1 / max(1, minutes) if minutes is not None else 0.0
    per_cent = 1 / max(1, cents) if cents is not None else 0.0
    pairs = {(0.0, 0.0)}
    for a in alphas:
        ratios = sorted(o.value / size for opts in order for o in opts
                        if (size := a * o.minutes * per_min + (1 - a) * o.cents * per_cent) > 0)
        if not ratios:
            continue
        picks = {ratios[min(len(ratios) - 1, (len(ratios) * k) // _SCALES)]
                 for k in range(_SCALES)}
        pairs.update((mu * a * per_min, mu * (1 - a) * per_cent) for mu in picks)
    return sorted(pairs)


def _bound_rows(order: list[list[Option]], minutes: int | None,
                cents: int | None) -> list[list[tuple[float, float, float]]]:
    """For each depth, (suffix sum, lm, lc) per multiplier pair: the bound at depth d with
    ``rm`` minutes and ``rc`` cents left is ``min(s + lm*rm + lc*rc)`` over its row."""
    pairs = _multipliers(order, minutes, cents)
    rows: list[list[tuple[float, float, float]]] = [[] for _ in range(len(order) + 1)]
    for lm, lc in pairs:
        total = 0.0
        rows[len(order)].append((0.0, lm, lc))
        for d in range(len(order) - 1, -1, -1):
            total += max(0.0, max(o.value - lm * o.minutes - lc * o.cents for o in order[d]))
            rows[d].append((total, lm, lc))
    return rows


class _Search:
    """The depth-first search. A branch is cut when even its bound cannot reach the best value
    found: ties are explored, so among the solutions of the best value the one with fewer
    minutes, then fewer cents, then the sorted item keys (compared as in select.py) wins."""

    def __init__(self, order: list[list[Option]], rows: list[list[tuple[float, float, float]]],
                 shared: set[str], caps: tuple[int, int], incumbent: int, budget: int) -> None:
        self.order = order
        self.rows = rows
        self.shared = shared
        self.caps = caps
        self.used: set[str] = set()
        self.path: list[Option] = []
        self.best: list[Option] | None = None
        self.best_value = incumbent
        self.best_rank: tuple[int, int, int, tuple[str, ...]] | None = None
        self.budget = budget
        self.nodes = 0
        self.stopped = False

    def bound(self, depth: int, rm: int, rc: int) -> float:
        return min(s + lm * rm + lc * rc for s, lm, lc in self.rows[depth])

    def dfs(self, depth: int, rm: int, rc: int, value: int) -> None:
        if self.nodes >= self.budget:
            self.stopped = True
            raise _Stop
        self.nodes += 1
        if value >= self.best_value:
            self._offer(rm, rc, value)  # the rest left empty is a solution too
        if depth == len(self.order):
            return
        for o in self.order[depth]:
            if o.minutes > rm or o.cents > rc or o.key in self.used:
                continue
            if value + o.value + self.bound(depth + 1, rm - o.minutes, rc - o.cents) \
                    < self.best_value - _EPS:
                continue
            mark = o.key in self.shared
            if mark:
                self.used.add(o.key)
            self.path.append(o)
            self.dfs(depth + 1, rm - o.minutes, rc - o.cents, value + o.value)
            self.path.pop()
            if mark:
                self.used.discard(o.key)
        if value + self.bound(depth + 1, rm, rc) >= self.best_value - _EPS:
            self.dfs(depth + 1, rm, rc, value)

    def _offer(self, rm: int, rc: int, value: int) -> None:
        """Keep the current path if it ranks above the best: value, fewer minutes, fewer
        cents, then item keys (as :meth:`Solution.rank` in select.py)."""
        rank = (value, rm - self.caps[0], rc - self.caps[1],
                tuple(sorted(o.item_key for o in self.path)))
        if self.best_rank is None or rank > self.best_rank:
            self.best_rank = rank
            self.best_value = value
            self.best = sorted(self.path, key=lambda o: o.slot)
