"""Sentence framing: whether a sentence gives reasons, and the cue a mention takes from it.

Covers discounting ("didn't matter"), reported answers, list items and headings, and
scorecard label lines ("Wound care: 2/5") whose rating frames the skill they name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.skills.cues import Cue, CueHit, find_cues, framing_for, lower_literals
from planner.skills.matcher import Mention
from planner.skills.model import GoalKind
from planner.skills.paraphrase import ParaphraseHit
from planner.skills.segment import sentences
from planner.skills.taxonomy import Entry
from planner.skills.text import BULLET, Span

REASON_CUES = frozenset({Cue.STRONG_GAP, Cue.GAP, Cue.REQUIREMENT, Cue.NICE})
HARD_KINDS = frozenset({GoalKind.TECHNICAL, GoalKind.TOOL, GoalKind.CERTIFICATION})


@dataclass(frozen=True)
class SentenceContext:
    span: Span
    hits: list[CueHit]
    framed: bool  # the sentence (or the one before) gives a reason, or is a list item
    label: tuple[Span, Cue] | None  # "Wound care: 2/5": the label and the rating's framing
    discounted: bool  # the sentence says something does not matter ("any TMS would do")
    discount_spans: list[tuple[int, int]] = field(default_factory=list)  # sentence offsets
    gaps_from: int = -1  # offset after which the sentence lists gaps ("Main gaps: ..."), or -1


def cue_for(
    clean: str,
    ctx: SentenceContext,
    clause_hits: list[CueHit],
    m: Mention,
    phrase: ParaphraseHit | None,
    entry: Entry,
) -> Cue | None:
    """The framing of one mention: its clause's cue words, a rated label, or the paraphrase."""
    label = ctx.label
    in_label = label is not None and label[0].start <= m.start and m.end <= label[0].end
    if in_label and label is not None and m.end < label[0].end and _bulleted(clean, ctx.span):
        in_label = False  # "- ML design: no plan for evaluation": the round, not ML
    if (
        label is not None
        and in_label
        and entry.kind not in HARD_KINDS
        and _names_a_stage(clean, label[0])
    ):
        return None  # "Presentation: this is where it fell down": the stage, not the skill
    cue = framing_for(clean, clause_hits, m.start, m.end)
    if cue is None and label is not None and in_label:
        # "Round 2 (take-home):" names an interview stage, not a gap in interviewing
        cue = None if entry.kind is GoalKind.JOB_SEARCH and label[1] is Cue.GAP else label[1]
    if cue is None and 0 <= ctx.gaps_from <= m.start:
        cue = Cue.STRONG_GAP  # "Main gaps: paid social at scale and attribution"
    if cue is None and _elaborates(clean, ctx, m):
        cue = Cue.GAP  # "One thing held you back. Specifically, stakeholder management."
    if cue is Cue.STRENGTH and _TAKEN_BACK.match(clean, m.end, ctx.span.end):
        cue = Cue.GAP  # "Your Lithuanian was good, though not quite strong enough yet"
    if phrase is not None and cue not in REASON_CUES:
        if phrase.states_gap and cue is not Cue.STRENGTH:
            return Cue.GAP  # "went with gut feel" says what was wrong by itself
        if cue is None and ctx.framed:
            return Cue.GAP  # a described skill in a sentence that gives reasons
    return cue


# Praise taken back in the same breath: "Your Lithuanian was good, though perhaps not quite
# strong enough yet", "solid, but it wasn't quite at the level we need". Nothing else is named
# and no one else is the subject after the contrast.
_TAKEN_BACK = re.compile(
    r"(?:\s+[\w'-]+){1,5}?\s*,?\s+(?:but|though|although|yet)\s+(?:(?:perhaps|maybe|probably"
    r"|still|just)\s+)?(?:(?:it|that)\s+(?:wasn'?t|was not|isn'?t|is not)|not)\s+(?:yet\s+)?"
    r"(?:quite\s+|really\s+|yet\s+)*(?:(?:[\w-]+\s+)?enough|there|at (?:the|our) (?:level|standard)"
    r"|up to (?:the|our) (?:level|standard))\b"
    # not "great CAD skills but not enough depth in GD&T": that names what fell short
    r"(?!\s+(?:(?:depth|experience|knowledge|exposure|detail|practice)\s+)?(?:in|on|with|of"
    r"|around|about)\b)",
    re.I,
)


# A sentence that only names what the one before it judged: "One area held you back. It was
# stakeholder management.", "... wasn't quite there. Specifically, delegation."
_ELABORATION = re.compile(
    r"\W*(?:(?:specifically|in particular|particularly|mainly|mostly|chiefly|namely|especially"
    r"|notably|primarily|above all)\b|(?:it|that|this)(?:'s|’s| was| is| were)\b)",
    re.I,
)
_MAX_NAMING_WORDS = 4  # words besides the skill's name in "Mainly your stakeholder management."
# "Differentiation was the other point.", "Marketing analytics is the other area: ...": the
# next item of the list the sentence before began, praise or gap.
_THE_OTHER = re.compile(
    r"\s+(?:is|was|are|were) (?:also )?the (?:other|second|third|last|final|remaining)"
    r" (?:point|area|thing|issue|topic|piece|one|gap)s?\s*(?:[:.;,–—-]|$)",
    re.I,
)


def _elaborates(text: str, ctx: SentenceContext, m: Mention) -> bool:
    sent = ctx.span
    words = text[sent.start : m.start] + " " + text[m.end : sent.end]
    if not _THE_OTHER.match(text, m.end, sent.end):
        if ctx.hits or len(words.split()) > _MAX_NAMING_WORDS:
            return False
        if not _ELABORATION.match(text, sent.start, m.start) and (
            len(words.split()) > _MAX_NAMING_WORDS - 2 or BULLET.match(text, sent.start)
        ):
            return False  # a bare name on its own line or with words of its own
    before = list(sentences(text, max(0, sent.start - 300), sent.start))
    if not before or text[before[-1].end : sent.start].count("\n") > 1:
        return False  # no sentence just before, or a paragraph break between them
    hits = find_cues(text, before[-1].start, before[-1].end)
    judged = [h.cue for h in hits if h.cue in (Cue.STRONG_GAP, Cue.GAP, Cue.STRENGTH)]
    return bool(judged) and judged[-1] is not Cue.STRENGTH


# A sentence that reports what the candidate answered is a reason unless it praises:
# "When asked how you'd handle an underperformer, you said you'd pick up the slack".
_REPORTS_ANSWER = re.compile(
    r"^\W*(?:when|once|after being) asked\b|^\W*asked (?:how|what|about|to|whether|why)\b", re.I
)


def reports_an_answer(sentence: str, hits: list[CueHit]) -> bool:
    return bool(_REPORTS_ANSWER.search(sentence)) and not any(h.cue is Cue.STRENGTH for h in hits)


# A heading ("Mechanical Design Engineer - technical interview feedback", "Trade test result -
# Approved Electrician") names the role and the document, not a gap.
HEADING = re.compile(
    r"\b(?:feedback|notes|debrief|scorecard|outcome|result|results|summary|assessment centre"
    r"|assessment center)\b",
    re.I,
)
# "Discounted" things: the sentence says a skill or tool does not count against the candidate.
# The rest of a clause, up to a contrast or a new one about the candidate: "we are recruiting a
# Welder and you lacked Excel" stops before "and you", "unable to give detailed feedback, but the
# panel felt your Excel ..." before "but".
_REST_OF_CLAUSE = (
    r"(?:(?!\b(?:but|however|although|though|yet)\b|\b(?:and|so) (?:you|your|he|she|they|we)\b)"
    r"[^.;])*"
)
_DISCOUNT = re.compile(
    r"\b(?:did(?:n't| not)|does(?:n't| not)|wo(?:n't|uld not)|will not) (?:really )?matter\b"
    r"|\b(?:not|never|wasn'?t|isn'?t|aren'?t|weren'?t|neither|none of (?:them|these|those|which)"
    r"(?: is| are| was| were)?) (?:a|the|an) (?:\w+ )?(?:factor|concern|problem|issue"
    r"|requirement|deal-?breaker|blocker)s?\b"
    r"|\bno (?:issue|problem|concern)s? (?:there|with (?:that|it|this|them))\b"
    # "no prior ADP experience was required": the skill may stand before "experience"
    r"|\bno (?:prior |previous )?(?:[\w+#./-]+ ){0,3}?(?:experience|knowledge) "
    r"(?:(?:is|was|was really|is really) )?"
    r"(?:needed|required|necessary|expected)\b"
    r"|\b(?:we|they|the team|the client)(?:'d| would| will|'ll| can| could| are happy to"
    r"| were happy to)? (?:\w+ ){0,2}?train\b(?! (?:as|to be)\b)"
    r"|\b(?:you|he|she|they)(?:'d| would| will|'ll| could) (?:have )?"
    r"(?:soon |quickly |easily )?(?:pick(?:ed)? (?:it|that|this|them) up|pick(?:ed)? up"
    r" (?:quickly|fast|easily|in no time)|learn (?:it|that|this|them)? ?(?:in (?:a|an) (?:day|week"
    r"|afternoon|hour)|quickly|fast))\b"
    # "our bid library sits in Loopio; don't worry about that"
    r"|\b(?:don'?t|do not|no need to) (?:\w+ )?worry (?:about|that)\b"
    # "it didn't count against you", "wasn't part of the decision", "played no part"
    r"|\b(?:did(?:n't| not)|does(?:n't| not)|wo(?:n't|uld not)|will not) (?:really )?(?:(?:count"
    r"|weigh) (?:against|towards?)|factor in(?:to)?|feature in|come into it)\b"
    r"|\b(?:wasn'?t|was not|weren'?t|were not|isn'?t|is not|aren'?t|are not) (?:really |even )?"
    r"(?:part of (?:the|our|this|my) (?:decision|assessment|scoring|criteria|process|job|role)"
    r"|assessed|scored|weighed|weighted|required|essential|needed|a requirement)\b"
    r"|\bplayed no part\b|\bno part in (?:the|our|my) decision\b"
    r"|\b(?:(?:don'?t|do not) )?read too much into\b"
    # "please don't see it as a barrier", "you meet our minimum requirement"
    r"|\b(?:don'?t|do not) (?:see|treat|take) (?:it|that|this) as a (?:barrier|problem|issue"
    r"|obstacle|setback|weakness)\b"
    r"|\byou (?:meet|met|exceed|exceeded) (?:our|the) (?:minimum |basic )?(?:requirements?"
    r"|standard|bar)\b"
    # "we don't need SunSystems experience", "we wouldn't need to send you on the course",
    # "joiners here don't need to touch it", "your certificate carries over"
    r"|\b(?:we|they) (?:don'?t|do not) need (?:[\w-]+ ){0,3}?(?:experience|knowledge|skills?)\b"
    r"|\b(?:wouldn'?t|would not|won'?t|will not|don'?t|do not) need to (?:send|put) (?:you|them)"
    r" (?:on|through)\b"
    r"|\b(?:don'?t|do not|won'?t|will not|wouldn'?t|would not|never) (?:ever )?need to (?:touch"
    r"|handle|do|run|use) (?:it|that|this|them)\b|\bcarr(?:y|ies|ied) (?:it )?over\b"
    r"|\bthat side(?: of (?:it|things))? (?:was|is) (?:fine|ok|okay|covered|solid|no problem)\b"
    # what the employer provides or runs: "a paid two-week induction covering the Care
    # Certificate", "All successful candidates complete a certified training course", "we also
    # run graduate schemes in logistics", "Read our Cadet FAQs for information about ..."
    r"|\binduction (?:covering|that covers|which covers|including)\b"
    r"|\ball (?:successful (?:candidates|applicants)|new (?:starters|staff|hires|recruits)"
    r"|recruits|trainees) (?:complete|undertake|attend|receive|do|go through|are trained)\b"
    r"|\bwe (?:also )?(?:run|offer|have) (?:[\w-]+ ){0,2}?(?:schemes|programmes|programs"
    r"|roles|opportunities|vacancies|internships|apprenticeships) in\b"
    rf"|\b(?:read|see|visit|check) (?:our|the) [^.;]{{0,40}}?for (?:more )?(?:information|details"
    rf"|guidance) (?:about|on)\b{_REST_OF_CLAUSE}"
    # "we're currently recruiting Cabin Crew, Aircraft Maintenance Engineers", "if store
    # management isn't for you", "we're unable to provide individual results, as our testing is
    # conducted by an independent aviation psychology provider"
    r"|\b(?:we're|we are) (?:also |currently |still )*(?:recruiting|hiring)(?: for)?"
    rf" (?=(?-i:[A-Z])|other\b|a range\b){_REST_OF_CLAUSE}"
    r"|\b(?:isn't|is not|wasn't|was not) for you\b"
    r"|\b(?:unable|not able) to (?:provide|give|offer|share|discuss) (?:individual |detailed "
    rf"|personal )?(?:results|feedback)\b{_REST_OF_CLAUSE}"
    # signposting and sympathy in a form letter: "you may also find the National Careers Service
    # helpful", "we know job hunting can be a grind"
    r"|\b(?:you )?(?:may|might) (?:also )?find\b[^.;]{0,120}?\b(?:helpful|useful)\b"
    r"|\b(?:know|understand|appreciate) (?:that |how )?[^.;]{0,40}?(?:can be|is) (?:a grind|tough"
    r"|hard|difficult|frustrating|disheartening|draining|stressful|exhausting|time-consuming)\b"
    # "we'll put you through our induction", "we'll show you ourselves", "every new starter goes
    # through our system training", "we'll get you up to speed", "taught on the job"
    r"|\b(?:we|they)(?:'ll| will| would|'d)? (?:put|send) (?:you|every\w*|all \w+|new \w+)"
    r" (?:\w+ ){0,3}?through\b"
    r"|\b(?:we|they)(?:'ll| will| would|'d)? (?:show|teach|walk) (?:you|every\w*|all|new)\b"
    r"|\bevery(?:one|body| new starter| new \w+)? (?:goes|gets|spends|is) (?:\w+ ){0,3}?"
    r"(?:through|onboarded|trained|taught|shown)\b"
    r"|\b(?:get|bring) you up to speed\b|\b(?:teach|taught|learn|learned|learnt) on the job\b"
    r"|\bin-house (?:programme|program|training|course)\b|\bno need to (?:know|have|hold)\b"
    # what the candidate plainly has: "that side was never in doubt", "second nature to you"
    r"|\b(?:never|wasn'?t|was not|isn'?t|is not|weren'?t|were not|aren'?t|are not)"
    r" (?:really )?in (?:doubt|question)\b"
    r"|\bsecond nature\b|\b(?:wasn'?t|was not|isn'?t|is not|never) (?:a|an) worry\b"
    r"|\b(?:straightforward|easy) for you\b|\bhold (?:\w+ ){0,3}?against\b"
    r"|\bdon'?t let (?:that|it|this) put you off\b"
    r"|\b(?:we|they) did(?:n'?t| not) (?:assess|look at|test|score)\b"
    r"|\bno (?:prior |previous )?(?:certificate|qualification|licence|license|certification)s?"
    r" (?:is |was |are )?(?:needed|required|necessary|expected)\b"
    # "we do not expect candidates to have used it"
    r"|\b(?:we|they)(?: do not| don'?t| would not| wouldn'?t| did not| didn'?t) expect"
    r" (?:candidates|applicants|you|anyone|people|new starters|the successful candidate)"
    r" to (?:have|know)\b"
    # "Hospital runs ezyVet; trained on induction"
    r"|\btrained (?:on|at|during) (?:induction|the job|onboarding)\b"
    r"|\b(?:is|are|was|were|it's|they're) (?:all |very |quite )?(?:learnable|teachable)\b"
    r"|\b(?:we|they)(?:'ll| will| would|'d)? (?:provide|give|offer) (?:full |all |complete )?"
    r"(?:training|induction)\b"
    r"|\b(?:easy|quick|simple) to (?:learn|pick up)\b"
    # "but that's not why you didn't get it", "which wasn't the reason"
    r"|\b(?:that|this|it|which)(?:'s| is| was|'s not| isn't| wasn't) (?:not )?(?:why|the reason)\b"
    # "you'll be trained on NetSuite", "training provided", "full training given"
    r"|\b(?:you|he|she|they)(?:'ll| will|'d| would) be (?:fully |properly )?trained\b"
    r"|\b(?:full |all |complete )?training (?:(?:is|will be|would be|can be) )?(?:provided|given)\b"
    r"|\beasy to (?:learn|pick up)\b|\bcan be (?:learned|learnt|taught|picked up)\b"
    r"|\b(?:weren'?t|were not|wasn'?t|was not|aren'?t|are not|isn'?t|is not|not) (?:at all )?"
    r"(?:worried|concerned|bothered)\b"
    r"|\b(?:not )?held against\b|\bnot something (?:we|they|I)(?:'d| would| will)? hold against\b"
    r"|\b(?:not|wasn'?t|isn'?t) something (?:they|we|you|I|he|she) (?:\w+ ){0,2}?expect"
    r"|\bany (?:\w+ ){0,2}?(?:would|will) do\b"
    r"|\b(?:said|says|felt|thought|agreed)(?: that)? (?:that|this|it)(?:'s| was| is| would be)"
    r" (?:fine|ok|okay|no problem|not an issue)\b"
    # "you haven't done IV cannulation yet - that's fine", "you've used Sage, which is fine"
    r"|(?:[,;]|\s[–—-])\s*(?:which|that|this)(?:'s| is| was) (?:absolutely |totally |perfectly )?"
    r"(?:fine|ok|okay|no problem)\b"
    # "MATLAB/Simulink uni level only - fine for this role"
    r"|(?:[,;]|\s[–—-])\s*(?:(?:which|that|this|it)(?:'s| is| was| would be) )?(?:absolutely "
    r"|totally |perfectly )?(?:fine|ok|okay|enough|sufficient|acceptable) for (?:this|the|our|a)"
    r" (?:\w+ )?(?:role|job|post|position|level|grade)\b",
    re.I,
)


_DISCOUNT_LOWER = re.compile(lower_literals(_DISCOUNT.pattern))


def discounted_spans(sentence: str) -> list[tuple[int, int]]:
    lower = sentence.lower()  # see cues.lower_literals: the same matches, faster
    if len(lower) == len(sentence):
        return [m.span() for m in _DISCOUNT_LOWER.finditer(lower)]
    return [m.span() for m in _DISCOUNT.finditer(sentence)]


# "he hadn't used FortiGate but that was not a concern": a discount after the mention, joined
# by a contrast, takes back the gap the clause gave it.
# So do "she said that's fine" after a comma, and a relative clause about the mention first
# ("Kubernetes, which you hadn't used, but that's not something we'd hold against anyone").
_TAKES_BACK = re.compile(
    r"(?:[ \t]+[\w'/.-]+){0,3}?\s*(?:,\s*\b(?:which|that)\b(?:\s+[\w']+){1,6}?\s*,)?"
    r"(?:,?\s*\b(?:but|though|although|which|so)\b(?:\s+[\w']+){0,4}?"
    r"|,\s*(?:he|she|they|we|I|the \w+))?\s*$",
    re.I,
)


# What may stand between a discount and its object: "we didn't assess Python", "we'll put you
# through our induction"; and between the objects of a list after it: "the Care Certificate,
# manual handling, infection prevention and control and basic life support".
_OBJECT_GAP = re.compile(r"\s*(?:(?:you|the|our|your|any|some|a|an)\s+){0,2}", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|\band\b|\bor\b|/)\s*(?:(?:and|or)\s+)?(?:(?:the|a|an)\s+)?", re.I)


def discount_object(text: str, offset: int, spans: list[tuple[int, int]], start: int) -> bool:
    """True when a mention starting at ``start`` is the object of a discount before it: "your SQL
    was weak and we didn't assess Python" takes back Python, not SQL."""
    return any(
        offset + b <= start and _OBJECT_GAP.fullmatch(text, offset + b, start) is not None
        for _, b in spans
    )


def in_object_list(text: str, previous_end: int, start: int) -> bool:
    """True when a mention starting at ``start`` continues a list whose item before it (ending at
    ``previous_end``) was a discount's object."""
    return previous_end >= 0 and _LIST_GAP.fullmatch(text, previous_end, start) is not None


def discounts_mention(
    text: str, offset: int, spans: list[tuple[int, int]], end: int, objects: Iterable[int] = ()
) -> bool:
    """True when a discount later in the sentence refers back to a mention ending at ``end``;
    not one that has an object of its own among the mentions starting at ``objects``."""
    starts = list(objects)
    return any(
        offset + a >= end
        and _TAKES_BACK.match(text, end, offset + a) is not None
        and not any(discount_object(text, offset, [(a, b)], s) for s in starts)
        for a, b in spans
    )


def hit_inside(h: CueHit, offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(offset + a <= h.start < offset + b for a, b in spans)


def named_inside(m: Mention, offset: int, spans: list[tuple[int, int]]) -> bool:
    """True when the mention lies wholly inside a discount ("no prior ADP experience needed")."""
    return any(offset + a <= m.start and m.end <= offset + b for a, b in spans)


# "Wound care: 2/5", "Performance: 1/4 - could not explain ...", "React knowledge: strong.":
# a scorecard label takes the framing of its rating or of the words after it.
# A bullet may lead the label: "- incident response: slow to get to mitigation".
_LABEL = re.compile(rf"(?:{BULLET.pattern})?[ \t]*([A-Za-z][^:\n]{{1,40}}?)[ \t]*:[ \t]+")
_RATING = re.compile(r"(\d{1,2}(?:\.\d)?)\s*/\s*(\d{1,2})\b")
_META_LABEL = re.compile(
    r"^(?:decision|outcome|result|recommendation|overall|verdict|summary|next steps?|hire\??"
    r"|status|feedback|notes|interviewer|candidate|role|position|panel|date|strengths?"
    r"|concerns?|gaps?|areas? (?:for|of|to) \w+|subject|re|from|to|cc)$",
    re.I,
)
_MAX_LABEL_WORDS = 5
# A rating in words that says the candidate fell short.
_FAILED = re.compile(
    r"(?:(?:failed|fail|not (?:met|passed|demonstrated|achieved|yet)|unsatisfactory|poor|below"
    r"|needs? (?:work|development)|not at (?:the )?(?:level|standard)|requires? improvement"
    # "Service virtualization: limited", "Aligning optics - slow and unsystematic",
    # "Monitoring visits: observed only, never led"
    r"|limited|weak|slow|shaky|patchy|unsystematic|inconsistent|basic(?: only)?"
    r"|(?:observed|shadowed) only|only (?:observed|shadowed)|never (?:led|done|used))\b"
    # "Typing from manuscript: 68% accuracy (pass mark 95%)"
    r"|(?=(\d{1,3})\s*%[^\n]{0,30}?\bpass(?:ing)? mark\s*(?:of\s+|is\s+|:\s*)?(\d{1,3})\s*%))",
    re.I,
)


def _failed(text: str, start: int, end: int) -> bool:
    """A rating in words (or a score under its pass mark) after a label says it fell short."""
    m = _FAILED.match(text, start, end)
    if m is None:
        return False
    return m.group(1) is None or int(m.group(1)) < int(m.group(2))


def _bulleted(text: str, sent: Span) -> bool:
    return BULLET.match(text, sent.start, sent.end) is not None


def label_cue(text: str, sent: Span, hits: list[CueHit]) -> tuple[Span, Cue] | None:
    m = _LABEL.match(text, sent.start, sent.end)
    if m is None:
        return _dash_label_cue(text, sent, hits)
    if len(m.group(1).split()) > _MAX_LABEL_WORDS or _META_LABEL.match(m.group(1)):
        return None
    label = Span(m.start(1), m.end(1))
    rating = _RATING.match(text, m.end(), sent.end)
    if rating is not None:
        score, top = float(rating.group(1)), float(rating.group(2))
        if not 0 < top <= 10 or score > top:
            return None
        return label, (Cue.STRONG_GAP if score / top <= 0.5 else Cue.STRENGTH)
    rest = [h.cue for h in hits if h.start >= m.end()]
    if any(c in REASON_CUES for c in rest) or _failed(text, m.end(), sent.end):
        return label, Cue.GAP  # "Inspection and testing: failed."
    if BULLET.match(m.group(0)) and Cue.STRENGTH not in rest:
        return None  # "- FEA: asked how I'd check the stresses": a reason listed, not a rating
    # "SQL test: passed comfortably", "Presentation: fine": a label frames a gap only when the
    # words after it are negative; otherwise what it names was rated and found good enough.
    return label, Cue.STRENGTH


# "Drainage design - limited experience; could not size the tank": a label before a dash.
_DASH_LABEL = re.compile(
    rf"(?:{BULLET.pattern})?[ \t]*([A-Za-z][^:\n–—-]{{1,40}}?)[ \t]+[–—-][ \t]+"
)


def _dash_label_cue(text: str, sent: Span, hits: list[CueHit]) -> tuple[Span, Cue] | None:
    """A dash after a short label frames what it names only when the words after it say the
    candidate fell short; a heading ("Chef de partie trial - notes") frames nothing."""
    if text[sent.start : sent.end].rstrip().endswith("?"):
        return None  # "Chef de partie application - what should I work on?"
    m = _DASH_LABEL.match(text, sent.start, sent.end)
    if m is None or len(m.group(1).split()) > _MAX_LABEL_WORDS or _META_LABEL.match(m.group(1)):
        return None
    rest = [h.cue for h in hits if h.start >= m.end()]
    if any(c in REASON_CUES for c in rest) or _failed(text, m.end(), sent.end):
        return Span(m.start(1), m.end(1)), Cue.GAP
    if Cue.STRENGTH in rest:
        return Span(m.start(1), m.end(1)), Cue.STRENGTH  # "Python - good"
    return None


# A label that names an interview stage: "Presentation", "Written exercise", "SQL test".
_STAGE_LABEL = re.compile(
    r"(?:[\w&/-]+\s+){0,3}?(?:presentation|interview|test|exercise|task|case study|role[- ]?play"
    r"|scenario|assessment|round|stage|screen|challenge|demo)s?",
    re.I,
)


def _names_a_stage(text: str, label: Span) -> bool:
    return _STAGE_LABEL.fullmatch(text, label.start, label.end) is not None


# "Main gaps: paid social at scale", "Development areas:", "Not appointed because:": what follows
# the label lists the gaps, in the line itself or in the bullets under it.
_GAP_LABEL = re.compile(
    r"[ \t]*(?:[-*•]\s*)?(?:(?:the\s+)?(?:main|key|biggest|two|three|some|other|remaining)\s+)?"
    r"(?:gaps?|concerns?|weakness(?:es)?|development\s+areas?|development\s+points?|issues?"
    r"|problems?|sticking\s+points?|stumbling\s+blocks?|worr(?:y|ies)"
    r"|areas?\s+(?:for|of|to)\s+(?:development|improvement|growth|work\s+on|develop)"
    r"|(?:things\s+)?to\s+(?:work\s+on|improve|develop)|why\s+not|reasons?"
    r"|not\s+(?:appointed|progressed|progressing|selected|successful|offered)\s+because"
    r"|what\s+(?:held\s+(?:you|him|her|them)\s+back|went\s+wrong|to\s+work\s+on)|missing"
    r"|lacking|could\s+improve|even\s+better\s+if|ebi)\s*:(?!\s*(?:none|nil|n/?a|nothing|no\b))"
    # "We are not progressing because of the technical side: in the in-tray exercise you ..."
    r"|[ \t]*(?:we(?:'re|\s+are|\s+were)\s+|(?:she|he|they|you)\s+(?:was|were|is|are)\s+)?"
    r"not\s+(?:appointed|progressed|progressing|selected|successful|offered|offering)\s+because"
    r"\b[^:.\n]{0,50}:"
    # "The main gap was hands-on detection work: the role means ...": what follows the colon
    r"|[ \t]*(?:the\s+)?(?:main|key|biggest|real|one|other|only)\s+(?:gap|concern|weakness)"
    r"\s+(?:was|were|is|are)\b[^:.\n]{0,60}:",
    re.I,
)


def gap_label_end(sentence: str) -> int:
    """Offset in ``sentence`` after a label that introduces gaps, or -1."""
    m = _GAP_LABEL.match(sentence)
    return m.end() if m else -1


# A list item or heading ("- model deployment, monitoring, Docker", "Specifically Node.js and
# REST APIs."): no subject of its own, so it continues the reasons around it.
_SUBJECT = re.compile(r"\b(?:I|we|you|he|she|they|it|this|that|there|the team|our|your)\b", re.I)
_FRAGMENT_WORDS = 10


def is_fragment(sentence: str) -> bool:
    if BULLET.match(sentence):
        return True
    return len(sentence.split()) <= _FRAGMENT_WORDS and not _SUBJECT.search(sentence)
