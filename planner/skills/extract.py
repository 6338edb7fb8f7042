"""Feedback text (+ optional job description and resume) -> skill goals.

Pure: the taxonomy is an argument (default: the shipped one plus any imported ESCO index),
and the same input always gives the same goals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from planner.skills.cues import Cue, CueHit, find_cues, framing_for
from planner.skills.incidental import is_incidental
from planner.skills.jobdesc import Requirement, meets, requirements, shown_via
from planner.skills.matcher import Mention, find_mentions, qualified_by
from planner.skills.model import Action, Evidence, Extraction, Framing, GoalKind, SkillGoal
from planner.skills.paraphrase import ParaphraseHit, find_paraphrases
from planner.skills.segment import clauses, is_boilerplate, sentences
from planner.skills.taxonomy import Entry, Taxonomy, default_taxonomy, surface_forms
from planner.skills.text import Span, check_text, clean_feedback, strip_html
from planner.skills.tokens import fold, iter_words

REQUEST_FEEDBACK_DRAFT = (
    "Thank you for letting me know, and for the time you and the team spent on my application. "
    "If you have a moment, I would really value one or two specific points on where my "
    "experience or interviews fell short, so I can work on them for future roles. "
    "Either way, thank you again."
)
_REASON_CUES = frozenset({Cue.STRONG_GAP, Cue.GAP, Cue.REQUIREMENT, Cue.NICE})
_NEEDS_REASON = frozenset({GoalKind.SOFT, GoalKind.JOB_SEARCH, GoalKind.LANGUAGE})
_HARD = frozenset({GoalKind.TECHNICAL, GoalKind.TOOL, GoalKind.CERTIFICATION})
_PRIORITY = {Cue.STRONG_GAP: 1, Cue.GAP: 2, Cue.REQUIREMENT: 2, Cue.NICE: 4, None: 3}
_FRAMING = {
    Cue.STRONG_GAP: Framing.GAP,
    Cue.GAP: Framing.GAP,
    Cue.REQUIREMENT: Framing.REQUIREMENT,
    Cue.NICE: Framing.REQUIREMENT,
    None: Framing.MENTION,
}
_CUE_WEIGHT = {Cue.STRONG_GAP: 1.0, Cue.GAP: 0.95, Cue.REQUIREMENT: 0.9, Cue.NICE: 0.8, None: 0.6}
_MIN_EVIDENCE_CHARS = 25
_MAX_EVIDENCE = 5


@dataclass(frozen=True)
class _Found:
    skill_id: str
    cue: Cue | None
    evidence: Span
    mention: Mention


def extract(
    text: str,
    job_description: str | None = None,
    resume: str | None = None,
    *,
    taxonomy: Taxonomy | None = None,
) -> Extraction:
    """Return the skill goals ``text`` justifies; a reasonless rejection yields an action instead.

    Raises:
        TextError: ``text`` (or a given job description / resume) is empty, binary or too long.
    """
    check_text(text, "feedback")
    if job_description is not None:
        check_text(job_description, "job description")
    if resume is not None:
        check_text(resume, "resume")
    tx = taxonomy if taxonomy is not None else default_taxonomy()
    context = strip_html(text) if job_description is None else f"{text}\n{job_description}"
    found = _mine_feedback(text, tx, context)
    goals = {sid: _goal(text, tx[sid], items) for sid, items in _group(found).items()}
    templated = not goals
    if job_description is not None:
        reqs = requirements(job_description, tx)
        goals = _apply_job(goals, reqs, job_description, resume, tx)
    actions = (Action("request_feedback", "Ask for specific feedback", REQUEST_FEEDBACK_DRAFT),)
    ordered = tuple(sorted(goals.values(), key=_order))
    return Extraction(ordered, actions if templated else (), templated)


def _mine_feedback(text: str, tx: Taxonomy, context: str) -> list[_Found]:
    """Mentions with their framing; ``context`` (the whole input) picks ambiguous senses."""
    clean = clean_feedback(text)
    found: list[_Found] = []
    phrases = find_paraphrases(clean)
    after_reason = False  # the sentence before gave a reason or opened a list
    for sent in sentences(clean):
        words = clean[sent.start : sent.end]
        discounted = _discounted(words)
        hits = find_cues(clean, sent.start, sent.end)
        if discounted:  # "didn't matter", "no experience needed": not a gap, whatever its words
            hits = [h for h in hits if not _inside(h, sent.start, discounted)]
        gap_framed = any(h.cue in _REASON_CUES for h in hits)
        if is_boilerplate(words, gap_framed):
            continue
        framed = (
            gap_framed
            or after_reason
            or (_is_fragment(words) and not _HEADING.search(words))
            or _reports_an_answer(words, hits)
        )
        label = _label_cue(clean, sent, hits)
        ctx = _SentenceContext(sent, hits, framed, label, bool(discounted))
        for clause in clauses(clean, sent):
            inside = [p for p in phrases if clause.start <= p.start < clause.end]
            found.extend(_mine_clause(clean, tx, context, ctx, clause, inside))
        after_reason = gap_framed or words.endswith(":")
    # Plain mentions count only when the text gives reasons about some skill: a form letter
    # that names the role's stack gives no goals.
    has_reason = any(f.cue in _REASON_CUES for f in found)
    kept = [f for f in found if _keep(f, tx, has_reason)]
    return _drop_subsumed(kept, tx)


# What the candidate already has: "limited to spreadsheets", "only used pandas", "more in
# brand marketing", "beyond the OWASP Top 10", "you've mainly done new-build first fix", "your
# experience so far has been in family law".
_HAS_ALREADY = re.compile(
    r"\b(?:limited to|(?:only|mainly|mostly|largely|always|just) (?:\w+ ){0,2}?(?:used|worked with"
    r"|worked in|worked on|done|had|known|been in|been on)"
    r"|(?:more|mostly|mainly|largely) (?:in|on)|beyond(?: the)?|other than"
    r"|(?:experience|background|career|work) (?:\w+ ){0,2}?(?:has been|is|was|lies|sits)"
    r" (?:mainly |mostly |largely |entirely |all |only )?(?:in|on|with))\s+(?:[\w'-]+\s+){0,2}?$",
    re.I,
)
# A plain word before one of these nouns qualifies it ("the pricing objection", "the next
# recruiting cycle", "your teaching statement"): the noun is the topic, not the skill.
_CONTEXT_NOUN = re.compile(
    r"[ \t]+(?:cycle|objection|statement|team|department|meeting|call|session|season|period"
    r"|deadline|letter|budget|policy|process|project)s?\b"
)
_PLAIN_KINDS = frozenset({GoalKind.TECHNICAL, GoalKind.SOFT, GoalKind.JOB_SEARCH})


@dataclass(frozen=True)
class _SentenceContext:
    span: Span
    hits: list[CueHit]
    framed: bool  # the sentence (or the one before) gives a reason, or is a list item
    label: tuple[Span, Cue] | None  # "Wound care: 2/5": the label and the rating's framing
    discounted: bool  # the sentence says something does not matter ("any TMS would do")


def _mine_clause(
    clean: str,
    tx: Taxonomy,
    context: str,
    ctx: _SentenceContext,
    clause: Span,
    phrases: list[ParaphraseHit],
) -> list[_Found]:
    clause_hits = [h for h in ctx.hits if clause.start <= h.start < clause.end]
    evidence = clause if clause.end - clause.start >= _MIN_EVIDENCE_CHARS else ctx.span
    found = find_mentions(clean, tx, clause.start, clause.end, context=context)
    mentions = _drop_interview_context(clean, _with_paraphrases(clean, found, phrases), tx)
    by_span = {(p.start, p.end): p for p in phrases}
    out = []
    for m in _drop_umbrellas(clean, _drop_qualifiers(clean, mentions, tx), tx):
        phrase = by_span.get((m.start, m.end))
        entry = tx[m.skill_id]
        if not _names_a_skill(clean, m, entry) or is_incidental(clean, m, tx):
            continue
        if phrase is None and (_verb_plural(clean, m, tx) or _quotes_the_answer(clean, m, ctx)):
            continue
        cue = _cue_for(clean, ctx, clause_hits, m, phrase, entry)
        if _employer_stack(clean, m, clause) and (ctx.discounted or cue not in _REASON_CUES):
            continue  # "they use Kafka everywhere": their stack, not the candidate's gap
        if cue is None and not ctx.framed:
            continue  # named in passing, in a sentence that gives no reason about anything
        if cue is None and ctx.discounted:
            continue
        out.append(_Found(m.skill_id, cue, evidence, m))
    return out


def _cue_for(
    clean: str,
    ctx: _SentenceContext,
    clause_hits: list[CueHit],
    m: Mention,
    phrase: ParaphraseHit | None,
    entry: Entry,
) -> Cue | None:
    """The framing of one mention: its clause's cue words, a rated label, or the paraphrase."""
    label = ctx.label
    in_label = label is not None and label[0].start <= m.start and m.end <= label[0].end
    if (
        label is not None
        and in_label
        and entry.kind not in _HARD
        and _names_a_stage(clean, label[0])
    ):
        return None  # "Presentation: this is where it fell down": the stage, not the skill
    cue = framing_for(clean, clause_hits, m.start, m.end)
    if cue is None and label is not None and in_label:
        # "Round 2 (take-home):" names an interview stage, not a gap in interviewing
        cue = None if entry.kind is GoalKind.JOB_SEARCH and label[1] is Cue.GAP else label[1]
    if phrase is not None and cue not in _REASON_CUES:
        if phrase.states_gap and cue is not Cue.STRENGTH:
            return Cue.GAP  # "went with gut feel" says what was wrong by itself
        if cue is None and ctx.framed:
            return Cue.GAP  # a described skill in a sentence that gives reasons
    return cue


def _with_paraphrases(
    text: str, mentions: list[Mention], phrases: list[ParaphraseHit]
) -> list[Mention]:
    """Add paraphrase hits as mentions; a paraphrase overrides the names inside it ("teaching
    A-level Chemistry" is chemistry teaching, not teaching)."""
    if not phrases:
        return mentions
    kept = [m for m in mentions if not any(p.start < m.end and m.start < p.end for p in phrases)]
    extra = [
        Mention(p.skill_id, p.start, p.end, False, len(list(iter_words(text[p.start : p.end]))))
        for p in phrases
    ]
    return sorted([*kept, *extra], key=lambda m: m.start)


# A sentence that reports what the candidate answered is a reason unless it praises:
# "When asked how you'd handle an underperformer, you said you'd pick up the slack".
_REPORTS_ANSWER = re.compile(
    r"^\W*(?:when|once|after being) asked\b|^\W*asked (?:how|what|about|to|whether|why)\b", re.I
)


def _reports_an_answer(sentence: str, hits: list[CueHit]) -> bool:
    return bool(_REPORTS_ANSWER.search(sentence)) and not any(h.cue is Cue.STRENGTH for h in hits)


# A heading ("Mechanical Design Engineer - technical interview feedback", "Trade test result -
# Approved Electrician") names the role and the document, not a gap.
_HEADING = re.compile(
    r"\b(?:feedback|notes|debrief|scorecard|outcome|result|results|summary|assessment centre"
    r"|assessment center)\b",
    re.I,
)
# "Discounted" things: the sentence says a skill or tool does not count against the candidate.
_DISCOUNT = re.compile(
    r"\b(?:did(?:n't| not)|does(?:n't| not)|wo(?:n't|uld not)|will not) (?:really )?matter\b"
    r"|\b(?:not|never|wasn'?t|isn'?t) (?:a|the|an) (?:\w+ )?(?:factor|concern|problem|issue"
    r"|requirement|deal-?breaker|blocker)\b"
    r"|\bno (?:prior |previous )?(?:experience|knowledge) (?:(?:is|was|was really|is really) )?"
    r"(?:needed|required|necessary|expected)\b"
    r"|\b(?:we|they|the team|the client)(?:'d| would| will|'ll| can| could| are happy to"
    r"| were happy to) (?:\w+ ){0,2}?train\b"
    r"|\beasy to (?:learn|pick up)\b|\bcan be (?:learned|learnt|taught|picked up)\b"
    r"|\b(?:weren'?t|were not|wasn'?t|was not|aren'?t|are not|isn'?t|is not|not) (?:at all )?"
    r"(?:worried|concerned|bothered)\b"
    r"|\b(?:not )?held against\b"
    r"|\b(?:not|wasn'?t|isn'?t) something (?:they|we|you|I|he|she) (?:\w+ ){0,2}?expect"
    r"|\bany (?:\w+ ){0,2}?(?:would|will) do\b",
    re.I,
)


def _discounted(sentence: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DISCOUNT.finditer(sentence)]


def _inside(h: CueHit, offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(offset + a <= h.start < offset + b for a, b in spans)


# "Wound care: 2/5", "Performance: 1/4 - could not explain ...", "React knowledge: strong.":
# a scorecard label takes the framing of its rating or of the words after it.
_LABEL = re.compile(r"[ \t]*([A-Za-z][^:\n]{1,40}?)[ \t]*:[ \t]+")
_RATING = re.compile(r"(\d{1,2}(?:\.\d)?)\s*/\s*(\d{1,2})\b")
_META_LABEL = re.compile(
    r"^(?:decision|outcome|result|recommendation|overall|verdict|summary|next steps?|hire\??"
    r"|status|feedback|notes|interviewer|candidate|role|position|panel|date|strengths?"
    r"|concerns?|gaps?|areas? (?:for|of|to) \w+|subject|re|from|to|cc)$",
    re.I,
)
_MAX_LABEL_WORDS = 5


def _label_cue(text: str, sent: Span, hits: list[CueHit]) -> tuple[Span, Cue] | None:
    m = _LABEL.match(text, sent.start, sent.end)
    if m is None or len(m.group(1).split()) > _MAX_LABEL_WORDS or _META_LABEL.match(m.group(1)):
        return None
    label = Span(m.start(1), m.end(1))
    rating = _RATING.match(text, m.end(), sent.end)
    if rating is not None:
        score, top = float(rating.group(1)), float(rating.group(2))
        if not 0 < top <= 10 or score > top:
            return None
        return label, (Cue.STRONG_GAP if score / top <= 0.5 else Cue.STRENGTH)
    rest = [h.cue for h in hits if h.start >= m.end()]
    if any(c in _REASON_CUES for c in rest):
        return label, Cue.GAP
    # "SQL test: passed comfortably", "Presentation: fine": a label frames a gap only when the
    # words after it are negative; otherwise what it names was rated and found good enough.
    return label, Cue.STRENGTH


# A label that names an interview stage: "Presentation", "Written exercise", "SQL test".
_STAGE_LABEL = re.compile(
    r"(?:[\w&/-]+\s+){0,3}?(?:presentation|interview|test|exercise|task|case study|role[- ]?play"
    r"|scenario|assessment|round|stage|screen|challenge|demo)s?",
    re.I,
)


def _names_a_stage(text: str, label: Span) -> bool:
    return _STAGE_LABEL.fullmatch(text, label.start, label.end) is not None


# The employer's own stack: "they use Kafka everywhere", "the client uses GitLab CI", "Opera,
# which all our hotels run on".
_EMPLOYER = (
    r"(?:we|they|the (?:client|company|team|business|firm|practice|trust|school|hospital|hotel"
    r"|site|group|employer)|our (?:\w+ ){0,2}?(?:team|teams|hotels|sites|stores|clinics|wards"
    r"|engineers|estate|platform|stack|practice|offices|schools)|all (?:our|their) \w+)"
)
_STACK_VERB = (
    r"(?:use|uses|used|run|runs|run on|runs on|are on|is on|work in|works in|rely on|relies on"
    r"|standardi[sz]ed on|(?:is|are) built on|have moved to|are moving to)"
)
_EMPLOYER_BEFORE = re.compile(
    rf"\b{_EMPLOYER}\s+(?:\w+\s+)?{_STACK_VERB}\s+(?:\w+\s+){{0,2}}?$", re.I
)
_EMPLOYER_AFTER = re.compile(rf"\s*,?\s*(?:which|that) {_EMPLOYER} (?:\w+ )?{_STACK_VERB}\b", re.I)


def _employer_stack(text: str, m: Mention, clause: Span) -> bool:
    before = text[max(clause.start, m.start - 60) : m.start]
    return bool(_EMPLOYER_BEFORE.search(before) or _EMPLOYER_AFTER.match(text, m.end, clause.end))


# The candidate's own words, quoted as a weak answer: 'his answer was just "we'd check the
# dashboards"'. What is inside names what they said, not what they lack.
_QUOTED_ANSWER = re.compile(
    r"(?:\b(?:answer|response|reply)\b[^\"“‘]{0,60}?\b(?:was|were)(?: just| only| simply)?"
    r"|\b(?:you|he|she|they|I) (?:said|replied|answered|suggested)(?: (?:that )?(?:you|he|she|they"
    r"|I)'?d)?)[\s,:]*[\"“‘'][^\"”’]*$",
    re.I,
)


def _quotes_the_answer(text: str, m: Mention, ctx: _SentenceContext) -> bool:
    return bool(_QUOTED_ANSWER.search(text, ctx.span.start, m.start))


# "the customer cares about": the singular form matched a plural-looking verb.
_VERB_NEXT = re.compile(
    r"\s+(?:about|whether|us|them|him|her|me|deeply|most|if|how|why|what|who|when|where|for us"
    r"|a lot|so much)\b",
    re.I,
)


def _verb_plural(text: str, m: Mention, tx: Taxonomy) -> bool:
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


def _drop_umbrellas(text: str, mentions: list[Mention], tx: Taxonomy) -> list[Mention]:
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
        out.append(m)
    return out


# A list item or heading ("- model deployment, monitoring, Docker", "Specifically Node.js and
# REST APIs."): no subject of its own, so it continues the reasons around it.
_BULLET = re.compile(r"\s*(?:[-*•·▪●◦]|\d{1,2}[.)])\s+")
_SUBJECT = re.compile(r"\b(?:I|we|you|he|she|they|it|this|that|there|the team|our|your)\b", re.I)
_FRAGMENT_WORDS = 10


def _is_fragment(sentence: str) -> bool:
    if _BULLET.match(sentence):
        return True
    return len(sentence.split()) <= _FRAGMENT_WORDS and not _SUBJECT.search(sentence)


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
_NAMES_THE_JOB = re.compile(
    r"[ \t]+(?:role|position|post|vacancy|opening|job|team|department)s?\b"
    r"|-(?:focused|focussed|heavy|based|oriented|centric|led|driven|first)\b",
    re.I,
)


# "sourcing backend engineers", "hiring Python developers", "a team of Java devs": the words
# describe people (whom the candidate recruits, manages or works beside), not a skill.
_PEOPLE_NOUN = re.compile(
    r"[ \t]+(?:engineers|developers|devs|programmers|specialists|consultants|architects"
    r"|analysts|testers|designers|hires|candidates|contractors|practitioners|professionals"
    r"|talent|profiles|roles|vacancies|positions|recruiters)\b",
    re.I,
)


def _names_a_skill(text: str, m: Mention, entry: Entry) -> bool:
    """False when the words are a modifier of another noun or what the candidate already has."""
    before = text[max(0, m.start - 40) : m.start]
    if _HAS_ALREADY.search(before) or _WANTS_TO_WORK_IN.search(before):
        return False
    if _PROPOSED.search(text, max(0, m.start - 80), m.start):
        return False
    if _NAMES_THE_JOB.match(text, m.end) and _DETERMINER.search(
        text[max(0, m.start - 8) : m.start]
    ):
        return False
    if _PEOPLE_NOUN.match(text, m.end):
        return False
    plain = not m.case_sensitive and m.n_tokens == 1 and entry.kind in _PLAIN_KINDS
    return not (plain and _CONTEXT_NOUN.match(text, m.end))


_INTERVIEW_STAGE = re.compile(
    r"interview|round|take[- ]?home|test|exercise|assessment|screen|call|role[- ]?play|presentation"
    r"|case|task|challenge|demo|lesson|panel|whiteboard",
    re.I,
)


def _drop_interview_context(text: str, mentions: list[Mention], tx: Taxonomy) -> list[Mention]:
    """In "SQL was weak in the technical interview" the interview is where, not what (but
    "what our firm does" beside a hard skill is still a gap in company research)."""
    if not any(tx[m.skill_id].kind in _HARD for m in mentions):
        return mentions
    return [
        m
        for m in mentions
        if tx[m.skill_id].kind is not GoalKind.JOB_SEARCH
        or not _INTERVIEW_STAGE.search(text[m.start : m.end])
    ]


_QUALIFIES = re.compile(r"\s+(?:with|in|using|around|on|about|of)\s+(?:\w+\s+){0,2}?$")


def _drop_qualifiers(text: str, mentions: list[Mention], tx: Taxonomy) -> list[Mention]:
    """In "more confidence with source data verification" the soft word qualifies the hard
    skill after it: the goal is the hard skill."""
    out = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        qualifies = (
            nxt is not None
            and tx[m.skill_id].kind is GoalKind.SOFT
            and tx[nxt.skill_id].kind in _HARD
            and _QUALIFIES.match(text[m.end : nxt.start] + " ") is not None
        )
        if not qualifies:
            out.append(m)
    return out


def _keep(f: _Found, tx: Taxonomy, has_reason: bool) -> bool:
    entry = tx[f.skill_id]
    if f.cue is Cue.STRENGTH:
        return False
    if f.cue is None:
        return (
            has_reason
            and entry.kind not in _NEEDS_REASON
            and entry.source == "curated"
            and not tx.is_umbrella(entry.skill_id)
        )
    if entry.source != "curated":
        return f.mention.n_tokens >= 2
    return True


def _drop_subsumed(found: list[_Found], tx: Taxonomy) -> list[_Found]:
    """A tool's sub-service named beside the tool itself is one goal: "AWS (EC2, IAM)" is AWS.

    Broad areas named beside a narrower skill stay: feedback that says "weak on the backend,
    specifically Node.js" names both, and a coach writes both down.
    """
    drop: set[str] = set()
    for f in found:
        entry = tx[f.skill_id]
        if entry.kind is not GoalKind.TOOL:
            continue
        for g in found:
            same_place = g.evidence == f.evidence
            if same_place and g.skill_id in entry.broader and tx[g.skill_id].kind is GoalKind.TOOL:
                drop.add(f.skill_id)
    return [f for f in found if f.skill_id not in drop]


def _group(found: Iterable[_Found]) -> dict[str, list[_Found]]:
    groups: dict[str, list[_Found]] = {}
    for f in found:
        groups.setdefault(f.skill_id, []).append(f)
    return groups


def _best_cue(items: list[_Found]) -> Cue | None:
    order = [Cue.STRONG_GAP, Cue.GAP, Cue.REQUIREMENT, Cue.NICE]
    return next((c for c in order if any(f.cue is c for f in items)), None)


def _confidence(entry: Entry, cue: Cue | None, items: list[_Found]) -> float:
    short = min(f.mention.end - f.mention.start for f in items) <= 2
    base = 0.55 if entry.source != "curated" else (0.7 if short else 0.9)
    return round(min(0.99, base * _CUE_WEIGHT[cue] + 0.05 * (len(items) - 1)), 2)


def _evidence(text: str, spans: Iterable[Span], source: str) -> tuple[Evidence, ...]:
    seen: dict[Span, None] = dict.fromkeys(spans)
    return tuple(
        Evidence(text[s.start : s.end], s.start, s.end, source) for s in list(seen)[:_MAX_EVIDENCE]
    )


def _goal(text: str, entry: Entry, items: list[_Found]) -> SkillGoal:
    cue = _best_cue(items)
    return SkillGoal(
        skill_id=entry.skill_id,
        label=entry.label,
        kind=entry.kind,
        confidence=_confidence(entry, cue, items),
        evidence=_evidence(text, (f.evidence for f in items), "feedback"),
        framing=_FRAMING[cue],
        priority=_PRIORITY[cue],
        must_have=cue in (Cue.STRONG_GAP, Cue.GAP, Cue.REQUIREMENT),
        esco_uri=entry.esco_uri,
        prerequisites=entry.prerequisites,
        aliases=tuple(f for f, _ in surface_forms(entry) if f != entry.label)[:12],
    )


def _apply_job(
    goals: dict[str, SkillGoal],
    reqs: list[Requirement],
    job_description: str,
    resume: str | None,
    tx: Taxonomy,
) -> dict[str, SkillGoal]:
    """Mark feedback goals must-have or not from the job; add what the resume does not show."""
    out = dict(goals)
    via = shown_via(resume, tx) if resume is not None else None
    named: dict[Span, set[str]] = {}
    for r in reqs:
        named.setdefault(r.evidence, set()).add(r.skill_id)
    for r in reqs:
        ev = _evidence(job_description, [r.evidence], "job_description")
        if r.skill_id in out:
            g = out[r.skill_id]
            out[r.skill_id] = replace(g, must_have=r.must_have, evidence=g.evidence + ev)
        elif via is not None and not meets(r, via, named[r.evidence], tx):
            out[r.skill_id] = _requirement_goal(tx[r.skill_id], r, ev)
    return out


def _requirement_goal(entry: Entry, r: Requirement, ev: tuple[Evidence, ...]) -> SkillGoal:
    return SkillGoal(
        skill_id=entry.skill_id,
        label=entry.label,
        kind=entry.kind,
        confidence=0.8 if r.must_have else 0.7,
        evidence=ev,
        framing=Framing.REQUIREMENT,
        priority=2 if r.must_have else 4,
        must_have=r.must_have,
        esco_uri=entry.esco_uri,
        prerequisites=entry.prerequisites,
        aliases=tuple(f for f, _ in surface_forms(entry) if f != entry.label)[:12],
    )


def _order(g: SkillGoal) -> tuple[int, float, int]:
    return (g.priority, -g.confidence, g.evidence[0].start if g.evidence else 0)
