"""Exports: iCalendar parsed back with the icalendar library, Markdown and CSV."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar

from planner.scheduling import Constraints, GoalSpec, Roadmap, plan
from planner.scheduling.export import to_csv, to_ics, to_markdown

from .strategies import START, res

NOW = datetime(2025, 1, 5, 12, 0, tzinfo=UTC)
TRICKY = "Kubernetes, pods; and \\ more | a very long title " + "é" * 40


def _roadmap() -> Roadmap:
    goals = [GoalSpec("kubernetes", "Kubernetes", priority=1)]
    cands = {"kubernetes": [res("k8s", hours=6).__class__(
        "test", "k8s", res("x").kind, TRICKY, "https://example.org/k8s")]}
    return plan(goals, cands, Constraints(START, 4, target_date=START + timedelta(days=60)),
                [("Ask for specific feedback", "Line one\nLine two, with comma")])


def _events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return list(cal.walk("VEVENT"))


def test_ics_parses_back_with_one_event_per_item_and_session() -> None:
    rm = _roadmap()
    data = to_ics(rm, name="My plan", uid_domain="planner.example", now=NOW)
    events = _events(data)
    n_sessions = sum(len(i.sessions) for i in rm.items)
    assert len(events) == len(rm.items) + n_sessions
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["X-WR-CALNAME"]) == "My plan" and str(cal["VERSION"]) == "2.0"
    first = next(e for e in events if str(e["SUMMARY"]).startswith("Job search: Ask"))
    assert first.decoded("DTSTART") == START
    assert first.decoded("DTEND") == START + timedelta(days=1)
    assert "Line one\nLine two, with comma" in str(first["DESCRIPTION"])
    assert any(TRICKY in str(e["SUMMARY"]) for e in events)


def test_ics_lines_are_folded_crlf_and_uids_stable_and_unique() -> None:
    rm = _roadmap()
    a = to_ics(rm, name="p", uid_domain="planner.example", now=NOW)
    b = to_ics(rm, name="p", uid_domain="planner.example", now=NOW + timedelta(days=3))
    uids = [str(e["UID"]) for e in _events(a)]
    assert len(uids) == len(set(uids)) and all(u.endswith("@planner.example") for u in uids)
    assert uids == [str(e["UID"]) for e in _events(b)]
    assert all(len(line) <= 75 for line in a.split(b"\r\n"))
    assert a.endswith(b"END:VCALENDAR\r\n") and b"\n" not in a.replace(b"\r\n", b"")


def test_ics_dtstamp_is_the_given_time_in_utc() -> None:
    data = to_ics(_roadmap(), name="p", uid_domain="d", now=NOW)
    assert all(e.decoded("DTSTAMP") == NOW for e in _events(data))


def test_markdown_has_verdict_and_an_escaped_row_per_item() -> None:
    rm = _roadmap()
    md = to_markdown(rm)
    rows = [line for line in md.splitlines() if line.startswith("| 20")]
    assert len(rows) == len(rm.items)
    assert "\\|" in md and "It fits" in md
    assert all(row.count(" | ") == 6 for row in rows)  # escaped pipes do not split cells


def test_csv_round_trips_and_guards_formulas() -> None:
    rm = plan([], {}, Constraints(START, 4), [("=HYPERLINK(\"x\")", "-1+1")])
    rows = list(csv.DictReader(io.StringIO(to_csv(rm))))
    assert len(rows) == len(rm.items)
    evil = next(r for r in rows if "HYPERLINK" in r["title"])
    assert evil["title"].startswith("'=") and evil["detail"].startswith("'-")
    assert all(date.fromisoformat(r["start"]) >= START for r in rows)


def test_plan_is_identical_across_hash_seeds() -> None:
    """Set iteration order changes with PYTHONHASHSEED; the plan must not."""
    script = (
        "import json, sys; sys.path.insert(0, 'tests');"
        "from scheduling.test_sched_export import _roadmap;"
        "print(json.dumps(_roadmap().to_dict(), sort_keys=True))"
    )
    root = Path(__file__).resolve().parents[2]
    outs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           check=True, cwd=root, env={"PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert len(outs) == 1
