"""SQLAlchemy models. Every row that belongs to a person carries ``owner_id``."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_id() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Rejection(Base):
    """What the person was told: the text and what it was about."""

    __tablename__ = "rejections"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    company: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    received_on: Mapped[date | None] = mapped_column(Date)
    job_description: Mapped[str | None] = mapped_column(Text)
    resume: Mapped[str | None] = mapped_column(Text)
    templated: Mapped[bool] = mapped_column(default=False)
    actions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # sentences that give a reason in words naming no skill: {"text", "start", "end", "source"}
    unnamed_reasons: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    goals: Mapped[list[SkillGoal]] = relationship(
        back_populates="rejection", cascade="all, delete-orphan", order_by="SkillGoal.position"
    )


class SkillGoal(Base):
    """A goal derived from a rejection, which the person can confirm, drop or re-prioritise."""

    __tablename__ = "skill_goals"
    __table_args__ = (UniqueConstraint("rejection_id", "skill_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    rejection_id: Mapped[str] = mapped_column(
        ForeignKey("rejections.id", ondelete="CASCADE"), index=True
    )
    skill_id: Mapped[str] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40))
    # proposed | confirmed | dropped | merged (folded into another goal)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    priority: Mapped[int] = mapped_column(Integer, default=3)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    framing: Mapped[str] = mapped_column(String(20), default="mention")
    must_have: Mapped[bool] = mapped_column(default=True)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    prerequisites: Mapped[list[Any]] = mapped_column(JSON, default=list)
    esco_uri: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    rejection: Mapped[Rejection] = relationship(back_populates="goals")


class Plan(Base):
    """One run of the pipeline: parameters, progress and the roadmap it produced."""

    __tablename__ = "plans"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    rejection_id: Mapped[str | None] = mapped_column(
        ForeignKey("rejections.id", ondelete="SET NULL"), index=True
    )
    # queued -> fetching -> planning -> ready | partial | failed
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    goals: Mapped[list[Any]] = mapped_column(JSON, default=list)  # snapshot planned against
    verdict: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    feed_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    # When the plan is built from whatever has arrived (set when fetching starts).
    deadline_at: Mapped[datetime | None] = mapped_column(DateTime)

    runs: Mapped[list[ProviderRun]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="ProviderRun.provider"
    )
    items: Mapped[list[RoadmapItem]] = relationship(
        back_populates="plan", cascade="all, delete-orphan",
        order_by=lambda: (RoadmapItem.revision, RoadmapItem.position),
    )


class ProviderRun(Base):
    """One provider's part in a plan: state, error, latency and how many resources it gave."""

    __tablename__ = "provider_runs"
    __table_args__ = (UniqueConstraint("plan_id", "provider"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    provider: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="waiting")  # waiting|ok|failed|timeout
    error: Mapped[str | None] = mapped_column(Text)
    latency_ms: Mapped[int | None] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer, default=0)
    dropped: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Deliveries of the provider task so far (retries and redeliveries after a crash included).
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Goals answered from the result cache rather than by calling the provider.
    cached: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    started_at: Mapped[datetime | None] = mapped_column(DateTime)

    plan: Mapped[Plan] = relationship(back_populates="runs")


class Resource(Base):
    """A resource as last fetched from a provider; shared public data, not owned."""

    __tablename__ = "resources"
    __table_args__ = (UniqueConstraint("provider", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    provider: Mapped[str] = mapped_column(String(100))
    external_id: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(500))
    url: Mapped[str] = mapped_column(String(2000))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    fetched_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PlanResource(Base):
    """A candidate resource a provider offered for one goal of one plan."""

    __tablename__ = "plan_resources"
    __table_args__ = (UniqueConstraint("plan_id", "skill_id", "resource_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    skill_id: Mapped[str] = mapped_column(String(200))
    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer, default=0)


class RoadmapItem(Base):
    """A dated step of a plan's roadmap. Re-planning adds a new revision and keeps the old."""

    __tablename__ = "roadmap_items"
    __table_args__ = (UniqueConstraint("plan_id", "revision", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    position: Mapped[int] = mapped_column(Integer, default=0)
    key: Mapped[str] = mapped_column(String(700))
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(500))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float)
    hours_per_week: Mapped[float] = mapped_column(Float)
    goal_id: Mapped[str | None] = mapped_column(String(200))
    resource: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="todo")  # todo|done|skipped|behind
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # full item as planned

    plan: Mapped[Plan] = relationship(back_populates="items")
