"""First extractor: whole-word matching against a small built-in vocabulary.

Replaced by the taxonomy-backed extractor (issue 3); the signature of :func:`extract` is stable.
"""

from __future__ import annotations

import re

from planner.skills.model import Action, Evidence, Extraction, Framing, GoalKind, SkillGoal

_VOCAB: dict[str, tuple[str, GoalKind, tuple[str, ...]]] = {
    "kubernetes": ("Kubernetes", GoalKind.TOOL, ("kubernetes", "k8s")),
    "aws": ("Amazon Web Services", GoalKind.TOOL, ("aws", "amazon web services")),
    "python": ("Python", GoalKind.TECHNICAL, ("python",)),
    "sql": ("SQL", GoalKind.TECHNICAL, ("sql",)),
    "docker": ("Docker", GoalKind.TOOL, ("docker",)),
    "stakeholder-management": ("Stakeholder management", GoalKind.SOFT, ("stakeholder",)),
    "interview-preparation": ("Interview preparation", GoalKind.JOB_SEARCH, ("interview",)),
}
_GAP = re.compile(r"\b(lack|more experience|stronger|struggl|gap|below the bar|would have liked)", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def extract(text: str, job_description: str | None = None, resume: str | None = None) -> Extraction:
    """Return the skill goals ``text`` justifies; a reasonless rejection yields an action instead."""
    goals: list[SkillGoal] = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        for sid, (label, kind, terms) in _VOCAB.items():
            if any(g.skill_id == sid for g in goals):
                continue
            if any(re.search(rf"\b{re.escape(t)}\b", sentence, re.I) for t in terms):
                gap = bool(_GAP.search(sentence))
                ev = Evidence(sentence.strip(), m.start(), m.start() + len(sentence.rstrip()))
                goals.append(
                    SkillGoal(sid, label, kind, 0.6, (ev,), Framing.GAP if gap else Framing.MENTION)
                )
    if goals:
        return Extraction(tuple(goals))
    draft = (
        "Thank you for letting me know. If you have a moment, I would value any specific "
        "feedback on where my application fell short, so I can improve for future roles."
    )
    return Extraction((), (Action("request_feedback", "Ask for specific feedback", draft),), True)
