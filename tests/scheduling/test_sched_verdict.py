"""Selection choices and the does-not-fit verdict, by example."""

from __future__ import annotations

from datetime import timedelta

from planner.providers.model import Level, ResourceKind
from planner.scheduling import Constraints, GoalSpec, ItemKind, plan
from planner.scheduling.calendar import Calendar
from planner.scheduling.options import build_options
from planner.scheduling.select import Limits, objective, select

from .strategies import START, res

K8S = GoalSpec("kubernetes", "Kubernetes", "tool", 1, True)
DOCKER = GoalSpec("docker", "Docker", "tool", 4, False)
SQL = GoalSpec("sql", "SQL", "technical", 5, False)


def test_free_preferred_at_equal_fit_and_one_resource_per_slot() -> None:
    cands = {"kubernetes": [res("paid", hours=10, cost=30), res("free", hours=10)]}
    rm = plan([K8S], cands, Constraints(START, 5))
    learn = [i for i in rm.items if i.kind is ItemKind.LEARN]
    assert [i.key for i in learn] == ["kubernetes:test:free"]


def test_level_matching_the_person_wins() -> None:
    cands = {"kubernetes": [res("intro", hours=10, level=Level.INTRODUCTORY),
                            res("adv", hours=10, level=Level.ADVANCED)]}
    rm = plan([K8S], cands, Constraints(START, 5, preferred_level="advanced"))
    assert any(i.key == "kubernetes:test:adv" for i in rm.items)


def test_certification_goal_gets_course_practice_and_exam_in_order() -> None:
    goal = GoalSpec("aws", "AWS", "certification", 1)
    cands = {"aws": [res("exam", ResourceKind.CERTIFICATION, 5, cost=100),
                     res("course", hours=10), res("lab", ResourceKind.PRACTICE, 8)]}
    rm = plan([goal], cands, Constraints(START, 8, budget=150))
    items = {i.kind: i for i in rm.items if i.goal_id == "aws" and i.resource}
    assert items[ItemKind.LEARN].end < items[ItemKind.PRACTICE].start
    assert items[ItemKind.PRACTICE].end < items[ItemKind.CREDENTIAL].start


def test_over_budget_resources_are_not_chosen() -> None:
    cands = {"kubernetes": [res("pricey", hours=5, cost=500), res("ok", hours=30, cost=20)]}
    rm = plan([K8S], cands, Constraints(START, 5, budget=100))
    assert [i.key for i in rm.items if i.resource] == ["kubernetes:test:ok"]


def test_local_search_escapes_the_greedy_trap() -> None:
    """Greedy takes the dense small item; the optimum is the two that fill the hours."""
    goals = [GoalSpec(f"g{n}", f"G{n}", priority=1 if n == 0 else 2) for n in range(3)]
    cands = {"g0": [res("a", hours=6)], "g1": [res("b", hours=5)], "g2": [res("c", hours=5)]}
    c = Constraints(START, 5)
    options = build_options(goals, cands, c, Calendar(c))
    a = next(o for o in options if o.key == "test:a")
    b = next(o for o in options if o.key == "test:b")
    assert a.value / a.minutes > b.value / b.minutes  # so a plain greedy would take a first
    chosen = select(options, Limits(None, 600))
    assert sorted(o.key for o in chosen) == ["test:b", "test:c"]
    assert objective(chosen) == sum(o.value for o in options if o.key != "test:a")


def test_does_not_fit_names_missing_hours_and_what_would_help() -> None:
    target = START + timedelta(days=27)  # four weeks of 5 h = 20 h
    cands = {"kubernetes": [res("k8s", hours=30)], "docker": [res("dock", hours=4)],
             "sql": [res("sql", hours=3)]}
    rm = plan([K8S, DOCKER, SQL], cands, Constraints(START, 5, target_date=target))
    v = rm.verdict
    assert not v.fits
    assert v.missing_hours == 30  # the must-have course is left out whole
    assert any("Kubernetes" in line and "must-have" in line for line in v.left_out)
    assert any(s.startswith("Study ") and "hours a week instead of 5" in s for s in v.suggestions)
    assert any(s.startswith("Move the target date to") for s in v.suggestions)
    assert any("Drop nice-to-haves" in s or "frees only" in s for s in v.suggestions)
    assert all(s.day <= target for i in rm.items for s in i.sessions)


def test_following_the_hours_suggestion_makes_it_fit() -> None:
    target = START + timedelta(days=27)
    cands = {"kubernetes": [res("k8s", hours=30)]}
    short = plan([K8S], cands, Constraints(START, 5, target_date=target))
    hint = next(s for s in short.verdict.suggestions if s.startswith("Study "))
    hours = float(hint.split()[1])
    assert plan([K8S], cands, Constraints(START, hours, target_date=target)).verdict.fits


def test_fits_when_everything_fits() -> None:
    rm = plan([K8S], {"kubernetes": [res("k8s", hours=10)]},
              Constraints(START, 5, target_date=START + timedelta(days=60)))
    assert rm.verdict.fits and rm.verdict.missing_hours == 0 and not rm.verdict.suggestions


def test_prerequisite_cycle_is_broken_not_fatal() -> None:
    a = GoalSpec("a", "A", prerequisites=("b",))
    b = GoalSpec("b", "B", prerequisites=("a",))
    rm = plan([a, b], {"a": [res("ra")], "b": [res("rb")]}, Constraints(START, 5))
    assert {i.key for i in rm.items if i.resource} == {"a:test:ra", "b:test:rb"}
