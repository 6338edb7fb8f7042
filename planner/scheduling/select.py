"""Choose at most one option per (goal, role) slot to maximise total value within limits.

A multiple-choice knapsack with two capacities (hours, budget) and one extra rule: a
resource is used at most once across goals. Greedy on incremental value per weighted size,
for several weightings of hours against money, then local search; see docs/planner.md.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.scheduling import exact
from planner.scheduling.options import Option

Slot = tuple[str, str]
_ALPHAS = (0.0, 0.25, 0.5, 0.75, 1.0)
_MANY_OPTIONS = 2_000  # above this, two weightings: the sweep rarely beats the adaptive one
_PAIR_LIMIT = 120  # options; above this pair moves cost more time than they win
_ROUNDS = 60
_EXACT_OPTIONS = 300  # options (after pruning) up to which the exact search is tried


@dataclass(frozen=True)
class Limits:
    """Capacities of the selection: budget in cents and study time in minutes (None = no limit)."""

    cents: int | None = None
    minutes: int | None = None


class Solution:
    """A slot -> option assignment with its running totals."""

    def __init__(self, chosen: dict[Slot, Option] | None = None) -> None:
        self.chosen: dict[Slot, Option] = dict(chosen or {})
        self.minutes = sum(o.minutes for o in self.chosen.values())
        self.cents = sum(o.cents for o in self.chosen.values())
        self.value = sum(o.value for o in self.chosen.values())
        self.keys = Counter(o.key for o in self.chosen.values())

    def copy(self) -> Solution:
        return Solution(self.chosen)

    def fits(self, slot: Slot, new: Option | None, limits: Limits) -> bool:
        """Whether setting ``slot`` to ``new`` keeps every limit."""
        old = self.chosen.get(slot)
        if new is not None and self.keys[new.key] > (1 if old and old.key == new.key else 0):
            return False
        d_min = (new.minutes if new else 0) - (old.minutes if old else 0)
        d_cents = (new.cents if new else 0) - (old.cents if old else 0)
        return _within(self.minutes + d_min, limits.minutes) and _within(
            self.cents + d_cents, limits.cents)

    def gain(self, slot: Slot, new: Option | None) -> int:
        old = self.chosen.get(slot)
        return (new.value if new else 0) - (old.value if old else 0)

    def set(self, slot: Slot, new: Option | None) -> None:
        old = self.chosen.pop(slot, None)
        if old is not None:
            self._account(old, -1)
        if new is not None:
            self.chosen[slot] = new
            self._account(new, 1)

    def _account(self, o: Option, sign: int) -> None:
        self.minutes += sign * o.minutes
        self.cents += sign * o.cents
        self.value += sign * o.value
        self.keys[o.key] += sign

    def rank(self) -> tuple[int, int, int, tuple[str, ...]]:
        """Higher is better: value, then fewer minutes, fewer cents, then a stable tie-break."""
        keys = tuple(sorted(o.item_key for o in self.chosen.values()))
        return (self.value, -self.minutes, -self.cents, keys)


def _within(used: int, cap: int | None) -> bool:
    return cap is None or used <= cap


def objective(chosen: Iterable[Option]) -> int:
    """The quantity :func:`select` maximises."""
    return sum(o.value for o in chosen)


def select(options: Sequence[Option], limits: Limits) -> tuple[Option, ...]:
    """Best options found within ``limits``, ordered by slot."""
    return select_grouped(group_slots(options, limits), limits)


def restrict(slots: dict[Slot, list[Option]], limits: Limits) -> dict[Slot, list[Option]]:
    """``slots`` without the options that break a (tighter) limit on their own."""
    kept = {s: [o for o in opts if _within(o.minutes, limits.minutes)
                and _within(o.cents, limits.cents)] for s, opts in slots.items()}
    return {s: opts for s, opts in kept.items() if opts}


def select_grouped(slots: dict[Slot, list[Option]], limits: Limits,
                   node_budget: int = exact.NODE_BUDGET) -> tuple[Option, ...]:
    """:func:`select` on options already grouped by :func:`group_slots`.

    Small problems are solved exactly when a branch and bound (started from a quick greedy
    answer) finishes within ``node_budget`` nodes; otherwise, and on larger problems, the
    heuristic answers, or the search's best if that is better.
    """
    if not slots:
        return ()
    if sum(map(len, slots.values())) <= _EXACT_OPTIONS:
        best = _exact_or_heuristic(slots, limits, node_budget)
    else:
        best = heuristic(slots, limits)
    return tuple(best.chosen[s] for s in sorted(best.chosen))


def _exact_or_heuristic(slots: dict[Slot, list[Option]], limits: Limits,
                        node_budget: int) -> Solution:
    """The exact optimum if the search finishes, else the better of its best and the
    heuristic's. The search starts from the heuristic's answer on problems where that is
    cheap, and from a greedy pass with single-slot moves on small ones (where the heuristic's
    pair moves cost more than the search)."""
    small = _small(slots)
    start = (_single_moves(greedy(slots, limits, _alphas(slots, limits)[0]), slots, limits)
             if small else heuristic(slots, limits))
    found = exact.solve(slots, limits.minutes, limits.cents, start.value, node_budget)
    if found.chosen is not None:
        start = max(Solution({o.slot: o for o in found.chosen}), start, key=Solution.rank)
    if found.complete or not small:
        return start
    return max(start, heuristic(slots, limits), key=Solution.rank)


def heuristic(slots: dict[Slot, list[Option]], limits: Limits) -> Solution:
    """Greedy passes for several weightings, then local search; the best by rank."""
    alphas = _alphas(slots, limits)
    starts = [greedy(slots, limits, alpha) for alpha in alphas]
    if _small(slots):
        starts.extend(_best_seeded(slots, limits, a) for a in _seed_alphas(starts[0], limits))
    return max((improve(sol, slots, limits, alphas[0]) for sol in starts), key=Solution.rank)


def _seed_alphas(first: Solution, limits: Limits) -> tuple[float, ...]:
    """Weightings for seeded greedy: the one the first solution's usage suggests, and pure
    hours and pure money."""
    if limits.minutes is None or limits.cents is None:
        return (0.0,) if limits.minutes is None else (1.0,)
    use_min = (first.minutes / limits.minutes) ** 2 if limits.minutes else 1.0
    use_cents = (first.cents / limits.cents) ** 2 if limits.cents else 1.0
    usage = use_min / (use_min + use_cents) if use_min + use_cents else 0.5
    return (usage, 0.0, 1.0)


def _small(slots: dict[Slot, list[Option]]) -> bool:
    return sum(len(v) for v in slots.values()) <= _PAIR_LIMIT


def _best_seeded(slots: dict[Slot, list[Option]], limits: Limits, alpha: float) -> Solution:
    """Greedy started from each single option in turn: finds the big item a ratio greedy
    passes over when it is worth more than the many small ones that crowd it out."""
    best = Solution()
    for opts in slots.values():
        for o in opts:
            seed = Solution({o.slot: o})
            if seed.fits(o.slot, o, limits):
                sol = greedy(slots, limits, alpha, seed)
                best = max(best, sol, key=Solution.rank)
    return best


def _alphas(slots: dict[Slot, list[Option]], limits: Limits) -> tuple[float, ...]:
    """Weightings of hours against money to try; with one limit only its own matters.

    The first is adaptive: each limit weighs by how far the best option of every slot would
    overrun it. Small problems also try a fixed sweep; large ones a pure-hours pass only.
    """
    if limits.minutes is None or limits.cents is None:
        return (0.0,) if limits.minutes is None else (1.0,)
    over_min = sum(opts[0].minutes for opts in slots.values()) / max(1, limits.minutes)
    over_cents = sum(opts[0].cents for opts in slots.values()) / max(1, limits.cents)
    adaptive = over_min / (over_min + over_cents) if over_min + over_cents else 0.5
    if sum(map(len, slots.values())) > _MANY_OPTIONS:
        return (adaptive, 1.0)
    return (adaptive, *_ALPHAS)


def group_slots(options: Sequence[Option], limits: Limits) -> dict[Slot, list[Option]]:
    """Options by slot, without ones that break a limit alone or are dominated in their slot."""
    slots: dict[Slot, list[Option]] = {}
    for o in options:
        if o.value > 0 and _within(o.minutes, limits.minutes) and _within(o.cents, limits.cents):
            slots.setdefault(o.slot, []).append(o)
    shared = _shared_keys(slots)
    return {s: _prune(opts, shared) for s, opts in sorted(slots.items())}


def _shared_keys(slots: dict[Slot, list[Option]]) -> set[str]:
    count = Counter(k for opts in slots.values() for k in {o.key for o in opts})
    return {k for k, n in count.items() if n > 1}


def _prune(opts: list[Option], shared: set[str]) -> list[Option]:
    """Drop options another option of the slot beats on value, minutes and cents at once.

    Of options equal on all three the one kept is the one :meth:`Solution.rank` prefers (the
    greater item key), so pruning never removes the canonical optimum.
    """
    ordered = sorted(opts, key=lambda o: (o.value, -o.minutes, -o.cents, o.item_key),
                     reverse=True)
    kept: list[Option] = []
    for o in ordered:
        if not any(_dominates(p, o) for p in kept if p.key not in shared):
            kept.append(o)
    return kept


def _dominates(p: Option, o: Option) -> bool:
    return p.value >= o.value and p.minutes <= o.minutes and p.cents <= o.cents


def _size(o: Option | None, limits: Limits, alpha: float) -> float:
    if o is None:
        return 0.0
    size = 0.0
    if limits.minutes:
        size += alpha * o.minutes / limits.minutes
    if limits.cents:
        size += (1 - alpha) * o.cents / limits.cents
    return size


def greedy(slots: dict[Slot, list[Option]], limits: Limits, alpha: float,
           start: Solution | None = None) -> Solution:
    """Apply upgrades in order of value gained per unit of weighted size while they fit."""
    sol = start.copy() if start else Solution()
    version = dict.fromkeys(slots, 0)
    heap: list[tuple[float, int, int, int, Slot, int, Option]] = []
    seq = 0
    shared = Counter(o.key for opts in slots.values() for o in opts)
    for slot in slots:
        seq = _push(heap, seq, sol, slot, slots[slot], version[slot], limits, alpha, shared)
    while heap:
        _, _, _, _, slot, ver, new = heapq.heappop(heap)
        if ver != version[slot] or not sol.fits(slot, new, limits):
            continue
        sol.set(slot, new)
        version[slot] += 1
        seq = _push(heap, seq, sol, slot, slots[slot], version[slot], limits, alpha, shared)
    return sol


def _push(heap: list[tuple[float, int, int, int, Slot, int, Option]], seq: int, sol: Solution,
          slot: Slot, opts: list[Option], ver: int, limits: Limits, alpha: float,
          shared: Counter[str]) -> int:
    """Queue the upgrades of ``slot`` that fit now (used capacity rarely shrinks later).

    Ties go to resources fewer slots could use, so shared ones stay free for the others.
    """
    cur = sol.chosen.get(slot)
    base_value, base = (cur.value, _size(cur, limits, alpha)) if cur else (0, 0.0)
    room_min, room_cents = _room(sol, cur, limits)
    for o in opts:
        gain = o.value - base_value
        if gain <= 0 or o.minutes > room_min or o.cents > room_cents:
            continue
        if sol.keys[o.key] and not (cur and cur.key == o.key):
            continue
        grow = _size(o, limits, alpha) - base
        ratio = float("inf") if grow <= 1e-12 else gain / grow
        heapq.heappush(heap, (-ratio, -gain, shared[o.key], seq, slot, ver, o))
        seq += 1
    return seq


def _room(sol: Solution, cur: Option | None, limits: Limits) -> tuple[float, float]:
    """Minutes and cents a slot could use if its current option were given back."""
    inf = float("inf")
    room_min = inf if limits.minutes is None else limits.minutes - sol.minutes
    room_cents = inf if limits.cents is None else limits.cents - sol.cents
    if cur is not None:
        room_min, room_cents = room_min + cur.minutes, room_cents + cur.cents
    return room_min, room_cents


def improve(sol: Solution, slots: dict[Slot, list[Option]], limits: Limits,
            alpha: float = 0.5) -> Solution:
    """Local search until nothing helps: best single-slot change; on small problems also the
    best two-slot change, and dropping one slot to refill the rest greedily without it."""
    small = _small(slots)
    for _ in range(_ROUNDS):
        if _best_single(sol, slots, limits):
            continue
        if not small:
            break
        if _best_pair(sol, slots, limits):
            continue
        better = _drop_and_refill(sol, slots, limits, alpha)
        if better is None:
            break
        sol = better
    return sol


def _single_moves(sol: Solution, slots: dict[Slot, list[Option]], limits: Limits) -> Solution:
    """Best single-slot changes until none helps."""
    for _ in range(_ROUNDS):
        if not _best_single(sol, slots, limits):
            break
    return sol


def _drop_and_refill(sol: Solution, slots: dict[Slot, list[Option]], limits: Limits,
                     alpha: float) -> Solution | None:
    """The first better solution found by banning one chosen option and refilling greedily."""
    for slot in sorted(sol.chosen):
        banned = sol.chosen[slot]
        trial = sol.copy()
        trial.set(slot, None)
        others = {s: [o for o in opts if o is not banned] for s, opts in slots.items()}
        refilled = greedy(others, limits, alpha, trial)
        if refilled.rank() > sol.rank():
            return refilled
    return None


def _moves(sol: Solution, slots: dict[Slot, list[Option]]) -> list[tuple[Slot, Option | None]]:
    moves: list[tuple[Slot, Option | None]] = []
    for slot, opts in slots.items():
        cur = sol.chosen.get(slot)
        moves.extend((slot, o) for o in opts if o is not cur)
        if cur is not None:
            moves.append((slot, None))
    return moves


def _best_single(sol: Solution, slots: dict[Slot, list[Option]], limits: Limits) -> bool:
    best: tuple[int, Slot, Option | None] | None = None
    for slot, new in _moves(sol, slots):
        gain = sol.gain(slot, new)
        if gain > 0 and (best is None or gain > best[0]) and sol.fits(slot, new, limits):
            best = (gain, slot, new)
    if best is None:
        return False
    sol.set(best[1], best[2])
    return True


def _best_pair(sol: Solution, slots: dict[Slot, list[Option]], limits: Limits) -> bool:
    """Change two slots at once: typically drop or downgrade one to afford another."""
    moves = _moves(sol, slots)
    best: tuple[int, int, int] | None = None
    for i, (s1, o1) in enumerate(moves):
        trial = sol.copy()
        trial.set(s1, o1)
        g1 = sol.gain(s1, o1)
        for j, (s2, o2) in enumerate(moves):
            if s2 == s1:
                continue
            gain = g1 + trial.gain(s2, o2)
            if (gain > 0 and (best is None or gain > best[0]) and trial.fits(s2, o2, limits)
                    and _unique_after(trial, s2, o2, o1)):
                best = (gain, i, j)
    if best is None:
        return False
    for k in best[1:]:
        sol.set(*moves[k])
    return True


def _unique_after(trial: Solution, slot: Slot, new: Option | None, first: Option | None) -> bool:
    """Whether ``first`` (already set in ``trial``) stays unique once ``slot`` takes ``new``."""
    if first is None:
        return True
    old = trial.chosen.get(slot)
    count = trial.keys[first.key] - (old is not None and old.key == first.key)
    return count + (new is not None and new.key == first.key) <= 1
