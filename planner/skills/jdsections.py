"""Heading and section classification for job descriptions: which kind of section a heading
opens (skip, nice, must, duty, or mixed: duties and asks under one heading), and whether a line
above the first heading is the job title."""

from __future__ import annotations

import re

from planner.skills.text import BULLET

_HEADING = re.compile(r"^[ \t#*]*([A-Za-z][^\n.!?]{0,70}?)[ \t]*[:?]?[ \t*]*$")
_HEADING_WORDS = 8
# Checked in order. "duty" sections (responsibilities, the role, "you will ...") say what the
# job does, not what the applicant must already know, so they are not mined; neither are
# "skip" sections (company blurb, benefits, selection process, equal opportunities).
_SECTION_KIND = (
    (
        "skip",
        re.compile(
            # "About Apex", not "Are you passionate about supporting children's learning?"
            r"(?:^|\b(?:more|all|a bit|a little) )about (?!(?:you|the (?:role|job|position|post"
            r"|opportunity|team)|this role)\b)\w+"
            r"|who we are(?! (?:looking|seeking|hoping|after))"
            r"|our (?:mission|story|values|culture|benefits)|benefits|perks|package"
            r"|what we offer|we offer|in it for you|why (?:join|work|\w+$)|compensation|salary"
            r"|equal (?:employment )?opportunit|eeo|diversity|how to apply|life at|the process"
            r"|interview process|selection process|location|working (?:here|with us|for us)"
            r"|behaviours|competency framework|success profiles?"
            r"|\bwhy\b|we (?:can |will )?offer|our offer|offers? you|in return|\brewards?\b"
            r"|company (?:overview|profile|description)|our company|what you(?:['’]ll| will) learn"
            r"|(?:training|learning) and development|development opportunit|career (?:development"
            r"|progression)"
            # a recruiter's client, the team, pay and hours, working conditions
            r"|^(?:about )?(?:our|the) client\b|^(?:our|the|meet the) team$|^(?:our )?values$"
            r"|hiring process|^(?:working )?hours$|^schedule$|^pay$|^shift pattern"
            r"|work(?:ing)? (?:environment|conditions)|physical (?:demands|requirements)"
            r"|^(?:additional|other) information$"
            # the team's own tools, listed for colour: "Our stack", "Tech we use", "Our tools"
            r"|^(?:our )?(?:tech(?:nology)? )?stack$"
            r"|^our (?:tech(?:nology)?|tools|toolkit|systems)$"
            r"|^(?:the )?(?:tools|tech|technology|systems|software) (?:we use|we work with"
            r"|you['’]ll (?:use|work with)|used by the team)$",
            re.I,
        ),
    ),
    (
        "nice",  # before the others: "Ideally, you'll also have" is neither a duty nor a must
        re.compile(
            r"nice[- ]to[- ]have|bonus|preferred|plus(?:es)?\b|desir(?:able|ed)|good to have|"
            r"would be (?:great|nice)|extra credit|not required|ideally|optional|advantage"
            r"|an asset|beneficial|great if|['’]d be (?:great|nice|good)|even better if"
            r"|love to see|would love|['’]d love|additional skills|helpful|useful|stand out"
            r"|extra points|points if"
            # "You might also have", "Things that would help", "Good to know"
            r"|you (?:might|may|could) (?:also )?(?:have|bring)"
            r"|(?:^|\b(?:that|which|what|it) )(?:would|could|might) (?:also )?help"
            r"|things that (?:will )?help|good to know",
            re.I,
        ),
    ),
    (
        "must",  # "To succeed in this role you'll need": a requirement heading, whatever else
        re.compile(
            r"you(?:['’]ll| will) (?:need|bring|have)|to (?:succeed|be successful|thrive)"
            # "You'll thrive here if you have:", "You'll love this role if you are"
            r"|you(?:['’]ll| will) (?:thrive|succeed|excel|fit right in|do well)"
            r"|\bif you(?:['’]ve| have| are| can| bring)\b"
            r"|what you(?:['’]ll)? (?:bring|need)|we(?:['’]re| are) looking for"
            # "You", "Is this you?", "Sound like you?": the applicant, as a heading
            r"|^you$|^(?:is|does) this (?:sound like )?you$|^sounds? like you$",
            re.I,
        ),
    ),
    (
        "duty",
        re.compile(
            r"responsibilit|duties|accountabilit|what you(?:'ll| will) (?:do|be doing)"
            r"|day[- ]to[- ]day|in this role|(?:about |^)the role|role (?:overview|summary)"
            r"|about the (?:job|position|post|opportunity|team)|the opportunity|your role"
            r"|job (?:summary|purpose|description)|you will\b(?! need| bring| have)"
            r"|^the (?:position|job|post|work)$|your day\b|day in the life|what the (?:role|job)"
            r" involves|essential functions|position (?:summary|overview|purpose)|^overview$"
            r"|purpose of the (?:role|job|post|position)|what success looks like|first \d+ days"
            r"|your impact|key result areas|(?:typical|main|key) tasks|typical day|the day job"
            r"|scope of the role|key relationships|your (?:new |next )?role"
            r"|what['’]?s the (?:job|role)|what is the (?:job|role)|^role$"
            r"|you['’]ll\b(?! need| bring| have)|key tasks",
            re.I,
        ),
    ),
    (
        "must",
        re.compile(
            r"requirement|required|must[- ]have|qualifications?|what you(?:'ll)? (?:bring|need)|"
            r"you (?:have|bring|are|need|will (?:have|need|bring))|essential|minimum|basic"
            r"|looking for|skills|experience|about you|your profile|who you are|person spec"
            r"|criteria|successful candidate|need from you|competenc|the person\b|the candidate\b"
            r"|^(?:candidate |person |ideal )?profile$|ideal candidate|^(?:the|our) ideal\b",
            re.I,
        ),
    ),
)


# "About Basket Co.": a company name's abbreviation ends a heading with a full stop.
_ABBREVIATION = re.compile(r"\b(Co|Ltd|Inc|Corp|LLC|LLP|plc|PLC|Bros)\.(?=\s*$)")


_BOTH_COLUMNS = re.compile(
    r"\bessential\s*(?:[/|&,]|\band\b|\bor\b)\s*desirable\b"
    r"|\bdesirable\s*(?:[/|&,]|\band\b|\bor\b)\s*essential\b",
    re.I,
)


# "Responsibilities and requirements", "Duties & requirements": duties and asks under one heading
_MIXED = re.compile(
    r"\b(?:responsibilit\w*|duties|the role)\b.{0,12}\b(?:requirements|qualifications|skills"
    r"|experience)\b|\b(?:requirements|skills)\b.{0,12}\b(?:responsibilit\w*|duties)\b",
    re.I,
)


def _section_kind(line: str) -> str | None:
    m = _HEADING.match(_ABBREVIATION.sub(r"\1", line))
    if not m or len(line.split()) > _HEADING_WORDS:
        return None
    if _BOTH_COLUMNS.search(m.group(1)):
        return "must"  # "Criteria | Essential / Desirable": each row carries its own marker
    if _MIXED.search(m.group(1)):
        return "mixed"  # asks read as under a requirement heading, duty bullets skipped
    for kind, rx in _SECTION_KIND:
        if rx.search(m.group(1)):
            return kind
    return None


def heading_kind(chunk: str, has_mentions: bool) -> str | None:
    """The section a heading line opens, or None; a line naming skills is not a bare heading."""
    if BULLET.match(chunk):
        return None
    head, colon, _ = chunk.partition(":")
    if not colon and has_mentions:
        # "Compensation & benefits" names a skill, yet is a heading: a short line opening a
        # section that is never mined
        short = len(chunk.split()) <= _SKIP_HEADING_WORDS
        return "skip" if short and _section_kind(chunk) == "skip" else None
    return _section_kind(head if colon else chunk)


_SKIP_HEADING_WORDS = 4


# A posting's terms under its title: "Full-time, 36-40 hrs/week | $17-$20/hr", "£43,500 + shift
# allowance | Permanent". Such a row may run longer than a title and is still the title block.
_TERMS = re.compile(
    r"[$£€]\s?\d|\b\d+(?:[.,]\d+)?\s?[kK]\b|/\s?(?:hr|hour|annum)\b|\bhrs?\b"
    r"|\bper (?:hour|annum|year|week)\b|\bfull[- ]time\b|\bpart[- ]time\b|\bpermanent\b"
    r"|\bfixed[- ]term\b|\btemporary\b",
    re.I,
)


def looks_like_title(line: str) -> bool:
    if BULLET.match(line):
        return False  # "- Experience of NEC and JCT contracts": a requirement, not the title
    rows = line.split("\n")  # "Staff Nurse (Band 5)\nRiverside Teaching Hospitals NHS Trust"
    return len(rows) <= 3 and all(
        len(re.findall(r"\w+", r)) <= (16 if _TERMS.search(r) else 8)
        and not re.search(r"[.!?:,]\s*$", r)
        for r in rows
    )


# A person specification set out as a table: "Criteria | Essential | Desirable" heads the
# columns, and each row ticks one: "Venepuncture | | ✓" is desirable.
_TICK = re.compile(r"(?:[✓✔☑√•●*xX]|yes|y)", re.I)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("|" if "|" in line else "\t")]


def table_columns(line: str) -> tuple[int, int] | None:
    """Where a table's Essential and Desirable columns are, if ``line`` heads one."""
    if "|" not in line and "\t" not in line:
        return None
    cells = [c.lower() for c in _cells(line)]
    ess = [i for i, c in enumerate(cells) if c.startswith("essential")]
    des = [i for i, c in enumerate(cells) if c.startswith("desirable")]
    return (ess[0], des[0]) if len(ess) == 1 and len(des) == 1 else None


def column_mark(line: str, columns: tuple[int, int]) -> bool | None:
    """Whether a table row ticks the Essential column (True), the Desirable one (False), or
    neither (None)."""
    if "|" not in line and "\t" not in line:
        return None
    cells = _cells(line)
    for at, essential in zip(columns, (True, False), strict=True):
        if at < len(cells) and _TICK.fullmatch(cells[at]):
            return essential
    return None


def cell_of(text: str, at: int, columns: tuple[int, int]) -> bool | None:
    """Whether the table cell holding ``text[at]`` is in the Essential column (True), the
    Desirable one (False), or neither: "Experience of Sage | Experience of Xero" under
    "Essential | Desirable" asks for Sage and would like Xero."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    if "|" not in line and "\t" not in line:
        return None
    cell = text[start:at].count("|" if "|" in line else "\t")
    return {columns[0]: True, columns[1]: False}.get(cell)
