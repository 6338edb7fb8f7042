"""Skill goals and the actions extraction returns."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass
from typing import Any


class GoalKind(enum.StrEnum):
    TECHNICAL = "technical"
    TOOL = "tool"
    CERTIFICATION = "certification"
    LANGUAGE = "language"
    SOFT = "soft"
    JOB_SEARCH = "job_search"


class Framing(enum.StrEnum):
    GAP = "gap"  # the text says it was missing or weak
    REQUIREMENT = "requirement"  # the job asks for it and the resume does not show it
    MENTION = "mention"  # named without judgement


@dataclass(frozen=True)
class Evidence:
    """An exact span of the input that justifies a goal."""

    text: str
    start: int
    end: int
    source: str = "feedback"  # feedback | job_description | resume


@dataclass(frozen=True)
class SkillGoal:
    """One thing to work on, with the words that justify it."""

    skill_id: str  # taxonomy slug, e.g. "kubernetes", "stakeholder-management"
    label: str
    kind: GoalKind
    confidence: float
    evidence: tuple[Evidence, ...]
    framing: Framing = Framing.MENTION
    priority: int = 3  # 1 = most urgent .. 5 = nice to have
    must_have: bool = True
    esco_uri: str | None = None
    prerequisites: tuple[str, ...] = ()  # skill ids to learn first
    aliases: tuple[str, ...] = ()
    recurrence: int = 1  # how many rejections named it (see merge_goals)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["kind"] = self.kind.value
        d["framing"] = self.framing.value
        d["evidence"] = [asdict(e) for e in self.evidence]
        d["prerequisites"] = list(self.prerequisites)
        d["aliases"] = list(self.aliases)
        return d


@dataclass(frozen=True)
class Action:
    """A job-search step the text calls for, e.g. asking for specific feedback."""

    kind: str  # request_feedback | ...
    title: str
    detail: str = ""  # e.g. the draft message

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Extraction:
    goals: tuple[SkillGoal, ...]
    actions: tuple[Action, ...] = ()
    templated: bool = False  # a form rejection that names no reason
    # sentences that state a reason in words naming no skill we know: for the person to name
    unnamed_reasons: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "goals": [g.to_dict() for g in self.goals],
            "actions": [a.to_dict() for a in self.actions],
            "templated": self.templated,
            "unnamed_reasons": [asdict(e) for e in self.unnamed_reasons],
        }
