"""Use cases shared by the API, the web pages and the CLI: store feedback, start plans."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner import skills
from planner.skills.confidence import SURE
from planner.skills.extract import REHEARSE, rehearse_action
from planner.store import models as m

LOCAL_USER_ID = "local"


@dataclass(frozen=True)
class PlanParams:
    hours_per_week: float
    start_date: date
    target_date: date | None = None
    budget: float | None = None
    resources_per_goal: int = 8
    preferred_level: str | None = None
    preferred_kinds: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "hours_per_week": self.hours_per_week,
            "start_date": self.start_date.isoformat(),
            "target_date": self.target_date.isoformat() if self.target_date else None,
            "budget": self.budget,
            "resources_per_goal": self.resources_per_goal,
            "preferred_level": self.preferred_level,
            "preferred_kinds": list(self.preferred_kinds),
        }


def local_owner(s: Session) -> m.User:
    """The single local person of a fresh install, created on first use (until accounts exist)."""
    user = s.get(m.User, LOCAL_USER_ID)
    if user is None:
        user = m.User(id=LOCAL_USER_ID, display_name="Local user")
        s.add(user)
        s.flush()
    return user


def add_rejection(
    s: Session,
    owner_id: str,
    text: str,
    *,
    company: str | None = None,
    role: str | None = None,
    received_on: date | None = None,
    job_description: str | None = None,
    resume: str | None = None,
) -> m.Rejection:
    """Store a rejection and the goals extracted from it.

    A goal is confirmed (planned unless the person drops it) when its confidence is at least
    ``SURE`` or an earlier rejection named it too; otherwise it is proposed, and planned only
    once the person keeps it.
    """
    extraction = skills.extract(text, job_description=job_description, resume=resume)
    rej = m.Rejection(
        owner_id=owner_id, text=text, company=company, role=role, received_on=received_on,
        job_description=job_description, resume=resume, templated=extraction.templated,
        actions=[a.to_dict() for a in extraction.actions],
        unnamed_reasons=[asdict(e) for e in extraction.unnamed_reasons],
    )
    s.add(rej)
    earlier = recurrences(s, owner_id, [g.skill_id for g in extraction.goals])
    for pos, g in enumerate(extraction.goals):
        rej.goals.append(m.SkillGoal(
            owner_id=owner_id, skill_id=g.skill_id, label=g.label, kind=g.kind.value,
            status="confirmed" if g.confidence >= SURE or earlier.get(g.skill_id) else "proposed",
            priority=max(1, g.priority - earlier.get(g.skill_id, 0)),
            confidence=g.confidence,
            framing=g.framing.value, must_have=g.must_have,
            evidence=[e for e in g.to_dict()["evidence"]], prerequisites=list(g.prerequisites),
            esco_uri=g.esco_uri, position=pos,
        ))
    s.flush()
    return rej


def recurrences(s: Session, owner_id: str, skill_ids: list[str]) -> dict[str, int]:
    """How many earlier rejections of this person named each skill (a recurring theme).

    Each earlier rejection raises a goal's priority one step, as ``skills.merge_goals`` does.
    """
    if not skill_ids:
        return {}
    rows = s.execute(
        select(m.SkillGoal.skill_id, func.count(func.distinct(m.SkillGoal.rejection_id)))
        .where(m.SkillGoal.owner_id == owner_id, m.SkillGoal.skill_id.in_(skill_ids),
               m.SkillGoal.status.in_(("proposed", "confirmed")))
        .group_by(m.SkillGoal.skill_id)
    ).all()
    return {sid: int(n) for sid, n in rows}


def plan_actions(rejection: m.Rejection) -> list[dict[str, Any]]:
    """The extractor's actions for a new plan. The rehearsal step quotes only the listed reasons
    the person has not named a skill for (a named one is practised as that goal), and is left
    out when they named every one."""
    named = named_reasons(rejection)
    out = []
    for a in rejection.actions:
        if a.get("kind") == REHEARSE and named:
            left = tuple(skills.Evidence(**r) for i, r in enumerate(rejection.unnamed_reasons or [])
                         if i not in named)
            if left:
                out.append(rehearse_action(left).to_dict())
            continue
        out.append(dict(a))
    return out


def start_plan(
    s: Session, rejection: m.Rejection, params: PlanParams, providers: list[str]
) -> m.Plan:
    """Create a queued plan over the rejection's confirmed goals, one waiting run per provider."""
    goals = [
        {"id": g.id, "skill_id": g.skill_id, "label": g.label, "kind": g.kind,
         "priority": g.priority, "must_have": g.must_have, "prerequisites": g.prerequisites,
         "evidence": g.evidence, "framing": g.framing, "confidence": g.confidence}
        for g in rejection.goals if g.status == "confirmed"
    ]
    plan = m.Plan(
        owner_id=rejection.owner_id, rejection_id=rejection.id, status="queued",
        params={**params.to_json(), "actions": plan_actions(rejection)}, goals=goals,
    )
    plan.runs = [m.ProviderRun(provider=name) for name in sorted(providers)]
    s.add(plan)
    s.flush()
    return plan


ADDED_PRIORITY = 3  # "normal": the person chose it, and nothing in the text ranks it


def already_a_goal(entry: skills.Entry) -> str:
    return f"{entry.label} is already one of this rejection's goals."


class GoalConflict(Exception):
    """The skill is already one of the rejection's goals (or part of one, after a merge)."""

    def __init__(self, goal: m.SkillGoal, message: str) -> None:
        super().__init__(message)
        self.goal, self.message = goal, message


def add_goal(
    s: Session, rejection: m.Rejection, entry: skills.Entry,
    evidence: dict[str, Any] | None = None,
) -> tuple[m.SkillGoal, bool]:
    """Add a goal the person names for a rejection (the feedback implied it, or they know they
    need it): confirmed, at the normal priority (raised one step for each earlier rejection that
    named the skill), framed "added". Returns (goal, created).

    ``evidence`` is a sentence of the feedback the person says the skill comes from (one of the
    rejection's reasons that name no skill, see :func:`reason_evidence`); the goal quotes it.
    A goal the person dropped, or one still proposed, is confirmed instead, and given that
    sentence too. Raises :class:`GoalConflict` when the skill is part of a merged goal, or is
    already a confirmed goal and there is no new sentence to give it.
    """
    for g in rejection.goals:
        if g.skill_id != entry.skill_id:
            continue
        if g.status == "merged":
            raise GoalConflict(g, f"{entry.label} is already part of a goal you merged it into.")
        quotes = evidence is not None and evidence not in g.evidence
        if g.status == "confirmed" and not quotes:
            raise GoalConflict(g, already_a_goal(entry))
        if quotes:
            g.evidence = [*g.evidence, evidence]  # a new list: the JSON column sees the change
        g.status = "confirmed"
        return g, False
    earlier = recurrences(s, rejection.owner_id, [entry.skill_id])
    goal = m.SkillGoal(
        owner_id=rejection.owner_id, skill_id=entry.skill_id, label=entry.label,
        kind=entry.kind.value, status="confirmed",
        priority=max(1, ADDED_PRIORITY - earlier.get(entry.skill_id, 0)),
        confidence=1.0, framing="added", must_have=True,
        evidence=[evidence] if evidence is not None else [],
        prerequisites=list(entry.prerequisites), esco_uri=entry.esco_uri,
        position=max((g.position for g in rejection.goals), default=-1) + 1,
    )
    rejection.goals.append(goal)
    s.flush()
    return goal, True


class NoSuchReason(ValueError):
    """The index names none of the rejection's reasons that name no skill."""


def reason_evidence(rejection: m.Rejection, index: int) -> dict[str, Any]:
    """The ``index``-th sentence the extractor listed as a reason naming no skill, as evidence.

    Raises :class:`NoSuchReason` with a message that says which indexes there are.
    """
    reasons = rejection.unnamed_reasons or []
    if 0 <= index < len(reasons):
        return dict(reasons[index])
    if not reasons:
        raise NoSuchReason("reason: this feedback lists no sentence that names no skill; "
                           "leave reason out.")
    raise NoSuchReason(f"reason: this feedback lists {len(reasons)} sentence"
                       f"{'s' if len(reasons) > 1 else ''} that name no skill; send an index "
                       f"from 0 to {len(reasons) - 1}.")


def named_reasons(rejection: m.Rejection) -> dict[int, list[str]]:
    """For each listed reason a goal now quotes (the person named its skill): those goals'
    labels. Dropped and merged-away goals do not count."""
    out: dict[int, list[str]] = {}
    for i, r in enumerate(rejection.unnamed_reasons or []):
        key = (r.get("start"), r.get("end"), r.get("source", "feedback"))
        for g in rejection.goals:
            if g.status in ("proposed", "confirmed") and any(
                (e.get("start"), e.get("end"), e.get("source", "feedback")) == key
                for e in g.evidence
            ):
                out.setdefault(i, []).append(g.label)
    return out


def owned(s: Session, model: type[Any], obj_id: str, owner_id: str) -> Any:
    """The row with that id if it belongs to ``owner_id``; None otherwise (404, not 403)."""
    return s.scalar(select(model).where(model.id == obj_id, model.owner_id == owner_id))


def merge_goals(goals: list[m.SkillGoal], label: str | None = None) -> m.SkillGoal:
    """Fold ``goals[1:]`` into ``goals[0]``: evidence joined, highest priority kept."""
    keep, rest = goals[0], goals[1:]
    keep.evidence = [*keep.evidence, *(e for g in rest for e in g.evidence)]
    keep.priority = min(g.priority for g in goals)
    keep.must_have = any(g.must_have for g in goals)
    keep.status = "confirmed"
    if label:
        keep.label = label
    for g in rest:
        g.status = "merged"
    return keep


def themes(s: Session, owner_id: str) -> list[dict[str, Any]]:
    """Goals grouped by skill across all of a person's rejections, recurring ones first."""
    rows = s.scalars(select(m.SkillGoal).where(
        m.SkillGoal.owner_id == owner_id, m.SkillGoal.status.in_(("proposed", "confirmed"))
    ).order_by(m.SkillGoal.created_at))
    groups: dict[str, dict[str, Any]] = {}
    for g in rows:
        t = groups.setdefault(g.skill_id, {"skill_id": g.skill_id, "label": g.label,
                                           "kind": g.kind, "rejections": [], "evidence": []})
        if g.rejection_id not in t["rejections"]:
            t["rejections"].append(g.rejection_id)
        t["evidence"].extend(g.evidence)
    out = [{**t, "count": len(t["rejections"])} for t in groups.values()]
    return sorted(out, key=lambda t: (-t["count"], t["label"].lower()))
