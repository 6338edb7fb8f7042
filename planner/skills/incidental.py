"""Incidental mentions: a tool named as where something came from or how a call was held.

"The report I exported from Sage", "the pick rates I pulled from our WMS", "thanks for joining
over Zoom": the words name a medium, not a skill the candidate lacks, whatever cues the rest of
the sentence carries. Likewise a thing in a scenario ("once the database started timing out")
and a word inside a company's name ("we'd merged with Harlow Freight").
"""

from __future__ import annotations

import re

from planner.skills.matcher import Mention, field_of
from planner.skills.model import GoalKind
from planner.skills.taxonomy import Taxonomy

# The writer's own past action on an artefact, then where it came from or went through: "I
# exported it from", "we sent it through our", "was scheduled in". Without the first person or
# the passive, "you hadn't pulled data from Salesforce" is a gap about Salesforce.
_SOURCE_BEFORE = re.compile(
    r"(?:\b(?:I|we)(?:'ve|'d| have| had)?\s+(?:\w+\s+){0,2}?|\b(?:was|were|been)\s+)"
    r"(?:exported|pulled|downloaded|generated|printed|extracted|copied|sent|shared|attached"
    r"|uploaded|scheduled|booked|forwarded|saved|logged|posted)\s+(?:\w+\s+){0,4}?"
    r"(?:from|out of|in|on|via|through|over|into|to)\s+"
    r"(?:(?:our|the|your|a|an|my|their|this)\s+)?$",
    re.I,
)
# The channel of a conversation: "over Zoom", "via Teams", "on a Teams call".
_MEDIUM_BEFORE = re.compile(r"\b(?:over|via|on|through)\s+(?:(?:a|an|the|our|your)\s+)?$", re.I)
_MEDIUM_AFTER = re.compile(
    r"\s+(?:invites?|invitations?|links?|calls?|meetings?|messages?|threads?|channels?|exports?"
    r"|extracts?|downloads?|notifications?|emails?)\b",
    re.I,
)
_CHANNEL_FIELDS = frozenset({"collaboration-tools"})
_WINDOW = 60
# A system as the subject of an event in a scenario: "the database started timing out", "the
# build failed", "when the cache went down".
_THE_BEFORE = re.compile(r"\b(?:the|a|our|their|your|its)\s+$", re.I)
_EVENT_AFTER = re.compile(
    r"\s+(?:started|stopped|kept|went (?:down|offline)|crashed|failed|fell over|timed out"
    r"|was (?:timing out|down|failing|slow)|broke|slowed|hung|died|ran out)\b",
    re.I,
)
_SCENE_KINDS = frozenset({GoalKind.TOOL, GoalKind.TECHNICAL})
# A capitalised word after another mid-sentence capitalised word is part of a name.
_NAME_BEFORE = re.compile(r"[a-z,;]\s+[A-Z][\w&'-]*\s+$")
_NAME_KINDS = frozenset({GoalKind.TECHNICAL, GoalKind.SOFT, GoalKind.JOB_SEARCH})


def is_incidental(text: str, m: Mention, tx: Taxonomy) -> bool:
    """True when the words name a source, a channel, a thing in a scenario or part of a name
    rather than a skill."""
    entry = tx[m.skill_id]
    before = text[max(0, m.start - _WINDOW) : m.start]
    if (
        entry.kind in _SCENE_KINDS
        and _THE_BEFORE.search(before)
        and _EVENT_AFTER.match(text, m.end)
    ):
        return True
    if _in_a_name(text, m, entry.kind, before):
        return True
    if entry.kind is not GoalKind.TOOL:
        return False
    if _SOURCE_BEFORE.search(before):
        return True
    channel = bool(field_of(tx, m.skill_id) & _CHANNEL_FIELDS)
    return channel and bool(_MEDIUM_BEFORE.search(before) or _MEDIUM_AFTER.match(text, m.end))


def _in_a_name(text: str, m: Mention, kind: GoalKind, before: str) -> bool:
    """One capitalised word of a proper name: "Harlow Freight", "Northline Distribution"."""
    if kind not in _NAME_KINDS or m.case_sensitive or m.n_tokens != 1:
        return False
    return text[m.start].isupper() and bool(_NAME_BEFORE.search(before))
