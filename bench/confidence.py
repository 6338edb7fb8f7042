"""Goal confidence: fit the model in planner/skills/confidence.py; show how calibrated it is.

    .venv/bin/python -P bench/confidence.py            # calibration of the shipped weights
    .venv/bin/python -P bench/confidence.py --fit      # refit, print weights to paste, compare

A goal counts as right when its skill id is in the text's gold. The fit uses the development
*check* sets: texts scored once when written and never tuned on, so they look like new users'
text (the sets the rules were tuned on are right far more often than new text is). Held-out sets
are only reported, in aggregate: per confidence band, how many goals and how many were right.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from planner.skills.confidence import FEATURES, WEIGHTS, score
from planner.skills.extract import extract_with_features
from planner.skills.taxonomy import default_taxonomy

ROOT = Path(__file__).resolve().parent / "data" / "feedback"
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))
Sample = tuple[dict[str, float], bool]


def samples(path: Path) -> list[Sample]:
    """(features, right) for every goal the extractor gives on the texts in ``path``."""
    tx = default_taxonomy()
    out: list[Sample] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            it = json.loads(line)
            res, feats = extract_with_features(
                it["text"], it.get("job_description"), it.get("resume"), taxonomy=tx
            )
            gold = set(it["gold"])
            out.extend((feats[g.skill_id], g.skill_id in gold) for g in res.goals)
    return out


def _row(f: Mapping[str, float]) -> list[float]:
    return [1.0, *(f.get(k, 0.0) for k in FEATURES)]


def fit(data: Sequence[Sample], l2: float = 1.0, rounds: int = 25) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    xs = [_row(f) for f, _ in data]
    ys = [1.0 if y else 0.0 for _, y in data]
    d = len(FEATURES) + 1
    w = [0.0] * d
    for _ in range(rounds):
        grad = [l2 * w[j] if j else 0.0 for j in range(d)]
        hess = [[(l2 if i == j and i else 0.0) for j in range(d)] for i in range(d)]
        for x, y in zip(xs, ys, strict=True):
            p = 1.0 / (1.0 + math.exp(-sum(a * b for a, b in zip(w, x, strict=True))))
            for i in range(d):
                grad[i] += (p - y) * x[i]
                if x[i]:
                    for j in range(d):
                        hess[i][j] += p * (1 - p) * x[i] * x[j]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    seen = {k for f, _ in data for k, v in f.items() if v}
    # A feature no goal in the data has keeps its shipped weight (a prior, said so in the module).
    return {
        "bias": round(w[0], 3),
        **{
            k: round(v, 3) if k in seen else WEIGHTS.get(k, 0.0)
            for k, v in zip(FEATURES, w[1:], strict=True)
        },
    }


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting; a feature never seen has a zero row, which
    the penalty keeps solvable."""
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c]:
                k = m[r][c] / m[c][c]
                m[r] = [x - k * y for x, y in zip(m[r], m[c], strict=True)]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def losses(data: Sequence[Sample], weights: Mapping[str, float]) -> tuple[float, float]:
    """(mean log loss, Brier score) of ``weights`` on ``data``."""
    ll = br = 0.0
    for f, y in data:
        p = score(f, weights)
        ll -= math.log(p if y else 1 - p)
        br += (p - (1.0 if y else 0.0)) ** 2
    return ll / len(data), br / len(data)


def table(title: str, header: list[str], rows: Iterable[list[Any]]) -> None:
    rows = [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))


def reliability(name: str, data: Sequence[Sample], weights: Mapping[str, float]) -> None:
    rows: list[list[Any]] = []
    for lo, hi in BANDS:
        band = [(score(f, weights), y) for f, y in data if lo <= score(f, weights) < hi]
        if band:
            mean = sum(p for p, _ in band) / len(band)
            right = sum(y for _, y in band)
            rows.append([f"{lo:.2f}-{min(hi, 1.0):.2f}", len(band), right, mean, right / len(band)])
        else:
            rows.append([f"{lo:.2f}-{min(hi, 1.0):.2f}", 0, 0, "-", "-"])
    sure = [(score(f, weights), y) for f, y in data if score(f, weights) >= 0.5]
    ll, br = losses(data, weights)
    table(
        f"{name}: {len(data)} goals, {sum(y for _, y in data)} right; log loss {ll:.3f}, Brier "
        f"{br:.3f}; confidence >= 0.5: {len(sure)} goals, precision "
        f"{(sum(y for _, y in sure) / len(sure)) if sure else 0:.3f}",
        ["confidence", "goals", "right", "mean confidence", "share right"],
        rows,
    )


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--fit", action="store_true", help="refit the weights on --fit-on")
    ap.add_argument(
        "--fit-on",
        type=Path,
        nargs="*",
        default=sorted(ROOT.glob("dev*_check.jsonl")),
        help="sets to fit on (default: every development check set)",
    )
    ap.add_argument(
        "--report",
        type=Path,
        nargs="*",
        default=[
            ROOT / "labelled.jsonl",
            ROOT / "heldout.jsonl",
            ROOT / "heldout2.jsonl",
            ROOT / "heldout3.jsonl",
            ROOT / "heldout4.jsonl",
            ROOT / "heldout5.jsonl",
            ROOT / "heldout6.jsonl",
            ROOT / "heldout7.jsonl",
            ROOT / "heldout8.jsonl",
            ROOT / "heldout9.jsonl",
            ROOT / "heldout10.jsonl",
            ROOT / "heldout11.jsonl",
            ROOT / "heldout12.jsonl",
            ROOT / "heldout13.jsonl",
            ROOT / "heldout14.jsonl",
            ROOT / "heldout15.jsonl",
            ROOT / "heldout16.jsonl",
            ROOT / "heldout17.jsonl",
        ],
        help="further sets to report calibration on (aggregates only)",
    )
    ap.add_argument("--l2", type=float, default=1.0, help="penalty on the weights")
    args = ap.parse_args(argv)
    per_file = {p: samples(p) for p in args.fit_on}
    pooled = [s for v in per_file.values() for s in v]
    weights: Mapping[str, float] = WEIGHTS
    if args.fit:
        weights = fit(pooled, args.l2)
        # Leave one check set out: fit on the others, score the one left out.
        cv_new = cv_old = 0.0
        for p, held in per_file.items():
            if held:
                rest = [s for q, v in per_file.items() if q != p for s in v]
                cv_new += losses(held, fit(rest, args.l2))[0] * len(held)
                cv_old += losses(held, WEIGHTS)[0] * len(held)
        n = len(pooled)
        print(
            f"leave-one-set-out log loss over {len(per_file)} check sets: "
            f"refit {cv_new / n:.3f}, shipped weights {cv_old / n:.3f}"
        )
        print("WEIGHTS: Mapping[str, float] = {")
        for k, v in weights.items():
            print(f'    "{k}": {v},')
        print("}")
    reliability("check sets (fitted on)", pooled, weights)
    for p in args.report:
        if p.is_file():
            reliability(p.name, samples(p), weights)


if __name__ == "__main__":
    sys.exit(main())
