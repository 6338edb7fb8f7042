"""GitHub provider: open "good first issue" issues via ``GET /search/issues``.

Search allows 10 requests/min anonymously and 30/min with a token; the limit is shared by all
workers through Redis, and a 403/429 with ``x-ratelimit-remaining: 0`` blocks every worker
until ``x-ratelimit-reset``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from planner.providers import (
    Authenticator,
    BearerAuth,
    Effort,
    HttpProvider,
    Level,
    LinkHeaderPaginator,
    Location,
    RateLimit,
    RateLimiter,
    Request,
    Resource,
    ResourceKind,
    Setting,
    SkillQuery,
    clean_text,
)

__all__ = ["GitHubIssuesProvider"]

# GitHub linguist names for skills that are languages; other skills become a text search.
LANGUAGES = {
    "python": "python",
    "javascript": "javascript",
    "typescript": "typescript",
    "java": "java",
    "go": "go",
    "golang": "go",
    "rust": "rust",
    "c": "c",
    "cpp": "c++",
    "c++": "c++",
    "csharp": "c#",
    "c#": "c#",
    "ruby": "ruby",
    "php": "php",
    "kotlin": "kotlin",
    "swift": "swift",
    "scala": "scala",
    "r": "r",
    "html": "html",
    "css": "css",
    "shell": "shell",
    "bash": "shell",
    "dart": "dart",
    "elixir": "elixir",
    "haskell": "haskell",
    "julia": "julia",
}
AUTHENTICATED_LIMIT = RateLimit(30, 60.0)


class GitHubIssuesProvider(HttpProvider):
    """Beginner-friendly open issues on GitHub, as practice in real open-source projects."""

    name = "github"
    version = "0.1.0"
    kinds = frozenset({ResourceKind.PRACTICE})
    terms_url = "https://docs.github.com/en/site-policy/github-terms/github-terms-of-service"
    description = "Open 'good first issue' issues on GitHub (token optional, raises the limit)."
    base_url = "https://api.github.com"
    settings = (
        Setting(
            "token", help="GitHub token (optional; 30 instead of 10 searches/min)", secret=True
        ),
    )
    rate_limit = RateLimit(10, 60.0)
    paginator = LinkHeaderPaginator(page_param="page", size_param="per_page")
    records_key = "items"
    page_size = 30
    max_pages = 2
    cache_ttl = 1800.0

    def build_request(self, query: SkillQuery) -> Request:
        terms = ['label:"good first issue"', "is:issue", "state:open", "no:assignee"]
        lang = next(
            (
                LANGUAGES[s.lower()]
                for s in (query.skill_id, query.label, *query.aliases)
                if s and s.lower() in LANGUAGES
            ),
            None,
        )
        if lang:
            terms.append(f'language:"{lang}"')
        else:
            terms.append(f'"{(query.label or query.skill_id).replace(chr(34), "")}" in:title,body')
        return Request(
            "search/issues",
            params={"q": " ".join(terms), "sort": "created", "order": "desc"},
            headers={"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"},
        )

    def authenticator(self) -> Authenticator:
        return BearerAuth(self.config["token"])

    def limiter(self) -> RateLimiter | None:
        limiter = super().limiter()
        default = str(self.rate_limit)
        if limiter and self.config["token"] and self.config["rate_limit"] == default:
            return RateLimiter(self.name, AUTHENTICATED_LIMIT)
        return limiter

    def parse_item(self, item: Any, query: SkillQuery) -> Resource | None:
        if "pull_request" in item:
            return None  # the query asks for issues; skip anything else quietly
        repo = str(item["repository_url"]).split("/repos/", 1)[1]
        comments = item.get("comments")
        return Resource(
            provider=self.name,
            external_id=str(item["id"]),
            kind=ResourceKind.PRACTICE,
            title=clean_text(f"{repo}#{item['number']}: {item['title']}", 300),
            url=str(item["html_url"]),
            description=clean_text(item.get("body"), 600),
            skills=(query.skill_id,),
            level=Level.INTRODUCTORY,
            effort=Effort(total_hours=4.0, is_estimate=True),
            location=Location(remote=True),
            source=clean_text(repo, 200) + (f" ({comments} comments)" if comments else ""),
            fetched_at=datetime.now(UTC),
        )
