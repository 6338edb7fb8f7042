"""Incidental mentions: a tool named as where something came from, how a call was held, or
what the employer runs.

"The report I exported from Sage", "the pick rates I pulled from our WMS", "thanks for joining
over Zoom": the words name a medium, not a skill the candidate lacks, whatever cues the rest of
the sentence carries. Likewise a thing in a scenario ("once the database started timing out")
and a word inside a company's name ("we'd merged with Harlow Freight"). The employer's own
stack ("they use Snowflake + dbt", "we're a Microsoft 365 shop", "building our AWS estate") is
no goal unless a gap is about it ("we use Xero and you hadn't used it").
"""

from __future__ import annotations

import re

from planner.skills.cues import Cue, CueHit
from planner.skills.filters import names_a_skill
from planner.skills.framing import REASON_CUES
from planner.skills.matcher import Mention, field_of
from planner.skills.model import GoalKind
from planner.skills.taxonomy import Taxonomy
from planner.skills.text import Span

# The writer's own past action on an artefact, then where it came from or went through: "I
# exported it from", "we sent it through our", "was scheduled in". Without the first person or
# the passive, "you hadn't pulled data from Salesforce" is a gap about Salesforce.
_SOURCE_BEFORE = re.compile(
    r"(?:\b(?:I|we)(?:'ve|'d| have| had)?\s+(?:\w+\s+){0,2}?|\b(?:was|were|been)\s+)"
    r"(?:exported|pulled|downloaded|generated|printed|extracted|copied|sent|shared|attached"
    r"|uploaded|scheduled|booked|forwarded|saved|logged|posted)\s+(?:\w+\s+){0,4}?"
    r"(?:from|out of|in|on|via|through|over|into|to)\s+"
    r"(?:(?:our|the|your|a|an|my|their|this)\s+)?$",
    re.I,
)
# The channel of a conversation: "over Zoom", "via Teams", "on a Teams call".
_MEDIUM_BEFORE = re.compile(r"\b(?:over|via|on|through)\s+(?:(?:a|an|the|our|your)\s+)?$", re.I)
_MEDIUM_AFTER = re.compile(
    r"\s+(?:invites?|invitations?|links?|calls?|meetings?|messages?|threads?|channels?|exports?"
    r"|extracts?|downloads?|notifications?|emails?)\b",
    re.I,
)
_CHANNEL_FIELDS = frozenset({"collaboration-tools"})
_WINDOW = 60
# A system as the subject of an event in a scenario: "the database started timing out", "the
# build failed", "when the cache went down".
# Not "your": "your Excel modelling was slow", "your tests failed" judge the candidate's work.
_THE_BEFORE = re.compile(r"\b(?:the|a|our|their|its)\s+$", re.I)
_EVENT_AFTER = re.compile(
    r"\s+(?:started|stopped|kept|went (?:down|offline)|crashed|failed|fell over|timed out"
    r"|was (?:timing out|down|failing|slow)|broke|slowed|hung|died|ran out)\b",
    re.I,
)
_SCENE_KINDS = frozenset({GoalKind.TOOL, GoalKind.TECHNICAL})
# A capitalised word after another mid-sentence capitalised word is part of a name.
_NAME_BEFORE = re.compile(r"[a-z,;]\s+[A-Z][\w&'-]*\s+$")
_NAME_KINDS = frozenset({GoalKind.TECHNICAL, GoalKind.SOFT, GoalKind.JOB_SEARCH})


def is_incidental(text: str, m: Mention, tx: Taxonomy) -> bool:
    """True when the words name a source, a channel, a thing in a scenario or part of a name
    rather than a skill."""
    entry = tx[m.skill_id]
    before = text[max(0, m.start - _WINDOW) : m.start]
    if (
        entry.kind in _SCENE_KINDS
        and _THE_BEFORE.search(before)
        and _EVENT_AFTER.match(text, m.end)
    ):
        return True
    if _in_a_name(text, m, entry.kind, before):
        return True
    if entry.kind is not GoalKind.TOOL:
        return False
    if _SOURCE_BEFORE.search(before):
        return True
    channel = bool(field_of(tx, m.skill_id) & _CHANNEL_FIELDS)
    return channel and bool(_MEDIUM_BEFORE.search(before) or _MEDIUM_AFTER.match(text, m.end))


def _in_a_name(text: str, m: Mention, kind: GoalKind, before: str) -> bool:
    """One capitalised word of a proper name: "Harlow Freight", "Northline Distribution"."""
    if kind not in _NAME_KINDS or m.case_sensitive or m.n_tokens != 1:
        return False
    return text[m.start].isupper() and bool(_NAME_BEFORE.search(before))


# The employer's own stack: "they use Kafka everywhere", "the client uses GitLab CI", "Opera,
# which all our hotels run on".
_EMPLOYER = (
    r"(?:we|they|the (?:client|company|team|business|firm|practice|trust|school|hospital|hotel"
    r"|site|group|employer|branch|store|office|unit|agency|charity|council|service|clinic"
    r"|warehouse|depot|restaurant|organi[sz]ation)"
    # "our agents use Genesys", "their estimators use CostX": the employer's people
    r"|(?:our|their) (?:[\w-]+ ){0,2}?[a-z]+s(?<!ss)"
    r"|(?:the|our|their) (?:\w+ )?(?:editor|manager|lead|director|head|interviewer|engineers"
    r"|analysts|nurses|chefs|desk|department|ward|lab|laboratory|studio|newsroom|kitchen|depot)"
    r"|our (?:\w+ ){0,2}?(?:team|teams|hotels|sites|stores|clinics|wards"
    r"|engineers|estate|platform|stack|practice|offices|schools|service|organi[sz]ation|firm"
    r"|company|business|trust|council|school|hospital|clinic|branch|office|kitchen|lab|unit"
    r"|department|ward|charity|site|store|hotel)|all (?:our|their) \w+)"
)
_STACK_VERB = (
    r"(?:use|uses|used|run|runs|run on|runs on|are on|is on|work in|works in|rely on|relies on"
    r"|standardi[sz]ed on|(?:is|are) built on|have moved to|are moving to)"
)
# The employer taking up a tool: "rolling out ServiceNow", "migrated to Xero".
_ADOPTING = (
    r"rolling\s+out|rolled\s+out|introducing|introduced|implementing|implemented|adopting"
    r"|adopted|switching\s+to|switched\s+to|migrating\s+to|migrated\s+to"
)
_EMPLOYER_BEFORE = re.compile(
    rf"\b{_EMPLOYER}\s+(?:\w+\s+)?{_STACK_VERB}\s+(?:(?:\w+\s+){{0,2}}?"
    # "our agents use Genesys Cloud and Salesforce": a list of names
    r"|(?:[A-Z][\w+&.-]*\s+){1,3}(?:and|&|\+|,)\s+"
    # "we run large unmoderated studies in UserTesting"
    r"|(?:[\w-]+\s+){1,4}(?:in|on|with|using|through|via)\s+)$"
    r"|\b(?:we|they)(?:'re|’re|'ve|’ve)\s+(?:\w+\s+)?(?:on|using|running|moved\s+to|moving\s+to"
    rf"|built\s+on|standardi[sz]ed\s+on|{_ADOPTING})\s+(?:\w+\s+)?$"
    # "the trust is rolling out ServiceNow", "we have just moved to Xero"
    rf"|\b{_EMPLOYER}\s+(?:is|are|has|have|was|were)\s+(?:\w+\s+)?(?:{_ADOPTING}"
    r"|moving\s+to|moved\s+to"
    # "the team is moving from Sage to NetSuite": both ends of the move are theirs
    r"|(?:moving|moved|migrating|migrated|switching|switched)\s+(?:away\s+)?from"
    r"(?:(?:\s+[\w.+&-]+){1,3}\s+to)?)\s+(?:\w+\s+)?$"
    # "we deploy everything with Helm", "the team manages payroll for 40 clients through Sage":
    # how the employer does its own work
    rf"|\b{_EMPLOYER}\s+(?:\w+\s+)?(?:deploy|deploys|build|builds|manage|manages|host|hosts"
    r"|ship|ships|process|processes|track|tracks|record|records|plan|plans|schedule|schedules"
    r"|design|designs|handle|handles|store|stores|monitor|monitors|do|does|keep|keeps|support"
    r"|supports|serve|serves)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:with|in|on|using|through|via)\s+(?:(?:our|their|the)\s+)?"
    r"(?:(?:[A-Z0-9][\w+&.-]*\s+){1,3}(?:and|&|\+|,|or)\s+)?$",
    re.I,
)
_EMPLOYER_AFTER = re.compile(rf"\s*,?\s*(?:which|that) {_EMPLOYER} (?:\w+ )?{_STACK_VERB}\b", re.I)


# "Their stack: Airflow, BigQuery", "they showed me their CMS (WordPress ...)", "our system
# (Software of Excellence)": a list or a name given for the employer's own tools.
_STACK_HEAD = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•]\s*)?(?:our|their|the team's|the client's|the company's|the)?\s*"
    r"(?:tech(?:nology)?\s+)?(?:stack|tools|tooling|systems|set-?up)\s*(?:is|are|was|were)?\s*:"
    r"[^\n]*$",
    re.I,
)
_THEIR_TOOL = re.compile(
    r"\b(?:our|their)\s+(?:\w+\s+)?(?:system|systems|software|platform|cms|stack|tooling|tools"
    r"|set-?up|lims|wms|ehr|crm|erp|pms|tms)\s*(?:[(:]|\b(?:is|are|was|were)\b)\s*"
    r"(?:[^()\n]*?[,/&]\s*)?$",
    re.I,
)
# "we're a Microsoft 365 shop", "an SAP EWM site": the employer described by its stack.
_SHOP_BEFORE = re.compile(
    r"\b(?:we|they|it)(?:'re|’re| are| were|'s| is)\s+(?:(?:a|an)\s+)?(?:\w+\s+)?$", re.I
)
_SHOP_AFTER = re.compile(
    r"[ \t]+(?:shop|site|house|user|customer|business|organi[sz]ation)s?\b", re.I
)
# "As a Xero partner practice": the employer described by its stack.
_AS_A_BEFORE = re.compile(r"\b(?:as|being)\s+(?:a|an)\s+$", re.I)
_AS_A_AFTER = re.compile(
    r"[ \t]+(?:[\w-]+[ \t]+)?(?:partner|practice|firm|shop|house|agency|business|organi[sz]ation"
    r"|reseller)s?\b",
    re.I,
)
# "building our AWS estate", "their Azure tenant": the employer's own estate.
_OUR_BEFORE = re.compile(r"\b(?:our|their)\s+$", re.I)
_ESTATE_AFTER = re.compile(
    r"[ \t]+(?:estate|stack|platform|environment|infrastructure|instance|tenant|set-?up|account"
    r"|build|configuration|org)s?\b",
    re.I,
)


def employer_stack(text: str, m: Mention, clause: Span) -> bool:
    before = text[max(clause.start, m.start - 60) : m.start]
    if _EMPLOYER_BEFORE.search(before) or _EMPLOYER_AFTER.match(text, m.end, clause.end):
        return True
    if _SHOP_BEFORE.search(before) and _SHOP_AFTER.match(text, m.end):
        return True
    if _AS_A_BEFORE.search(before) and _AS_A_AFTER.match(text, m.end):
        return True
    if _OUR_BEFORE.search(before) and _ESTATE_AFTER.match(text, m.end):
        return True

    line = text[text.rfind("\n", 0, m.start) + 1 : m.start]
    return bool(_STACK_HEAD.search(line) or _THEIR_TOOL.search(text, max(0, m.start - 60), m.start))


# Names listed after the employer's tool: "Snowflake + dbt + Fivetran", "GCP with Kubernetes".
# "studies in UserTesting and surveys in Qualtrics": the same phrase again.
_LIST_JOIN = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|with|or|plus)\s+|[+/&]\s*)"
    r"|\s*,?\s+and\s+(?:[\w-]+\s+){1,2}(?:in|on|with|using|through|for)\s+",
    re.I,
)


def stack_continues(text: str, prev_end: int, start: int) -> bool:
    """True when the words between the employer's tool and the next name join a list."""
    return _LIST_JOIN.fullmatch(text, prev_end, start) is not None


_TURN_TO_CANDIDATE = re.compile(
    r"[,;]\s*(?:and\s+|but\s+|while\s+|whereas\s+)?(?=(?:you|your|he|his|she|her)\b)", re.I
)


def claimed_by_another(
    text: str, m: Mention, hits: list[CueHit], mentions: list[Mention], tx: Taxonomy
) -> bool:
    """True when the reasons after the employer's tool are about another skill named after
    them: "we run surveys in Qualtrics, and you weren't confident analysing survey data".
    A broader or narrower name of the same thing keeps it ("we use Salesforce heavily and your
    CRM experience was limited", "our workloads run on GCP and you hadn't used GKE")."""
    if any(h.cue in (Cue.STRONG_GAP, Cue.GAP) and h.end <= m.start for h in hits):
        return False  # "you hadn't used the Opera PMS all our hotels run on"
    later = [h.end for h in hits if h.cue in REASON_CUES and h.start >= m.end]
    if not later:
        return False
    # "we deploy with Argo CD and Helm, and your Terraform was weak": the gap clause starts at
    # the candidate after a comma, and what it names comes before its cue word
    turn = _TURN_TO_CANDIDATE.search(text, m.end, min(later))
    start = turn.end() if turn is not None else min(later)
    family = tx.ancestors(m.skill_id)
    others = [
        o
        for o in mentions
        if o is not m and o.start >= start and names_a_skill(text, o, tx[o.skill_id])
    ]
    parents = set(tx[m.skill_id].broader)
    related = any(
        o.skill_id in family
        or m.skill_id in tx.ancestors(o.skill_id)
        or same_vendor(tx[m.skill_id].label, tx[o.skill_id].label)
        # before the cue, a sibling is about their stack too: "the team works in a React
        # codebase, and your answers about state management were not as strong"
        or (o.start < min(later) and bool(parents & set(tx[o.skill_id].broader)))
        for o in others
    )
    return bool(others) and not related


def same_vendor(a: str, b: str) -> bool:
    """One vendor's products: "Google Cloud Platform" and "Google BigQuery"."""
    first_a, first_b = a.split()[0], b.split()[0]
    return len(a.split()) > 1 and len(b.split()) > 1 and first_a == first_b and first_a.istitle()
