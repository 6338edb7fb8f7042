"""Re-planning keeps history and re-plans the rest from today."""

from __future__ import annotations

from datetime import timedelta

from planner.providers.model import ResourceKind
from planner.scheduling import Constraints, GoalSpec, Roadmap, Status, plan, replan

from .strategies import START, res

GOALS = [GoalSpec("python", "Python", priority=1), GoalSpec("sql", "SQL", priority=2)]
CANDS = {"python": [res("py", hours=10, cost=20), res("py2", hours=12),
                    res("proj", ResourceKind.PRACTICE, 8)],
         "sql": [res("sql", hours=6), res("sql2", hours=9)]}
C = Constraints(START, 6, budget=50)
TODAY = START + timedelta(days=21)


def _first() -> Roadmap:
    return plan(GOALS, CANDS, C, [("Ask for specific feedback", "draft")])


def test_done_items_stay_as_history_and_are_not_planned_again() -> None:
    first = _first()
    learn = next(i for i in first.items if i.key.startswith("python:") and "proj" not in i.key)
    again = replan(first, {learn.key: "done", "action:request-feedback": "done"}, GOALS, CANDS,
                   C, TODAY)
    kept = next(i for i in again.items if i.key == learn.key)
    assert kept.status is Status.DONE and kept.sessions == learn.sessions
    assert [i.key for i in again.items].count("action:request-feedback") == 1
    python_learn = [i for i in again.items if i.goal_id == "python" and i.kind == learn.kind]
    assert python_learn == [kept]  # the learning slot is filled: no second course


def test_everything_not_done_starts_today_or_later() -> None:
    first = _first()
    again = replan(first, {}, GOALS, CANDS, C, TODAY)
    assert all(i.start >= TODAY for i in again.items if i.status is Status.TODO)


def test_skipped_resource_is_replaced_and_kept_as_history() -> None:
    first = _first()
    sql = next(i for i in first.items if i.key.startswith("sql:"))
    again = replan(first, {sql.key: Status.SKIPPED}, GOALS, CANDS, C, TODAY)
    assert next(i for i in again.items if i.key == sql.key).status is Status.SKIPPED
    new_sql = [i for i in again.items if i.goal_id == "sql" and i.resource
               and i.status is Status.TODO]
    assert new_sql and all(i.key != sql.key for i in new_sql)


def test_behind_item_keeps_its_resource_and_moves_from_today() -> None:
    first = _first()
    item = next(i for i in first.items if i.key.startswith("python:") and "proj" not in i.key)
    again = replan(first, {item.key: "behind"}, GOALS, CANDS, C, TODAY)
    moved = next(i for i in again.items if i.key == item.key)
    assert moved.start >= TODAY and moved.hours == item.hours
    assert moved.status is Status.TODO


def test_money_spent_on_done_work_comes_off_the_budget() -> None:
    cands = {"python": [res("py", hours=10, cost=40)], "sql": [res("sqlp", hours=6, cost=30)]}
    c = Constraints(START, 6, budget=60)
    first = plan(GOALS, cands, c)
    assert [i.key for i in first.items if i.resource] == ["python:test:py"]
    again = replan(first, {"python:test:py": "done"}, GOALS, cands, c, TODAY)
    assert again.total_cost == 40  # 20 left is not enough for the 30 SQL course
    assert not any(i.goal_id == "sql" and i.resource for i in again.items)


def test_replan_from_stored_json_is_deterministic() -> None:
    stored = Roadmap.from_dict(_first().to_dict())
    a = replan(stored, {"action:request-feedback": "done"}, GOALS, CANDS, C, TODAY)
    b = replan(stored, {"action:request-feedback": "done"}, GOALS, CANDS, C, TODAY)
    assert a == b


def test_a_goal_whose_resources_are_all_done_gets_no_practice_stand_in() -> None:
    first = _first()
    sql_work = [i.key for i in first.items if i.goal_id == "sql" and i.resource is not None]
    assert sql_work
    again = replan(first, dict.fromkeys(sql_work, "done"), GOALS, CANDS, C, TODAY)
    assert not [i for i in again.items if i.key.startswith("action:practice-")]
    # a goal that never had a resource still gets its practice sessions on a re-plan
    soft = GoalSpec("articulating-ideas", "Articulating ideas", "soft", 1)
    again = replan(first, dict.fromkeys(sql_work, "done"), [*GOALS, soft], CANDS, C, TODAY)
    assert len([i for i in again.items if i.key.startswith("action:practice-articulating")]) == 2


def test_a_goal_whose_every_resource_was_skipped_gets_practice_in_their_place() -> None:
    only_one = {"sql": [res("sql", hours=6)], "python": CANDS["python"]}
    first = plan(GOALS, only_one, C)
    sql_work = [i.key for i in first.items if i.goal_id == "sql" and i.resource is not None]
    again = replan(first, dict.fromkeys(sql_work, "skipped"), GOALS, only_one, C, TODAY)
    assert len([i for i in again.items if i.key.startswith("action:practice-sql")]) == 2
