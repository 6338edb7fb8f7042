"""Web-tier helpers: a signed-in client, form tokens, and ready plans built in-process."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from planner import pipeline, service
from planner.store import models as m

PASSWORD = "a calm and long test passphrase"


def token(client: FlaskClient, path: str = "/") -> str:
    """The CSRF token of the form on ``path``."""
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, html[:2000]
    return match.group(1)


def sign_in(client: FlaskClient) -> str:
    """Sign a fresh person in through the sign-up form; their owner id.

    Without accounts (no ``auth`` blueprint) every page acts for the single local person.
    """
    app = client.application
    if "auth" not in app.blueprints:
        with app.app_context():
            s = app.extensions["planner"].db.sessions()
            try:
                owner = service.local_owner(s).id
                s.commit()
            finally:
                s.close()
        return owner
    email = f"web-{uuid.uuid4().hex[:10]}@example.com"
    resp = client.post("/sign-up", data={"csrf_token": token(client, "/sign-up"), "email": email,
                                         "password": PASSWORD, "display_name": "Web test"})
    assert resp.status_code == 303, resp.get_data(as_text=True)[:2000]
    with app.extensions["planner"].db.session() as s:
        return str(s.scalar(select(m.User.id).where(m.User.email == email)))


@pytest.fixture
def web(client: FlaskClient) -> Iterator[FlaskClient]:
    """A test client signed in as a fresh person (``web.owner`` is their id)."""
    client.owner = sign_in(client)  # type: ignore[attr-defined]
    yield client


def ready_plan(app: Flask, owner: str, text: str, **params: Any) -> str:
    """Store feedback and build its roadmap in this process, as `planner plan` does; plan id.

    Nothing is enqueued, so a worker running for other tests never touches this plan.
    """
    svc = app.extensions["planner"]
    p = service.PlanParams(hours_per_week=params.get("hours_per_week", 6),
                           start_date=params.get("start_date", date.today()),
                           target_date=params.get("target_date"), budget=params.get("budget"))
    with svc.db.session() as s:
        rej = service.add_rejection(s, owner, text, company=params.get("company"))
        plan_id = service.start_plan(s, rej, p, [x.name for x in svc.registry.enabled()]).id
        s.commit()
    for name in pipeline.mark_fetching(svc.db, plan_id) or []:
        pipeline.fetch_provider(svc.db, svc.registry, plan_id, name)
    pipeline.build_roadmap(svc.db, plan_id)
    return plan_id
