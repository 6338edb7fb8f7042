"""App factory behaviour: refuses an unmigrated database; health endpoints."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from planner import UnmigratedDatabaseError, create_app
from planner.config import Settings


def test_refuses_to_serve_an_unmigrated_database(tmp_path: pytest.TempPathFactory,
                                                 redis_url: str) -> None:
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/fresh.db",
                        redis_url=redis_url)
    with pytest.raises(UnmigratedDatabaseError, match="planner db upgrade"):
        create_app({"SETTINGS": settings})


def test_healthz_is_always_ok(client: FlaskClient) -> None:
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_readyz_reports_each_dependency(client: FlaskClient) -> None:
    body = client.get("/readyz").get_json()
    assert body["checks"]["database"] == "ok" and body["checks"]["redis"] == "ok"
    assert "workers" in body["checks"]


def test_settings_come_from_planner_env_vars(tmp_path: pytest.TempPathFactory) -> None:
    s = Settings.from_env({"PLANNER_DATA_DIR": str(tmp_path), "PLANNER_MAX_TEXT_CHARS": "500",
                           "PLANNER_PLAN_DEADLINE": "12.5"})
    assert s.max_text_chars == 500 and s.plan_deadline == 12.5
    assert s.database_url == f"sqlite:///{tmp_path}/planner.db"
    assert s.embedded_redis and s.effective_redis_url.endswith(":6390/0")
    assert not Settings.from_env({"PLANNER_REDIS_URL": "redis://r:6379/0"}).embedded_redis


def test_strict_plugins_follows_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                settings: Settings) -> None:
    from planner.providers.registry import PluginLoadError

    monkeypatch.setenv("PLANNER_PROVIDERS", "catalog,not_installed_anywhere")
    monkeypatch.setenv("PLANNER_STRICT_PLUGINS", "1")
    with pytest.raises(PluginLoadError, match="not_installed_anywhere"):
        create_app({"SETTINGS": settings})
    monkeypatch.setenv("PLANNER_STRICT_PLUGINS", "0")
    app = create_app({"SETTINGS": settings})  # forgiving: starts, and says what is missing
    app.extensions["planner"].db.dispose()
