"""MIT Learn provider: ``GET /api/v1/learning_resources_search/`` (anonymous, DRF limit/offset)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from planner.providers import (
    Cost,
    Credential,
    Effort,
    HttpProvider,
    Level,
    Location,
    NextUrlPaginator,
    Request,
    Resource,
    ResourceKind,
    Schedule,
    SkillQuery,
    clean_text,
)
from planner.providers.parsing import parse_date, parse_effort, parse_price

__all__ = ["MitLearnProvider"]
_CREDENTIALS = {
    "completion": "completion",
    "professional": "professional",
    "micromasters": "professional",
}


class MitLearnProvider(HttpProvider):
    """Courses and programs from MIT Learn (MITx, OCW, MIT xPRO, ...)."""

    name = "mit_learn"
    version = "0.1.0"
    kinds = frozenset({ResourceKind.COURSE})
    terms_url = "https://learn.mit.edu/terms"
    description = "MIT Learn catalogue: MITx, OpenCourseWare, xPRO and more (no key needed)."
    base_url = "https://api.learn.mit.edu"
    paginator = NextUrlPaginator(key="next", size_param="limit")
    page_size = 20
    max_pages = 3

    def build_request(self, query: SkillQuery) -> Request:
        params: dict[str, Any] = {
            "q": query.label or query.skill_id,
            "resource_type": ["course", "program"],
        }
        if query.max_cost == 0:
            params["free"] = "true"
        if query.level is not None:
            params["level"] = query.level.value
        return Request("api/v1/learning_resources_search/", params=params)

    def parse_item(self, item: Any, query: SkillQuery) -> Resource | None:
        run = _best_run(item)
        pace = {p.get("code") for p in item.get("pace") or [] if isinstance(p, dict)}
        delivery = {d.get("code") for d in item.get("delivery") or [] if isinstance(d, dict)}
        topics = [clean_text(t["name"], 100) for t in item.get("topics") or []][:20]
        return Resource(
            provider=self.name,
            external_id=str(item.get("readable_id") or item["id"]),
            kind=ResourceKind.COURSE,
            title=clean_text(item["title"], 300),
            url=str(item["url"]),
            description=clean_text(item.get("description"), 2000),
            skills=tuple(dict.fromkeys([query.skill_id, *[t for t in topics if t]])),
            level=_level(run),
            cost=_cost(item),
            effort=_effort(item),
            schedule=Schedule(
                self_paced="instructor_paced" not in pace,
                start=parse_date(run.get("start_date")) if "instructor_paced" in pace else None,
                end=parse_date(run.get("end_date")) if "instructor_paced" in pace else None,
                enrol_by=parse_date(run.get("enrollment_end")),
            ),
            credential=_credential(item),
            location=Location(remote=not delivery or bool(delivery & {"online", "hybrid"})),
            source=clean_text((item.get("offered_by") or {}).get("name"), 200),
            fetched_at=datetime.now(UTC),
        )


def _best_run(item: dict[str, Any]) -> dict[str, Any]:
    runs = [r for r in item.get("runs") or [] if isinstance(r, dict)]
    best = [r for r in runs if r.get("id") == item.get("best_run_id")]
    return (best or runs or [{}])[0]


def _level(run: dict[str, Any]) -> Level | None:
    for lv in run.get("level") or []:
        code = lv.get("code") if isinstance(lv, dict) else None
        if code in {v.value for v in Level}:
            return Level(code)
    return None


def _cost(item: dict[str, Any]) -> Cost:
    prices = [p for p in (parse_price(x) for x in item.get("prices") or []) if p is not None]
    currency = next(
        (
            str(rp.get("currency"))
            for rp in item.get("resource_prices") or []
            if isinstance(rp, dict) and rp.get("currency")
        ),
        "USD",
    )
    paid = [p for p in prices if p > 0]
    if item.get("free"):
        notes = f"free to audit; certificate from {min(paid):.2f} {currency}" if paid else ""
        return Cost(free=True, amount=0.0, currency=currency, notes=notes)
    return Cost(free=False, amount=min(paid) if paid else None, currency=currency)


def _effort(item: dict[str, Any]) -> Effort:
    low, high = item.get("min_weekly_hours"), item.get("max_weekly_hours")
    weeks = item.get("max_weeks") or item.get("min_weeks")
    if isinstance(low, int | float) or isinstance(high, int | float):
        nums = [float(v) for v in (low, high) if isinstance(v, int | float)]
        return Effort(
            weekly_hours=sum(nums) / len(nums),
            weeks=float(weeks) if isinstance(weeks, int | float) else None,
            is_estimate=len(set(nums)) > 1 or not weeks,
        )
    return (
        parse_effort(item.get("time_commitment"))
        or parse_effort(item.get("duration"))
        or Effort(is_estimate=True)
    )


def _credential(item: dict[str, Any]) -> Credential | None:
    if not item.get("certification"):
        return None
    code = (item.get("certification_type") or {}).get("code", "completion")
    if code not in _CREDENTIALS:
        return None
    issuer = (item.get("offered_by") or {}).get("name")
    return Credential(type=_CREDENTIALS[code], issuer=clean_text(issuer, 200) or None)
