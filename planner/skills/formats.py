"""Interview formats: a skill named as the format of the interview ("a SQL exercise", "the
in-tray exercise") says what was tested, not that it fell short.

Moved out of filters.py unchanged.
"""

from __future__ import annotations

import re

from planner.skills.cues import Cue, CueHit
from planner.skills.matcher import Mention
from planner.skills.model import GoalKind
from planner.skills.taxonomy import Entry
from planner.skills.text import Span

_SEPARATOR = re.compile(r"[,;.]|\s[–—-]\s|\b(?:but|however|although|though|whereas|and)\b", re.I)


# "a SQL exercise", "the troubleshooting exercise", "a case study on Excel", "the in-tray
# exercise": a skill named as the interview's format says what was tested, not that it fell
# short. It is a gap only when the words say so: a gap word right before it ("struggled with the
# SQL test", "practising mock interviews would help") or after it in the sentence ("the Excel test
# took longer than expected", "the design round: you struggled"), but not inside a description
# of the task ("the troubleshooting exercise was a laptop that could not reach the share").
_FORMAT_NOUN = (
    r"(?:exercises?|tests?|tasks?|case stud(?:y|ies)|role[- ]?plays?|scenarios?|assessments?"
    r"|practicals?|challenges?|papers?|quiz(?:zes)?|simulations?|presentations?|interviews?"
    r"|screens?|rounds?)"
)
_FORMAT_AFTER = re.compile(rf"[ \t]+(?:[\w/-]+[ \t]+)?{_FORMAT_NOUN}\b", re.I)
_FORMAT_BEFORE = re.compile(
    rf"\b{_FORMAT_NOUN}\s+(?:on|in|using|with|about|around|of)\s+(?:(?:a|an|the|our|their)\s+)?$",
    re.I,
)
_FORMAT_DETERMINER = re.compile(
    r"\b(?:a|an|the|your|his|her|their|our|my|this|that|each|every)\s+(?:[\w-]+\s+){0,2}?$", re.I
)
_FORMAT_SURFACE = re.compile(rf"\b{_FORMAT_NOUN}$|\bin-tray\b|\blessons?$|\btrial shifts?$", re.I)
# What stops a gap word after the format from being about it: a contrast, or a relative clause
# describing the task.
_NOT_ABOUT_IT = re.compile(
    r"\b(?:but|however|although|though|whereas|that|which|who|whose|where)\b|[.;]"
    # "a problem-solving exercise on a scrap issue and she jumped to solutions without ...": a new
    # clause about what the candidate did
    r"|\b(?:and|so)\s+(?:you|he|she|they|I)\b",
    re.I,
)
_GAP_CUES = (Cue.STRONG_GAP, Cue.GAP)
# A stage as the subject of its own verdict: "The whiteboard interview went poorly", "Your video
# interview lacked energy". Not "In the technical interview you struggled with recursion", where
# the verdict is on what was tested.
_SUBJECT_LEAD = re.compile(r"\W*(?:(?:the|your|my|his|her|their)\s+)?", re.I)
_SOMEONE = re.compile(r"\b(?:you|he|she|they|I|we|candidate|cand)\b", re.I)
# The stage's verb, maybe after what of it is judged: "went poorly", "answers lacked structure";
# not "the role-play customer was upset", where the stage only names the customer.
_STAGE_VERB = re.compile(
    r"\s+(?:(?:performance|answers?|responses?|scores?|submission|technique|results?)\s+)?"
    r"(?:was|wasn't|were|weren't|is|are|went|had|has|lacked|lacks|needs?|came|felt|fell|showed"
    r"|let|did|didn't|seemed|looked|became|ran|stayed|remained|could|couldn't)\b",
    re.I,
)
# "In the NFS test, your scores ...": the stage in an opening phrase, its score the subject. Not
# "In the technical interview, your answers on recursion were thin": answers have topics.
_SETTING_LEAD = re.compile(r"\W*(?:in|on|at|during|for)\s+(?:the|your|my|his|her|their)\s+", re.I)
_ITS_SCORE = re.compile(
    r"\s*,?\s+(?:the|your|my|his|her|their)\s+(?:overall\s+)?(?:scores?|results?|marks?|times?)"
    + _STAGE_VERB.pattern,
    re.I,
)
_CONTRAST = re.compile(r"\b(?:but|however|unfortunately|sadly)\b", re.I)
_FORMAT_LEAD = 25


def names_the_format(
    text: str, m: Mention, entry: Entry, sentence: Span, hits: list[CueHit]
) -> bool:
    """True for a skill named as the interview's format ("a SQL exercise") with no gap on it."""
    after = _FORMAT_AFTER.match(text, m.end, sentence.end)
    if after is not None and not _FORMAT_DETERMINER.search(text, max(0, m.start - 30), m.start):
        after = None  # "reading A/B tests", "ordering blood tests": the tests are the work
    surface = text[m.start : m.end]
    is_stage = entry.kind is GoalKind.JOB_SEARCH and _FORMAT_SURFACE.search(surface) is not None
    before = _FORMAT_BEFORE.search(text, max(sentence.start, m.start - 40), m.start)
    if after is None and before is None and not is_stage:
        return False
    end = after.end() if after is not None else m.end
    start = before.start() if before is not None else m.start
    if _CONTRAST.search(text, sentence.start, start):
        return False  # "you were personable, but the diary management exercise had clashes"
    for h in hits:
        if h.cue not in _GAP_CUES and not (h.cue is Cue.REQUIREMENT and h.start >= end):
            continue
        if (
            h.end <= start
            and start - h.end <= _FORMAT_LEAD
            and not _SEPARATOR.search(text, h.end, start)
        ):
            return False  # "struggled with the SQL test"
        if (
            h.start >= end
            and (not is_stage or _judges_the_stage(text, sentence, m, end, h.start))
            and not _NOT_ABOUT_IT.search(text, end, h.start)
        ):
            return False  # "the Excel test took longer than expected"
    return True


def _judges_the_stage(text: str, sentence: Span, m: Mention, end: int, cue: int) -> bool:
    """True when the stage opens the sentence and the gap word after it has no person in
    between: the verdict is on the stage itself. Also "In the NFS test, your scores weren't
    where they needed to be": the stage set in the sentence's opening phrase, and the verdict
    on its score."""
    lead = _SUBJECT_LEAD.match(text, sentence.start, m.start)
    if lead is not None and lead.end() == m.start:
        verb = _STAGE_VERB.match(text, end, sentence.end)
    else:
        lead = _SETTING_LEAD.match(text, sentence.start, m.start)
        if lead is None or lead.end() != m.start:
            return False
        verb = _ITS_SCORE.match(text, end, sentence.end)
    return verb is not None and not _SOMEONE.search(text, end, cue)
