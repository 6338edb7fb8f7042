"""What a resume shows: the skills it names, and those it shows in other words.

A resume says what the writer did, in their own words: "titrated heparin drips" shows
medication administration, "dressed surgical incisions" shows wound care. Besides the taxonomy's
names and the paraphrase lexicon's topic phrases, these count: the hand-written lexicon
``data/resume_evidence.txt`` (phrasings a career coach would read as the skill); the other forms
of the taxonomy's names that :mod:`planner.skills.resume_forms` finds (past tense, reordered,
plural and singular forms, job titles); and stated registrations and credentials ("Registered
with the HCPC"; "Basic Life Support (AHA), exp. 2026" shows the BLS certification).

This module also decides whether a resume meets a job's requirement (:func:`meets`).
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import TYPE_CHECKING

from planner.skills.matcher import find_mentions
from planner.skills.model import GoalKind
from planner.skills.paraphrase import find_paraphrases
from planner.skills.resume_forms import (
    Hit,
    noun_form_hits,
    past_tense_hits,
    reordered_hits,
    title_hits,
)
from planner.skills.taxonomy import Taxonomy, surface_forms
from planner.skills.text import BULLET, clean_document
from planner.skills.tokens import fold

if TYPE_CHECKING:
    from planner.skills.jobdesc import Requirement

_GAP = r"(?:[^\w\n]+[\w'’+#&/.-]+){0,6}?[^\w\n]+"  # " ... ": up to six words, one line
_SPACE = r"[^\S\n]*[-–]?[^\S\n]*"  # a space in a pattern: spaces or a hyphen, one line


def _compile(pattern: str) -> re.Pattern[str]:
    words = [p.strip() for p in pattern.split("...")]
    body = _GAP.join(_SPACE.join(w.split()) for w in words)
    return re.compile(rf"(?<![\w+#]){body}(?![\w+#])", re.I)


def parse_lexicon(lines: list[str]) -> list[tuple[str, re.Pattern[str]]]:
    """``skill-id | pattern ; pattern`` lines (``#`` comments) to (skill id, regex) pairs."""
    out: list[tuple[str, re.Pattern[str]]] = []
    for raw in lines:
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        skill_id, _, patterns = line.partition("|")
        out.extend((skill_id.strip(), _compile(p)) for p in patterns.split(";") if p.strip())
    return out


@functools.lru_cache(maxsize=1)
def shipped_lexicon() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The lexicon shipped in ``data/resume_evidence.txt``."""
    data = resources.files("planner.skills").joinpath("data/resume_evidence.txt")
    text = data.read_text(encoding="utf-8")
    return tuple(parse_lexicon(text.splitlines()))


def lexicon_hits(text: str, taxonomy: Taxonomy) -> list[Hit]:
    """Where ``text`` uses a lexicon phrasing for a skill the taxonomy has."""
    return [
        Hit(sid, m.start(), m.end())
        for sid, rx in shipped_lexicon()
        if sid in taxonomy
        for m in rx.finditer(text)
    ]



def evidence_hits(text: str, taxonomy: Taxonomy) -> list[Hit]:
    """Skills ``text`` shows in other words than the taxonomy's names for them."""
    return [
        *lexicon_hits(text, taxonomy),
        *past_tense_hits(text, taxonomy),
        *noun_form_hits(text, taxonomy),
        *title_hits(text, taxonomy),
        *reordered_hits(text, taxonomy),
        *registration_hits(text, taxonomy),
    ]


_CERT_SUFFIX = ("certification", "certificate", "certified", "licence", "license", "card", "ticket")
# "Basic Life Support (AHA), exp. 2026", "Counterbalance licence (RTITB), renewed 2024"
_CREDENTIAL = re.compile(
    r"\b(?:certif\w*|licen[cs]\w*|card|provider|exp(?:ires|iry|\.)|valid (?:to|until)"
    r"|renewed)(?!\w)",
    re.I,
)
_CREDENTIAL_HEADING = re.compile(r"certif|licen[cs]|qualifications|credentials", re.I)


@functools.lru_cache(maxsize=4)
def _named_certs(taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """Skill id -> certifications named after it alone ("BLS certification" for BLS)."""
    out: dict[str, list[str]] = {}
    for cert in taxonomy:
        if cert.kind.value != "certification" or len(cert.prerequisites) != 1:
            continue
        skill = taxonomy.get(cert.prerequisites[0])
        if skill is None:
            continue
        label = fold(cert.label)
        names = {fold(f) for f, _ in surface_forms(skill)}
        if any(label == f"{n} {suffix}" for n in names for suffix in _CERT_SUFFIX):
            out.setdefault(skill.skill_id, []).append(cert.skill_id)
    return {k: tuple(v) for k, v in out.items()}


def certifications_shown(text: str, hit: Hit, taxonomy: Taxonomy) -> tuple[str, ...]:
    """The certifications a skill listed as a credential shows: "Basic Life Support (American
    Heart Association), exp. 2026" under "Certifications" shows the BLS certification."""
    certs = _named_certs(taxonomy).get(hit.skill_id, ())
    if not certs:
        return ()
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    rest = line.replace(text[hit.start : hit.end], " ")
    return certs if _CREDENTIAL.search(rest) or _under_credentials(text, line_start) else ()


def _under_credentials(text: str, line_start: int) -> bool:
    """Whether the nearest heading above ``line_start`` is a credentials heading."""
    for line in reversed(text[:line_start].splitlines()):
        if not line.strip():
            continue
        if len(line.split()) <= 4 and not BULLET.match(line):
            return bool(_CREDENTIAL_HEADING.search(line))
    return False


# "Registered with Social Work England", "registered with the HCPC (PH123456)"
_REGISTERED = re.compile(
    r"\b(?i:registered (?:with|by|on) (?:the )?)([A-Z][\w&'’-]*(?: (?:of|for|and|[A-Z][\w&'’-]*))*)"
)


def registration_hits(text: str, taxonomy: Taxonomy) -> list[Hit]:
    """A registration the resume states with the body's name: "Registered with Social Work
    England" shows the Social Work England registration."""
    out: list[Hit] = []
    for m in _REGISTERED.finditer(text):
        body = m.group(1)
        for name in (f"{body} registration", f"{body} registered"):
            entry = taxonomy.lookup(name)
            if entry is not None and entry.kind.value == "certification":
                out.append(Hit(entry.skill_id, m.start(), m.end()))
                break
    return out


_NOT_YET = re.compile(
    r"\([^()]{0,40}\b(?:pending|in progress|expected|ongoing|studying"
    r"|working towards)\b[^()]{0,20}\)"
    r"|\b(?:studying for|working towards|preparing for|enrolled in)\b[^.,;\n]{0,60}"
    r"|[^\s,;()]+(?:\s+[^\s,;()]+){0,3}\s+(?:pending|in progress)\b",
    re.I,
)
# "ready to move into critical care", "keen to develop my SQL": what the writer wants, not has.
_ASPIRATION = re.compile(
    r"\b(?:(?:looking|ready|keen|hoping|eager|aiming|want(?:ing)?|wish(?:ing)?|seeking"
    r"|plan(?:ning)?) to (?:move|step|progress|transition|get|break) (?:in)?to"
    r"|(?:looking|keen|hoping|eager|want(?:ing)?) to (?:learn|develop|gain|build|grow)"
    r"|aspiring"
    # "currently learning Python", "no experience of SAP yet", "next step: gaining my CIPD"
    r"|(?:currently|now|I['’]m|I am|am) (?:learning|teaching myself)"
    r"|no (?:prior |previous |formal |direct |hands[- ]on |commercial )?(?:experience|knowledge)"
    r" (?:of|with|in|using)"
    r"|(?:next step|goal|aim)s?:? (?:is )?(?:to )?(?:gain|gaining|complete|completing|get|getting"
    r"|achieve|achieving))\b[^.;\n]{0,60}"
    r"|[^\s,;()|]+(?:\s+[^\s,;()|]+){0,2}\s*\((?:learning|currently learning|self[- ]study)\)",
    re.I,
)
_SHOWS_PREREQUISITES = frozenset({GoalKind.CERTIFICATION, GoalKind.TOOL})


_ENGLISH_WORDS = re.compile(r"\b(?:the|and|with|for|of|to|in|on)\b", re.I)


class Shown(dict[str, frozenset[str]]):
    """Skill ids a resume shows (each with the ids named that show it), plus ``pending``: the
    ids it names as in progress ("studying for CIPS"), which meet only a job that accepts them.
    """

    pending: frozenset[str] = frozenset()


def shown_skills(text: str, taxonomy: Taxonomy) -> frozenset[str]:
    """Skill ids a resume shows, with everything broader than them (AWS shows cloud computing)."""
    return frozenset(shown_via(text, taxonomy))


def shown_via(text: str, taxonomy: Taxonomy) -> Shown:
    """Skill ids a resume shows, each with the ids named in the resume that show it.

    Besides skill names, the topic phrases of the paraphrase lexicon count ("tracked costs
    against quotes" shows budget management; "packaged models in Docker" shows MLOps), and so
    does the evidence of :func:`evidence_hits`; phrases that state a shortfall do not.
    """
    clean = clean_document(text)
    via: dict[str, set[str]] = {}
    not_yet = [m.span() for m in _NOT_YET.finditer(clean)]
    wanted = [m.span() for m in _ASPIRATION.finditer(clean)]
    pending: set[str] = set()
    named = [Hit(m.skill_id, m.start, m.end) for m in find_mentions(clean, taxonomy)]
    named.extend(
        Hit(p.skill_id, p.start, p.end)
        for p in find_paraphrases(clean)
        if not p.states_gap and p.skill_id in taxonomy
    )
    named.extend(evidence_hits(clean, taxonomy))  # "titrated heparin drips", "reconciled ..."
    for hit in named:
        skill_id, start, end = hit
        if any(a <= start and end <= b for a, b in wanted):
            continue  # "looking to move into acute medicine": not shown
        ids = {skill_id} | taxonomy.ancestors(skill_id)
        if taxonomy[skill_id].kind in _SHOWS_PREREQUISITES:
            # a cert shows what it certifies; a tool used shows what it is built on (MySQL: SQL)
            ids.update(taxonomy[skill_id].prerequisites)
        ids.update(certifications_shown(clean, hit, taxonomy))  # "Basic Life Support, exp. 2026"
        if any(a <= end and start <= b for a, b in not_yet):
            pending.add(skill_id)  # "QTS pending", "studying for the CPA": not shown yet
            continue
        for sid in ids:
            via.setdefault(sid, set()).add(skill_id)
    if "english" in taxonomy and len(_ENGLISH_WORDS.findall(clean)) >= 5:
        via.setdefault("english", set()).add("english")  # a resume written in English shows it
    out = Shown({sid: frozenset(v) for sid, v in via.items()})
    out.pending = frozenset(pending)
    return out


def meets(r: Requirement, via: dict[str, frozenset[str]], named: set[str], tx: Taxonomy) -> bool:
    """Whether the resume meets requirement ``r``; ``named`` are the skills its bullet names.

    Any one of "Python or Go" meets it; "Zendesk or similar" is met by another skill under
    the same parent. A skill shown only through a narrower one the same bullet also asks for
    ("user research and usability testing") is not met by that narrower one.
    """
    pending = via.pending if isinstance(via, Shown) else frozenset[str]()
    for sid in r.alternatives or (r.skill_id,):
        shown_by = via.get(sid, frozenset())
        if sid in shown_by or shown_by - named:
            return True
        if r.pending_ok and sid in pending:
            return True  # "working towards CIPS" asked; "studying for CIPS Level 4" shown
    if r.or_similar:
        return any(_sibling_shown(sid, via, tx) for sid in r.alternatives or (r.skill_id,))
    return False


def _sibling_shown(sid: str, via: dict[str, frozenset[str]], tx: Taxonomy) -> bool:
    """Whether the resume shows something comparable: work in the tool's own area ("Opera PMS or
    similar" beside front-office work), or, where that area is a whole field, a skill of the
    same kind beside the tool (Creo shows engineering design, yet is no "Windchill or similar")."""
    kind = tx[sid].kind
    return any(
        (b in via and tx[b].broader)
        or any(x != sid and b in tx[x].broader and tx[x].kind is kind for x in via.get(b, ()))
        for b in tx[sid].broader
    )
