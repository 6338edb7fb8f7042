"""Skill Planner: job-rejection feedback in, dated learning roadmap out."""

from __future__ import annotations

from typing import Any

from flask import Flask

__version__ = "0.1.0"


class UnmigratedDatabaseError(RuntimeError):
    """The database schema is behind the code: the app will not serve it."""


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: defaults -> environment -> ``config`` -> subsystems -> blueprints.

    ``config`` keys: ``SETTINGS`` (a Settings), ``STRICT_PLUGINS`` (bool), ``SKIP_MIGRATION_CHECK``,
    plus any Flask setting.
    """
    from planner import api, auth, extensions, web
    from planner.api import docs, errors, metrics, ops
    from planner.config import Settings
    from planner.logs import configure_logging
    from planner.store.db import migration_state

    config = dict(config or {})
    settings: Settings = config.pop("SETTINGS", None) or Settings.from_env()
    configure_logging(settings)
    app = Flask(__name__)
    app.config.update(SECRET_KEY=settings.secret_key, MAX_CONTENT_LENGTH=settings.max_request_bytes,
                      JSON_SORT_KEYS=False)
    app.config.update(config)
    svc = extensions.init_app(app, settings, strict_plugins=config.get("STRICT_PLUGINS"))
    if not config.get("SKIP_MIGRATION_CHECK"):
        current, head = migration_state(svc.db.engine)
        if current != head:
            raise UnmigratedDatabaseError(
                f"The database at {svc.db.engine.url.render_as_string(hide_password=True)} is at "
                f"migration {current or 'none'}, the code needs {head}. "
                "Run `planner db upgrade` (or `make run`, which does it for you)."
            )
    errors.register(app)
    auth.init_app(app)  # who is asking, sign-in pages, tokens, limits, headers (issue 8)
    app.register_blueprint(api.bp)
    app.register_blueprint(docs.bp)
    app.register_blueprint(ops.bp)
    app.register_blueprint(metrics.bp)
    app.register_blueprint(web.bp)
    return app
