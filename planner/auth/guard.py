"""Every request: refuse hostile input, find who is asking, rate-limit, then require sign-in."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Response, abort, current_app, g, redirect, request, session, url_for

from planner.api.errors import error_response
from planner.auth import credentials
from planner.auth.ratelimit import Limiter, RateLimited, anonymised
from planner.extensions import db_session, read_cache

# Reachable without signing in. Calendar feeds carry their own unguessable token.
PUBLIC = frozenset({
    "ops.healthz", "ops.readyz", "docs.openapi_json", "docs.docs_page", "static", "web.static",
    "api.feed", "auth.sign_in", "auth.sign_in_post", "auth.sign_up", "auth.sign_up_post",
    "auth.link", "auth.link_post", "metrics.metrics",
})
# Probes, the metrics scrape and static files: no identity, no rate limit. /metrics holds counts
# only (no personal data); keep it off the public internet at the proxy, as with any scrape target.
UNCOUNTED = frozenset({"ops.healthz", "ops.readyz", "metrics.metrics", "static", "web.static"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # tab, newline, CR allowed


def limiter() -> Limiter:
    lim: Limiter = current_app.extensions["planner.auth.limiter"]
    return lim


def before_request() -> Response | None:
    refuse_hostile_input()
    endpoint = request.endpoint or ""
    if endpoint in UNCOUNTED:
        return None
    resolve_owner()
    try:
        count_request()
    except RateLimited as exc:
        return too_many(exc)
    if endpoint and endpoint not in PUBLIC and g.owner_id is None:
        return unauthenticated()
    if g.get("auth_via") == "session" and request.method not in SAFE_METHODS and cross_site():
        return refuse(403, "cross_site", "Cross-site requests cannot use your session.")
    return None


def refuse_hostile_input() -> None:
    """Control characters in the path, query or form never reach a view (or a database)."""
    if _CONTROL.search(request.path) or any(
        _CONTROL.search(k) or _CONTROL.search(v) for k, v in request.args.items(multi=True)
    ):
        abort(400, "The address contains control characters.")
    if request.method not in SAFE_METHODS and request.mimetype in (
        "application/x-www-form-urlencoded", "multipart/form-data"
    ):
        for key, value in request.form.items(multi=True):
            if _CONTROL.search(key) or _CONTROL_TEXT.search(value):
                abort(400, f"The field {key[:40]!r} contains control characters; "
                           "paste plain text.")


def resolve_owner() -> None:
    """g.owner_id from a Bearer token (API) or the session cookie (pages), else None."""
    g.owner_id, g.auth_via = None, None
    header = request.headers.get("Authorization")
    if header is not None:
        scheme, _, secret = header.strip().partition(" ")
        found = credentials.find(db_session(), "api", secret.strip(), read_cache()) if (
            scheme.lower() == "bearer") else None
        if found is not None:
            g.owner_id, g.auth_via = found.owner_id, "token"
            _touch(found)
        else:
            g.auth_error = True
        return
    sid = session.get("sid")
    if isinstance(sid, str):
        found = credentials.find(db_session(), "session", sid)
        if found is None:
            session.pop("sid", None)
            return
        g.owner_id, g.auth_via, g.session_token_id = found.owner_id, "session", found.id
        _touch(found, credentials.SESSION_LIFETIME)


def _touch(found: credentials.Found, slide: object = None) -> None:
    if not found.stale:
        return
    s = db_session()
    credentials.touch(s, found.id, slide)  # type: ignore[arg-type]
    s.commit()


def count_request() -> None:
    lim = limiter()
    checks = [(f"ip:{anonymised(request.remote_addr or '-')}", lim.limits.ip_per_minute, 60)]
    if g.owner_id is not None:
        checks.append((f"user:{g.owner_id}", lim.limits.user_per_minute, 60))
    if request.method not in SAFE_METHODS:
        who = g.owner_id or anonymised(request.remote_addr or "-")
        checks.append((f"writes:{who}", lim.limits.writes_per_minute, 60))
    lim.hit(checks)


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def refuse(status: int, code: str, message: str, headers: dict[str, str] | None = None
           ) -> Response:
    if wants_json():
        resp = error_response(status, code, message)
    else:
        resp = Response(message, status=status, mimetype="text/plain")
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def too_many(exc: RateLimited) -> Response:
    return refuse(429, "rate_limited",
                  f"Too many requests ({exc.scope}); try again in {exc.retry_after} seconds.",
                  {"Retry-After": str(exc.retry_after)})


def unauthenticated() -> Response:
    if wants_json():
        if g.get("auth_error"):
            return refuse(401, "invalid_token",
                          "The API token is unknown, revoked or expired; create a new one at "
                          "/account or with `planner users token`.",
                          {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        return refuse(401, "unauthorized",
                      "Sign in first: send 'Authorization: Bearer <token>' (create a token at "
                      "/account or with `planner users token EMAIL`).",
                      {"WWW-Authenticate": "Bearer"})
    target = request.full_path if request.method == "GET" else request.path
    return redirect(url_for("auth.sign_in", next=target.rstrip("?")), 303)  # type: ignore[return-value]


def cross_site() -> bool:
    """A state-changing request whose browser says it came from another site."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:  # modern browsers say it outright; it cannot be set by page script
        return site == "cross-site"
    origin = request.headers.get("Origin")  # older browsers: compare the origin with our host
    return bool(origin) and urlsplit(origin).netloc != request.host


def safe_next(target: str | None) -> str:
    """Only same-site paths are followed after sign-in (no open redirects)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")) \
            or _CONTROL.search(target):
        return url_for("web.index")
    return target
