"""Goal confidence: the features the model reads, and what it says about typical goals."""

from __future__ import annotations

import pytest

from planner.skills.confidence import (
    FEATURES,
    SURE,
    WEIGHTS,
    mention_features,
    requirement_features,
    score,
)
from planner.skills.cues import Cue
from planner.skills.extract import extract_with_features
from planner.skills.model import GoalKind
from planner.skills.taxonomy import Taxonomy


def test_every_weight_names_a_feature_the_model_reads() -> None:
    assert set(WEIGHTS) == {"bias", *FEATURES}


def test_a_single_everyday_word_is_less_sure_than_a_named_tool(tx: Taxonomy) -> None:
    res, feats = extract_with_features(
        "You lacked Kubernetes skills and your answer on procurement thresholds was vague.",
        taxonomy=tx,
    )
    conf = {g.skill_id: g.confidence for g in res.goals}
    assert set(feats) == set(conf)  # features for every goal, keyed by its skill
    assert feats["procurement"]["one_lower"] == 1.0 and feats["kubernetes"]["one_lower"] == 0.0
    assert conf["procurement"] < SURE <= conf["kubernetes"]


def test_a_multi_word_gap_named_twice_is_surer_than_named_once(tx: Taxonomy) -> None:
    once = extract_with_features("You had no experience of stakeholder management.", taxonomy=tx)
    twice = extract_with_features(
        "You had no experience of stakeholder management. Stakeholder management is key here, "
        "and we lacked evidence of it.",
        taxonomy=tx,
    )
    [a] = [g for g in once[0].goals if g.skill_id == "stakeholder-management"]
    [b] = [g for g in twice[0].goals if g.skill_id == "stakeholder-management"]
    assert twice[1]["stakeholder-management"]["repeated"] == 1.0
    assert SURE <= a.confidence < b.confidence


def test_job_description_goals_carry_their_own_features(tx: Taxonomy) -> None:
    res, feats = extract_with_features(
        "We went with someone else.",
        job_description="Essential:\n- Experience with Terraform\nDesirable:\n- Ansible",
        resume="Five years of Python and AWS.",
        taxonomy=tx,
    )
    goals = {g.skill_id: g for g in res.goals}
    assert feats["terraform"] == requirement_features(True, GoalKind.TOOL)
    assert feats["ansible"]["job_nice"] == 1.0
    assert goals["terraform"].confidence == score(feats["terraform"])


@pytest.mark.parametrize(
    ("surfaces", "cue", "on"),
    [
        ([("cleaning", 1, False)], Cue.GAP, {"one_lower", "one_word", "gap"}),
        ([("SQL", 1, False), ("SQL", 1, False)], Cue.STRONG_GAP,
         {"one_word", "acronym", "repeated", "strong_gap"}),
        ([("stakeholder management", 2, False)], None, {"no_cue", "soft"}),
        ([("GCP", 1, True)], Cue.REQUIREMENT, {"one_word", "acronym", "requirement", "ambiguous"}),
    ],
)
def test_mention_features(surfaces: list[tuple[str, int, bool]], cue: Cue | None,
                          on: set[str]) -> None:
    kind = GoalKind.SOFT if "soft" in on else GoalKind.TECHNICAL
    feats = mention_features(surfaces, cue, kind, imported=False)
    assert {k for k, v in feats.items() if v} == on


def test_score_is_a_probability_kept_off_the_ends() -> None:
    assert score({}, {"bias": 50.0}) == 0.99
    assert score({}, {"bias": -50.0}) == 0.05
    assert score({"gap": 1.0}, {"bias": 0.0, "gap": 0.0}) == 0.5
    assert score({"gap": 1.0}, {"bias": 0.0, "gap": 1.0}) > score({"gap": 0.0}, {"bias": 0.0,
                                                                                   "gap": 1.0})
