"""Server-rendered pages without a browser: forms, escaping, errors."""

from __future__ import annotations

import re

from flask.testing import FlaskClient


def csrf(client: FlaskClient) -> str:
    html = client.get("/").get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match
    return match.group(1)


def test_new_plan_form_posts_and_redirects_to_the_plan(client: FlaskClient) -> None:
    token = csrf(client)
    resp = client.post("/", data={"csrf_token": token, "text": "They wanted stronger SQL skills.",
                                  "hours_per_week": "4"})
    assert resp.status_code == 303
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Your plan" in page and "SQL" in page


def test_form_without_csrf_token_is_refused(client: FlaskClient) -> None:
    resp = client.post("/", data={"text": "They wanted stronger SQL skills."})
    assert resp.status_code == 400


def test_form_errors_are_shown_and_input_kept(client: FlaskClient) -> None:
    token = csrf(client)
    resp = client.post("/", data={"csrf_token": token, "text": "  ", "company": "Acme"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400 and "cannot be empty" in html and 'value="Acme"' in html
    resp = client.post("/", data={"csrf_token": token, "text": "SQL", "hours_per_week": "500"})
    assert resp.status_code == 400 and "between 1 and 60" in resp.get_data(as_text=True)


def test_user_text_is_escaped(client: FlaskClient) -> None:
    token = csrf(client)
    payload = "<script>alert(1)</script> They wanted more SQL."
    resp = client.post("/", data={"csrf_token": token, "text": payload})
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_unknown_plan_page_is_404(client: FlaskClient) -> None:
    assert client.get("/plans/does-not-exist").status_code == 404
