"""The planner: select resources, date job-search steps, schedule, judge. Pure and deterministic.

The signature of :func:`plan` is stable; see docs/planner.md for the objective.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta

from planner.providers.model import Resource
from planner.scheduling.actions import ActionInput, all_steps, normalise, place_steps
from planner.scheduling.calendar import Calendar, to_minutes
from planner.scheduling.milestones import all_milestones
from planner.scheduling.model import (
    Constraints,
    GoalSpec,
    ItemKind,
    Roadmap,
    RoadmapItem,
    Session,
)
from planner.scheduling.options import ITEM_KIND, Option, build_options, to_cents
from planner.scheduling.schedule import Placement, Rules, schedule
from planner.scheduling.select import Limits, group_slots, restrict, select_grouped
from planner.scheduling.tasks import make_tasks
from planner.scheduling.verdict import Outcome, judge

_MIN_HORIZON = timedelta(days=28)


def plan(
    goals: Sequence[GoalSpec],
    candidates: Mapping[str, Sequence[Resource]],
    constraints: Constraints,
    actions: Sequence[ActionInput] = (),
    *,
    served_before: Collection[str] = (),
) -> Roadmap:
    """A dated roadmap for ``goals`` from ``candidates`` that fits ``constraints``.

    ``actions`` are the extractor's job-search steps: ``(title, detail)`` pairs, JobAction,
    or objects with ``kind``, ``title`` and ``detail``. ``served_before`` names goals an
    earlier revision already gave resources (a re-plan): no practice stands in for them.
    """
    c = constraints
    cal = Calendar(c)
    goals = unique_goals(goals)
    options = build_options(goals, candidates, c, cal)
    budget = to_cents(c.budget) if c.budget is not None else None
    slots = group_slots(options, Limits(budget, None))
    wanted = select_grouped(slots, Limits(budget, None))
    horizon = _horizon(c, cal, wanted)
    used: dict[date, int] = {}
    served = {o.goal.id for o in options} | set(served_before)
    unserved = [g for g in goals if g.id not in served]
    steps = all_steps(goals, normalise(actions), c.start, horizon, unserved)
    step_items = place_steps(steps, cal, used, (c.start, horizon))
    cap = None if c.target_date is None else _cap(c, cal, used)
    chosen = wanted if cap is None else select_grouped(restrict(slots, Limits(budget, cap)),
                                                        Limits(budget, cap))
    placement = schedule(make_tasks(chosen, goals), cal, used, _rules(c))
    work = resource_items(chosen, placement)
    dated = [*work, *step_items, *_enrol_reminders(chosen, work, c.start)]
    verdict = judge(Outcome(wanted, chosen, dated), c, cal)
    reapply_day = c.target_date or (verdict.finish or c.start) + timedelta(days=1)
    items = dated + all_milestones(work, goals, max(reapply_day, c.start))
    return Roadmap(tuple(sorted(items, key=_order)), verdict)


def unique_goals(goals: Sequence[GoalSpec]) -> list[GoalSpec]:
    """Goals with the first of any repeated id kept."""
    seen: dict[str, GoalSpec] = {}
    for g in goals:
        seen.setdefault(g.id, g)
    return list(seen.values())


def _horizon(c: Constraints, cal: Calendar, wanted: Sequence[Option]) -> date:
    """Target date, or an estimate of when the wanted work would be done."""
    if c.target_date is not None:
        return max(c.target_date, c.start)
    minutes = sum(o.minutes for o in wanted)
    est = cal.day_reaching(c.start, minutes + minutes // 6 + 180, limit_days=366 * 15)
    return max(est or c.start + timedelta(days=366 * 15), c.start + _MIN_HORIZON)


def _cap(c: Constraints, cal: Calendar, used: Mapping[date, int]) -> int:
    assert c.target_date is not None
    return max(0, cal.total(c.start, c.target_date) - sum(used.values()))


def _rules(c: Constraints) -> Rules:
    low = max(1, to_minutes(c.min_session_hours))
    return Rules(c.start, max(1, c.max_parallel), low, max(low, to_minutes(c.max_session_hours)))


def _order(i: RoadmapItem) -> tuple[date, date, str]:
    return (i.start, i.end, i.key)


def resource_items(chosen: Sequence[Option], placement: Placement) -> list[RoadmapItem]:
    """A dated item for every chosen option the schedule placed."""
    return [_item(o, placement.sessions[o.item_key]) for o in chosen
            if o.item_key in placement.sessions]


def _item(o: Option, sessions: list[tuple[date, int]]) -> RoadmapItem:
    start, end = sessions[0][0], sessions[-1][0]
    hours = sum(m for _, m in sessions) / 60
    weeks = max(1, -(-((end - start).days + 1) // 7))
    return RoadmapItem(o.item_key, ITEM_KIND[o.role], o.resource.title, start, end, hours,
                       hours / weeks, o.goal.id, o.resource, _reason(o), _detail(o),
                       tuple(Session(d, m / 60) for d, m in sessions))


def _reason(o: Option) -> str:
    need = "must-have" if o.goal.must_have else "nice-to-have"
    notes = [f"{o.role.value.capitalize()} for {o.goal.label} ({need}, priority "
             f"{o.goal.priority}): the best value found within time and budget"]
    if o.cents == 0:
        notes.append("free")
    if o.estimated:
        notes.append("hours are an estimate")
    return "; ".join(notes) + "."


def _detail(o: Option) -> str:
    s = o.resource.schedule
    parts = []
    if s.start or s.end:
        parts.append(f"Runs {s.start or '…'} to {s.end or '…'}.")
    if s.enrol_by:
        parts.append(f"Enrol by {s.enrol_by.isoformat()}.")
    return " ".join(parts)


def _enrol_reminders(chosen: Sequence[Option], work: Sequence[RoadmapItem],
                     start: date) -> list[RoadmapItem]:
    """A zero-hour reminder a week before each enrolment deadline of a planned run."""
    placed = {i.key for i in work}
    out = []
    for o in chosen:
        by = o.resource.schedule.enrol_by
        if by is not None and o.item_key in placed:
            day = max(start, by - timedelta(days=7))
            out.append(RoadmapItem(f"enrol:{o.item_key}", ItemKind.ACTION,
                                   f"Enrol: {o.resource.title}", day, day, 0.0, 0.0, o.goal.id,
                                   None, f"Enrolment closes {by.isoformat()}.", o.resource.url))
    return out
