"""Ambiguous surface forms: one short form, several skills, chosen by the words around it.

"GCP" is Google Cloud Platform in an infrastructure rejection and Good Clinical Practice in a
clinical-research one; "KPIs" named in passing in a sales email is no product-metrics goal.
The shipped list lives in ``planner/skills/data/senses.txt``, one ambiguous form a line::

    GCP | google-cloud-platform: cloud kubernetes deploy | clinical-research: clinical trial

Each sense is a skill id and the words (case-folded) that speak for it. A sense written
``*id`` is the default when the text gives no evidence either way; with no default the form
names nothing unless the context picks a sense.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from planner.skills.tokens import fold, iter_words

SENSES_FILE = "senses.txt"


class SenseError(ValueError):
    """A line of the senses data is malformed."""


@dataclass(frozen=True)
class Sense:
    skill_id: str
    context: frozenset[str]  # folded words that speak for this sense


@dataclass(frozen=True)
class Ambiguity:
    """A surface form shared by several skills, or a skill and an everyday meaning."""

    forms: tuple[str, ...]
    senses: tuple[Sense, ...]
    default: str | None = None

    @property
    def skill_ids(self) -> tuple[str, ...]:
        return tuple(s.skill_id for s in self.senses)


def parse_senses(lines: Iterable[str]) -> Iterator[Ambiguity]:
    """Parse senses lines in the format described in the module docstring."""
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        forms = tuple(f.strip() for f in parts[0].split(",") if f.strip())
        if not forms or len(parts) < 2:
            raise SenseError(f"senses:{n}: need 'forms | sense: words ...'")
        senses: list[Sense] = []
        default = None
        for part in parts[1:]:
            sid, colon, words = part.partition(":")
            sid = sid.strip()
            if not colon or not sid.lstrip("*"):
                raise SenseError(f"senses:{n}: bad sense {part!r}")
            if sid.startswith("*"):
                sid = sid[1:]
                default = sid
            senses.append(Sense(sid, frozenset(fold(w) for w in iter_words(words))))
        yield Ambiguity(forms, tuple(senses), default)


def shipped_senses() -> list[Ambiguity]:
    """The ambiguous forms that ship with the package."""
    item = resources.files("planner.skills").joinpath("data", SENSES_FILE)
    return list(parse_senses(item.read_text(encoding="utf-8").splitlines()))


def shipped_senses_bytes() -> bytes:
    """The raw senses data, for the taxonomy fingerprint."""
    return resources.files("planner.skills").joinpath("data", SENSES_FILE).read_bytes()
