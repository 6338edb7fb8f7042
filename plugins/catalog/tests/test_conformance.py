"""The catalog provider runs the same conformance kit as every other provider."""

from dataclasses import replace

from planner_catalog import CatalogProvider, load_catalog

from planner.providers import Level, SkillQuery
from planner.providers.testing import ProviderConformance


class TestCatalogConformance(ProviderConformance):
    provider_class = CatalogProvider
    known_query = SkillQuery(skill_id="kubernetes", label="Kubernetes")
    empty_query = SkillQuery(skill_id="no-such-skill-zz9", label="No such skill zz9")


def test_alias_and_label_match_like_the_skill_id() -> None:
    by_id = CatalogProvider().search(SkillQuery(skill_id="kubernetes", label="K8s"))
    by_alias = CatalogProvider().search(
        SkillQuery(skill_id="k8s", label="K8s", aliases=("Kubernetes",))
    )
    assert by_id and [r.key for r in by_alias] == [r.key for r in by_id]


def test_budget_filters_out_paid_resources() -> None:
    q = SkillQuery(skill_id="kubernetes", label="Kubernetes", limit=100)
    everything = CatalogProvider().search(q)
    free = CatalogProvider().search(replace(q, max_cost=0))
    assert any(r.cost.value > 0 for r in everything)
    assert free and all(r.cost.value == 0 for r in free)
    assert {r.key for r in free} == {r.key for r in everything if r.cost.value == 0}


def test_level_orders_closest_first() -> None:
    q = SkillQuery(skill_id="kubernetes", label="Kubernetes", level=Level.INTERMEDIATE)
    found = CatalogProvider().search(q)
    assert found[0].level == Level.INTERMEDIATE


def test_every_shipped_row_loads() -> None:
    assert load_catalog()
