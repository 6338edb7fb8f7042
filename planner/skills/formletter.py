"""Form-letter line classes: what every rejection says whatever its reason (greeting,
sign-off, thanks, the decision, the applicant pool, footers, the company describing itself,
subject lines), and the test for a line that also says why."""

from __future__ import annotations

import re

from planner.skills.cues import ADVICE_START, Cue, patterns

# Form-letter lines: what every rejection says whatever its reason. They name the role, the
# stage, the company, its stack and its future openings ("we expect to open more roles across
# platform engineering and SRE"), never a reason. One pattern a class of line.
# Each class is a pattern anchored at the start of the line ("line") and one that matches at a
# word start anywhere in it ("word"); either may be empty.
_FORM_LINE_CLASSES: dict[str, tuple[str, str]] = {
    "greeting": (
        r"\W*(?:hi|hello|hey|hiya|dear|hallo|hej|hei|hola|bonjour|bonsoir|salut|ciao|buongiorno"
        r"|gentile|caro|cara|querid[oa]|estimad[oa]|beste|geachte|sehr\s+geehrte[rs]?|liebe[rs]?"
        r"|ol[aá]|oi|prezad[oa]|szanown[ya]|dzie[nń]\s+dobry|witam|ahoj|k[æa]re|god\s+(?:morgen|dag)"
        r"|goede(?:morgen|middag|ndag)|guten\s+(?:tag|morgen)|good\s+(?:morning|afternoon|evening)"
        r"|greetings|to\s+whom\s+it\s+may\s+concern)\b[^.!?\n]{0,40}$",
        r"hope\s+(?:you(?:'re|\s+are)\s+(?:\w+\s+)?well|this\s+(?:\w+\s+)?finds\s+you"
        r"|all\s+is\s+well|you(?:'ve|\s+have)\s+(?:had|been))",
    ),
    "sign-off": (
        r"[\s>*]*(?:[^/|\n]{0,20}[/|]\s*)?(?:cheers|regards|best|thanks|many\s+thanks"
        r"|warm(?:est)?\s+(?:wishes|regards)"
        r"|(?:kind|best|warm)\s+regards|yours(?:\s+(?:sincerely|faithfully|truly))?|sincerely"
        r"|respectfully|speak\s+soon|talk\s+soon|mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en"
        r"|(?:viele|liebe|beste)\s+gr(?:ü|ue)(?:ß|ss)e|cordialement|bien\s+(?:à|a)\s+vous"
        r"|salutations|saludos|un\s+saludo|atentamente|cordiali\s+saluti|(?:un|distinti)\s+salut[oi]"
        r"|met\s+vriendelijke\s+groet(?:en)?|groeten|(?:med\s+)?v[äa]nliga\s+h[äa]lsningar"
        r"|h[äa]lsningar|(?:med\s+)?venn?lig(?:\s+hilsen|e\s+hilsener)|atenciosamente|abra[çc]os"
        r"|pozdrawiam|z\s+powa[żz]aniem|s\s+pozdravem|[üu]dv[öo]zlettel)\b"
        r"\s*(?:[,!.–—-][^.!?\n]{0,60})?$",
        "",
    ),
    # a team signing: "Recruitment Team", "Lumio Talent Acquisition", "People & Culture"
    "team-signature": (
        r"[^.!?\n]{0,60}\b(?:talent\s+(?:acquisition|team|partner|partners)|recruit(?:ment|ing)"
        r"|resourcing|people\s+(?:team|ops|operations|services|&\s+culture|and\s+culture|partner)"
        r"|human\s+resources|hr\s+(?:team|department|services|operations)|personnel"
        r"|hiring\s+team|careers?\s+team|early\s+careers)\b[^.!?\n]{0,60}$",
        "",
    ),
    "thanks": (
        r"\W*(?:(?:and|but|so|once\s+again|again|first(?:ly)?(?:\s+of\s+all)?),?\s+)?"
        r"(?:(?:many\s+|huge\s+|big\s+)?(?:thanks?|thank\s+you|thx)\b(?:\s+\w+){0,3}?\s+for\b"
        r"|(?:appreciate|value)d?\s+(?:your|you|the\s+(?:time|effort|interest)))",
        r"thank(?:s|\s+you)\s+(?:\w+\s+){0,2}?(?:for|again)\b"
        r"|we\s+(?:\w+\s+)?(?:appreciate|value)d?\s+(?:your|you|the\s+(?:time|effort|interest))"
        r"|(?:we(?:'re|\s+are)|i(?:'m|\s+am))\s+(?:\w+\s+)?grateful\b",
    ),
    "decision": (
        "",
        r"\b(?:decided|decision|chosen|chose|elected|opted)\s+(?:not\s+)?(?:to\s+)?(?:move|proceed"
        r"|progress|pursue|go|continue|offer|take|appoint|select|shortlist|invite|fill|focus"
        r"|prioriti[sz]e|concentrate|(?:in\s+)?favou?r)"
        r"|\b(?:move|moving|moved|proceed|proceeding|progress|progressing|take|taking|go|going"
        r"|carry|carrying)\s+(?:\w+\s+){0,3}?(?:forward|further|ahead)\b"
        r"|\bnot\s+(?:been\s+)?(?:shortlisted|selected|progressed|chosen)\b"
        r"|\bnot\s+(?:been\s+)?successful\b(?!\s+(?:in|at|with)\b)"
        r"|\bnot\s+been\s+(?:invited|offered|considered)\b|\bnot\s+be\s+(?:moving|taking"
        r"|progressing|proceeding|inviting|pursuing|offering|invited|offered|considered"
        r"|able\s+to\s+offer)\b"
        r"|\b(?:you|your\s+(?:\w+\s+)?(?:application|candidacy)|applications?|candidacy)\s+"
        r"(?:\w+\s+){0,3}?unsuccessful\b(?!\s+(?:in|at|with)\b)"
        r"|\bunsuccessful\s+(?:on\s+this|this\s+time|at\s+this|applica\w+|candidates?)\b"
        r"|\bregret\s+(?:to|that|,)|\bregret(?:fully|tably)\b"
        r"|\b(?:not|n't|won'?t|will\s+not|unable\s+to|cannot|can'?t)\s+(?:be\s+)?(?:progress\w*"
        r"|proceed\w*|tak\w+|mov\w+|invit\w+|offer\w*|shortlist\w*|pursu\w+|consider\w*)\s+"
        r"(?:with\s+|to\s+)?(?:you|your|it|this|the|an?)\b[^.;]{0,40}?\b(?:application|candidacy"
        r"|cv|profile|interview|forward|further|ahead|next|stage|role|position|post|process"
        r"|shortlist|offer)"
        r"|\bnot\s+(?:be\s+)?(?:progressing|proceeding)\b|\ba\s+no\s+from\b|\bit'?s\s+a\s+no\b"
        r"|\b(?:application|candidacy|cv|profile)\s+(?:has|have|was|were|is)\s+(?:now\s+)?"
        r"(?:been\s+)?(?:declined|rejected|closed|withdrawn|archived)\b"
        r"|\b(?:declined|rejected)\s+your\s+(?:application|candidacy)"
        r"|\b(?:unable|not\s+able)\s+to\s+offer\s+you\b"
        r"|\byour\s+(?:profile|experience|background|application|skills(?:\s+and\s+experience)?"
        r"|qualifications|cv)\s+(?:does|do|did)(?:n't|\s+not)\s+(?:\w+\s+)?(?:match|meet|align"
        r"|fit)"
        r"|\bsorry\s+to\s+(?:say|tell|inform|let)\b"
        r"|\b(?:role|position|post|vacancy|job|opening|requisition|req)s?\s+(?:has|have|is|was)?\s*"
        r"(?:now\s+)?(?:been\s+)?(?:filled|closed|cancell?ed|withdrawn|on\s+hold)\b"
        r"|\b(?:filled|closed)\s+(?:the|this|that|our)\s+(?:[^.!?\n]{0,80}?\s)?(?:position|role"
        r"|vacancy|post|job|req|requisition|opening|search)\b"
        r"|\b(?:did(?:n'?t|\s+not)|has(?:n'?t|\s+not)|won'?t|will\s+not)\s+work(?:ed)?\s+out\b"
        r"|\boffered\s+(?:the|this)\s+(?:\w+\s+)?(?:role|position|post|job)\b"
        r"|\b(?:selected|appointed|chosen|hired|recruited)\s+(?:another|other|a\s+different"
        r"|an?\s+(?:internal|external))"
        r"|\b(?:gone|go|going|went|proceed|proceeding)\s+(?:ahead\s+)?with\s+(?:someone|another"
        r"|other|a\s+different|an?\s+(?:internal|external))"
        r"|\b(?:another|a\s+different)\s+direction\b|\bin\s+favou?r\s+of\s+(?:another|other)"
        r"|\bnot\s+(?:the\s+)?news\s+you\b"
        r"|\b(?:status|outcome)\b.{0,60}?\b(?:not\s+selected|unsuccessful|rejected|declined"
        r"|closed|not\s+progressed)\b",
    ),
    "process": (
        "",
        r"\b(?:reviewed|considered|assessed|read|looked\s+at|gone\s+through)\s+(?:\w+\s+){0,2}?"
        r"(?:your|all|the|every)\s+(?:\w+\s+)?(?:applications?|cvs?|résumés?|resumes?|documents"
        r"|submissions?|background|qualifications|profiles?|candidates|applicants)\b"
        r"|\b(?:careful|thorough|much|further|full|due|serious)\s+(?:consideration|review|thought"
        r"|deliberation)\b"
        r"|\b(?:completed|finished)\s+(?:the\s+|our\s+)?(?:shortlisting|selection|recruitment"
        r"|review)|\bshortlisting\s+(?:panel|stage|process)\b"
        r"|\b(?:refer|referring|regarding|reference|relation)\s+(?:to\s+)?your\s+(?:recent\s+)?"
        r"application|\byour\s+(?:recent\s+)?(?:application|candidacy)\s+(?:for|to|as)\b"
        r"|\bagainst\s+the\s+(?:\w+\s+){0,3}?(?:criteria|requirements|person\s+spec\w*"
        r"|job\s+(?:description|spec\w*))",
    ),
    "pool": (
        "",
        r"\b(?:hundreds|thousands|dozens|lots|loads|a\s+lot)\s+of\s+(?:\w+\s+){0,2}?(?:applications"
        r"|applicants|candidates|people)\b"
        r"|\b(?:incredible|amazing|fantastic|great|tremendous|overwhelming|huge|strong|brilliant"
        r"|excellent)\s+(?:response|turnout|interest)\b"
        r"|\b(?:quality|calibre|caliber|standard)\s+of\s+(?:the\s+)?(?:applicants|applications"
        r"|candidates|the\s+field)"
        r"|\b(?:difficult|tough|hard|close)\s+(?:decisions?|call)\b|\bnot\s+an\s+easy\s+(?:one"
        r"|decision|choice)\b|\bcompetition\s+(?:for|was|is|has\s+been|this)\b"
        r"|\b(?:was|were|is|been)\s+(?:\w+\s+)?competitive\b|\bcompetitive\s+(?:process|field|pool"
        r"|year|round)\b"
        r"|\b(?:had|received|got|attracted|seen|reviewed)\s+(?:over|more\s+than|nearly|almost"
        r"|around|about|some|close\s+to|well\s+over)?\s*"
        r"[\d,]+\s+(?:\w+\s+)?(?:applications|applicants|candidates|responses|cvs)\b"
        r"|\b[\d,]+\s+(?:places|positions|vacancies|spaces|spots)\b"
        r"|\bturn(?:ed|ing)?\s+down\b|\b(?:bar|standard)\s+(?:for|on)\s+(?:this|the)\s+(?:\w+\s+)?"
        r"(?:role|position|post|vacancy)\s+(?:was|is)\b",
    ),
    "future": (
        "",
        r"\b(?:keep|hold|retain|store|save)\s+(?:on\s+to\s+|onto\s+)?(?:your|you)\s+(?:\w+\s+){0,2}?"
        r"(?:cv|résumé|resume|details|application|information|portfolio|profile|number|data"
        r"|name|contact)"
        r"|\bon\s+(?:file|record)\b|\bin\s+mind\s+for\b|\bin\s+our\s+(?:talent\s+)?(?:pool"
        r"|database|network|system)"
        r"|\bfuture\s+(?:\w+\s+)?(?:opportunit\w+|openings?|roles?|vacanc\w+|positions?|careers?"
        r"|jobs?|hiring|recruitment|campaigns?)"
        r"|\b(?:apply|applying)\s+(?:again|for\s+(?:other|future|similar|more|any))|\bre-?apply"
        r"|\bkeep\s+an\s+eye\b|\bcareers?\s+(?:page|site|website|portal|hub)"
        r"|\bjobs?\s+(?:page|board|site|alerts?)\b"
        r"|\btalent\s+(?:community|pool|network|hub)\b|\bstay\s+(?:connected|in\s+touch)\b"
        r"|\bpaths\s+(?:will\s+|may\s+|might\s+)?cross"
        r"|\b(?:be|get|getting)\s+in\s+touch\s+(?:if|should|when|again|in\s+the\s+future)"
        r"|\bshould\s+(?:a|any)\s+(?:\w+\s+)?(?:suitable|relevant|similar|appropriate)\b"
        r"|\bif\s+(?:a|an|any|anything|something)\s+(?:\w+\s+)?(?:suitable|similar|relevant|else"
        r"|new|appropriate)\b"
        r"|\b(?:open|opening|advertise|advertising|hire|hiring|recruit|recruiting)\s+(?:for\s+)?"
        r"(?:more|other|new|further|additional)\s+(?:\w+\s+){0,2}?(?:roles|positions|vacancies"
        r"|openings|people)\b"
        r"|\bnew\s+(?:openings|vacancies|opportunities)\b|\bkeep\s+you\s+(?:posted|updated"
        r"|informed|in\s+mind)\b"
        r"|\b(?:more|new|further|additional|upcoming|future)\s+(?:\w+\s+)?(?:openings|vacancies)\b"
        r"|\b(?:team|company|business|practice|firm)\s+is\s+(?:growing|expanding|hiring)\b"
        r"|\b(?<!take\s)(?<!taking\s)(?<!took\s)(?:for|about|of|on|to|across|our|any)\s+"
        r"(?:other|more|new|future|similar|further|upcoming|open)\s+(?:[\w&/-]+\s+){0,3}?"
        r"(?:roles|positions|vacancies|openings|jobs|opportunities)\b"
        r"|\breach\s+out\s+(?:again\s+)?(?:if|when|should)"
        r"|\b(?:roles?|opportunit\w+|openings?|vacanc\w+|positions?)\s+(?:that|which)\s+(?:\w+\s+)?"
        r"(?:match|suit|fit|align)",
    ),
    # good wishes and encouragement that names nothing ("keep developing your skills", but not
    # "keep developing your Kubernetes skills" or "your skills in ...")
    "wishes": (
        "",
        r"\bwish(?:es|ing)?\s+you\b|\b(?:good|best\s+of)\s+luck\b|\ball\s+the\s+(?:very\s+)?best\b"
        r"|\bevery\s+success\b|\bbest\s+wishes\b|\bsuccess\s+(?:in|with)\s+(?:your|the)\b"
        r"|\btake\s+(?:it\s+easy|care)\b"
        r"|\b(?:keep|continue|carry\s+on)\s+(?:on\s+)?(?:developing|building|growing|learning"
        r"|improving|expanding|honing)\s+your\s+(?:skills?|experience|career|knowledge|expertise"
        r"|portfolio|skill\s?set|craft)\b(?!\s+(?:in|with|on|around|of)\b)"
        r"|\b(?:do\s+not|don'?t)\s+be\s+discouraged\b|\bjob\s+search(?:ing)?\s+(?:can|is)\b"
        r"|\b(?:don'?t|do\s+not)\s+let\s+this\s+put\s+you\s+off\b"
        r"|\breflection\s+(?:of|on)\s+(?:your|you)\b"
        r"|\b(?:know|understand|realise|realize|appreciate)\s+(?:that\s+)?(?:this|that|it)"
        r"(?:'s|\s+is|\s+may\s+be|\s+will\s+be|\s+isn'?t|\s+is\s+not)\s+(?:\w+\s+)?"
        r"(?:disappointing|not\s+the\s+news|news)",
    ),
    "no-feedback": (
        "",
        r"\b(?:unable|not\s+able|not\s+in\s+a\s+position|can(?:no|')?t)\s+(?:to\s+)?(?:provide"
        r"|give|offer|share|send)\s+(?:\w+\s+){0,2}?(?:feedback|scores|reasons|responses)",
    ),
    "personal-data": (
        "",
        r"\bgdpr\b|\bdata\s+protection\b|\bprivacy\b|\bpersonal\s+(?:data|information|details)"
        r"|\b(?:hold|retain|keep|store|process|delete|erase)\s+(?:\w+\s+)?(?:data|information"
        r"|details)\b|\bdelete\s+(?:it|them|your)\b",
    ),
    "mail-system": (
        "",
        r"\bpowered\s+by\b|\bsent\s+(?:via|from|through|using|by)\b|\bon\s+behalf\s+of\b"
        r"|\b(?:generated|hosted|delivered)\s+(?:by|via|through)\b"
        r"|\b(?:system|auto(?:matically|mated)?|computer)[-\s]generated\b"
        r"|\bautomated\s+(?:e-?mail|message|response|notification|reply)\b|\bauto-?reply\b"
        r"|\bcandidate\s+(?:home|portal|profile|dashboard|account)\b"
        r"|\b(?:not|isn'?t|is\s+not)\s+monitored\b|\b(?:do\s+not|don'?t|please\s+don'?t)\s+"
        r"(?:reply|respond|want\s+these)\b|\bmanage\s+(?:your\s+)?(?:\w+\s+)?preferences\b"
        r"|\bthese\s+(?:e-?mails|messages|notifications)\b"
        r"|\bcommunication\s+preferences\b|\bsign\s+in\s+to\b|\blog\s*in\s+to\b"
        r"|\breceiv(?:ed|ing)\s+this\s+(?:e-?mail|message|notification)\b"
        r"|c\)\s*\d{4}|\bvalue\s+diversity\b|\bwelcome\s+applications\s+from\b"
        r"|\bsections\s+of\s+the\s+community\b|\bin\s+(?:an)?other\s+format\b",
    ),
    # the company describing itself: "At Acme we build Kubernetes tooling for ...", "our support
    # team uses Zendesk"
    "company": (
        r"\W*(?:at\s+[\w&.'-]+(?:\s+[\w&.'-]+){0,3},?\s+)?(?:we|our\s+(?:[\w-]+\s+){0,2}?"
        r"(?:team|teams|studio|agency|firm|company|business|platform|products?|engineers"
        r"|developers|people|staff|clients|customers|kitchen|clinic|practice|school|hospital"
        r"|sites?|stores|hotels|lab|labs))\s+(?:build|make|provide|develop|offer|design|create"
        r"|power|serve|help|operate|run|work|use|specialise|specialize|support|deliver|rely"
        r"|manage|partner)s?\b"
        r"|(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){0,3}\s+(?:is|are)\s+(?:a|an|the)\s+"
        r"(?:[\w&-]+\s+)"
        r"{0,4}?(?:partner|provider|company|firm|business|agency|consultancy|organi[sz]ation"
        r"|platform|leader|specialist|start-?up|scale-?up|group|employer|charity|trust|retailer"
        r"|manufacturer|supplier|network|brand|practice|school|hospital)\b"
        r"|(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){0,3}\s+(?-i:[a-z]+s)\s+(?:[^.!?]*\s)?"
        r"(?:its|over\s+[\d,]+"
        r"|more\s+than\s+[\d,]+|customers|clients|organi[sz]ations|companies|businesses|brands"
        r"|retailers|worldwide|globally)\b",
        r"our\s+(?:[\w-]+\s+){0,2}?(?:team|teams|engineers|developers|analysts|designers|nurses"
        r"|staff|people|consultants|studio|clinicians|chefs|drivers|colleagues)\s+(?:\w+\s+)?"
        r"(?:work|use|build|run|rely|live|spend)s?\b",
    ),
    # a subject, reference or heading line: "RE: Financial Analyst - FP&A (Excel, Anaplan)",
    # "Vacancy: Band 5 Staff Nurse", "Requisition: R-55120 BI Developer (SQL Server / SSIS)"
    "role-line": (
        r"\W*(?:re|fw|fwd|subject|vacancy|post|position|role|job(?:\s+title)?|requisition|req"
        r"|ref(?:erence)?|job\s*(?:id|ref)|vacancy\s+ref|candidate|location|status|applied\s+for"
        r"|your\s+application(?:\s+for)?|application(?:\s+for)?)\s*(?:[:#]|\s[-–—]\s)"
        r"|[^.!?\n]{0,120}\b(?:application\s+(?:update|status|outcome|received|acknowledg\w+)"
        r"|job\s*id|req(?:uisition)?\s*(?:#|no\b|number)|ref(?:erence)?\s*(?::|no\b|number))"
        r"[^.!?\n]{0,60}$",
        "",
    ),
}
FORM_START = re.compile(
    "|".join(f"(?:{line})" for line, _ in _FORM_LINE_CLASSES.values() if line), re.I
)
# Every word pattern starts a word: testing the boundary once up front is much faster. The word
# patterns are lower case and run on the lower-cased line (three times faster than re.I).
FORM_WORD = re.compile(
    r"\b(?:" + "|".join(f"(?:{word})" for _, word in _FORM_LINE_CLASSES.values() if word) + ")"
)
# A form-letter line that also says why is feedback: "we went with candidates with more hands-on
# Kubernetes experience", "... as you do not hold a Driver CPC", "... but the panel felt your SQL
# test was below the level we need". Lower-case patterns, run on the lower-cased line.
# "you have not been shortlisted" states the decision; "you have not used Terraform" a reason
_DECIDED = (
    r"(?!\s*(?:been\s+(?:shortlisted|selected|successful|progressed|chosen|invited|offered"
    r"|considered)|be\s+(?:moving|taking|progressing|proceeding|pursuing|offering|invited"
    r"|offered|considered|able\s+to)|(?:shortlisted|selected|progressed|chosen)"
    r"|successful(?!\s+(?:in|at|with)\b))\b)"
)
_PEOPLE = r"(?:candidates?|applicants?|someone|people|person|others|one|individuals?|those)"
_NOT_A_FIT = r"\b(?!\s+(?:\w+\s+){0,2}?(?:closely|suited|aligned|relevant|fit|match|matched))"
_SPECIFIC_REASON = re.compile(
    r"\b(?:because(?!\s+of\s+the\s+(?:\w+\s+)?(?:number|volume|amount|size|level|quantity"
    r"|quality|calibre))|since|due\s+to\s+(?:your|a|the\s+(?:lack|need|fact))|as\s+(?:you|your|we\s+"
    r"(?:need|require|were\s+looking|are\s+looking|wanted)|the\s+(?:role|post|position|job)"
    r"\s+(?:requires|needs|involves))|given\s+(?:your|that\s+you)|the\s+(?:(?:main|key|only"
    r"|primary|biggest)\s+)?reasons?\b|reasons?\s+(?:was|were|is)|in\s+particular|particularly"
    r"|specifically|mainly\s+because|which\s+you)\b"
    rf"|\bthat\s+you\s+(?:lack|(?:do|did|have|had)(?:\s+not|n't|\s+no\b){_DECIDED})"
    rf"|\byou(?:'ve|'re|'d)?\s+(?:\w+\s+)?(?:(?:did\s+not|didn'?t|do\s+not|don'?t|does\s+not"
    rf"|have\s+not|haven'?t|had\s+not|hadn'?t|were\s+not|weren'?t|are\s+not|aren'?t){_DECIDED}"
    r"|lack\w*|need|needed|struggled|missed|could\s+not|couldn'?t|never|yet\s+to|not\s+yet)\b"
    r"|\byour\s+(?!(?:application|candidacy|cv|résumé|resume|profile|submission|details)\b)"
    r"(?:\w+\s+){0,4}?(?:was|were|is|are|felt|seemed|came\s+across)\s+(?:\w+\s+)?"
    r"(?:below|weak|limited|not|too|less|lacking|thin|missing|short)\b"
    r"|\b(?:lack\w*|insufficient|below\s+(?:the|our)|weak\w*|limited|fell\s+short|short\s+of"
    r"|not\s+enough|no\s+(?:\w+\s+)?experience|must|mandatory|non-negotiable"
    # "Not progressed: no CeMAP yet", "no Gas Safe card as yet"
    r"|no\s+(?!(?:update|news|decision|feedback|word|response|reply|date|openings?|vacanc\w+"
    r"|roles?|positions?|posts?|jobs?|interviews?|offers?|outcome|further)\b)"
    r"(?:[\w&+/-]+\s+){1,3}?(?:as\s+)?yet"
    r"|essential(?!\s+(?:and\s+desirable\s+)?criteria)"
    r"|critical|crucial|prerequisite|(?:is|are|was|were)\s+required|required\s+for)\b"
    r"|\b(?:more|deeper|stronger|greater|broader|further)\s+(?:[\w-]+\s+){0,3}?(?:experience"
    r"|exposure|depth|knowledge|familiarity|background|expertise)\b"
    # the chosen candidates compared with this one ("candidates with more hands-on Kubernetes
    # experience"), or described when chosen ("we went with someone with production Terraform");
    # a pool described ("many applications from candidates with extensive AWS") is no reason
    rf"|\b{_PEOPLE}\s+(?:with|who|whose|that)\s+(?:\w+\s+){{0,3}}?(?:more|stronger|deeper|greater"
    rf"|better|broader){_NOT_A_FIT}"
    rf"|\b(?:(?:went|gone|going|go|proceed\w*|progress\w*|moving\s+forward|move\s+forward"
    rf"|continu\w*|focus\w*|prioriti[sz]\w*)\s+with|(?:chose|chosen|select\w*|shortlist\w*"
    rf"|invit\w*|offer\w*|appoint\w*|hire\w*|hiring|pursu\w*|prioriti[sz]\w*|favou?r\w*"
    rf"|interview\w*)(?:\s+(?:an?|the|other))?)\s+{_PEOPLE}\s+"
    r"(?:with|who(?:'d)?|whose|that)\s+"
    rf"(?:\w+\s+){{0,3}}?(?:extensive|significant|proven|direct|specific|hands-on|commercial"
    rf"|production|prior|previous|recent|current|substantial|demonstrable|practical"
    r"|experience|knowledge|(?<=who\s)(?:had|has|have|already|could|can)"
    rf"|(?<=who'd\s)\w+){_NOT_A_FIT}"
    r"|\b(?:successful|chosen|selected|appointed|shortlisted)\s+(?:candidates?|applicants?"
    r"|person|people)\s+(?:all\s+)?(?:had|has|have|was|were|brought|could|showed|demonstrated"
    r"|holds?|held)\b"
    r"|\b(?:need|needed|require[sd]?|looking\s+for|wanted|want)\s+(?:someone|a\s+candidate"
    r"|a\s+person|people|candidates)\s+(?:with|who)\b"
    r"|(?:'d|\bwould)\s+(?:\w+\s+)?(?:want|need|expect|prefer)(?:ed)?\s+(?:someone|a\s+candidate"
    r"|more|deeper|stronger|to\s+see)\b"
    r"|\byou\s+(?:should|could|might|may\s+want\s+to|need\s+to|would\s+benefit)\s+(?:\w+\s+)?"
    r"(?:build|gain|get|develop|improve|strengthen|work|brush|learn|practi[sc]e|focus|take|study"
    r"|complete|pursue|read|look\s+into|from)\b"
    r"|\b(?:encourag|recommend|suggest|advis)\w*(?>\s+(?:that\s+)?(?:you\s+)?(?:to\s+)?)"
    r"(?!(?:keep|continue|visit|check|apply|re-?apply|look|stay|join|follow|sign|register|browse"
    # "consider applying again" is a form; "consider completing an FRTOL course" a reason
    r"|explore|consider(?!\s+(?:completing|taking|doing|getting|gaining|studying|undertaking"
    r"|pursuing|attending|enrolling|learning|building|developing|working\s+on))"
    r"|review|take\s+a\s+look|reach|contact|get\s+in\s+touch|connect|search"
    r"|monitor|watch|subscribe|that|the|we|our)\b)[a-z]+"
    r"|\byour\s+(?:skills?|knowledge|experience|expertise)\s+(?:in|with|of|around)\b"
    # advice in the imperative before "reapply": "learn audition properly before applying
    # again", "take the ms-900 and then reapply"; "once you've passed the p1 exam, apply again"
    rf"|^\W*{ADVICE_START}"
    r"|\bworth\s+(?:doing|booking|taking|completing|gaining|studying|getting)\b"
    r"|\bonce\s+you(?:'ve|\s+have)?\s+(?:passed|completed|obtained|got|gained|finished|achieved"
    r"|earned)\b|\bonce\s+you\s+(?:have|hold|get)\s+(?:your|a|an|the)\b"
    r"|\b(?:i'd|i\s+would)\s+(?:\w+\s+)?(?:build|spend|put|get|do|take|focus|work)\b"
    r"|\bwould\s+help\s+(?:a\s+lot|a\s+great\s+deal)?\s*if\s+you\b"
    r"|\b(?:might|could|should)\s+consider\s+(?:the|a|an|getting|doing|taking)\b"
)
_STRONG_GAP = patterns(Cue.STRONG_GAP)[0]
# Strong-gap words a form letter uses about itself: "we are unable to give feedback".
_NOT_A_REASON = re.compile(
    r"(?:unable to|could(?:n't| not))\s+(?:\w+\s+)?(?:provide|give|offer|share|send|progress"
    r"|take|move|proceed|invite|shortlist|respond|reply|be\b)",
    re.I,
)


def gives_reason(sentence: str) -> bool:
    if _SPECIFIC_REASON.search(sentence.lower()):
        return True
    return any(not _NOT_A_REASON.match(sentence, m.start()) for m in _STRONG_GAP.finditer(sentence))
