"""Discovery: load forgivingly, report loudly, strict in CI, allow/deny by PLANNER_PROVIDERS."""

from __future__ import annotations

import json
from importlib.metadata import EntryPoint

import pytest

import planner.providers.registry as registry
from planner.providers import (
    ENTRY_POINT_GROUP,
    PluginLoadError,
    get_registry,
    load_registry,
    reset_registry,
)
from planner.providers.registry import Selection

ENTRIES = {
    "good": "tests.providers.sample_plugins:GoodProvider",
    "keyed": "tests.providers.sample_plugins:KeyedProvider",
    "missing_module": "no_such_module_zz:Provider",
    "not_a_class": "tests.providers.sample_plugins:NOT_A_CLASS",
    "bad_declaration": "tests.providers.sample_plugins:BadDeclaration",
    "exploding": "tests.providers.sample_plugins:ExplodingInit",
    "mismatch": "tests.providers.sample_plugins:GoodProvider",  # class says "good"
}


@pytest.fixture
def fake_entry_points(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Stand in for installed distributions: the registry sees exactly ENTRIES."""
    eps = [EntryPoint(name, value, ENTRY_POINT_GROUP) for name, value in ENTRIES.items()]

    def entry_points(group: str) -> list[EntryPoint]:
        return eps if group == ENTRY_POINT_GROUP else []

    monkeypatch.setattr(registry, "entry_points", entry_points)
    return ENTRIES


def test_broken_plugins_are_skipped_and_recorded(fake_entry_points: dict[str, str]) -> None:
    reg = load_registry()
    assert sorted(reg.providers) == ["good", "keyed"]
    assert reg.failed["missing_module"].startswith("ModuleNotFoundError")
    assert reg.failed["not_a_class"].startswith("TypeError")
    assert "must match" in reg.failed["bad_declaration"]
    assert "kinds must be" in reg.failed["bad_declaration"]
    assert reg.failed["exploding"] == "OSError: cannot open config"
    assert "differs from class name" in reg.failed["mismatch"]


def test_strict_mode_raises_listing_every_failure(fake_entry_points: dict[str, str]) -> None:
    with pytest.raises(PluginLoadError) as info:
        load_registry(strict=True)
    for name in ("missing_module", "not_a_class", "bad_declaration", "exploding"):
        assert name in str(info.value)


def test_strict_mode_from_env(
    fake_entry_points: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_STRICT_PLUGINS", "1")
    with pytest.raises(PluginLoadError):
        load_registry()
    monkeypatch.setenv("PLANNER_PROVIDERS", "good")
    assert sorted(load_registry().providers) == ["good"]  # strict, but only good is loaded


def test_allowlist_does_not_import_the_others(
    fake_entry_points: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_PROVIDERS", "good, keyed")
    reg = load_registry()
    assert sorted(reg.providers) == ["good", "keyed"] and reg.failed == {}
    states = {row["name"]: row["state"] for row in reg.status()}
    assert states["missing_module"] == "disabled"


def test_denylist(fake_entry_points: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_PROVIDERS", "-keyed")
    reg = load_registry()
    assert "keyed" not in reg.providers and "good" in reg.providers


def test_allowed_but_not_installed_is_shown_and_strict_fails(
    fake_entry_points: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_PROVIDERS", "good,ghost")
    rows = {r["name"]: r for r in load_registry().status()}
    assert rows["ghost"]["state"] == "not_installed" and not rows["ghost"]["installed"]
    with pytest.raises(PluginLoadError, match="ghost"):
        load_registry(strict=True)


@pytest.mark.parametrize(
    ("spec", "allow", "deny"),
    [
        (None, None, set()),
        ("", None, set()),
        ("*", None, set()),
        ("catalog,mit_learn", {"catalog", "mit_learn"}, set()),
        ("-github", None, {"github"}),
        ("*,-github, -mit_learn", None, {"github", "mit_learn"}),
        ("catalog,-github", {"catalog"}, {"github"}),
        (" Catalog ,, ", {"catalog"}, set()),
    ],
)
def test_selection_syntax(spec: str | None, allow: set[str] | None, deny: set[str]) -> None:
    sel = Selection.parse(spec)
    assert sel.allow == (frozenset(allow) if allow is not None else None)
    assert sel.deny == frozenset(deny)


def test_status_is_json_with_the_documented_keys(fake_entry_points: dict[str, str]) -> None:
    rows = load_registry().status()
    json.dumps(rows)
    keys = {
        "name",
        "version",
        "kinds",
        "installed",
        "enabled",
        "loaded",
        "configured",
        "reason",
        "error",
        "state",
        "settings",
        "terms_url",
        "rate_limit",
        "package",
        "description",
    }
    assert all(keys <= set(row) for row in rows)
    by_name = {r["name"]: r for r in rows}
    assert by_name["good"]["state"] == "ready" and by_name["good"]["configured"]
    assert by_name["keyed"]["state"] == "not_configured"
    assert "PLANNER_KEYED_API_KEY" in by_name["keyed"]["reason"]
    assert by_name["exploding"]["state"] == "load_error" and by_name["exploding"]["error"]
    assert [r["name"] for r in rows] == sorted(r["name"] for r in rows)


def test_enabled_lists_only_configured(fake_entry_points: dict[str, str]) -> None:
    assert [p.name for p in load_registry().enabled()] == ["good"]


def test_get_registry_scans_once(
    fake_entry_points: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = registry.entry_points

    def counting(group: str) -> list[EntryPoint]:
        calls.append(group)
        return real(group)  # type: ignore[no-any-return]

    monkeypatch.setattr(registry, "entry_points", counting)
    first = get_registry()
    assert get_registry() is first and len(calls) == 1
    reset_registry()
    assert get_registry() is not first and len(calls) == 2


def test_real_installed_first_party_providers_load_strictly() -> None:
    reg = load_registry(strict=True)
    for name in ("catalog", "mit_learn", "github", "volunteer_connector", "careeronestop"):
        assert name in reg.providers, reg.failed
