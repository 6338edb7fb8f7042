"""Chosen options as schedulable tasks: ranks from priorities, dependencies from prerequisites.

Within a goal, practice follows learning and an exam follows both. Across goals, every item
of a goal waits for the core (learning, else practice) of each prerequisite goal. Cycles in
the prerequisite links are broken deterministically; a prerequisite inherits the most urgent
priority of the goals that need it.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.scheduling.model import GoalSpec
from planner.scheduling.options import Option, Role
from planner.scheduling.schedule import Task

ROLE_ORDER = {Role.LEARN: 0, Role.NETWORK: 1, Role.PRACTICE: 2, Role.CREDENTIAL: 3}
_WITHIN_GOAL = {
    Role.LEARN: (),
    Role.NETWORK: (),
    Role.PRACTICE: (Role.LEARN,),
    Role.CREDENTIAL: (Role.LEARN, Role.PRACTICE),
}


def goal_order(goals: Sequence[GoalSpec]) -> dict[str, int]:
    """Topological position of each goal: prerequisites first, back edges of cycles ignored."""
    by_id = {g.id: g for g in goals}
    order: dict[str, int] = {}
    visiting: set[str] = set()

    def visit(gid: str) -> None:
        if gid in order or gid in visiting or gid not in by_id:
            return
        visiting.add(gid)
        for p in sorted(by_id[gid].prerequisites):
            visit(p)
        visiting.discard(gid)
        order[gid] = len(order)

    for g in sorted(goals, key=lambda g: (g.priority, g.id)):
        visit(g.id)
    return order


def prerequisite_edges(goals: Sequence[GoalSpec], order: dict[str, int]) -> dict[str, list[str]]:
    """Kept prerequisites of each goal: known goals placed earlier in ``order``."""
    return {g.id: sorted(p for p in set(g.prerequisites) if p in order and order[p] < order[g.id])
            for g in goals}


def effective_priority(goals: Sequence[GoalSpec], edges: dict[str, list[str]],
                       order: dict[str, int]) -> dict[str, int]:
    """A goal's own priority, or the most urgent of the goals that need it first."""
    eff = {g.id: g.priority for g in goals}
    for gid in sorted(order, key=order.__getitem__, reverse=True):
        for p in edges.get(gid, ()):
            eff[p] = min(eff[p], eff[gid])
    return eff


def make_tasks(chosen: Sequence[Option], goals: Sequence[GoalSpec]) -> list[Task]:
    """One task per chosen option, with its rank, dependencies and date window."""
    order = goal_order(goals)
    edges = prerequisite_edges(goals, order)
    eff = effective_priority(goals, edges, order)
    by_slot = {(o.goal.id, o.role): o for o in chosen}
    return [_task(o, by_slot, edges, eff[o.goal.id], order[o.goal.id]) for o in chosen]


def _core(goal_id: str, by_slot: dict[tuple[str, Role], Option]) -> Option | None:
    return by_slot.get((goal_id, Role.LEARN)) or by_slot.get((goal_id, Role.PRACTICE))


def _task(o: Option, by_slot: dict[tuple[str, Role], Option], edges: dict[str, list[str]],
          priority: int, position: int) -> Task:
    own = [by_slot.get((o.goal.id, r)) for r in _WITHIN_GOAL[o.role]]
    pre = [_core(p, by_slot) for p in edges.get(o.goal.id, ())]
    deps = tuple(sorted({d.item_key for d in [*own, *pre] if d is not None}))
    rank = (priority, 0 if o.goal.must_have else 1, ROLE_ORDER[o.role], position)
    first, last = o.window if o.window else (None, None)
    return Task(o.item_key, o.minutes, rank, deps, first, last)
