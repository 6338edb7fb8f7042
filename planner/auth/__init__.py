"""Accounts and isolation: who is asking (session cookie or API token), sign-in pages,
API tokens, export and deletion, rate limits, hostile-input refusal and security headers."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask, g, session

from planner.config import Settings

DEV_SECRET = Settings.__dataclass_fields__["secret_key"].default


def init_app(app: Flask) -> None:
    """Bind auth to the app: cookie settings, hooks, limiter, blueprints, template helpers."""
    from planner.auth import api, guard, headers, pages
    from planner.auth.ratelimit import Limiter, Limits
    from planner.extensions import KEY, READ_CACHE
    from planner.readcache import ReadCache

    cfg: Settings = app.extensions[KEY].settings
    secure = cfg.base_url.startswith("https://")
    # Behind https (PLANNER_BASE_URL) the cookie is Secure and __Host- prefixed (no Domain).
    app.config["SESSION_COOKIE_SECURE"] = secure or bool(app.config.get("SESSION_COOKIE_SECURE"))
    app.config.update(
        SESSION_COOKIE_NAME="__Host-planner" if app.config["SESSION_COOKIE_SECURE"]
        else "planner_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(days=14),
    )
    if app.secret_key == DEV_SECRET and not app.testing:
        app.secret_key = _persistent_secret(cfg.data_dir)
    prefix = app.config.get("RATE_LIMIT_PREFIX") or f"planner:{cfg.queue}:rl:"
    limiter = Limiter(cfg.effective_redis_url, prefix, Limits.load(app.config.get("RATE_LIMITS")))
    app.extensions["planner.auth.limiter"] = limiter
    # Tokens and finished plans read from Redis (the limiter's connections); invalidated by this
    # app's commits.
    cache = ReadCache.for_settings(cfg, limiter.redis)
    cache.watch(app.extensions[KEY].db)
    app.extensions[READ_CACHE] = cache
    app.before_request(guard.before_request)
    app.after_request(headers.after_request)
    app.context_processor(_template_helpers)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)


def fast_hash() -> bool:
    """True only under the test suite's flag: a cheap scrypt factor to keep tests fast."""
    from flask import current_app

    return bool(current_app.config.get("AUTH_FAST_HASH_FOR_TESTS"))


def csrf_token() -> str:
    """The session's CSRF token (the same one the pages blueprint uses)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


def _template_helpers() -> dict[str, Any]:
    def account() -> Any:
        from planner.extensions import db_session
        from planner.store import models as m

        owner = g.get("owner_id")
        return db_session().get(m.User, owner) if owner else None

    return {"account": account, "account_csrf_token": csrf_token}


def _persistent_secret(data_dir: Path) -> str:
    """No PLANNER_SECRET_KEY: use one generated once and kept (0600) in the data dir, so the
    embedded default never signs cookies with the public development key."""
    path = data_dir / "secret_key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        tmp = data_dir / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(48))
        try:
            os.link(tmp, path)  # atomic: when two processes race, both end up with the winner's
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text().strip()
