"""docker-compose.yml describes the deployed topology (no Docker engine here: check structure)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def compose() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_services_share_one_image_and_differ_in_command() -> None:
    services = compose()["services"]
    assert {"api", "worker", "redis", "postgres"} <= set(services)
    ours = [s for n, s in services.items() if n not in ("redis", "postgres")]
    assert {s["image"] for s in ours} == {"skill-planner:latest"}
    assert len({tuple(s["command"]) for s in ours}) == len(ours)


def test_planner_services_point_at_the_compose_redis_and_postgres() -> None:
    services = compose()["services"]
    for name in ("api", "worker"):
        env = services[name]["environment"]
        assert env["PLANNER_DATABASE_URL"].startswith("postgresql+psycopg://")
        assert "@postgres:5432/" in env["PLANNER_DATABASE_URL"]
        assert env["PLANNER_REDIS_URL"] == "redis://redis:6379/0"


def test_health_checks_and_start_order() -> None:
    services = compose()["services"]
    for name in ("api", "worker", "redis", "postgres"):
        assert "healthcheck" in services[name], name
    assert "/healthz" in " ".join(services["api"]["healthcheck"]["test"])
    for name in ("api", "worker"):
        deps = services[name]["depends_on"]
        assert deps["migrate"]["condition"] == "service_completed_successfully"
        assert deps["redis"]["condition"] == "service_healthy"


def test_worker_command_is_a_celery_worker_that_can_be_scaled() -> None:
    worker = compose()["services"]["worker"]
    assert worker["command"][:4] == ["celery", "-A", "workers.app", "worker"]
    assert "container_name" not in worker and "ports" not in worker  # --scale needs both absent


def test_dockerfile_installs_every_plugin() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert "plugins/[a-z]*/" in text and "pip install ." in text


def test_provider_calls_beat_and_flower_have_their_own_services() -> None:
    services = compose()["services"]
    fetcher, beat = services["fetcher"], services["beat"]
    assert fetcher["command"][:4] == ["celery", "-A", "workers.app", "worker"]
    queue = fetcher["command"][fetcher["command"].index("-Q") + 1]
    assert queue == "planner.providers"  # Settings.effective_provider_queue for queue "planner"
    assert fetcher["command"][fetcher["command"].index("-P") + 1] == "threads"
    assert "container_name" not in fetcher and "ports" not in fetcher
    assert beat["command"][:4] == ["celery", "-A", "workers.app", "beat"]
    assert services["worker"]["command"][services["worker"]["command"].index("-Q") + 1] == "planner"
    assert services["flower"]["profiles"] == ["flower"]  # optional: only with --profile flower
    for name in ("fetcher", "beat"):
        assert services[name]["environment"] == services["worker"]["environment"]
