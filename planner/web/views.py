"""Pure view helpers for the pages: highlighted evidence, progress, this week, milestones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

# Colour-blind-friendly, each at least 4.5:1 against white (bars and legend swatches).
PALETTE = ("#1f5f8b", "#a8470b", "#2e6b30", "#84368a", "#a3203f", "#00676f", "#6b5a00",
           "#4b4ba0")
NEUTRAL = "#5b6472"  # job-search actions, not tied to a goal
WORK_KINDS = ("learn", "practice", "credential", "network", "action")
CLOSED = ("done", "skipped")


@dataclass(frozen=True)
class Segment:
    """A run of the original text; ``labels`` names the goals it is evidence for."""

    text: str
    labels: tuple[str, ...] = ()


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """Split ``text`` at evidence spans (start, end, goal label); overlaps carry every label."""
    spans = [(max(0, s), min(len(text), e), label) for s, e, label in spans if e > s]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        labels = tuple(dict.fromkeys(lbl for s, e, lbl in spans if s <= a and b <= e))
        if out and out[-1].labels == labels:
            out[-1] = Segment(out[-1].text + text[a:b], labels)
        else:
            out.append(Segment(text[a:b], labels))
    return out


def evidence_spans(goals: Iterable[Any], source: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of every goal's evidence taken from ``source``."""
    return [(int(e["start"]), int(e["end"]), g.label) for g in goals for e in g.evidence
            if e.get("source", "feedback") == source and "start" in e and "end" in e]


UNNAMED = ""  # the label of a reason that names no skill: marked, but evidence for no goal


def unnamed_spans(reasons: Iterable[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, UNNAMED) of each reason that names no skill (all from the feedback)."""
    return [(int(r["start"]), int(r["end"]), UNNAMED) for r in reasons]


def goal_colours(goals: Sequence[dict[str, Any]]) -> dict[str | None, str]:
    """A colour per goal id (skill id) in plan order; actions get the neutral grey."""
    colours: dict[str | None, str] = {None: NEUTRAL}
    for n, g in enumerate(goals):
        colours[g["skill_id"]] = PALETTE[n % len(PALETTE)]
    return colours


def is_work(item: dict[str, Any]) -> bool:
    return bool(item["kind"] != "milestone")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    done_hours: float
    total_hours: float

    @property
    def percent(self) -> int:
        if self.total_hours > 0:
            return round(100 * self.done_hours / self.total_hours)
        return round(100 * self.done / self.total) if self.total else 0


def progress(items: Iterable[dict[str, Any]]) -> Progress:
    """Done steps and hours; skipped work leaves the total instead of counting as done."""
    work = [i for i in items if is_work(i) and i["status"] != "skipped"]
    done = [i for i in work if i["status"] == "done"]
    return Progress(len(done), len(work), round(sum(i["hours"] for i in done), 1),
                    round(sum(i["hours"] for i in work), 1))


def goal_progress(items: Iterable[dict[str, Any]],
                  goals: Sequence[dict[str, Any]]) -> dict[str, Progress]:
    """Each goal's own progress: the steps tied to it (resources and practice sessions)."""
    mine: dict[str, list[dict[str, Any]]] = {g["skill_id"]: [] for g in goals}
    for i in items:
        if i["goal_id"] in mine:
            mine[i["goal_id"]].append(i)
    return {skill_id: progress(steps) for skill_id, steps in mine.items()}


def reached_milestones(items: Sequence[dict[str, Any]],
                       goals: Sequence[dict[str, Any]]) -> list[str]:
    """Milestone titles the person has earned: a goal with all its work closed, or halfway."""
    out = []
    for g in goals:
        mine = [i for i in items if i["goal_id"] == g["skill_id"] and is_work(i)]
        if mine and all(i["status"] in CLOSED for i in mine) and any(
                i["status"] == "done" for i in mine):
            out.append(f"Small victory: {g['label']} covered")
    p = progress(items)
    if p.total >= 2 and p.total_hours > 0 and p.done_hours >= p.total_hours / 2:
        out.append("Halfway there")
    return out


@dataclass(frozen=True)
class Week:
    """The hours planned in one week against the hours the person has."""

    start: date
    label: str
    rows: tuple[tuple[dict[str, Any], float], ...]  # (item, hours this week)
    hours: float
    available: float

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.hours / self.available)) if self.available else 0


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def this_week(items: Sequence[dict[str, Any]], available: float, today: date) -> Week | None:
    """This week's work (or the first week, when the plan starts later); None once it is over."""
    open_items = [i for i in items if is_work(i) and i["status"] not in CLOSED]
    if not open_items:
        return None
    first = min(date.fromisoformat(i["start"]) for i in open_items)
    last = max(date.fromisoformat(i["end"]) for i in open_items)
    if today > last:
        return None
    start = monday(max(today, first))
    label = "This week" if start == monday(today) else "Your first week"
    end = start + timedelta(days=6)
    rows = []
    for i in open_items:
        hours = sum(s["hours"] for s in i.get("sessions") or ()
                    if start <= date.fromisoformat(s["date"]) <= end)
        if hours > 0 or (not i.get("sessions") and _overlaps(i, start, end)):
            rows.append((i, round(hours or i["hours_per_week"], 2)))
    return Week(start, label, tuple(rows), round(sum(h for _, h in rows), 1), available)


def _overlaps(item: dict[str, Any], start: date, end: date) -> bool:
    return date.fromisoformat(item["start"]) <= end and date.fromisoformat(item["end"]) >= start


def cost_text(resource: dict[str, Any] | None) -> str:
    if not resource:
        return "free"
    cost = resource.get("cost") or {}
    if cost.get("free"):
        return "free"
    if cost.get("amount") is None:
        return "price not listed"
    return f"{cost.get('currency') or 'USD'} {float(cost['amount']):,.2f}"
