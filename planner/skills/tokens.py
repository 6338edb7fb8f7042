"""Tokens with offsets, case folding and skill-id slugs shared by the taxonomy and the matcher."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

# A token starts with a letter or digit and may carry the inner punctuation skill names use:
# "C++", "C#", "Node.js", "CI/CD", "M&A", ".NET". Hyphens split tokens on both sides of a match,
# so "problem-solving" and "problem solving" meet.
TOKEN_RE = re.compile(r"(?:(?<![\w.])\.)?[^\W_][\w#+]*(?:[./&][^\W_][\w#+]*)*")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Return the tokens of ``text`` with offsets shifted by ``offset``."""
    return [
        Token(m.group(0), m.start() + offset, m.end() + offset) for m in TOKEN_RE.finditer(text)
    ]


def fold(word: str) -> str:
    """Lowercase and strip accents, so "Résumé" and "resume" compare equal."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def iter_words(text: str) -> Iterator[str]:
    """Yield the token texts of ``text`` (no offsets)."""
    for m in TOKEN_RE.finditer(text):
        yield m.group(0)


_SYMBOLS = (("++", " plus plus "), ("+", " plus "), ("#", " sharp "), ("&", " and "))


def slugify(label: str) -> str:
    """Skill id for a label: lowercase ASCII words joined by '-' ("C++" -> "c-plus-plus")."""
    s = label.strip()
    for sym, word in _SYMBOLS:
        s = s.replace(sym, word)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")
