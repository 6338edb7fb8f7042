"""Requirements of a job description and skills a resume shows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.skills.cues import Cue, find_cues
from planner.skills.matcher import find_mentions
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
        for m in find_mentions(clean, taxonomy, sent.start, sent.end):
            entry = taxonomy[m.skill_id]
            if entry.kind in _EXCLUDED_KINDS or entry.source != "curated":
                continue
            prev = found.get(m.skill_id)
            if prev is None or (prev.must_have is False and not nice):
                found[m.skill_id] = Requirement(m.skill_id, not nice, sent)
    return _specific_first(list(found.values()), taxonomy)


def _looks_like_title(line: str) -> bool:
    return "\n" not in line and len(line.split()) <= 8 and not re.search(r"[.!?:,]$", line)


def _specific_first(reqs: list[Requirement], taxonomy: Taxonomy) -> list[Requirement]:
    """In one bullet, drop a broad concept named with a narrower skill ("infrastructure as code
    with Terraform") and a tool's sub-services listed with the tool ("AWS (EC2, IAM)")."""
    drop = {
        o.skill_id
        for r in reqs
        for o in reqs
        if o.evidence == r.evidence
        and o.skill_id in taxonomy.ancestors(r.skill_id)
        and taxonomy[o.skill_id].kind is GoalKind.TECHNICAL
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


def shown_skills(text: str, taxonomy: Taxonomy) -> frozenset[str]:
    """Skill ids a resume shows, with everything broader than them (AWS shows cloud computing)."""
    clean = clean_document(text)
    ids: set[str] = set()
    pending = [m.span() for m in _NOT_YET.finditer(clean)]
    for m in find_mentions(clean, taxonomy):
        if any(a <= m.end and m.start <= b for a, b in pending):
            continue  # "QTS pending", "studying for the CPA": not shown yet
        ids.add(m.skill_id)
        ids |= taxonomy.ancestors(m.skill_id)
        if taxonomy[m.skill_id].kind is GoalKind.CERTIFICATION:  # a cert shows what it certifies
            ids.update(taxonomy[m.skill_id].prerequisites)
    return frozenset(ids)
