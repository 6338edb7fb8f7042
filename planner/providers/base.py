"""The Provider base class plugin authors subclass."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from planner.providers.config import ProviderConfig, Setting
from planner.providers.errors import ProviderError
from planner.providers.model import Resource, ResourceKind, SkillQuery
from planner.providers.ratelimit import RateLimit

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
MAX_BATCH = 100  # the most queries a provider may declare it answers in one call


class Results(list[Resource]):
    """A provider's answer: a plain list of resources that also counts the items it dropped.

    Attributes:
        dropped: upstream items skipped because they could not be parsed or failed validation.
    """

    def __init__(self, items: list[Resource] | None = None, dropped: int = 0) -> None:
        super().__init__(items or [])
        self.dropped = dropped


class Provider:
    """A source of resources. Subclass, set the class attributes, override :meth:`search`.

    Attributes:
        name: unique, lowercase ``[a-z][a-z0-9_]``, used in settings, env vars and URLs.
        version: the plugin's own version string.
        kinds: the resource kinds this provider can return.
        terms_url: where its data's terms or attribution live (http/https).
        description: one line for ``planner providers list`` and the providers page.
        settings: the config schema; values come from ``PLANNER_<NAME>_<SETTING>`` env vars.
        rate_limit: the most calls the upstream allows, shared by all workers (None = unlimited).
        max_batch: the most queries one upstream call can answer. Leave it at 1 unless the API
            takes several skills in one request; above 1, override :meth:`search_batch`.

    Args:
        env: where settings are read from (default ``os.environ``); tests pass a dict.
    """

    name: ClassVar[str] = ""
    version: ClassVar[str] = "0"
    kinds: ClassVar[frozenset[ResourceKind]] = frozenset()
    terms_url: ClassVar[str] = ""
    description: ClassVar[str] = ""
    settings: ClassVar[tuple[Setting, ...]] = ()
    rate_limit: ClassVar[RateLimit | None] = None
    max_batch: ClassVar[int] = 1

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        self._env: Mapping[str, str] | None = env

    @property
    def config(self) -> ProviderConfig:
        """This instance's resolved settings (read once, secrets masked in ``repr``)."""
        cfg: ProviderConfig | None = self.__dict__.get("_config")
        if cfg is None:
            env = self.__dict__.get("_env")
            cfg = ProviderConfig(self.name, self.all_settings(), os.environ if env is None else env)
            self.__dict__["_config"] = cfg
        return cfg

    @classmethod
    def all_settings(cls) -> tuple[Setting, ...]:
        """The declared settings plus any the base class adds (HttpProvider adds base_url ...)."""
        return cls.settings

    def configured(self) -> tuple[bool, str]:
        """Return (ready, reason) — False with a reason when required settings are missing."""
        missing = self.config.missing()
        if missing:
            return False, "missing setting(s): " + ", ".join(missing)
        return True, ""

    def search(self, query: SkillQuery) -> list[Resource]:
        """Return resources that help with ``query``; raise a ProviderError subclass on failure.

        Args:
            query: the skill goal and the person's limits.

        Returns:
            At most ``query.limit`` resources, best first. An empty list when nothing matches.

        Raises:
            RetriableProviderError: a transient failure (timeout, 5xx, 429).
            FatalProviderError: anything retrying will not fix (auth, bad request, bad payload).
        """
        raise ProviderError(f"{self.name} does not implement search()")

    def search_batch(self, queries: Sequence[SkillQuery]) -> list[list[Resource]]:
        """Answer several queries with one upstream call (for APIs that take several skills).

        The pipeline calls it with 2 to :meth:`batch_limit` queries of one plan, instead of
        :meth:`search` once per query. The default asks :meth:`search` for each in turn.

        Args:
            queries: the goals to answer, each with the person's limits.

        Returns:
            One list per query, in the order given, each as :meth:`search` would return it.

        Raises:
            The errors :meth:`search` raises; a failure fails every query of the batch.
        """
        return [self.search(q) for q in queries]

    def batch_limit(self) -> int:
        """How many queries one call may carry on this instance: ``max_batch``, unless the
        plugin narrows it from its settings (e.g. an upstream plan with smaller batches); the
        pipeline never sends more than ``max_batch``."""
        return self.max_batch

    @classmethod
    def problems(cls) -> list[str]:
        """What is wrong with this class's declaration (empty when it is fine)."""
        out: list[str] = []
        if not isinstance(cls.name, str) or not NAME_PATTERN.match(cls.name):
            out.append(f"name {cls.name!r} must match {NAME_PATTERN.pattern}")
        if not isinstance(cls.version, str) or not cls.version.strip():
            out.append("version must be a non-empty string")
        kinds = cls.kinds
        if not kinds or not all(isinstance(k, ResourceKind) for k in kinds):
            out.append("kinds must be a non-empty set of ResourceKind")
        if not isinstance(cls.terms_url, str) or not cls.terms_url.startswith(
            ("https://", "http://")
        ):
            out.append("terms_url must be an http(s) URL")
        if cls.rate_limit is not None and not isinstance(cls.rate_limit, RateLimit):
            out.append("rate_limit must be a RateLimit or None")
        names = [s.name for s in cls.all_settings()]
        if len(names) != len(set(names)):
            out.append("setting names must be unique")
        for s in cls.all_settings():
            out.extend(s.problems())
        if cls.search is Provider.search:
            out.append("search() is not implemented")
        if not isinstance(cls.max_batch, int) or isinstance(cls.max_batch, bool) or not (
                1 <= cls.max_batch <= MAX_BATCH):
            out.append(f"max_batch must be an int from 1 to {MAX_BATCH}")
        elif cls.max_batch > 1 and cls.search_batch is Provider.search_batch:
            out.append("max_batch > 1 needs search_batch() (one upstream call for the batch)")
        return out

    def describe(self) -> dict[str, Any]:
        """JSON-able manifest: what the providers page and ``planner providers list`` show."""
        ok, reason = self.configured()
        return {
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "kinds": sorted(k.value for k in self.kinds),
            "terms_url": self.terms_url,
            "rate_limit": str(self.rate_limit) if self.rate_limit else None,
            "max_batch": self.max_batch,
            "settings": self.config.describe(),
            "configured": ok,
            "reason": reason,
        }
