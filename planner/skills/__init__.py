"""Feedback text -> skill goals. Pure: no Flask, database or Celery."""

from planner.skills.extract import extract
from planner.skills.model import Action, Evidence, Extraction, Framing, GoalKind, SkillGoal

__all__ = ["Action", "Evidence", "Extraction", "Framing", "GoalKind", "SkillGoal", "extract"]
