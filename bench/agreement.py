"""How far two careful people agree on the goals of one text, beside the extractor.

    .venv/bin/python -P bench/agreement.py

``bench/data/feedback/second_annotator.jsonl`` holds a second, blind labelling of 40 texts
drawn at random from the development check sets (30 feedback, 10 job description + resume):
its author saw only the texts and the taxonomy, never the first labels or the extractor's
output. Agreement between the two bounds what a score against one person's labels can show:
precision and recall of the second person measured against the first.

For held-out sets in ``ADJUDICATED``, ``<set>_second.jsonl`` is a second blind labelling (its
author saw the texts, the taxonomy and the labelling conventions, never the writer's gold or any
extractor output) and ``<set>_adjudicated.jsonl`` a third person's decision on each
disagreement, also blind to the extractor; the extractor is scored against both. Asserts
nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from planner.skills.extract import extract
from planner.skills.taxonomy import Taxonomy, default_taxonomy

ROOT = Path(__file__).resolve().parent / "data" / "feedback"
Pair = tuple[set[str], set[str]]  # (predicted, reference)


def prf(pairs: Iterable[Pair]) -> list[object]:
    tp = fp = fn = 0
    for pred, ref in pairs:
        tp, fp, fn = tp + len(pred & ref), fp + len(pred - ref), fn + len(ref - pred)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return [tp, fp, fn, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"]


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--second", type=Path, default=ROOT / "second_annotator.jsonl")
    args = ap.parse_args(argv)
    second = [json.loads(line) for line in args.second.open(encoding="utf-8") if line.strip()]
    first: dict[tuple[str, str], dict[str, object]] = {}
    for name in sorted({s["set"] for s in second}):
        for it in _read(ROOT / name):
            first[(name, it["id"])] = it  # type: ignore[index]
    tx = default_taxonomy()
    rows = []
    for kind in ("feedback", "jd_resume", None):
        items = [s for s in second if kind is None or first[(s["set"], s["id"])]["kind"] == kind]
        a = [set(s["gold"]) for s in items]
        b = [set(first[(s["set"], s["id"])]["gold"]) for s in items]  # type: ignore[arg-type]
        ext = [_extracted(first[(s["set"], s["id"])], tx) for s in items]
        label = kind or "all"
        rows.append([label, len(items), "second person vs first", *prf(zip(a, b, strict=True))])
        rows.append([label, len(items), "extractor vs first", *prf(zip(ext, b, strict=True))])
        rows.append([label, len(items), "extractor vs second", *prf(zip(ext, a, strict=True))])
    _table("Agreement on the goals of one text (precision / recall of the first named, measured "
           "against the second named's labels)", rows)
    for name in ADJUDICATED:
        if (ROOT / f"{name}_adjudicated.jsonl").is_file():
            _table(f"{name}.jsonl labelled twice, blind, and adjudicated (the writer's gold is "
                   "'first'; 'final' is the adjudicator's)", _adjudicated(name, tx))


# Held-out sets a second person labelled blind and a third adjudicated, blind to the extractor.
ADJUDICATED = ("heldout4", "heldout5")


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _extracted(it: dict[str, object], tx: Taxonomy) -> set[str]:
    res = extract(it["text"], it.get("job_description"), it.get("resume"), taxonomy=tx)  # type: ignore[arg-type]
    return {g.skill_id for g in res.goals}


def _adjudicated(name: str, tx: Taxonomy) -> list[list[object]]:
    first = _read(ROOT / f"{name}.jsonl")
    second = {it["id"]: it for it in _read(ROOT / f"{name}_second.jsonl")}
    final = {it["id"]: it for it in _read(ROOT / f"{name}_adjudicated.jsonl")}
    rows: list[list[object]] = []
    for kind in ("feedback", "jd_resume", None):
        items = [it for it in first if kind is None or it["kind"] == kind]
        one = [set(it["gold"]) for it in items]  # type: ignore[call-overload]
        two = [set(second[it["id"]]["gold"]) for it in items]  # type: ignore[call-overload]
        fin = [set(final[it["id"]]["gold"]) for it in items]  # type: ignore[call-overload]
        ext = [_extracted(it, tx) for it in items]
        label = kind or "all"
        for who, pred, ref in (("first vs final", one, fin), ("second vs final", two, fin),
                               ("second vs first", two, one), ("extractor vs final", ext, fin),
                               ("extractor vs first", ext, one)):
            rows.append([label, len(items), who, *prf(zip(pred, ref, strict=True))])
    return rows


def _table(title: str, rows: list[list[object]]) -> None:
    header = ["texts", "n", "compared", "tp", "fp", "fn", "precision", "recall", "F1"]
    cells = [[str(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    print(title)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    print()


if __name__ == "__main__":
    sys.exit(main())
