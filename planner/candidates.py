"""Merge, deduplicate and rank the candidates providers offered for a plan's goals."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, cast
from urllib.parse import parse_qsl, urlencode, urlsplit

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from planner.providers import Resource
from planner.providers.model import cost_value, effort_hours
from planner.store import models as m

MAX_CANDIDATES = 24  # per goal after merging: more only slows the scheduler, never helps it


LINKS, RESOURCES = (cast(Table, t.__table__) for t in (m.PlanResource, m.Resource))
# A Core statement over the tables, built once: half the cost of the same query through the ORM.
FOUND = (select(LINKS.c.skill_id, LINKS.c.rank, RESOURCES.c.data)
         .join(RESOURCES, RESOURCES.c.id == LINKS.c.resource_id)
         .where(LINKS.c.plan_id == bindparam("plan_id")))


def candidates(s: Session, p: m.Plan) -> dict[str, list[Resource]]:
    """Every provider's candidates per goal, merged: duplicates across providers once, ranked."""
    rows = s.execute(FOUND, {"plan_id": p.id}).all()
    by_goal: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for skill_id, rank, data in rows:
        by_goal.setdefault(skill_id, []).append((rank, data))
    goals = {g["skill_id"]: g for g in p.goals}
    budget = p.params.get("budget")
    return {skill: merge(found, goals.get(skill, {"skill_id": skill, "label": skill}), budget)
            for skill, found in sorted(by_goal.items())}


def merge(found: Sequence[tuple[int, dict[str, Any]]], goal: dict[str, Any],
          budget: float | None = None) -> list[Resource]:
    """Rank a goal's candidates (best first, deterministic) and keep one of each duplicate.

    ``found`` holds (provider's rank, stored resource) pairs: the resources are ranked from the
    stored form, and only the ``MAX_CANDIDATES`` kept are built into :class:`Resource` objects
    (the build reads every provider's answers for every goal: most are ranked out). Two
    resources are the same when their normalised URLs or titles match, whichever provider
    offered them; the better-ranked one is kept.
    """
    ranked = sorted(found, key=lambda f: (-score(f[1], f[0], goal, budget),
                                          str(f[1]["provider"]), str(f[1]["external_id"])))
    seen: set[str] = set()
    out: list[Resource] = []
    for _, data in ranked:
        keys = {"u:" + url_key(str(data["url"])), "t:" + title_key(str(data["title"]))}
        if keys & seen:
            continue
        seen |= keys
        out.append(Resource.from_dict(data))
        if len(out) == MAX_CANDIDATES:
            break
    return out


def score(data: dict[str, Any], rank: int, goal: dict[str, Any], budget: float | None) -> float:
    """Relevance (tagged with the skill, named in the title, the provider's own order), cost
    (free, within budget) and fit (effort known and of a plannable size), of a stored resource
    (``Resource.to_dict()``)."""
    names = [goal.get("label", ""), *(goal.get("aliases") or ())]
    title = str(data["title"]).casefold()
    if goal.get("skill_id") in (data.get("skills") or ()):
        relevance = 3.0
    elif any(n and n.casefold() in title for n in names):
        relevance = 2.0
    else:
        relevance = 1.0
    relevance -= 0.05 * min(rank, 20)
    cost = data.get("cost") or {"free": True}
    free = bool(cost.get("free"))
    money = 1.0 if free else (
        -2.0 if budget is not None and cost_value(free, cost.get("amount")) > budget else 0.3)
    effort = data.get("effort") or {}
    hours = effort_hours(effort.get("total_hours"), effort.get("weekly_hours"),
                         effort.get("weeks"))
    fit = 0.3 if hours is None else (1.0 if 1 <= hours <= 80 else 0.0)
    return round(2 * relevance + money + fit, 6)


def url_key(url: str) -> str:
    """``url`` without scheme, www., fragment, tracking parameters or trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.casefold().removeprefix("www.")
    if not parts.query:
        return f"{host}{parts.path.rstrip('/')}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query)
                             if not k.startswith("utm_")))
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def title_key(title: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", title.casefold()))
