"""``planner providers list|check|new`` on the real installed providers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli.providers import COMMANDS, providers_group


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(providers_group, list(args))
    return result.exit_code, result.output


def test_registered_for_the_planner_command() -> None:
    assert [providers_group] == COMMANDS and providers_group.name == "providers"


def test_list_json_shows_states_and_reasons(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANNER_CAREERONESTOP_TOKEN", raising=False)
    monkeypatch.delenv("PLANNER_CAREERONESTOP_USER_ID", raising=False)
    code, out = run("list", "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert code == 0 and rows["catalog"]["state"] == "ready"
    assert rows["careeronestop"]["state"] == "not_configured"
    assert "PLANNER_CAREERONESTOP_TOKEN" in rows["careeronestop"]["reason"]


def test_list_table_honours_the_allowlist(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_PROVIDERS", "catalog")
    code, out = run("list")
    lines = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert code == 0 and "ready" in lines["catalog"]
    assert "disabled by PLANNER_PROVIDERS" in lines["mit_learn"]


def test_check_a_healthy_provider() -> None:
    code, out = run("check", "catalog", "--skill", "kubernetes", "--json")
    result = json.loads(out)
    assert code == 0 and result["healthy"] and result["outcome"]["resources"]


def test_check_an_unconfigured_provider_fails_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PLANNER_CAREERONESTOP_TOKEN", raising=False)
    code, out = run("check", "careeronestop")
    assert code == 1 and "missing setting(s): PLANNER_CAREERONESTOP_USER_ID" in out


def test_check_an_unreachable_provider_is_unhealthy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_MIT_LEARN_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("PLANNER_MIT_LEARN_CACHE_TTL", "0")
    code, out = run("check", "mit_learn")
    assert code == 1 and "UNHEALTHY" in out and "connection failed" in out


def test_check_unknown_name() -> None:
    code, out = run("check", "nope")
    assert code == 1 and "no provider called 'nope'" in out


def test_new_refuses_bad_names_and_non_empty_dirs(tmp_path: Path) -> None:
    code, out = run("new", "Bad-Name", "--dir", str(tmp_path / "x"))
    assert code == 1 and "must match" in out
    (tmp_path / "y").mkdir()
    (tmp_path / "y" / "file").write_text("keep me")
    code, out = run("new", "fine_name", "--dir", str(tmp_path / "y"))
    assert code == 1 and "not empty" in out
