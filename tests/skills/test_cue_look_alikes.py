"""Words that looked like gap cues and were not (twelfth session, from the written look-alikes in
``bench/data/described/``): "advisers" is not advice, "schemes of work on the drive" is not
"work on", "familiarisation days" is not "familiarise yourself", "your PPE practice ... was
excellent" is not "practise"."""

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
