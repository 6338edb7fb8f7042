"""Planner benchmarks: scale (time, memory) and selection quality against CP-SAT.

    .venv/bin/python bench/planner.py            # full run
    .venv/bin/python bench/planner.py --quick    # fewer repeats and instances

Quality needs OR-Tools (bench-only: pip install 'ortools>=9.10,<10'); without it that table
is skipped with a note. Instances are seeded, so every run measures the same problems.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# Run as a script, this file's folder comes first on sys.path and its name would shadow the
# planner package; drop that folder before importing.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

from planner.providers.model import Cost, Effort, Level, Resource, ResourceKind, Schedule  # noqa: E402
from planner.scheduling import Constraints, GoalSpec, Roadmap, exact, plan  # noqa: E402
from planner.scheduling.calendar import Calendar  # noqa: E402
from planner.scheduling.options import Option, build_options  # noqa: E402
from planner.scheduling.select import Limits, group_slots, objective, select  # noqa: E402

START = date(2025, 1, 6)
KINDS = list(ResourceKind)
LEVELS = [*Level, None]


def make_goals(rng: random.Random, n: int) -> list[GoalSpec]:
    goals = []
    for i in range(n):
        prereqs = tuple(f"g{j}" for j in rng.sample(range(i), min(i, rng.choice((0, 0, 1, 2)))))
        kind = rng.choice(("technical", "tool", "certification", "soft", "language"))
        goals.append(GoalSpec(f"g{i}", f"Goal {i}", kind, rng.randint(1, 5),
                              rng.random() < 0.6, prereqs))
    return goals


def make_resource(rng: random.Random, i: int, runs: bool) -> Resource:
    kind = rng.choice(KINDS)
    free = rng.random() < 0.4
    sched = Schedule()
    if runs and rng.random() < 0.1:
        first = START + timedelta(days=rng.randint(0, 120))
        sched = Schedule(False, first, first + timedelta(days=rng.randint(30, 120)),
                         first - timedelta(days=3))
    return Resource("bench", f"r{i}", kind, f"Resource {i}", f"https://example.org/r{i}",
                    level=rng.choice(LEVELS), cost=Cost(free, 0.0 if free else rng.randint(5, 400)),
                    effort=Effort(total_hours=rng.choice((None, *range(1, 60)))), schedule=sched)


def make_candidates(rng: random.Random, goals: Sequence[GoalSpec], total: int,
                    runs: bool = True) -> dict[str, list[Resource]]:
    """``total`` resources spread over goals; about one in ten also listed for a second goal."""
    pool = [make_resource(rng, i, runs) for i in range(total)]
    cands: dict[str, list[Resource]] = {g.id: [] for g in goals}
    for r in pool:
        cands[rng.choice(goals).id].append(r)
        if rng.random() < 0.1:
            cands[rng.choice(goals).id].append(r)
    return cands


# --- scale -----------------------------------------------------------------------------------

def scale_case(n_goals: int, n_cands: int, target: bool) -> tuple[Callable[[], Roadmap], int]:
    rng = random.Random(n_goals * 7 + n_cands)
    goals = make_goals(rng, n_goals)
    cands = make_candidates(rng, goals, n_cands)
    c = Constraints(START, 10, target_date=START + timedelta(days=182) if target else None,
                    budget=2000, blackouts=((date(2025, 3, 1), date(2025, 3, 9)),),
                    preferred_level="intermediate")
    return (lambda: plan(goals, cands, c, [("Ask for specific feedback", "draft")])), n_cands


def measure(run: Callable[[], Roadmap], repeats: int) -> tuple[float, float, Roadmap]:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        roadmap = run()
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20, roadmap


def bench_scale(quick: bool) -> None:
    print("\nScale: plan() end to end (median wall time; peak traced memory)")
    print(f"{'goals':>6} {'candidates':>10} {'target':>7} {'time s':>8} {'peak MiB':>9} "
          f"{'items':>6} {'hours':>7} {'fits':>5}")
    for n_goals, n_cands in ((50, 2_000), (500, 20_000)):
        for target in (True, False):
            run, _ = scale_case(n_goals, n_cands, target)
            secs, mib, rm = measure(run, 1 if quick else 5)
            print(f"{n_goals:>6} {n_cands:>10} {'6 mo' if target else 'none':>7} {secs:>8.3f} "
                  f"{mib:>9.1f} {len(rm.items):>6} {rm.total_hours:>7.0f} "
                  f"{str(rm.verdict.fits):>5}")


# --- quality ---------------------------------------------------------------------------------

def small_instance(seed: int) -> tuple[list[Option], Limits]:
    rng = random.Random(seed)
    goals = make_goals(rng, rng.randint(3, 8))
    cands = make_candidates(rng, goals, rng.randint(8, 30), runs=False)
    c = Constraints(START, 10, preferred_level=rng.choice(("introductory", "advanced", None)))
    options = build_options(goals, cands, c, Calendar(c))
    minutes = sum(o.minutes for o in options)
    cents = sum(o.cents for o in options)
    return options, Limits(int(cents * rng.uniform(0.1, 0.5)), int(minutes * rng.uniform(0.1, 0.5)))


def cp_sat_optimum(options: Sequence[Option], limits: Limits, cp_model: Any) -> int:
    """The exact optimum of the selection model, solved by CP-SAT."""
    m = cp_model.CpModel()
    x = [m.NewBoolVar(f"x{i}") for i in range(len(options))]
    groups: dict[tuple[str, object], list[Any]] = {}
    for o, v in zip(options, x, strict=True):
        groups.setdefault(("slot", o.slot), []).append(v)
        groups.setdefault(("key", o.key), []).append(v)
    for vs in groups.values():
        m.Add(sum(vs) <= 1)
    m.Add(sum(o.minutes * v for o, v in zip(options, x, strict=True)) <= limits.minutes)
    m.Add(sum(o.cents * v for o, v in zip(options, x, strict=True)) <= limits.cents)
    m.Maximize(sum(o.value * v for o, v in zip(options, x, strict=True)))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 30
    status = solver.Solve(m)
    assert status == cp_model.OPTIMAL, solver.StatusName(status)
    return round(solver.ObjectiveValue())


def bench_quality(quick: bool) -> None:
    try:
        from ortools.sat.python import cp_model
    except ImportError:
        print("\nQuality: skipped, OR-Tools is not installed (pip install 'ortools>=9.10,<10').")
        return
    n = 40 if quick else 200
    gaps, secs, nodes, proven = [], [], [], 0
    for seed in range(n):
        options, limits = small_instance(seed)
        t0 = time.perf_counter()
        got = objective(select(options, limits))
        secs.append(time.perf_counter() - t0)
        # the exact search alone, from an empty incumbent: does it finish within its budget?
        search = exact.solve(group_slots(options, limits), limits.minutes, limits.cents)
        nodes.append(search.nodes)
        proven += search.complete
        best = cp_sat_optimum(options, limits, cp_model)
        gaps.append(0.0 if best == 0 else 100 * (best - got) / best)
    print(f"\nQuality: select() against CP-SAT on {n} random small instances "
          "(gap = (optimum - found) / optimum)")
    print(f"{'instances':>9} {'optimal':>8} {'median %':>9} {'p90 %':>7} {'worst %':>8} "
          f"{'select ms (median)':>19} {'proven':>7} {'nodes (max)':>12}")
    p90 = sorted(gaps)[int(0.9 * (n - 1))]
    print(f"{n:>9} {sum(g == 0 for g in gaps):>8} {statistics.median(gaps):>9.2f} {p90:>7.2f} "
          f"{max(gaps):>8.2f} {1000 * statistics.median(secs):>19.2f} {proven:>7} "
          f"{max(nodes):>12}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and instances")
    parser.add_argument("--only", choices=("scale", "quality"), help="run one table")
    args = parser.parse_args()
    if args.only != "quality":
        bench_scale(args.quick)
    if args.only != "scale":
        bench_quality(args.quick)


if __name__ == "__main__":
    main()
