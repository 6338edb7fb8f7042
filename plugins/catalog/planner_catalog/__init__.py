"""The offline catalog provider: curated resources shipped as JSON, no network."""

from __future__ import annotations

import json
import logging
import re
from functools import cache
from importlib.resources import files

from planner.providers import (
    Provider,
    Resource,
    ResourceKind,
    ResourceValidationError,
    Results,
    SkillQuery,
    validate_resource,
)

__all__ = ["CatalogProvider", "load_catalog", "load_report"]
log = logging.getLogger(__name__)
_LEVELS = ("introductory", "intermediate", "advanced")


@cache
def load_report() -> tuple[tuple[Resource, ...], tuple[str, ...]]:
    """Read every JSON file under ``data/`` once per process.

    Returns:
        (valid resources, one message per row or file that was skipped). A bad row never
        hides the rest of the catalog.
    """
    out: list[Resource] = []
    errors: list[str] = []
    for path in sorted(files(__package__).joinpath("data").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".json"):
            continue
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            errors.append(f"{path.name}: not JSON: {exc}")
            continue
        for i, row in enumerate(rows if isinstance(rows, list) else []):
            try:
                out.append(validate_resource(Resource.from_dict({**row, "provider": "catalog"})))
            except (ResourceValidationError, KeyError, TypeError, ValueError) as exc:
                errors.append(f"{path.name}[{i}]: {type(exc).__name__}: {exc}")
    for message in errors:
        log.warning("catalog: skipped %s", message)
    return tuple(out), tuple(errors)


def load_catalog() -> tuple[Resource, ...]:
    """Every valid catalog resource (rows that fail validation are skipped and logged)."""
    return load_report()[0]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class CatalogProvider(Provider):
    """Curated offline catalog; always available."""

    name = "catalog"
    version = "0.2.0"
    kinds = frozenset(ResourceKind)
    terms_url = "https://github.com/skill-planner/skill-planner/tree/main/plugins/catalog"
    description = "Curated courses, certifications, volunteering and practice, shipped offline."

    def search(self, query: SkillQuery) -> list[Resource]:
        """Resources tagged with the skill id, an alias or the label; cheapest, shortest first."""
        wanted = {_slug(s) for s in (query.skill_id, query.label, *query.aliases) if s}
        hits = [r for r in load_catalog() if wanted.intersection(_slug(s) for s in r.skills)]
        if query.max_cost is not None:
            hits = [r for r in hits if r.cost.value <= query.max_cost]
        if query.remote:
            hits = [r for r in hits if r.location.remote]
        hits.sort(
            key=lambda r: (
                self._level_gap(r, query),
                r.cost.value,
                r.effort.hours or 0.0,
                r.external_id,
            )
        )
        return Results(hits[: max(0, query.limit)], dropped=0)

    @staticmethod
    def _level_gap(r: Resource, query: SkillQuery) -> int:
        if query.level is None or r.level is None:
            return 0
        return abs(_LEVELS.index(r.level.value) - _LEVELS.index(query.level.value))
