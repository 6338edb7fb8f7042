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
    ("skip", re.compile(r"about (?:us|the company|the team|[A-Z]\w+)|who we are|our (?:mission|story|"
                        r"values|culture)|benefits|perks|what we offer|why (?:join|work)|compensation|"
                        r"salary|equal (?:employment )?opportunit|eeo|diversity|how to apply|life at|"
                        r"the process|interview process|location|working (?:here|with us)", re.I)),
    ("nice", re.compile(r"nice[- ]to[- ]have|bonus|preferred|plus(?:es)?\b|desirable|good to have|"
                        r"would be (?:great|nice)|extra credit|not required|ideally|optional", re.I)),
    ("must", re.compile(r"requirement|required|must[- ]have|qualifications?|what you(?:'ll)? (?:bring|need)|"
                        r"you (?:have|bring|are)|essential|minimum|basic|looking for|skills|experience|"
                        r"responsibilit|what you(?:'ll)? do|the role|duties|day[- ]to[- ]day|about the role|"
                        r"about you|your profile|who you are", re.I)),
)
_EXCLUDED_KINDS = frozenset({GoalKind.SOFT, GoalKind.JOB_SEARCH})


@dataclass(frozen=True)
class Requirement:
    skill_id: str
    must_have: bool
    evidence: Span


def _section_kind(line: str) -> str | None:
    m = _HEADING.match(line)
    if not m or len(line.split()) > 8:
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
    for sent in sentences(clean):
        chunk = clean[sent.start : sent.end]
        kind = _section_kind(chunk)
        if kind is not None and len(chunk) < 70:
            section = kind
            continue
        if section == "skip" or is_boilerplate(chunk):
            continue
        nice = section == "nice" or any(h.cue is Cue.NICE for h in find_cues(clean, sent.start, sent.end))
        for m in find_mentions(clean, taxonomy, sent.start, sent.end):
            entry = taxonomy[m.skill_id]
            if entry.kind in _EXCLUDED_KINDS or entry.source != "curated":
                continue
            prev = found.get(m.skill_id)
            if prev is None or (prev.must_have is False and not nice):
                found[m.skill_id] = Requirement(m.skill_id, not nice, sent)
    return list(found.values())


def shown_skills(text: str, taxonomy: Taxonomy) -> frozenset[str]:
    """Skill ids a resume shows, with everything broader than them (AWS shows cloud computing)."""
    clean = clean_document(text)
    ids: set[str] = set()
    for m in find_mentions(clean, taxonomy):
        ids.add(m.skill_id)
        ids |= taxonomy.ancestors(m.skill_id)
        if taxonomy[m.skill_id].kind is GoalKind.CERTIFICATION:  # a cert shows what it certifies
            ids.update(taxonomy[m.skill_id].prerequisites)
    return frozenset(ids)
