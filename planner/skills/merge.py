"""Merge goals from several rejections: recurring themes rise in priority."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from planner.skills.model import Evidence, Extraction, Framing, SkillGoal

_FRAMING_RANK = {Framing.GAP: 0, Framing.REQUIREMENT: 1, Framing.MENTION: 2}
MAX_EVIDENCE = 10


def merge_goals(extractions: Iterable[Extraction | Iterable[SkillGoal]]) -> tuple[SkillGoal, ...]:
    """One goal per skill across rejections, oldest first in, with recurrence and all evidence.

    A skill named in ``n`` rejections gets ``recurrence = n`` and its best priority raised by
    ``n - 1`` steps (never above 1); confidence rises a little with each repeat. Evidence keeps
    every rejection's spans (up to :data:`MAX_EVIDENCE`), in input order.
    """
    merged: dict[str, SkillGoal] = {}
    counts: dict[str, int] = {}
    for ex in extractions:
        goals = ex.goals if isinstance(ex, Extraction) else tuple(ex)
        for g in {g.skill_id: g for g in goals}.values():  # a skill counts once per rejection
            counts[g.skill_id] = counts.get(g.skill_id, 0) + g.recurrence
            merged[g.skill_id] = _combine(merged[g.skill_id], g) if g.skill_id in merged else g
    out = [_raise(g, counts[sid]) for sid, g in merged.items()]
    return tuple(sorted(out, key=lambda g: (g.priority, -g.recurrence, -g.confidence, g.skill_id)))


def _combine(a: SkillGoal, b: SkillGoal) -> SkillGoal:
    evidence: tuple[Evidence, ...] = (a.evidence + b.evidence)[:MAX_EVIDENCE]
    framing = min(a.framing, b.framing, key=_FRAMING_RANK.__getitem__)
    return replace(
        a,
        evidence=evidence,
        framing=framing,
        priority=min(a.priority, b.priority),
        must_have=a.must_have or b.must_have,
        confidence=max(a.confidence, b.confidence),
        esco_uri=a.esco_uri or b.esco_uri,
        prerequisites=a.prerequisites or b.prerequisites,
    )


def _raise(g: SkillGoal, count: int) -> SkillGoal:
    if count <= 1:
        return replace(g, recurrence=max(count, 1))
    return replace(
        g,
        recurrence=count,
        priority=max(1, g.priority - (count - 1)),
        confidence=round(min(0.99, g.confidence + 0.05 * (count - 1)), 2),
    )
