"""``planner providers new NAME``: a provider distribution that passes the kit as generated."""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from planner.providers.base import NAME_PATTERN

PYPROJECT = """[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "skill-planner-$dash"
version = "0.1.0"
description = "Skill Planner provider: $title."
requires-python = ">=3.11"
dependencies = ["skill-planner"]

[project.entry-points."skill_planner.providers.v1"]
$name = "$pkg:$cls"

[tool.setuptools.packages.find]
include = ["$pkg*"]

[tool.pytest.ini_options]
filterwarnings = ["error"]
"""

SIMPLE = '''"""$title provider for Skill Planner."""

from __future__ import annotations

from planner.providers import (
    Cost,
    Effort,
    Provider,
    Resource,
    ResourceKind,
    Results,
    SkillQuery,
)

# Replace with your source. Each entry lists the skill ids (slugs) it helps with.
RESOURCES = (
    Resource(
        provider="$name",
        external_id="python-tutorial",
        kind=ResourceKind.COURSE,
        title="The Python Tutorial",
        url="https://docs.python.org/3/tutorial/",
        description="The official tutorial, from basics to classes and the standard library.",
        skills=("python",),
        cost=Cost(free=True, amount=0.0),
        effort=Effort(total_hours=12.0, is_estimate=True),
        source="Python Software Foundation",
    ),
)


class $cls(Provider):
    """$title."""

    name = "$name"
    version = "0.1.0"
    kinds = frozenset({ResourceKind.COURSE})
    terms_url = "https://example.org/terms"
    description = "$title (edit this line)."

    def search(self, query: SkillQuery) -> list[Resource]:
        wanted = {query.skill_id, *query.aliases}
        hits = [r for r in RESOURCES if wanted.intersection(r.skills)]
        if query.max_cost is not None:
            hits = [r for r in hits if r.cost.value <= query.max_cost]
        return Results(hits[: query.limit])
'''

HTTP = '''"""$title provider for Skill Planner: calls a JSON search API."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from planner.providers import (
    ApiKeyAuth,
    Authenticator,
    Cost,
    Effort,
    HttpProvider,
    NextUrlPaginator,
    RateLimit,
    Request,
    Resource,
    ResourceKind,
    Setting,
    SkillQuery,
    clean_text,
)
from planner.providers.parsing import parse_effort, parse_price


class $cls(HttpProvider):
    """$title."""

    name = "$name"
    version = "0.1.0"
    kinds = frozenset({ResourceKind.COURSE})
    terms_url = "https://example.org/terms"
    description = "$title (edit this line)."
    base_url = "https://api.example.org"
    settings = (Setting("api_key", help="API key (optional)", secret=True),)
    rate_limit = RateLimit(60, 60.0)
    paginator = NextUrlPaginator(key="next", size_param="limit")
    records_key = "results"

    def build_request(self, query: SkillQuery) -> Request:
        return Request("v1/search/", params={"q": query.label or query.skill_id})

    def authenticator(self) -> Authenticator:
        return ApiKeyAuth(self.config["api_key"], header="X-API-Key")

    def parse_item(self, item: Any, query: SkillQuery) -> Resource | None:
        price = parse_price(item.get("price"))
        return Resource(
            provider=self.name,
            external_id=str(item["id"]),
            kind=ResourceKind.COURSE,
            title=clean_text(item["title"], 300),
            url=str(item["url"]),
            description=clean_text(item.get("description"), 2000),
            skills=(query.skill_id,),
            cost=Cost(free=not price, amount=price or 0.0),
            effort=parse_effort(item.get("duration")) or Effort(total_hours=10.0, is_estimate=True),
            fetched_at=datetime.now(UTC),
        )
'''

FAKE_API = '''"""A local stand-in for the upstream API (its documented shape), used by the tests."""

from __future__ import annotations

from urllib.parse import urlencode

from planner.providers.stub import StubRequest, StubResponse

ROWS = [
    {"id": n, "title": f"Python course {n}", "url": f"https://courses.example.org/{n}",
     "description": "<p>Learn Python.</p>", "price": "0.00" if n % 2 else "49.00",
     "duration": "3-5 hours/week"}
    for n in range(1, 31)
]


def handler(req: StubRequest) -> StubResponse:
    if req.path != "/v1/search/":
        return StubResponse(404, {"detail": "Not found."})
    limit, offset = int(req.arg("limit", "10")), int(req.arg("offset", "0"))
    hits = [r for r in ROWS if req.arg("q").lower() in r["title"].lower()]
    nxt = None
    if offset + limit < len(hits):
        nxt = f"{req.base_url}{req.path}?" + urlencode(
            {**req.query, "offset": [str(offset + limit)]}, doseq=True)
    return StubResponse(200, {"count": len(hits), "next": nxt, "previous": None,
                              "results": hits[offset: offset + limit]})
'''

TEST_SIMPLE = """from planner.providers import SkillQuery
from planner.providers.testing import ProviderConformance
from $pkg import $cls


class Test${cls}Conformance(ProviderConformance):
    provider_class = $cls
    known_query = SkillQuery(skill_id="python", label="Python")
    empty_query = SkillQuery(skill_id="no-such-skill", label="No such skill")
"""

TEST_HTTP = """from planner.providers import SkillQuery
from planner.providers.stub import Handler
from planner.providers.testing import HttpProviderConformance
from $pkg import $cls
from $pkg.fake_api import handler


class Test${cls}Conformance(HttpProviderConformance):
    provider_class = $cls
    known_query = SkillQuery(skill_id="python", label="Python")
    empty_query = SkillQuery(skill_id="no-such-skill", label="No such skill")
    env = {"PLANNER_${upper}_API_KEY": "fake-key-for-tests-123"}

    def fake_api(self) -> Handler:
        return handler
"""

README = """# skill-planner-$dash

A [Skill Planner](https://github.com/skill-planner/skill-planner) provider: $title.

    pip install -e .
    pytest                      # the conformance kit
    planner providers list      # shows "$name"

Settings are read from `PLANNER_${upper}_*` environment variables (see `planner providers list`).
"""


def render(name: str, dest: Path, http: bool = False) -> list[Path]:
    """Write a new provider distribution for ``name`` under ``dest``.

    Args:
        name: the provider name (``[a-z][a-z0-9_]``, 2-40 characters).
        dest: target folder; must not exist or be empty.
        http: scaffold an HttpProvider with a fake API instead of a static list.

    Returns:
        The files written.

    Raises:
        ValueError: bad name, or ``dest`` is not empty.
    """
    if not NAME_PATTERN.match(name):
        raise ValueError(f"provider name {name!r} must match {NAME_PATTERN.pattern}")
    if dest.exists() and any(dest.iterdir()):
        raise ValueError(f"{dest} exists and is not empty")
    pkg = f"skill_planner_{name}"
    words = re.split(r"_+", name)
    subs = {
        "name": name,
        "pkg": pkg,
        "dash": name.replace("_", "-"),
        "upper": name.upper(),
        "cls": "".join(w.capitalize() for w in words) + "Provider",
        "title": " ".join(w.capitalize() for w in words),
    }
    files = {
        "pyproject.toml": PYPROJECT,
        "README.md": README,
        f"{pkg}/__init__.py": HTTP if http else SIMPLE,
        f"tests/test_{name}_provider.py": TEST_HTTP if http else TEST_SIMPLE,
    }
    if http:
        files[f"{pkg}/fake_api.py"] = FAKE_API
    written = []
    for rel, text in files.items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Template(text).substitute(subs), encoding="utf-8")
        written.append(path)
    return written
