"""The cue scan runs its patterns without re.I over the lower-cased text (faster); it must find
exactly what the case-insensitive patterns find, including the literal "I" in a lookbehind."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from planner.skills.cues import lower_literals

cues = importlib.import_module("planner.skills.cues")
framing = importlib.import_module("planner.skills.framing")
DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "feedback"


def _texts() -> list[str]:
    out = [
        "I am fluent in French, and French is essential.",
        "You said you'd Pick It Up Quickly; we don't expect candidates to have used Sage.",
        "YOUR SQL WAS WEAK. We'd Also Have Liked More On Budgets.",
    ]
    with (DATA / "labelled.jsonl").open(encoding="utf-8") as fh:
        out += [json.loads(line)["text"] for line in fh if line.strip()]
    return out


def test_lower_literals_keeps_escapes() -> None:
    assert lower_literals(r"(?<!I am )\bWord\W+\S[A-Z]") == r"(?<!i am )\bword\W+\S[a-z]"


@pytest.mark.parametrize("kind", ["cues", "discount"])
def test_the_lower_cased_scan_finds_what_the_case_insensitive_one_finds(kind: str) -> None:
    if kind == "cues":
        pairs = list(zip(cues._COMPILED, cues._COMPILED_LOWER, strict=True))
        regexes = [(a[1], b[1]) for a, b in pairs]
    else:
        regexes = [(framing._DISCOUNT, framing._DISCOUNT_LOWER)]
    for text in _texts():
        for slow, fast in regexes:
            assert [m.span() for m in slow.finditer(text)] == [
                m.span() for m in fast.finditer(text.lower())
            ]


def test_a_text_whose_lower_case_is_longer_is_scanned_as_written() -> None:
    text = "İstanbul office. Your SQL was weak."  # "İ".lower() is two characters
    assert len(text.lower()) != len(text)
    hits = cues.find_cues(text, 0, len(text))
    assert [text[h.start : h.end] for h in hits if h.cue is cues.Cue.STRONG_GAP] == ["weak"]
