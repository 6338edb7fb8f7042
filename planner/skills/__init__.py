"""Feedback text -> skill goals. Pure: no Flask, database or Celery."""

from planner.skills.eml import ParsedEmail, feedback_text, parse_eml
from planner.skills.extract import REQUEST_FEEDBACK_DRAFT, extract
from planner.skills.merge import merge_goals
from planner.skills.model import Action, Evidence, Extraction, Framing, GoalKind, SkillGoal
from planner.skills.taxonomy import Entry, Taxonomy, default_taxonomy, load_taxonomy
from planner.skills.text import MAX_CHARS, TextError, decode_bytes

__all__ = [
    "MAX_CHARS",
    "REQUEST_FEEDBACK_DRAFT",
    "Action",
    "Entry",
    "Evidence",
    "Extraction",
    "Framing",
    "GoalKind",
    "ParsedEmail",
    "SkillGoal",
    "Taxonomy",
    "TextError",
    "decode_bytes",
    "default_taxonomy",
    "extract",
    "feedback_text",
    "load_taxonomy",
    "merge_goals",
    "parse_eml",
]
