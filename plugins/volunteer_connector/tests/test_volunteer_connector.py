"""Volunteer Connector provider against a local server speaking its documented shape."""

from dataclasses import replace

from planner_volunteer_connector import VolunteerConnectorProvider
from planner_volunteer_connector.fake_api import handler

from planner.providers import ResourceKind, SkillQuery
from planner.providers.stub import Handler, StubServer
from planner.providers.testing import HttpProviderConformance

PYTHON = SkillQuery(skill_id="python", label="Python", limit=10)


class TestVolunteerConnectorConformance(HttpProviderConformance):
    provider_class = VolunteerConnectorProvider
    known_query = PYTHON
    empty_query = SkillQuery(skill_id="falconry", label="Falconry")

    def fake_api(self) -> Handler:
        return handler


def provider_for(stub: StubServer) -> VolunteerConnectorProvider:
    return VolunteerConnectorProvider(
        env={
            "PLANNER_VOLUNTEER_CONNECTOR_BASE_URL": stub.url,
            "PLANNER_VOLUNTEER_CONNECTOR_CACHE_TTL": "0",
        }
    )


def test_pages_through_next_links_and_stops_at_the_last() -> None:
    with StubServer(handler) as stub:
        found = provider_for(stub).search(replace(PYTHON, limit=100))
        assert len(found) == 30
        assert [r.arg("page") for r in stub.requests] == ["1", "2"]
        assert stub.requests[0].arg("format") == "json"


def test_maps_fields_and_estimates_effort() -> None:
    with StubServer(handler) as stub:
        r = provider_for(stub).search(replace(PYTHON, limit=1))[0]
    assert r.kind is ResourceKind.VOLUNTEER and r.external_id == "98001"
    assert r.description == "Help our charity with python."
    assert r.effort.weekly_hours == 3.0 and r.effort.weeks == 8.0 and r.effort.is_estimate
    assert r.location.remote and r.location.region == "Ontario"
    assert r.source == "Example Charity 1" and "python" in r.skills


def test_remote_only_sends_ro_on() -> None:
    with StubServer(handler) as stub:
        found = provider_for(stub).search(SkillQuery(skill_id="web", label="Website", remote=True))
        assert found == [] and stub.requests[0].arg("ro") == "on"
        found = provider_for(stub).search(SkillQuery(skill_id="web", label="Website"))
    assert len(found) == 1 and not found[0].location.remote
