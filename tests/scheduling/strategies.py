"""Hypothesis strategies and small builders for planner tests."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from planner.providers.model import Cost, Effort, Level, Resource, ResourceKind, Schedule
from planner.scheduling import Constraints, GoalSpec

START = date(2025, 1, 6)  # a Monday
GOAL_IDS = ("python", "sql", "docker", "kubernetes", "aws", "interview-preparation",
            "networking", "resume-tailoring")
GOAL_KINDS = ("technical", "tool", "certification", "soft", "job_search")


def res(rid: str, kind: ResourceKind = ResourceKind.COURSE, hours: float | None = 10.0,
        cost: float = 0.0, **kw: object) -> Resource:
    """A resource with sensible defaults for examples."""
    return Resource("test", rid, kind, f"Resource {rid}", f"https://example.org/{rid}",
                    effort=Effort(total_hours=hours), cost=Cost(cost == 0, cost),
                    **kw)  # type: ignore[arg-type]


@st.composite
def goals(draw: st.DrawFn, acyclic: bool = True) -> list[GoalSpec]:
    ids = draw(st.lists(st.sampled_from(GOAL_IDS), min_size=1, max_size=5, unique=True))
    out = []
    for n, gid in enumerate(ids):
        pool = ids[:n] if acyclic else [i for i in ids if i != gid]
        prereqs = draw(st.lists(st.sampled_from(pool), max_size=2, unique=True)) if pool else []
        out.append(GoalSpec(gid, gid.title(), draw(st.sampled_from(GOAL_KINDS)),
                            draw(st.integers(1, 5)), draw(st.booleans()), tuple(prereqs)))
    return out


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    if draw(st.booleans()):
        return Schedule()
    first = START + timedelta(days=draw(st.integers(-20, 120)))
    end = first + timedelta(days=draw(st.integers(0, 90)))
    enrol = first - timedelta(days=draw(st.integers(0, 30)))
    return Schedule(False, first, end, draw(st.none() | st.just(enrol)))


@st.composite
def resources(draw: st.DrawFn, rid: str) -> Resource:
    cost = draw(st.sampled_from((0.0, 0.0, 15.0, 49.0, 120.0, 300.0)))
    return Resource(
        "test", rid, draw(st.sampled_from(list(ResourceKind))), f"Resource {rid}",
        f"https://example.org/{rid}", level=draw(st.none() | st.sampled_from(list(Level))),
        cost=Cost(cost == 0, cost),
        effort=Effort(total_hours=draw(st.none() | st.integers(1, 40).map(float)),
                      is_estimate=draw(st.booleans())),
        schedule=draw(schedules()),
    )


@st.composite
def candidates(draw: st.DrawFn, goal_list: list[GoalSpec]) -> dict[str, list[Resource]]:
    pool = [draw(resources(f"r{n}")) for n in range(draw(st.integers(0, 12)))]
    out: dict[str, list[Resource]] = {g.id: [] for g in goal_list}
    for r in pool:
        for gid in draw(st.lists(st.sampled_from([g.id for g in goal_list]), min_size=1,
                                 max_size=2, unique=True)):
            out[gid].append(r)
    return out


@st.composite
def constraints(draw: st.DrawFn) -> Constraints:
    weekday = draw(st.none() | st.lists(st.sampled_from((0.0, 0.5, 1.0, 2.0, 4.0)),
                                        min_size=7, max_size=7).map(tuple))
    target = draw(st.none() | st.integers(7, 240).map(lambda d: START + timedelta(days=d)))
    blackouts = draw(st.lists(st.tuples(st.integers(0, 150), st.integers(0, 20)), max_size=2))
    low = draw(st.sampled_from((0.25, 0.5, 1.0)))
    return Constraints(
        START, draw(st.sampled_from((1.0, 3.0, 5.0, 10.0, 20.0))), target,
        draw(st.none() | st.sampled_from((0.0, 50.0, 200.0))), weekday,
        tuple((START + timedelta(days=a), START + timedelta(days=a + n)) for a, n in blackouts),
        draw(st.integers(1, 3)), low, low + draw(st.sampled_from((0.0, 1.0, 2.5))),
        preferred_level=draw(st.none() | st.sampled_from([lv.value for lv in Level])),
    )


@st.composite
def problems(draw: st.DrawFn, acyclic: bool = True
             ) -> tuple[list[GoalSpec], dict[str, list[Resource]], Constraints]:
    g = draw(goals(acyclic))
    return g, draw(candidates(g)), draw(constraints())
