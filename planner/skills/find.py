"""A skill from what a person types: adding a goal the feedback implies but does not name.

On new writers' text the extractor finds about half of what a coach would write down, most of
the rest being gaps described rather than named ("you took the instruments straight to the
autoclave"). The person often knows what was meant; they type it ("decontamination", "Section 42
enquiries", "k8s") and :func:`find_skill` returns the entry, or the closest ones to choose from.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from planner.skills.rank import Ranker
from planner.skills.taxonomy import Entry, Taxonomy

MAX_QUERY = 200  # characters: a skill's name, not a text


@dataclass(frozen=True)
class Found:
    entry: Entry | None  # the entry the name is the id, label or an alias of
    suggestions: tuple[Entry, ...]  # otherwise the closest curated entries, best first


def find_skill(name: str, tx: Taxonomy, top: int = 5) -> Found:
    """The entry ``name`` names exactly, or up to ``top`` curated entries close to it."""
    name = " ".join(name.split())[:MAX_QUERY]
    if not name:
        return Found(None, ())
    exact = tx.lookup(name)
    if exact is not None:
        return Found(exact, ())
    ranked = _ranker(tx).rank(name, top)
    return Found(None, tuple(tx[r.uri] for r in ranked if r.uri in tx))


@functools.lru_cache(maxsize=4)
def _ranker(tx: Taxonomy) -> Ranker:
    """BM25F over the curated entries' labels and aliases, built once per taxonomy (about a
    quarter of a second for 4,300 entries). ESCO-only concepts are found by their exact name."""
    rows = [
        (e.skill_id, e.label, tuple(a.lstrip("!") for a in e.aliases), e.kind.value, "", "")
        for e in tx
        if e.source == "curated"
    ]
    return Ranker(rows)
