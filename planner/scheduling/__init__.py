"""Goals + resources + constraints -> dated roadmap. Pure and deterministic."""

from planner.scheduling.model import (
    Constraints,
    GoalSpec,
    ItemKind,
    Roadmap,
    RoadmapItem,
    Verdict,
)
from planner.scheduling.plan import plan

__all__ = ["Constraints", "GoalSpec", "ItemKind", "Roadmap", "RoadmapItem", "Verdict", "plan"]
