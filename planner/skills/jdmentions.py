"""Which skill mentions in a job-description line are asks: drops the employer's own stack,
settings, team names, field names, qualifiers and the parts a parenthesis lists."""

from __future__ import annotations

import re

from planner.skills.matcher import Mention, find_mentions, qualified_by
from planner.skills.model import GoalKind
from planner.skills.taxonomy import Taxonomy
from planner.skills.text import Span

_EXCLUDED_KINDS = frozenset({GoalKind.SOFT, GoalKind.JOB_SEARCH})


def hard_mentions(text: str, taxonomy: Taxonomy, sent: Span) -> list[Mention]:
    """Curated hard-skill mentions in ``sent``, without the employer's own stack."""
    found = _drop_settings(
        text, _drop_parts(text, find_mentions(text, taxonomy, sent.start, sent.end)), taxonomy
    )
    return [
        m
        for prev, m, nxt in zip([None, *found[:-1]], found, [*found[1:], None], strict=False)
        if not _modifies(text, m, nxt, taxonomy)
        and not _used_in(text, prev, m, taxonomy)
        and not _FIELD_OF.match(text, m.end)
        and not _team_name(text, sent, m)
        and not (nxt is not None and qualified_by(text, m, nxt, taxonomy))
        and taxonomy[m.skill_id].kind not in _EXCLUDED_KINDS
        and taxonomy[m.skill_id].source == "curated"
        and not _EMPLOYER_STACK.search(text[sent.start : m.start])
        and not _setting(text, m, sent)
        and not _degree_subject(text, m, sent)
    ]


# "a degree in geography, environmental science or a related subject": the subjects say which
# degree will do, and any related one does; the ask is the degree, not a skill in each subject.
_DEGREE_IN = re.compile(
    r"\b(?:degree|HNC|HND|BSc|BA|BEng|MSc|bachelor['’]?s|master['’]?s)\b[^.;:\n]{0,25}?\bin\s+"
    r"(?:[\w&'’-]+\s*(?:,\s*|\s+or\s+|\s+and\s+|\s+)){0,8}$",
    re.I,
)
_RELATED_SUBJECT = re.compile(
    r"[^.;:\n]{0,80}?\bor (?:a |an |any |another )?(?:closely |other )?(?:related|relevant|similar"
    r"|allied) (?:subjects?|fields?|disciplines?|areas?|sciences?|degrees?)\b",
    re.I,
)


def _degree_subject(text: str, m: Mention, sent: Span) -> bool:
    return bool(
        _DEGREE_IN.search(text, max(sent.start, m.start - 120), m.start)
        and _RELATED_SUBJECT.match(text[: sent.end], m.end)
    )


# "experience in a manufacturing finance environment", "ideally in a housing or public sector
# setting", "leading a team in a contact centre": where the experience was gained, not a skill.
_IN_A = re.compile(r"\b(?:in|within)\s+(?:a|an)\s+(?:[\w&'-]+\s+){0,3}?$", re.I)
_SETTING_NOUN = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:environments?|settings?|sectors?|industr(?:y|ies)"
    r"|organi[sz]ations?|compan(?:y|ies)|business(?:es)?|contexts?|backgrounds?)\b"
    r"|\s*(?:[.;:)]|,(?!\s*(?:or|and)\b)|$)",
    re.I,
)


# "a regulated environment (e.g. medical devices, pharma)": examples of the setting.
_SETTING_EXAMPLES = re.compile(
    r"\b(?:environments?|settings?|sectors?|industr(?:y|ies))\s*\((?:e\.g\.?,?|such as|for"
    r" example,?|including|like)?\s*(?:[\w&'-]+(?:\s+[\w&'-]+)?\s*(?:,|\bor\b|\band\b|/)\s*){0,3}$",
    re.I,
)
# "hiring for data science or ML roles": whom the recruiter hires, not the recruiter's skill.
_HIRING_FOR = re.compile(
    r"\b(?:hir|recruit|sourc|plac|headhunt)\w*\s+(?:for\s+|into\s+)?(?:[\w&/'-]+\s+){0,4}$", re.I
)
_ROLES = re.compile(
    r"(?:\s*(?:,|/|\bor\b|\band\b)\s*[\w&/+#.-]+){0,3}?\s+(?:roles|positions|vacancies|hires"
    r"|jobs|candidates|talent)\b",
    re.I,
)


def _setting(text: str, m: Mention, sent: Span) -> bool:
    window = max(sent.start, m.start - 60)
    return bool(
        (_IN_A.search(text, sent.start, m.start) and _SETTING_NOUN.match(text[: sent.end], m.end))
        or _SETTING_EXAMPLES.search(text, window, m.start)
        or (_HIRING_FOR.search(text, window, m.start) and _ROLES.match(text[: sent.end], m.end))
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


# "manufacturing industry knowledge", "the retail sector": the field the job is in, not a skill.
_FIELD_OF = re.compile(r"[ \t]+(?:industr(?:y|ies)|sectors?)\b", re.I)


# "Our analytics team of six", "our finance department": the employer's team, not an ask ("the
# payroll function" may be what the applicant is asked to have run).
_OUR_BEFORE = re.compile(r"\bour(?:\s+[\w&'’-]+){0,2}\s+$", re.I)
_TEAM_AFTER = re.compile(
    r"(?:\s+[\w&'’-]+)?\s+(?:teams?|department|function|office|division|practice|unit)\b", re.I
)


def _team_name(text: str, sent: Span, m: Mention) -> bool:
    return bool(
        _OUR_BEFORE.search(text, max(sent.start, m.start - 40), m.start)
        and _TEAM_AFTER.match(text[: sent.end], m.end)
    )


def _used_in(text: str, prev: Mention | None, m: Mention, taxonomy: Taxonomy) -> bool:
    """A one-word practice right after a tool is done in that tool: "Epic documentation",
    "Salesforce reporting" ask for the tool."""
    return (
        prev is not None
        and text[prev.end : m.start] == " "
        and taxonomy[prev.skill_id].kind is GoalKind.TOOL
        and taxonomy[m.skill_id].kind is GoalKind.TECHNICAL
        and m.n_tokens == 1
        and not m.case_sensitive
    )


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
    r"|systems?|platforms?) (?:is|are|includes?))\b[^.;:()]{0,40}$"
    # "Our engineering office of 25 works in SolidWorks", "our agents work in Zendesk", "the
    # site moved to SAP EWM last year": where the employer's people work, not an ask
    r"|\b(?:we|our(?: [\w&'’-]+){1,5}) (?:works?|runs?) (?:in|on|with)\b[^.;:()]{0,60}$"
    r"|\b(?:moved|migrated|went live|go live) (?:on)?to\b[^.;:()]{0,30}$",
    re.I,
)


# "SIEM experience (Splunk or Sentinel)": the parenthesis still lists parts of the skill.
_FILLER = re.compile(
    r"\s*(?:(?:experience|skills?|knowledge|tools?|tooling|platforms?|systems?|software)\s*){0,2}",
    re.I,
)


def _drop_parts(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop the parts a parenthesis lists after a skill: "AWS (EC2, IAM, VPC)" asks for AWS."""
    out: list[Mention] = []
    head_end = -1
    for m in mentions:
        opened = text.rfind("(", 0, m.start)
        if (
            opened > head_end >= 0
            and _FILLER.fullmatch(text, head_end, opened)
            and ")" not in text[opened : m.start]
        ):
            continue
        out.append(m)
        head_end = m.end
    return out
