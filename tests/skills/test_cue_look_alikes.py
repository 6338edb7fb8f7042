"""Words that looked like gap cues and were not (twelfth session, from the written look-alikes in
``bench/data/described/``): "advisers" is not advice, "schemes of work on the drive" is not
"work on", "familiarisation days" is not "familiarise yourself", "your PPE practice ... was
excellent" is not "practise". Thirteenth session, from the named-skill sentences: "thin
clients", "more than fifty", a firm that "advises" its clients, "bell work on the board",
"process improvements", "more clearly than anyone else", "the proper sharpening", "a buried
tank"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Ids = Callable[[str], set[str]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our advisers spend most of their day listening to callers with debt problems.",
        "Our department shares all schemes of work on a central drive.",
        "Our careers office runs familiarisation days for anyone thinking about the Army Officer "
        "Selection Board.",
        "Your hand hygiene and PPE practice in the simulation were excellent.",
        # thirteenth session, from the named-skill sentences (groups 1-2)
        "All of our call centre staff log in to a Cloud PC from thin clients.",
        "Our sustainability practice has issued more than fifty carbon neutrality declarations "
        "since 2020.",
        "Hydrologic Partners advises the Environment Agency on river basin management plans "
        "across three regions.",
        "Every lesson at our academy opens with bell work on the board before students sit down.",
        "Your answer on leavers process improvements was one of the highlights of the day.",
        "You explained integrated business planning more clearly than anyone else we saw.",
        "Knife steeling happens at every block here between cuts, and an outside firm does the "
        "proper sharpening monthly.",
        "The technical exercise asked candidates to size sacrificial anodes for a small buried "
        "tank in 45 minutes.",
    ],
)
def test_a_look_alike_gives_no_goal(goal_ids: Ids, sentence: str) -> None:
    assert goal_ids(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "skill"),
    [
        ("I would advise practising your STAR answers before the next interview.",
         "behavioral-interviewing"),
        ("You should familiarise yourself with the Care Act.", "social-care-assessment"),
        ("You need to work on your Excel.", "microsoft-excel"),
        ("Practice with Excel pivot tables would help.", "microsoft-excel"),
        ("They want CeMAP holders only and you are still on module 2.", "cemap"),
        ("Your answer on SQL was thin.", "sql"),
        ("Your key point on SQL was buried at the end.", "sql"),
        ("We would advise getting PRINCE2.", "prince2"),
        ("You should improve your Excel.", "microsoft-excel"),
        ("Your SQL answers need sharpening.", "sql"),
        ("We'd like more SQL experience than you have.", "sql"),
        ("You need more than two years of SQL.", "sql"),
    ],
)  # fmt: skip
def test_the_cue_itself_still_frames_a_gap(goal_ids: Ids, sentence: str, skill: str) -> None:
    assert skill in goal_ids(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We asked why you wanted to join our organisation.", set()),
        ("He did not consider how the new service would affect the rest of the organisation.",
         set()),
        ("Organisation was an issue - you missed two deadlines.", {"organization-skills"}),
    ],
)  # fmt: skip
def test_the_employers_organisation_is_not_organisational_skills(
    goal_ids: Ids, sentence: str, expected: set[str]
) -> None:
    assert goal_ids(sentence) == expected
