"""Per-app services bound in ``create_app`` and reached from request code."""

from __future__ import annotations

from typing import Any

from celery import Celery
from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from planner.config import Settings
from planner.providers import Registry, load_registry
from planner.queue import make_celery
from planner.readcache import ReadCache
from planner.store.db import Database

KEY = "planner"
READ_CACHE = "planner.readcache"


class Services:
    """What the app holds: settings, database, Celery client, provider registry."""

    def __init__(self, settings: Settings, strict_plugins: bool | None = None) -> None:
        self.settings = settings
        self.db = Database(settings.database_url)
        self.celery: Celery = make_celery(settings)
        self.registry: Registry = load_registry(strict=strict_plugins)


def init_app(app: Flask, settings: Settings, strict_plugins: bool | None = None) -> Services:
    """Bind the services; ``strict_plugins`` None follows PLANNER_STRICT_PLUGINS."""
    services = Services(settings, strict_plugins)
    app.extensions[KEY] = services

    @app.teardown_appcontext
    def _close_session(_exc: BaseException | None) -> None:
        s = g.pop("db_session", None)
        if s is not None:
            s.rollback()  # anything not committed by the view is discarded
            s.close()

    return services


def services() -> Services:
    svc: Services = current_app.extensions[KEY]
    return svc


def settings() -> Settings:
    return services().settings


def db_session() -> Session:
    """The request's session; uncommitted changes are rolled back when the request ends."""
    if "db_session" not in g:
        g.db_session = services().db.sessions()
    s: Session = g.db_session
    return s


def read_cache() -> ReadCache:
    cache: ReadCache = current_app.extensions[READ_CACHE]
    return cache


def celery_client() -> Celery:
    return services().celery


def provider_registry() -> Registry:
    return services().registry


def owner_id() -> str:
    """Who is asking: the account planner.auth found for this request (session cookie or API
    token). Never a default person: without one the request is refused with 401."""
    owner: Any = g.get("owner_id")
    if owner is None:
        from planner.api.errors import ApiError

        raise ApiError(401, "unauthorized", "Sign in first.")
    return str(owner)
