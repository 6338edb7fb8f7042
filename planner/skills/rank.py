"""Skill linking: rank every concept of an ESCO-format taxonomy for a sentence.

Lexical and deterministic: BM25F over preferred labels, alternative labels and descriptions
(label words count most), plus a bonus when a whole label occurs in the sentence and when the
curated taxonomy recognises a skill whose ESCO label is the concept's.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from planner.skills.matcher import find_mentions
from planner.skills.taxonomy import EscoRow, Taxonomy
from planner.skills.tokens import fold, iter_words

_STOP_WORDS = """
a an and are as at be by for from has have in is it its of on or our the their this to we will
with you your who what when where which while all any can into other such than that these those
they them us was were been being do does did not no but if so also more most very well work
working role team job etc e g i ie eg across within using use used able ability strong good
excellent experience knowledge understanding skills skill years year plus including include
includes new must should would could may might
"""
_STOP = frozenset(_STOP_WORDS.split())
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ment", "ments", "ly")
FIELD_WEIGHTS = (3.0, 1.5, 0.4)  # preferred label, alt labels, description
K1, B = 1.2, 0.6
PHRASE_BONUS = 4.0
CURATED_BONUS = 6.0


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "managing" and "manage", "systems" and "system"."""
    w = fold(word)
    if w.endswith("ies") and len(w) > 5:
        return w[:-3] + "y"
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w.rstrip("e") if len(w) > 4 else w


def terms(text: str) -> list[str]:
    """Stemmed content words of ``text``."""
    out = []
    for w in iter_words(text.replace("-", " ")):
        f = fold(w)
        if f not in _STOP and not f.isdigit():
            out.append(stem(f))
    return out


@dataclass(frozen=True)
class Ranked:
    label: str
    uri: str
    score: float


class Ranker:
    """An index over ESCO concepts; build once (or load a pre-built one), then :meth:`rank`."""

    def __init__(self, concepts: Sequence[EscoRow], taxonomy: Taxonomy | None = None) -> None:
        self.uris = [c[0] for c in concepts]
        self.labels = [c[1] for c in concepts]
        self.taxonomy = taxonomy
        # term -> (concept numbers, weights): parallel lists load fast from JSON
        self._postings: dict[str, tuple[list[int], list[float]]] = {}
        self._phrases: dict[tuple[str, ...], list[int]] = {}
        self._by_uri = {u: i for i, u in enumerate(self.uris)}
        if concepts:
            self._build(concepts)

    def _build(self, concepts: Sequence[EscoRow]) -> None:
        fields: list[list[list[str]]] = [
            [terms(c[1]), [t for alt in c[2] for t in terms(alt)], terms(c[5])] for c in concepts
        ]
        avg = [max(1.0, sum(len(f[i]) for f in fields) / max(1, len(fields))) for i in range(3)]
        df: Counter[str] = Counter()
        tfs: list[dict[str, float]] = []
        for f in fields:
            tf: dict[str, float] = {}
            for i, words in enumerate(f):
                norm = 1 - B + B * len(words) / avg[i]
                for t, n in Counter(words).items():
                    tf[t] = tf.get(t, 0.0) + FIELD_WEIGHTS[i] * n / norm
            tfs.append(tf)
            df.update(tf.keys())
        n_docs = len(fields)
        for d, tf in enumerate(tfs):
            for t, v in tf.items():
                idf = math.log(1 + (n_docs - df[t] + 0.5) / (df[t] + 0.5))
                docs, weights = self._postings.setdefault(t, ([], []))
                docs.append(d)
                weights.append(idf * v / (K1 + v))
        for d, c in enumerate(concepts):
            for label in (c[1], *c[2]):
                key = tuple(terms(label))
                if 0 < len(key) <= 6:
                    ds = self._phrases.setdefault(key, [])
                    if d not in ds[-1:]:  # labels of one concept come together
                        ds.append(d)

    def to_json(self) -> dict[str, Any]:
        """The built index as JSON-ready lists (written by the ESCO import)."""
        return {
            "uris": self.uris,
            "labels": self.labels,
            "postings": [[t, docs, weights] for t, (docs, weights) in self._postings.items()],
            "phrases": [[" ".join(k), docs] for k, docs in self._phrases.items()],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], taxonomy: Taxonomy | None = None) -> Ranker:
        """A ranker from :meth:`to_json` output, without rebuilding."""
        out = cls([], taxonomy)
        out.uris, out.labels = list(data["uris"]), list(data["labels"])
        out._by_uri = {u: i for i, u in enumerate(out.uris)}
        out._postings = {t: (docs, weights) for t, docs, weights in data["postings"]}
        out._phrases = {tuple(k.split(" ")): docs for k, docs in data["phrases"]}
        return out

    def rank(self, sentence: str, top: int = 10) -> list[Ranked]:
        """The ``top`` concepts for ``sentence``, best first."""
        q = terms(sentence)
        scores: dict[int, float] = {}
        for t, n in Counter(q).items():
            docs, weights = self._postings.get(t, ((), ()))
            boost = 1 + 0.2 * (n - 1)
            for d, w in zip(docs, weights, strict=True):
                scores[d] = scores.get(d, 0.0) + w * boost
        for d, bonus in self._phrase_hits(q):
            scores[d] = scores.get(d, 0.0) + bonus
        for d in self._curated_hits(sentence):
            scores[d] = scores.get(d, 0.0) + CURATED_BONUS
        best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        return [Ranked(self.labels[d], self.uris[d], round(s, 4)) for d, s in best]

    def _phrase_hits(self, q: list[str]) -> Iterable[tuple[int, float]]:
        for n in range(1, 7):
            for i in range(len(q) - n + 1):
                for d in self._phrases.get(tuple(q[i : i + n]), ()):
                    yield d, PHRASE_BONUS * (1 + 0.5 * (n - 1))

    def _curated_hits(self, sentence: str) -> set[int]:
        if self.taxonomy is None:
            return set()
        hits = set()
        for m in find_mentions(sentence, self.taxonomy):
            uri = self.taxonomy[m.skill_id].esco_uri
            if uri and uri in self._by_uri:
                hits.add(self._by_uri[uri])
        return hits


_SPACE = re.compile(r"\s+")


def normalise_sentence(text: str) -> str:
    """Collapse whitespace; benchmark sentences carry placeholders like <ORGANIZATION>."""
    return _SPACE.sub(" ", re.sub(r"<[A-Z_]+>", " ", text)).strip()
