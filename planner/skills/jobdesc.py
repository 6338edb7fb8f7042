"""Requirements of a job description and skills a resume shows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from planner.skills.cues import Cue, find_cues
from planner.skills.evidence import Shown as Shown
from planner.skills.evidence import meets as meets
from planner.skills.evidence import shown_skills as shown_skills
from planner.skills.evidence import shown_via as shown_via
from planner.skills.jdmentions import hard_mentions
from planner.skills.jdsections import heading_kind, looks_like_title
from planner.skills.matcher import Mention
from planner.skills.model import GoalKind
from planner.skills.segment import is_boilerplate, sentences
from planner.skills.taxonomy import Taxonomy
from planner.skills.text import BULLET, Span, clean_document

# "You will lead a team of 40", "Reporting to the COO, you'll own ...": a duty line, wherever
# it stands. "You will have / need / bring ..." states a requirement.
_DUTY_LINE = re.compile(
    r"(?<!\bas )(?<!\bso )(?<!\bif )(?<!\bwhere )(?<!\bwhen )(?<!\bsince )(?<!\bbecause )"
    r"(?<!\bwhich )(?<!\bthat )\b(?:you|the (?:successful )?(?:candidate|applicant|post ?holder"
    r"|job ?holder|role ?holder)|the successful person)(?: will|'ll)\s+"
    r"(?!(?:need|have|bring|hold|possess|already|ideally|also have|be (?!(?:responsible|accountable"
    r"|in charge|tasked)\b)(?!\w+ing\b)\w+)\b)\w+",
    re.I,
)


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
    for sent in _pieces(clean, sentences(clean)):
        chunk = clean[sent.start : sent.end]
        mentions = hard_mentions(clean, taxonomy, sent)
        kind = heading_kind(chunk, bool(mentions))
        if in_header and kind is None and looks_like_title(chunk):
            header.extend(chunk.split("\n"))
            continue  # "Investment Banking Analyst", "Tallyfy Cloud": the job and the employer
        in_header = False
        here = section
        if kind is not None:
            # a bare heading opens a section, even one naming a skill ("About Apex")
            if not chunk.partition(":")[2].strip() and (not mentions or ":" not in chunk):
                section, headed = kind, kind in ("must", "nice")
                continue
            here = kind  # "Nice to have: Canva, basic HTML"
        if (
            here in ("skip", "duty")
            or is_boilerplate(chunk)
            or _DUTY_LINE.search(chunk)
            or _CONDITION.search(chunk)
            or _OFFERED.search(chunk)
            or _ROLE_INVOLVES.search(chunk)
            or _about_employer(chunk, header)
            or (not headed and kind is None and _DUTY_BULLET.match(chunk))
        ):
            continue
        hits = [h for h in find_cues(clean, sent.start, sent.end) if h.cue is Cue.NICE]
        # "ideally" / "preferably" make nice what follows them, not what came before:
        # "complaint handling, ideally in a regulated industry" still asks for complaint handling.
        ahead = [h.start for h in hits if _NICE_AHEAD.fullmatch(clean, h.start, h.end)]
        nice = here == "nice" or len(ahead) < len(hits) or bool(_NICE_INLINE.search(chunk))
        mark = _MARKER.search(chunk)  # "Care Certificate (D)", "18th Edition | E"
        if mark is not None:
            nice = mark.group(1)[0] in "Dd"
        pending_ok = bool(_ACCEPTS_PENDING.search(chunk))
        for ask in _groups(clean, sent, _still_needed(clean, sent, mentions)):
            first = min(m.start for m in ask.asked)
            late = any(_clause_ends_ideal(clean, m.end, sent.end) for m in ask.asked)
            # "CIPD Level 5 or equivalent experience": experience will do instead
            late = late or any(
                taxonomy[m.skill_id].kind is GoalKind.CERTIFICATION
                and _OR_EXPERIENCE.match(clean[: sent.end], m.end)
                for m in ask.asked
            )
            strength = nice or late or any(a < first for a in ahead)
            if _BILINGUAL.search(clean, max(sent.start, first - 25), first):
                for m in ask.asked:  # "Bilingual English/Spanish": both languages are asked
                    _add(found, _Ask([m], [m], False), sent, strength, pending_ok)
                continue
            _add(found, ask, sent, strength, pending_ok)
    return _specific_first(clean, list(found.values()), taxonomy)


# "- Prepare monthly VAT returns" under no requirement heading: a duty, stated as a task.
_DUTY_BULLET = re.compile(
    BULLET.pattern + r"(?:(?:prepare|manage|deliver|maintain|coordinate|ensure|develop"
    r"|create|assist|handle|liaise|monitor|conduct|produce|oversee|provide|respond|resolve|organi[sz]e"
    r"|supervise|collaborate|implement|perform|operate|install|inspect|greet|administer|update"
    r"|analy[sz]e|negotiate|recruit|advise|chase|reconcile|raise|attend)s?|carr(?:y|ies) out"
    r"|processes)\b",
    re.I,
)
_BILINGUAL = re.compile(r"\b(?:bilingual|fluent in both|both)\b[^.;:\n]*$", re.I)


# "18th Edition Wiring Regulations | E", "Care Certificate (D)", "MCIPS - Essential": a person
# specification's marker at the end of a line says whether the line is essential or desirable.
_MARKER = re.compile(
    r"(?:[|(\[\-–—:]|\s{2,}|\t)\s*((?-i:E|D)|essential|desirable)\s*[)\]]?\s*$", re.I
)
# "the role involves running payroll", "Your day will include ...": what the job does.
_ROLE_INVOLVES = re.compile(
    r"\b(?:the|this|your) (?:role|job|position|post|day|week)(?: will)?"
    r" (?:involves?|includes?|covers?|consists? of)\b"
    r"|^\W*(?:responsible|accountable) for\b|\b(?:key |main )?(?:duties|responsibilities|tasks)"
    r" (?:will )?include\b",
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


# "We're AS9100 certified", "Our data team supports trading and marketing", "Brackley is a
# regional contractor": the employer describing itself, not an ask. A sentence that speaks to
# or about the applicant ("we're looking for", "you", "experience") is still read.
_EMPLOYER_OPENING = re.compile(
    r"(?:(?:founded|established|based|headquartered|with|since|as|for over|in)\b[^,.]{0,60},\s*)?"
    r"(?:we\b|we['’](?:re|ve)\b|our\b|at [A-Z][^,]{0,40},? we\b|(?:the|this) (?:company|business"
    r"|firm|organi[sz]ation|practice|group|charity|trust|agency|brand)\b)"
    r"|this is an? (?:\w+ )?(?:time|opportunity) to join\b|join (?:a|an|our|us|the)\b",
    re.I,
)
_INTRO = re.compile(
    r"(?:founded|established|based|headquartered|with|since|as|in)\b[^,.]{0,60},\s*", re.I
)
_ASKS_APPLICANT = re.compile(
    r"\b(?:you|your|candidates?|applicants?|someone|somebody|anyone|individuals?|person|looking"
    r"|seeking|searching|need|needs|requir\w*|must|ideally|experience\w*|knowledge|skills?"
    r"|familiar\w*|proficien\w*|qualifi\w*|background|expect\w*|want|love|hop\w+|hir\w+"
    r"|recruit\w*)\b",
    re.I,
)


def _about_employer(chunk: str, header: list[str]) -> bool:
    if BULLET.match(chunk) or _ASKS_APPLICANT.search(chunk):
        return False
    if _EMPLOYER_OPENING.match(chunk):
        return True
    intro = _INTRO.match(chunk)  # "With 300 stores, Pennywise is ..."
    rest = chunk[intro.end() :] if intro else chunk
    first = rest.split(None, 1)[0] if rest.split() else ""
    # "Brackley is ..." under "Brackley Construction Group": the employer's name, not the title
    names = {line.split()[0] for line in header[1:] if line.split()}
    return first[:1].isupper() and first in names



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
# "Python would be beneficial", "HubSpot is helpful": the bullet is a nice-to-have.
_NICE_INLINE = re.compile(
    r"\b(?:would|will|could) be (?:beneficial|an advantage|advantageous|a plus|a bonus|desirable"
    r"|helpful|useful|nice|great|an asset|lovely|welcomed?)\b|\b(?:is|are) (?:desirable"
    r"|beneficial|advantageous|helpful|useful|welcome|a plus|a bonus|an asset)\b"
    # "We'd love it if you have Figma", "it would be nice if you knew Python"
    r"|\bwe['’]d (?:love|like) (?:it )?if\b|\bit would be (?:nice|great|good|lovely) if\b",
    re.I,
)
# "Full training will be provided in Opera PMS", "we'll support you to gain your CIPD": what the
# job offers to teach, not what the applicant must bring.
_OFFERED = re.compile(
    r"\b(?:(?:full|on[- ]the[- ]job|comprehensive|paid|funded) training|training (?:will be |is )?"
    r"(?:provided|given|available)|we(?:['’]ll| will) (?:train|teach|support|fund|sponsor|help) you"
    r"|you(?:['’]ll| will) be (?:trained|supported|funded|taught)"
    r"|support (?:you )?to (?:gain|achieve|complete|obtain|study))\b",
    re.I,
)
# "no experience of Tableau needed", "willingness to learn Python", "a passion for data": what
# follows in the clause is not asked of the applicant.
_NOT_ASKED_AHEAD = re.compile(
    r"\b(?:no (?:prior |previous )?(?:experience|knowledge)|willing(?:ness)? to (?:learn|train"
    r"|develop|study)|(?:keen|eager)(?:ness)? to learn|(?:an )?interest in|passion for|enthusiasm"
    r" for|(?:opportunity|chance) to (?:learn|develop|gain|grow)|develop your)\b[^,;.:\n]*",
    re.I,
)


def _still_needed(text: str, sent: Span, mentions: list[Mention]) -> list[Mention]:
    spans = [m.span() for m in _NOT_ASKED_AHEAD.finditer(text, sent.start, sent.end)]
    return [m for m in mentions if not any(a <= m.start < b for a, b in spans)]


# "An enhanced DBS check is required", "This post is subject to security clearance": a condition
# of the offer, checked by the employer, not a skill to show.
_CONDITION = re.compile(
    r"\b(?:(?:post|role|position|job|appointment|offer)s? (?:is|are|will be) (?:subject to"
    r"|conditional on)|(?:checks?|clearance|vetting|screening|disclosure) (?:is|are|will be)"
    r" (?:required|needed|carried out|undertaken)|(?:successful|all) (?:candidates?|applicants?)"
    r" (?:will|must) (?:be required to )?(?:undergo|pass|obtain))\b",
    re.I,
)


# "a BI tool such as Tableau, Looker or Power BI": the tools are examples of one ask.
_EXAMPLES = re.compile(
    r"\s*(?:,\s*)?(?:such as|e\.g\.?,?|for example,?|for instance,?|including|"
    r"(?<!would )(?<!'d )like)\s+$|(?<=\w):\s+(?:[\w.&'-]+(?:\s+[\w.&'-]+)?\s*,\s*){0,2}$",
    re.I,
)
_HEAD_GAP = 4  # words between a category ("an ERP system") and "such as"


class _Ask(NamedTuple):
    """Skills a bullet asks for together: any one of ``alternatives`` meets the ask."""

    asked: list[Mention]  # each becomes a requirement
    alternatives: list[Mention]
    similar: bool  # a comparable skill (same parent) meets it too


def _groups(text: str, sent: Span, mentions: list[Mention]) -> list[_Ask]:
    """Alternative groups; an example list joins the category it illustrates, as one ask
    met by anything comparable ("an ERP system such as Sage 200, Oracle or SAP")."""
    out: list[_Ask] = []
    run: list[Mention] = []
    i = 0
    while i < len(mentions):
        start = mentions[i].start
        trigger = _EXAMPLES.search(text, max(sent.start, start - 40), start)
        if trigger is not None and trigger.group(0)[0] == ":" and not _colon_head(text, run):
            trigger = None  # "Nice to have: Canva, HTML" lists asks; "KPIs: AHT, CSAT" examples
        if trigger is None:
            run.append(mentions[i])
            i += 1
            continue
        out.extend(_Ask(g, g, similar) for g, similar in _alternatives(text, run))
        run = []
        j = i + 1
        while j < len(mentions) and _LIST_LINK.fullmatch(
            text[mentions[j - 1].end : mentions[j].start]
        ):
            j += 1
        examples = mentions[i:j]
        head = _example_head(text, out, trigger.start())
        if head and {m.skill_id for m in examples} <= {head[0].skill_id}:
            out.append(_Ask(head, head, False))  # "SEO, including technical SEO": one ask
        else:
            out.append(_Ask(examples, [*examples, *head], True))
        i = j
    out.extend(_Ask(g, g, similar) for g, similar in _alternatives(text, run))
    return out


_LIST_LINK = re.compile(
    r"\s*(?:,|/|\bor\b|\band\b|,\s*(?:or|and)\b)\s*(?:[\w.+#&'-]+\s*){0,2}?"
    r"(?:(?:,|/|\bor\b|\band\b)\s*)?",
    re.I,
)


def _colon_head(text: str, run: list[Mention]) -> bool:
    """Whether the words before a colon end in a skill ("contact centre KPIs: AHT, CSAT")."""
    if not run:
        return False
    gap = text[run[-1].end : text.find(":", run[-1].end)]
    return len(gap.split()) <= 1 and not re.search(r"[.;()]", gap)


def _example_head(text: str, asks: list[_Ask], trigger: int) -> list[Mention]:
    """Take the category named just before "such as" out of ``asks``, if there is one."""
    if not asks or len(asks[-1].asked) != 1:
        return []
    head = asks[-1].asked[0]
    gap = text[head.end : trigger]
    if len(gap.split()) > _HEAD_GAP or re.search(r"[.;:()]", gap):
        return []
    asks.pop()
    return [head]


def _add(
    found: dict[str, Requirement], ask: _Ask, sent: Span, nice: bool, pending_ok: bool = False
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


# "Python or Go"; "AP automation or fintech", "Anaplan, Adaptive or Pigment": an item the
# taxonomy does not know may stand between two alternatives.
_OR = re.compile(
    r"(?:\s*,?\s*(?!or\b)[\w.+#&'-]+){0,2}?\s*(?:,\s*)?(?:\bor\b|/)\s*(?:(?:a|an|any|another|other)\s+)?"
    r"(?:similar\s+|equivalent\s+|comparable\s+)?(?:[\w-]+\s+)?",
    re.I,
)
_COMMA = re.compile(r"\s*,\s*")
# "Zendesk or a similar tool", "AWS or another public cloud", "SolidWorks (or a similar CAD
# package)": a comparable skill meets the ask.
_OR_SIMILAR = re.compile(
    r"\s*(?:,\s*|\(\s*)?or (?:another\b|(?:a |an |any )?(?:similar|equivalent|comparable|other)\b)",
    re.I,
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
    similar = any(_OR_SIMILAR.match(text, m.end) for m in chain)
    if has_or or (similar and _OR_SIMILAR.match(text, chain[-1].end)):  # "Kafka, Pulsar or similar"
        return [(chain, similar)]
    return [([m], similar and m is chain[-1]) for m in chain]  # a list of separate asks


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
