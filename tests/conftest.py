"""Fixtures: settings -> app -> client -> runner, on SQLite and PostgreSQL, with real Redis."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner import create_app
from planner.config import Settings
from planner.store.db import Database, upgrade
from tests.support import (
    LOCAL_EMAIL,
    Worker,
    chromium,
    clear_tables,
    create_account,
    postgres_database,
    redis_server,
    sign_in,
)

# Network providers are exercised against local stubs in their own tests; the app-level suite
# plans from the offline catalog so that no test depends on the internet.
os.environ.setdefault("PLANNER_PROVIDERS", "catalog")

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[str]:
    """A migrated, empty database for each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'planner.db'}"
        upgrade(url)
        yield url
    else:
        with postgres_database() as url:
            upgrade(url)
            yield url


@pytest.fixture(scope="session")
def queue_name() -> str:
    return f"planner-test-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def settings(database_url: str, redis_url: str, queue_name: str,
             tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("data"), database_url=database_url,
                    redis_url=redis_url, queue=queue_name)


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = Database(settings.database_url)
    clear_tables(database)
    yield database
    database.dispose()


@pytest.fixture
def app(settings: Settings, db: Database) -> Iterator[Flask]:
    app = create_app({"SETTINGS": settings, "TESTING": True, "STRICT_PLUGINS": True,
                      # a cheap scrypt factor (tests only) and rate-limit counters of its own
                      "AUTH_FAST_HASH_FOR_TESTS": True,
                      "RATE_LIMIT_PREFIX": f"planner-test:{uuid.uuid4().hex}:"})
    yield app
    app.extensions["planner"].db.dispose()


@pytest.fixture
def client(app: Flask, db: Database) -> FlaskClient:
    """A browser-like client signed in (through the sign-in form) as the local account."""
    c = app.test_client()
    create_account(db, LOCAL_EMAIL, user_id="local")
    assert sign_in(c, LOCAL_EMAIL).status_code == 303
    return c


@pytest.fixture
def anon_client(app: Flask) -> FlaskClient:
    """A client nobody has signed in with."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> Any:
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole session: Playwright's sync API allows one driver per thread."""
    with chromium() as b:
        yield b


def worker_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PLANNER_DATABASE_URL=settings.database_url, PLANNER_REDIS_URL=settings.redis_url,
               PLANNER_QUEUE=settings.queue, PLANNER_DATA_DIR=str(settings.data_dir))
    return env


@pytest.fixture(scope="session")
def worker(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    """A real Celery worker process on the test queue, shared by the pipeline tests."""
    log = Path(tmp_path_factory.mktemp("worker")) / "worker.log"
    w = Worker(worker_env(settings), log).start()
    yield w
    w.stop()
