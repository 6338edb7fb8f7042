"""run_search isolates a plugin: errors, hangs, garbage and misconfiguration become outcomes."""

from __future__ import annotations

import json

import pytest

import tests.providers.sample_plugins as sp
from planner.providers import Provider, SkillQuery, run_search

Q = SkillQuery(skill_id="python", label="Python", limit=3)


@pytest.fixture
def release_hangers():
    sp.RELEASE.clear()
    yield
    sp.RELEASE.set()  # let the abandoned thread finish


def test_good_provider() -> None:
    out = run_search(sp.GoodProvider(), Q, timeout=10)
    assert out.ok and len(out.resources) == 3 and out.dropped == 0 and out.latency >= 0
    assert json.loads(json.dumps(out.to_dict()))["resources"][0]["external_id"] == "r0"


def test_exception_is_a_fatal_failure_record() -> None:
    out = run_search(sp.RaisingProvider(), Q, timeout=10)
    assert not out.ok and not out.retriable
    assert out.error == "raising: crashed: RuntimeError: boom" and out.error_type == "RuntimeError"


def test_retriable_error_keeps_retry_after() -> None:
    out = run_search(sp.FlakyProvider(), Q, timeout=10)
    assert out.retriable and out.retry_after == 12
    assert out.exception is not None and getattr(out.exception, "retriable", False)


def test_hanging_provider_is_abandoned(release_hangers: None) -> None:
    out = run_search(sp.HangingProvider(), Q, timeout=0.2)
    assert out.error_type == "ProviderTimeoutError" and out.retriable


def test_timeout_default_comes_from_env(
    release_hangers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_PROVIDER_TIMEOUT", "0.1")
    out = run_search(sp.HangingProvider(), Q)
    assert out.error == "ProviderTimeoutError: hanging: no answer in 0.1s"


def test_garbage_items_are_dropped_and_counted() -> None:
    out = run_search(sp.GarbageProvider(), SkillQuery(skill_id="x", label="x", limit=10))
    assert out.ok and [r.external_id for r in out.resources] == ["r1", "r5"]
    assert out.dropped == 4  # "junk", javascript: URL, empty title, someone else's resource


def test_limit_caps_valid_resources() -> None:
    out = run_search(sp.GarbageProvider(), SkillQuery(skill_id="x", label="x", limit=1))
    assert [r.external_id for r in out.resources] == ["r1"]


def test_non_list_result_is_fatal() -> None:
    out = run_search(sp.NotAListProvider(), Q, timeout=10)
    assert out.error_type == "FatalProviderError" and "returned str" in (out.error or "")


def test_system_exit_in_a_plugin_does_not_escape() -> None:
    out = run_search(sp.ExitingProvider(), Q, timeout=10)
    assert out.error_type == "SystemExit" and not out.retriable


def test_not_configured_never_calls_search() -> None:
    out = run_search(sp.KeyedProvider(env={}), Q, timeout=10)
    assert out.error_type == "NotConfiguredError" and "PLANNER_KEYED_API_KEY" in (out.error or "")


def test_secrets_are_redacted_from_errors() -> None:
    p = sp.KeyedProvider(env={"PLANNER_KEYED_API_KEY": "s3cr3t-value-123"})
    out = run_search(p, Q, timeout=10)
    assert "s3cr3t-value-123" not in (out.error or "") and "***" in (out.error or "")


def test_a_plan_completes_from_the_healthy_providers(release_hangers: None) -> None:
    """What the pipeline does per provider: the bad ones become records, the good one answers."""
    providers: list[Provider] = [
        sp.GoodProvider(),
        sp.RaisingProvider(),
        sp.HangingProvider(),
        sp.GarbageProvider(),
        sp.KeyedProvider(env={}),
    ]
    outcomes = {p.name: run_search(p, Q, timeout=0.3) for p in providers}
    assert [n for n, o in outcomes.items() if o.ok] == ["good", "garbage"]
    assert len(outcomes["good"].resources) == 3
    assert {n: o.error_type for n, o in outcomes.items() if not o.ok} == {
        "raising": "RuntimeError",
        "hanging": "ProviderTimeoutError",
        "keyed": "NotConfiguredError",
    }
