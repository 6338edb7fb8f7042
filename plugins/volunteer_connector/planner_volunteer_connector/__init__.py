"""Volunteer Connector provider: ``GET /api/search/?format=json`` (anonymous, DRF page/next)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from planner.providers import (
    Effort,
    HttpProvider,
    Location,
    NextUrlPaginator,
    Request,
    Resource,
    ResourceKind,
    SkillQuery,
    clean_text,
)
from planner.providers.parsing import parse_effort

__all__ = ["VolunteerConnectorProvider"]
DEFAULT_WEEKS = 8.0  # listings rarely say how long; plan a two-month commitment (estimate)


class VolunteerConnectorProvider(HttpProvider):
    """Volunteer opportunities, many remote, matched by free-text search."""

    name = "volunteer_connector"
    version = "0.1.0"
    kinds = frozenset({ResourceKind.VOLUNTEER})
    terms_url = "https://www.volunteerconnector.org/terms"
    description = "Volunteer Connector: volunteer roles in Canada and remote (no key needed)."
    base_url = "https://www.volunteerconnector.org"
    paginator = NextUrlPaginator(key="next", size_param="page_size")
    page_size = 20
    max_pages = 2

    def build_request(self, query: SkillQuery) -> Request:
        params: dict[str, Any] = {
            "format": "json",
            "search": query.label or query.skill_id,
            "page": 1,
        }
        if query.remote:
            params["ro"] = "on"
        return Request("api/search/", params=params)

    def parse_item(self, item: Any, query: SkillQuery) -> Resource | None:
        org = item.get("organization") or {}
        audience = item.get("audience") or {}
        effort = parse_effort(item.get("duration")) or Effort(weekly_hours=2.0, is_estimate=True)
        if effort.weekly_hours is not None and effort.weeks is None:
            effort = Effort(weekly_hours=effort.weekly_hours, weeks=DEFAULT_WEEKS, is_estimate=True)
        activities = [
            clean_text(a.get("name"), 100)
            for a in item.get("activities") or []
            if isinstance(a, dict)
        ]
        regions = [clean_text(r, 100) for r in audience.get("regions") or [] if r]
        return Resource(
            provider=self.name,
            external_id=str(item["id"]),
            kind=ResourceKind.VOLUNTEER,
            title=clean_text(item["title"], 300),
            url=str(item["url"]),
            description=clean_text(item.get("description"), 2000),
            skills=tuple(dict.fromkeys([query.skill_id, *[_slug(a) for a in activities if a]])),
            effort=effort,
            location=Location(
                remote=bool(item.get("remote_or_online")),
                region=regions[0] if regions else None,
                country="CA",
            ),
            source=clean_text(org.get("name"), 200),
            fetched_at=datetime.now(UTC),
        )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
