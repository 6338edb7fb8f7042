"""Goals + resources + constraints -> dated roadmap. Pure and deterministic."""

from planner.scheduling import export
from planner.scheduling.actions import ActionInput
from planner.scheduling.model import (
    Constraints,
    GoalSpec,
    ItemKind,
    JobAction,
    Roadmap,
    RoadmapItem,
    Session,
    Status,
    Verdict,
)
from planner.scheduling.plan import plan
from planner.scheduling.replan import replan

__all__ = [
    "ActionInput",
    "Constraints",
    "GoalSpec",
    "ItemKind",
    "JobAction",
    "Roadmap",
    "RoadmapItem",
    "Session",
    "Status",
    "Verdict",
    "export",
    "plan",
    "replan",
]
