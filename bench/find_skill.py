"""How often typing a goal's name finds its skill: the "Missing a goal?" box. Asserts nothing.

    .venv/bin/python -P bench/find_skill.py

For every gold goal of the held-out sets that carry ``gold_names`` (a labeller's short name for
each goal, e.g. "Cost estimating / pricing from drawings") and whose id is in the taxonomy, the
name is typed into :func:`planner.skills.find.find_skill` as a person would: the entry found
outright, among the five suggestions, or not at all. Goals the extractor missed are counted
apart: they are the ones a person would add. A third row takes the missed goals of held-out 6
that its judge found stated in a sentence the goals page lists as a reason naming no skill
(``heldout6_reasons_judged.jsonl``): typed into that sentence's box, the goal found quotes it.
Names are cut at " -> now" (a re-map note) and at a bracket ("(absent from taxonomy)",
"(UK ALS ~ ACLS)").
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from planner.skills.extract import extract
from planner.skills.find import find_skill
from planner.skills.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent / "data" / "feedback"
SETS = tuple(f"heldout{n}.jsonl" for n in range(2, 18))
JUDGED = ("heldout6.jsonl", "heldout6_reasons_judged.jsonl")
LISTED = "missed, in a listed sentence"


def in_listed_sentences() -> set[tuple[str, str]]:
    """(text id, skill id) of each missed goal the judge found stated in a listed sentence."""
    with (ROOT / JUDGED[1]).open(encoding="utf-8") as fh:
        return {(j["id"], g["goal"]) for line in fh if line.strip()
                for j in [json.loads(line)] for g in j["missed"] if g["in_reasons"]}


def typed(name: str) -> str:
    name = name.split(" -> now", 1)[0]
    return re.split(r"\s*[(\[]", name, maxsplit=1)[0].strip()


def main() -> None:
    tx = load_taxonomy()
    t0 = time.perf_counter()
    find_skill("warm up", tx)
    build = time.perf_counter() - t0
    rows: dict[str, list[int]] = {"missed by the extractor": [0, 0, 0], "all gold goals": [0, 0, 0],
                                  LISTED: [0, 0, 0]}
    listed = in_listed_sentences()
    timings = []
    for name in SETS:
        for line in (ROOT / name).open(encoding="utf-8"):
            it = json.loads(line)
            res = extract(it["text"], it.get("job_description"), it.get("resume"), taxonomy=tx)
            found_ids = {g.skill_id for g in res.goals}
            for sid, label in (it.get("gold_names") or {}).items():
                if sid not in tx or sid not in it["gold"]:
                    continue
                t = time.perf_counter()
                found = find_skill(typed(label), tx)
                timings.append(time.perf_counter() - t)
                if found.entry is not None and found.entry.skill_id == sid:
                    col = 0
                elif sid in {e.skill_id for e in found.suggestions}:
                    col = 1
                else:
                    col = 2
                keys = ["all gold goals"] + (["missed by the extractor"] if sid not in found_ids
                                             else [])
                if name == JUDGED[0] and (it["id"], sid) in listed:
                    keys.append(LISTED)
                for key in keys:
                    rows[key][col] += 1
    print(f"find_skill over the gold names of {', '.join(SETS)}")
    print(f"{'goals':<30}{'n':>5}{'found outright':>16}{'in 5 suggestions':>18}{'not found':>11}")
    for key, (a, b, c) in rows.items():
        n = a + b + c
        if key == LISTED:
            print(f"held-out 6, {len(listed)} missed goals its judge found in a listed sentence; "
                  "those in the taxonomy:")
        print(f"{key:<30}{n:>5}{a / n:>16.2f}{b / n:>18.2f}{c / n:>11.2f}")
    timings.sort()
    print(f"ranker build (first call): {build * 1000:.0f} ms; per call p50 "
          f"{timings[len(timings) // 2] * 1000:.2f} ms, max {timings[-1] * 1000:.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
