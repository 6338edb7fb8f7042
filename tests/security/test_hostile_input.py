"""Hostile input: sizes, types, encodings, nesting, control characters, markup, SQL strings,
upload names, user URLs; rate limits with Retry-After; security headers everywhere."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from planner.store import models as m
from planner.store.db import Database
from tests.security.conftest import KUBE, Person
from tests.security.helpers import ready_plan
from tests.support import form_csrf

TEXT_FIELDS = ("text", "company", "role", "job_description", "resume")


def rows(db: Database) -> int:
    with db.session() as s:
        return sum(s.scalar(select(func.count()).select_from(t)) or 0
                   for t in (m.Rejection, m.SkillGoal, m.Plan))


def test_deeply_nested_json_is_400_not_500(alice: Person, db: Database) -> None:
    deep = b"[" * 50_000 + b"]" * 50_000  # past Python's recursion limit
    resp = alice.post("/api/v1/feedback", data=b'{"text": "SQL", "company": ' + deep + b"}",
                      content_type="application/json")
    assert resp.status_code == 400 and rows(db) == 0
    # brackets inside a string are text, not nesting
    looks_deep = b'{"text": "SQL ' + b"[" * 50_000 + b'"}'
    assert alice.post("/api/v1/feedback", data=looks_deep,
                      content_type="application/json").status_code == 202


def test_nesting_limit_names_the_problem(alice: Person, db: Database) -> None:
    nested: Any = "x"
    for _ in range(30):
        nested = {"a": nested}
    resp = alice.post("/api/v1/goals/merge", json={"goal_ids": ["a", "b"], "label": nested})
    assert resp.status_code == 400 and "nested" in resp.get_json()["error"]["message"]


@pytest.mark.parametrize("raw", [
    b'{"text": "caf\xc3"}',            # truncated UTF-8
    b'{"text": "\xff\xfe"}',           # not UTF-8 at all
    b'\xef\xbb\xbf{"text": "bom"}',    # a byte-order mark is not JSON
    b'{"text": NaN}', b'{"text": "x", "hours_per_week": Infinity}',
    b'{"text": "x", "hours_per_week": 1e999}',
])
def test_invalid_utf8_and_non_json_numbers_are_400(alice: Person, db: Database,
                                                    raw: bytes) -> None:
    resp = alice.post("/api/v1/feedback", data=raw, content_type="application/json")
    assert resp.status_code == 400 and resp.get_json()["error"]["code"] == "invalid_json"
    assert rows(db) == 0


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("bad", ["a\x00b", "bell\x07", "esc\x1b[31m", "lone \ud800 surrogate"])
def test_control_characters_in_any_field_are_400_naming_it(alice: Person, db: Database,
                                                           field: str, bad: str) -> None:
    body = {"text": KUBE, field: bad}
    resp = alice.post("/api/v1/feedback", json=body)
    assert resp.status_code == 400, resp.get_data()[:300]
    assert field in resp.get_json()["error"]["message"]
    assert rows(db) == 0


def test_tabs_and_newlines_are_kept(alice: Person) -> None:
    resp = alice.post("/api/v1/feedback", json={"text": "Feedback:\n\tMore SQL.\r\nThanks"})
    assert resp.status_code == 202


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "application/json; charset=latin-1", "application/xml"])
def test_non_json_content_types_are_415(alice: Person, content_type: str) -> None:
    for url in ("/api/v1/feedback", "/api/v1/tokens", "/api/v1/goals/merge"):
        resp = alice.post(url, data=b'{"text": "x"}', content_type=content_type)
        assert resp.status_code == 415, (url, content_type)


def test_oversized_bodies_are_413_everywhere(alice: Person, client: FlaskClient) -> None:
    big = b'{"text": "' + b"a" * 1_100_000 + b'"}'
    assert alice.post("/api/v1/feedback", data=big,
                      content_type="application/json").status_code == 413
    assert alice.post("/api/v1/tokens", data=big,
                      content_type="application/json").status_code == 413
    form = client.post("/", data={"csrf_token": form_csrf(client, "/"), "text": "a" * 1_100_000})
    assert form.status_code == 413


def test_control_characters_in_address_and_form_never_reach_the_database(
        alice: Person, client: FlaskClient, db: Database) -> None:
    for url in ("/api/v1/plans/%00abc", "/api/v1/rejections/x%0d%0aSet-Cookie:a=b",
                "/api/v1/plans?x=%00"):
        assert alice.get(url).status_code == 400, url
    resp = client.post("/", data={"csrf_token": form_csrf(client, "/"), "text": KUBE,
                                  "company": "Acme\x00Corp"})
    assert resp.status_code == 400 and rows(db) == 0


SQL = ["'; DROP TABLE plans; --", "1' OR '1'='1", "\" OR 1=1 --", "Robert'); DELETE FROM users;--"]


@pytest.mark.parametrize("payload", SQL)
def test_sql_injection_strings_are_stored_verbatim(alice: Person, bob: Person, db: Database,
                                                   payload: str) -> None:
    resp = alice.post("/api/v1/feedback", json={"text": f"More SQL please. {payload}",
                                                "company": payload, "role": payload})
    assert resp.status_code == 202
    rej = alice.get(resp.get_json()["links"]["rejection"]).get_json()
    assert rej["company"] == payload and payload in rej["text"]
    for url in (f"/api/v1/plans/{payload}", f"/api/v1/rejections/{payload}",
                f"/api/v1/goals/{payload}"):
        got = bob.get(url) if "goals" not in url else bob.patch(url, json={"priority": 1})
        assert got.status_code == 404, url
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.User)) == 2


def test_markup_in_every_text_field_is_escaped_on_every_page(app: Flask, client: FlaskClient,
                                                             db: Database) -> None:
    xss = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'><svg onload=alert(3)>'
    plan_id = ready_plan(app, "local", f"They wanted more Kubernetes. {xss}", company=xss,
                         role=xss, job_description=f"Kubernetes {xss}", resume=xss)
    with db.session() as s:
        rej_id = s.scalar(select(m.Plan.rejection_id).where(m.Plan.id == plan_id))
    for url in (f"/plans/{plan_id}", f"/rejections/{rej_id}", "/history", "/account", "/"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html and "onerror=alert" not in html.replace(
            "onerror=alert(2)&gt;", ""), url
        assert "<svg onload" not in html and "<img src=x" not in html, url


def test_uploaded_file_names_with_path_tricks_are_never_paths(client: FlaskClient,
                                                              app: Flask) -> None:
    import io

    for name in ("../../../../etc/passwd.txt", "..\\..\\boot.ini.txt", "<b>x</b>.txt"):
        data = {"csrf_token": form_csrf(client, "/"),
                "file": (io.BytesIO(b"They wanted more SQL."), name)}
        resp = client.post("/", data=data, content_type="multipart/form-data")
        assert resp.status_code in (303, 400), (name, resp.status_code)
        assert "<b>x</b>" not in resp.get_data(as_text=True)
    assert not (app.extensions["planner"].settings.data_dir / "etc").exists()
    big = {"csrf_token": form_csrf(client, "/"),
           "file": (io.BytesIO(b"a" * 300_000), "big.txt")}
    resp = client.post("/", data=big, content_type="multipart/form-data")
    assert resp.status_code in (400, 413)


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        _Canary.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def canary() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Canary)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Canary.hits = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_no_url_supplied_by_a_person_is_fetched(app: Flask, client: FlaskClient,
                                                canary: str) -> None:
    fields = {f: f"Kubernetes, see {canary}/{f} and {canary}/{f}.txt" for f in TEXT_FIELDS}
    fields["company"] = fields["role"] = f"{canary}/short"
    resp = client.post("/api/v1/feedback", json=fields)
    assert resp.status_code == 202
    ready_plan(app, "local", fields["text"], job_description=fields["job_description"],
               resume=fields["resume"], company=f"{canary}/c")
    client.get(f"/plans/{resp.get_json()['plan_id']}")
    assert _Canary.hits == []


def test_rate_limit_answers_429_with_retry_after(app: Flask, alice: Person) -> None:
    from planner.auth.ratelimit import Limits

    app.extensions["planner.auth.limiter"].limits = Limits(user_per_minute=5)
    codes = [alice.get("/api/v1/plans").status_code for _ in range(7)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
    resp = alice.get("/api/v1/plans")
    assert resp.get_json()["error"]["code"] == "rate_limited"
    assert 0 < int(resp.headers["Retry-After"]) <= 60


def test_per_ip_and_write_limits(app: Flask, alice: Person, bob: Person) -> None:
    from planner.auth.ratelimit import Limits

    limiter = app.extensions["planner.auth.limiter"]
    limiter.limits = Limits(writes_per_minute=2)
    codes = [alice.post("/api/v1/feedback", json={"text": KUBE}).status_code for _ in range(3)]
    assert codes == [202, 202, 429]
    assert bob.post("/api/v1/feedback", json={"text": KUBE}).status_code == 202  # per person
    limiter.limits = Limits(ip_per_minute=3)
    codes = [c.get("/api/v1/plans").status_code for c in (alice, bob, alice, bob)]
    assert codes[-1] == 429  # same address, whoever signs in
    assert app.test_client().get("/healthz").status_code == 200  # probes are never limited


def test_security_headers_on_every_kind_of_response(client: FlaskClient, anon_client: Any,
                                                    alice: Person) -> None:
    responses = [client.get("/"), client.get("/api/v1/plans"), anon_client.get("/healthz"),
                 anon_client.get("/api/v1/plans"), anon_client.get("/sign-in"),
                 client.get("/nope"), alice.get("/api/v1/me/export"),
                 anon_client.get("/api/openapi.json")]
    for resp in responses:
        h = resp.headers
        assert h["X-Content-Type-Options"] == "nosniff"
        assert h["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in h[
            "Content-Security-Policy"]
        assert "unsafe-inline" not in h["Content-Security-Policy"]
        assert h["Referrer-Policy"] in ("same-origin", "no-referrer")
    assert client.get("/api/v1/plans").headers["Cache-Control"] == "no-store"
