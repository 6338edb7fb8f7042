from __future__ import annotations

from planner.skills import extract, merge_goals
from planner.skills.model import Framing
from planner.skills.taxonomy import Taxonomy


def test_recurring_skill_rises_with_count_and_all_evidence(tx: Taxonomy) -> None:
    first = extract("We would have liked more SQL experience.", taxonomy=tx)
    second = extract("Your SQL and Tableau were below the bar.", taxonomy=tx)
    third = extract("We needed stronger SQL, and more experience with Excel.", taxonomy=tx)
    merged = {g.skill_id: g for g in merge_goals([first, second, third])}
    sql = merged["sql"]
    assert sql.recurrence == 3
    assert sql.priority == 1 and sql.framing is Framing.GAP
    assert len(sql.evidence) == 3
    assert merged["tableau"].recurrence == 1
    assert next(iter(merge_goals([first, second, third]))).skill_id == "sql"


def test_priority_is_raised_one_step_per_repeat() -> None:
    from planner.skills.model import Evidence, GoalKind, SkillGoal

    ev = Evidence("x", 0, 1)
    g = SkillGoal("docker", "Docker", GoalKind.TOOL, 0.6, (ev,), Framing.MENTION, priority=4)
    (merged,) = merge_goals([[g], [g]])
    assert merged.priority == 3 and merged.recurrence == 2
    assert merged.confidence == 0.65


def test_a_skill_counts_once_per_rejection_and_merging_nothing_is_empty(tx: Taxonomy) -> None:
    ex = extract("You lacked SQL. Your SQL answers were weak.", taxonomy=tx)
    (merged,) = merge_goals([ex])
    assert merged.recurrence == 1
    assert merge_goals([]) == ()
