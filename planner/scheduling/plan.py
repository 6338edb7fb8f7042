"""First scheduler: one resource per goal, back to back by priority, within weekly hours.

Replaced by the optimising planner (issue 6); the signature of :func:`plan` is stable.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import timedelta

from planner.providers.model import Resource, ResourceKind
from planner.scheduling.model import Constraints, GoalSpec, ItemKind, Roadmap, RoadmapItem, Verdict

DEFAULT_HOURS = {ResourceKind.COURSE: 20.0, ResourceKind.CERTIFICATION: 30.0}


def _hours(r: Resource) -> float:
    return r.effort.hours or DEFAULT_HOURS.get(r.kind, 10.0)


def plan(
    goals: Sequence[GoalSpec],
    candidates: Mapping[str, Sequence[Resource]],
    constraints: Constraints,
    actions: Sequence[tuple[str, str]] = (),
) -> Roadmap:
    """Schedule the cheapest-then-shortest resource for each goal in priority order.

    ``actions`` are (title, detail) job-search steps placed in the first week.
    """
    items: list[RoadmapItem] = []
    day = constraints.start
    weekly = constraints.hours_per_week
    for title, detail in actions:
        items.append(RoadmapItem(f"action:{title}", ItemKind.ACTION, title, day, day, 0.5, 0.5,
                                 detail=detail, reason="The feedback named no reason."))
    for goal in sorted(goals, key=lambda g: (g.priority, g.id)):
        options = sorted(candidates.get(goal.id, ()), key=lambda r: (r.cost.value, _hours(r), r.key))
        if not options:
            continue
        res = options[0]
        hours = _hours(res)
        weeks = max(1, math.ceil(hours / weekly))
        end = day + timedelta(weeks=weeks) - timedelta(days=1)
        items.append(RoadmapItem(f"{goal.id}:{res.key}", ItemKind.LEARN, res.title, day, end,
                                 hours, min(weekly, hours), goal.id, res,
                                 reason=f"Cheapest and shortest option for {goal.label}."))
        day = end + timedelta(days=1)
    missing = 0.0
    if constraints.target_date and day - timedelta(days=1) > constraints.target_date:
        over = (day - constraints.target_date).days / 7 * weekly
        missing = round(over, 1)
    verdict = Verdict(missing == 0, missing, ("Add more hours a week or move the target date.",)
                      if missing else ())
    return Roadmap(tuple(items), verdict)
