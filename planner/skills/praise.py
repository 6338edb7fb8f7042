"""Cue hits that are not the candidate's gap: praise built from gap words ("couldn't have been
better"), what a praise verb reports ("we liked that you'd built it around HubSpot"), negated
praise, someone else's gap ("the previous postholder struggled with Xero") and a fault the
candidate found ("spotted the missing trunk")."""

from __future__ import annotations

import re

from planner.skills.cuekinds import Cue, CueHit, overlaps

# "strong" inside "not strong", "would have liked", "well below" is not praise.
NOT_PRAISE = re.compile(
    # "n't" ends a word ("didn't handle the objection well"), so it takes no \b before it
    r"(?:n't|\b(?:not|never|no|less|isn't|wasn't|weren't|nobody|none|neither|nor"
    r"|lack\w*))\s+(?:\w+\s+){0,4}?$"
    r"|\b(?:would|could|should|might|'d) have $|\bwell $",
    re.I,
)


# Praise built from gap words: "no reservations about", "without hesitation", "couldn't have
# been clearer", "a step ahead of the other candidates". The idiom is praise, its words are not.
_PRAISE_IDIOM = re.compile(
    r"\b(?:no|without(?: any)?) (?:real )?(?:reservations?|doubts?|hesitation|concerns?"
    r"|worries|complaints?|question marks?|development (?:points?|areas?|needs?))\b"
    r"|\bcould(?:n't|n’t| not) (?:have )?(?:been|gone|asked for) (?:any |much )?(?:better|clearer"
    r"|sharper|stronger|crisper|more \w+)\b"
    r"|\b(?:ahead of|better than|stronger than|above) (?:the |most |all )?(?:other|others|rest"
    r"|field)\b"
    # "your advice was exactly what we'd want on the ward", "just what we were looking for"
    r"|\b(?:exactly|just|precisely) what (?:we|they|I|the panel|the team)(?:'d| would| were| are"
    r"|'re)? ?(?:want(?:ed)?|need(?:ed)?|looking for|look for|hoped for|hope for|expect(?:ed)?)\b"
    # "knows our Zendesk set-up better than some of our own agents"
    r"|\b(?:ahead of|better than|stronger than) (?:(?:some|many|most|half|all|a few|several|any)"
    r" (?:of )?)?(?:our|their|his|her|my) (?:own|current|existing|experienced)\b",
    re.I,
)


def praise_idioms(text: str, start: int, end: int, hits: list[CueHit]) -> list[CueHit]:
    spans = [m.span() for m in _PRAISE_IDIOM.finditer(text, start, end)]
    if not spans:
        return hits
    kept = [h for h in hits if not any(a <= h.start < b or a < h.end <= b for a, b in spans)]
    return sorted(kept + [CueHit(Cue.STRENGTH, a, b) for a, b in spans], key=lambda h: h.start)


# "the previous postholder struggled with Xero", "our current team lacks Python depth": a gap of
# someone else, not the candidate's (the chosen candidate "had more" is still a comparison).
_SOMEONE_ELSE = re.compile(
    r"\b(?:the|our|their|a|one of (?:the|our))\s+(?:previous|last|outgoing|former|current|existing"
    r"|new|other|junior|senior)\s+(?:[\w-]+\s+)?(?:postholders?|post-holders?|holders?|incumbents?"
    r"|hires?|starters?|team|staff|colleagues?|members?|people|employees?|managers?|analysts?"
    r"|engineers?|nurses?|developers?|apprentices?|trainees?)\b"
    r"(?:\s+(?:\w+\s+){0,3}?)?$",
    re.I,
)
_CANDIDATE_WORD = re.compile(r"\b(?:you|your|he|she|his|her|they|the candidate|I|my)\b", re.I)


def someone_else(text: str, start: int, h: CueHit) -> bool:
    if h.cue not in (Cue.STRONG_GAP, Cue.GAP):
        return False
    before = text[max(start, h.start - 70) : h.start]
    m = _SOMEONE_ELSE.search(before)
    return m is not None and not _CANDIDATE_WORD.search(before, m.end())


# "you spotted the gaps on the bays", "found the VLAN mismatch and the missing trunk": the fault
# is what the candidate found, not a gap of theirs.
_FOUND = re.compile(
    r"\b(?:spotted|found|identified|caught|noticed|flagged|fixed|corrected|picked up|resolved"
    r"|diagnosed|spotting|finding|fixing|correcting)\s+(?:[\w'-]+\W+){0,5}?$",
    re.I,
)
_FAULT = re.compile(r"gaps?|missing|errors?|mistakes?|wrong|incorrect", re.I)


def found_it(text: str, start: int, h: CueHit) -> bool:
    if h.cue is not Cue.STRONG_GAP or not _FAULT.fullmatch(text, h.start, h.end):
        return False
    return bool(_FOUND.search(text[max(start, h.start - 60) : h.start]))


# "We also liked that you'd built the plan around our HubSpot set-up rather than new tooling",
# "the Director was pleased he had SMSTS and used Procore daily": what the praise verb reports
# is praised, whatever words it contains, up to a contrast or a new judgement.
_PRAISE_THAT = re.compile(
    r"\b(?<!have )(?<!'d )(?<!to )(?:liked|loved|enjoyed|appreciated|valued|welcomed"
    r"|(?:was|were|been|am|is|are) (?:\w+ )?(?:pleased|impressed|glad|happy|delighted)"
    r"|(?:it was|it's) (?:good|great|nice|reassuring) to (?:hear|see))"
    r"\s+(?:that|how|the way|hearing|seeing)\b",
    re.I,
)
_PRAISE_END = re.compile(
    r"\b(?:but|however|although|though|whereas|yet)\b|;"
    r"|,?\s+and\s+(?:we|they|he|she|I|the \w+)\s+(?:also\s+)?(?:felt|said|thought|noted|found"
    r"|need|needed|would|'d)\b",
    re.I,
)


def outside_praise(text: str, start: int, end: int, hits: list[CueHit]) -> list[CueHit]:
    spans = []
    for m in _PRAISE_THAT.finditer(text, start, end):
        if NOT_PRAISE.search(text[max(start, m.start() - 45) : m.start()]):
            continue
        stop = _PRAISE_END.search(text, m.end(), end)
        spans.append((m.start(), stop.start() if stop else end, m.end()))
    if not spans:
        return hits
    out = [
        h for h in hits if h.cue is Cue.STRENGTH or not any(a <= h.start < b for a, b, _ in spans)
    ]
    praise = [CueHit(Cue.STRENGTH, a, e) for a, _, e in spans]
    return sorted(
        out + [p for p in praise if not overlaps(out, p.start, p.end)], key=lambda h: h.start
    )
