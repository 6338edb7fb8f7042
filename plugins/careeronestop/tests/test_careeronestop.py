"""CareerOneStop provider against a local server reproducing the Certification Finder."""

from dataclasses import replace

from planner_careeronestop import CareerOneStopProvider
from planner_careeronestop.fake_api import TOKEN, USER_ID, handler

from planner.providers import ResourceKind, SkillQuery, load_registry, run_search
from planner.providers.stub import Handler, StubServer
from planner.providers.testing import HttpProviderConformance

PYTHON = SkillQuery(skill_id="python", label="Python", limit=10)
ENV = {"PLANNER_CAREERONESTOP_USER_ID": USER_ID, "PLANNER_CAREERONESTOP_TOKEN": TOKEN}


class TestCareerOneStopConformance(HttpProviderConformance):
    provider_class = CareerOneStopProvider
    known_query = PYTHON
    empty_query = SkillQuery(skill_id="alchemy", label="Alchemy")
    env = ENV

    def fake_api(self) -> Handler:
        return handler


def provider_for(stub: StubServer, **extra: str) -> CareerOneStopProvider:
    return CareerOneStopProvider(
        env={
            **ENV,
            "PLANNER_CAREERONESTOP_BASE_URL": stub.url,
            "PLANNER_CAREERONESTOP_CACHE_TTL": "0",
            **extra,
        }
    )


def test_path_segments_and_paging() -> None:
    with StubServer(handler) as stub:
        found = provider_for(stub).search(replace(PYTHON, limit=100))
        paths = [r.path for r in stub.requests]
    assert len(found) == 25
    assert paths[0] == f"/v1/certificationfinder/{USER_ID}/Python/0/0/0/0/0/0/0/0/0/20"
    assert paths[1].endswith("/20/20")


def test_maps_certifications() -> None:
    with StubServer(handler) as stub:
        r = provider_for(stub).search(SkillQuery(skill_id="k8s", label="Kubernetes"))[0]
    assert r.kind is ResourceKind.CERTIFICATION and r.url == "https://www.cncf.example"
    assert r.credential is not None and r.credential.issuer == "CNCF"
    assert r.effort.is_estimate and r.cost.amount is None


def test_unconfigured_is_disabled_with_a_clear_reason() -> None:
    p = CareerOneStopProvider(env={})
    ok, reason = p.configured()
    assert not ok
    assert "PLANNER_CAREERONESTOP_USER_ID" in reason and "PLANNER_CAREERONESTOP_TOKEN" in reason
    outcome = run_search(p, PYTHON, timeout=5)
    assert outcome.error_type == "NotConfiguredError" and not outcome.retriable


def test_registry_shows_it_not_configured(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("PLANNER_CAREERONESTOP_USER_ID", raising=False)
    monkeypatch.delenv("PLANNER_CAREERONESTOP_TOKEN", raising=False)
    row = load_registry(allow={"careeronestop"}).describe("careeronestop")
    assert row["state"] == "not_configured" and row["loaded"] and not row["configured"]
    assert "PLANNER_CAREERONESTOP_TOKEN" in row["reason"]


def test_wrong_token_is_fatal_and_secret_free() -> None:
    with StubServer(handler) as stub:
        outcome = run_search(
            provider_for(stub, PLANNER_CAREERONESTOP_TOKEN="wrong-secret-x"), PYTHON, timeout=10
        )
    assert outcome.error_type == "FatalProviderError" and "401" in (outcome.error or "")
    assert "wrong-secret-x" not in (outcome.error or "") and USER_ID not in (outcome.error or "")
