"""Gaps stated as a verdict on a named skill (twelfth session): "X was the weakest area", "X
came up as a worry", "your X was quite passive", "X fell behind", "below the pass mark"; and
what went wrong told without a gap word ("it would have been good to hear", "left out",
"nothing about", "interrupted"). The sentences come from, or are modelled on, the described-gap
sentences in ``bench/data/described/``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planner.skills import extract
from planner.skills.model import Framing
from planner.skills.taxonomy import Taxonomy

Ids = Callable[[str], set[str]]


@pytest.mark.parametrize(
    ("sentence", "skill"),
    [
        ("Client management was the weakest area of the interview.", "client-management"),
        ("Your safeguarding answer was the weakest part of the interview.", "safeguarding"),
        ("Strategic thinking came through as a gap in the final round.", "strategic-thinking"),
        ("Work ethic came up as a worry in both references.", "work-ethic"),
        ("Your meeting facilitation in the exercise was quite passive.", "facilitation-skills"),
        ("Your QC checks in the practical were rushed.", "quality-management"),
        ("Charting fell behind for most of the scenario.", "clinical-documentation"),
        ("Manual handling technique was unsafe in parts.", "moving-and-handling"),
        ("Your problem-solving in the case study felt unstructured.", "problem-solving"),
        ("Your numerical reasoning score was below the threshold for this scheme.",
         "assessment-centre-preparation"),
        ("Fault finding was the weakest part of your practical assessment.", "fault-finding"),
        ("Team management questions were answered vaguely and without examples.",
         "people-management"),
    ],
)  # fmt: skip
def test_a_verdict_on_a_named_skill_makes_it_a_gap(tx: Taxonomy, sentence: str,
                                                   skill: str) -> None:
    goals = {g.skill_id: g for g in extract(sentence, taxonomy=tx).goals}
    assert skill in goals
    assert goals[skill].framing is Framing.GAP


@pytest.mark.parametrize(
    "sentence",
    [
        "Stakeholder management came through as a strength in the final round.",
        "Your stakeholder management was the strongest part of the interview.",
        "We run a low-risk approach to budget management here.",
        "The pay was low for the area, which we know.",
    ],
)
def test_praise_and_look_alikes_give_no_goal(goal_ids: Ids, sentence: str) -> None:
    assert goal_ids(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("The whiteboard interview went poorly.", "technical-interviewing"),
        ("Your one-way video interview lacked energy and you kept looking away from the camera.",
         "video-interviewing"),
        ("The sales role-play was below standard.", "role-play-exercises"),
        # the stage set in an opening phrase, the verdict on its score
        ("In the NFS test the scores weren't quite where they needed to be.",
         "firefighter-selection-tests"),
        ("In the NFS tests, your scores came in below the pass mark.",
         "firefighter-selection-tests"),
    ],
)  # fmt: skip
def test_a_stage_judged_itself_is_the_goal(goal_ids: Ids, sentence: str, stage: str) -> None:
    assert stage in goal_ids(sentence)


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("In the technical interview you struggled with recursion.", "technical-interviewing"),
        ("In the technical interview, your answers on recursion were thin.",
         "technical-interviewing"),
        ("In the NFS test you were friendly but your scores were low.",
         "firefighter-selection-tests"),
        ("The role-play customer was upset because an engineer hadn't turned up twice.",
         "role-play-exercises"),
        ("The video interview was where you struggled to explain your last project.",
         "video-interviewing"),
    ],
)  # fmt: skip
def test_a_stage_that_only_sets_the_scene_is_no_goal(goal_ids: Ids, sentence: str,
                                                     stage: str) -> None:
    assert stage not in goal_ids(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It would have been good to hear how you would cut the amount of out-of-date food going in "
        "the bin.",
        "In the command exercise you lost control of the incident and gave conflicting "
        "instructions.",
        "Your plan for the first month was all about systems, with nothing about getting to know "
        "the team.",
        "He interrupted the angry tenant three times before she had finished explaining the "
        "problem.",
        "You should have asked for the customer's date of birth before handing over the "
        "prescription.",
    ],
)
def test_what_went_wrong_without_a_gap_word_is_listed_to_name(tx: Taxonomy,
                                                              sentence: str) -> None:
    res = extract(sentence, taxonomy=tx)
    assert [e.text for e in res.unnamed_reasons] == [sentence]
    assert not res.templated


def test_a_skill_named_in_what_was_left_out_is_a_gap(tx: Taxonomy) -> None:
    res = extract("You left out the fluid balance chart in your handover.", taxonomy=tx)
    goals = {g.skill_id: g for g in res.goals}
    assert goals["fluid-balance-monitoring"].framing is Framing.GAP


@pytest.mark.parametrize(
    "letter",
    [
        "Dear Sam, thank you for applying. It would have been great to offer you the role, but "
        "the field was very strong this time. We wish you every success.",
        "Thank you for your application. It would have been nice to meet you, but we have decided "
        "to progress other candidates.",
    ],
)
def test_a_form_letter_that_would_have_liked_to_meet_you_stays_a_form_letter(
    tx: Taxonomy, letter: str
) -> None:
    res = extract(letter, taxonomy=tx)
    assert res.templated
    assert not res.goals
    assert not res.unnamed_reasons
