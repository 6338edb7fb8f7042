"""Feedback text (+ optional job description and resume) -> skill goals.

Pure: the taxonomy is an argument (default: the shipped one plus any imported ESCO index),
and the same input always gives the same goals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from planner.skills.asides import already_used, does_now, encourages, is_aside
from planner.skills.confidence import mention_features, requirement_features, score
from planner.skills.cues import Cue, find_cues
from planner.skills.filters import (
    drop_compound_heads,
    drop_interview_context,
    drop_qualifiers,
    drop_umbrellas,
    names_a_skill,
    quotes_the_answer,
    verb_plural,
)
from planner.skills.formats import names_the_format
from planner.skills.framing import (
    HEADING,
    REASON_CUES,
    SentenceContext,
    cue_for,
    discount_object,
    discounted_spans,
    discounts_mention,
    gap_label_end,
    hit_inside,
    in_object_list,
    is_fragment,
    label_cue,
    named_inside,
    reports_an_answer,
)
from planner.skills.incidental import (
    claimed_by_another,
    employer_stack,
    is_incidental,
    stack_continues,
)
from planner.skills.jobdesc import Requirement, meets, requirements, shown_via
from planner.skills.matcher import Mention, find_mentions
from planner.skills.model import Action, Evidence, Extraction, Framing, GoalKind, SkillGoal
from planner.skills.paraphrase import ParaphraseHit, find_paraphrases
from planner.skills.reasons import states_a_reason
from planner.skills.segment import (
    clauses,
    is_boilerplate,
    is_form_letter,
    sentences,
    signature_start,
)
from planner.skills.taxonomy import Entry, Taxonomy, default_taxonomy, surface_forms
from planner.skills.text import CLAUSE_MARKS, Span, check_text, clean_feedback, strip_html
from planner.skills.tokens import iter_words

REQUEST_FEEDBACK_DRAFT = (
    "Thank you for letting me know, and for the time you and the team spent on my application. "
    "If you have a moment, I would really value one or two specific points on where my "
    "experience or interviews fell short, so I can work on them for future roles. "
    "Either way, thank you again."
)
_NEEDS_REASON = frozenset({GoalKind.SOFT, GoalKind.JOB_SEARCH, GoalKind.LANGUAGE})
_PRIORITY = {Cue.STRONG_GAP: 1, Cue.GAP: 2, Cue.REQUIREMENT: 2, Cue.NICE: 4, None: 3}
_FRAMING = {
    Cue.STRONG_GAP: Framing.GAP,
    Cue.GAP: Framing.GAP,
    Cue.REQUIREMENT: Framing.REQUIREMENT,
    Cue.NICE: Framing.REQUIREMENT,
    None: Framing.MENTION,
}
_LIST_ITEM = re.compile(r"\s*(?:[-*•·▪●◦+]|\d{1,2}[.)])\s+")
# A line listing who was in the room: "Panel: ...", "Interviewed by: ...".
# "For reference, the position as advertised calls for:": a form letter repeating the advert's
# requirements as a list, which says nothing about the candidate.
_ADVERT_LEAD = re.compile(
    r"\b(?:(?:position|role|job|post|vacancy)(?: as advertised)? (?:calls? for|called for"
    r"|requires?|required|asks? for|asked for)|as advertised|the (?:essential |key )?(?:criteria"
    r"|requirements) (?:for (?:the|this) (?:role|post|position|job) )?(?:are|were))\b"
    r"[^:\n]{0,40}:\s*$"
    # "here are a few tips we share with everyone:", "some general pointers for all applicants:"
    r"|\b(?:tips|pointers|advice|suggestions|hints)\b[^:\n]{0,60}\b(?:everyone|everybody"
    r"|every (?:applicant|candidate)|all (?:applicants|candidates)|for future applications)\b"
    r"[^:\n]{0,40}:\s*$|\bgeneral (?:tips|pointers|advice|hints)\b[^:\n]{0,60}:\s*$"
    # "As a reminder, the role involves producing our weekly podcast ...": the job, not the
    # candidate
    r"|^\W*as a reminder,? (?:the|this) (?:role|job|position|post) (?:involves|requires"
    r"|includes|is)\b",
    re.I,
)
_PEOPLE_LINE = re.compile(
    r"\W*(?:panel(?:lists)?|interview(?:ed|ers?)(?:\s+by)?|attendees|present|assessors?|cc)\s*:",
    re.I,
)
_MIN_EVIDENCE_CHARS = 25
_MAX_EVIDENCE = 5
_MAX_UNNAMED = 5


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
    return extract_with_features(text, job_description, resume, taxonomy=taxonomy)[0]


Features = dict[str, dict[str, float]]


def extract_with_features(
    text: str,
    job_description: str | None = None,
    resume: str | None = None,
    *,
    taxonomy: Taxonomy | None = None,
) -> tuple[Extraction, Features]:
    """``extract``, plus what each goal's confidence was computed from (skill id -> features),
    for ``bench/confidence.py`` to fit and check the confidence model."""
    check_text(text, "feedback")
    if job_description is not None:
        check_text(job_description, "job description")
    if resume is not None:
        check_text(resume, "resume")
    tx = taxonomy if taxonomy is not None else default_taxonomy()
    context = strip_html(text) if job_description is None else f"{text}\n{job_description}"
    found, reasons = _mine_feedback(text, tx, context)
    groups = _group(found)
    feats = {sid: _features(text, tx[sid], items) for sid, items in groups.items()}
    goals = {sid: _goal(text, tx[sid], items, feats[sid]) for sid, items in groups.items()}
    unnamed = _evidence(text, reasons[:_MAX_UNNAMED], "feedback")
    actions: list[Action] = []
    if not goals:
        actions.append(Action("request_feedback", "Ask for specific feedback",
                              REQUEST_FEEDBACK_DRAFT))
    if unnamed:
        actions.append(rehearse_action(unnamed))
    templated = not goals and not unnamed  # reasons in words that name no skill are reasons
    if job_description is not None:
        reqs = requirements(job_description, tx)
        goals = _apply_job(goals, reqs, job_description, resume, tx, feats)
    ordered = tuple(sorted(goals.values(), key=_order))
    return Extraction(ordered, tuple(actions), templated, unnamed), feats


REHEARSE = "rehearse_described_gaps"  # the kind of the action rehearse_action returns


def rehearse_action(unnamed: tuple[Evidence, ...]) -> Action:
    """A practice step for what the feedback described without a skill's name: the situations
    themselves are what to rehearse."""
    quoted = "\n".join(f"- “{' '.join(e.text.split())}”" for e in unnamed)
    return Action(
        REHEARSE,
        "Rehearse what the feedback describes",
        "The feedback says this without naming a skill:\n"
        f"{quoted}\n"
        "For each, write down what you would do or say now, say it out loud, and check it with "
        "someone who does the job. If one points to a skill, add it as a goal.",
    )


def _mine_feedback(text: str, tx: Taxonomy, context: str) -> tuple[list[_Found], list[Span]]:
    """Mentions with their framing; ``context`` (the whole input) picks ambiguous senses.

    Also the sentences that state a reason but name no goal (see ``reasons.py``): a goal's
    evidence never reaches past the sentence its name is in, so these are the reasons no goal
    quotes.
    """
    clean = clean_feedback(text)
    found: list[_Found] = []
    reasons: list[Span] = []
    phrases = find_paraphrases(clean)
    after_reason = False  # the sentence before gave a reason or opened a list
    under_gap_heading = False  # the bullets of a "Gaps:" heading
    under_advert = False  # the bullets of "the position as advertised calls for:", "tips:"
    signature = signature_start(clean)
    for sent in sentences(clean):
        if sent.start >= signature:
            break
        words = clean[sent.start : sent.end]
        discounted = discounted_spans(words)
        hits = find_cues(clean, sent.start, sent.end)
        if discounted:  # "didn't matter", "no experience needed": not a gap, whatever its words
            hits = [h for h in hits if not hit_inside(h, sent.start, discounted)]
        gap_framed = any(h.cue in REASON_CUES for h in hits)
        if under_advert and (_LIST_ITEM.match(words) or not _starts_line(clean, sent.start)):
            continue  # the advert's requirements or tips for everyone, a bullet at a time
        if _ADVERT_LEAD.search(words):
            under_advert = words.rstrip().endswith(":")  # a list follows; a reminder stands alone
            continue
        under_advert = False
        if is_boilerplate(words, gap_framed) or is_form_letter(words) or _PEOPLE_LINE.match(words):
            continue  # "Panel: Site Director, HR, Continuous Improvement Lead" names people
        framed = (
            gap_framed
            or after_reason
            or (is_fragment(words) and not HEADING.search(words))
            or reports_an_answer(words, hits)
        )
        label = label_cue(clean, sent, hits)
        own = gap_label_end(words)
        gaps_from = sent.start + own if own >= 0 else (sent.start if under_gap_heading else -1)
        if gaps_from >= 0:
            framed = True
        ctx = SentenceContext(sent, hits, framed, label, bool(discounted), discounted, gaps_from)
        if not discounted and states_a_reason(words, hits):
            reasons.append(sent)
        for clause in clauses(clean, sent):
            inside = [p for p in phrases if clause.start <= p.start < clause.end]
            found.extend(_mine_clause(clean, tx, context, ctx, clause, inside))
        after_reason = gap_framed or words.endswith(":")
        # "Not appointed because:" followed by bullets: each bullet lists a gap
        if own >= 0 and own == len(words):
            under_gap_heading = True
        elif not _LIST_ITEM.match(words):
            under_gap_heading = False
    # Plain mentions count only when the text gives reasons about some skill: a form letter
    # that names the role's stack gives no goals.
    has_reason = any(f.cue in REASON_CUES for f in found)
    kept = _drop_subsumed(_one_sense(clean, [f for f in found if _keep(f, tx, has_reason)], tx), tx)
    unnamed = [
        s
        for s in reasons
        if not any(s.start <= f.mention.start < s.end for f in kept)
        and not any(s.start <= p.start < s.end for p in phrases)
    ]
    return kept, unnamed


def _starts_line(text: str, start: int) -> bool:
    """Whether only blanks stand between the line's start and ``start``."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def _one_sense(text: str, found: list[_Found], tx: Taxonomy) -> list[_Found]:
    """A bare word that another name in the text ends with refers back to that name: "the
    main reason is charting" beside "the perio charting" is dental charting, not the
    unrelated entry the bare word names on its own. A broader entry stays ("testing" beside
    "unit testing" is both)."""
    heads: dict[str, set[str]] = {}
    for f in found:
        words = text[f.mention.start : f.mention.end].lower().split()
        if len(words) > 1:
            heads.setdefault(words[-1], set()).add(f.skill_id)
    out = []
    for f in found:
        surface = text[f.mention.start : f.mention.end].lower()
        fuller = heads.get(surface, set()) - {f.skill_id}
        unrelated = [
            g
            for g in fuller
            if f.skill_id not in tx.ancestors(g) and g not in tx.ancestors(f.skill_id)
        ]
        if " " not in surface and unrelated:
            continue
        out.append(f)
    return out


def _mine_clause(
    clean: str,
    tx: Taxonomy,
    context: str,
    ctx: SentenceContext,
    clause: Span,
    phrases: list[ParaphraseHit],
) -> list[_Found]:
    clause_hits = [h for h in ctx.hits if clause.start <= h.start < clause.end]
    evidence = clause if clause.end - clause.start >= _MIN_EVIDENCE_CHARS else ctx.span
    found = find_mentions(clean, tx, clause.start, clause.end, context=context)
    mentions = drop_interview_context(clean, _with_paraphrases(clean, found, phrases), tx)
    by_span = {(p.start, p.end): p for p in phrases}
    out = []
    stack_end, stack_id = -1, ""  # the last mention naming the employer's stack in this clause
    object_end = -1  # the end of the last mention that was a discount's object
    kept = drop_compound_heads(clean, drop_qualifiers(clean, mentions, tx), tx)
    for m in drop_umbrellas(clean, kept, tx):
        phrase = by_span.get((m.start, m.end))
        entry = tx[m.skill_id]
        if not names_a_skill(clean, m, entry) or is_incidental(clean, m, tx):
            continue
        if phrase is None and is_aside(clean, m, entry, clause):
            continue  # "the CPC, which they need for the O-licence": why, not what
        if phrase is None and does_now(clean, m, clause) and not _faulted(ctx, m, mentions):
            continue  # "you use Tableau daily in your current job": theirs already
        if phrase is None and (verb_plural(clean, m, tx) or quotes_the_answer(clean, m, ctx)):
            continue
        cue = cue_for(clean, ctx, clause_hits, m, phrase, entry)
        in_label = ctx.label is not None and ctx.label[0].start <= m.start < ctx.label[0].end
        if not in_label and names_the_format(clean, m, entry, ctx.span, ctx.hits):
            continue  # "a SQL exercise", "the in-tray exercise": the format, not a gap
        stack = employer_stack(clean, m, clause) or (
            stack_end >= 0
            and (
                stack_continues(clean, stack_end, m.start)
                or (stack_id == m.skill_id and not clean[stack_end : m.start].strip())
            )
        )
        if stack:
            stack_end, stack_id = m.end, m.skill_id
        if stack and ctx.gaps_from >= 0 and not any(h.cue in REASON_CUES for h in clause_hits):
            continue  # "- We are an SAP EWM site" under "Not appointed because:"
        if stack and (ctx.discounted or cue not in REASON_CUES):
            continue  # "they use Kafka everywhere", "they use Snowflake + dbt": their stack
        if (
            stack
            and cue in (Cue.REQUIREMENT, Cue.NICE)
            and not any(h.cue in REASON_CUES and h.start >= m.end for h in clause_hits)
        ):
            continue  # "the role is building our AWS estate": the job's work on their stack
        if stack and claimed_by_another(clean, m, clause_hits, mentions, tx):
            continue  # "we run surveys in Qualtrics, and you weren't confident with statistics"
        if cue is None and not ctx.framed:
            continue  # named in passing, in a sentence that gives no reason about anything
        if cue is None and (ctx.discounted or already_used(clean, m, clause)):
            continue  # "candidate has used Sage 200": theirs, and no reason given about it
        if cue is None and encourages(clean[ctx.span.start : ctx.span.end]):
            continue  # "with your Python skills you'll go far": encouragement, not a gap
        if ctx.discounted and named_inside(m, ctx.span.start, ctx.discount_spans):
            continue  # "we know job hunting can be a grind": named inside what takes it back
        if ctx.discounted and (
            discount_object(clean, ctx.span.start, ctx.discount_spans, m.start)
            or in_object_list(clean, object_end, m.start)
        ):
            object_end = m.end
            continue  # "we didn't assess Python", "an induction covering X, Y and Z"
        if ctx.discounted and discounts_mention(
            clean, ctx.span.start, ctx.discount_spans, m.end, (o.start for o in mentions)
        ):
            continue  # "hadn't used FortiGate, but that was not a concern"
        out.append(_Found(m.skill_id, cue, evidence, m))
    return out


def _faulted(ctx: SentenceContext, m: Mention, mentions: list[Mention]) -> bool:
    """True when a gap word follows the mention before any other name: "you use Excel, but
    only at a basic level"."""
    gaps = [h.start for h in ctx.hits if h.cue in (Cue.STRONG_GAP, Cue.GAP) and h.start >= m.end]
    if not gaps:
        return False
    return not any(m.end <= o.start < min(gaps) for o in mentions)


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


def _keep(f: _Found, tx: Taxonomy, has_reason: bool) -> bool:
    entry = tx[f.skill_id]
    if f.cue is Cue.STRENGTH:
        return False
    if f.cue is None:
        return (
            has_reason
            and entry.kind not in _NEEDS_REASON
            and entry.source == "curated"
            # a broad area named in passing is no goal; a certification with grades under it
            # ("CSCS card" over its colour cards) is one thing to hold
            and (entry.kind is GoalKind.CERTIFICATION or not tx.is_umbrella(entry.skill_id))
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


def _features(text: str, entry: Entry, items: list[_Found]) -> dict[str, float]:
    surfaces = (
        (text[f.mention.start : f.mention.end], f.mention.n_tokens, f.mention.ambiguity is not None)
        for f in items
    )
    return mention_features(surfaces, _best_cue(items), entry.kind, entry.source != "curated")


def _evidence(text: str, spans: Iterable[Span], source: str) -> tuple[Evidence, ...]:
    # A clause cut at ": " or "; " starts with that mark; the quote starts at the words.
    seen: dict[Span, None] = dict.fromkeys(_from_words(text, s) for s in spans)
    return tuple(
        Evidence(text[s.start : s.end], s.start, s.end, source) for s in list(seen)[:_MAX_EVIDENCE]
    )


def _from_words(text: str, s: Span) -> Span:
    chunk = text[s.start : s.end]
    lead = len(chunk) - len(chunk.lstrip(CLAUSE_MARKS))
    return Span(s.start + lead, s.end) if lead < len(chunk) else s


def _goal(text: str, entry: Entry, items: list[_Found], features: dict[str, float]) -> SkillGoal:
    cue = _best_cue(items)
    return SkillGoal(
        skill_id=entry.skill_id,
        label=entry.label,
        kind=entry.kind,
        confidence=score(features),
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
    features: Features,
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
            features[r.skill_id] = requirement_features(r.must_have, tx[r.skill_id].kind)
            out[r.skill_id] = _requirement_goal(tx[r.skill_id], r, ev, features[r.skill_id])
    return out


def _requirement_goal(
    entry: Entry, r: Requirement, ev: tuple[Evidence, ...], features: dict[str, float]
) -> SkillGoal:
    return SkillGoal(
        skill_id=entry.skill_id,
        label=entry.label,
        kind=entry.kind,
        confidence=score(features),
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
