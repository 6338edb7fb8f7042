"""The everyday words for a shortfall frame a gap ("your stakeholder management was patchy",
"presenting felt like a stretch"), and their look-alikes elsewhere do not ("a stretch goal",
"the basic salary")."""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.taxonomy import Taxonomy


def ids(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


@pytest.mark.parametrize(
    "shortfall",
    [
        "was patchy", "was sketchy", "was a bit wobbly", "was hit and miss", "felt underdeveloped",
        "felt less developed than the rest", "felt under-rehearsed", "was inconsistent",
        "was uneven", "was unconvincing", "is still developing", "came up short",
        "was quite basic", "felt like a stretch for you", "is fairly new to you",
        "is something to keep working at", "cost you marks", "was the sticking point",
    ],
)
def test_an_everyday_word_for_a_shortfall_frames_a_gap(tx: Taxonomy, shortfall: str) -> None:
    assert "stakeholder-management" in ids(f"Your stakeholder management {shortfall}.", tx)


@pytest.mark.parametrize(
    "text",
    [
        "Stakeholder management would have been a stretch goal for the first year.",
        "Stakeholder management is part of the basic salary band's duties.",
    ],
)
def test_the_look_alikes_frame_nothing(tx: Taxonomy, text: str) -> None:
    assert "stakeholder-management" not in ids(text, tx)
