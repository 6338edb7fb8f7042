"""A resume's skill names in other forms than the taxonomy's: the past tense of an "-ing" form
("triaged security alerts" for "triaging security alerts"), a form led by a past-tense verb in
another order ("Researched case law" for "case law research"), plural and noun forms ("brand
identities", "cash flow forecasts"), singular forms of plural names ("a component library" for
"component libraries") and job titles named after a skill ("Bookkeeper", "Data Analyst").
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from planner.skills.matcher import find_mentions
from planner.skills.model import GoalKind
from planner.skills.taxonomy import Taxonomy, is_plural, surface_forms
from planner.skills.tokens import fold, tokenize


class Hit(NamedTuple):
    skill_id: str
    start: int
    end: int


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


def _form_hits(
    text: str, forms: dict[tuple[str, ...], str], exact_single: bool = False
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
    "cash flow forecasts" for "cash flow forecasting", "component library" for "component
    libraries"; "VMCs" for the acronym "VMC"."""
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
            elif is_plural(last) and last.endswith("ies") and len(last) >= 6:
                ends = [last[:-3] + "y"]  # "component libraries" -> "a component library"
            elif is_plural(last):
                continue  # the matcher reads "design systems" as "design system" already
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
