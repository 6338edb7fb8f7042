"""Inputs and outputs of the planner: goals, constraints, dated roadmap items."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from planner.providers.model import Resource


class ItemKind(enum.StrEnum):
    LEARN = "learn"
    PRACTICE = "practice"
    CREDENTIAL = "credential"
    NETWORK = "network"
    ACTION = "action"  # job-search step: feedback request, tailoring, mock interview ...
    MILESTONE = "milestone"  # small victory or re-application checkpoint


@dataclass(frozen=True)
class GoalSpec:
    """A confirmed goal as the planner sees it."""

    id: str  # skill id
    label: str
    kind: str = "technical"
    priority: int = 3  # 1 = most urgent
    must_have: bool = True
    prerequisites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Constraints:
    start: date
    hours_per_week: float
    target_date: date | None = None
    budget: float | None = None  # None = no limit
    weekday_hours: tuple[float, ...] | None = None  # Mon..Sun, overrides hours_per_week
    blackouts: tuple[tuple[date, date], ...] = ()
    max_parallel: int = 2
    min_session_hours: float = 0.5
    max_session_hours: float = 3.0
    preferred_kinds: tuple[str, ...] = ()
    preferred_level: str | None = None


@dataclass(frozen=True)
class RoadmapItem:
    key: str  # stable within a plan: derived from goal and resource
    kind: ItemKind
    title: str
    start: date
    end: date
    hours: float
    hours_per_week: float
    goal_id: str | None = None
    resource: Resource | None = None
    reason: str = ""
    detail: str = ""  # e.g. a draft message for an action

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind.value,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "hours": round(self.hours, 2),
            "hours_per_week": round(self.hours_per_week, 2),
            "goal_id": self.goal_id,
            "resource": self.resource.to_dict() if self.resource else None,
            "reason": self.reason,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Verdict:
    fits: bool
    missing_hours: float = 0.0
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Roadmap:
    items: tuple[RoadmapItem, ...]
    verdict: Verdict = field(default_factory=lambda: Verdict(True))

    @property
    def total_hours(self) -> float:
        return sum(i.hours for i in self.items)

    @property
    def total_cost(self) -> float:
        return sum(i.resource.cost.value for i in self.items if i.resource)

    def to_dict(self) -> dict[str, Any]:
        v = self.verdict
        return {
            "items": [i.to_dict() for i in self.items],
            "verdict": {"fits": v.fits, "missing_hours": round(v.missing_hours, 1),
                        "suggestions": list(v.suggestions)},
            "total_hours": round(self.total_hours, 1),
            "total_cost": round(self.total_cost, 2),
        }
