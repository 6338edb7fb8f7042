"""Place tasks into days: a day-by-day list scheduler with tracks, windows and dependencies.

Each day the active tasks (at most ``max_parallel``) share the free minutes in sessions of
``min_session``..``max_session``; runs with a closing date are served first. A task starts
only after every dependency has finished on an earlier day.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from planner.scheduling.calendar import Calendar

_LOOKAHEAD = timedelta(days=14)  # keep a track free for a run opening this soon
_FAR = date.max


@dataclass(frozen=True)
class Task:
    """Work to place: minutes, ordering rank, dependencies and an optional date window."""

    key: str
    minutes: int
    rank: tuple[int, ...] = ()
    deps: tuple[str, ...] = ()
    earliest: date | None = None
    latest: date | None = None


@dataclass(frozen=True)
class Rules:
    start: date
    max_parallel: int = 2
    min_session: int = 30
    max_session: int = 180
    horizon_days: int = 366 * 15


@dataclass
class Placement:
    """Where each task's minutes went; tasks that could not be placed are listed apart."""

    sessions: dict[str, list[tuple[date, int]]] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)


class _Sim:
    def __init__(self, tasks: Sequence[Task], cal: Calendar, used: Mapping[date, int],
                 rules: Rules) -> None:
        self.tasks = {t.key: t for t in tasks}
        self.cal, self.used, self.rules = cal, used, rules
        self.left = {t.key: t.minutes for t in tasks}
        self.sessions: dict[str, list[tuple[date, int]]] = {t.key: [] for t in tasks}
        self.done: dict[str, date] = {}
        self.failed: set[str] = set()
        self.blockers = {t.key: {d for d in t.deps if d in self.tasks and d != t.key}
                         for t in tasks}
        self.dependents: dict[str, list[str]] = {t.key: [] for t in tasks}
        for key in sorted(self.blockers):
            for dep in sorted(self.blockers[key]):
                self.dependents[dep].append(key)
        self.future: list[tuple[date, tuple[int, ...], str]] = []
        self.ready: list[tuple[tuple[int, ...], str]] = []
        self.active: list[str] = []
        for t in tasks:
            if not self.blockers[t.key]:
                self._wait(t.key, rules.start)

    def _wait(self, key: str, not_before: date) -> None:
        t = self.tasks[key]
        first = max(not_before, t.earliest or not_before)
        heapq.heappush(self.future, (first, t.rank, key))

    def _ready_rank(self, key: str) -> tuple[int, ...]:
        t = self.tasks[key]
        return (0, t.latest.toordinal(), *t.rank) if t.latest else (1, 0, *t.rank)

    def run(self) -> Placement:
        day = self.rules.start
        last = self.rules.start + timedelta(days=self.rules.horizon_days)
        while day <= last and (self.active or self.ready or self.future):
            if not self.active and not self.ready:
                day = max(day, self.future[0][0])
                if day > last:
                    break
            self._step(day)
            day += timedelta(days=1)
        return self._result()

    def _step(self, day: date) -> None:
        while self.future and self.future[0][0] <= day:
            _, _, key = heapq.heappop(self.future)
            heapq.heappush(self.ready, (self._ready_rank(key), key))
        for key in [k for k in self.active if self._expired(k, day)]:
            self._fail(key)
        self._fill(day)
        self._allocate(day)
        for key in [k for k in self.active if self.left[k] == 0]:
            self._finish(key, day)

    def _expired(self, key: str, day: date) -> bool:
        latest = self.tasks[key].latest
        return latest is not None and day > latest

    def _fill(self, day: date) -> None:
        reserve = self._runs_soon(day)
        while self.ready and len(self.active) < self.rules.max_parallel:
            rank, key = self.ready[0]
            is_run = self.tasks[key].latest is not None
            if not is_run and len(self.active) + reserve >= self.rules.max_parallel:
                return
            heapq.heappop(self.ready)
            if key in self.failed:
                continue
            if self._expired(key, day):
                self._fail(key)
                continue
            self.active.append(key)

    def _runs_soon(self, day: date) -> int:
        soon = day + _LOOKAHEAD
        n = sum(1 for first, _, k in self.future if first <= soon and self.tasks[k].latest)
        return min(n, self.rules.max_parallel)

    def _allocate(self, day: date) -> None:
        total = self.cal.minutes(day)
        free = total - self.used.get(day, 0)
        if free <= 0 or not self.active:
            return
        order = sorted(self.active, key=self._ready_rank)
        given = dict.fromkeys(order, 0)
        share = free // len(order)
        for key in order:
            free -= self._give(key, min(max(share, self.rules.min_session), free), total, given)
        for key in order:
            free -= self._give(key, free, total, given)
        for key in order:
            if given[key]:
                self.sessions[key].append((day, given[key]))

    def _give(self, key: str, offer: int, day_total: int, given: dict[str, int]) -> int:
        """Add up to ``offer`` minutes to today's session of ``key``; return minutes taken."""
        room = self.rules.max_session - given[key]
        take = min(offer, room, self.left[key])
        session = given[key] + take
        too_short = session < self.rules.min_session and session < day_total
        if take <= 0 or (too_short and take < self.left[key]):
            return 0
        given[key] += take
        self.left[key] -= take
        return take

    def _finish(self, key: str, day: date) -> None:
        self.active.remove(key)
        self.done[key] = day
        for dep in self.dependents[key]:
            self.blockers[dep].discard(key)
            if not self.blockers[dep] and dep not in self.failed:
                self._wait(dep, day + timedelta(days=1))

    def _fail(self, key: str) -> None:
        if key in self.failed:
            return
        self.failed.add(key)
        if key in self.active:
            self.active.remove(key)
        self.sessions[key] = []
        for dep in self.dependents[key]:
            self._fail(dep)

    def _result(self) -> Placement:
        placed = {k: s for k, s in self.sessions.items() if k in self.done}
        unplaced = sorted(k for k in self.tasks if k not in self.done)
        return Placement(placed, unplaced)


def schedule(tasks: Sequence[Task], cal: Calendar, used: Mapping[date, int],
             rules: Rules) -> Placement:
    """Sessions for every task that fits; ``used`` holds minutes already taken per day."""
    return _Sim(tasks, cal, used, rules).run()
