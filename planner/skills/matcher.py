"""Mention finder: longest taxonomy surface form at each token, whole tokens only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.skills.taxonomy import MAX_ALIAS_TOKENS, Taxonomy
from planner.skills.tokens import Token, fold, tokenize

_JOIN = re.compile(r"[ \t\-'’]{0,3}")  # what may separate the words of one surface form
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


def find_mentions(
    text: str, taxonomy: Taxonomy, start: int = 0, end: int | None = None
) -> list[Mention]:
    """Mentions in ``text[start:end]``, left to right, longest form first, never overlapping."""
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
            i += 1
            continue
        out.append(found)
        i += found.n_tokens
    return [m for m in out if _plausible(text, m, start, end)]


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
        sid = taxonomy.cs_index.get(tuple(words))
        cs = sid is not None
        if sid is None:
            key = tuple(folded[i : i + n])
            sid = taxonomy.ci_index.get(key)
            last = key[-1]
            if sid is None and len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
                sid = taxonomy.ci_index.get((*key[:-1], last[:-1]))
        if sid is not None:
            return Mention(sid, toks[i].start, toks[i + n - 1].end, cs, n)
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
