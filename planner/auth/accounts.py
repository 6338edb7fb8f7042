"""Account use cases: sign up, authenticate, the local account, export and delete all data."""

from __future__ import annotations

import re
import secrets
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from planner.auth import credentials, passwords
from planner.readcache import mark
from planner.store import models as m
from planner.store.accounts import AuthToken

LOCAL_USER_ID = "local"  # the id planner.service.local_owner uses
LOCAL_EMAIL = "local@localhost"
_EMAIL = re.compile(r"^[^@\s\x00-\x1f\x7f]{1,64}@[^@\s\x00-\x1f\x7f]{1,255}$")


class AccountError(ValueError):
    """A sign-up or change the person can fix; ``field`` names the form field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def normalise_email(raw: str) -> str:
    return raw.strip().lower()


def create_user(s: Session, email: str, password: str, *, display_name: str = "",
                fast_hash: bool = False, user_id: str | None = None) -> m.User:
    """A new account; raises AccountError naming the field that is wrong."""
    email = normalise_email(email)
    if len(email) > 320 or not _EMAIL.match(email):
        raise AccountError("email", "enter an email address like you@example.com")
    why = passwords.problem(password, email)
    if why:
        raise AccountError("password", why)
    if by_email(s, email) is not None:
        raise AccountError("email", "this email cannot be used here; sign in if it is yours")
    user = m.User(email=email, display_name=display_name.strip()[:200],
                  password_hash=passwords.hash_password(password, fast_hash))
    if user_id:
        user.id = user_id
    s.add(user)
    s.flush()
    return user


def by_email(s: Session, email: str) -> m.User | None:
    return s.scalar(select(m.User).where(m.User.email == normalise_email(email)))


def authenticate(s: Session, email: str, password: str, fast_hash: bool = False) -> m.User | None:
    """The account if the password matches; the same work is done when the email is unknown."""
    user = by_email(s, email) if len(email) <= 320 else None
    if not passwords.verify(user.password_hash if user else None, password[:2048], fast_hash):
        return None
    assert user is not None and user.password_hash
    if passwords.needs_rehash(user.password_hash, fast_hash):
        user.password_hash = passwords.hash_password(password, fast_hash)
    return user


def set_password(s: Session, user: m.User, password: str, fast_hash: bool = False) -> None:
    why = passwords.problem(password, user.email or "")
    if why:
        raise AccountError("password", why)
    user.password_hash = passwords.hash_password(password, fast_hash)
    # A new password ends every other way in: sessions, links and API tokens stay valid only
    # when the person re-creates them.
    s.execute(delete(AuthToken).where(AuthToken.owner_id == user.id,
                                      AuthToken.kind.in_(("session", "link"))))


def ensure_local_account(s: Session) -> tuple[m.User, str | None]:
    """The local account of an embedded install, and its new password the first time (else None).

    The user row may already exist without credentials (made by ``planner plan``); it then gets
    an email and a generated password, printed once by ``planner run``.
    """
    user = s.get(m.User, LOCAL_USER_ID)
    if user is None:
        user = m.User(id=LOCAL_USER_ID, display_name="Local user")
        s.add(user)
    if user.password_hash:
        return user, None
    if user.email is None and by_email(s, LOCAL_EMAIL) is None:
        user.email = LOCAL_EMAIL
    password = secrets.token_urlsafe(12)
    user.password_hash = passwords.hash_password(password)
    s.flush()
    return user, password


def export(s: Session, owner_id: str) -> dict[str, Any]:
    """Everything stored about a person, as JSON-ready data (secrets only as metadata)."""
    from planner.api import serialize

    user = s.get(m.User, owner_id)
    assert user is not None
    rejections = s.scalars(select(m.Rejection).where(m.Rejection.owner_id == owner_id)
                           .order_by(m.Rejection.created_at))
    plans = s.scalars(select(m.Plan).where(m.Plan.owner_id == owner_id)
                      .order_by(m.Plan.created_at))
    return {
        "format": "skill-planner-export/1",
        "account": {"id": user.id, "email": user.email, "display_name": user.display_name,
                    "created_at": user.created_at.isoformat()},
        "rejections": [{**serialize.rejection(r), "job_description": r.job_description,
                        "resume": r.resume} for r in rejections],
        "plans": [{**serialize.plan(p), "feed_enabled": p.feed_token is not None,
                   "history": [{**serialize.item(i), "revision": i.revision} for i in p.items]}
                  for p in plans],
        "api_tokens": [credentials.public(t) for t in credentials.listed(s, owner_id)],
    }


def delete_account(s: Session, owner_id: str) -> dict[str, int]:
    """Delete the person and every row that is theirs; returns how many rows went, by table.

    Rows are deleted explicitly, children first, so that nothing depends on the database
    enforcing ON DELETE CASCADE. Shared provider resources are public data and stay.
    """
    # Cached copies (planner.readcache) of their plans and tokens go when this commits.
    mark(s, s.scalars(select(m.Plan.id).where(m.Plan.owner_id == owner_id)), tokens=True)
    plan_ids = select(m.Plan.id).where(m.Plan.owner_id == owner_id).scalar_subquery()
    counts: dict[str, int] = {}
    for table, cond in (
        (m.RoadmapItem, m.RoadmapItem.owner_id == owner_id),
        (m.PlanResource, m.PlanResource.plan_id.in_(plan_ids)),
        (m.ProviderRun, m.ProviderRun.plan_id.in_(plan_ids)),
        (m.Plan, m.Plan.owner_id == owner_id),
        (m.SkillGoal, m.SkillGoal.owner_id == owner_id),
        (m.Rejection, m.Rejection.owner_id == owner_id),
        (AuthToken, AuthToken.owner_id == owner_id),
        (m.User, m.User.id == owner_id),
    ):
        counts[table.__tablename__] = s.execute(delete(table).where(cond)).rowcount
    return counts


def owned_rows(s: Session, owner_id: str) -> int:
    """How many rows still name ``owner_id`` (0 after delete_account)."""
    total = 0
    for table in (m.RoadmapItem, m.Plan, m.SkillGoal, m.Rejection, AuthToken):
        total += s.scalar(select(func.count()).select_from(table)
                          .where(table.owner_id == owner_id)) or 0
    return total + (s.scalar(select(func.count()).select_from(m.User)
                             .where(m.User.id == owner_id)) or 0)
