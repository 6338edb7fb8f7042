"""Normalised resource model every provider returns, and the query it answers."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any


class ResourceKind(enum.StrEnum):
    """What a resource is, which decides how the planner uses it."""

    COURSE = "course"
    READING = "reading"
    CERTIFICATION = "certification"
    VOLUNTEER = "volunteer"
    PRACTICE = "practice"
    EVENT = "event"
    COMMUNITY = "community"


class Level(enum.StrEnum):
    INTRODUCTORY = "introductory"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


@dataclass(frozen=True)
class Cost:
    """Price of a resource; ``amount`` is None when unknown."""

    free: bool
    amount: float | None = None
    currency: str = "USD"
    notes: str = ""

    @property
    def value(self) -> float:
        """Amount to charge against a budget (0 for free, amount otherwise, 0 if unknown)."""
        return cost_value(self.free, self.amount)


@dataclass(frozen=True)
class Effort:
    """Total effort, either as total hours or weekly hours x weeks."""

    total_hours: float | None = None
    weekly_hours: float | None = None
    weeks: float | None = None
    is_estimate: bool = False

    @property
    def hours(self) -> float | None:
        """Best single figure for total hours, or None when nothing is known."""
        return effort_hours(self.total_hours, self.weekly_hours, self.weeks)


def cost_value(free: bool, amount: float | None) -> float:
    """:attr:`Cost.value` from its parts (also read straight from stored resources)."""
    return 0.0 if free else float(amount or 0.0)


def effort_hours(total: float | None, weekly: float | None, weeks: float | None
                 ) -> float | None:
    """:attr:`Effort.hours` from its parts (also read straight from stored resources)."""
    if total is not None:
        return float(total)
    if weekly is not None and weeks is not None:
        return float(weekly) * float(weeks)
    return None


@dataclass(frozen=True)
class Schedule:
    """When a resource can be taken: self-paced, or a run with dates."""

    self_paced: bool = True
    start: date | None = None
    end: date | None = None
    enrol_by: date | None = None


@dataclass(frozen=True)
class Credential:
    type: str = "none"  # none | completion | professional | industry_cert | badge
    issuer: str | None = None
    exam_cost: float | None = None
    validity_months: int | None = None


@dataclass(frozen=True)
class Location:
    remote: bool = True
    city: str | None = None
    region: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Resource:
    """One learning, practice, credential or networking opportunity from a provider."""

    provider: str
    external_id: str
    kind: ResourceKind
    title: str
    url: str
    description: str = ""
    skills: tuple[str, ...] = ()  # taxonomy skill ids (slugs) or free labels
    level: Level | None = None
    cost: Cost = field(default_factory=lambda: Cost(free=True, amount=0.0))
    effort: Effort = field(default_factory=Effort)
    schedule: Schedule = field(default_factory=Schedule)
    credential: Credential | None = None
    location: Location = field(default_factory=Location)
    source: str = ""  # who publishes it (e.g. "MIT OpenCourseWare")
    fetched_at: datetime | None = None
    last_verified: date | None = None  # when a person last checked the entry (curated data)

    @property
    def key(self) -> str:
        """Stable identity across runs: provider plus its own id."""
        return f"{self.provider}:{self.external_id}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict (dates as ISO strings), the form resources are stored in.

        Written out rather than ``asdict`` (which deep-copies): it runs for every resource of
        every provider answer. A test holds it equal to the generic conversion.
        """
        c, e, sc, loc, cr = self.cost, self.effort, self.schedule, self.location, self.credential
        return {
            "provider": self.provider, "external_id": self.external_id, "kind": self.kind.value,
            "title": self.title, "url": self.url, "description": self.description,
            "skills": list(self.skills), "level": self.level.value if self.level else None,
            "cost": {"free": c.free, "amount": c.amount, "currency": c.currency,
                     "notes": c.notes},
            "effort": {"total_hours": e.total_hours, "weekly_hours": e.weekly_hours,
                       "weeks": e.weeks, "is_estimate": e.is_estimate},
            "schedule": {"self_paced": sc.self_paced, "start": _iso(sc.start),
                         "end": _iso(sc.end), "enrol_by": _iso(sc.enrol_by)},
            "credential": None if cr is None else {
                "type": cr.type, "issuer": cr.issuer, "exam_cost": cr.exam_cost,
                "validity_months": cr.validity_months},
            "location": {"remote": loc.remote, "city": loc.city, "region": loc.region,
                         "country": loc.country},
            "source": self.source, "fetched_at": _iso(self.fetched_at),
            "last_verified": _iso(self.last_verified),
        }

    def validate(self, provider: str | None = None) -> Resource:
        """Check this resource against the contract (see ``validate_resource``).

        Raises:
            ResourceValidationError: naming the first broken rule.
        """
        from planner.providers.validation import validate_resource

        return validate_resource(self, provider=provider)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Resource:
        """Inverse of :meth:`to_dict`; raises ValueError/KeyError/TypeError on bad input."""
        sched = dict(data.get("schedule") or {})
        for k in ("start", "end", "enrol_by"):
            if sched.get(k):
                sched[k] = date.fromisoformat(sched[k])
        cred = data.get("credential")
        fetched = data.get("fetched_at")
        level = data.get("level")
        return cls(
            provider=str(data["provider"]),
            external_id=str(data["external_id"]),
            kind=ResourceKind(data["kind"]),
            title=str(data["title"]),
            url=str(data["url"]),
            description=str(data.get("description") or ""),
            skills=tuple(data.get("skills") or ()),
            level=Level(level) if level else None,
            cost=Cost(**(data.get("cost") or {"free": True})),
            effort=Effort(**(data.get("effort") or {})),
            schedule=Schedule(**sched),
            credential=Credential(**cred) if cred else None,
            location=Location(**(data.get("location") or {})),
            source=str(data.get("source") or ""),
            fetched_at=datetime.fromisoformat(fetched) if fetched else None,
            last_verified=date.fromisoformat(lv) if (lv := data.get("last_verified")) else None,
        )


@dataclass(frozen=True)
class SkillQuery:
    """What the pipeline asks a provider for: one skill goal, with the person's limits."""

    skill_id: str
    label: str
    aliases: tuple[str, ...] = ()
    kind: str = "technical"  # the goal's kind (see planner.skills.GoalKind)
    level: Level | None = None
    max_cost: float | None = None
    remote: bool | None = None
    location: str | None = None
    limit: int = 10

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict, the form a query travels in to a Celery task."""
        out: dict[str, Any] = _jsonable(asdict(self))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SkillQuery:
        names = {f.name for f in fields(cls)}
        kw = {k: v for k, v in data.items() if k in names}
        kw["aliases"] = tuple(kw.get("aliases") or ())
        if kw.get("level"):
            kw["level"] = Level(kw["level"])
        return cls(**kw)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value
