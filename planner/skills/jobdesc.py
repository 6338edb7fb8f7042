"""Requirements of a job description and skills a resume shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from planner.skills.cues import Cue, find_cues
from planner.skills.matcher import Mention, find_mentions, qualified_by
from planner.skills.model import GoalKind
from planner.skills.paraphrase import find_paraphrases
from planner.skills.segment import is_boilerplate, sentences
from planner.skills.taxonomy import Taxonomy
from planner.skills.text import Span, clean_document

_HEADING = re.compile(r"^[ \t#*]*([A-Za-z][^\n.!?]{0,70}?)[ \t]*:?[ \t*]*$")
_HEADING_WORDS = 8
# Checked in order. "duty" sections (responsibilities, the role, "you will ...") say what the
# job does, not what the applicant must already know, so they are not mined; neither are
# "skip" sections (company blurb, benefits, selection process, equal opportunities).
_SECTION_KIND = (
    (
        "skip",
        re.compile(
            r"about (?!(?:you|the (?:role|job|position|post|opportunity|team)|this role)\b)\w+"
            r"|who we are|our (?:mission|story|values|culture|benefits)|benefits|perks|package"
            r"|what we offer|we offer|in it for you|why (?:join|work|\w+$)|compensation|salary"
            r"|equal (?:employment )?opportunit|eeo|diversity|how to apply|life at|the process"
            r"|interview process|selection process|location|working (?:here|with us)|behaviours",
            re.I,
        ),
    ),
    (
        "duty",
        re.compile(
            r"responsibilit|duties|accountabilit|what you(?:'ll| will) (?:do|be doing)"
            r"|day[- ]to[- ]day|in this role|(?:about |^)the role|role (?:overview|summary)"
            r"|about the (?:job|position|post|opportunity|team)|the opportunity|your role"
            r"|job (?:summary|purpose|description)|you will\b|you'll\b(?! need| bring)|key tasks",
            re.I,
        ),
    ),
    (
        "nice",
        re.compile(
            r"nice[- ]to[- ]have|bonus|preferred|plus(?:es)?\b|desirable|good to have|"
            r"would be (?:great|nice)|extra credit|not required|ideally|optional|advantage"
            r"|an asset|beneficial",
            re.I,
        ),
    ),
    (
        "must",
        re.compile(
            r"requirement|required|must[- ]have|qualifications?|what you(?:'ll)? (?:bring|need)|"
            r"you (?:have|bring|are|need|will (?:have|need|bring))|essential|minimum|basic"
            r"|looking for|skills|experience|about you|your profile|who you are|person spec"
            r"|criteria|successful candidate|need from you|competenc|the person\b|the candidate\b",
            re.I,
        ),
    ),
)
# "You will lead a team of 40", "Reporting to the COO, you'll own ...": a duty line, wherever
# it stands. "You will have / need / bring ..." states a requirement.
_DUTY_LINE = re.compile(
    r"(?<!\bas )(?<!\bso )(?<!\bif )(?<!\bwhere )(?<!\bwhen )(?<!\bsince )(?<!\bbecause )"
    r"(?<!\bwhich )(?<!\bthat )\byou(?: will|'ll)\s+"
    r"(?!(?:need|have|bring|hold|possess|already|ideally|also have|be (?!\w+ing\b)\w+)\b)\w+",
    re.I,
)
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
    r"|aspiring)\b[^.;\n]{0,60}",
    re.I,
)
_BULLET = re.compile(r"\s*(?:[-*•·▪●◦]|\d{1,2}[.)])\s+")
_EXCLUDED_KINDS = frozenset({GoalKind.SOFT, GoalKind.JOB_SEARCH})
_SHOWS_PREREQUISITES = frozenset({GoalKind.CERTIFICATION, GoalKind.TOOL})


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


class Shown(dict[str, frozenset[str]]):
    """Skill ids a resume shows (each with the ids named that show it), plus ``pending``: the
    ids it names as in progress ("studying for CIPS"), which meet only a job that accepts them.
    """

    pending: frozenset[str] = frozenset()


def _section_kind(line: str) -> str | None:
    m = _HEADING.match(line)
    if not m or len(line.split()) > _HEADING_WORDS:
        return None
    for kind, rx in _SECTION_KIND:
        if rx.search(m.group(1)):
            return kind
    return None


def requirements(text: str, taxonomy: Taxonomy) -> list[Requirement]:
    """Hard skills a job description asks for, must-have unless its wording says otherwise.

    The title block, company blurbs, duties ("Responsibilities", "You will ..."), benefits and
    equal-opportunity sections are skipped; soft skills and job-search skills are left out,
    since no resume is expected to list them.
    """
    clean = clean_document(text)
    found: dict[str, Requirement] = {}
    section = "must"
    in_header = True  # the job title and employer lines above the first heading or prose
    for sent in sentences(clean):
        chunk = clean[sent.start : sent.end]
        mentions = _hard_mentions(clean, taxonomy, sent)
        kind = _heading_kind(chunk, bool(mentions))
        if in_header and kind is None and _looks_like_title(chunk):
            continue  # "Investment Banking Analyst", "Tallyfy Cloud": the job and the employer
        in_header = False
        here = section
        if kind is not None:
            if not chunk.partition(":")[2].strip() and not mentions:
                section = kind
                continue
            here = kind  # "Nice to have: Canva, basic HTML"
        if (
            here in ("skip", "duty")
            or is_boilerplate(chunk)
            or _DUTY_LINE.search(chunk)
            or _CONDITION.search(chunk)
        ):
            continue
        hits = [h for h in find_cues(clean, sent.start, sent.end) if h.cue is Cue.NICE]
        # "ideally" / "preferably" make nice what follows them, not what came before:
        # "complaint handling, ideally in a regulated industry" still asks for complaint handling.
        ahead = [h.start for h in hits if _NICE_AHEAD.fullmatch(clean, h.start, h.end)]
        nice = here == "nice" or len(ahead) < len(hits)
        pending_ok = bool(_ACCEPTS_PENDING.search(chunk))
        for ask in _groups(clean, sent, mentions):
            first = min(m.start for m in ask.asked)
            _add(found, ask, sent, nice or any(a < first for a in ahead), pending_ok)
    return _specific_first(clean, list(found.values()), taxonomy)


_NICE_AHEAD = re.compile(r"ideally|preferabl\w+", re.I)
# "An enhanced DBS check is required", "This post is subject to security clearance": a condition
# of the offer, checked by the employer, not a skill to show.
_CONDITION = re.compile(
    r"\b(?:(?:post|role|position|job|appointment|offer)s? (?:is|are|will be) (?:subject to"
    r"|conditional on)|(?:checks?|clearance|vetting|screening|disclosure) (?:is|are|will be)"
    r" (?:required|needed|carried out|undertaken)|(?:successful|all) (?:candidates?|applicants?)"
    r" (?:will|must) (?:be required to )?(?:undergo|pass|obtain))\b",
    re.I,
)


def _heading_kind(chunk: str, has_mentions: bool) -> str | None:
    """The section a heading line opens, or None; a line naming skills is not a bare heading."""
    if _BULLET.match(chunk):
        return None
    head, colon, _ = chunk.partition(":")
    if not colon and has_mentions:
        return None
    return _section_kind(head if colon else chunk)


def _hard_mentions(text: str, taxonomy: Taxonomy, sent: Span) -> list[Mention]:
    """Curated hard-skill mentions in ``sent``, without the employer's own stack."""
    found = _drop_settings(
        text, _drop_parts(text, find_mentions(text, taxonomy, sent.start, sent.end)), taxonomy
    )
    return [
        m
        for m, nxt in zip(found, [*found[1:], None], strict=False)
        if not _modifies(text, m, nxt, taxonomy)
        and not (nxt is not None and qualified_by(text, m, nxt, taxonomy))
        and taxonomy[m.skill_id].kind not in _EXCLUDED_KINDS
        and taxonomy[m.skill_id].source == "curated"
        and not _EMPLOYER_STACK.search(text[sent.start : m.start])
        and not _setting(text, m, sent)
    ]


# "experience in a manufacturing finance environment", "ideally in a housing or public sector
# setting", "leading a team in a contact centre": where the experience was gained, not a skill.
_IN_A = re.compile(r"\b(?:in|within)\s+(?:a|an)\s+(?:[\w&'-]+\s+){0,3}?$", re.I)
_SETTING_NOUN = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:environments?|settings?|sectors?|industr(?:y|ies)"
    r"|organi[sz]ations?|compan(?:y|ies)|business(?:es)?|contexts?|backgrounds?)\b"
    r"|\s*(?:[.;:)]|,(?!\s*(?:or|and)\b)|$)",
    re.I,
)


def _setting(text: str, m: Mention, sent: Span) -> bool:
    return bool(
        _IN_A.search(text, sent.start, m.start) and _SETTING_NOUN.match(text[: sent.end], m.end)
    )


# "cloud security monitoring in AWS or Azure": either platform will do, so they say where the
# asked skill is practised, not a further ask.
_IN_SETTING = re.compile(r"\s+in\s+(?:(?:a|an|the)\s+)?")
_OR_NEXT = re.compile(r"\s*(?:,|/|\bor\b)\s*", re.I)


def _drop_settings(text: str, mentions: list[Mention], taxonomy: Taxonomy) -> list[Mention]:
    drop: set[int] = set()
    for i in range(1, len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        if (
            _IN_SETTING.fullmatch(text, mentions[i - 1].end, first.start)
            and _OR_NEXT.fullmatch(text, first.end, second.start)
            and taxonomy[first.skill_id].kind is GoalKind.TOOL
            and taxonomy[second.skill_id].kind is GoalKind.TOOL
            and taxonomy[mentions[i - 1].skill_id].kind is not GoalKind.TOOL
        ):
            drop.update((i, i + 1))
    return [m for i, m in enumerate(mentions) if i not in drop]


def _modifies(text: str, m: Mention, nxt: Mention | None, taxonomy: Taxonomy) -> bool:
    """A one-word concept right before another skill qualifies it ("cloud HRIS")."""
    return (
        nxt is not None
        and text[m.end : nxt.start] == " "
        and taxonomy[m.skill_id].kind is GoalKind.TECHNICAL
        and m.n_tokens == 1
    )


# "(we use PostgreSQL)", "we run SAP EWM": what the employer has, not what it asks for.
_EMPLOYER_STACK = re.compile(
    r"\b(?:we(?:'re| are)? (?:use|using|run|running|live in|work (?:with|in))|our (?:stack|tools?"
    r"|systems?|platforms?) (?:is|are|includes?))\b[^.;:()]{0,40}$",
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
    if _BULLET.match(line):
        return False  # "- Experience of NEC and JCT contracts": a requirement, not the title
    rows = line.split("\n")  # "Staff Nurse (Band 5)\nRiverside Teaching Hospitals NHS Trust"
    return len(rows) <= 3 and all(
        len(re.findall(r"\w+", r)) <= 8 and not re.search(r"[.!?:,]\s*$", r) for r in rows
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


def shown_skills(text: str, taxonomy: Taxonomy) -> frozenset[str]:
    """Skill ids a resume shows, with everything broader than them (AWS shows cloud computing)."""
    return frozenset(shown_via(text, taxonomy))


def shown_via(text: str, taxonomy: Taxonomy) -> Shown:
    """Skill ids a resume shows, each with the ids named in the resume that show it.

    Besides skill names, the topic phrases of the paraphrase lexicon count ("tracked costs
    against quotes" shows budget management; "packaged models in Docker" shows MLOps); phrases
    that state a shortfall do not.
    """
    clean = clean_document(text)
    via: dict[str, set[str]] = {}
    not_yet = [m.span() for m in _NOT_YET.finditer(clean)]
    wanted = [m.span() for m in _ASPIRATION.finditer(clean)]
    pending: set[str] = set()
    named = [(m.skill_id, m.start, m.end) for m in find_mentions(clean, taxonomy)]
    named.extend(
        (p.skill_id, p.start, p.end)
        for p in find_paraphrases(clean)
        if not p.states_gap and p.skill_id in taxonomy
    )
    for skill_id, start, end in named:
        if any(a <= start and end <= b for a, b in wanted):
            continue  # "looking to move into acute medicine": not shown
        ids = {skill_id} | taxonomy.ancestors(skill_id)
        if taxonomy[skill_id].kind in _SHOWS_PREREQUISITES:
            # a cert shows what it certifies; a tool used shows what it is built on (MySQL: SQL)
            ids.update(taxonomy[skill_id].prerequisites)
        if any(a <= end and start <= b for a, b in not_yet):
            pending.add(skill_id)  # "QTS pending", "studying for the CPA": not shown yet
            continue
        for sid in ids:
            via.setdefault(sid, set()).add(skill_id)
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
        return any(b in via for sid in r.alternatives or (r.skill_id,) for b in tx[sid].broader)
    return False
