"""The written sentences in ``bench/data/described/`` and ``bench/data/named/`` (twelfth
session) stay usable: every line parses, carries a known label and names a taxonomy entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.skills.taxonomy import Taxonomy

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"


@pytest.mark.parametrize(
    ("folder", "labels", "least"),
    [("described", {"pos", "neg"}, 5000), ("named", {"gap", "not"}, 3600)],
)
def test_the_written_sentences_are_well_formed(
    tx: Taxonomy, folder: str, labels: set[str], least: int
) -> None:
    rows = [
        json.loads(line)
        for path in sorted((DATA / folder).glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(rows) >= least
    assert {r["label"] for r in rows} == labels
    unknown = {r["skill"] for r in rows} - {e.skill_id for e in tx}
    assert not unknown, f"skill ids not in the taxonomy: {sorted(unknown)}"
    assert all(r["text"].strip() for r in rows)
