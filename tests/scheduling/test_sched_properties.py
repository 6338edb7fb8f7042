"""Invariants of plan(): capacity, dates, prerequisites, budget, run windows, no duplicates."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings

from planner.providers.model import Resource
from planner.scheduling import Constraints, GoalSpec, ItemKind, Roadmap, plan
from planner.scheduling.calendar import Calendar
from planner.scheduling.options import ROLE_OF_KIND

from .strategies import problems

PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
Problem = tuple[list[GoalSpec], dict[str, list[Resource]], Constraints]


def _minutes_by_day(rm: Roadmap) -> dict[date, int]:
    used: dict[date, int] = defaultdict(int)
    for item in rm.items:
        for s in item.sessions:
            used[s.day] += round(s.hours * 60)
    return used


@PROPS
@given(problems())
def test_daily_and_weekly_capacity_never_exceeded(p: Problem) -> None:
    g, cands, c = p
    rm = plan(g, cands, c)
    cal = Calendar(c)
    weeks: dict[date, int] = defaultdict(int)
    for day, used in _minutes_by_day(rm).items():
        assert used <= cal.minutes(day), (day, used)
        weeks[day - timedelta(days=day.weekday())] += used
    for week_start, used in weeks.items():
        assert used <= cal.weekly_minutes, (week_start, used)
        assert used / 60 <= sum(c.weekday_hours) if c.weekday_hours else c.hours_per_week


@PROPS
@given(problems())
def test_dates_hours_and_sessions_agree(p: Problem) -> None:
    g, cands, c = p
    rm = plan(g, cands, c)
    for item in rm.items:
        assert c.start <= item.start <= item.end
        if item.sessions:
            assert item.start == item.sessions[0].day and item.end == item.sessions[-1].day
            assert abs(item.hours - sum(s.hours for s in item.sessions)) < 1e-6
            assert all(s.hours > 0 for s in item.sessions)
        session_max = max(c.max_session_hours, c.min_session_hours)
        if item.kind not in (ItemKind.ACTION, ItemKind.MILESTONE):
            assert all(s.hours <= session_max + 1e-9 for s in item.sessions)


@PROPS
@given(problems())
def test_budget_respected(p: Problem) -> None:
    g, cands, c = p
    rm = plan(g, cands, c)
    if c.budget is not None:
        assert rm.total_cost <= c.budget + 1e-9


@PROPS
@given(problems())
def test_no_duplicate_items_resources_or_slots(p: Problem) -> None:
    g, cands, c = p
    rm = plan(g, cands, c)
    keys = [i.key for i in rm.items]
    assert len(keys) == len(set(keys))
    used = [i.resource.key for i in rm.items if i.resource]
    assert len(used) == len(set(used))
    slots = [(i.goal_id, ROLE_OF_KIND[i.resource.kind]) for i in rm.items if i.resource]
    assert len(slots) == len(set(slots))


@PROPS
@given(problems())
def test_run_windows_and_enrolment_respected(p: Problem) -> None:
    g, cands, c = p
    rm = plan(g, cands, c)
    for item in rm.items:
        if item.resource is None:
            continue
        s = item.resource.schedule
        assert s.enrol_by is None or s.enrol_by >= c.start
        if s.start and not s.self_paced:
            assert item.start >= s.start
        if s.end:
            assert item.end <= s.end


@PROPS
@given(problems())
def test_prerequisites_and_exams_come_after_their_preparation(p: Problem) -> None:
    g, cands, c = p
    rm = plan(g, cands, c)
    by_goal: dict[str | None, dict[ItemKind, date]] = defaultdict(dict)
    for i in rm.items:
        by_goal[i.goal_id][i.kind] = i.end
    for i in rm.items:
        if i.resource is None:
            continue
        own = by_goal[i.goal_id]
        if i.kind is ItemKind.PRACTICE and ItemKind.LEARN in own:
            assert i.start > own[ItemKind.LEARN]
        if i.kind is ItemKind.CREDENTIAL:
            assert all(i.start > own[k] for k in (ItemKind.LEARN, ItemKind.PRACTICE) if k in own)
        goal = next(x for x in g if x.id == i.goal_id)
        for pre in goal.prerequisites:
            core = by_goal[pre].get(ItemKind.LEARN) or by_goal[pre].get(ItemKind.PRACTICE)
            if core is not None:
                assert i.start > core, (i.key, pre)


@PROPS
@given(problems())
def test_higher_priorities_start_no_later(p: Problem) -> None:
    """Among learning items of unlinked, self-paced goals, priority decides who starts first."""
    g, cands, c = p
    linked = {x.id for x in g if x.prerequisites} | {q for x in g for q in x.prerequisites}
    prio = {x.id: x.priority for x in g}
    rm = plan(g, cands, c)
    free = [i for i in rm.items if i.kind is ItemKind.LEARN and i.goal_id not in linked
            and i.resource and i.resource.schedule.self_paced and not i.resource.schedule.end]
    for a in free:
        for b in free:
            if prio[a.goal_id or ""] < prio[b.goal_id or ""]:
                assert a.start <= b.start, (a.key, b.key)


@PROPS
@given(problems())
def test_fits_means_nothing_after_the_target(p: Problem) -> None:
    g, cands, c = p
    rm = plan(g, cands, c)
    if rm.verdict.fits and c.target_date:
        assert all(s.day <= c.target_date for i in rm.items for s in i.sessions)
    if not rm.verdict.fits:
        assert rm.verdict.missing_hours > 0


@settings(max_examples=30, deadline=None)
@given(problems(acyclic=False))
def test_deterministic_and_round_trips(p: Problem) -> None:
    g, cands, c = p
    first = plan(g, cands, c, [("Ask for specific feedback", "draft")])
    assert plan(g, cands, c, [("Ask for specific feedback", "draft")]) == first
    data = first.to_dict()
    assert Roadmap.from_dict(data).to_dict() == data
