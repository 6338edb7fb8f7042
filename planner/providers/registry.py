"""Discovers providers through the ``skill_planner.providers.v1`` entry-point group."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib.metadata import entry_points

from planner.providers.base import Provider

ENTRY_POINT_GROUP = "skill_planner.providers.v1"
log = logging.getLogger(__name__)


@dataclass
class Registry:
    """Loaded providers by name, and the ones that failed to load with their error."""

    providers: dict[str, Provider] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> Provider:
        return self.providers[name]

    def enabled(self) -> list[Provider]:
        return [p for p in self.providers.values() if p.configured()[0]]


def load_registry(allow: set[str] | None = None, strict: bool = False) -> Registry:
    """Scan entry points once; skip (or, when ``strict``, raise on) plugins that fail to load."""
    reg = Registry()
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if allow is not None and ep.name not in allow:
            continue
        try:
            cls = ep.load()
            if not (isinstance(cls, type) and issubclass(cls, Provider)):
                raise TypeError(f"{ep.value} is not a Provider subclass")
            reg.providers[ep.name] = cls()
        except Exception as exc:  # a broken plugin must never stop start-up
            if strict:
                raise
            log.warning("provider %s failed to load: %s", ep.name, exc)
            reg.failed[ep.name] = f"{type(exc).__name__}: {exc}"
    return reg
