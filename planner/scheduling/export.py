"""Roadmap exports: iCalendar (RFC 5545), Markdown and CSV. Pure: the clock is an input."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from planner.scheduling.model import ItemKind, Roadmap, RoadmapItem, Session, Status

_PRODID = "-//Skill Planner//Roadmap//EN"
_LABEL = {
    ItemKind.LEARN: "Learn",
    ItemKind.PRACTICE: "Practice",
    ItemKind.CREDENTIAL: "Credential",
    ItemKind.NETWORK: "Network",
    ItemKind.ACTION: "Job search",
    ItemKind.MILESTONE: "Milestone",
}
CSV_COLUMNS = ("key", "kind", "title", "start", "end", "hours", "hours_per_week", "goal_id",
               "status", "cost", "currency", "url", "reason", "detail")


# --- iCalendar -------------------------------------------------------------------------------

def to_ics(roadmap: Roadmap, *, name: str, uid_domain: str, now: datetime,
           sessions: bool = True) -> bytes:
    """The roadmap as an RFC 5545 calendar: one all-day event per item, and per session.

    UIDs derive from item keys (and session dates), so a re-planned roadmap updates the
    same events in a subscribed calendar instead of duplicating them.
    """
    stamp = _utc(now)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"NAME:{escape(name)}", f"X-WR-CALNAME:{escape(name)}"]
    for item in roadmap.items:
        lines.extend(_item_event(item, uid_domain, stamp))
        if sessions:
            for s in item.sessions:
                lines.extend(_session_event(item, s, uid_domain, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def _utc(now: datetime) -> str:
    aware = now if now.tzinfo else now.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def uid(key: str, domain: str) -> str:
    """Stable, opaque event UID for an item key."""
    return f"{hashlib.sha256(key.encode()).hexdigest()[:24]}@{domain}"


def _event(uid_: str, stamp: str, first: date, last: date, summary: str,
           description: str, extra: tuple[str, ...] = ()) -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{uid_}", f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
            f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(summary)}", f"DESCRIPTION:{escape(description)}",
            "TRANSP:TRANSPARENT", *extra, "END:VEVENT"]


def _item_event(item: RoadmapItem, domain: str, stamp: str) -> list[str]:
    extra = [f"CATEGORIES:{escape(item.kind.value)}"]
    if item.resource and item.resource.url:
        extra.append(f"URL:{_uri(item.resource.url)}")
    if item.status is Status.SKIPPED:
        extra.append("STATUS:CANCELLED")
    return _event(uid(item.key, domain), stamp, item.start, item.end, _summary(item),
                  _description(item), tuple(extra))


def _session_event(item: RoadmapItem, s: Session, domain: str, stamp: str) -> list[str]:
    summary = f"{item.title} ({s.hours:.2g} h)"
    return _event(uid(f"{item.key}@{s.day.isoformat()}", domain), stamp, s.day, s.day,
                  summary, f"Session of {s.hours:.2f} h. {item.reason}".strip(),
                  (f"CATEGORIES:{escape(item.kind.value)},session",))


def _summary(item: RoadmapItem) -> str:
    done = " (done)" if item.status is Status.DONE else ""
    return f"{_LABEL[item.kind]}: {item.title}{done}"


def _description(item: RoadmapItem) -> str:
    parts = [item.reason, item.detail]
    if item.hours:
        parts.append(f"{item.hours:.1f} h in total, about {item.hours_per_week:.1f} h a week.")
    if item.resource and item.resource.url:
        parts.append(item.resource.url)
    return "\n".join(p for p in parts if p)


def _uri(url: str) -> str:
    return "".join(ch for ch in url if ch not in "\r\n")


def escape(text: str) -> str:
    """RFC 5545 TEXT escaping."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at ``limit`` octets without splitting a UTF-8 character."""
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


# --- Markdown --------------------------------------------------------------------------------

def to_markdown(roadmap: Roadmap) -> str:
    """A readable roadmap: verdict, then one table row per item in date order."""
    return "\n".join([*_md_verdict(roadmap), "", *_md_table(roadmap), ""])


def _md_verdict(roadmap: Roadmap) -> list[str]:
    v = roadmap.verdict
    head = ["# Learning roadmap", "",
            f"{roadmap.total_hours:.1f} hours in total, cost {roadmap.total_cost:.2f}."]
    if v.fits:
        head.append("**It fits.**" + (f" Last item ends {v.finish.isoformat()}." if v.finish
                                       else ""))
    else:
        head.append(f"**It does not fit:** {v.missing_hours:.1f} hours are missing.")
    head.extend(f"- {md_cell(s)}" for s in v.suggestions)
    if v.left_out:
        head.extend(["", "Left out:", *(f"- {md_cell(s)}" for s in v.left_out)])
    return head


def _md_table(roadmap: Roadmap) -> list[str]:
    rows = ["| Start | End | Kind | Item | Hours | h/week | Status |",
            "|---|---|---|---|---:|---:|---|"]
    for i in roadmap.items:
        title = md_cell(i.title)
        if i.resource and i.resource.url:
            title = f"[{title}]({i.resource.url.replace(')', '%29').replace(' ', '%20')})"
        rows.append(f"| {i.start} | {i.end} | {_LABEL[i.kind]} | {title} | {i.hours:.1f} | "
                    f"{i.hours_per_week:.1f} | {i.status.value} |")
    return rows


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


# --- CSV -------------------------------------------------------------------------------------

def to_csv(roadmap: Roadmap) -> str:
    """One row per item (RFC 4180 line endings); cells are guarded against formula injection."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in _csv_rows(roadmap):
        writer.writerow([csv_cell(v) for v in row])
    return buf.getvalue()


def _csv_rows(roadmap: Roadmap) -> Iterator[tuple[str, ...]]:
    for i in roadmap.items:
        r = i.resource
        yield (i.key, i.kind.value, i.title, i.start.isoformat(), i.end.isoformat(),
               f"{i.hours:.2f}", f"{i.hours_per_week:.2f}", i.goal_id or "", i.status.value,
               f"{r.cost.value:.2f}" if r else "", r.cost.currency if r else "",
               r.url if r else "", i.reason, i.detail)


def csv_cell(value: str) -> str:
    """Prefix cells a spreadsheet would run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
