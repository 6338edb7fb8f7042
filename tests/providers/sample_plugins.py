"""Provider classes the registry tests load through entry points (good and broken ones)."""

from __future__ import annotations

import threading

from planner.providers import (
    Provider,
    Resource,
    ResourceKind,
    RetriableProviderError,
    Setting,
    SkillQuery,
)

RELEASE = threading.Event()


def resource(provider: str, n: int, **kw: object) -> Resource:
    base: dict[str, object] = {
        "provider": provider,
        "external_id": f"r{n}",
        "kind": ResourceKind.COURSE,
        "title": f"Resource {n}",
        "url": f"https://example.org/{n}",
    }
    base.update(kw)
    return Resource(**base)  # type: ignore[arg-type]


class GoodProvider(Provider):
    name = "good"
    version = "1.0"
    kinds = frozenset({ResourceKind.COURSE})
    terms_url = "https://example.org/terms"
    description = "Always answers."

    def search(self, query: SkillQuery) -> list[Resource]:
        return [resource(self.name, i) for i in range(query.limit)]


class RaisingProvider(GoodProvider):
    name = "raising"

    def search(self, query: SkillQuery) -> list[Resource]:
        raise RuntimeError("boom")


class FlakyProvider(GoodProvider):
    name = "flaky"

    def search(self, query: SkillQuery) -> list[Resource]:
        raise RetriableProviderError("upstream 503", retry_after=12)


class HangingProvider(GoodProvider):
    name = "hanging"

    def search(self, query: SkillQuery) -> list[Resource]:
        RELEASE.wait()  # until the test lets go: a plugin stuck forever
        return []


class GarbageProvider(GoodProvider):
    name = "garbage"

    def search(self, query: SkillQuery) -> list[Resource]:
        return [
            resource(self.name, 1),
            "junk",  # type: ignore[list-item]
            resource(self.name, 2, url="javascript:alert(1)"),
            resource(self.name, 3, title=""),
            resource("someone_else", 4),
            resource(self.name, 1),
            resource(self.name, 5),
        ]


class NotAListProvider(GoodProvider):
    name = "not_a_list"

    def search(self, query: SkillQuery) -> list[Resource]:
        return "surprise"  # type: ignore[return-value]


class ExitingProvider(GoodProvider):
    name = "exiting"

    def search(self, query: SkillQuery) -> list[Resource]:
        raise SystemExit(3)


class KeyedProvider(GoodProvider):
    name = "keyed"
    settings = (
        Setting("api_key", secret=True, required=True, help="the key"),
        Setting("region", default="eu"),
    )

    def search(self, query: SkillQuery) -> list[Resource]:
        raise RuntimeError(f"upstream said: key {self.config['api_key']} is bad")


class BadDeclaration(Provider):
    name = "Bad Name!"
    kinds = frozenset()
    terms_url = "ftp://nope"


class ExplodingInit(GoodProvider):
    name = "exploding"

    def __init__(self, env: object = None) -> None:
        raise OSError("cannot open config")


NOT_A_CLASS = 42
