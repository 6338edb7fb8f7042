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


class Status(enum.StrEnum):
    """Where the person is with an item; re-planning reads it."""

    TODO = "todo"
    DONE = "done"
    SKIPPED = "skipped"
    BEHIND = "behind"


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
class JobAction:
    """A job-search step to schedule; richer than the extractor's (title, detail) pairs."""

    kind: str  # request_feedback | tailor_resume | mock_interview | networking | ...
    title: str
    detail: str = ""
    hours: float = 0.5


def whole_minutes(hours: float) -> float:
    """Hours snapped to whole minutes: the planner's unit, lost to rounding in JSON."""
    return round(hours * 60) / 60


@dataclass(frozen=True)
class Session:
    """One sitting of work on an item."""

    day: date
    hours: float

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "hours": round(self.hours, 2)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        return cls(date.fromisoformat(data["date"]), whole_minutes(float(data["hours"])))


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
    sessions: tuple[Session, ...] = ()
    status: Status = Status.TODO

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
            "sessions": [s.to_dict() for s in self.sessions],
            "status": self.status.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RoadmapItem:
        """Inverse of :meth:`to_dict`; raises ValueError/KeyError/TypeError on bad input."""
        res = data.get("resource")
        return cls(
            key=str(data["key"]),
            kind=ItemKind(data["kind"]),
            title=str(data["title"]),
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            hours=whole_minutes(float(data["hours"])),
            hours_per_week=float(data["hours_per_week"]),
            goal_id=data.get("goal_id"),
            resource=Resource.from_dict(res) if res else None,
            reason=str(data.get("reason") or ""),
            detail=str(data.get("detail") or ""),
            sessions=tuple(Session.from_dict(s) for s in data.get("sessions") or ()),
            status=Status(data.get("status") or "todo"),
        )


@dataclass(frozen=True)
class Verdict:
    fits: bool
    missing_hours: float = 0.0
    suggestions: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()  # wanted work the plan could not hold, one line each
    finish: date | None = None  # last dated item of the plan

    def to_dict(self) -> dict[str, Any]:
        return {
            "fits": self.fits,
            "missing_hours": round(self.missing_hours, 1),
            "suggestions": list(self.suggestions),
            "left_out": list(self.left_out),
            "finish": self.finish.isoformat() if self.finish else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        finish = data.get("finish")
        return cls(
            fits=bool(data["fits"]),
            missing_hours=float(data.get("missing_hours") or 0.0),
            suggestions=tuple(data.get("suggestions") or ()),
            left_out=tuple(data.get("left_out") or ()),
            finish=date.fromisoformat(finish) if finish else None,
        )


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
        return {
            "items": [i.to_dict() for i in self.items],
            "verdict": self.verdict.to_dict(),
            "total_hours": round(self.total_hours, 1),
            "total_cost": round(self.total_cost, 2),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Roadmap:
        """Inverse of :meth:`to_dict` (derived totals are recomputed, not read)."""
        items = tuple(RoadmapItem.from_dict(i) for i in data.get("items") or ())
        return cls(items, Verdict.from_dict(data.get("verdict") or {"fits": True}))
