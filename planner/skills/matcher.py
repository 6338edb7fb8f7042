"""Mention finder: longest taxonomy surface form at each token, whole tokens only."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from planner.skills.model import GoalKind
from planner.skills.senses import Ambiguity
from planner.skills.taxonomy import MAX_ALIAS_TOKENS, Taxonomy, is_plural
from planner.skills.tokens import Token, fold, iter_words, tokenize

# What may separate the words of one surface form: spaces, hyphens, apostrophes, a spaced
# ampersand ("Weights & Biases", "City & Guilds") or a bracket inside a token ("IR(ME)R").
_JOIN = re.compile(r"[ \t\-'’]{0,3}|[ \t]?[&()][ \t]?")
_TECH_CONTEXT = re.compile(
    r"\b(?:programming|language|code|coding|scripts?|developer|statistic\w*|packages?|libraries|"
    r"Python|Java|SQL|MATLAB|SAS|Stata|C\+\+|C#|Rust|Go|Julia|Perl|embedded|firmware)\b",
    re.I,
)


@dataclass(frozen=True)
class Mention:
    skill_id: str
    start: int
    end: int
    case_sensitive: bool
    n_tokens: int
    ambiguity: Ambiguity | None = None  # the form has several senses; skill_id is the chosen one


def find_mentions(
    text: str,
    taxonomy: Taxonomy,
    start: int = 0,
    end: int | None = None,
    *,
    context: str | None = None,
) -> list[Mention]:
    """Mentions in ``text[start:end]``, left to right, longest form first, never overlapping.

    An ambiguous form takes the sense the ``context`` (default: all of ``text``) speaks for,
    and is left out when the context speaks for none and the form has no default sense.
    """
    found = _scan(text, taxonomy, start, end)
    if not any(m.ambiguity for m in found):
        return found
    ctx = _sense_context(text if context is None else context, taxonomy)
    out = []
    for m in found:
        if m.ambiguity is None:
            out.append(m)
            continue
        sid = choose_sense(m.ambiguity, ctx, taxonomy)
        if sid is not None:
            out.append(Mention(sid, m.start, m.end, m.case_sensitive, m.n_tokens, m.ambiguity))
    return out


def _scan(text: str, taxonomy: Taxonomy, start: int = 0, end: int | None = None) -> list[Mention]:
    end = len(text) if end is None else end
    toks = tokenize(text[start:end], start)
    folded = [fold(t.text) for t in toks]
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        word = folded[i]
        longest = max(taxonomy.cs_first.get(toks[i].text, 0), taxonomy.ci_first.get(word, 0))
        if not longest and word.endswith("s"):  # "APIs" against the form "API"
            longest = taxonomy.ci_first.get(word[:-1], 0)
        found = _match_at(text, toks, folded, i, longest, taxonomy) if longest else None
        if found is None:
            if "/" in toks[i].text:  # "Prometheus/Grafana": each side may name a skill
                out.extend(_scan_parts(text, toks[i], taxonomy))
            i += 1
            continue
        out.append(found)
        i += found.n_tokens
    return [m for m in out if _plausible(text, m, start, end)]


def _scan_parts(text: str, tok: Token, taxonomy: Taxonomy) -> list[Mention]:
    """Mentions in the slash-separated parts of a token no form matches as a whole."""
    out: list[Mention] = []
    pos = tok.start
    for part in tok.text.split("/"):
        if part:
            out.extend(_scan(text, taxonomy, pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _match_at(
    text: str, toks: list[Token], folded: list[str], i: int, longest: int, taxonomy: Taxonomy
) -> Mention | None:
    limit = 1
    while limit < min(longest, MAX_ALIAS_TOKENS) and i + limit < len(toks):
        gap = text[toks[i + limit - 1].end : toks[i + limit].start]
        if not _JOIN.fullmatch(gap):
            break
        limit += 1
    for n in range(limit, 0, -1):
        words = [t.text for t in toks[i : i + n]]
        key = tuple(words)
        sid = taxonomy.cs_index.get(key)
        cs = sid is not None
        if sid is None:
            key = tuple(folded[i : i + n])
            sid = taxonomy.ci_index.get(key)
            if sid is None and is_plural(key[-1]):
                key = (*key[:-1], key[-1][:-1])
                sid = taxonomy.ci_index.get(key)
        if sid is not None:
            amb = taxonomy.ambiguous.get((cs, key)) if taxonomy.ambiguous else None
            return Mention(sid, toks[i].start, toks[i + n - 1].end, cs, n, amb)
    return None


def _plausible(text: str, m: Mention, start: int, end: int) -> bool:
    """Reject single letters used as grades or list markers ("C-suite", "plan B", "(a)")."""
    surface = text[m.start : m.end]
    if len(surface) > 1:
        return True
    before = text[m.start - 1] if m.start > 0 else " "
    after = text[m.end] if m.end < len(text) else " "
    if before in "-(/'’" or after in "-)'’.":
        return False
    window = text[max(start, m.start - 80) : min(end, m.end + 80)]
    return bool(_TECH_CONTEXT.search(window.replace(surface, " ", 1)))


_NO_FIELD = frozenset({GoalKind.SOFT, GoalKind.JOB_SEARCH, GoalKind.LANGUAGE})


@dataclass(frozen=True)
class SenseContext:
    """What a text says about its field: its words, and the areas its plain mentions sit in."""

    words: frozenset[str]
    fields: Counter[str]


@functools.lru_cache(maxsize=16)
def _sense_context(text: str, taxonomy: Taxonomy) -> SenseContext:
    fields: Counter[str] = Counter()
    for m in _scan(text, taxonomy):
        if m.ambiguity is None:
            fields.update(field_of(taxonomy, m.skill_id))
    return SenseContext(frozenset(fold(w) for w in iter_words(text)), fields)


def field_of(taxonomy: Taxonomy, skill_id: str) -> frozenset[str]:
    """The broad areas an entry sits in: the roots of its broader links (and its prerequisites',
    for certifications, which have none). Soft, job-search and language skills sit in none."""
    entry = taxonomy[skill_id]
    if entry.kind in _NO_FIELD:
        return frozenset()
    out: set[str] = set()
    for sid in (skill_id, *(entry.prerequisites if not entry.broader else ())):
        if sid in taxonomy:
            line = taxonomy.ancestors(sid) | {sid}
            out.update(a for a in line if not taxonomy[a].broader)
    return frozenset(out)


def choose_sense(amb: Ambiguity, ctx: SenseContext, taxonomy: Taxonomy) -> str | None:
    """The sense with most support (context words count double), else the default, else None."""
    scores = sorted(
        (
            2 * len(s.context & ctx.words)
            + sum(ctx.fields[f] for f in field_of(taxonomy, s.skill_id)),
            s.skill_id,
        )
        for s in amb.senses
    )
    best, sid = scores[-1]
    if best > 0 and (len(scores) == 1 or scores[-2][0] < best):
        return sid
    return amb.default


_IN = re.compile(r"\s+in\s+")


def qualified_by(text: str, m: Mention, nxt: Mention, taxonomy: Taxonomy) -> bool:
    """True when a one-word practice is narrowed by the skill after "in": "scripting in Python"
    is Python (not shell scripting), "programming in Java" is Java."""
    if m.n_tokens != 1 or m.case_sensitive or not _IN.fullmatch(text, m.end, nxt.start):
        return False
    a, b = taxonomy[m.skill_id], taxonomy[nxt.skill_id]
    return m.skill_id in taxonomy.ancestors(nxt.skill_id) or bool(set(a.broader) & set(b.broader))
