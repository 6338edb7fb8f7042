"""What a resume shows: the skills it names, and those it shows in other words.

A resume says what the writer did, in their own words: "titrated heparin drips" shows
medication administration, "dressed surgical incisions" shows wound care. Besides the taxonomy's
names and the paraphrase lexicon's topic phrases, these count: the hand-written lexicon
``data/resume_evidence.txt`` (phrasings a career coach would read as the skill); the taxonomy's
multi-word forms in the past tense ("triaged security alerts" for "triaging security alerts")
or led by a past-tense verb ("Researched case law" for "case law research"); and stated
registrations and credentials ("Registered with the HCPC"; "Basic Life Support (AHA),
exp. 2026" shows the BLS certification).
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from planner.skills.matcher import find_mentions
from planner.skills.model import GoalKind
from planner.skills.paraphrase import find_paraphrases
from planner.skills.taxonomy import Taxonomy, is_plural, surface_forms
from planner.skills.text import BULLET, clean_document
from planner.skills.tokens import fold, tokenize

if TYPE_CHECKING:
    from planner.skills.jobdesc import Requirement

_GAP = r"(?:[^\w\n]+[\w'’+#&/.-]+){0,6}?[^\w\n]+"  # " ... ": up to six words, one line
_SPACE = r"[^\S\n]*[-–]?[^\S\n]*"  # a space in a pattern: spaces or a hyphen, one line


class Hit(NamedTuple):
    skill_id: str
    start: int
    end: int


def _compile(pattern: str) -> re.Pattern[str]:
    words = [p.strip() for p in pattern.split("...")]
    body = _GAP.join(_SPACE.join(w.split()) for w in words)
    return re.compile(rf"(?<![\w+#]){body}(?![\w+#])", re.I)


def parse_lexicon(lines: list[str]) -> list[tuple[str, re.Pattern[str]]]:
    """``skill-id | pattern ; pattern`` lines (``#`` comments) to (skill id, regex) pairs."""
    out: list[tuple[str, re.Pattern[str]]] = []
    for raw in lines:
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        skill_id, _, patterns = line.partition("|")
        out.extend((skill_id.strip(), _compile(p)) for p in patterns.split(";") if p.strip())
    return out


@functools.lru_cache(maxsize=1)
def shipped_lexicon() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The lexicon shipped in ``data/resume_evidence.txt``."""
    data = resources.files("planner.skills").joinpath("data/resume_evidence.txt")
    text = data.read_text(encoding="utf-8")
    return tuple(parse_lexicon(text.splitlines()))


def lexicon_hits(text: str, taxonomy: Taxonomy) -> list[Hit]:
    """Where ``text`` uses a lexicon phrasing for a skill the taxonomy has."""
    return [
        Hit(sid, m.start(), m.end())
        for sid, rx in shipped_lexicon()
        if sid in taxonomy
        for m in rx.finditer(text)
    ]


def _past(word: str) -> str | None:
    """The past tense of an "-ing" word ("managing" -> "managed"), else None."""
    if len(word) < 6 or not word.endswith("ing"):
        return None
    return word[:-3] + "ed"


@functools.lru_cache(maxsize=4)
def _past_forms(taxonomy: Taxonomy) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for entry in taxonomy:
        if entry.source != "curated":
            continue
        for form, case_sensitive in surface_forms(entry):
            words = [fold(t.text) for t in tokenize(form)]
            # one word ("surveyed", "billed") is too often an ordinary verb to show a skill
            past = _past(words[0]) if len(words) > 1 and not case_sensitive else None
            if past is None:
                continue
            out.setdefault((past, *words[1:]), entry.skill_id)
            if len(words) > 1 and is_plural(words[-1]):  # "managed budget" ~ "managing budgets"
                out.setdefault((past, *words[1:-1], words[-1][:-1]), entry.skill_id)
    return out


def past_tense_hits(text: str, taxonomy: Taxonomy) -> list[Hit]:
    """Skills named through the past tense of their "-ing" forms ("reconciled accounts")."""
    return _form_hits(text, _past_forms(taxonomy))


def _form_hits(text: str, forms: dict[tuple[str, ...], str], exact_single: bool = False
               ) -> list[Hit]:
    """The longest match of ``forms`` (folded word tuples) starting at each word of ``text``;
    with ``exact_single`` a one-word form is matched as written ("VMCs"), not folded."""
    longest = max((len(k) for k in forms), default=0)
    toks = tokenize(text)
    folded = [fold(t.text) for t in toks]
    out: list[Hit] = []
    for i in range(len(toks)):
        for n in range(min(longest, len(toks) - i), 0, -1):
            key = (toks[i].text,) if n == 1 and exact_single else tuple(folded[i : i + n])
            sid = forms.get(key)
            if sid is not None:
                out.append(Hit(sid, toks[i].start, toks[i + n - 1].end))
                break
    return out


_STOP = frozenset(
    re.findall(r"\w+", "a an and the of for in on to with by at from or as into our their its my")
)
# longest first: "reconciliations" loses "iations", not "s"
_SUFFIXES = tuple(
    re.findall(r"\w+", "iations ations iation ation ments ment ings ing ions ion ies")
)
_SUFFIXES += ("ied", "ers", "er", "ed", "es", "s")
_STEM_CHARS = 7


def _stem(word: str) -> str:
    """A crude stem that meets across inflections: "reconciled", "reconciliation" -> "reconci"."""
    w = word.lower().replace("yz", "ys").replace("iz", "is")
    if w.endswith(("ysis", "yses")):  # "analysis", "analyses" meet "analysed"
        return w[:-2][:_STEM_CHARS]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4 and not w.endswith(("ss", "us", "is")):
            w = w[: -len(suffix)]
            break
    return w.rstrip("e")[:_STEM_CHARS] if len(w) > 4 else w


@functools.lru_cache(maxsize=4)
def _stem_forms(taxonomy: Taxonomy) -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    """Stem -> (stems, skill id) of the two- and three-word forms holding it."""
    out: dict[str, list[tuple[frozenset[str], str]]] = {}
    for entry in taxonomy:
        if entry.source != "curated" or entry.kind in (GoalKind.SOFT, GoalKind.JOB_SEARCH):
            continue
        for form, case_sensitive in surface_forms(entry):
            words = [fold(t.text) for t in tokenize(form)]
            content = [w for w in words if w not in _STOP]
            if case_sensitive or len(content) not in (2, 3):
                continue
            if any(len(w) < 3 or not w.isalpha() for w in content):
                continue
            stems = frozenset(_stem(w) for w in content)
            if len(stems) == len(content):
                for stem in stems:
                    out.setdefault(stem, []).append((stems, entry.skill_id))
    return {k: tuple(v) for k, v in out.items()}


_VERB = re.compile(r"[A-Za-z]{3,}ed")  # "Researched", "reconciled": a resume's past-tense verb
_OBJECT_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*")  # what may stand between the verb's words


def reordered_hits(text: str, taxonomy: Taxonomy) -> list[Hit]:
    """A form led by a past-tense verb, in another order or inflection: "Researched case law"
    for "case law research", "reconciled bank accounts" for "bank reconciliations". The words
    after the verb must be lower case, so a name ("Northway Managed Services") is no hit."""
    forms = _stem_forms(taxonomy)
    toks = tokenize(text)
    stems = [_stem(fold(t.text)) for t in toks]
    out: list[Hit] = []
    for i, tok in enumerate(toks):
        if not _VERB.fullmatch(tok.text):
            continue
        after: list[int] = []  # the content words right after the verb, in order
        for j in range(i + 1, min(i + 6, len(toks))):
            if not _OBJECT_GAP.fullmatch(text, toks[j - 1].end, toks[j].start):
                break
            word = fold(toks[j].text)
            if word in _STOP:
                continue
            if toks[j].text != word or len(after) == 3:
                break
            after.append(j)
        for want, sid in forms.get(stems[i], ()):
            rest = want - {stems[i]}
            # the other words of the form, with at most one more word among them
            near = after[: len(rest) + 1]
            if rest and rest <= {stems[j] for j in near}:
                out.append(Hit(sid, tok.start, toks[max(j for j in near if stems[j] in rest)].end))
    return out


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"  # "brand identity" -> "brand identities"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


@functools.lru_cache(maxsize=4)
def _noun_forms(taxonomy: Taxonomy) -> dict[tuple[str, ...], str]:
    """Plural and noun forms of multi-word names: "brand identities" for "brand identity",
    "cash flow forecasts" for "cash flow forecasting"; "VMCs" for the acronym "VMC"."""
    out: dict[tuple[str, ...], str] = {}
    for entry in taxonomy:
        if entry.source != "curated" or entry.kind in (GoalKind.SOFT, GoalKind.JOB_SEARCH):
            continue
        for form, case_sensitive in surface_forms(entry):
            if case_sensitive:
                if form.isalpha() and form.isupper() and len(form) >= 3:
                    out.setdefault((form + "s",), entry.skill_id)  # matched as written
                continue
            words = [fold(t.text) for t in tokenize(form)]
            if len(words) < 2 or not words[-1].isalpha() or len(words[-1]) < 4:
                continue
            last, ends = words[-1], [_plural(words[-1])]
            if last.endswith("ing") and len(last) >= 7:  # "forecasting" -> "forecast(s)"
                stem = last[:-3]
                stem = stem[:-1] if stem[-1] == stem[-2] else stem  # "planning" -> "plan"
                ends = [stem, stem + "s"]
            elif is_plural(last):
                continue
            for end in ends:
                out.setdefault((*words[:-1], end), entry.skill_id)
    return out


def noun_form_hits(text: str, taxonomy: Taxonomy) -> list[Hit]:
    """Skills named through a plural or noun form of their names (see :func:`_noun_forms`)."""
    return _form_hits(text, _noun_forms(taxonomy), exact_single=True)


# A job title names the holder after the skill: "Bookkeeper" (bookkeeping), "Phlebotomist"
# (phlebotomy), "Data Analyst" (data analysis), "Project Manager" (project management).
_AGENT = re.findall(
    r"(\w+):(\S+)",
    "ysis:yst ation:ator ment:er ion:ionist ing:er|or|ant|ist ery:er y:ist|er ign:igner",
)
# one-word titles too broad to name a skill ("Manager", "Engineer", "Developer")
_BROAD_TITLES = frozenset(
    re.findall(
        r"\w+",
        "manager developer engineer designer director officer administrator coordinator consultant"
        " analyst planner writer trainer buyer driver operator supervisor leader executive adviser"
        " advisor worker technician controller producer editor agent representative assistant"
        " specialist marketer seller cleaner organiser organizer reporter presenter tester builder",
    )
)
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|our|their|his|her|to|with|for|as|by|of)\s+|'s\s+)$", re.I
)


@functools.lru_cache(maxsize=4)
def _title_forms(taxonomy: Taxonomy) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for entry in taxonomy:
        if entry.source != "curated" or entry.kind in (GoalKind.SOFT, GoalKind.JOB_SEARCH):
            continue
        for form, case_sensitive in list(surface_forms(entry))[:1]:  # the label: an alias
            words = [fold(t.text) for t in tokenize(form)]  # may be a neighbour's name
            if case_sensitive or not words or not words[-1].isalpha() or len(words) > 3:
                continue
            for suffix, ends in _AGENT:
                if words[-1].endswith(suffix) and len(words[-1]) - len(suffix) >= 3:
                    for end in ends.split("|"):
                        stem = words[-1][: -len(suffix)]
                        title = (stem[:-1] if stem.endswith("e") and end[0] == "e" else stem) + end
                        if len(words) > 1 or title not in _BROAD_TITLES:
                            out.setdefault((*words[:-1], title), entry.skill_id)
                    break
    return out


def title_hits(text: str, taxonomy: Taxonomy) -> list[Hit]:
    """Skills a capitalised job title names ("Payroll Administrator" is no hit: "administrator"
    is no skill; "Welder/Fabricator, Steelco" shows welding); "reported to the Data Analyst"
    is someone else's title."""
    forms = _title_forms(taxonomy)
    toks = tokenize(text)
    folded = [fold(t.text) for t in toks]
    # "Adobe Illustrator": a longer name around the word is a tool, not a title
    names = [(m.start, m.end) for m in find_mentions(text, taxonomy)]
    out: list[Hit] = []
    for i in range(len(toks)):
        if any(a < toks[i].start < b or a < toks[i].end < b for a, b in names):
            continue
        for n in (3, 2, 1):
            sid = forms.get(tuple(folded[i : i + n])) if i + n <= len(toks) else None
            words = toks[i : i + n]
            if sid is None or not all(w.text[:1].isupper() for w in words):
                continue
            if not _TITLE_BEFORE.search(text, max(0, toks[i].start - 8), toks[i].start):
                out.append(Hit(sid, toks[i].start, toks[i + n - 1].end))
            break
    return out


def evidence_hits(text: str, taxonomy: Taxonomy) -> list[Hit]:
    """Skills ``text`` shows in other words than the taxonomy's names for them."""
    return [
        *lexicon_hits(text, taxonomy),
        *past_tense_hits(text, taxonomy),
        *noun_form_hits(text, taxonomy),
        *title_hits(text, taxonomy),
        *reordered_hits(text, taxonomy),
        *registration_hits(text, taxonomy),
    ]


_CERT_SUFFIX = ("certification", "certificate", "certified", "licence", "license", "card", "ticket")
# "Basic Life Support (AHA), exp. 2026", "Counterbalance licence (RTITB), renewed 2024"
_CREDENTIAL = re.compile(
    r"\b(?:certif\w*|licen[cs]\w*|card|provider|exp(?:ires|iry|\.)|valid (?:to|until)"
    r"|renewed)(?!\w)",
    re.I,
)
_CREDENTIAL_HEADING = re.compile(r"certif|licen[cs]|qualifications|credentials", re.I)


@functools.lru_cache(maxsize=4)
def _named_certs(taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """Skill id -> certifications named after it alone ("BLS certification" for BLS)."""
    out: dict[str, list[str]] = {}
    for cert in taxonomy:
        if cert.kind.value != "certification" or len(cert.prerequisites) != 1:
            continue
        skill = taxonomy.get(cert.prerequisites[0])
        if skill is None:
            continue
        label = fold(cert.label)
        names = {fold(f) for f, _ in surface_forms(skill)}
        if any(label == f"{n} {suffix}" for n in names for suffix in _CERT_SUFFIX):
            out.setdefault(skill.skill_id, []).append(cert.skill_id)
    return {k: tuple(v) for k, v in out.items()}


def certifications_shown(text: str, hit: Hit, taxonomy: Taxonomy) -> tuple[str, ...]:
    """The certifications a skill listed as a credential shows: "Basic Life Support (American
    Heart Association), exp. 2026" under "Certifications" shows the BLS certification."""
    certs = _named_certs(taxonomy).get(hit.skill_id, ())
    if not certs:
        return ()
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    rest = line.replace(text[hit.start : hit.end], " ")
    return certs if _CREDENTIAL.search(rest) or _under_credentials(text, line_start) else ()


def _under_credentials(text: str, line_start: int) -> bool:
    """Whether the nearest heading above ``line_start`` is a credentials heading."""
    for line in reversed(text[:line_start].splitlines()):
        if not line.strip():
            continue
        if len(line.split()) <= 4 and not BULLET.match(line):
            return bool(_CREDENTIAL_HEADING.search(line))
    return False


# "Registered with Social Work England", "registered with the HCPC (PH123456)"
_REGISTERED = re.compile(
    r"\b(?i:registered (?:with|by|on) (?:the )?)([A-Z][\w&'’-]*(?: (?:of|for|and|[A-Z][\w&'’-]*))*)"
)


def registration_hits(text: str, taxonomy: Taxonomy) -> list[Hit]:
    """A registration the resume states with the body's name: "Registered with Social Work
    England" shows the Social Work England registration."""
    out: list[Hit] = []
    for m in _REGISTERED.finditer(text):
        body = m.group(1)
        for name in (f"{body} registration", f"{body} registered"):
            entry = taxonomy.lookup(name)
            if entry is not None and entry.kind.value == "certification":
                out.append(Hit(entry.skill_id, m.start(), m.end()))
                break
    return out


_NOT_YET = re.compile(
    r"\([^()]{0,40}\b(?:pending|in progress|expected|ongoing|studying"
    r"|working towards)\b[^()]{0,20}\)"
    r"|\b(?:studying for|working towards|preparing for|enrolled in)\b[^.,;\n]{0,60}"
    r"|[^\s,;()]+(?:\s+[^\s,;()]+){0,3}\s+(?:pending|in progress)\b",
    re.I,
)
# "ready to move into critical care", "keen to develop my SQL": what the writer wants, not has.
_ASPIRATION = re.compile(
    r"\b(?:(?:looking|ready|keen|hoping|eager|aiming|want(?:ing)?|wish(?:ing)?|seeking"
    r"|plan(?:ning)?) to (?:move|step|progress|transition|get|break) (?:in)?to"
    r"|(?:looking|keen|hoping|eager|want(?:ing)?) to (?:learn|develop|gain|build|grow)"
    r"|aspiring)\b[^.;\n]{0,60}",
    re.I,
)
_SHOWS_PREREQUISITES = frozenset({GoalKind.CERTIFICATION, GoalKind.TOOL})


_ENGLISH_WORDS = re.compile(r"\b(?:the|and|with|for|of|to|in|on)\b", re.I)


class Shown(dict[str, frozenset[str]]):
    """Skill ids a resume shows (each with the ids named that show it), plus ``pending``: the
    ids it names as in progress ("studying for CIPS"), which meet only a job that accepts them.
    """

    pending: frozenset[str] = frozenset()


def shown_skills(text: str, taxonomy: Taxonomy) -> frozenset[str]:
    """Skill ids a resume shows, with everything broader than them (AWS shows cloud computing)."""
    return frozenset(shown_via(text, taxonomy))


def shown_via(text: str, taxonomy: Taxonomy) -> Shown:
    """Skill ids a resume shows, each with the ids named in the resume that show it.

    Besides skill names, the topic phrases of the paraphrase lexicon count ("tracked costs
    against quotes" shows budget management; "packaged models in Docker" shows MLOps), and so
    does the evidence of :func:`evidence_hits`; phrases that state a shortfall do not.
    """
    clean = clean_document(text)
    via: dict[str, set[str]] = {}
    not_yet = [m.span() for m in _NOT_YET.finditer(clean)]
    wanted = [m.span() for m in _ASPIRATION.finditer(clean)]
    pending: set[str] = set()
    named = [Hit(m.skill_id, m.start, m.end) for m in find_mentions(clean, taxonomy)]
    named.extend(
        Hit(p.skill_id, p.start, p.end)
        for p in find_paraphrases(clean)
        if not p.states_gap and p.skill_id in taxonomy
    )
    named.extend(evidence_hits(clean, taxonomy))  # "titrated heparin drips", "reconciled ..."
    for hit in named:
        skill_id, start, end = hit
        if any(a <= start and end <= b for a, b in wanted):
            continue  # "looking to move into acute medicine": not shown
        ids = {skill_id} | taxonomy.ancestors(skill_id)
        if taxonomy[skill_id].kind in _SHOWS_PREREQUISITES:
            # a cert shows what it certifies; a tool used shows what it is built on (MySQL: SQL)
            ids.update(taxonomy[skill_id].prerequisites)
        ids.update(certifications_shown(clean, hit, taxonomy))  # "Basic Life Support, exp. 2026"
        if any(a <= end and start <= b for a, b in not_yet):
            pending.add(skill_id)  # "QTS pending", "studying for the CPA": not shown yet
            continue
        for sid in ids:
            via.setdefault(sid, set()).add(skill_id)
    if "english" in taxonomy and len(_ENGLISH_WORDS.findall(clean)) >= 5:
        via.setdefault("english", set()).add("english")  # a resume written in English shows it
    out = Shown({sid: frozenset(v) for sid, v in via.items()})
    out.pending = frozenset(pending)
    return out


def meets(r: Requirement, via: dict[str, frozenset[str]], named: set[str], tx: Taxonomy) -> bool:
    """Whether the resume meets requirement ``r``; ``named`` are the skills its bullet names.

    Any one of "Python or Go" meets it; "Zendesk or similar" is met by another skill under
    the same parent. A skill shown only through a narrower one the same bullet also asks for
    ("user research and usability testing") is not met by that narrower one.
    """
    pending = via.pending if isinstance(via, Shown) else frozenset[str]()
    for sid in r.alternatives or (r.skill_id,):
        shown_by = via.get(sid, frozenset())
        if sid in shown_by or shown_by - named:
            return True
        if r.pending_ok and sid in pending:
            return True  # "working towards CIPS" asked; "studying for CIPS Level 4" shown
    if r.or_similar:
        return any(_sibling_shown(sid, via, tx) for sid in r.alternatives or (r.skill_id,))
    return False


def _sibling_shown(sid: str, via: dict[str, frozenset[str]], tx: Taxonomy) -> bool:
    """Whether the resume shows something comparable: work in the tool's own area ("Opera PMS or
    similar" beside front-office work), or, where that area is a whole field, a skill of the
    same kind beside the tool (Creo shows engineering design, yet is no "Windchill or similar")."""
    kind = tx[sid].kind
    return any(
        (b in via and tx[b].broader)
        or any(x != sid and b in tx[x].broader and tx[x].kind is kind for x in via.get(b, ()))
        for b in tx[sid].broader
    )
