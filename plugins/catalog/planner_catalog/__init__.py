"""The offline catalog provider: curated resources shipped as JSON, no network."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from planner.providers import Provider, Resource, ResourceKind, SkillQuery

__all__ = ["CatalogProvider", "load_catalog"]


@cache
def load_catalog() -> tuple[Resource, ...]:
    """Read every JSON file under ``data/`` once per process."""
    out: list[Resource] = []
    for path in sorted(files(__package__).joinpath("data").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".json"):
            for row in json.loads(path.read_text(encoding="utf-8")):
                out.append(Resource.from_dict({"provider": "catalog", **row}))
    return tuple(out)


class CatalogProvider(Provider):
    """Curated offline catalog; always available."""

    name = "catalog"
    version = "0.1.0"
    kinds = frozenset(ResourceKind)
    terms_url = "https://github.com/skill-planner/skill-planner/tree/main/plugins/catalog"
    description = "Curated courses, certifications, volunteering and practice, shipped offline."

    def search(self, query: SkillQuery) -> list[Resource]:
        wanted = {query.skill_id}
        hits = [r for r in load_catalog() if wanted.intersection(r.skills)]
        if query.max_cost is not None:
            hits = [r for r in hits if r.cost.value <= query.max_cost]
        hits.sort(key=lambda r: (r.cost.value, r.effort.hours or 0.0, r.external_id))
        return hits[: query.limit]
