"""Input checks and offset-preserving cleaning of pasted feedback.

Cleaning never shifts offsets: what is not to be mined (headers, quoted replies, signatures,
HTML tags, role titles) is blanked with spaces, so evidence spans index the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

MAX_CHARS = 100_000  # longer input is refused: no rejection email or CV is that long


class TextError(ValueError):
    """The input cannot be read as text: empty, binary, or over :data:`MAX_CHARS`."""


class Span(NamedTuple):
    start: int
    end: int


def check_text(text: object, what: str = "text") -> str:
    """Return ``text`` if it is usable input, else raise :class:`TextError` saying why."""
    if not isinstance(text, str):
        raise TextError(f"{what} must be a string, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise TextError(f"{what} has {len(text):,} characters; the limit is {MAX_CHARS:,}")
    if not text.strip():
        raise TextError(f"{what} is empty")
    if _looks_binary(text):
        raise TextError(f"{what} looks like binary data, not text")
    return text


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:4000]
    odd = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return odd > max(3, len(sample) // 20)


def decode_bytes(data: bytes, what: str = "file") -> str:
    """Decode an uploaded text file (UTF-8, UTF-16 with BOM, else Windows-1252)."""
    if len(data) > 4 * MAX_CHARS:
        raise TextError(f"{what} is {len(data):,} bytes; the limit is {MAX_CHARS:,} characters")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data:
        raise TextError(f"{what} looks like binary data, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return check_text(text, what)


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Replace the given spans by spaces (newlines kept), preserving length."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# A list item's marker at the start of a line: "- ", "• ", "3. ", "2) ".
BULLET = re.compile(r"\s*(?:[-*•·▪●◦]|\d{1,2}[.)])\s+")
# What a clause cut at ": ", "; " or a dash may start with, before its words.
CLAUSE_MARKS = " \t\n:;,–—-"

_HTML_HINT = re.compile(r"<(?:html|body|div|p|br|span|table|td|li|ul|a|b|strong|font)\b", re.I)
_HTML_BLOCK = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.I | re.S)
_HTML_TAG = re.compile(r"<[^<>]{0,2000}>")
_HTML_BREAK = re.compile(r"<(?:/?(?:p|div|li|tr|h[1-6]|ul|ol|table|blockquote)|br)\b", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.I)


def strip_html(text: str) -> str:
    """Blank HTML tags and entities; block tags leave a newline so sentences stay apart."""
    if not _HTML_HINT.search(text):
        return text
    chars = list(blank(text, (m.span() for m in _HTML_BLOCK.finditer(text))))
    for m in _HTML_TAG.finditer(text):
        fill = "\n" if _HTML_BREAK.match(m.group(0)) else " "
        chars[m.start() : m.end()] = fill + " " * (m.end() - m.start() - 1)
    for m in _ENTITY.finditer(text):
        keep = "&" if m.group(0).lower() == "&amp;" else " "
        chars[m.start() : m.end()] = keep + " " * (m.end() - m.start() - 1)
    return "".join(chars)


_HEADER = re.compile(
    r"^(?:from|to|cc|bcc|subject|date|sent|reply-to|message-id|mime-version|content-[\w-]+|"
    r"x-[\w-]+|received|return-path|importance)\s*:.*$",
    re.I | re.M,
)
_REPLY_MARKERS = re.compile(
    r"^(?:[ \t]*>.*$|\s*On\b[^\n]{0,200}\n?[^\n]{0,120}\bwrote:\s*$"
    r"|\s*-{2,}\s*Original Message\s*-{2,}.*$|"
    r"\s*_{10,}\s*$|\s*From:\s.+\n\s*(?:Sent|Date):.*$|\s*Le\b[^\n]{0,200}a écrit\s*:\s*$|"
    r"\s*Am\b[^\n]{0,200}schrieb[^\n]{0,80}:\s*$)",
    re.I | re.M,
)
_SIGNOFF = re.compile(
    r"^[ \t]*(?:-- ?|—|(?:best|kind|warm|warmest|many|all the best|best wishes|with best wishes|"
    r"thanks|thank you|regards|best regards|kind regards|warm regards|sincerely|yours sincerely|"
    r"yours faithfully|yours truly|cheers|respectfully|take care|thanks again|thank you again|"
    r"good luck|best of luck|all the best"
    r"|wishing you (?:all )?the best(?: of luck)?(?: in your search)?)[ \t]*[,.!]?)[ \t]*$",
    re.I | re.M,
)
_SENT_FROM = re.compile(r"^\s*Sent from my \w+.*$", re.I | re.M)
_FORWARD = re.compile(
    r"^\s*-{2,}\s*Forwarded message\s*-{2,}.*$|^\s*Begin forwarded message:.*$", re.I | re.M
)
_TITLE_WORD = r"(?:[A-Z0-9(][\w+#./&()'-]*|of|and|for|&|-|–|\(?[a-z]+\))"
_ROLE_TITLE = re.compile(
    rf"\b(?:for|to|of|in|about|with|into|on|joining|join)\s+(?:the|our|this|your|a"
    rf"|an)\s+((?:{_TITLE_WORD}\s+){{1,8}}?)"
    r"(?:role|position|opening|vacancy|post|opportunity|job|team|department|programme|program|"
    r"application|interview|req|requisition)s?\b"
)
_APPLIED_FOR = re.compile(
    rf"\b(?:application|applying|applied|candidacy|interviewing|interviewed)\s+(?:for|to)\s+"
    rf"(?:the\s+)?((?:{_TITLE_WORD}\s?){{1,8}})(?=\s*(?:\(|,|\.|\bat\b|\bwith\b|\brole\b"
    rf"|\bposition\b|$))",
    re.M,
)


# The nouns that end a job title (the job-description reader uses them too).
JOB_NOUN = (
    r"analyst|engineer|developer|manager|designer|nurse|teacher|assistant|specialist|coordinator|"
    r"consultant|officer|executive|associate|lead|director|representative|agent|technician|"
    r"accountant|administrator|architect|scientist|writer|partner|advis[eo]r|clerk|supervisor|"
    r"operator|planner|buyer|recruiter|lecturer|tutor|pharmacist|therapist|paralegal|solicitor|"
    r"lawyer|attorney|auditor|controller|intern|trainee|apprentice|programmer|marketer|owner|"
    r"master|leader|operative|electrician|plumber|carpenter|joiner|welder|fabricator|fitter|"
    r"mechanic|scaffolder|driver|chef|cook|cleaner|carer|midwife|paramedic|radiographer|"
    r"sonographer|optometrist|surveyor|estimator|negotiator|receptionist|cashier|barista|"
    r"editor|reporter|journalist|producer|inspector|investigator|underwriter|broker|"
    r"actuary|economist|statistician|librarian|archivist|curator|secretary|bookkeeper|"
    r"practitioner|instructor|trainer|coach|worker|handler|dispatcher"
)
# The title's words hold no article: in "a requirement for the fabricator role" the title is
# "fabricator", and "a requirement" stays for the discount to read.
_LOWER_TITLE = re.compile(
    r"\b(?:the|our|this|your|a|an)\s+("
    rf"(?:(?!(?:the|our|this|your|a|an)\s)[\w+#./&-]+\s+){{0,4}}(?:{JOB_NOUN})s?)"
    r"\s+(?:role|position|post|job|opening|vacancy|interview|internship)\b",
    re.I,
)
# "Quick one - lettings negotiator role, am I missing anything?": a title with no article, at the
# start of a line or after a dash or colon.
_BARE_TITLE = re.compile(
    rf"(?:^|[-–—:][ \t]+)((?:[A-Za-z][\w+#/&-]*[ \t]+){{0,3}}(?:{JOB_NOUN})s?)"
    r"[ \t]+(?:role|position|post|job|vacancy)\b",
    re.I | re.M,
)
# "Backend role at a fintech, what should I work on?", "KS1 teaching post - any gaps?": a line
# that opens with the job's field and "role" or "job" names the job, whatever the field's words.
_FIELD_ROLE = re.compile(
    r"^[ \t]*((?:(?!(?:the|a|an|this|that|these|your|my|our|their|his|her|its|for|of|in|to|and"
    r"|or|but|with|at|on|is|was|are|were|be|i|we|you|they)\b)[A-Za-z0-9][\w+#/&.'-]*[ \t]+){1,4}?)"
    r"(?:role|job|post|position|vacancy)(?![\w-])",
    re.I | re.M,
)
# "Scrum master interview feedback:" or "Service Desk Analyst - interview feedback" heads the
# notes: the words before "feedback" name the role, not a skill gap.
_FEEDBACK_HEADING = re.compile(
    rf"^[ \t#*]*((?:[\w+#./&()-]+[ \t]+){{0,5}}?(?:{JOB_NOUN})s?)[ \t]+(?:[-–—:|][ \t]*)?"
    r"(?:interview[ \t]+)?"
    r"(?:feedback|notes|debrief|summary)[ \t]*(?::|$)",
    re.M | re.I,
)
_GREETING = re.compile(
    r"^[ \t]*(?i:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b"
    r"(?:[ \t]+(?i:mr|mrs|ms|miss|dr|prof)\.?)?((?:[ \t]+[A-Z][\w'’.-]*){0,3})[ \t]*[,!:—-]",
    re.M,
)


def header_spans(text: str) -> Iterator[Span]:
    """Mail header lines at the top of the text."""
    for m in _HEADER.finditer(text):
        before = text[: m.start()].strip()
        at_top = not before or bool(_HEADER.fullmatch(before.splitlines()[-1]))
        forwarded = _FORWARD.search(text, max(0, m.start() - 400), m.start())
        if at_top or forwarded:
            yield Span(m.start(), m.end())


def reply_and_signature_spans(text: str) -> Iterator[Span]:
    """Quoted earlier messages and everything from a sign-off or signature marker onwards."""
    for m in _FORWARD.finditer(text):
        yield Span(m.start(), m.end())
    for m in _SENT_FROM.finditer(text):
        yield Span(m.start(), m.end())
    first_reply = None
    for m in _REPLY_MARKERS.finditer(text):
        if m.group(0).lstrip().startswith(">"):
            yield Span(m.start(), m.end())
        elif first_reply is None and not _only_headers(text[: m.start()]):
            # "From: ... / Date: ..." with nothing above it but headers or a forward marker
            # heads the message itself (pasted with its headers, or forwarded): not a quote.
            first_reply = m.start()
    if first_reply is not None:
        yield Span(first_reply, len(text))
    for m in _SIGNOFF.finditer(text):
        # A sign-off in the first lines is a greeting-like "Thanks," before the body; skip it.
        if text[: m.start()].strip():
            yield Span(m.start(), len(text) if first_reply is None else first_reply)
            break


def _only_headers(text: str) -> bool:
    """Whether ``text`` holds nothing but mail header lines and forward markers."""
    return not _FORWARD.sub("", _HEADER.sub("", text)).strip()


def role_title_spans(text: str) -> Iterator[Span]:
    """The job title in "your application for the Senior Python Developer role" or a heading."""
    for rx in (_ROLE_TITLE, _APPLIED_FOR, _LOWER_TITLE, _BARE_TITLE, _FIELD_ROLE,
               _FEEDBACK_HEADING):
        for m in rx.finditer(text):
            yield Span(m.start(1), m.end(1))


def clean_feedback(text: str) -> str:
    """Same-length copy of ``text`` with everything not to be mined blanked out."""
    text = strip_html(text)
    greetings = (m.span() for m in _GREETING.finditer(text))  # "Hi Maya," names no skill
    spans = [
        *header_spans(text),
        *reply_and_signature_spans(text),
        *role_title_spans(text),
        *greetings,
    ]
    return blank(text, spans)


def clean_document(text: str) -> str:
    """Same-length copy of a job description or resume with HTML blanked."""
    return strip_html(text)
