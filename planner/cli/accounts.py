"""`planner users`: create accounts, one-time sign-in links, API tokens; and the local account
that `planner run` announces."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.config import Settings


@contextmanager
def _session(settings: Settings | None = None) -> Iterator[Session]:
    from planner.readcache import ReadCache
    from planner.store.db import Database, migration_state

    settings = settings or Settings.from_env()
    db = Database(settings.database_url)
    # Revoking a token or deleting an account here reaches the running service's read cache.
    ReadCache.for_settings(settings).watch(db)
    try:
        current, head = migration_state(db.engine)
        if current != head:
            raise click.ClickException(
                "The database is not migrated: run `planner db upgrade` (or `make run`) first.")
        with db.session() as s:
            yield s
    finally:
        db.dispose()


def _user(s: Session, email: str) -> object:
    from planner.auth.accounts import by_email

    user = by_email(s, email)
    if user is None:
        raise click.ClickException(f"No account with the email {email!r}.")
    return user


def sign_in_link(s: Session, owner_id: str, base_url: str) -> str:
    from planner.auth import credentials

    issued = credentials.issue(s, owner_id, "link", lifetime=credentials.LINK_LIFETIME)
    return f"{base_url.rstrip('/')}/sign-in/link/{issued.secret}"


def announce_local_sign_in(settings: Settings, base_url: str) -> None:
    """Make sure the local account exists and print how to sign in: a one-time link every run,
    and the generated password the first time only."""
    from planner.auth.accounts import ensure_local_account

    with _session(settings) as s:
        user, password = ensure_local_account(s)
        link = sign_in_link(s, user.id, base_url)
        email = user.email
    click.echo(f"Sign in: open {link}  (one-time link, valid 15 minutes)")
    if password:
        click.echo(f"Local account: {email}  password: {password}  (shown once; change it with "
                   f"`planner users password {email}`)")
    click.echo("A new sign-in link any time: `planner users link " + f"{email}`")


@click.group("users")
def users() -> None:
    """Accounts: create, list, one-time sign-in links, API tokens, passwords, delete."""


@users.command("create")
@click.argument("email")
@click.option("--name", default="", help="Display name.")
@click.password_option(help="Password (asked for when omitted; at least 10 characters).")
def create(email: str, name: str, password: str) -> None:
    """Create an account."""
    from planner.auth.accounts import AccountError, create_user

    with _session() as s:
        try:
            user = create_user(s, email, password, display_name=name)
        except AccountError as exc:
            raise click.BadParameter(exc.message, param_hint=exc.field) from None
        click.echo(f"Created {user.email} ({user.id}).")


@users.command("list")
def list_users() -> None:
    """Every account: id, email, created."""
    from planner.store import models as m

    with _session() as s:
        for u in s.scalars(select(m.User).order_by(m.User.created_at)):
            click.echo(f"{u.id}  {u.email or '-'}  {u.created_at:%Y-%m-%d}")


@users.command("link")
@click.argument("email")
def link(email: str) -> None:
    """Print a one-time sign-in link (valid 15 minutes)."""
    settings = Settings.from_env()
    with _session(settings) as s:
        click.echo(sign_in_link(s, _user(s, email).id, settings.base_url))  # type: ignore[attr-defined]


@users.command("token")
@click.argument("email")
@click.option("--name", default="cli", show_default=True, help="What the token is for.")
def token(email: str, name: str) -> None:
    """Create an API token (printed once) for `Authorization: Bearer`."""
    from planner.auth import credentials

    with _session() as s:
        issued = credentials.issue(s, _user(s, email).id, "api", name,  # type: ignore[attr-defined]
                                   credentials.API_TOKEN_LIFETIME)
        click.echo(issued.secret)


@users.command("password")
@click.argument("email")
@click.password_option(help="New password (asked for when omitted).")
def password(email: str, password: str) -> None:
    """Set a new password; signs the account out everywhere."""
    from planner.auth.accounts import AccountError, set_password

    with _session() as s:
        try:
            set_password(s, _user(s, email), password)  # type: ignore[arg-type]
        except AccountError as exc:
            raise click.BadParameter(exc.message, param_hint=exc.field) from None
        click.echo("Password changed; every session of this account is signed out.")


@users.command("delete")
@click.argument("email")
@click.confirmation_option(prompt="Delete this account and all of its data?")
def delete(email: str) -> None:
    """Delete an account and all its data."""
    from planner.auth.accounts import delete_account

    with _session() as s:
        counts = delete_account(s, _user(s, email).id)  # type: ignore[attr-defined]
    click.echo("Deleted: " + ", ".join(f"{n} {t}" for t, n in counts.items() if n))


COMMANDS = [users]
