"""Mention filters: drop matched names that are not the candidate's skill goals.

A name can be what the candidate already has, a modifier of another noun (the job, a team of
people, a meeting), the employer's stack, a quoted answer, a verb mistaken for a plural, the
interview stage where a hard skill fell short, or an umbrella or qualifier beside the narrower
skill that is the real goal. (The interview's format is in formats.py.)
"""

from __future__ import annotations

import re

from planner.skills.framing import HARD_KINDS, SentenceContext
from planner.skills.matcher import Mention, qualified_by
from planner.skills.model import GoalKind
from planner.skills.segment import JOB_TITLE
from planner.skills.taxonomy import Entry, Taxonomy
from planner.skills.tokens import fold, iter_words

# "Raiser's Edge as our CRM": the category of the employer's tool.
_AS_OURS = re.compile(
    r"\bas\s+(?:our|their|the)\s+(?:\w+\s+)?$|\b(?:is|are)\s+(?:our|their)\s+(?:\w+\s+)?$", re.I
)


# The candidate's own words, quoted as a weak answer: 'his answer was just "we'd check the
# dashboards"'. What is inside names what they said, not what they lack.
_QUOTED_ANSWER = re.compile(
    r"(?:\b(?:answer|response|reply)\b[^\"“‘]{0,60}?\b(?:was|were)(?: just| only| simply)?"
    r"|\b(?:you|he|she|they|I) (?:said|replied|answered|suggested)(?: (?:that )?(?:you|he|she|they"
    r"|I)'?d)?)[\s,:]*[\"“‘'][^\"”’]*$",
    re.I,
)


def quotes_the_answer(text: str, m: Mention, ctx: SentenceContext) -> bool:
    return bool(_QUOTED_ANSWER.search(text, ctx.span.start, m.start))


# "the customer cares about": the singular form matched a plural-looking verb.
_VERB_NEXT = re.compile(
    r"\s+(?:about|whether|us|them|him|her|me|deeply|most|if|how|why|what|who|when|where|for us"
    r"|a lot|so much)\b",
    re.I,
)


def verb_plural(text: str, m: Mention, tx: Taxonomy) -> bool:
    """True when a form matched only through its plural ("customer cares") and a verb's object
    follows: the last word is a verb, not a plural noun."""
    surface = text[m.start : m.end]
    last = surface.split()[-1] if surface.split() else ""
    if m.case_sensitive or not last.lower().endswith("s") or not _VERB_NEXT.match(text, m.end):
        return False
    return tuple(fold(w) for w in iter_words(surface)) not in tx.ci_index


# "administered medication using a MAR chart": the narrower skill named as the means is the goal.
# (A named example stays beside its area: "an EDC system such as Medidata Rave" is both.)
_MEANS = re.compile(r"\s+(?:using|via|through)\s+(?:(?:a|an|the|their|our)\s+)?$")


# "what a disclosure exercise involves in litigation": the broader area named after the
# narrower skill says where it is done; the narrower one is the goal.
_FIELD_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:in|within)\s+(?:(?:a|an|the)\s+)?$")


def _field_after(text: str, narrow: Mention, broad: Mention, tx: Taxonomy) -> bool:
    if broad.skill_id not in tx.ancestors(narrow.skill_id):
        return False
    return _FIELD_AFTER.match(text[narrow.end : broad.start] + " ") is not None


_OR_OTHER = re.compile(r"\s*,?\s*(?:or|and|nor)\s+(?:any\s+|some\s+)?other\s+(?:\w+\s+)?", re.I)


def drop_umbrellas(text: str, mentions: list[Mention], tx: Taxonomy) -> list[Mention]:
    out = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and m.skill_id in tx.ancestors(nxt.skill_id):
            between = text[m.end : nxt.start]
            if not between.strip() or _MEANS.match(between + " ") is not None:
                continue
        if nxt is not None and qualified_by(text, m, nxt, tx):
            continue
        prev = mentions[i - 1] if i else None
        if prev is not None and _field_after(text, prev, m, tx):
            continue
        if prev is not None and _OR_OTHER.fullmatch(text, prev.end, m.start):
            continue  # "Terraform or any other infrastructure as code": the named one is the goal
        out.append(m)
    return out


# What the candidate already has: "limited to spreadsheets", "only used pandas", "more in
# brand marketing", "beyond the OWASP Top 10", "you've mainly done new-build first fix", "your
# experience so far has been in family law".
_HAS_ALREADY = re.compile(
    r"\b(?:limited to|(?:only|mainly|mostly|largely|always|just) (?:\w+ ){0,2}?(?:used|worked with"
    r"|worked in|worked on|done|had|known|been in|been on|looked at|dealt with|handled|tuned"
    r"|touched|covered|configured|maintained|supported|written|built|run|managed|created|set up"
    r"|taught|sold|led|seen)"
    r"|(?:mostly|mainly|largely) (?:in|on)"
    r"|(?:is|are|was|were|been|'s|'re|lies|lie|sits|sit|worked|works|work) more (?:in|on)"
    r"|beyond(?: the)?|other than"
    # "you already do high voltage testing daily", "you already work from the AMM"
    r"|already (?:\w+ )?(?:do|does|use|uses|run|runs|work (?:with|from|on)|works (?:with|from|on)"
    r"|deal with|deals with|deliver|delivers|manage|manages)"
    r"|(?:experience|background|career|work) (?:\w+ ){0,2}?(?:has been|is|was|lies|sits)"
    r" (?:mainly |mostly |largely |entirely |all |only )?(?:in|on|with))\s+"
    # a few words, or a list in brackets: "only used hand tools (micrometers, verniers)"; a
    # negation or conjunction ends it ("only used Excel, not Power BI")
    r"(?:(?!(?:not|and|but|or|nor|never|no|yet)\b)[\w'-]+(?:\s*[,(]\s*|\s+)){0,3}?$",
    re.I,
)
# What the candidate did instead: "went straight into journals and accruals", "relied entirely on
# LinkedIn" (but "jumped to pitching before asking discovery questions" is the gap).
_DID_INSTEAD = re.compile(
    r"\b(?:went straight (?:in)?to|jumped (?:straight )?(?:in)?to|fell back on|defaulted to"
    r"|(?:I|you|he|she)\s+(?:went|opted|chose)\s+(?:\w+\s+)?(?:with|for)"
    r"|relied (?:entirely |only |solely |mostly |heavily )?on|reached (?:straight )?for)\s+"
    r"(?:(?!(?:before|without|instead|rather|than|until|but)\b)[\w'-]+\s+){0,3}?$",
    re.I,
)
# A plain word before one of these nouns qualifies it ("the pricing objection", "the next
# recruiting cycle", "your teaching statement"): the noun is the topic, not the skill.
_CONTEXT_NOUN = re.compile(
    r"[ \t]+(?:cycle|objection|statement|team|department|meeting|call|session|season|period"
    r"|deadline|letter|budget|policy|process|project)s?\b"
)
_PLAIN_KINDS = frozenset({GoalKind.TECHNICAL, GoalKind.SOFT, GoalKind.JOB_SEARCH})
# "you said you'd look at last-click in Google Analytics": the tool the candidate reached for in
# an answer is one they have; the gap is in how they used it.
_PROPOSED = re.compile(
    r"\b(?:you|he|she|they|I) (?:said|suggested|replied|answered) (?:that )?(?:you|he|she|they|I)"
    r"(?:'d| would) (?:just |simply |probably )?(?:use|look at|check|run|pull|open|try|rely on"
    r"|go to|turn to)\b[^.;:]{0,30}$",
    re.I,
)
# "why you wanted to work in restructuring": the field of the job, not a gap.
_WANTS_TO_WORK_IN = re.compile(
    r"\bwant(?:ed|s)? to (?:work|be|move|get|go|build a career|specialise|specialize) (?:in|into)"
    r"\s+(?:\w+\s+)?$",
    re.I,
)
# "this SOC role", "a teaching-focused lectureship": the skill names the job, not a gap.
_DETERMINER = re.compile(r"\b(?:a|an|the|this|that|our|your|their)\s+$", re.I)
_JOB_DETERMINER = re.compile(r"\b(?:a|an|the|this|that|our|your|their)\s+(?:[\w-]+\s+)?$", re.I)
_NAMES_THE_JOB = re.compile(
    r"(?:[ \t]+(?:and|or)[ \t]+(?:a|an)[ \t]+[\w-]+)?"
    r"[ \t]+(?:role|position|post|vacancy|opening|job|team|department)s?\b"
    r"|-(?:focused|focussed|heavy|based|oriented|centric|led|driven|first)\b",
    re.I,
)


# "sourcing backend engineers", "hiring Python developers", "a team of Java devs": the words
# describe people (whom the candidate recruits, manages or works beside), not a skill.
_PEOPLE_NOUN = re.compile(
    r"[ \t]+(?:engineers|developers|devs|programmers|specialists|consultants|architects"
    r"|analysts|testers|designers|hires|candidates|contractors|practitioners|professionals"
    r"|talent|profiles|roles|vacancies|positions|recruiters|solicitors|lawyers|paralegals|nurses"
    r"|teachers|clinicians|chefs|agents|accountants|surveyors|technicians|therapists|pharmacists"
    r"|drivers|staff|colleagues|associates|advisers|advisors|practitioners|planners|buyers"
    r"|squads?|guilds?|tribes?)\b",
    re.I,
)


# A language's name before the people or things of that country names who they are: "the Polish
# agency workers", "our Spanish customers", "the Romanian market".
_NATIONALS_AFTER = re.compile(
    r"[ \t]+(?:(?:agency|temp|seasonal|migrant|community|local)[ \t]+)?(?:workers|customers"
    r"|clients|patients|famil(?:y|ies)|tourists|guests|residents|communit(?:y|ies)|students"
    r"|pupils|children|parents|visitors|nationals|citizens|people|m[ae]n|wom[ae]n|colleagues"
    r"|market|government|authorities|embassy|suppliers|subsidiary|office|border)\b",
    re.I,
)
# "join our organisation", "across the organisation": the employer, not organisational skills.
_THE_EMPLOYER = re.compile(
    r"\b(?:our|the|this|an|their|whole|wider|same|same-sized|large|small)\s+$", re.I
)
_ORGANISATION = re.compile(r"organi[sz]ations?", re.I)
# "this recruitment has been placed on hold", "the recruitment process", "the Law Society's
# articling recruitment procedures": the employer's hiring,
# not the skill of recruiting.
_HIRING_NOUN = re.compile(r"recruitment|selection|hiring", re.I)
_THE_HIRING = re.compile(r"\b(?:this|the|our|that|from|with)\s+$", re.I)
_HIRING_GOES_ON = re.compile(
    r"\s*(?:[.;,]|$)|\s+(?:process|campaign|exercise|round|drive|has|have|is|was|will|for|panel"
    r"|team|stage|procedures?|policy|portal|system|until|at|in|this)\b",
    re.I,
)
_HIRING_RULES = re.compile(r"\s+(?:procedures?|policy|portal)\b", re.I)
# "Our funding application ... was not approved", "the Board's applicant tracking system": the
# employer's own, named right after its possessive as the sentence's subject (not "how you'd
# mature our integrated business planning process").
_EMPLOYERS_OWN = re.compile(
    r"(?:(?:^|[.!?:;]\s+|\n\s*)Our|\b[Tt]he [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}['’]s)\s+$"
)
# "the family, who had little English": someone else's language, not the candidate's.
_WHO_LACKS = re.compile(
    r"\bwho (?:\w+ )?(?:had|has|have|spoke|speaks|speak|understood|understands|knew|knows)"
    r"\s+(?:little|no|limited|not much|only basic|basic|poor|only a little)\s+$",
    re.I,
)
# "the store operations lead", "the QA coach", "the Head of Partnerships": a person.
_PERSON_AFTER = re.compile(
    r"[ \t]+(?:lead|leads|coach|coaches|manager|managers|director|directors|officer|officers"
    r"|adviser|advisers|advisor|advisors|editor|editors|trainer|trainers|champion|champions"
    r"|supervisor|supervisors|coordinator|coordinators)\b(?![ \t]+(?:role|position|post|job))",
    re.I,
)
_PERSON_SURFACE = re.compile(
    r"\b(?:tutor|teacher|nurse|manager|assistant|officer|worker|adviser|advisor|coordinator"
    r"|technician)$",
    re.I,
)
_OUR_BUSINESS = re.compile(
    r"[ \t]+(?:work|clients|customers|contracts|projects|portfolio|business|accounts|sector)\b",
    re.I,
)
_NUMBER_COMPOUND = re.compile(r"\d[\d,.]*-$")
# "the bookkeeper job at an accountancy practice", "my interview with a fintech": the workplace
# the application was for, not a gap.
_AT_THE_WORKPLACE = re.compile(
    r"\b(?:job|role|position|post|vacancy|opening|placement|internship|apprenticeship|interview"
    r"|application)s?\s+(?:at|with)\s+(?:(?:a|an|the|one\s+of\s+the)\s+)?(?:[\w&'-]+\s+){0,2}?$",
    re.I,
)
_HANDED_TO = re.compile(
    r"\b(?:leave|leaves|left|leaving|pass|passes|passed|refer|refers|referred|escalate|escalates"
    r"|escalated|hand|hands|handed)\s+(?:(?:that|it|this|them|those|these|everything)\s+)?"
    r"(?:over\s+|on\s+)?to\s+(?:the\s+|our\s+|their\s+)?$",
    re.I,
)
_DEVICE_AFTER = re.compile(
    r"[ \t]+(?:phones?|devices?|tablets?|handsets?|smartphones?|laptops?|machines?|users)\b", re.I
)


# "the Senior Python Developer (Django) position", "Bookkeeper (Xero / Sage 50)": a job title in
# title case names the job, whichever skills it holds.
_TITLE_WORDS_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w&/+#.-]*){0,3}?[ \t]+")
_IN_TITLE_PARENS = re.compile(r"\(\s*(?:[^()\n]{0,60}[,/&+|]\s*)?$")


def in_job_title(text: str, m: Mention) -> bool:
    """True for a skill that is part of a job title written in title case."""
    if not text[m.start : m.start + 1].isupper():
        return False
    after = _TITLE_WORDS_AFTER.match(text, m.end)
    if after is not None and JOB_TITLE.match(text, after.end()):
        return True
    paren = _IN_TITLE_PARENS.search(text, max(0, m.start - 70), m.start)
    if paren is None:
        return False
    head = text[max(0, paren.start() - 40) : paren.start()].rstrip()
    return any(t.end() == len(head) for t in JOB_TITLE.finditer(head))


# "I've used pandas mostly", "worked with Sage only": the tool the candidate already uses.
_USED_BEFORE = re.compile(
    r"\b(?:used|uses|use|worked (?:with|in|on)|know|knows|knew|done"
    r"|(?:experience|exp\.?|background) (?:with|w/|of|in))\s+(?:(?:the|a|an)\s+)?$",
    re.I,
)
_ONLY = re.compile(r"\s+only\b", re.I)
_ONLY_AFTER = re.compile(r"\s+(?:mostly|mainly|only|exclusively|largely)\b|\s*,?\s+but not\b", re.I)
# "He does hold the 18th Edition", "she has her NEBOSH": a qualification the candidate holds.
# "You have a CSCS Green card but the role needs ...", "While you have Salesforce experience";
# not the advice "once you have ...", "if you hold ...".
_HOLDS = re.compile(
    r"(?<!\bif )(?<!\bonce )(?<!\bwhen )(?<!\buntil )(?<!\bunless )(?<!\bafter )"
    r"\b(?:I|you|he|she|they)(?: do| does| did| already| still)?\s+(?:holds?|held"
    r"|(?:has|have)(?: got)?(?:\s+(?:his|her|their|your|my))?)\s+"
    r"(?:(?:a|an|the|valid|current|full)\s+)?$"
    # "(you've got the Level 2 Gym Instructor)"
    r"|\b(?:I|you|he|she|they)(?:'ve|'s|\s+have|\s+has)(?:\s+already)?\s+got\s+"
    r"(?:(?:a|an|the|his|her|their|your|my|valid|current|full)\s+){0,2}$"
    # a note's line about the candidate: "+ Holds SMSTS and a CSCS Black Card", "- Has a PTS"
    r"|(?:^|\n)[ \t]*(?:[-*•+]\s*)?(?:holds|has(?: got)?|already (?:holds|has))\s+"
    r"(?:(?:(?!(?:no|not|never|none)\b)[\w&/+.-]+\s+){1,4}?(?:and|plus|&)\s+)?"
    r"(?:(?:a|an|the|valid|current|full)\s+)?$",
    re.I,
)
# "in a manufacturing setting", "in a regulated environment": where, not what.
_SETTING_AFTER = re.compile(
    r"[ \t]+(?:setting|environment|context|sector|industry|organi[sz]ation|company|business)s?\b",
    re.I,
)
_IN_A_BEFORE = re.compile(
    r"\b(?:in|within|from)\s+(?:a|an|the|your|their|our)\s+(?:[\w-]+\s+)?$", re.I
)
# "the Head of Partnerships asked", "our Director of Nursing": a person's title.
_TITLE_OF_BEFORE = re.compile(
    r"\b(?:Head|Director|VP|Vice President|Chief|Manager|Lead|Dean|Deputy Head)\s+of\s+(?:the\s+)?$"
)
# "SEO content for e-commerce clients": whose work it is, not a skill.
_CLIENT_AFTER = re.compile(r"[ \t]+(?:clients|customers|brands|retailers)\b", re.I)


def names_a_skill(text: str, m: Mention, entry: Entry) -> bool:
    """False when the words are a modifier of another noun, part of a job title or what the
    candidate already has."""
    if in_job_title(text, m):
        return False
    before = text[max(0, m.start - 40) : m.start]
    if _HAS_ALREADY.search(before) or _WANTS_TO_WORK_IN.search(before):
        return False
    if _DID_INSTEAD.search(before):
        return False
    if _ONLY_AFTER.match(text, m.end) and _USED_BEFORE.search(before):
        return False  # "used pandas mostly", "knows Revit but not ISO 19650"
    if _HOLDS.search(before) and not (
        entry.kind is GoalKind.CERTIFICATION and _ONLY.match(text, m.end)
    ):
        return False  # "he does hold the 18th Edition"; "holds CISRS Part 1 only" falls short
    if _AS_OURS.search(before):
        return False  # "Raiser's Edge as our CRM"
    if _SETTING_AFTER.match(text, m.end) and _IN_A_BEFORE.search(before):
        return False
    if not m.case_sensitive and _CLIENT_AFTER.match(text, m.end):
        return False
    if _TITLE_OF_BEFORE.search(before) and text[m.start : m.start + 1].isupper():
        return False

    if _PROPOSED.search(text, max(0, m.start - 80), m.start):
        return False
    if _NAMES_THE_JOB.match(text, m.end) and _JOB_DETERMINER.search(
        text[max(0, m.start - 30) : m.start]
    ):
        return False  # "this SOC role", "the weekend pastry role"
    if _PEOPLE_NOUN.match(text, m.end) or _PERSON_AFTER.match(text, m.end):
        return False
    if _ORGANISATION.fullmatch(text, m.start, m.end) and _THE_EMPLOYER.search(before):
        return False  # "why you wanted to join our organisation"
    if (
        _HIRING_NOUN.fullmatch(text, m.start, m.end)
        and _HIRING_GOES_ON.match(text, m.end)
        and (_THE_HIRING.search(before) or _HIRING_RULES.match(text, m.end))
    ):
        return False  # "this recruitment has been placed on hold"
    # searched in the text itself, so that "^" is the text's start, not the window's
    if _EMPLOYERS_OWN.search(text, max(0, m.start - 40), m.start) and not m.case_sensitive:
        return False  # "Our funding application was not approved": the employer's, not a gap
    if entry.kind is GoalKind.LANGUAGE and (
        _NATIONALS_AFTER.match(text, m.end) or _WHO_LACKS.search(before)
    ):
        return False  # "the Polish agency workers", "the family, who had little English"
    if _PERSON_SURFACE.search(text, m.start, m.end) and _DETERMINER.search(
        text[max(0, m.start - 8) : m.start]
    ):
        return False  # "for a form tutor": the words name the job holder
    if _OUR_BUSINESS.match(text, m.end) and re.search(r"\b(?:our|their)\s+$", before, re.I):
        return False  # "most of our public-sector work": the employer's line of business
    if _HANDED_TO.search(before) or _DEVICE_AFTER.match(text, m.end):
        return False  # "leaves that to HR", "slow on low-end Android phones"
    if _NUMBER_COMPOUND.search(text, max(0, m.start - 12), m.start):
        return False  # "an 800-delegate conference"
    if _AT_THE_WORKPLACE.search(before):
        return False
    if (
        m.n_tokens == 1
        and text[m.start : m.end].lower().endswith("ing")
        and _WE_ARE_DOING.search(before)
    ):
        return False  # "we are recruiting a Welder/Fabricator": what the employer is doing
    if (
        _DOCUMENT_SURFACE.search(text, m.start, m.end)
        and _LINE_START.search(text, max(0, m.start - 8), m.start)
        and _HEADING_AFTER.match(text, m.end)
    ):
        return False  # "Interview scorecard - HR Systems Analyst": the form's title
    if _OPEN_SOURCE.fullmatch(text, m.start, m.end) and _SOFTWARE_AFTER.match(text, m.end):
        return False  # "moving to open-source tools": the kind of software, not contributing
    if _THINGS_STRUCTURE.search(before) and _STRUCTURE.fullmatch(text, m.start, m.end):
        return False  # "configured the org structure": how a thing is organised, not thinking
    plain = not m.case_sensitive and m.n_tokens == 1 and entry.kind in _PLAIN_KINDS
    return not (plain and _CONTEXT_NOUN.match(text, m.end))


_STRUCTURE = re.compile(r"structures?", re.I)
_WE_ARE_DOING = re.compile(
    r"\b(?:we|they|the (?:team|company|business|practice|client|trust|firm))(?:'re|'ve been| are"
    r"| were| is| was| have been| has been)\s+(?:\w+ly\s+|now\s+|still\s+|also\s+)?$",
    re.I,
)
_OPEN_SOURCE = re.compile(r"open[- ]source", re.I)
_DOCUMENT_SURFACE = re.compile(r"\b(?:scorecards?|score cards?|debriefs?)$", re.I)
_LINE_START = re.compile(r"(?:^|\n)[ \t#*>-]*$")
_HEADING_AFTER = re.compile(r"[ \t]*(?:[-–—|:][ \t]|\(|$|\n)")
_SOFTWARE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:tools?|software|alternatives?|stack|platforms?|databases?|options?"
    r"|solutions?|equivalents?|products?|systems?|suites?|applications?|apps?)\b",
    re.I,
)
_THINGS_STRUCTURE = re.compile(
    r"\b(?:org|organi[sz]ational|organi[sz]ation|company|corporate|group|team|management|pay"
    r"|salary|grade|grading|reward|cost|fee|fees|pricing|price|tax|deal|capital|legal|data|file"
    r"|folder|site|page|story|sentence|market|reporting|account|accounts|charge|charging"
    r"|commission|bonus|ownership|governance|committee|table|database|class|code|project)\s+$",
    re.I,
)


_INTERVIEW_STAGE = re.compile(
    r"interview|round|take[- ]?home|test|exercise|assessment|screen|call|role[- ]?play|presentation"
    r"|case|task|challenge|demo|lesson|panel|whiteboard",
    re.I,
)


def drop_interview_context(text: str, mentions: list[Mention], tx: Taxonomy) -> list[Mention]:
    """In "SQL was weak in the technical interview" the interview is where, not what (but
    "what our firm does" beside a hard skill is still a gap in company research)."""
    if not any(tx[m.skill_id].kind in HARD_KINDS for m in mentions):
        return mentions
    return [
        m
        for m in mentions
        if tx[m.skill_id].kind is not GoalKind.JOB_SEARCH
        or not _INTERVIEW_STAGE.search(text[m.start : m.end])
    ]


_QUALIFIES = re.compile(r"\s+(?:with|in|using|around|on|about|of|to)\s+(?:\w+\s+){0,2}?$")
# "Lean or Six Sigma qualification", "a Six Sigma certification": the method names the subject
# of a qualification, the next words say which one.
_NAMES_A_QUALIFICATION = re.compile(
    r"(?:\s+(?:or|and|/)\s+[\w&-]+(?:\s+[\w&-]+)?)?\s*(?:qualifications?|certifications?|certificates?"
    r"|accreditations?|credentials?)\b",
    re.I,
)


_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,5}\s$")
_HEAD_NOUN = re.compile(
    r"monitoring|testing|reporting|tracking|auditing|scheduling|forecasting|documentation"
    r"|administration|maintenance|analytics|governance|validation|charts?",
    re.I,
)


def drop_compound_heads(text: str, mentions: list[Mention], tx: Taxonomy) -> list[Mention]:
    """In "data quality monitoring" or "INR monitoring" the plain head noun says what is done to
    the thing named before it: the goal is that thing, not monitoring in general."""
    out = []
    for i, m in enumerate(mentions):
        prev = mentions[i - 1] if i else None
        head = (
            m.n_tokens == 1
            and _HEAD_NOUN.fullmatch(text, m.start, m.end) is not None
            and not m.case_sensitive
            and text[m.start : m.start + 1].islower()
            and tx[m.skill_id].kind in _PLAIN_KINDS
        )
        after_skill = (
            prev is not None
            and text[prev.end : m.start] == " "
            and prev.skill_id != m.skill_id
            and m.skill_id not in tx.ancestors(prev.skill_id)
            and prev.skill_id not in tx.ancestors(m.skill_id)
        )
        after_acronym = _ACRONYM_BEFORE.search(text, max(0, m.start - 7), m.start) is not None and (
            prev is None or prev.end <= m.start - 7
        )
        if head and (after_skill or after_acronym):
            continue
        out.append(m)
    return out


def drop_qualifiers(text: str, mentions: list[Mention], tx: Taxonomy) -> list[Mention]:
    """In "more confidence with source data verification" the soft word qualifies the hard
    skill after it: the goal is the hard skill.

    Likewise a method named as the subject of a qualification the clause goes on to name: in "a
    recognised Lean or Six Sigma qualification at Green Belt level" the goal is the Green Belt.
    """
    certs = [m for m in mentions if tx[m.skill_id].kind is GoalKind.CERTIFICATION]
    out = []
    for i, m in enumerate(mentions):
        if (
            certs
            and tx[m.skill_id].kind is not GoalKind.CERTIFICATION
            and _NAMES_A_QUALIFICATION.match(text, m.end)
            and any(c.start >= m.end and c.skill_id != m.skill_id for c in certs)
        ):
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        qualifies = (
            nxt is not None
            and tx[m.skill_id].kind is GoalKind.SOFT
            and tx[nxt.skill_id].kind in HARD_KINDS
            and _QUALIFIES.match(text[m.end : nxt.start] + " ") is not None
        )
        if not qualifies:
            out.append(m)
    return out
