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
    school = bool(_SCHOOL_GRADES.search(text, sent.start, sent.end))
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
        and not _job_title(text, sent, m)
        and not (school and taxonomy[m.skill_id].kind in _SUBJECT_KINDS)
    ]


# "Good literacy and numeracy (GCSE English and maths at grade 4/C or above)": school grades a
# line asks for; the subjects and "literacy and numeracy" are no skills to build.
_SCHOOL_GRADES = re.compile(
    r"\b(?:GCSEs?|IGCSEs?|O[- ]levels?|A[- ]levels?|Standard Grades?|Highers|National 5s?"
    r"|Functional Skills)\b[^.;\n]{0,60}?(?:\bgrades?\b|\b[A-C9]\s*[-–/*]\s*[4-9A-C]\b"
    r"|\bor (?:above|higher|equivalent)\b|\blevel [12]\b)",
)
_SUBJECT_KINDS = frozenset({GoalKind.TECHNICAL, GoalKind.LANGUAGE})


# "a degree in geography, environmental science or a related subject", "Degree or HNC in
# microbiology or a biological science", "a degree in accounting or finance": the subjects say
# which degree will do, and any of them does; the ask is the degree, not a skill in each subject.
# A single subject with no alternative ("a degree in computer science") is still read.
_DEGREE_IN = re.compile(
    r"\b(?:degree|HNC|HND|BSc|BA|BEng|MEng|MSc|diploma|bachelor['’]?s|master['’]?s)\b[^.;:\n]{0,25}?"
    r"\bin\s+((?:(?!(?:with|experience|knowledge|skills?|plus|including|using)\b)[\w&'’-]+\s*"
    r"(?:,\s*|/\s*|\s+or\s+|\s+and\s+|\s+)){0,8})$",
    re.I,
)
_RELATED_SUBJECT = re.compile(
    r"[^.;:\n]{0,80}?\bor (?:a |an |any |another )?(?:closely |other )?(?:[\w-]+ ){0,2}(?:subjects?"
    r"|fields?|disciplines?|areas?|sciences?|degrees?)\b|[^.;:\n]{0,80}?\bor (?:an? )?equivalent\b",
    re.I,
)
# "maths, economics or physics": a list of subjects that ends in "or"
_OR_SUBJECT = re.compile(
    r"(?:\s*,\s*[\w&'’-]+(?:\s+[\w&'’-]+)?){0,4}\s*(?:,\s*)?(?:\bor\b|/)\s*\w", re.I
)


def _degree_subject(text: str, m: Mention, sent: Span) -> bool:
    lead = _DEGREE_IN.search(text, max(sent.start, m.start - 120), m.start)
    if lead is None:
        return False
    return bool(
        re.search(r"\bor\b|/", lead.group(1), re.I)
        or _OR_SUBJECT.match(text[: sent.end], m.end)
        or _RELATED_SUBJECT.match(text[: sent.end], m.end)
    )


# "a primary school that is looking for a Teaching Assistant to start in September", "we're
# hiring an experienced Payroll Officer to join us": the job's title, not an ask.
_LOOKING_FOR = re.compile(
    r"\b(?:looking for|seeking|hiring|recruiting|searching for|(?:is|are) after|needs?|requires?"
    r"|appoint)\s+(?:an?|the|our|their|its)\s+(?:(?:highly|very|really)\s+)?(?:(?:new|experienced"
    r"|talented|motivated|enthusiastic|organi[sz]ed|ambitious|dedicated|skilled|qualified"
    r"|passionate|friendly|proactive|confident|driven|permanent|temporary|full[- ]time|part[- ]time"
    r"|(?-i:[A-Z][\w&/-]*))\s+){0,3}$",
    re.I,
)
_TITLE_END = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w&/-]*){0,2}\s*(?:\bto\b|\bwho\b|\bwith\b|\bfor\b|[,.(]|$)"
)


def _job_title(text: str, sent: Span, m: Mention) -> bool:
    return (
        text[m.start : m.start + 1].isupper()
        and bool(_LOOKING_FOR.search(text, max(sent.start, m.start - 80), m.start))
        and bool(_TITLE_END.match(text[: sent.end], m.end))
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


# "ISO 13485", "GMP", "cGMP", "BS 7671": a named standard or regime. "Experience in a regulated
# industry (ISO 9001 / ISO 13485)", "in a GMP environment": working under it is the ask.
_STANDARD = re.compile(
    r"(?:c?G[MLCD]P|HACCP|BRCGS?"
    r"|(?:ISO|IEC|BS|EN|IATF|AS|OHSAS)(?:[ /-]?(?:IEC|EN))?[ -]?\d[\d:.-]*)",
)


def _standard(text: str, m: Mention) -> bool:
    return bool(_STANDARD.fullmatch(text, m.start, m.end))


# "experience in the logistics or transportation industry": with "the", only a setting noun
# after the skill makes it a setting ("experience in the Python ecosystem" is not one).
_IN_THE = re.compile(r"\b(?:in|within)\s+the\s+(?:[\w&'-]+\s+){0,3}?$", re.I)
_SETTING_NOUN_ONLY = re.compile(
    r"(?:\s*(?:,|/|\bor\b|\band\b)\s*[\w&'-]+){0,2}?(?:\s+[\w-]+){0,1}?\s+(?:industr(?:y|ies)"
    r"|sectors?|environments?|settings?)\b",
    re.I,
)


def _setting(text: str, m: Mention, sent: Span) -> bool:
    if _standard(text, m):
        return False
    window = max(sent.start, m.start - 60)
    return bool(
        (_IN_A.search(text, sent.start, m.start) and _SETTING_NOUN.match(text[: sent.end], m.end))
        or (
            _IN_THE.search(text, sent.start, m.start)
            and _SETTING_NOUN_ONLY.match(text[: sent.end], m.end)
        )
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


# "Our analytics team of six", "our finance department", "to join their busy marketing team":
# the employer's team, not an ask ("the payroll function" may be what the applicant is asked to
# have run).
_OUR_BEFORE = re.compile(r"\b(?:our|their|its)(?:\s+[\w&'’-]+){0,2}\s+$", re.I)
_TEAM_AFTER = re.compile(
    r"(?:\s+[\w&'’-]+)?\s+(?:teams?|department|function|office|division|practice|unit)\b", re.I
)


def _team_name(text: str, sent: Span, m: Mention) -> bool:
    return bool(
        _OUR_BEFORE.search(text, max(sent.start, m.start - 40), m.start)
        and _TEAM_AFTER.match(text[: sent.end], m.end)
    )


def _used_in(text: str, prev: Mention | None, m: Mention, taxonomy: Taxonomy) -> bool:
    """A one-word practice right after a tool or a named language is done in it: "Epic
    documentation", "Salesforce reporting", "Python scripting" ask for the tool or language."""
    return (
        prev is not None
        and text[prev.end : m.start] == " "
        and (
            taxonomy[prev.skill_id].kind is GoalKind.TOOL
            or (taxonomy[prev.skill_id].kind is GoalKind.TECHNICAL and _named(text, prev))
        )
        and taxonomy[m.skill_id].kind is GoalKind.TECHNICAL
        and m.n_tokens == 1
        and not m.case_sensitive
        and text[m.start : m.end].islower()
    )


def _named(text: str, m: Mention) -> bool:
    """A one-word mention written as a name ("Python", "SQL", "GIS"), not in lower case."""
    return m.n_tokens == 1 and text[m.start : m.start + 1].isupper()


def _modifies(text: str, m: Mention, nxt: Mention | None, taxonomy: Taxonomy) -> bool:
    """A one-word concept right before another skill qualifies it ("cloud HRIS")."""
    return (
        nxt is not None
        and text[m.end : nxt.start] == " "
        and taxonomy[m.skill_id].kind is GoalKind.TECHNICAL
        and m.n_tokens == 1
        and not _standard(text, m)  # "a GMP quality control laboratory": GMP is asked
        and not _used_in(text, m, nxt, taxonomy)  # "Python scripting" asks for Python
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


_PREFERRED_AFTER = re.compile(r"\s+(?:preferred|ideal|desirable|a plus)\b", re.I)


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
            and not _PREFERRED_AFTER.match(text, m.end)  # "a CRM (HubSpot preferred)": an ask
        ):
            continue
        out.append(m)
        head_end = m.end
    return out
