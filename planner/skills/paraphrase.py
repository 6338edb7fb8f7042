"""Paraphrases: phrases that name a skill without its name ("pushed back on price").

The shipped lexicon lives in ``planner/skills/data/paraphrases.txt``, one phrase a line::

    objection-handling | push(?:ed|es|ing)? back on (?:the )?price
    negotiation        | ! without getting anything (?:back|in return)

The phrase is a case-insensitive regular expression matched on whole words. A leading ``!``
marks a phrase that states the shortfall itself ("went with gut feel"), so it frames a gap
without a cue word; the others name the topic and take their framing from the clause, like a
skill name does. A phrase must not use ``|`` outside a group: write one line per variant.

A phrase whose meaning depends on the field ends with `` | if: words`` (it counts only when the
text has one of the words) or `` | unless: words`` (it does not count when the text has one):
"built a pipeline of prospects" is a fundraiser's donor pipeline in a charity's rejection and
a salesperson's pipeline elsewhere::

    fundraising | built a pipeline of prospects | if: donor donors charity
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from planner.skills.tokens import fold, iter_words

PARAPHRASES_FILE = "paraphrases.txt"
_PLAIN_GROUP = re.compile(r"\(\?:([^()\\\[\]?*+{}.^$]+)\)(?![?*+{])")
_CLASS = re.compile(r"\[(?:[^\]\\]|\\.)*\][?*+]?")
_GROUP = re.compile(r"\((?:[^()\\]|\\.)*\)(?:[?*+]|\{\d+(?:,\d*)?\})?\??")
_ESCAPE = re.compile(r"\\[A-Za-z]|\\.")
_QUANTIFIED = re.compile(r".[?*+](?:\?)?|.\{\d+(?:,\d*)?\}")
_MIN_TRIGGER = 3


class ParaphraseError(ValueError):
    """A line of the paraphrase data is malformed."""


@dataclass(frozen=True)
class Paraphrase:
    skill_id: str
    pattern: re.Pattern[str]
    states_gap: bool  # the phrase describes a shortfall by itself
    triggers: tuple[str, ...]  # every match contains one of these lowercase literals
    only_with: frozenset[str] = frozenset()  # folded words one of which the text must have
    not_with: frozenset[str] = frozenset()  # folded words none of which the text may have


@dataclass(frozen=True)
class ParaphraseHit:
    skill_id: str
    start: int
    end: int
    states_gap: bool


def trigger_of(pattern: str) -> tuple[str, ...]:
    """Lowercase literals one of which every match of ``pattern`` contains (empty: none found).

    Candidates are the literal runs left when groups, classes, escapes and quantified characters
    are cut out (one literal each), and the groups of plain alternatives that are not optional
    ("(?:price|pricing|cost)"). The candidate whose shortest literal is longest wins. Only a
    pre-filter: a literal the regex requires is in every match, so skipping on it loses nothing.
    """
    if _top_level_alternation(pattern):
        return ()
    candidates: list[tuple[str, ...]] = []
    for m in _PLAIN_GROUP.finditer(pattern):
        if _depth(pattern, m.start()) == 0:
            candidates.append(tuple(a.strip().lower() for a in m.group(1).split("|")))
    s = _CLASS.sub("\x00", pattern)
    while True:
        t = _GROUP.sub("\x00", s)
        if t == s:
            break
        s = t
    s = _ESCAPE.sub("\x00", s)
    s = _QUANTIFIED.sub("\x00", s)
    candidates.extend((c.strip().lower(),) for c in re.split(r"[\x00.^$\[\]{}|()*+?]", s))
    usable = [c for c in candidates if c and min(len(a) for a in c) >= _MIN_TRIGGER]
    return max(usable, key=lambda c: min(len(a) for a in c), default=())


def _depth(pattern: str, pos: int) -> int:
    depth, escaped, in_class = 0, False, False
    for ch in pattern[:pos]:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
    return depth


def _top_level_alternation(pattern: str) -> bool:
    depth, escaped = 0, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def parse_paraphrases(lines: Iterable[str]) -> Iterator[Paraphrase]:
    """Parse paraphrase lines in the format described in the module docstring."""
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        sid, bar, phrase = (p.strip() for p in line.partition("|"))
        if not bar or not sid or not phrase:
            raise ParaphraseError(f"paraphrases:{n}: need 'skill-id | phrase'")
        phrase, only_with, not_with = _field_words(phrase)
        states_gap = phrase.startswith("!")
        phrase = phrase.lstrip("!").strip()
        if _top_level_alternation(phrase):
            raise ParaphraseError(f"paraphrases:{n}: '|' outside a group; write one line a variant")
        try:
            rx = re.compile(rf"(?<![\w-])(?:{phrase})(?![\w-])", re.I)
        except re.error as e:
            raise ParaphraseError(f"paraphrases:{n}: {e}") from e
        yield Paraphrase(sid, rx, states_gap, trigger_of(phrase), only_with, not_with)


_FIELD = re.compile(r"\s+\|\s+(if|unless):\s*([^|]*)$")


def _field_words(phrase: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """Split a trailing `` | if: words`` or `` | unless: words`` off ``phrase``."""
    only_with: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()
    while m := _FIELD.search(phrase):
        words = frozenset(fold(w) for w in iter_words(m.group(2)))
        if m.group(1) == "if":
            only_with |= words
        else:
            not_with |= words
        phrase = phrase[: m.start()]
    return phrase, only_with, not_with


@functools.cache
def shipped_paraphrases() -> tuple[Paraphrase, ...]:
    """The paraphrase lexicon that ships with the package."""
    item = resources.files("planner.skills").joinpath("data", PARAPHRASES_FILE)
    return tuple(parse_paraphrases(item.read_text(encoding="utf-8").splitlines()))


def shipped_paraphrases_bytes() -> bytes:
    """The raw paraphrase data, for fingerprints."""
    return resources.files("planner.skills").joinpath("data", PARAPHRASES_FILE).read_bytes()


def find_paraphrases(
    text: str,
    start: int = 0,
    end: int | None = None,
    lexicon: Iterable[Paraphrase] | None = None,
) -> list[ParaphraseHit]:
    """Paraphrase hits in ``text[start:end]``, left to right; of overlapping hits the first and
    longest is kept."""
    end = len(text) if end is None else end
    lowered = text[start:end].lower()
    lex = shipped_paraphrases() if lexicon is None else tuple(lexicon)
    always, by_trigger = _shipped_index() if lexicon is None else _index(lex)
    # the phrases whose trigger words occur, in lexicon order (the hits are sorted below anyway)
    chosen = set(always)
    for t, ns in by_trigger.items():
        if t in lowered:
            chosen.update(ns)
    words: frozenset[str] | None = None
    hits = []
    for i in sorted(chosen):
        p = lex[i]
        if p.only_with or p.not_with:
            if words is None:
                words = frozenset(fold(w) for w in iter_words(text))
            if (p.only_with and words.isdisjoint(p.only_with)) or not words.isdisjoint(p.not_with):
                continue
        for m in p.pattern.finditer(text, start, end):
            hits.append(ParaphraseHit(p.skill_id, m.start(), m.end(), p.states_gap))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[ParaphraseHit] = []
    for h in hits:
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


def _index(lex: tuple[Paraphrase, ...]) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The phrases without a trigger, and for each trigger the phrases that have it."""
    by_trigger: dict[str, list[int]] = {}
    for i, p in enumerate(lex):
        for t in p.triggers:
            by_trigger.setdefault(t, []).append(i)
    always = tuple(i for i, p in enumerate(lex) if not p.triggers)
    return always, {t: tuple(ns) for t, ns in by_trigger.items()}


@functools.cache
def _shipped_index() -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    return _index(shipped_paraphrases())
