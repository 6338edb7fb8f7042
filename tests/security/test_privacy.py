"""Take your data with you (export), delete it all (account deletion), and it is never logged."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.auth.accounts import owned_rows
from planner.store.db import Database
from tests.security.conftest import KUBE, Person
from tests.security.helpers import ready_plan
from tests.support import TEST_PASSWORD, form_csrf, sign_in


def test_export_has_everything_of_mine_and_nothing_secret(app: Flask, alice: Person,
                                                          bob: Person) -> None:
    plan_id = ready_plan(app, alice.id, KUBE, company="Acme", resume="My resume text")
    alice.post(f"/api/v1/plans/{plan_id}/feed")
    ready_plan(app, bob.id, "Bob needs more Rust.")
    resp = alice.get("/api/v1/me/export")
    assert resp.status_code == 200 and "attachment" in resp.headers["Content-Disposition"]
    data = resp.get_json()
    assert data["account"]["email"] == alice.email
    assert [r["text"] for r in data["rejections"]] == [KUBE]
    assert data["rejections"][0]["resume"] == "My resume text"
    assert data["rejections"][0]["goals"] and data["plans"][0]["roadmap"]["items"]
    assert data["plans"][0]["history"] and data["plans"][0]["feed_enabled"] is True
    assert [t["name"] for t in data["api_tokens"]] == ["test"]
    raw = resp.get_data(as_text=True)
    assert alice.token not in raw and "token_hash" not in raw and "password" not in raw
    assert "Rust" not in raw and bob.email not in raw


def test_delete_account_removes_every_row_and_signs_out(app: Flask, db: Database,
                                                        alice: Person, bob: Person) -> None:
    plan_id = ready_plan(app, alice.id, KUBE)
    alice.post(f"/api/v1/plans/{plan_id}/feed")
    ready_plan(app, bob.id, KUBE)
    with db.session() as s:
        assert owned_rows(s, alice.id) > 5
    wrong = alice.delete("/api/v1/me", json={"confirm": "someone@else.com"})
    assert wrong.status_code == 400
    assert alice.delete("/api/v1/me", json={"confirm": alice.email.upper()}).status_code == 204
    with db.session() as s:
        assert owned_rows(s, alice.id) == 0
        assert owned_rows(s, bob.id) > 5  # nobody else's data went with it
    assert alice.get("/api/v1/me").status_code == 401
    assert bob.get(f"/api/v1/plans/{plan_id}").status_code == 404


def test_delete_account_from_the_account_page_needs_the_password(
        app: Flask, db: Database, alice: Person) -> None:
    ready_plan(app, alice.id, KUBE)
    browser = app.test_client()
    assert sign_in(browser, alice.email).status_code == 303
    token = form_csrf(browser, "/account")
    assert browser.post("/account/delete", data={"csrf_token": token,
                                                 "password": "not it at all"}).status_code == 400
    resp = browser.post("/account/delete", data={"csrf_token": token, "password": TEST_PASSWORD})
    assert resp.status_code == 200 and "deleted" in resp.get_data(as_text=True)
    with db.session() as s:
        assert owned_rows(s, alice.id) == 0
    assert browser.get("/").status_code == 303  # signed out


def test_feedback_and_passwords_never_reach_the_logs(
        app: Flask, client: FlaskClient, alice: Person, caplog: pytest.LogCaptureFixture) -> None:
    secret = "Zanzibar-canary-7731 they wanted more Kubernetes"
    caplog.set_level(logging.DEBUG)
    alice.post("/api/v1/feedback", json={"text": secret, "company": secret, "resume": secret})
    alice.post("/api/v1/feedback", json={"text": secret, "hours_per_week": 900})  # invalid
    alice.post("/api/v1/feedback", json={"text": secret + "\x00"})
    client.post("/", data={"csrf_token": form_csrf(client, "/"), "text": secret})
    sign_in(app.test_client(), alice.email, "Zanzibar-canary-7731 wrong password")
    ready_plan(app, alice.id, secret)
    logged = "\n".join(r.getMessage() + str(r.args) for r in caplog.records)
    assert caplog.records  # something was logged, so the check means something
    assert "Zanzibar" not in logged


def test_sign_up_page_and_account_page_work_for_a_person(anon_client: FlaskClient) -> None:
    token = form_csrf(anon_client, "/sign-up")
    resp = anon_client.post("/sign-up", data={"csrf_token": token, "email": "p@example.com",
                                              "password": "my own long password"})
    assert resp.status_code == 303
    page = anon_client.get("/account").get_data(as_text=True)
    assert "p@example.com" in page and "Download everything" in page
    made = anon_client.post("/account/tokens", data={"csrf_token": form_csrf(anon_client, "/"),
                                                     "name": "laptop"})
    assert made.status_code == 201
    secret: Any = made.get_data(as_text=True).split('class="token">', 1)[1].split("<", 1)[0]
    assert secret.startswith("spk_")
    api = anon_client.application.test_client()
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).get_json()[
        "email"] == "p@example.com"


def test_an_unexpected_error_logs_where_not_what(app: Flask, db: Database,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    from tests.security.conftest import person

    said = "INSERT ... [parameters: ('Zanzibar-canary feedback text',)]"

    def boom() -> str:
        raise RuntimeError(said)  # as SQLAlchemy's errors quote their parameters

    app.add_url_rule("/api/v1/boom", "boom", boom)
    alice = person(app, db, "alice")
    caplog.set_level(logging.INFO)
    resp = alice.get("/api/v1/boom")
    assert resp.status_code == 500 and resp.get_json()["error"]["code"] == "internal_error"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and "boom" in logged
    assert "Zanzibar" not in logged and "Zanzibar" not in resp.get_data(as_text=True)
