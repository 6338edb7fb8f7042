"""Secrets handed to people (API tokens, session ids, sign-in links); only their hashes are kept."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from planner.readcache import ReadCache, mark
from planner.store.accounts import AuthToken
from planner.store.models import utcnow

API_PREFIX = "spk_"
SESSION_LIFETIME = timedelta(days=14)
# API tokens expire unless the person picks another lifetime (1 to 3650 days).
API_TOKEN_LIFETIME = timedelta(days=90)
LINK_LIFETIME = timedelta(minutes=15)
# last_used_at is refreshed at most this often, so that reads do not turn into writes.
TOUCH_EVERY = timedelta(minutes=5)
MAX_TOKEN_CHARS = 200


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class Issued:
    """A freshly made credential: ``secret`` is shown once and never stored."""

    row: AuthToken
    secret: str


def issue(s: Session, owner_id: str, kind: str, name: str = "",
          lifetime: timedelta | None = None) -> Issued:
    secret = (API_PREFIX if kind == "api" else "") + secrets.token_urlsafe(32)
    row = AuthToken(owner_id=owner_id, kind=kind, name=name[:100], token_hash=digest(secret),
                    prefix=secret[:10] if kind == "api" else "",
                    expires_at=utcnow() + lifetime if lifetime else None)
    s.add(row)
    s.flush()
    return Issued(row, secret)


@dataclass(frozen=True)
class Found:
    id: str
    owner_id: str
    stale: bool  # last use older than TOUCH_EVERY: worth recording


def find(s: Session, kind: str, secret: str, cache: ReadCache | None = None) -> Found | None:
    """The live credential of ``kind`` with this secret, or None (unknown, expired, wrong kind).

    With ``cache``, API tokens are looked up in Redis first and remembered there on a miss
    (see planner.readcache); revocations invalidate them.
    """
    if not secret or len(secret) > MAX_TOKEN_CHARS:
        return None
    hashed = digest(secret)
    gen = None
    if cache is not None and kind == "api":
        hit, gen = cache.token(hashed)
        if hit is not None:
            return Found(hit.id, hit.owner_id, stale=False)
    row = s.execute(
        select(AuthToken.id, AuthToken.owner_id, AuthToken.expires_at, AuthToken.last_used_at)
        .where(AuthToken.token_hash == hashed, AuthToken.kind == kind)
    ).first()
    if row is None:
        return None
    now = utcnow()
    if row.expires_at is not None and row.expires_at <= now:
        return None
    if cache is not None and gen is not None:
        expires = row.expires_at.replace(tzinfo=UTC).timestamp() if row.expires_at else None
        cache.keep_token(hashed, row.id, row.owner_id, expires, gen)
    return Found(row.id, row.owner_id, row.last_used_at is None
                 or row.last_used_at < now - TOUCH_EVERY)


def touch(s: Session, token_id: str, slide: timedelta | None = None) -> None:
    """Record a use; ``slide`` pushes the expiry out (sessions stay alive while used)."""
    now = utcnow()
    values: dict[str, datetime] = {"last_used_at": now}
    if slide is not None:
        values["expires_at"] = now + slide
    s.execute(update(AuthToken).where(AuthToken.id == token_id).values(**values))


def consume(s: Session, kind: str, secret: str) -> str | None:
    """Use a single-use credential: its owner, and it is gone (a second use finds nothing)."""
    found = find(s, kind, secret)
    if found is None:
        return None
    gone = s.execute(delete(AuthToken).where(AuthToken.id == found.id)).rowcount
    return found.owner_id if gone == 1 else None


def revoke(s: Session, owner_id: str, token_id: str, kind: str = "api") -> bool:
    gone = s.execute(delete(AuthToken).where(
        AuthToken.id == token_id, AuthToken.owner_id == owner_id, AuthToken.kind == kind)).rowcount
    mark(s, tokens=kind == "api")
    return bool(gone)


def revoke_secret(s: Session, kind: str, secret: str) -> None:
    s.execute(delete(AuthToken).where(AuthToken.token_hash == digest(secret),
                                      AuthToken.kind == kind))
    mark(s, tokens=kind == "api")


def listed(s: Session, owner_id: str, kind: str = "api") -> list[AuthToken]:
    return list(s.scalars(select(AuthToken).where(
        AuthToken.owner_id == owner_id, AuthToken.kind == kind).order_by(AuthToken.created_at)))


def public(t: AuthToken) -> dict[str, object]:
    """A token as shown to its owner: never the hash."""
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return {"id": t.id, "name": t.name, "prefix": t.prefix, "created_at": iso(t.created_at),
            "last_used_at": iso(t.last_used_at), "expires_at": iso(t.expires_at)}
