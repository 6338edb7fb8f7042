"""Reasons that name no skill: sentences of feedback that state a shortfall in words that name
no goal ("your sample report listed policies without reaching a reasoned recommendation", "has
only used Sage 50 and could not explain how he would close the month").

The extractor does not guess a skill for them: a guess from such words is wrong far more often
than right. It returns them instead, so that the person can see what the feedback said and name
the goal it points to. A line that gives the outcome, opens a list, thanks, comforts or
compares the candidate with others is no reason of that kind, nor is a question.
"""

from __future__ import annotations

import re

from planner.skills.cuekinds import Cue, CueHit

# At least this many words: "Not offered.", "Two things held you back." say no what.
_MIN_WORDS = 7
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# The decision, the pool, what comes next, and lines that only announce the reasons below.
_NOT_A_REASON = re.compile(
    r"\b(?:(?:not|n't) (?:be(?:en)? )?(?:appointed|offered|offering|progress(?:ed|ing)?"
    r"|shortlisted|shortlisting|taking (?:it|this|you) (?:further|forward)"
    r"|moving (?:forward|ahead)|(?:able|possible) to offer)"
    r"|offer(?:ed|ing)? (?:you )?(?:the|this|a) (?:post|role|job|position|place)"
    r"|no[- ]hire|do not appoint|(?:our|the|final|panel's) (?:decision|outcome) (?:is|was|has)"
    r"|(?:re)?consider (?:you|for)"
    r"|re-?appl(?:y|ies|ying|ication)|apply again|keep (?:in touch|your (?:details|cv|chin))"
    r"|sorry|good luck|get in touch|would consider|could be offered|held you back|came down to"
    r"|on this occasion|not the (?:answer|news|outcome)"
    r"|(?:make|making|made|extend(?:ed|ing)?) (?:you )?an offer|see you again|form letter"
    r"|(?:don't|do not|no need to) worry"
    r"|(?:gone|going|went) with (?:someone|another|a candidate)|apply (?:again|for)"
    r"|encourage you to|look out for|(?:did not|didn't|won't|will not) (?:affect|count|form part)"
    r"|(?:no|without) (?:prior |previous )?(?:experience|knowledge)\b[^.;]{0,30}"
    r"\b(?:needed|required|necessary)"
    r"|not (?:needed|required|necessary|a (?:factor|concern|problem|worry|issue))"
    r"|(?:would|will|can) (?:show|train|teach) you|scenario:|gaps? (?:check|list|analysis)"
    r"|the (?:main )?(?:areas?|reasons?|things?) (?:where|why|that|for)|development points"
    r"|(?:other|another|successful|stronger|preferred) (?:candidate|applicant)s?"
    r"|candidates? (?:whose|who|with)|enjoyed (?:meeting|speaking|talking)"
    # a form letter's process and pool: "No appointment will be made", "the recruitment process
    # has now closed", "your name has not been placed on the panel", "Places are limited", "the
    # pool is now at capacity", "not a review of the assessment", "not the end of your journey"
    r"|no appointments? (?:will|can|is to) be made|(?:recruitment|selection|hiring|application)"
    r" (?:process|campaign|round) (?:has|have|is|was) (?:now )?(?:closed|ended|concluded|finished)"
    r"|(?:were|was|have been|has been) (?:not |un)successful|not (?:been )?placed on (?:the|a|our)"
    r"|places are limited|(?:pool|list|panel|register)\b[^.;]{0,30}?\b(?:is|has been) (?:now )?"
    r"(?:at capacity|full|closed)|not (?:a )?(?:review|reflection|judgement|judgment) (?:of|on)"
    r"|(?:does not|doesn't|did not|didn't) (?:take away from|reflect|diminish)"
    r"|(?:does not|doesn't) have to be the end|no further action"
    # "you have not been selected", "the competitive nature of this occupation", "we are unable to
    # progress your application", "make our interview process better", "give me a call", "I'll
    # text you if more shifts open up", "we don't want to lose touch"
    r"|not (?:been )?selected|competitive nature|limited number of (?:positions|places|vacancies"
    r"|posts|roles)|(?:unable|not able) to (?:progress|proceed|move forward|take (?:your|you))"
    r"|can(?:'t|’t|not) (?:proceed|progress) with"
    r"|(?:make|making) our [^.;]{0,40}better|give (?:me|us) a (?:call|ring|shout|bell)"
    r"|(?:text|call|email|ring) you (?:if|when)|lose touch|eligib(?:le|ility) list"
    # "unable to give individual feedback", "you will not be proceeding further", "not been found
    # suitable", "haven't made the shortlist", "don't hesitate to call", "one of our standard
    # emails", a land acknowledgement, a complaints route, "this isn't the outcome you hoped for"
    r"|individual results|proceeding further|(?:found|deemed) (?:un)?suitable"
    r"|(?:made|make|making) the shortlist|hesitate to|standard (?:emails?|letters?|replies"
    r"|responses)|unceded|traditional (?:owners|custodians)|recruitment principles"
    r"|(?:isn't|wasn't|is not|was not) the outcome|more volunteers|can help you"
    r"|policy not to (?:give|provide|offer)|(?:detailed|individual|personal) feedback)(?!\w)",
    re.I,
)


# A line labelled with the outcome, bullet or not: "- Recommendation: do not appoint".
_OUTCOME_LABEL = re.compile(
    r"^\W*(?:overall\W+)?(?:decision|outcome|recommendation|rec|result|verdict)\s*:",
    re.I | re.M,
)


def states_a_reason(sentence: str, hits: list[CueHit]) -> bool:
    """Whether ``sentence``, with the cue words found in it, states a shortfall in its own
    words: a gap cue, no praise, and not a line about the outcome, the applicant pool or what
    did not count."""
    cues = {h.cue for h in hits}
    if not cues & {Cue.STRONG_GAP, Cue.GAP} or Cue.STRENGTH in cues:
        return False  # "the exercise (a user who couldn't print) went well": praise
    text = sentence.strip()
    if text.endswith((":", "?")) or len(_WORD.findall(text)) < _MIN_WORDS:
        return False
    return _NOT_A_REASON.search(text) is None and _OUTCOME_LABEL.search(text) is None
