"""Stub providers ``stub_a`` .. ``stub_j``: each asks ``GET <base_url>/search`` on a local server.

The server (``tests.stubs.server``) decides how each answers: in time, late, never, with an
error or with garbage, so the pipeline meets real sockets and real timeouts. A stub is not
configured (and so never used) unless ``PLANNER_STUB_<X>_BASE_URL`` is set. The stub API also
takes several goals in one call (``skill`` and ``label`` repeated); a stub asks that way when
``PLANNER_STUB_<X>_BATCH`` is above 1 (default 1: one call per goal).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import requests

from planner.providers import (
    FatalProviderError,
    MalformedPayloadError,
    Provider,
    ProviderSession,
    Resource,
    ResourceKind,
    RetriableProviderError,
    Setting,
    SkillQuery,
)

NAMES = tuple(f"stub_{c}" for c in "abcdefghij")


class StubProvider(Provider):
    """Base of the stubs: one HTTP GET per query, JSON ``{"results": [...]}`` back; or, for a
    batch, one GET for several queries, ``{"answers": [{"skill", "results"}, ...]}`` back."""

    version = "1"
    kinds = frozenset({ResourceKind.COURSE})
    terms_url = "https://example.org/terms"
    description = "Test stub (local HTTP server)"
    settings = (Setting("base_url", help="the stub server's URL", required=True),
                Setting("batch", help="most goals asked in one call (1: one call per goal)",
                        default="1"))
    max_batch = 10

    def batch_limit(self) -> int:
        try:
            return max(1, min(self.max_batch, int(self.config["batch"] or 1)))
        except ValueError:
            return 1

    @property
    def session(self) -> requests.Session:
        """One keep-alive session per provider instance, of the kind ``HttpProvider`` keeps."""
        s: requests.Session | None = self.__dict__.get("_session")
        if s is None:
            s = self.__dict__["_session"] = ProviderSession()
        return s

    def search(self, query: SkillQuery) -> list[Resource]:
        body = self._get([query])
        try:
            return self._resources(body["results"], query)
        except (KeyError, TypeError) as exc:
            raise MalformedPayloadError(f"{self.name}: not the documented shape "
                                        f"({type(exc).__name__})") from None

    def search_batch(self, queries: Sequence[SkillQuery]) -> list[list[Resource]]:
        if len(queries) == 1:
            return [self.search(queries[0])]
        body = self._get(queries)
        try:
            answers = {a["skill"]: a["results"] for a in body["answers"]}
            return [self._resources(answers[q.skill_id], q) for q in queries]
        except (KeyError, TypeError) as exc:
            raise MalformedPayloadError(f"{self.name}: not the documented shape "
                                        f"({type(exc).__name__})") from None

    def _get(self, queries: Sequence[SkillQuery]) -> Any:
        params: list[tuple[str, str | int]] = [("provider", self.name)]
        for q in queries:
            params += [("skill", q.skill_id), ("label", q.label)]
        params.append(("limit", max(q.limit for q in queries)))
        try:
            resp = self.session.get(f"{self.config['base_url']}/search", timeout=120,
                                    params=params)
        except requests.RequestException as exc:
            raise RetriableProviderError(f"{self.name}: {type(exc).__name__}") from None
        if resp.status_code >= 500 or resp.status_code == 429:
            raise RetriableProviderError(f"{self.name}: HTTP {resp.status_code}")
        if resp.status_code >= 400:
            raise FatalProviderError(f"{self.name}: HTTP {resp.status_code}")
        try:
            return resp.json()
        except ValueError:
            raise MalformedPayloadError(f"{self.name}: not the documented shape "
                                        "(not JSON)") from None

    def _resources(self, rows: list[dict[str, Any]], query: SkillQuery) -> list[Resource]:
        return [self._resource(row, query) for row in rows][: query.limit]

    def _resource(self, row: dict[str, Any], query: SkillQuery) -> Resource:
        return Resource(provider=self.name, external_id=str(row["id"]),
                        kind=ResourceKind.COURSE, title=str(row["title"]), url=str(row["url"]),
                        skills=(query.skill_id,), source="stub")


def _make(name: str) -> type[StubProvider]:
    cls_name = "Stub" + name.split("_")[1].upper()
    return type(cls_name, (StubProvider,), {"name": name, "__module__": __name__})


StubA, StubB, StubC, StubD, StubE, StubF, StubG, StubH, StubI, StubJ = (_make(n) for n in NAMES)
__all__ = ["NAMES", "StubProvider", *(f"Stub{c.upper()}" for c in "abcdefghij")]
