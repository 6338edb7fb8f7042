"""Config schema: settings from env, required ones reported, secrets never shown."""

from __future__ import annotations

import json

import tests.providers.sample_plugins as sp
from planner.providers import Setting
from planner.providers.config import ProviderConfig


def test_values_come_from_prefixed_env_with_defaults() -> None:
    p = sp.KeyedProvider(env={"PLANNER_KEYED_API_KEY": " k-123 "})
    assert p.config["api_key"] == "k-123" and p.config["region"] == "eu"
    assert p.configured() == (True, "")


def test_missing_required_setting_names_the_env_var() -> None:
    assert sp.KeyedProvider(env={"PLANNER_KEYED_API_KEY": "  "}).configured() == (
        False,
        "missing setting(s): PLANNER_KEYED_API_KEY",
    )


def test_secrets_are_masked_in_repr_and_describe() -> None:
    p = sp.KeyedProvider(env={"PLANNER_KEYED_API_KEY": "topsecret-999"})
    assert "topsecret-999" not in repr(p.config) and "***" in repr(p.config)
    text = json.dumps(p.describe())
    assert "topsecret-999" not in text
    key = next(s for s in p.describe()["settings"] if s["name"] == "api_key")
    assert key == {
        "name": "api_key",
        "env": "PLANNER_KEYED_API_KEY",
        "help": "the key",
        "secret": True,
        "required": True,
        "set": True,
        "value": None,
    }


def test_redact_replaces_every_secret_value() -> None:
    cfg = ProviderConfig(
        "x",
        (Setting("token", secret=True), Setting("user")),
        {"PLANNER_X_TOKEN": "abc123", "PLANNER_X_USER": "bob"},
    )
    assert cfg.redact("token abc123 for bob, again abc123") == "token *** for bob, again ***"


def test_declaration_problems() -> None:
    assert Setting("Bad-Name").problems() == ["setting name 'Bad-Name' must be lower_snake"]
    assert Setting("token", secret=True, default="x").problems() == [
        "secret setting 'token' must not have a default"
    ]


def test_env_defaults_to_os_environ(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PLANNER_KEYED_API_KEY", "from-env")
    assert sp.KeyedProvider().config["api_key"] == "from-env"


def test_bad_declaration_lists_every_problem() -> None:
    problems = sp.BadDeclaration.problems()
    assert any("name" in p for p in problems) and any("kinds" in p for p in problems)
    assert any("terms_url" in p for p in problems) and "search() is not implemented" in problems
