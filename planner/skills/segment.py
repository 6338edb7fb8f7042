"""Sentences and clauses with offsets, and the boilerplate, form-letter and signature tests
for a sentence (the form-letter line classes themselves are in ``formletter``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from planner.skills.cues import Cue, patterns
from planner.skills.formletter import FORM_START, FORM_WORD, gives_reason
from planner.skills.text import BULLET, Span

_ABBREV = frozenset(
    {
        "e.g",
        "i.e",
        "etc",
        "vs",
        "approx",
        "mr",
        "ms",
        "mrs",
        "dr",
        "inc",
        "ltd",
        "co",
        "incl",
        "st",
        "no",
        "jr",
        "sr",
        "dept",
        "fig",
        "al",
    }
)
_END = re.compile(r"[.!?]+[\"')\]]*(?=\s)|\n")
_CLAUSE_BREAK = re.compile(
    r",?\s+(?:but|however|although|though|whereas|while|except|that said|on the other hand)\b"
    r"|,\s+yet\b"
    r"|;|\s[–—-]\s|:\s|^\s*(?:although|though|while|whilst)\b"
    # "..., and you told us you have mostly worked in Splunk": the candidate's own account is
    # framed by its own words, not by the requirement before it
    r"|,\s+and\s+(?=(?:when\s+[^,.;]{0,40}?\s+)?(?:you|he|she|they)\s+(?:told (?:us|me|the panel)"
    r"|said|mentioned|explained|admitted)\b)",
    re.I,
)


_SUBORDINATE = re.compile(r"although|though|while|whilst|whereas", re.I)


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Sentence spans of ``text[start:end]``, trimmed of whitespace.

    A single line break ends a sentence only after end punctuation, before a bullet, or after a
    short line (a heading or a list item); otherwise it is a wrapped line and joins the next.
    """
    end = len(text) if end is None else end
    cur = start
    for m in _END.finditer(text, start, end):
        if m.group(0) == "\n" and not _line_break_ends_sentence(text, m.start(), end):
            continue
        if m.group(0) != "\n" and _is_abbreviation(text, m.start()):
            continue
        yield from _trimmed(text, cur, m.end())
        cur = m.end()
    yield from _trimmed(text, cur, end)


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 8) : dot])
    return bool(word) and word.group(1).lower() in _ABBREV if word else False


# "Mechanical Design Engineer - technical interview feedback" heads the notes below it.
_HEADING_END = re.compile(r"\b(?:feedback|notes|debrief|scorecard|summary|outcome)$", re.I)


def _line_break_ends_sentence(text: str, nl: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, nl) + 1
    line = text[line_start:nl].strip()
    if not line or line[-1] in ".!?:;" or len(line) < 45 or _HEADING_END.search(line):
        return True
    if _LABEL_LINE.match(text, nl + 1, end):
        return True  # a scorecard line follows: "SQL: 2/5. Could not write a join."
    nxt = text[nl + 1 : min(end, nl + 8)]
    return not nxt.strip() or bool(BULLET.match(nxt)) or nxt.startswith(("\n", "\r"))


_LABEL_LINE = re.compile(r"[ \t]*[A-Z][^:\n.!?]{0,40}:[ \t]")


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        yield Span(start + lead, start + lead + len(stripped))


def clauses(text: str, span: Span) -> list[Span]:
    """Split a sentence at contrast words ("but", "however", ";"): each clause has its framing."""
    cuts = [span.start]
    for m in _CLAUSE_BREAK.finditer(text, span.start, span.end):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
        if _SUBORDINATE.search(m.group(0)):
            # "although you have good lab skills, you haven't ..." ends at the comma
            comma = text.find(", ", m.end(), span.end)
            if comma > 0:
                cuts.append(comma)
    cuts.append(span.end)
    return [Span(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


_LEGAL = re.compile(
    r"equal (?:employment )?opportunit|without regard to|regardless of (?:race|age|gender|sex)|"
    r"\brace,\s+colou?r|sexual orientation|gender identity|national origin|veteran status|"
    r"disability status|protected (?:characteristic|class|veteran|status)|reasonable accommodation|"
    r"\bconfidential\b|intended (?:solely )?for the (?:use|addressee|named)|intended recipient|"
    r"received this (?:e-?mail|message|communication) in error|privacy (?:policy|notice|statement)|"
    # "If you have received it in error, please notify the sender", "Acme will never ask you to
    # change bank details by email"
    r"received (?:it|this) in error|notify the sender|will never ask you (?:to|for)|"
    r"personal (?:data|information) (?:will|is|we)|\bunsubscribe\b|do not reply|\bno-?reply\b|"
    r"registered (?:office|in england|company)|company (?:no|number|registration)|"
    r"all rights reserved|copyright|©|affirmative action|e-verify|drug[- ]free|background check|"
    r"applicants? (?:with|requiring) (?:a )?disabilit|inclusive (?:employer|workplace)|"
    r"celebrate (?:diversity|differences)|diverse (?:workforce|team|backgrounds)|"
    r"all qualified applicants|we (?:do not|don't) discriminate|"
    r"committed to (?:safeguarding|equality|diversity|inclusion|promoting)|"
    r"expects? all (?:staff|employees|volunteers|colleagues)|share this commitment|"
    r"subject to (?:an? )?(?:enhanced |satisfactory )?(?:dbs|disclosure|background|criminal|"
    r"pre-employment)",
    re.I,
)
_BLURB = re.compile(
    r"\bfounded in\b|\bour (?:mission|vision|values|story|culture|customers love|aim|purpose)\b|"
    r"\bwe believe\b|"
    r"\bleading (?:provider|platform|company|global)|industry[- ]leading|world[- ]class|"
    r"fast[- ]growing|award[- ]winning|\bheadquartered\b|\bbacked by\b|\bseries [a-e]\b|"
    r"fortune \d+|\bjoin (?:us|our team)\b|we'?re hiring|careers? (?:page|site)|follow us|"
    r"learn more about|\babout us\b|\bour (?:company|team|platform|products?) (?:is|are|helps?"
    r"|serves?|powers?|enables?)\b|"
    r"\bour (?:engineers|developers|engineering teams?|teams|tech(?:nology)? stack|stack|staff"
    r"|people|analysts|designers|nurses|clinicians) (?:work|use|build|are|love|rely)\b|"
    # a name, so capitalised words: "Acme Robotics builds", not "The site runs"
    r"^(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){0,3}\s+(?:builds|makes|provides|develops"
    r"|offers|designs|creates|powers|serves|helps|operates|runs)\b|"
    r"^(?:at\s+[\w&.-]+(?:\s+[\w&.-]+){0,3},\s+)?we(?: are|'re)\s+(?:a|an|the|proud|passionate|"
    r"committed|dedicated|on a mission|building|growing|transforming|revolutioni|reimagining|"
    r"trusted|backed|remote|global|one of)\b|"
    r"^[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}\s+(?:is|are)\s+(?:a|an|the)\s+(?:leading|global|"
    r"fast|growing|innovative|award|world|pioneering|premier|trusted|top|b2b|saas|venture|"
    r"mission|technology|tech|software|digital|data)",
    re.I,
)
# Each alternative above starts a word (or is "©"): testing the word boundary once up front lets
# the engine skip positions inside words without trying every alternative.
_LEGAL = re.compile(rf"\b(?:{_LEGAL.pattern})|©", re.I)
_BLURB = re.compile(rf"\b(?:{_BLURB.pattern})", re.I)
_ADDRESSES_CANDIDATE = re.compile(r"\b(?:you|your|yourself|candidates?|applicants?)\b", re.I)
# Form-letter sentences about the applicant pool or the application's status: "we received a
# large number of applications from candidates with strong Python ...", "your application for
# Team Leader (forklift licence required) has been reviewed". They name the role, not a reason.
_FORM_LETTER = re.compile(
    r"\b(?:large|high|significant|overwhelming|great|huge|record|unprecedented)\s+"
    r"(?:number|volume|response|amount)\s+of\s+(?:applications|applicants|candidates|interest)"
    r"|\bmany\s+(?:\w+\s+){0,2}?(?:applications|applicants|candidates)\b"
    r"|\b(?:highly|very|exceptionally|extremely)\s+(?:competitive|strong|qualified|talented)\s+"
    r"(?:field|pool|process|applicants|candidates)"
    r"|\bstrong (?:field|pool)\b"
    r"|\byour application (?:for|to)\b.{0,200}?\b(?:has|have|had) (?:now )?been "
    r"(?:reviewed|received|considered|assessed|unsuccessful|declined|closed)",
    re.I | re.S,
)
# ... unless they say why: "... has been declined because you do not hold a forklift licence".
_GIVES_REASON = re.compile(
    r"\b(?:because|since you|as you)\b|\byou (?:lack|did not|didn'?t|do not|don'?t|have not"
    r"|haven'?t|were not|weren'?t|need)\b|\byour (?:lack|limited)\b|\black(?:ed|ing)?\b"
    r"|\bthan you\b",
    re.I,
)


def is_boilerplate(sentence: str, gap_framed: bool = False) -> bool:
    """True for legal, equal-opportunity and privacy text, form-letter lines about the applicant
    pool or the application's status, and company self-description.

    A company sentence that frames a gap and speaks to the candidate ("we felt you lacked ...")
    is feedback, not a blurb; legal text never is.
    """
    if _LEGAL.search(sentence):
        return True
    if _FORM_LETTER.search(sentence) and not _GIVES_REASON.search(sentence):
        return not gives_reason(sentence)
    if _BLURB.search(sentence.strip()):
        return not (gap_framed and _ADDRESSES_CANDIDATE.search(sentence))
    return False


# A job title on a line of its own (a subject, heading or signature line): "Site Manager (NVQ
# Level 6, SMSTS) - Residential, Leeds", "Senior Technical Recruiter | Engineering (Go, Rust)".
JOB_TITLE = re.compile(
    r"\b(?:Engineer|Developer|Manager|Designer|Nurse|Teacher|Assistant|Specialist|Co-?ordinator"
    r"|Consultant|Officer|Executive|Associate|Lead|Director|Representative|Agent|Technician"
    r"|Accountant|Administrator|Architect|Scientist|Writer|Partner|Advis[eo]r|Clerk|Supervisor"
    r"|Operator|Planner|Buyer|Recruiter|Lecturer|Tutor|Pharmacist|Therapist|Paralegal|Solicitor"
    r"|Lawyer|Attorney|Auditor|Controller|Intern|Trainee|Apprentice|Programmer|Marketer|Owner"
    r"|Leader|Operative|Worker|Driver|Chef|Cook|Barista|Bartender|Welder|Fabricator|Electrician"
    r"|Plumber|Mechanic|Fitter|Carpenter|Joiner|Surveyor|Paramedic|Physiotherapist|Midwife|Carer"
    r"|Analyst|Tester|Receptionist|Cashier|Teller|Handler|Interpreter|Translator|Editor"
    r"|Journalist|Copywriter|Researcher|Inspector|Estimator|Dispatcher|Practitioner|Doctor"
    r"|Dentist|Hygienist|Radiographer|Counsellor|Counselor|Psychologist|Secretary|Bookkeeper"
    r"|Underwriter|Actuary|Broker|Trader|Head|Principal|Chief|VP|Instructor|Coach|Steward"
    r"|Attendant|Crew)s?\b"
)
_TITLE_LINE_WORDS = 20


def _title_line(sentence: str) -> bool:
    """A line naming a job, not a bullet or a labelled line ("Communication: 2/5 (Team Lead)")."""
    line = sentence.rstrip()
    if not line or line[-1] in ".!?" or len(line.split()) > _TITLE_LINE_WORDS:
        return False
    if ":" in line or BULLET.match(line):
        return False
    return bool(JOB_TITLE.search(line))


# A small cache: the signature test and the mining loop ask about the same lines of one text.
@functools.lru_cache(maxsize=64)
def is_form_letter(sentence: str) -> bool:
    """True for a line every rejection carries whatever its reason: greeting and sign-off,
    thanks, the decision, the process and the applicant pool, keeping the CV on file and future
    roles, good wishes, "we can't give feedback", personal-data notices, mail-system footers,
    the company describing itself and subject or reference lines naming the role; unless the
    line also gives a reason ("... as you do not hold a Driver CPC", "... has never run X")."""
    form = (
        FORM_START.match(sentence) is not None
        or FORM_WORD.search(sentence.lower()) is not None
        or _title_line(sentence)
    )
    return form and not gives_reason(sentence)


# A signature: a few short lines without end punctuation, mostly capitalised words or
# addresses ("Anita", "Practice Manager, Brightwell & Co Chartered Accountants").
_SIG_WORD = re.compile(r"[A-Z0-9@&|+/()#.,'’-]|(?:of|and|at|for|the|to|in|on|via|de|von|van)\b")
_SIG_MAX_WORDS = 10
_SIG_REASONS = patterns(Cue.STRONG_GAP, Cue.REQUIREMENT, Cue.NICE)


# "Missing: Kubernetes" is a scorecard line; "Tel: 0161 ..." is a signature.
_LABEL_COLON = re.compile(
    r"\b(?!(?:tel|phone|mobile|mob|m|t|e|email|e-mail|web|w|fax|address)\b)\w+:\s", re.I
)


# "Dorrington Energy B.V.", "Acme Inc.": a company name may end in a full stop.
_COMPANY_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Ltd|Inc|Co|Corp|plc|LLC|LLP|GmbH|AG|SA|Pty)\.)$"
)


def _signature_like(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _SIG_MAX_WORDS:
        return False
    if line.rstrip()[-1] in ".!?:;" and not _COMPANY_END.search(line.rstrip()):
        return False
    if BULLET.match(line) or _LABEL_COLON.search(line):
        return False
    if sum(1 for w in words if _SIG_WORD.match(w)) * 3 < len(words) * 2:
        return False
    return not any(rx.search(line) for rx in _SIG_REASONS)  # "Missing Kubernetes"


def signature_start(text: str) -> int:
    """Offset where the trailing signature starts, ``len(text)`` if there is none.

    The signature is the run of short name, title and company lines at the end of the text
    (mail-system and legal footers may follow it) that comes after a closing form-letter line:
    a sign-off, good wishes, thanks or the decision.
    """
    spans = list(sentences(text))
    run: list[tuple[int, str]] = []  # trailing sentences: signature-like, or form / legal lines
    for s in reversed(spans):
        line = text[s.start : s.end]
        if _signature_like(line):
            run.append((s.start, "sig"))
        elif is_form_letter(line) or is_boilerplate(line):
            run.append((s.start, "form"))
        else:
            break
    closed = False
    for start, kind in reversed(run):
        if kind == "form":
            closed = True
        elif closed:
            return start
    return len(text)
