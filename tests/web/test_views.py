"""Pure page helpers: evidence highlighting, progress, this week, the timeline geometry."""

from __future__ import annotations

from datetime import date

from planner.web import timeline, views


def item(key: str, start: str, end: str, hours: float, status: str = "todo",
         kind: str = "learn", goal: str | None = "sql", sessions: list | None = None) -> dict:
    return {"id": hash(key) % 1000, "key": key, "title": key, "kind": kind, "start": start,
            "end": end, "hours": hours, "hours_per_week": 2.0, "status": status, "goal_id": goal,
            "sessions": sessions or []}


def test_highlight_splits_at_evidence_and_merges_overlaps() -> None:
    segs = views.highlight("abc def ghi", [(4, 7, "A"), (4, 11, "B")])
    assert [(s.text, s.labels) for s in segs] == [("abc ", ()), ("def", ("A", "B")),
                                                   (" ghi", ("B",))]
    assert "".join(s.text for s in views.highlight("xy", [(5, 9, "out of range")])) == "xy"


def test_progress_counts_hours_and_ignores_skipped_and_milestones() -> None:
    items = [item("a", "2027-01-04", "2027-01-10", 4, "done"), item("b", "2027-01-11",
             "2027-01-17", 4), item("c", "2027-01-11", "2027-01-17", 9, "skipped"),
             item("m", "2027-01-17", "2027-01-17", 0, kind="milestone")]
    p = views.progress(items)
    assert (p.done, p.total, p.percent) == (1, 2, 50)
    assert views.reached_milestones(items, [{"skill_id": "sql", "label": "SQL"}]) == [
        "Halfway there"]


def test_this_week_sums_sessions_in_the_week() -> None:
    s = [{"date": "2027-01-05", "hours": 1.5}, {"date": "2027-01-12", "hours": 2}]
    week = views.this_week([item("a", "2027-01-05", "2027-01-12", 3.5, sessions=s)], 5,
                           date(2027, 1, 6))
    assert week and week.start == date(2027, 1, 4) and week.hours == 1.5 and week.percent == 30
    later = views.this_week([item("a", "2027-01-05", "2027-01-12", 3.5, sessions=s)], 5,
                            date(2026, 12, 1))
    assert later and later.label == "Your first week"
    assert views.this_week([item("a", "2027-01-05", "2027-01-12", 3.5)], 5,
                           date(2027, 3, 1)) is None


def test_timeline_lays_out_weeks_bars_milestones_and_today() -> None:
    items = [item("a", "2027-01-06", "2027-01-12", 4), item("b", "2027-01-13", "2027-02-02", 8,
             goal=None), item("m", "2027-02-02", "2027-02-02", 0, kind="milestone")]
    colours = views.goal_colours([{"skill_id": "sql", "label": "SQL"}])
    tl = timeline.build(items, colours, date(2027, 1, 20), date(2027, 2, 10), ["m"])
    assert tl is not None and tl.weeks == 6  # Mon 4 Jan to the target on 10 Feb
    assert [b.colour for b in tl.bars] == [views.PALETTE[0], views.NEUTRAL]
    assert tl.bars[0].x < tl.bars[1].x and tl.bars[1].y > tl.bars[0].y
    assert tl.diamonds[0].reached and tl.today_x and tl.target_x and tl.target_x > tl.today_x
    assert timeline.build([], colours, date(2027, 1, 1)) is None


def test_only_http_links_become_hrefs() -> None:
    from planner.web.pages import http_url

    assert http_url("https://example.org/a") == "https://example.org/a"
    assert http_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", " javascript:x", "data:text/html,x", "", None, "//evil"):
        assert http_url(bad) == "#"
