"""Two people with real API tokens, and data of their own to try to reach across."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.store.db import Database
from tests.support import api_token, create_account

KUBE = "We went with a candidate with more Kubernetes and AWS experience."


@dataclass
class Person:
    """A signed-in person: their id, email, Bearer token and a client that sends it."""

    id: str
    email: str
    token: str
    client: FlaskClient

    def get(self, url: str, **kw: Any) -> Any:
        return self.client.get(url, headers=self.auth, **kw)

    def post(self, url: str, **kw: Any) -> Any:
        return self.client.post(url, headers=self.auth, **kw)

    def patch(self, url: str, **kw: Any) -> Any:
        return self.client.patch(url, headers=self.auth, **kw)

    def delete(self, url: str, **kw: Any) -> Any:
        return self.client.delete(url, headers=self.auth, **kw)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def person(app: Flask, db: Database, name: str) -> Person:
    email = f"{name}@example.com"
    uid = create_account(db, email)
    return Person(uid, email, api_token(db, uid), app.test_client())


@pytest.fixture
def alice(app: Flask, db: Database) -> Person:
    return person(app, db, "alice")


@pytest.fixture
def bob(app: Flask, db: Database) -> Person:
    return person(app, db, "bob")
