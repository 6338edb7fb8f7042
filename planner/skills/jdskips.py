"""Lines of a job description that ask nothing of the applicant, wherever they stand: duties
("You will lead a team of 40", "- Prepare monthly VAT returns"), conditions of the offer ("an
enhanced DBS check is required"), training the employer offers, how to apply and the agency's
name, the selection framework's behaviours, "not required" lines and the employer describing
itself ("We're AS9100 certified")."""

from __future__ import annotations

import re

from planner.skills.segment import is_boilerplate
from planner.skills.text import BULLET


def asks_nothing(chunk: str, header: list[str]) -> bool:
    """Whether the line or sentence ``chunk`` asks nothing; ``header`` is the title block."""
    return bool(
        is_boilerplate(chunk)
        or _DUTY_LINE.search(chunk)
        or _CONDITION.search(chunk)
        or _OFFERED.search(chunk)
        or _ROLE_INVOLVES.search(chunk)
        or _HOW_TO_APPLY.search(chunk)
        or (_NOT_REQUIRED.search(chunk) and not _BUT_NOT.search(chunk))
        or _ASSESSED_AGAINST.search(chunk)
        or _about_employer(chunk, header)
        or _INVITED.search(chunk)
        or _team_tools(chunk)
    )


def duty_bullet(chunk: str) -> bool:
    """A bullet stated as a task ("- Prepare monthly VAT returns"): a duty where no requirement
    heading is above it."""
    return bool(_DUTY_BULLET.match(chunk)) or bool(
        _TASK_BULLET.match(chunk) and not _ASK_NOUN.search(chunk)
    )


# "You will lead a team of 40", "Reporting to the COO, you'll own ...": a duty line, wherever
# it stands. "You will have / need / bring ..." states a requirement.
_DUTY_LINE = re.compile(
    r"(?<!\bas )(?<!\bso )(?<!\bif )(?<!\bwhere )(?<!\bwhen )(?<!\bsince )(?<!\bbecause )"
    r"(?<!\bwhich )(?<!\bthat )\b(?:you|the (?:successful )?(?:candidate|applicant|post ?holder"
    r"|job ?holder|role ?holder)|the successful person)(?: will|'ll)\s+"
    r"(?!(?:need|have|bring|hold|possess|already|ideally|also have|be (?!(?:responsible|accountable"
    r"|in charge|tasked)\b)(?!\w+ing\b)\w+)\b)\w+",
    re.I,
)


# "the role involves running payroll", "Your day will include ...": what the job does.
_ROLE_INVOLVES = re.compile(
    r"(?<!\bas )(?<!\bsince )(?<!\bbecause )(?<!\bwhere )"
    r"\b(?:the|this|your) (?:role|job|position|post|day|week)(?: will)?"
    r" (?:involves?|includes?|covers?|consists? of)\b"
    r"|^\W*(?:responsible|accountable) for\b|\b(?:key |main )?(?:duties|responsibilities|tasks)"
    r" (?:will )?include\b",
    re.I,
)


# "An enhanced DBS check is required", "This post is subject to security clearance": a condition
# of the offer, checked by the employer, not a skill to show.
_CONDITION = re.compile(
    r"\b(?:(?:post|role|position|job|appointment|offer)s? (?:is|are|will be) (?:subject to"
    r"|conditional on)|(?:checks?|clearance|vetting|screening|disclosure) (?:is|are|will be)"
    r" (?:required|needed|carried out|undertaken)|(?:successful|all) (?:candidates?|applicants?"
    r"|post ?holders?|persons?)(?: will| must| is| are){1,2} (?:be )?(?:(?:required|expected|asked)"
    r" to )?(?:undergo|pass|obtain|undertake|complete|hold|meet)"
    r"|(?:applicants?|candidates?) (?:must|will need to) meet the \w+(?: \w+)? (?:nationality"
    r"|eligibility|residency) (?:requirements?|rules)"
    # "Applicants must be eligible for SC clearance", "you must be able to obtain NPPV3 vetting"
    r"|(?:be|are|is) (?:eligible|able|willing|prepared) (?:for|to (?:obtain|gain|achieve|pass"
    r"|undergo|hold))\s+(?:[\w/-]+\s+){0,3}?(?:clearance|vetting|checks?|disclosure))\b",
    re.I,
)


# "Full training will be provided in Opera PMS", "we'll support you to gain your CIPD": what the
# job offers to teach, not what the applicant must bring.
_OFFERED = re.compile(
    r"\b(?:(?:full|on[- ]the[- ]job|comprehensive|paid|funded) training|training (?:(?:in|on|for)"
    r" [^.;:\n]{1,40}? )?(?:will be |is )?(?:provided|given|available)"
    # "we'll show you the ropes", "we'll show you how our systems work"
    r"|we(?:['’]ll| will) show you\b"
    r"|we(?:['’]ll| will) (?:train|teach|support|fund|sponsor|help) you"
    # "would be useful but we'll train the right person"
    r"|we(?:['’]ll| will| can| are happy to| would) (?:train|teach) (?:the right"
    r" (?:person|candidate|applicant|individual)|someone|anyone)"
    r"|you(?:['’]ll| will) be (?:trained|supported|funded|taught)"
    # "We'll pay for your CIPP qualification", "free access to LinkedIn Learning, including
    # Python courses", "we sponsor Azure certifications"
    r"|we(?:['’]ll| will)? (?:pay for|cover the cost of|fund|sponsor)|(?:fully )?funded (?:study"
    r"|training|qualifications?|courses?)|(?:free|unlimited|paid) access to"
    r"|(?:learning|training|e-learning|online) (?:platforms?|library|libraries|courses)"
    r"|(?:a|an|your|annual|yearly|personal) (?:learning|development|CPD|L&D) (?:budget|allowance)"
    r"|LinkedIn Learning|Udemy|Coursera|Pluralsight"
    r"|support (?:you )?to (?:gain|achieve|complete|obtain|study))\b",
    re.I,
)


# "Send your CV to Jess at Northstar Recruitment", "call Sarah at Prime Supply Chain Recruitment",
# "Northstar is acting as an employment agency": how to apply, naming the agency, not an ask.
_HOW_TO_APPLY = re.compile(
    r"\b(?:send|email|e-mail|forward|submit|upload)(?: us)? (?:your |an? (?:up[- ]to[- ]date )?"
    r"|a copy of your )?(?:CV|résumé|resume|application)\b|\b(?:apply|call|ring|contact|email)"
    r" (?:now|today|us|me)\b|\b(?:call|ring|contact|email|speak to|message) (?-i:[A-Z])\w+"
    r" (?:at|on|from)\b|\bfor an? (?:confidential|informal|quick) (?:chat|call|discussion"
    r"|conversation)\b|\bacting as an? (?:employment )?(?:agency|business)\b|\bwill be in touch\b"
    # "Call the Northampton branch of Staffline Recruitment or apply online"
    r"|\b(?:call|ring|phone|contact)\s+(?:the|our)\s+[\w ]{0,30}?\b(?:branch|office|team|desk)\b"
    r"|\bapply (?:online|here|below|via|through)\b",
    re.I,
)


# "We'll assess you against these behaviours", "assessed against the Eastvale competencies:
# Customer Focus, Managing Change": the selection framework's behaviours, not hard skills.
_ASSESSED_AGAINST = re.compile(
    r"\bassess(?:ed|es)? (?:you |candidates |applicants )?against\b|\b(?:competency|behaviou?rs?"
    r"|values) framework\b|\bsuccess profiles?\b",
    re.I,
)


# "A pharmacist background is NOT required", "a degree isn't necessary": not an ask.
_NOT_REQUIRED = re.compile(
    r"\b(?:is|are)\s+not\s+(?:required|essential|necessary|needed|a requirement)\b"
    r"|\b(?:isn['’]t|aren['’]t)\s+(?:required|essential|necessary|needed|a requirement)\b"
    r"|\bno need (?:for|to)\b|\bnot (?:required|essential|necessary|needed)\s*[.;)]?\s*$",
    re.I,
)


# "An AAT qualification would be nice but isn't necessary": a nice-to-have, still asked.
_BUT_NOT = re.compile(
    r"\b(?:but|though|although)\s+(?:(?:is|are|it['’]s)\s+)?(?:not|isn['’]t|aren['’]t)\b", re.I
)


# "We're AS9100 certified", "Our data team supports trading and marketing", "Brackley is a
# regional contractor": the employer describing itself, not an ask. A sentence that speaks to
# or about the applicant ("we're looking for", "you", "experience") is still read. A lead-in
# ("With 300 stores, ...", "Founded in 1998, ...") may come before the subject.
_INTRO = re.compile(
    r"(?:founded|established|based|headquartered|with|since|as|for over|in)\b[^,.]{0,60},\s*",
    re.I,
)
_EMPLOYER_OPENING = re.compile(
    rf"(?:{_INTRO.pattern})?"
    r"(?:we\b|we['’](?:re|ve)\b|our\b|at [A-Z][^,]{0,40},? we\b|(?:the|this) (?:company|business"
    r"|firm|organi[sz]ation|practice|group|charity|trust|agency|brand)\b)"
    r"|this is an? (?:\w+ )?(?:time|opportunity) to join\b|join (?:a|an|our|us|the)\b",
    re.I,
)


_ASKS_APPLICANT = re.compile(
    r"\b(?:you|your|candidates?|applicants?|someone|somebody|anyone|individuals?|(?<!-)person|looking"
    r"|seeking|searching|need|needs|requir\w*|must|ideally|experience\w*|knowledge|skills?"
    r"|familiar\w*|proficien\w*|qualifi\w*|background|expect\w*|want|love|hop\w+|hir\w+"
    r"|recruit\w*)\b",
    re.I,
)


# "Acme Plumbing & Heating Ltd is a family firm": a company's name, known by its legal or
# trading suffix, as the subject of the sentence.
_COMPANY_SUBJECT = re.compile(
    r"(?:(?:[A-Z][\w'.-]*|&|and|of)\s+){0,6}(?:Ltd|Limited|LLC|LLP|Inc|plc|PLC|Group|Co"
    r"|Company|Partners(?:hip)?|Associates|Holdings|Clinic|Practice|Surgery|Studios?|Agency"
    r"|Consult(?:ing|ancy)|Solutions|Services|Foundation|Wellness)\.?,?\s+(?:is|are|has|have"
    r"|was|were|provides?|offers?|specialises|specializes|serves?|operates?)\b"
)


# "Pitchcraft is a 14-person consultancy that plans and designs sports pitches": a name, then
# what kind of organisation it is.
_NAMED_EMPLOYER = re.compile(
    r"[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4}\s+(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:consultancy|company|firm|business|charity|organi[sz]ation|provider|practice|clinic"
    r"|agency|group|trust|employer|manufacturer|retailer|network|contractor|studio|supplier"
    r"|distributor|operator|brewery|restaurant|hotel|museum|startup|start-up|scale-up"
    r"|partnership|co-?operative|institution|university|college|school|council|authority"
    r"|health plan|hospital|hospice|marketplace|publisher|broadcaster|developer|housebuilder"
    r"|landlord|association)\b"
)


def _about_employer(chunk: str, header: list[str]) -> bool:
    if BULLET.match(chunk) or _ASKS_APPLICANT.search(chunk):
        return False
    if _EMPLOYER_OPENING.match(chunk) or _COMPANY_SUBJECT.match(chunk):
        return True
    if _NAMED_EMPLOYER.match(chunk):
        return True
    intro = _INTRO.match(chunk)  # "With 300 stores, Pennywise is ..."
    rest = chunk[intro.end() :] if intro else chunk
    first = rest.split(None, 1)[0] if rest.split() else ""
    # "Brackley is ..." under "Brackley Construction Group": the employer's name, not the title
    names = {line.split()[0] for line in header[1:] if line.split()}
    return first[:1].isupper() and first in names


# "- Prepare monthly VAT returns" under no requirement heading: a duty, stated as a task.
_DUTY_BULLET = re.compile(
    BULLET.pattern + r"(?:(?:prepare|manage|deliver|maintain|coordinate|ensure|develop"
    r"|create|assist|handle|liaise|monitor|conduct|produce|oversee|provide|respond|resolve|organi[sz]e"
    r"|supervise|collaborate|implement|perform|operate|install|inspect|greet|administer|update"
    r"|analy[sz]e|negotiate|recruit|advise|chase|reconcile|raise|attend)s?|carr(?:y|ies) out"
    r"|processes)\b",
    re.I,
)
# "- Build dashboards in Power BI", "- Use Python to automate reporting": more tasks, by verbs
# that also name things ("Use of Excel", "Test automation experience"), so not before "of"
# nor in a bullet that names experience, skills or knowledge.
_TASK_BULLET = re.compile(
    BULLET.pattern + r"(?:build|write|use|design|run|own|lead|plan|review|report|track|present"
    r"|support|help|work|drive|partner|test|deploy|configure|document|draft|schedule|train|mentor"
    r"|process|serve|book|answer|keep|set up|complete|investigate|identify|improve|communicate"
    r"|deal|take|look after)s?\b(?! of\b)",
    re.I,
)
_ASK_NOUN = re.compile(
    r"\b(?:experience\w*|skills?|knowledge|background|proficien\w*|qualifi\w*|certifi\w*"
    r"|licen[cs]e|understanding|ability|able to|track record|familiar\w*|years?)\b",
    re.I,
)


# "Welsh speakers are encouraged to apply", "we particularly welcome applications from people with
# lived experience": an invitation to apply, not a skill the job asks for.
_INVITED = re.compile(
    r"\b(?:are|is) (?:(?:particularly|especially|strongly|also) )?(?:encouraged|invited|welcome)"
    r" to apply\b|\bwe (?:(?:particularly|especially|actively|also) )?(?:welcome|encourage)"
    r" applications from\b",
    re.I,
)


# "Our team uses Canva, Mailchimp and JustGiving day to day", "We use Jira and Confluence": the
# team's own tools, stated as a fact about the employer. A sentence that also asks ("so
# experience of Xero is essential") is still read.
_TEAM_USES = re.compile(
    r"^\W*(?:(?:day to day|currently|at the moment|internally),? )?(?:(?:we|our (?:\w+ ){0,2}?"
    r"(?:team|teams|staff|colleagues|engineers|developers|department|office|service|practice"
    r"|business)|(?:the|this) (?:team|role|job|position|department|office))(?: currently| also"
    r"| mainly| mostly)? (?:use|uses|work (?:with|in)|works (?:with|in)|run (?:on|with)|runs (?:on"
    r"|with)|rely on|relies on|build (?:with|on|in)|builds (?:with|on|in)|work day to day (?:with"
    r"|in))"
    # "Our finance system is Xero", "Our stack includes Go and Kafka"
    r"|our (?:\w+ ){0,2}?(?:systems?|software|platforms?|stack|tools?|toolkit|CRM|ERP|PMS|EPR"
    r"|database)s? (?:is|are|includes?|consists? of|comprises?)\b)\b",
    re.I,
)
# ... what a sentence that still asks says: an asking noun, or a word of strength.
_STILL_ASKS = re.compile(
    _ASK_NOUN.pattern + r"|\b(?:essential|required|requirement|must|need|needs|ideally|desirable"
    r"|preferred|a plus|bonus|advantage\w*|expected|confident|comfortable|used|worked)\b",
    re.I,
)


def _team_tools(chunk: str) -> bool:
    return bool(_TEAM_USES.search(chunk)) and not _STILL_ASKS.search(chunk)
