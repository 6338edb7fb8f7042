"""Sign-up, sign-in, sign-out, one-time sign-in links and the account page (tokens, export,
delete). Every form carries the session's CSRF token."""

from __future__ import annotations

import secrets

import redis
from flask import (
    Blueprint,
    abort,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response

from planner.auth import accounts, credentials, csrf_token, fast_hash
from planner.auth.guard import limiter, safe_next
from planner.auth.ratelimit import RateLimited, anonymised
from planner.extensions import db_session
from planner.store import models as m

bp = Blueprint("auth", __name__, template_folder="templates")

Page = str | tuple[str, int] | tuple[str, int, dict[str, str]] | Response


def check_csrf() -> None:
    sent = request.form.get("csrf_token", "")
    if not sent or not secrets.compare_digest(sent, str(session.get("csrf", ""))):
        abort(400, "The form expired; reload the page and send it again.")


def start_session(owner_id: str) -> None:
    """Sign in: a new server-side session (the old id and CSRF token are dropped: no fixation)."""
    s = db_session()
    old = session.get("sid")
    if isinstance(old, str):
        credentials.revoke_secret(s, "session", old)
    session.clear()
    issued = credentials.issue(s, owner_id, "session", lifetime=credentials.SESSION_LIFETIME)
    s.commit()
    session["sid"] = issued.secret
    session.permanent = True
    csrf_token()


@bp.get("/sign-in")
def sign_in() -> Page:
    if g.get("owner_id"):
        return redirect(safe_next(request.args.get("next")), 303)
    return render_template("auth/sign_in.html", error=None, email="",
                           next=request.args.get("next", ""))


@bp.post("/sign-in")
def sign_in_post() -> Page:
    check_csrf()
    email = request.form.get("email", "").strip()[:320]
    nxt = request.form.get("next", "")
    lim, ip = limiter(), anonymised(request.remote_addr or "-")
    names = [f"signin:{anonymised(accounts.normalise_email(email))}", f"signin-ip:{ip}"]
    try:
        lim.failures([(names[0], lim.limits.sign_in_failures_per_account),
                      (names[1], lim.limits.sign_in_failures_per_ip)])
    except RateLimited as exc:
        minutes = (exc.retry_after + 59) // 60
        return _sign_in_error(email, nxt, f"Too many failed attempts; try again in {minutes} "
                              "minutes.", 429, {"Retry-After": str(exc.retry_after)})
    except redis.RedisError:
        return _sign_in_error(email, nxt, "Sign-in is paused: the rate limiter (Redis) cannot be "
                              "reached. Try again shortly.", 503)
    user = accounts.authenticate(db_session(), email, request.form.get("password", ""),
                                 fast_hash())
    if user is None:
        lim.fail(names)
        return _sign_in_error(email, nxt, "That email and password do not match an account.", 401)
    lim.forget(names[0])
    start_session(user.id)
    return redirect(safe_next(nxt), 303)


def _sign_in_error(email: str, nxt: str, message: str, status: int,
                   headers: dict[str, str] | None = None) -> Page:
    html = render_template("auth/sign_in.html", error=message, email=email, next=nxt)
    return html, status, headers or {}


@bp.get("/sign-up")
def sign_up() -> Page:
    return render_template("auth/sign_up.html", error=None, field=None, email="", name="")


@bp.post("/sign-up")
def sign_up_post() -> Page:
    check_csrf()
    email = request.form.get("email", "").strip()[:320]
    name = request.form.get("display_name", "").strip()[:200]
    lim = limiter()
    try:
        lim.hit([(f"signup:{anonymised(request.remote_addr or '-')}",
                  lim.limits.sign_ups_per_hour, 3600)])
    except RateLimited as exc:
        return (render_template("auth/sign_up.html", error="Too many new accounts from here; "
                                "try again later.", field=None, email=email, name=name), 429,
                {"Retry-After": str(exc.retry_after)})
    s = db_session()
    try:
        user = accounts.create_user(s, email, request.form.get("password", ""),
                                    display_name=name, fast_hash=fast_hash())
    except accounts.AccountError as exc:
        return render_template("auth/sign_up.html", error=f"{exc.field}: {exc.message}",
                               field=exc.field, email=email, name=name), 400
    s.commit()
    start_session(user.id)
    return redirect(url_for("web.index"), 303)


@bp.post("/sign-out")
def sign_out() -> Response:
    check_csrf()
    sid = session.get("sid")
    if isinstance(sid, str):
        credentials.revoke_secret(db_session(), "session", sid)
        db_session().commit()
    session.clear()
    return redirect(url_for("auth.sign_in"), 303)


@bp.get("/sign-in/link/<token>")
def link(token: str) -> Page:
    """A one-time link asks for a click first: a link previewer fetching it uses nothing up."""
    return render_template("auth/link.html", token=token)


@bp.post("/sign-in/link/<token>")
def link_post(token: str) -> Page:
    check_csrf()
    s = db_session()
    owner = credentials.consume(s, "link", token)
    s.commit()
    if owner is None:
        return render_template("auth/sign_in.html", email="", next="", error=(
            "That sign-in link was already used or has expired. Run `planner users link` "
            "for a new one, or sign in with your password.")), 400
    start_session(owner)
    return redirect(url_for("web.index"), 303)


@bp.get("/account")
def account() -> Page:
    return _account_page()


def _account_page(new_token: str | None = None, error: str | None = None,
                  status: int = 200) -> tuple[str, int]:
    s = db_session()
    user = s.get(m.User, g.owner_id)
    tokens = [credentials.public(t) for t in credentials.listed(s, g.owner_id)]
    return render_template("auth/account.html", user=user, tokens=tokens, new_token=new_token,
                           error=error), status


@bp.post("/account/tokens")
def create_token() -> Page:
    check_csrf()
    s = db_session()
    name = request.form.get("name", "").strip()[:100] or "API token"
    issued = credentials.issue(s, g.owner_id, "api", name, credentials.API_TOKEN_LIFETIME)
    s.commit()
    return _account_page(new_token=issued.secret, status=201)


@bp.post("/account/tokens/<token_id>/revoke")
def revoke_token(token_id: str) -> Page:
    check_csrf()
    s = db_session()
    if not credentials.revoke(s, g.owner_id, token_id):
        abort(404)
    s.commit()
    return redirect(url_for("auth.account"), 303)


@bp.post("/account/delete")
def delete_account() -> Page:
    """Delete the account and all its data; the password confirms it is really the person."""
    check_csrf()
    s = db_session()
    user = s.get(m.User, g.owner_id)
    password = request.form.get("password", "")
    if user is None or not user.email or accounts.authenticate(
            s, user.email, password, fast_hash()) is None:
        return _account_page(error="The password is not right; nothing was deleted.", status=400)
    accounts.delete_account(s, user.id)
    s.commit()
    session.clear()
    return render_template("auth/deleted.html")
