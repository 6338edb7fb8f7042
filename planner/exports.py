"""Stored plan -> calendar, Markdown and CSV, through the pure exporters in scheduling."""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlparse

from planner.scheduling import Roadmap
from planner.scheduling import export as ex
from planner.store import models as m


def stored_roadmap(p: m.Plan) -> Roadmap:
    items = [i.data for i in p.items if i.revision == p.revision]
    return Roadmap.from_dict({"items": items, "verdict": p.verdict or {"fits": True}})


def roadmap_ics(p: m.Plan, base_url: str) -> bytes:
    domain = urlparse(base_url).hostname or "skill-planner.local"
    now = (p.finished_at or p.created_at).replace(tzinfo=timezone.utc)
    return ex.to_ics(stored_roadmap(p), name=f"Skill plan {p.id[:8]}", uid_domain=domain,
                     now=now if isinstance(now, datetime) else datetime.now(timezone.utc))
