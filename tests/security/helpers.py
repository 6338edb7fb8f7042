"""Build a person's data in this process (no worker): a rejection, goals and a ready plan."""

from __future__ import annotations

from datetime import date

from flask import Flask

from planner import pipeline, service


def ready_plan(app: Flask, owner: str, text: str, **fields: str) -> str:
    """Store feedback and build its roadmap here, as `planner plan` does; the plan id."""
    svc = app.extensions["planner"]
    params = service.PlanParams(hours_per_week=6, start_date=date(2027, 1, 4))
    with svc.db.session() as s:
        rej = service.add_rejection(s, owner, text, **fields)  # type: ignore[arg-type]
        plan_id = service.start_plan(s, rej, params, [p.name for p in svc.registry.enabled()]).id
    for name in pipeline.mark_fetching(svc.db, plan_id) or []:
        pipeline.fetch_provider(svc.db, svc.registry, plan_id, name)
    pipeline.build_roadmap(svc.db, plan_id)
    return plan_id
