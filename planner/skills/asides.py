"""Asides: skills named beside a gap that are not the gap itself.

Feedback names skills that only explain the gap ("the CPC, which they need for the O-licence",
"no personal licence (needed as DPS)"), describe the employer's people ("our SENCo, who leads our
staff training on adaptive teaching"), say what the candidate should have looked at rather than
built ("restarted pods without checking dashboards"), or say what the candidate has already done
("has only planned by hand on spreadsheets", "candidate has used Sage 200"). None is a goal.
"""

from __future__ import annotations

import re

from planner.skills.matcher import Mention
from planner.skills.model import GoalKind
from planner.skills.taxonomy import Entry
from planner.skills.text import Span

_DET = r"(?:(?:the|a|an|their|our|your|its|his|her)\s+)?"
# The purpose of a requirement named before: "which they need for the O-licence", "he needs it
# for the sous role", "(needed as DPS)". The thing needed is the gap; what it is needed for is
# not.
_PURPOSE = re.compile(
    r"(?:\b(?:which|that|it|them|this|these|those)\b[^,.;:()\n]{0,30}?"
    r"\b(?:need|needs|needed|require|requires|required)"
    r"|\b(?:need|needs|needed|require|requires|required)\s+(?:it|them|that|this|one)"
    r"|\(\s*(?:needed|required|necessary|essential|mandatory))"
    rf"\s+(?:for|as)\s+{_DET}$",
    re.I,
)
# A relative clause about someone else: "the interviewer, who runs our platform", "Dr Shah (who
# teaches radiography at the deanery)". What that person does is not the candidate's gap.
# Only a clause saying what that person does: "another applicant, who had more Xero" compares.
_WHO_CLAUSE = re.compile(
    r"(?:,|\()\s*who\s+(?:also\s+|now\s+|currently\s+|actually\s+)?(?:leads|led|runs|ran"
    r"|teaches|taught|heads|headed|manages|managed|owns|does|did|delivers|delivered|oversees"
    r"|oversaw|looks\s+after|sat|sits|chairs|chaired|maintains|handles|coordinates|trains"
    r"|trained|works|worked|set|sets|wrote|writes|built|builds)\b[^,()\n]*$",
    re.I,
)
_CANDIDATE = re.compile(
    r"\b(?:you|yours?|candidates?|applicants?|finalists?|someone|somebody|person|hire)\s*$",
    re.I,
)
# A name followed by such a clause names the person: "Our SENCo, who leads ...".
_WHO_AFTER = re.compile(r"\s*(?:,|\()\s*who\b", re.I)
_OUR_BEFORE = re.compile(r"\b(?:our|their|the)\s+(?:[\w-]+\s+)?$", re.I)
# What the candidate should have consulted: "without checking dashboards or logs first".
_CONSULTED = re.compile(
    r"\bwithout\s+(?:first\s+)?(?:checking|looking\s+at|reading|consulting|reviewing"
    r"|glancing\s+at|opening)\s+" + _DET + r"$",
    re.I,
)
_CONSULTED_KINDS = frozenset({GoalKind.TECHNICAL, GoalKind.TOOL})
# What the candidate has done so far: "has only planned by hand on spreadsheets".
_ONLY_DONE = re.compile(
    r"\b(?:has|have|'ve|had|'d)\s+(?:only|mainly|mostly|largely|always|just)\s+"
    # "you've only dabbled in After Effects", "has only assisted on implants": little exposure to
    # the thing named, which is the gap
    r"(?!(?:dabbled|touched|scratched|skimmed|shadowed|observed|assisted|watched|studied"
    r"|learned|dipped|tinkered|played|experimented|heard|read)\b)(?:\w+ed|got|held)\s+"
    r"(?:(?!(?:not|and|but|or|nor|never|no|yet|before|without)\b)[\w'/.-]+\s+){0,4}?$",
    re.I,
)
# What the candidate's work consists of: "your portfolio is almost all social captions".
_MADE_OF = re.compile(
    r"\b(?:your|his|her|their|my)\s+(?:[\w-]+\s+)?(?:portfolio|experience|background|cv|career"
    r"|work|book|examples?)\s+(?:is|are|was|were|has\s+been)\s+(?:almost\s+|nearly\s+"
    r"|pretty\s+much\s+)?(?:all|entirely|exclusively|mostly|mainly|largely)\s+$",
    re.I,
)
# What the candidate has used, with no reason given about it: "candidate has used Sage 200".
_HAS_USED = re.compile(
    r"\b(?:you|he|she|they|I|candidate|the candidate)\s*(?:'ve|'s|'d|\s+has|\s+have|\s+had)"
    r"\s+(?:already\s+|also\s+)?(?:used|worked\s+with|worked\s+in|worked\s+on)\s+" + _DET + r"$",
    re.I,
)
# What the candidate does now, in the present tense: "you use Tableau daily in your current job",
# "in your current role you build Power BI dashboards". Not a question ("how you use Excel").
_DOES_NOW = re.compile(
    r"(?<!\bhow )(?<!\bwhether )(?<!\bif )(?<!\bwhy )(?<!\bwhen )(?<!\bwhat )"
    r"\b(?:you|he|she)\s+(?:currently\s+|already\s+|still\s+|regularly\s+|routinely\s+)?"
    r"(?:use|uses|build|builds|run|runs|manage|manages|maintain|maintains|prepare|prepares"
    r"|work\s+(?:in|with|on)|works\s+(?:in|with|on))\s+(?:[\w-]+\s+){0,2}?$",
    re.I,
)
# "structure" as a verb: "couldn't structure modules", "how you'd structure Terraform state".
_STRUCTURE = re.compile(r"structure", re.I)
_VERB_BEFORE = re.compile(
    r"(?:\bto|n't|\bnot|'d|\bwould|\bcould|\bcan|\bwill|\bshould|\bhow\s+you|\bhow\s+to)\s+$",
    re.I,
)


# Encouragement: "with your Python skills you'll go far", "good luck with your CFA studies".
_ENCOURAGES = re.compile(
    r"\b(?:you(?:'ll| will) go far|(?:good|best of) luck|all the best|best wishes"
    r"|(?:a )?bright future|wish(?:ing)? you (?:every|the best|well|all)|don't be discouraged"
    r"|do not be discouraged|keep (?:it up|going|at it)|you(?:'ll| will) (?:get there|do well"
    r"|be snapped up|find (?:the right|something)))\b",
    re.I,
)


def encourages(sentence: str) -> bool:
    """True for a sentence of encouragement, whose plain mentions are no goal."""
    return bool(_ENCOURAGES.search(sentence))


def is_aside(text: str, m: Mention, entry: Entry, clause: Span) -> bool:
    """True when the words name a purpose, someone else's work, a thing consulted or a verb."""
    before = text[max(clause.start, m.start - 60) : m.start]
    if _PURPOSE.search(before):
        return True  # "Transport Manager CPC, which they need for the O-licence"
    who = _WHO_CLAUSE.search(text, max(0, m.start - 80), m.start)
    if who is not None and not _CANDIDATE.search(text, max(0, who.start() - 12), who.start()):
        return True  # "the editor (who does all the grading on their Avid suites)"
    if _WHO_AFTER.match(text, m.end) and _OUR_BEFORE.search(before):
        return True  # "Our SENCo, who leads our staff training"
    if entry.kind in _CONSULTED_KINDS and _CONSULTED.search(before):
        return True  # "restarted pods without checking dashboards"
    if _ONLY_DONE.search(before) or _MADE_OF.search(before):
        return True  # "has only planned by hand on spreadsheets", "your book is all branding"
    return _STRUCTURE.fullmatch(text, m.start, m.end) is not None and bool(
        _VERB_BEFORE.search(before)
    )


def does_now(text: str, m: Mention, clause: Span) -> bool:
    """True for a tool the candidate says they use now ("you use Tableau daily")."""
    return bool(_DOES_NOW.search(text, max(clause.start, m.start - 60), m.start))


def already_used(text: str, m: Mention, clause: Span) -> bool:
    """True for a tool the clause says the candidate has used ("has used Sage 200")."""
    return bool(_HAS_USED.search(text, max(clause.start, m.start - 50), m.start))
