"""MIT Learn provider against a local server speaking MIT Learn's documented search shape."""

from dataclasses import replace

import pytest
from planner_mit_learn import MitLearnProvider
from planner_mit_learn.fake_api import handler

from planner.providers import FatalProviderError, Level, ResourceKind, SkillQuery
from planner.providers.stub import Handler, StubServer
from planner.providers.testing import HttpProviderConformance

PYTHON = SkillQuery(skill_id="python", label="Python", limit=10)


class TestMitLearnConformance(HttpProviderConformance):
    provider_class = MitLearnProvider
    known_query = PYTHON
    empty_query = SkillQuery(skill_id="basket-weaving", label="Underwater basket weaving")

    def fake_api(self) -> Handler:
        return handler


@pytest.fixture
def stub():
    with StubServer(handler) as server:
        yield server


def provider_for(stub: StubServer) -> MitLearnProvider:
    return MitLearnProvider(
        env={"PLANNER_MIT_LEARN_BASE_URL": stub.url, "PLANNER_MIT_LEARN_CACHE_TTL": "0"}
    )


def test_follows_next_urls_until_the_limit(stub: StubServer) -> None:
    found = provider_for(stub).search(replace(PYTHON, limit=45))
    # 25 Python courses + ML course mentions Python: all 26, over two pages of 20.
    assert len(found) == 26
    assert [r.query.get("offset") for r in stub.requests] == [None, ["20"]]
    assert stub.requests[0].query["resource_type"] == ["course", "program"]


def test_maps_the_documented_fields(stub: StubServer) -> None:
    r = provider_for(stub).search(replace(PYTHON, limit=1))[0]
    assert r.kind is ResourceKind.COURSE and r.external_id == "MITx+FAKE.1x"
    assert r.description == "Learn Python & more."  # HTML stripped, entities decoded
    assert r.level is Level.INTRODUCTORY and r.source == "MITx"
    assert r.cost.free and "75.00" in r.cost.notes
    assert r.effort.weekly_hours == 5.0 and r.effort.weeks == 9 and r.effort.is_estimate
    assert r.credential is not None and r.credential.type == "completion"
    assert r.schedule.self_paced and r.location.remote and "python" in r.skills


def test_free_text_effort_and_paid_price(stub: StubServer) -> None:
    found = provider_for(stub).search(SkillQuery(skill_id="ml", label="Machine Learning"))
    assert len(found) == 1
    assert found[0].effort.weekly_hours == 12.0 and not found[0].cost.free
    assert found[0].cost.amount == 199.0


def test_budget_zero_asks_for_free_only(stub: StubServer) -> None:
    provider_for(stub).search(SkillQuery(skill_id="ml", label="Machine Learning", max_cost=0))
    assert stub.requests[0].query["free"] == ["true"]


def test_instructor_paced_run_has_dates(stub: StubServer) -> None:
    r = provider_for(stub).search(SkillQuery(skill_id="da", label="Data Analysis"))[0]
    assert not r.schedule.self_paced and r.schedule.start is not None
    assert r.schedule.start <= r.schedule.end


def test_bad_parameter_400_is_fatal_with_the_field(stub: StubServer) -> None:
    p = MitLearnProvider(
        env={"PLANNER_MIT_LEARN_BASE_URL": stub.url, "PLANNER_MIT_LEARN_CACHE_TTL": "0"}
    )
    p.page_size = "x"  # type: ignore[misc]  # makes the request invalid (limit=x)
    with pytest.raises(FatalProviderError, match="limit"):
        p.search(PYTHON)
