"""Forms that ordinary text uses in another sense (the tenth session's audit of every one- and
two-word form, ``planner/skills/data/senses.txt``): they name the skill only where the words
around them speak for it; and a panel's "we would like the person in this role to hold X" asks
for X."""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.taxonomy import Taxonomy


def ids(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


@pytest.mark.parametrize(
    ("text", "not_a_goal"),
    [
        ("In the scenario you were not yet confident interpreting a CTG trace.", "interpreting"),
        ("Your pairing suggestions for the tasting menu were quite safe.", "pair-programming"),
        ("In the radar simulation you lost separation between two aircraft.",
         "simulation-modeling"),
        ("You lacked knowledge of tobacco leaf types and leaf grading.", "student-assessment"),
        ("You could not explain the processing of seismic refraction data.", "optometry"),
        ("You struggled to explain the take home pay on the example payslip.",
         "take-home-assignments"),
        ("You didn't seem aware of the after effects of a head injury on the patient.",
         "adobe-after-effects"),
    ],
)
def test_an_everyday_sense_names_no_skill(tx: Taxonomy, text: str, not_a_goal: str) -> None:
    assert not_a_goal not in ids(text, tx)


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        # the skill sense, with words around it that speak for it
        ("You struggled in the pairing exercise with another developer.", "pair-programming"),
        ("Your interpreting between English and Polish at the consultation was too slow.",
         "interpreting"),
        ("We needed more on grading: your marking of the pupils' essays was inconsistent.",
         "student-assessment"),
        ("You haven't used After Effects for motion work, which the role needs.",
         "adobe-after-effects"),
    ],
)
def test_the_skill_sense_still_counts(tx: Taxonomy, text: str, goal: str) -> None:
    assert goal in ids(text, tx)


@pytest.mark.parametrize(
    "text",
    [
        "We would also like the person in this role to hold WSET Level 3, and you have Level 2.",
        "We'd prefer the successful candidate to hold WSET Level 3.",
    ],
)
def test_the_post_holder_we_would_like_is_an_ask(tx: Taxonomy, text: str) -> None:
    res = extract(text, taxonomy=tx)
    assert "wset-certification" in {g.skill_id for g in res.goals}
    assert not res.templated


def test_we_would_like_you_to_is_no_ask(tx: Taxonomy) -> None:
    res = extract("We would like you to hold off on reapplying until the spring.", taxonomy=tx)
    assert not res.goals
