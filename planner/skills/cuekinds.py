"""The kinds of cue a clause can carry, and a found cue's place in the text."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Cue(enum.Enum):
    STRONG_GAP = "strong_gap"  # "lacked", "below the bar", "no experience"
    GAP = "gap"  # "more experience with", "would have liked", "recommend"
    REQUIREMENT = "requirement"  # "the role requires", "we need someone with"
    STRENGTH = "strength"  # "your Python was strong"
    NICE = "nice"  # "a plus", "nice to have" (job descriptions)


@dataclass(frozen=True)
class CueHit:
    cue: Cue
    start: int
    end: int


def overlaps(hits: list[CueHit], start: int, end: int) -> bool:
    return any(h.start < end and start < h.end for h in hits)
