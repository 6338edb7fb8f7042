"""Requirements of a job description and skills a resume shows.

:func:`requirements` reads a job description line by line: which section a heading opens
(:mod:`planner.skills.jdsections`), which lines ask nothing (:mod:`planner.skills.jdskips`), which
mentions are asks (:mod:`planner.skills.jdmentions`) and which are asked together
(:mod:`planner.skills.jdgroups`); this module decides each ask's strength, must-have or
nice-to-have, from the job's wording."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from planner.skills.cues import Cue, find_cues
from planner.skills.evidence import Shown as Shown
from planner.skills.evidence import meets as meets
from planner.skills.evidence import shown_skills as shown_skills
from planner.skills.evidence import shown_via as shown_via
from planner.skills.jdgroups import Ask, groups
from planner.skills.jdmentions import hard_mentions
from planner.skills.jdsections import (
    cell_of,
    column_mark,
    heading_kind,
    looks_like_title,
    table_columns,
)
from planner.skills.jdskips import asks_nothing, duty_bullet
from planner.skills.matcher import Mention
from planner.skills.model import GoalKind
from planner.skills.segment import sentences
from planner.skills.taxonomy import Taxonomy
from planner.skills.text import BULLET, JOB_NOUN, Span, clean_document


@dataclass(frozen=True)
class Requirement:
    skill_id: str
    must_have: bool
    evidence: Span
    alternatives: tuple[str, ...] = ()  # "Python or Go": showing any one meets the requirement
    or_similar: bool = False  # "Zendesk or a similar tool": a sibling skill meets it too
    at: Span | None = None  # where the skill is named
    pending_ok: bool = False  # "CIPS or working towards it": a qualification in progress meets it


# "MCIPS or working towards CIPS", "part-qualified ACCA": the job accepts a qualification in
# progress, so a resume's "studying for CIPS Level 4" meets the ask.
_ACCEPTS_PENDING = re.compile(
    r"\b(?:working towards?|studying (?:for|towards)|part[- ]qualified|part[- ]way through"
    r"|or (?:be )?(?:willing|happy|prepared) to (?:work towards|study|train)|currently (?:studying"
    r"|undertaking|pursuing))\b",
    re.I,
)


def requirements(text: str, taxonomy: Taxonomy) -> list[Requirement]:
    """Hard skills a job description asks for, must-have unless its wording says otherwise.

    The title block, company blurbs, duties ("Responsibilities", "You will ..."), benefits and
    equal-opportunity sections are skipped; soft skills and job-search skills are left out,
    since no resume is expected to list them.
    """
    clean = clean_document(text)
    found: dict[str, Requirement] = {}
    section = "must"
    headed = False  # whether a requirement heading opened the current section
    in_header = True  # the job title and employer lines above the first heading or prose
    header: list[str] = []  # the title block's lines: "Brackley Construction Group"
    columns: tuple[int, int] | None = None  # "Criteria | Essential | Desirable": ticked columns
    for sent in _pieces(clean, sentences(clean)):
        chunk = clean[sent.start : sent.end]
        mentions = hard_mentions(clean, taxonomy, sent)
        kind = heading_kind(chunk, bool(mentions))
        if in_header and kind is None and (looks_like_title(chunk) or _run_in_title(chunk, header)):
            header.extend(chunk.split("\n"))
            continue  # "Investment Banking Analyst", "Tallyfy Cloud": the job and the employer
        in_header = False
        here = section
        if kind is not None or table_columns(chunk) is not None:
            columns = table_columns(chunk)  # a new heading ends the table
        if kind is not None:
            # a bare heading opens a section, even one naming a skill ("About Apex")
            # "The ideal Teaching Assistant will:": the job's name in a heading that ends in a colon
            ideal_heading = chunk.rstrip().endswith(":") and bool(_IDEAL_HEADING.match(chunk))
            if not chunk.partition(":")[2].strip() and (
                not mentions or ":" not in chunk or ideal_heading
            ):
                section, headed = _section(kind)
                continue
            here = _section(kind)[0]  # "Nice to have: Canva, basic HTML"
        if (
            here in ("skip", "duty")
            or asks_nothing(chunk, header)
            or (not headed and kind is None and duty_bullet(chunk))
        ):
            continue
        tails = _nice_tails(clean, sent) + _nice_brackets(clean, sent)
        hits = [
            h
            for h in find_cues(clean, sent.start, sent.end)
            if h.cue is Cue.NICE and not any(a <= h.start < b for a, b in tails)
        ]
        # "ideally" / "preferably" make nice what follows them, not what came before:
        # "complaint handling, ideally in a regulated industry" still asks for complaint handling.
        ahead = [h.start for h in hits if _NICE_AHEAD.fullmatch(clean, h.start, h.end)]
        exposure = [m.start() for m in _EXPOSURE.finditer(clean, sent.start, sent.end)]
        inline = [
            m.start() + sent.start
            for m in _NICE_INLINE.finditer(chunk)
            if not any(a <= m.start() + sent.start < b for a, b in tails)
        ]
        nice = here == "nice" or len(ahead) < len(hits) or bool(inline)
        mark = _MARKER.search(chunk)  # "Care Certificate (D)", "18th Edition | E"
        if mark is not None:
            nice = mark.group(1)[0] in "Dd"
        ticked = None if columns is None else column_mark(chunk, columns)
        if ticked is not None:
            nice = not ticked  # "Venepuncture | | ✓" under "Criteria | Essential | Desirable"
        pending_ok = bool(_ACCEPTS_PENDING.search(chunk))
        for ask in groups(clean, sent, _still_needed(clean, sent, mentions), taxonomy):
            first = min(m.start for m in ask.asked)
            late = any(_clause_ends_ideal(clean, m.end, sent.end) for m in ask.asked)
            # "CIPD Level 5 or equivalent experience": experience will do instead
            late = late or any(
                taxonomy[m.skill_id].kind is GoalKind.CERTIFICATION
                and _OR_EXPERIENCE.match(clean[: sent.end], m.end)
                for m in ask.asked
            )
            late = late or any(a <= m.start < b for m in ask.asked for a, b in tails)
            strength = nice or late or any(a < first for a in ahead + exposure)
            cell = None if columns is None else cell_of(clean, first, columns)
            if cell is not None:
                strength = not cell  # "Sage 50 | Xero" under "Essential | Desirable"
            if _BILINGUAL.search(clean, max(sent.start, first - 25), first):
                for m in ask.asked:  # "Bilingual English/Spanish": both languages are asked
                    _add(found, Ask([m], [m], False), sent, strength, pending_ok)
                continue
            _add(found, ask, sent, strength, pending_ok)
    return _specific_first(clean, list(found.values()), taxonomy)


# "Lettings Negotiator - Leeds.", "Plumber wanted - domestic work, Bristol.": a short posting's
# first sentence names the job and the place, run into the text that follows.
_RUN_IN_TITLE = re.compile(r"[^\W\d][^\n.!?:;]{2,60}?\s[-–—|]\s[^\n!?:;]{2,60}?[.!]?")


def _run_in_title(chunk: str, header: list[str]) -> bool:
    return (
        not header
        and len(chunk.split()) <= 10
        and bool(_RUN_IN_TITLE.fullmatch(chunk))
        and not (_MUST_WORD.search(chunk) or _NICE_WORD.search(chunk))
    )


def _section(kind: str) -> tuple[str, bool]:
    """The section a heading opens and whether it is a requirement heading; a mixed heading
    ("Responsibilities and requirements") reads as must, its duty bullets still skipped."""
    if kind == "mixed":
        return "must", False
    return kind, kind in ("must", "nice")


_IDEAL_HEADING = re.compile(r"\W*(?:the|our) ideal\b", re.I)


_BILINGUAL = re.compile(r"\b(?:bilingual|fluent in both|both)\b[^.;:\n]*$", re.I)


# "18th Edition Wiring Regulations | E", "Care Certificate (D)", "MCIPS - Essential": a person
# specification's marker at the end of a line says whether the line is essential or desirable.
# Further columns may follow the marker: "| E | Application / Interview", "(Essential) (A/I)".
_MARKER = re.compile(
    r"(?:[|(\[\-–—:]|\s{2,}|\t)\s*((?-i:E|D)|essential|desirable)\s*[)\]]?"
    r"(?:\s*(?:\||\t|\s{2,}|(?=\())\s*\(?(?:(?!essential|desirable)[^|\t\n()]){0,40}?\)?)*\s*$",
    re.I,
)
# "Opera PMS ideal", "SQL would be ideal": the clause's skill is a nice-to-have.
_IDEAL_END = re.compile(
    r"[^.;,\n()]{0,40}?\b(?:(?:is|are|would be|will be) )?ideal\s*(?:[.;,)]|$)", re.I
)


_OR_EXPERIENCE = re.compile(
    r"[^.;:\n]{0,40}?\bor (?:equivalent|relevant|comparable) (?:\w+ )?experience\b", re.I
)


def _clause_ends_ideal(text: str, at: int, end: int) -> bool:
    """Whether the clause after a skill ends in "ideal" ("; Opera PMS ideal")."""
    return bool(_IDEAL_END.match(text[:end], at))


def _pieces(text: str, sents: Iterable[Span]) -> Iterator[Span]:
    """Sentences, split again where a wrapped line runs into a heading ("...casework\nDesirable:")
    or a line ends with an Essential / Desirable marker."""
    for sent in sents:
        start = sent.start
        nl = text.find("\n", start, sent.end)
        while nl >= 0:
            line = text[start:nl]
            nxt_end = text.find("\n", nl + 1, sent.end)
            nxt = text[nl + 1 : sent.end if nxt_end < 0 else nxt_end]
            if _MARKER.search(line) or (
                len(nxt.split()) <= 6 and heading_kind(nxt.strip(), False) is not None
            ):
                yield from _clauses(text, Span(start, nl))
                start = nl + 1
            nl = nxt_end
        yield from _clauses(text, Span(start, sent.end))


_MUST_WORD = re.compile(r"\b(?:essential|required|mandatory|must)\b", re.I)
_NICE_WORD = re.compile(r"\b(?:desirable|preferred|advantageous|a plus|(?<!not )optional)\b", re.I)


def _clauses(text: str, span: Span) -> Iterator[Span]:
    """Clauses of "Excel essential; Power BI desirable": each carries its own strength."""
    chunk = text[span.start : span.end]
    if ";" not in chunk or not (_MUST_WORD.search(chunk) and _NICE_WORD.search(chunk)):
        yield span
        return
    start = span.start
    for part in chunk.split(";"):
        if part.strip():
            lead = len(part) - len(part.lstrip())
            yield Span(start + lead, start + len(part.rstrip()))
        start += len(part) + 1


_NICE_AHEAD = re.compile(r"ideally|preferabl\w+", re.I)
# "Exposure to Azure", "3 years in support, with some exposure to SQL": less than experience, so
# what follows is a nice-to-have; "strong exposure to" still asks for it in full.
_EXPOSURE = re.compile(
    r"(?<!strong )(?<!significant )(?<!extensive )(?<!proven )(?<!solid )(?<!deep )(?<!broad )"
    r"(?<!good )(?<!considerable )(?<!substantial )\bexposure to\b",
    re.I,
)
# "4+ years of progressive accounting experience, public accounting a plus": a later clause ending
# in a nice-to-have word makes only its own skills nice, after a full ask of four words or more.
_NICE_TAIL = re.compile(
    r"[^,;.\n]*?\b(?:a (?:big |huge )?plus|a bonus|an advantage|advantageous|desirable|preferred"
    r"|beneficial|helpful|useful|handy|(?:would be |is |are )?(?:great|lovely|nice|ideal))"
    r"\s*[.!)]?\s*",
    re.I,
)
_FULL_ASK = re.compile(
    r"\b(?:years?|experience|knowledge|proficien\w*|strong|solid|must|required"
    r"|essential|understanding)\b",
    re.I,
)


def _nice_tails(text: str, sent: Span) -> list[tuple[int, int]]:
    """The later clauses of ``sent`` that end in a nice-to-have word (see ``_NICE_TAIL``)."""
    out: list[tuple[int, int]] = []
    cuts = [m.start() for m in re.finditer(r"[,;]", text[sent.start : sent.end])]
    if not cuts:
        return out
    first = BULLET.sub("", text[sent.start : sent.start + cuts[0]], count=1)
    if len(re.findall(r"\w+", first)) < 4 or not _FULL_ASK.search(first):
        return out
    bounds = [sent.start + c + 1 for c in cuts] + [sent.end]
    for a, b in zip(bounds, bounds[1:], strict=False):
        end = b - 1 if b < sent.end else b  # the clause, without the comma that closes it
        if _NICE_TAIL.fullmatch(text, a, end):
            out.append((a, b))
    return out


# "Python (Django preferred)", "a LIMS (LabWare a plus)": a bracket that names something with a
# nice-to-have word makes only what it names nice. "Sage (highly desirable)", naming nothing,
# still speaks of the whole ask.
_NICE_BRACKET = re.compile(
    r"\((?=[^()\n]*\b(?:preferred|preferabl\w+|ideally|desirable|a plus|a bonus|advantageous"
    r"|an advantage|nice to have|beneficial)\b)[^()\n]*\)",
    re.I,
)


def _nice_brackets(text: str, sent: Span) -> list[tuple[int, int]]:
    out = [m.span() for m in _NICE_BRACKET.finditer(text, sent.start, sent.end)]
    return [(a, b) for a, b in out if _NAMES_SOMETHING.search(_NICE_WORDS.sub(" ", text[a:b]))]


_NICE_WORDS = re.compile(
    r"\b(?:preferred|preferabl\w+|ideally|desirable|a plus|a bonus|advantageous|an advantage"
    r"|nice to have|beneficial|highly|strongly|very|much|but|not|essential|is|are|would|be"
    r"|it|this|also|but)\b",
    re.I,
)
_NAMES_SOMETHING = re.compile(r"[^\W\d_]{2,}")


# "Python would be beneficial", "HubSpot is helpful": the bullet is a nice-to-have.
_NICE_INLINE = re.compile(
    r"\b(?:would|will|could) be (?:beneficial|an advantage|advantageous|a plus|a bonus|desirable"
    r"|helpful|useful|handy|nice|great|an asset|lovely|welcomed?)\b|\b(?:is|are) (?:desirable"
    r"|beneficial|advantageous|helpful|useful|handy|welcome|a plus|a bonus|an asset)\b"
    # "would be looked on favourably", "would help", "would set you apart", "if possible"
    r"|\b(?:would|will) be (?:looked (?:up)?on|viewed|seen|regarded) (?:favou?rably|positively)\b"
    r"|\b(?:would|will|could) (?:also |really |certainly )?(?:help|come in handy|give you an edge"
    r"|set you apart|make you stand out)\b|\b(?:if|where) possible\b"
    # "We'd love it if you have Figma", "it would be nice if you knew Python"
    r"|\bwe['’]d (?:love|like) (?:it )?if\b|\bit would be (?:nice|great|good|lovely) if\b"
    # "If you've touched Docker, great", "if you know Figma too, even better"
    r"|\bif you(?:['’]ve| have| know| can)\b[^.;]{0,60},\s*(?:that['’]s |that is )?"
    r"(?:great|brilliant|amazing|even better|a bonus|fantastic|perfect|all the better)\b",
    re.I,
)
# "no experience of Tableau needed", "willingness to learn Python", "a passion for data": what
# follows in the clause is not asked of the applicant.
_NOT_ASKED_AHEAD = re.compile(
    r"\b(?:no (?:prior |previous )?(?:experience|knowledge)|willing(?:ness)? to (?:learn|train"
    r"|develop|study)|(?:keen|eager)(?:ness)? to learn|(?:an )?interest in|passion for|enthusiasm"
    # "Commitment to safeguarding children": an attitude the job asks for, not a skill to learn
    r" for|(?:a )?(?:commitment|dedication) to|committed to"
    r"|(?:opportunity|chance) to (?:learn|develop|gain|grow)|develop your"
    # "you'll have the chance to work with Kubernetes": what the job offers, not what it asks
    r"|(?:opportunity|chance|scope|freedom) to (?:\w+ )?(?:work (?:with|on|in)|use|try|explore"
    r"|get (?:hands[- ]on|stuck in)|build (?:up )?your|expand|broaden|deepen)"
    # "we don't expect you to know Xero", "you won't need to have used SAP"
    r"|(?:don['’]t|do not|won['’]t|will not) (?:expect|need|require) (?:you )?to (?:know|have"
    r"|be)|you (?:don['’]t|do not|won['’]t|will not) need to (?:know|have|be))\b[^,;.:\n]*",
    re.I,
)


# "Level 3 Diploma in Health and Social Care (or willingness to work towards it)", "Makaton, or
# a willingness to learn": anyone willing meets the ask, so what comes before is not required.
_OR_WILLING = re.compile(
    r"\bor (?:a |the |be |show (?:a )?)?(?:willing(?:ness)?|happy|prepared|commitment"
    r"|keen(?:ness)?|eager(?:ness)?) to (?:work towards|gain|obtain|achieve|complete|undertake"
    r"|study|learn|train)\b",
    re.I,
)


# "is looking for a Warehouse Team Leader to run a goods-in team of 15": what the hire will do.
_HIRED_TO = re.compile(
    r"\b(?:looking for|seeking|hiring|recruiting|searching for|needs?)\b[^.;:\n]{0,80}?"
    r"(?P<duty>\bto\s+(?!(?:have|be|bring|hold|possess|offer|show|demonstrate)\b)\w+[^.;\n]*)",
    re.I,
)


# "We're looking for a friendly chiropractic assistant who can ...": the job's title, not an ask.
_HIRING_A = re.compile(
    rf"\b(?:looking for|seeking|hiring|recruiting|searching for)\s+(?:an?|our (?:next|new))\s+"
    rf"(?:[\w-]+\s+){{0,4}}?(?:{JOB_NOUN})s?\b",
    re.I,
)


def _still_needed(text: str, sent: Span, mentions: list[Mention]) -> list[Mention]:
    spans = [m.span() for m in _NOT_ASKED_AHEAD.finditer(text, sent.start, sent.end)]
    spans += [m.span() for m in _HIRING_A.finditer(text, sent.start, sent.end)]
    spans += [(sent.start, m.start()) for m in _OR_WILLING.finditer(text, sent.start, sent.end)]
    spans += [m.span("duty") for m in _HIRED_TO.finditer(text, sent.start, sent.end)]
    return [m for m in mentions if not any(a <= m.start < b for a, b in spans)]


def _add(
    found: dict[str, Requirement], ask: Ask, sent: Span, nice: bool, pending_ok: bool = False
) -> None:
    ids = tuple(dict.fromkeys(m.skill_id for m in ask.alternatives))
    for m in ask.asked:
        prev = found.get(m.skill_id)
        if prev is None or (prev.must_have is False and not nice):
            alts = ids if len(ids) > 1 else ()
            at = Span(m.start, m.end)
            found[m.skill_id] = Requirement(
                m.skill_id, not nice, sent, alts, ask.similar, at, pending_ok
            )


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
    # "GitOps with Argo CD or Flux", "unit testing with Jest": the practice is asked through the
    # tools named for it, which are the asks.
    drop.update(
        o.skill_id
        for r in reqs
        for o in reqs
        if o.evidence == r.evidence
        and o.at is not None
        and r.at is not None
        and taxonomy[o.skill_id].kind is GoalKind.TECHNICAL
        and taxonomy[r.skill_id].kind is GoalKind.TOOL
        and _WITH_TOOL.fullmatch(text, o.at.end, r.at.start)
    )
    for r in reqs:
        entry = taxonomy[r.skill_id]
        if entry.kind is GoalKind.TOOL and any(
            o.skill_id in entry.broader
            and taxonomy[o.skill_id].kind is GoalKind.TOOL
            and o.evidence == r.evidence
            and not _coordinated(text, r, o)  # "Microsoft Sentinel and KQL": two asks
            for o in reqs
        ):
            drop.add(r.skill_id)
    return [r for r in reqs if r.skill_id not in drop]


_WITH_TOOL = re.compile(r"\s+(?:with|using)\s+(?:(?:the|a|an)\s+)?", re.I)
_AND = re.compile(r"\s*(?:,|and|&|,\s*and)\s*", re.I)


def _coordinated(text: str, a: Requirement, b: Requirement) -> bool:
    if a.at is None or b.at is None:
        return False
    first, second = sorted((a.at, b.at))
    return bool(_AND.fullmatch(text[first.end : second.start]))
