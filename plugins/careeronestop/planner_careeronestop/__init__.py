"""CareerOneStop Certification Finder provider (US certifications; free registration).

``GET /v1/certificationfinder/{userId}/{keyword}/{directFlag}/{industry}/{certType}/
{organization}/{occupation}/{agency}/{sortColumn}/{sortDirections}/{startRecord}/{limitRecord}``
with ``Authorization: Bearer <token>``; ``0`` means "no filter". Pagination is by the last two
path segments.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from planner.providers import (
    Authenticator,
    BearerAuth,
    Cost,
    Credential,
    Effort,
    HttpProvider,
    Location,
    Paginator,
    Request,
    Resource,
    ResourceKind,
    Response,
    Setting,
    SkillQuery,
    clean_text,
)

__all__ = ["CareerOneStopProvider"]
FILTERS = "0/0/0/0/0/0/0/0"  # directFlag … sortDirections: no filter, default order


class PathRecordPaginator(Paginator):
    """``…/{startRecord}/{limitRecord}`` path-segment pagination."""

    def first(self, request: Request, page_size: int) -> Request:
        return Request(f"{request.url}/0/{page_size}", request.params, request.headers)

    def next(
        self, request: Request, response: Response, page_size: int, records: int
    ) -> Request | None:
        if records < page_size:
            return None
        stem, start, _ = request.url.rsplit("/", 2)
        return Request(
            f"{stem}/{int(start) + records}/{page_size}", request.params, request.headers
        )


class CareerOneStopProvider(HttpProvider):
    """Certifications from the US Department of Labor's CareerOneStop."""

    name = "careeronestop"
    version = "0.1.0"
    kinds = frozenset({ResourceKind.CERTIFICATION})
    terms_url = "https://www.careeronestop.org/Developers/WebAPI/web-api.aspx"
    description = "CareerOneStop Certification Finder (US). Needs a free user id and token."
    base_url = "https://api.careeronestop.org"
    settings = (
        Setting(
            "user_id",
            help="CareerOneStop user id (careeronestop.org/Developers)",
            secret=True,
            required=True,
        ),
        Setting("token", help="CareerOneStop API token", secret=True, required=True),
    )
    paginator = PathRecordPaginator()
    records_key = "CertList"
    page_size = 20
    max_pages = 2

    def build_request(self, query: SkillQuery) -> Request:
        user = quote(self.config["user_id"] or "", safe="")
        keyword = quote((query.label or query.skill_id).replace("/", " "), safe="")
        return Request(f"v1/certificationfinder/{user}/{keyword}/{FILTERS}")

    def authenticator(self) -> Authenticator:
        return BearerAuth(self.config["token"])

    def records(self, payload: Any) -> list[Any]:
        # No matches come back as an empty or null CertList; a missing key is a shape change.
        if isinstance(payload, dict) and "CertList" in payload and payload["CertList"] is None:
            return []
        return super().records(payload)

    def parse_item(self, item: Any, query: SkillQuery) -> Resource | None:
        url = str(item.get("Url") or "").strip()
        if url and "://" not in url:
            url = "https://" + url  # the finder often lists bare host names
        issuer = clean_text(item.get("Organization"), 200) or None
        return Resource(
            provider=self.name,
            external_id=str(item["Id"]),
            kind=ResourceKind.CERTIFICATION,
            title=clean_text(item["Name"], 300),
            url=url,
            description=clean_text(item.get("Description"), 2000),
            skills=(query.skill_id,),
            cost=Cost(free=False, amount=None, notes="exam cost not published by CareerOneStop"),
            effort=Effort(is_estimate=True),
            credential=Credential(type="industry_cert", issuer=issuer),
            location=Location(remote=True, country="US"),
            source=issuer or "",
            fetched_at=datetime.now(UTC),
        )
