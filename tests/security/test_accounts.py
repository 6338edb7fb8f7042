"""Sign-up, sign-in, sign-out, sessions, CSRF, throttling, API tokens, one-time links."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from planner.auth import passwords
from planner.store import models as m
from planner.store.accounts import AuthToken
from planner.store.db import Database
from tests.security.conftest import KUBE, Person
from tests.support import TEST_PASSWORD, create_account, form_csrf, sign_in


def sign_up(client: FlaskClient, email: str, password: str = TEST_PASSWORD) -> Any:
    return client.post("/sign-up", data={"csrf_token": form_csrf(client, "/sign-up"),
                                         "email": email, "password": password})


def test_sign_up_stores_a_scrypt_hash_and_signs_in(anon_client: FlaskClient,
                                                   db: Database) -> None:
    resp = sign_up(anon_client, "New.Person@Example.com")
    assert resp.status_code == 303
    with db.session() as s:
        user = s.scalar(select(m.User).where(m.User.email == "new.person@example.com"))
        assert user is not None and user.password_hash
        assert user.password_hash.startswith("scrypt:") and TEST_PASSWORD not in user.password_hash
    assert anon_client.get("/api/v1/me").get_json()["email"] == "new.person@example.com"


def test_production_hash_is_full_strength_and_test_factor_only_by_flag() -> None:
    assert passwords.METHOD == "scrypt:32768:8:1"
    assert passwords.hash_password("x" * 12).startswith("scrypt:32768:8:1$")
    assert passwords.hash_password("x" * 12, fast=True).startswith(passwords.TEST_METHOD + "$")
    assert passwords.needs_rehash(passwords.hash_password("x" * 12, fast=True))


@pytest.mark.parametrize(("email", "password", "field"), [
    ("not-an-email", TEST_PASSWORD, "email"),
    ("a@b.example", "short", "password"),
    ("me@example.com", "me@example.com", "password"),
])
def test_sign_up_refuses_bad_input(anon_client: FlaskClient, email: str, password: str,
                                   field: str) -> None:
    resp = sign_up(anon_client, email, password)
    assert resp.status_code == 400 and f"{field}:" in resp.get_data(as_text=True)


def test_duplicate_email_is_refused(anon_client: FlaskClient, db: Database) -> None:
    create_account(db, "taken@example.com")
    assert sign_up(anon_client, "TAKEN@example.com").status_code == 400


def test_session_cookie_is_httponly_samesite_and_rotated_on_sign_in(
        anon_client: FlaskClient, db: Database) -> None:
    create_account(db, "c@example.com")
    before = form_csrf(anon_client)
    resp = sign_in(anon_client, "c@example.com")
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    after = form_csrf(anon_client, "/")
    assert before != after  # a new session (and CSRF token) after sign-in: no fixation


def test_session_cookie_is_secure_behind_https(settings: Any, db: Database) -> None:
    from dataclasses import replace

    from planner import create_app

    app = create_app({"SETTINGS": replace(settings, base_url="https://plans.example"),
                      "TESTING": True, "AUTH_FAST_HASH_FOR_TESTS": True})
    try:
        create_account(db, "s@example.com")
        c = app.test_client()
        cookie = sign_in(c, "s@example.com").headers["Set-Cookie"]
        assert cookie.startswith("__Host-planner=") and "Secure" in cookie
        assert "Strict-Transport-Security" in c.get("/healthz").headers
    finally:
        app.extensions["planner"].db.dispose()


def test_wrong_password_and_unknown_email_look_the_same(anon_client: FlaskClient,
                                                        db: Database) -> None:
    create_account(db, "d@example.com")
    wrong = sign_in(anon_client, "d@example.com", "wrong password!")
    unknown = sign_in(anon_client, "nobody@example.com", "wrong password!")
    assert wrong.status_code == unknown.status_code == 401
    msg = re.compile(r'role="alert"><p>([^<]+)</p>')
    assert msg.search(wrong.get_data(as_text=True)).group(1) == msg.search(  # type: ignore[union-attr]
        unknown.get_data(as_text=True)).group(1)


def test_sign_in_is_throttled_per_account_in_redis(anon_client: FlaskClient, app: Flask,
                                                   db: Database) -> None:
    create_account(db, "e@example.com")
    limit = app.extensions["planner.auth.limiter"].limits.sign_in_failures_per_account
    for _ in range(limit):
        assert sign_in(anon_client, "e@example.com", "guess guess guess").status_code == 401
    blocked = sign_in(anon_client, "e@example.com")  # even the right password waits now
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    # another account from elsewhere is not affected
    create_account(db, "f@example.com")
    assert sign_in(app.test_client(), "f@example.com").status_code == 303


def test_forms_need_the_csrf_token(anon_client: FlaskClient, client: FlaskClient,
                                   db: Database) -> None:
    create_account(db, "g@example.com")
    resp = anon_client.post("/sign-in", data={"email": "g@example.com",
                                              "password": TEST_PASSWORD})
    assert resp.status_code == 400
    for url in ("/sign-out", "/account/tokens", "/account/delete", "/"):
        assert client.post(url, data={"csrf_token": "forged"}).status_code == 400, url
    assert client.get("/api/v1/me").status_code == 200  # still signed in


def test_sign_out_ends_the_session_server_side(client: FlaskClient, db: Database) -> None:
    stolen = client.get_cookie("planner_session")
    assert stolen is not None
    token = form_csrf(client, "/")
    assert client.post("/sign-out", data={"csrf_token": token}).status_code == 303
    assert client.get("/api/v1/me").status_code == 401
    replay = client.application.test_client()
    replay.set_cookie("planner_session", stolen.value)
    assert replay.get("/api/v1/me").status_code == 401  # the old cookie is worthless now
    with db.session() as s:
        assert s.scalars(select(AuthToken).where(AuthToken.kind == "session")).all() == []


def test_cross_site_request_with_the_session_cookie_is_refused(client: FlaskClient) -> None:
    resp = client.post("/api/v1/feedback", json={"text": KUBE},
                       headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
    assert resp.status_code == 403
    old_browser = client.post("/api/v1/feedback", json={"text": KUBE},
                              headers={"Origin": "https://evil.example"})
    assert old_browser.status_code == 403
    ok = client.post("/api/v1/feedback", json={"text": KUBE},
                     headers={"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"})
    assert ok.status_code == 202
    private = client.post("/api/v1/feedback", json={"text": KUBE},
                          headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert private.status_code == 202


def test_next_after_sign_in_stays_on_this_site(anon_client: FlaskClient, db: Database) -> None:
    create_account(db, "h@example.com")
    for target, expected in (("/history", "/history"), ("//evil.example/x", "/"),
                             ("https://evil.example", "/"), ("/\\evil.example", "/")):
        c = anon_client.application.test_client()
        resp = c.post("/sign-in", data={"csrf_token": form_csrf(c), "email": "h@example.com",
                                        "password": TEST_PASSWORD, "next": target})
        assert resp.headers["Location"] == expected, target


def test_api_tokens_create_list_revoke_and_are_stored_hashed(alice: Person, db: Database) -> None:
    created = alice.post("/api/v1/tokens", json={"name": "ci", "expires_in_days": 7})
    assert created.status_code == 201
    body = created.get_json()
    secret = body["token"]
    assert secret.startswith("spk_") and body["prefix"] == secret[:10] and body["expires_at"]
    listed = alice.get("/api/v1/tokens").get_json()["tokens"]
    assert {t["name"] for t in listed} == {"test", "ci"} and all("token" not in t for t in listed)
    with db.session() as s:
        hashes = s.scalars(select(AuthToken.token_hash)).all()
    assert secret not in hashes and all(len(h) == 64 for h in hashes)
    other = alice.client.application.test_client()
    assert other.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    assert alice.delete(f"/api/v1/tokens/{body['id']}").status_code == 204
    assert other.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_expired_token_is_refused(alice: Person, db: Database) -> None:
    from datetime import timedelta

    from planner.store.models import utcnow

    with db.session() as s:
        row = s.scalar(select(AuthToken).where(AuthToken.owner_id == alice.id))
        row.expires_at = utcnow() - timedelta(seconds=1)
    assert alice.get("/api/v1/me").status_code == 401


def test_one_time_sign_in_link_works_once(app: Flask, anon_client: FlaskClient,
                                          db: Database) -> None:
    from planner.cli.accounts import sign_in_link

    uid = create_account(db, "link@example.com")
    with db.session() as s:
        link = sign_in_link(s, uid, "http://localhost:8000")
    path = link.removeprefix("http://localhost:8000")
    assert anon_client.get(path).status_code == 200  # a preview fetch uses nothing up
    token = form_csrf(anon_client, path)
    assert anon_client.post(path, data={"csrf_token": token}).status_code == 303
    assert anon_client.get("/api/v1/me").get_json()["id"] == uid
    again = app.test_client()
    assert again.post(path, data={"csrf_token": form_csrf(again, path)}).status_code == 400


def test_planner_run_announces_the_local_account_once(settings: Any, db: Database,
                                                      capsys: Any) -> None:
    from planner.cli.accounts import announce_local_sign_in

    announce_local_sign_in(settings, "http://127.0.0.1:8000")
    first = capsys.readouterr().out
    password = re.search(r"password: (\S+)", first).group(1)  # type: ignore[union-attr]
    assert "http://127.0.0.1:8000/sign-in/link/" in first
    announce_local_sign_in(settings, "http://127.0.0.1:8000")
    second = capsys.readouterr().out
    assert "password" not in second.split("\n")[1] and "/sign-in/link/" in second
    with db.session() as s:
        user = s.get(m.User, "local")
        assert user is not None and user.email == "local@localhost"
        assert user.password_hash.startswith(passwords.METHOD + "$")  # full strength
        assert passwords.verify(user.password_hash, password)


def test_users_cli_creates_accounts_and_tokens(settings: Any, db: Database) -> None:
    from click.testing import CliRunner

    from planner.cli import main
    from tests.conftest import worker_env

    env = worker_env(settings)
    runner = CliRunner()
    out = runner.invoke(main, ["users", "create", "cli@example.com", "--password",
                               "a long enough password"], env=env)
    assert out.exit_code == 0, out.output
    token = runner.invoke(main, ["users", "token", "cli@example.com"], env=env)
    assert token.exit_code == 0 and token.output.strip().startswith("spk_")
    bad = runner.invoke(main, ["users", "token", "nobody@example.com"], env=env)
    assert bad.exit_code != 0 and "No account" in bad.output
