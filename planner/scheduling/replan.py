"""Re-planning: keep what is done (or skipped) as history, plan the rest again from today."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from planner.providers.model import Resource
from planner.scheduling.actions import ActionInput
from planner.scheduling.model import Constraints, GoalSpec, Roadmap, RoadmapItem, Status
from planner.scheduling.options import ROLE_OF_KIND
from planner.scheduling.plan import plan

_HISTORY = (Status.DONE, Status.SKIPPED)


@dataclass(frozen=True)
class _Progress:
    """What the statuses say about the previous plan's resource items."""

    history: tuple[RoadmapItem, ...]
    closed_items: frozenset[str]  # goal:resource keys not to plan again
    closed_slots: frozenset[tuple[str, str]]  # (goal, role) slots already done
    behind: Mapping[tuple[str, str], Resource]  # slots to keep on the same resource


def replan(previous: Roadmap, statuses: Mapping[str, Status | str],
           goals: Sequence[GoalSpec], candidates: Mapping[str, Sequence[Resource]],
           constraints: Constraints, today: date, actions: Sequence[ActionInput] = ()
           ) -> Roadmap:
    """The previous roadmap with done and skipped items kept and everything else re-planned.

    ``statuses`` maps item keys to done, skipped, behind or todo; items not named keep their
    stored status. A behind item keeps its resource and all its hours are planned again from
    ``today``; done work is not planned again, and the money spent on done or skipped
    resources comes off the budget.
    """
    progress = _progress(previous, {k: Status(v) for k, v in statuses.items()})
    worked_on = {i.goal_id for i in progress.history
                 if i.resource is not None and i.goal_id and i.status is Status.DONE}
    fresh = plan(goals, _open_candidates(candidates, progress), _rest(constraints, progress,
                 today), actions, served_before=worked_on)
    kept = {i.key for i in progress.history}
    items = [*progress.history, *(i for i in fresh.items if i.key not in kept)]
    return Roadmap(tuple(sorted(items, key=lambda i: (i.start, i.end, i.key))), fresh.verdict)


def _progress(previous: Roadmap, marks: Mapping[str, Status]) -> _Progress:
    history, closed, slots = [], set(), set()
    behind: dict[tuple[str, str], Resource] = {}
    for item in previous.items:
        status = marks.get(item.key, item.status)
        if status in _HISTORY:
            history.append(replace(item, status=status))
        slot = _slot(item)
        if slot is None or item.resource is None:
            continue
        if status in _HISTORY:
            closed.add(item.key)
        if status is Status.DONE:
            slots.add(slot)
        elif status is Status.BEHIND:
            behind[slot] = item.resource
    return _Progress(tuple(history), frozenset(closed), frozenset(slots), behind)


def _slot(item: RoadmapItem) -> tuple[str, str] | None:
    if item.resource is None or item.goal_id is None:
        return None
    return (item.goal_id, ROLE_OF_KIND[item.resource.kind].value)


def _open_candidates(candidates: Mapping[str, Sequence[Resource]],
                     p: _Progress) -> dict[str, list[Resource]]:
    out: dict[str, list[Resource]] = {}
    for gid, resources in candidates.items():
        out[gid] = [r for r in resources if _still_open(gid, r, p)]
    for (gid, _), r in sorted(p.behind.items()):
        if all(x.key != r.key for x in out.setdefault(gid, [])):
            out[gid].append(r)  # behind work stays planned even if no longer offered
    return out


def _still_open(gid: str, r: Resource, p: _Progress) -> bool:
    slot = (gid, ROLE_OF_KIND[r.kind].value)
    if f"{gid}:{r.key}" in p.closed_items or slot in p.closed_slots:
        return False
    pinned = p.behind.get(slot)
    return pinned is None or pinned.key == r.key


def _rest(c: Constraints, p: _Progress, today: date) -> Constraints:
    spent = sum(i.resource.cost.value for i in p.history if i.resource)
    budget = None if c.budget is None else max(0.0, c.budget - spent)
    return replace(c, start=today, budget=budget)
