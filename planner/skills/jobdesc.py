"""Requirements of a job description and skills a resume shows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.skills.cues import Cue, find_cues
from planner.skills.matcher import Mention, find_mentions
from planner.skills.model import GoalKind
from planner.skills.segment import is_boilerplate, sentences
from planner.skills.taxonomy import Taxonomy
from planner.skills.text import Span, clean_document

_HEADING = re.compile(r"^[ \t#*]*([A-Za-z][^\n.!?]{0,60}?)[ \t]*:?[ \t*]*$")
_SECTION_KIND = (
    (
        "skip",
        re.compile(
            r"about (?:us|the company|the team|[A-Z]\w+)|who we are|our (?:mission|story|"
            r"values|culture)|benefits|perks|what we offer|why (?:join|work)|compensation|"
            r"salary|equal (?:employment )?opportunit|eeo|diversity|how to apply|life at|"
            r"the process|interview process|location|working (?:here|with us)",
            re.I,
        ),
    ),
    (
        "nice",
        re.compile(
            r"nice[- ]to[- ]have|bonus|preferred|plus(?:es)?\b|desirable|good to have|"
            r"would be (?:great|nice)|extra credit|not required|ideally|optional",
            re.I,
        ),
    ),
    (
        "must",
        re.compile(
            r"requirement|required|must[- ]have|qualifications?|what you(?:'ll)? (?:bring|need)|"
            r"you (?:have|bring|are)|essential|minimum|basic|looking for|skills|experience|"
            r"responsibilit|what you(?:'ll)? do|the role|duties|day[- ]to[- ]day|about the role|"
            r"about you|your profile|who you are",
            re.I,
        ),
    ),
)
_NOT_YET = re.compile(
    r"\([^()]{0,40}\b(?:pending|in progress|expected|ongoing|studying"
    r"|working towards)\b[^()]{0,20}\)"
    r"|\b(?:studying for|working towards|preparing for|enrolled in)\b[^.,;\n]{0,60}"
    r"|[^\s,;()]+(?:\s+[^\s,;()]+){0,3}\s+(?:pending|in progress)\b",
    re.I,
)
_BULLET = re.compile(r"\s*(?:[-*•·▪●◦]|\d{1,2}[.)])\s+")
_EXCLUDED_KINDS = frozenset({GoalKind.SOFT, GoalKind.JOB_SEARCH})


@dataclass(frozen=True)
class Requirement:
    skill_id: str
    must_have: bool
    evidence: Span
    alternatives: tuple[str, ...] = ()  # "Python or Go": showing any one meets the requirement
    or_similar: bool = False  # "Zendesk or a similar tool": a sibling skill meets it too
    at: Span | None = None  # where the skill is named


def _section_kind(line: str) -> str | None:
    m = _HEADING.match(line)
    if not m or len(line.split()) > 6:
        return None
    for kind, rx in _SECTION_KIND:
        if rx.search(m.group(1)):
            return kind
    return None


def requirements(text: str, taxonomy: Taxonomy) -> list[Requirement]:
    """Hard skills a job description asks for, must-have unless its wording says otherwise.

    Company blurbs, benefits and equal-opportunity sections are skipped; soft skills and
    job-search skills are left out, since no resume is expected to list them.
    """
    clean = clean_document(text)
    found: dict[str, Requirement] = {}
    section = "must"
    for n, sent in enumerate(sentences(clean)):
        chunk = clean[sent.start : sent.end]
        if n == 0 and _looks_like_title(chunk):
            continue  # "Investment Banking Analyst" names the job, not a requirement
        here = section
        head, colon, rest = chunk.partition(":")
        kind = _section_kind(head if colon else chunk)
        if kind is not None and not _BULLET.match(chunk):
            if not rest.strip():
                section = kind
                continue
            here = kind  # "Nice to have: Canva, basic HTML"
        if here == "skip" or is_boilerplate(chunk):
            continue
        nice = here == "nice" or any(
            h.cue is Cue.NICE for h in find_cues(clean, sent.start, sent.end)
        )
        mentions = [
            m
            for m in _drop_parts(clean, find_mentions(clean, taxonomy, sent.start, sent.end))
            if taxonomy[m.skill_id].kind not in _EXCLUDED_KINDS
            and taxonomy[m.skill_id].source == "curated"
        ]
        for group, similar in _alternatives(clean, mentions):
            ids = tuple(dict.fromkeys(m.skill_id for m in group))
            for sid in ids:
                prev = found.get(sid)
                if prev is None or (prev.must_have is False and not nice):
                    alts = ids if len(ids) > 1 else ()
                    at = next(Span(m.start, m.end) for m in group if m.skill_id == sid)
                    found[sid] = Requirement(sid, not nice, sent, alts, similar, at)
    return _specific_first(clean, list(found.values()), taxonomy)


_OR = re.compile(
    r"\s*(?:,\s*)?(?:or|/)\s*(?:(?:a|an|any|another|other)\s+)?"
    r"(?:similar\s+|equivalent\s+|comparable\s+)?",
    re.I,
)
_COMMA = re.compile(r"\s*,\s*")
_OR_SIMILAR = re.compile(
    r"\s*(?:,\s*)?or (?:a |an |any |another )?(?:similar|equivalent|comparable|other)\b", re.I
)


def _alternatives(text: str, mentions: list[Mention]) -> list[tuple[list[Mention], bool]]:
    """Group "Python or Go" and "Bloomberg, FactSet or Capital IQ"; flag "... or similar"."""
    groups: list[tuple[list[Mention], bool]] = []
    chain: list[Mention] = []
    has_or = False
    for m in mentions:
        between = text[chain[-1].end : m.start] if chain else ""
        if chain and _OR.fullmatch(between) and between.strip():
            chain.append(m)
            has_or = True
        elif chain and _COMMA.fullmatch(between):
            chain.append(m)
        else:
            if chain:
                groups.extend(_close(text, chain, has_or))
            chain, has_or = [m], False
    if chain:
        groups.extend(_close(text, chain, has_or))
    return groups


def _close(text: str, chain: list[Mention], has_or: bool) -> list[tuple[list[Mention], bool]]:
    similar = bool(_OR_SIMILAR.match(text, chain[-1].end))
    if has_or:
        return [(chain, similar)]
    return [([m], similar and m is chain[-1]) for m in chain]  # a list of separate asks


def _drop_parts(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop the parts a parenthesis lists after a skill: "AWS (EC2, IAM, VPC)" asks for AWS."""
    out: list[Mention] = []
    head_end = -1
    for m in mentions:
        opened = text.rfind("(", 0, m.start)
        if (
            opened > head_end >= 0
            and not text[head_end:opened].strip()
            and ")" not in text[opened : m.start]
        ):
            continue
        out.append(m)
        head_end = m.end
    return out


def _looks_like_title(line: str) -> bool:
    return "\n" not in line and len(line.split()) <= 8 and not re.search(r"[.!?:,]$", line)


def _specific_first(text: str, reqs: list[Requirement], taxonomy: Taxonomy) -> list[Requirement]:
    """In one bullet, drop a broad concept named with a narrower skill ("infrastructure as code
    with Terraform") and a tool's sub-services listed with the tool ("AWS (EC2, IAM)").

    A broad concept coordinated with the narrower one ("user research and usability testing")
    is a separate ask and stays.
    """
    drop = {
        o.skill_id
        for r in reqs
        for o in reqs
        if o.evidence == r.evidence
        and o.skill_id in taxonomy.ancestors(r.skill_id)
        and taxonomy[o.skill_id].kind is GoalKind.TECHNICAL
        and not _coordinated(text, r, o)
    }
    for r in reqs:
        entry = taxonomy[r.skill_id]
        if entry.kind is GoalKind.TOOL and any(
            o.skill_id in entry.broader
            and taxonomy[o.skill_id].kind is GoalKind.TOOL
            and o.evidence == r.evidence
            for o in reqs
        ):
            drop.add(r.skill_id)
    return [r for r in reqs if r.skill_id not in drop]


_AND = re.compile(r"\s*(?:,|and|&|,\s*and)\s*", re.I)


def _coordinated(text: str, a: Requirement, b: Requirement) -> bool:
    if a.at is None or b.at is None:
        return False
    first, second = sorted((a.at, b.at))
    return bool(_AND.fullmatch(text[first.end : second.start]))


def shown_skills(text: str, taxonomy: Taxonomy) -> frozenset[str]:
    """Skill ids a resume shows, with everything broader than them (AWS shows cloud computing)."""
    return frozenset(shown_via(text, taxonomy))


def shown_via(text: str, taxonomy: Taxonomy) -> dict[str, frozenset[str]]:
    """Skill ids a resume shows, each with the ids named in the resume that show it."""
    clean = clean_document(text)
    via: dict[str, set[str]] = {}
    pending = [m.span() for m in _NOT_YET.finditer(clean)]
    for m in find_mentions(clean, taxonomy):
        if any(a <= m.end and m.start <= b for a, b in pending):
            continue  # "QTS pending", "studying for the CPA": not shown yet
        ids = {m.skill_id} | taxonomy.ancestors(m.skill_id)
        if taxonomy[m.skill_id].kind is GoalKind.CERTIFICATION:  # a cert shows what it certifies
            ids.update(taxonomy[m.skill_id].prerequisites)
        for sid in ids:
            via.setdefault(sid, set()).add(m.skill_id)
    return {sid: frozenset(v) for sid, v in via.items()}


def meets(r: Requirement, via: dict[str, frozenset[str]], named: set[str], tx: Taxonomy) -> bool:
    """Whether the resume meets requirement ``r``; ``named`` are the skills its bullet names.

    Any one of "Python or Go" meets it; "Zendesk or similar" is met by another skill under
    the same parent. A skill shown only through a narrower one the same bullet also asks for
    ("user research and usability testing") is not met by that narrower one.
    """
    for sid in r.alternatives or (r.skill_id,):
        shown_by = via.get(sid, frozenset())
        if sid in shown_by or shown_by - named:
            return True
    if r.or_similar:
        return any(b in via for b in tx[r.skill_id].broader)
    return False
