"""Whether the plan fits by the target date, how many hours are missing, what would help."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planner.scheduling.calendar import Calendar
from planner.scheduling.model import Constraints, RoadmapItem, Verdict
from planner.scheduling.options import Option


@dataclass(frozen=True)
class Outcome:
    """What the planner wanted, what it chose, and what ended up dated."""

    wanted: Sequence[Option]
    chosen: Sequence[Option]
    items: Sequence[RoadmapItem]  # dated items, resource and action alike


def describe(o: Option) -> str:
    need = "must-have" if o.goal.must_have else "nice-to-have"
    return f"{o.goal.label}: {o.role.value}, {o.resource.title} ({o.minutes / 60:.0f} h, {need})"


def left_out(out: Outcome) -> list[Option]:
    """Wanted or chosen options that did not make it into the dated plan."""
    placed = {i.key for i in out.items}
    missing: dict[str, Option] = {}
    for o in [*out.wanted, *out.chosen]:
        if o.item_key not in placed:
            missing.setdefault(o.item_key, o)
    return [missing[k] for k in sorted(missing)]


def overflow_minutes(items: Sequence[RoadmapItem], target: date | None) -> int:
    if target is None:
        return 0
    return sum(round(s.hours * 60) for i in items for s in i.sessions if s.day > target)


def judge(out: Outcome, c: Constraints, cal: Calendar) -> Verdict:
    """The verdict on a dated plan (see docs/planner.md for the definitions)."""
    dropped = left_out(out)
    must = [o for o in dropped if o.goal.must_have]
    missing = sum(o.minutes for o in must) + overflow_minutes(out.items, c.target_date)
    finish = max((i.end for i in out.items), default=None)
    notes = tuple(describe(o) for o in dropped)
    if missing == 0:
        return Verdict(True, 0.0, (), notes, finish)
    return Verdict(False, missing / 60, tuple(suggest(out, c, cal, missing)), notes, finish)


def suggest(out: Outcome, c: Constraints, cal: Calendar, missing: int) -> list[str]:
    """More hours a week, a later date, or named nice-to-haves to drop."""
    need = sum(round(i.hours * 60) for i in out.items) + missing
    tips: list[str] = []
    if c.target_date is not None:
        tips.extend(_more_time(c, cal, need))
    tips.extend(_drop_nice(out, out.items, missing))
    return tips


def _more_time(c: Constraints, cal: Calendar, need: int) -> list[str]:
    assert c.target_date is not None
    tips = []
    avail = cal.total(c.start, c.target_date)
    weekly = cal.weekly_minutes / 60
    if avail > 0:
        hours = math.ceil(2 * weekly * need / avail) / 2
        tips.append(f"Study {hours:g} hours a week instead of {weekly:g}.")
    later = cal.day_reaching(c.start, need)
    if later is not None and later > c.target_date:
        tips.append(f"Move the target date to {later.isoformat()} or later.")
    return tips


def _drop_nice(out: Outcome, items: Sequence[RoadmapItem], missing: int) -> list[str]:
    placed = {i.key for i in items}
    nice = [o for o in out.chosen if not o.goal.must_have and o.item_key in placed]
    nice.sort(key=lambda o: (o.value / o.minutes, o.item_key))
    names, freed = [], 0
    for o in nice:
        if freed >= missing:
            break
        names.append(f"{o.goal.label}: {o.resource.title} ({o.minutes / 60:.0f} h)")
        freed += o.minutes
    if not names:
        return []
    if freed >= missing:
        return [f"Drop nice-to-haves: {'; '.join(names)}."]
    return [f"Dropping every nice-to-have ({'; '.join(names)}) frees only {freed / 60:.0f} h."]
