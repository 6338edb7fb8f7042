"""Small-victory and re-application milestones, dated from the finished schedule."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.scheduling.model import GoalSpec, ItemKind, RoadmapItem

WORK_KINDS = (ItemKind.LEARN, ItemKind.PRACTICE, ItemKind.CREDENTIAL, ItemKind.NETWORK)


def _milestone(key: str, title: str, day: date, reason: str, goal_id: str | None = None,
               detail: str = "") -> RoadmapItem:
    return RoadmapItem(key, ItemKind.MILESTONE, title, day, day, 0.0, 0.0, goal_id,
                       reason=reason, detail=detail)


def goal_milestones(items: Sequence[RoadmapItem], goals: Sequence[GoalSpec]) -> list[RoadmapItem]:
    """One small victory per goal, on the day its last item ends."""
    out = []
    for g in goals:
        ends = [i.end for i in items if i.goal_id == g.id and i.kind in WORK_KINDS]
        if ends:
            out.append(_milestone(f"milestone:goal:{g.id}", f"Small victory: {g.label} covered",
                                  max(ends), "Every planned item for this goal is done.", g.id))
    return out


def halfway(items: Sequence[RoadmapItem]) -> list[RoadmapItem]:
    """A milestone on the day half of the learning and practice hours are behind you."""
    work = [i for i in items if i.kind in WORK_KINDS]
    total = sum(i.hours for i in work)
    if len(work) < 2 or total <= 0:
        return []
    done = 0.0
    for day, hours in sorted((s.day, s.hours) for i in work for s in i.sessions):
        done += hours
        if done >= total / 2:
            return [_milestone("milestone:halfway", "Halfway there", day,
                               f"{done:.0f} of {total:.0f} planned hours done.")]
    return []


def reapply(day: date, goals: Sequence[GoalSpec]) -> RoadmapItem:
    """The re-application milestone: the day the plan builds towards."""
    labels = ", ".join(g.label for g in goals)
    return _milestone("milestone:reapply", "Re-apply: next application round", day,
                      "The plan builds towards this date.",
                      detail=f"Show progress on: {labels}." if labels else "")


def all_milestones(items: Sequence[RoadmapItem], goals: Sequence[GoalSpec],
                   reapply_day: date) -> list[RoadmapItem]:
    return [*goal_milestones(items, goals), *halfway(items), reapply(reapply_day, goals)]
