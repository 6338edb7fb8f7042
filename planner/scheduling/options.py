"""Candidate resources as priced options: role, minutes, cents and integer value points.

The value of an option is the planner's objective coefficient (see docs/planner.md):
``goal weight x role weight x fit percent``, all integers so an exact solver sees the same numbers.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date
from typing import NamedTuple

from planner.providers.model import Level, Resource, ResourceKind
from planner.scheduling.calendar import Calendar, to_minutes
from planner.scheduling.model import Constraints, GoalSpec, ItemKind


class Role(enum.StrEnum):
    """The slot a resource fills for a goal; one resource per (goal, role)."""

    LEARN = "learn"
    PRACTICE = "practice"
    CREDENTIAL = "credential"
    NETWORK = "network"


ROLE_OF_KIND = {
    ResourceKind.COURSE: Role.LEARN,
    ResourceKind.READING: Role.LEARN,
    ResourceKind.CERTIFICATION: Role.CREDENTIAL,
    ResourceKind.PRACTICE: Role.PRACTICE,
    ResourceKind.VOLUNTEER: Role.PRACTICE,
    ResourceKind.EVENT: Role.NETWORK,
    ResourceKind.COMMUNITY: Role.NETWORK,
}
ITEM_KIND = {
    Role.LEARN: ItemKind.LEARN,
    Role.PRACTICE: ItemKind.PRACTICE,
    Role.CREDENTIAL: ItemKind.CREDENTIAL,
    Role.NETWORK: ItemKind.NETWORK,
}
# Experience is what rejections cite most, so practice weighs close to learning.
ROLE_WEIGHT = {Role.LEARN: 10, Role.PRACTICE: 8, Role.CREDENTIAL: 6, Role.NETWORK: 3}
DEFAULT_HOURS = {
    ResourceKind.COURSE: 20.0,
    ResourceKind.READING: 5.0,
    ResourceKind.CERTIFICATION: 30.0,
    ResourceKind.PRACTICE: 15.0,
    ResourceKind.VOLUNTEER: 20.0,
    ResourceKind.EVENT: 2.0,
    ResourceKind.COMMUNITY: 2.0,
}
_RANK: dict[str, int] = {Level.INTRODUCTORY: 0, Level.INTERMEDIATE: 1, Level.ADVANCED: 2}


class Option(NamedTuple):
    """One resource offered for one goal slot, with everything the optimiser needs.

    A named tuple rather than a dataclass: plans build tens of thousands, and this is the
    cheapest immutable record to construct.
    """

    goal: GoalSpec
    role: Role
    resource: Resource
    minutes: int
    cents: int
    value: int
    window: tuple[date, date | None] | None  # (earliest start, latest end) for dated runs
    estimated: bool
    key: str  # the resource's key: used at most once per plan
    slot: tuple[str, str]  # (goal id, role): at most one option each
    item_key: str  # the roadmap item's key


def goal_weight(goal: GoalSpec) -> int:
    """Priority 1 weighs 5, priority 5 weighs 1; must-haves count three times."""
    return (6 - min(5, max(1, goal.priority))) * (3 if goal.must_have else 1)


def role_weight(goal: GoalSpec, role: Role) -> int:
    """A credential matters only for certification goals; networking for networking goals."""
    if role is Role.CREDENTIAL and goal.kind != "certification":
        return 2
    if role is Role.NETWORK and goal.kind == "job_search":
        return 8
    return ROLE_WEIGHT[role]


def fit_percent(r: Resource, c: Constraints) -> int:
    """How well a resource suits the person: level, format, certainty of effort, price."""
    fit = 100 - _level_penalty(r.level, c.preferred_level)
    if c.preferred_kinds and r.kind.value in c.preferred_kinds:
        fit += 10
    if r.effort.hours is None or r.effort.is_estimate:
        fit -= 5
    if r.cost.value == 0:
        fit += 3  # free preferred at equal fit
    return max(1, fit)


def _level_penalty(level: Level | None, preferred: str | None) -> int:
    if not preferred or preferred not in _RANK:
        return 0
    if level is None:
        return 5
    return 20 * abs(_RANK[level] - _RANK[preferred])


def resource_hours(r: Resource) -> tuple[float, bool]:
    """Total hours and whether they are a guess."""
    hours = r.effort.hours
    if hours is None or hours <= 0:
        return DEFAULT_HOURS[r.kind], True
    return hours, r.effort.is_estimate


def run_window(r: Resource, c: Constraints) -> tuple[date, date | None] | None:
    """The dates a run must be studied in, or None for self-paced work."""
    s = r.schedule
    if s.self_paced and s.end is None:
        return None
    earliest = max(c.start, s.start) if s.start else c.start
    return (earliest, s.end)


def to_cents(amount: float) -> int:
    return max(0, round(amount * 100))


class Facts(NamedTuple):
    """What an option needs from a resource, whatever the goal."""

    minutes: int
    estimated: bool
    cents: int
    fit: int
    window: tuple[date, date | None] | None


def facts(r: Resource, c: Constraints) -> Facts:
    hours, estimated = resource_hours(r)
    return Facts(max(1, to_minutes(hours)), estimated, to_cents(r.cost.value),
                 fit_percent(r, c), run_window(r, c))


def feasible(r: Resource, f: Facts, c: Constraints, cal: Calendar) -> bool:
    """False for resources no plan could use: over budget, enrolment closed, window too small."""
    if c.budget is not None and f.cents > to_cents(c.budget):
        return False
    enrol_by = r.schedule.enrol_by
    if enrol_by is not None and enrol_by < c.start:
        return False
    if f.window is None:
        return True
    first, last = f.window
    return last is None or (last >= first and cal.total(first, last) >= f.minutes)


def make_option(goal: GoalSpec, r: Resource, c: Constraints, f: Facts | None = None,
                weight: int | None = None) -> Option:
    """The option of using ``r`` for ``goal`` (``weight``: goal x role weight, if known)."""
    f = f or facts(r, c)
    role = ROLE_OF_KIND[r.kind]
    w = weight if weight is not None else goal_weight(goal) * role_weight(goal, role)
    key = r.key
    return Option(goal, role, r, f.minutes, f.cents, w * f.fit, f.window, f.estimated, key,
                  (goal.id, role.value), f"{goal.id}:{key}")


def build_options(goals: Sequence[GoalSpec], candidates: Mapping[str, Sequence[Resource]],
                  c: Constraints, cal: Calendar) -> list[Option]:
    """Every feasible (goal, resource) option, once each, in a stable order."""
    assessed: dict[str, Facts | None] = {}  # a resource listed for several goals: once
    out: list[Option] = []
    for goal in goals:
        weights = {role: goal_weight(goal) * role_weight(goal, role) for role in Role}
        seen: set[str] = set()
        for r in candidates.get(goal.id, ()):
            key = r.key
            if key in seen:
                continue
            seen.add(key)
            if key not in assessed:
                new = facts(r, c)
                assessed[key] = new if feasible(r, new, c, cal) else None
            known = assessed[key]
            if known is not None:
                out.append(make_option(goal, r, c, known, weights[ROLE_OF_KIND[r.kind]]))
    return out
