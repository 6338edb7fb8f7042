"""The Provider base class plugin authors subclass."""

from __future__ import annotations

from typing import ClassVar

from planner.providers.errors import ProviderError
from planner.providers.model import Resource, ResourceKind, SkillQuery


class Provider:
    """A source of resources. Subclass, set the class attributes, override :meth:`search`.

    Attributes:
        name: unique, lowercase, used in settings and URLs.
        version: the plugin's own version string.
        kinds: the resource kinds this provider can return.
        terms_url: where its data's terms or attribution live.
    """

    name: ClassVar[str] = ""
    version: ClassVar[str] = "0"
    kinds: ClassVar[frozenset[ResourceKind]] = frozenset()
    terms_url: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def configured(self) -> tuple[bool, str]:
        """Return (ready, reason) — False with a reason when required settings are missing."""
        return True, ""

    def search(self, query: SkillQuery) -> list[Resource]:
        """Return resources that help with ``query``; raise a ProviderError subclass on failure.

        Args:
            query: the skill goal and the person's limits.

        Returns:
            At most ``query.limit`` resources, best first.
        """
        raise ProviderError(f"{self.name} does not implement search()")
