"""The roadmap as a week-by-week SVG timeline: pure geometry, drawn by ``_timeline.html``.

One row per dated step (bars coloured by goal), a lane of milestone diamonds on top, week ticks,
a today line and a target line. Coordinates are SVG user units; the template sets the viewBox.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

LABEL_W = 230  # room for step titles on the left
CHART_W = 730
ROW_H = 26
BAR_H = 16
TOP = 44  # tick labels and the milestone lane
MAX_LABEL = 32


@dataclass(frozen=True)
class Bar:
    label: str
    title: str
    colour: str
    status: str
    x: float
    y: float
    w: float
    text_y: float


@dataclass(frozen=True)
class Diamond:
    title: str
    x: float
    y: float
    reached: bool

    @property
    def points(self) -> str:
        r = 7
        return f"{self.x:.1f},{self.y - r} {self.x + r},{self.y} {self.x:.1f},{self.y + r} " \
               f"{self.x - r},{self.y}"


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    bars: tuple[Bar, ...]
    diamonds: tuple[Diamond, ...]
    ticks: tuple[Tick, ...]
    weeks: int
    today_x: float | None
    target_x: float | None
    summary: str


def build(items: Sequence[Mapping[str, Any]], colours: Mapping[str | None, str], today: date,
          target: date | None = None, reached: Sequence[str] = ()) -> Timeline | None:
    """Lay out ``items`` (serialized roadmap items) by week; None when there is nothing dated."""
    if not items:
        return None
    starts = [date.fromisoformat(i["start"]) for i in items]
    ends = [date.fromisoformat(i["end"]) for i in items]
    origin = min(starts) - timedelta(days=min(starts).weekday())
    last = max([*ends, *([target] if target else [])])
    weeks = max(1, math.ceil(((last - origin).days + 1) / 7))
    day_w = CHART_W / (weeks * 7)

    def x(day: date) -> float:
        return round(LABEL_W + (day - origin).days * day_w, 1)

    work = [i for i in items if i["kind"] != "milestone"]
    bars = tuple(_bar(i, n, x, day_w, colours) for n, i in enumerate(work))
    diamonds = tuple(
        Diamond(i["title"], round(x(date.fromisoformat(i["start"])) + day_w / 2, 1), TOP - 10,
                i["title"] in reached or i["status"] == "done")
        for i in items if i["kind"] == "milestone")
    step = max(1, math.ceil(weeks / 10))
    ticks = tuple(Tick(x(origin + timedelta(weeks=w)), _tick_label(origin + timedelta(weeks=w)))
                  for w in range(0, weeks, step))
    end_day = origin + timedelta(weeks=weeks)
    today_x = x(today) if origin <= today < end_day else None
    target_x = x(target) if target and origin <= target < end_day else None
    summary = (f"{len(work)} steps and {len(diamonds)} milestones over {weeks} weeks, "
               f"from {min(starts):%d %b %Y} to {max(ends):%d %b %Y}.")
    return Timeline(LABEL_W + CHART_W + 10, TOP + ROW_H * len(work) + 8, bars, diamonds, ticks,
                    weeks, today_x, target_x, summary)


def _bar(item: Mapping[str, Any], row: int, x: Any, day_w: float,
         colours: Mapping[str | None, str]) -> Bar:
    start, end = date.fromisoformat(item["start"]), date.fromisoformat(item["end"])
    y = TOP + row * ROW_H
    title = str(item["title"])
    label = title if len(title) <= MAX_LABEL else title[: MAX_LABEL - 1].rstrip() + "…"
    return Bar(label, f"{title} ({start:%d %b} – {end:%d %b}, {item['hours']:g} h)",
               colours.get(item.get("goal_id"), colours[None]), item["status"], x(start),
               y + (ROW_H - BAR_H) / 2, max(round(day_w * ((end - start).days + 1), 1), 3.0),
               y + ROW_H / 2 + 4)


def _tick_label(day: date) -> str:
    return f"{day:%d %b}"
