"""Which skills of a job-description line are asked together: alternatives ("Python or Go",
"Zendesk or a similar tool"), examples of a category ("a BI tool such as Tableau or Looker") and
a tool preferred within its category ("an HRIS, ideally Workday")."""

from __future__ import annotations

import re
from typing import NamedTuple

from planner.skills.matcher import Mention
from planner.skills.model import GoalKind
from planner.skills.taxonomy import Taxonomy
from planner.skills.text import Span

# "a BI tool such as Tableau, Looker or Power BI": the tools are examples of one ask.
_EXAMPLES = re.compile(
    r"\s*(?:,\s*)?(?:such as|e\.g\.?,?|for example,?|for instance,?|including|"
    r"(?<!would )(?<!'d )like)\s+$|(?<=\w):\s+(?:[\w.&'-]+(?:\s+[\w.&'-]+)?\s*,\s*){0,2}$",
    re.I,
)


_HEAD_GAP = 4  # words between a category ("an ERP system") and "such as"


class Ask(NamedTuple):
    """Skills a bullet asks for together: any one of ``alternatives`` meets the ask."""

    asked: list[Mention]  # each becomes a requirement
    alternatives: list[Mention]
    similar: bool  # a comparable skill (same parent) meets it too


def groups(text: str, sent: Span, mentions: list[Mention], taxonomy: Taxonomy) -> list[Ask]:
    """Alternative groups; an example list joins the category it illustrates, as one ask
    met by anything comparable ("an ERP system such as Sage 200, Oracle or SAP"); a tool
    preferred within a category joins it ("a CRM, ideally Salesforce")."""
    out: list[Ask] = []
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
        out.extend(Ask(g, g, similar) for g, similar in _alternatives(text, run))
        run = []
        j = i + 1
        while j < len(mentions) and _LIST_LINK.fullmatch(
            text[mentions[j - 1].end : mentions[j].start]
        ):
            j += 1
        examples = mentions[i:j]
        head = _example_head(text, out, trigger.start())
        if head and {m.skill_id for m in examples} <= {head[0].skill_id}:
            out.append(Ask(head, head, False))  # "SEO, including technical SEO": one ask
        else:
            out.append(Ask(examples, [*examples, *head], True))
        i = j
    out.extend(Ask(g, g, similar) for g, similar in _alternatives(text, run))
    return _preferred_kind(text, [_without_placeholder(text, a) for a in out], taxonomy)


# "an HRIS, ideally Workday", "a hotel property management system; Opera PMS ideal", "a LIMS
# (LabWare preferred)": the named tool is the job's preference within the category. One ask: any
# system of the kind meets it, and if none is shown the goal is the preferred tool.
_PREFERENCE_BEFORE = re.compile(
    r"\s*[,;(\-–—]?\s*(?:ideally|preferably|especially|particularly)(?:\s+(?:with|using|in))?\s+",
    re.I,
)


_PREFERENCE_AROUND = re.compile(r"\s*[,;(\-–—]\s*", re.I)


_PREFERENCE_AFTER = re.compile(r"\s+(?:preferred|ideal|desirable|a plus)\b", re.I)


_CATEGORY_LABEL = re.compile(r"\b(?:systems?|software|platforms?|tools?|packages?)$", re.I)


def _preferred_kind(text: str, asks: list[Ask], taxonomy: Taxonomy) -> list[Ask]:
    out: list[Ask] = []
    for ask in asks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(prev.asked) == 1
            and len(ask.asked) == 1
            and prev.alternatives == prev.asked
            and ask.alternatives == ask.asked
            and _prefers(text, prev.asked[0], ask.asked[0], taxonomy)
        ):
            tool, kind = ask.asked[0], prev.asked[0]
            out[-1] = Ask([tool], [tool, kind], False)
            continue
        out.append(ask)
    return out


def _prefers(text: str, kind: Mention, tool: Mention, taxonomy: Taxonomy) -> bool:
    """Whether ``tool`` is named as the preferred one of the category ``kind`` before it."""
    between = (kind.end, tool.start)
    named = bool(
        _PREFERENCE_BEFORE.fullmatch(text, *between)
        or (
            _PREFERENCE_AROUND.fullmatch(text, *between) and _PREFERENCE_AFTER.match(text, tool.end)
        )
    )
    entry = taxonomy[tool.skill_id]
    return named and (
        kind.skill_id in taxonomy.ancestors(tool.skill_id)
        or (
            entry.kind is GoalKind.TOOL
            and bool(_CATEGORY_LABEL.search(taxonomy[kind.skill_id].label))
        )
    )


# "Cvent or a similar event management platform": the category after "or a similar" stands for
# whatever is comparable; the named tool is the ask, and anything of the category meets it.
_SIMILAR_BEFORE = re.compile(
    r"\bor\s+(?:(?:a|an|any|another)\s+)?(?:similar|equivalent|comparable|other)\s+$", re.I
)


def _without_placeholder(text: str, ask: Ask) -> Ask:
    if not ask.similar or len(ask.asked) < 2:
        return ask
    kept = [m for m in ask.asked if not _SIMILAR_BEFORE.search(text, max(0, m.start - 30), m.start)]
    return Ask(kept, ask.alternatives, ask.similar) if kept else ask


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


def _example_head(text: str, asks: list[Ask], trigger: int) -> list[Mention]:
    """Take the category named just before "such as" out of ``asks``, if there is one."""
    if not asks or len(asks[-1].asked) != 1:
        return []
    head = asks[-1].asked[0]
    gap = text[head.end : trigger]
    if len(gap.split()) > _HEAD_GAP or re.search(r"[.;:()]", gap):
        return []
    asks.pop()
    return [head]


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
