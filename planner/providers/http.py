"""HttpProvider: a Provider that calls a JSON API, with timeouts, errors, paging, cache and limits.

Subclass it, set ``base_url`` and the manifest, and write :meth:`HttpProvider.build_request`
and :meth:`HttpProvider.parse_item`. Everything else — the session, timeouts, the
retriable/fatal split, pagination, auth, the Redis cache and the shared rate limit — is here.
"""

from __future__ import annotations

import json
import logging
import time
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar
from urllib.parse import urljoin

import requests

from planner.providers.auth import Authenticator
from planner.providers.base import Provider, Results
from planner.providers.cache import ResponseCache
from planner.providers.config import Setting
from planner.providers.errors import (
    FatalProviderError,
    MalformedPayloadError,
    NotConfiguredError,
    ProviderTimeoutError,
    RateLimitedError,
    RetriableProviderError,
)
from planner.providers.model import Resource, SkillQuery
from planner.providers.pagination import Paginator, SinglePage
from planner.providers.ratelimit import RateLimit, RateLimiter
from planner.providers.request import Request, Response, origin
from planner.providers.session import ProviderSession
from planner.providers.validation import ResourceValidationError, validate_resource

log = logging.getLogger(__name__)
USER_AGENT = "SkillPlanner/0.1 (+https://github.com/skill-planner/skill-planner)"
MAX_LOCAL_WAIT = 2.0  # seconds we may sleep for the shared rate limit before giving up (retriable)
_PARSE_ERRORS = (
    KeyError,
    TypeError,
    ValueError,
    AttributeError,
    IndexError,
    ResourceValidationError,
)


class HttpProvider(Provider):
    """A provider backed by an HTTP JSON API.

    Attributes:
        base_url: default API root; overridable by ``PLANNER_<NAME>_BASE_URL`` (tests point it at
            a local server).
        connect_timeout: seconds to wait for a connection.
        read_timeout: seconds to wait for each read; ``PLANNER_<NAME>_TIMEOUT`` overrides.
        cache_ttl: seconds to keep responses in Redis; ``PLANNER_<NAME>_CACHE_TTL``, 0 disables.
        paginator: how to follow pages (see :mod:`planner.providers.pagination`).
        page_size: records to ask for per page.
        max_pages: hard stop on pages per search.
        records_key: payload key of the record list (None: the payload is the list).
        max_response_bytes: larger bodies are refused as malformed.
    """

    base_url: ClassVar[str] = ""
    connect_timeout: ClassVar[float] = 3.05
    read_timeout: ClassVar[float] = 10.0
    cache_ttl: ClassVar[float] = 3600.0
    paginator: ClassVar[Paginator] = SinglePage()
    page_size: ClassVar[int] = 20
    max_pages: ClassVar[int] = 3
    records_key: ClassVar[str | None] = "results"
    max_response_bytes: ClassVar[int] = 5_000_000

    # ---- what a subclass writes -------------------------------------------------------------

    def build_request(self, query: SkillQuery) -> Request:
        """The first request for ``query`` (path relative to the base URL, or absolute).

        Args:
            query: the skill goal and limits.
        """
        raise NotImplementedError

    def parse_item(self, item: Any, query: SkillQuery) -> Resource | None:
        """Map one upstream record to a Resource; None skips it quietly (e.g. wrong type).

        Raising KeyError/TypeError/ValueError counts the item as dropped, never fails the search.
        """
        raise NotImplementedError

    def authenticator(self) -> Authenticator:
        """How requests are authenticated; built from the (secret) settings. Default: none."""
        return Authenticator()

    def records(self, payload: Any) -> list[Any]:
        """The list of records in a page payload.

        Raises:
            MalformedPayloadError: when the payload is not the documented shape.
        """
        items = (
            payload.get(self.records_key)
            if self.records_key and isinstance(payload, dict)
            else (None if self.records_key else payload)
        )
        if not isinstance(items, list):
            raise MalformedPayloadError(f"{self.name}: expected a list under {self.records_key!r}")
        return items

    # ---- the machinery ----------------------------------------------------------------------

    @classmethod
    def all_settings(cls) -> tuple[Setting, ...]:
        return (
            Setting("base_url", help="API root URL", default=cls.base_url),
            Setting("timeout", help="read timeout in seconds", default=str(cls.read_timeout)),
            Setting(
                "cache_ttl", help="response cache seconds (0 = off)", default=str(cls.cache_ttl)
            ),
            Setting(
                "rate_limit",
                help="override the rate limit, e.g. 10/m; 'off' disables",
                default=str(cls.rate_limit) if cls.rate_limit else "off",
            ),
            *cls.settings,
        )

    @classmethod
    def problems(cls) -> list[str]:
        out = super().problems()
        if not cls.base_url.startswith(("https://", "http://")):
            out.append("base_url must be an http(s) URL")
        if (
            cls.build_request is HttpProvider.build_request
            or cls.parse_item is HttpProvider.parse_item
        ):
            out.append("build_request() and parse_item() must be implemented")
        return [p for p in out if p != "search() is not implemented"]

    @property
    def api_root(self) -> str:
        """The configured base URL, ending with '/'."""
        return (self.config["base_url"] or self.base_url).rstrip("/") + "/"

    @property
    def session(self) -> requests.Session:
        """One session per provider instance, created on first use."""
        s: requests.Session | None = self.__dict__.get("_session")
        if s is None:
            s = ProviderSession()
            s.headers["User-Agent"] = USER_AGENT
            s.headers["Accept"] = "application/json"
            self.__dict__["_session"] = s
        return s

    def search(self, query: SkillQuery) -> list[Resource]:
        ok, reason = self.configured()
        if not ok:
            raise NotConfiguredError(f"{self.name}: {reason}")
        out = Results()
        seen: set[str] = set()
        request: Request | None = self.paginator.first(self.build_request(query), self.page_size)
        for _ in range(self.max_pages):
            if request is None or len(out) >= query.limit:
                break
            response = self.fetch(request)
            items = self.records(response.data)
            for item in items:
                self._add(out, seen, item, query)
            request = self.paginator.next(request, response, self.page_size, len(items))
        del out[query.limit :]
        return out

    def _add(self, out: Results, seen: set[str], item: Any, query: SkillQuery) -> None:
        try:
            resource = self.parse_item(item, query)
            if resource is None:
                return
            validate_resource(resource, provider=self.name)
        except _PARSE_ERRORS as exc:
            out.dropped += 1
            log.info("%s: dropped an item: %s", self.name, self.config.redact(str(exc))[:200])
            return
        if resource.external_id not in seen:
            seen.add(resource.external_id)
            out.append(resource)

    def fetch(self, request: Request) -> Response:
        """Send ``request`` (cached, rate limited, authenticated) and decode its JSON.

        Raises:
            RetriableProviderError: timeouts, connection errors, 5xx, 429, upstream rate limits.
            FatalProviderError: other 4xx, non-JSON or oversized bodies, off-site next links.
        """
        url = urljoin(self.api_root, request.url)
        if origin(url) != origin(self.api_root):
            raise FatalProviderError(f"{self.name}: refusing to follow a link off {self.api_root}")
        request = self.authenticator().apply(
            Request(url, request.params, request.headers, request.method, request.json)
        )
        cache = ResponseCache(self.name, self._float_setting("cache_ttl", self.cache_ttl))
        key = cache.key(request.method, url, sorted(request.params.items()), request.json)
        hit = cache.get(key)
        if isinstance(hit, dict) and "data" in hit:
            return Response(
                200,
                str(hit.get("url", url)),
                dict(hit.get("headers") or {}),
                hit["data"],
                from_cache=True,
            )
        self._wait_for_budget()
        response = self._send(request)
        cache.set(
            key, {"url": response.url, "headers": dict(response.headers), "data": response.data}
        )
        return response

    def _send(self, request: Request) -> Response:
        timeout = (self.connect_timeout, self._float_setting("timeout", self.read_timeout))
        try:
            with self.session.request(
                request.method,
                request.url,
                params=request.params,
                headers=dict(request.headers),
                json=request.json,
                timeout=timeout,
                stream=True,
            ) as raw:
                body = raw.raw.read(self.max_response_bytes + 1, decode_content=True)
                headers = {k.lower(): v for k, v in raw.headers.items()}
                status, final_url = raw.status_code, raw.url
        except requests.Timeout as exc:
            raise ProviderTimeoutError(f"{self.name}: timed out ({type(exc).__name__})") from None
        except (requests.ConnectionError, OSError) as exc:
            raise RetriableProviderError(
                f"{self.name}: connection failed ({type(exc).__name__})"
            ) from None
        except requests.RequestException as exc:
            raise FatalProviderError(
                self.config.redact(f"{self.name}: request failed: {exc}")
            ) from None
        self.check_status(status, headers, body)
        if len(body) > self.max_response_bytes:
            raise MalformedPayloadError(
                f"{self.name}: response larger than {self.max_response_bytes} bytes"
            )
        try:
            data = json.loads(body)
        except ValueError:
            raise MalformedPayloadError(f"{self.name}: response is not JSON") from None
        return Response(status, final_url, headers, data)

    def check_status(self, status: int, headers: dict[str, str], body: bytes) -> None:
        """Turn an HTTP status into the right error (override to add API-specific cases)."""
        if status < 400:
            return
        snippet = self.config.redact(body[:200].decode("utf-8", "replace"))
        retry_after = retry_after_seconds(headers)
        if status == 429 or (status == 403 and headers.get("x-ratelimit-remaining") == "0"):
            self._limiter_block(retry_after)
            raise RateLimitedError(
                f"{self.name}: rate limited by upstream (HTTP {status})", retry_after
            )
        if status >= 500:
            raise RetriableProviderError(f"{self.name}: upstream error HTTP {status}", retry_after)
        if status in (401, 403):
            raise FatalProviderError(f"{self.name}: not authorised (HTTP {status}): {snippet}")
        raise FatalProviderError(f"{self.name}: HTTP {status}: {snippet}")

    def limiter(self) -> RateLimiter | None:
        """The shared limiter, from ``rate_limit`` or its ``PLANNER_<NAME>_RATE_LIMIT`` override."""
        spec = (self.config["rate_limit"] or "off").strip().lower()
        if spec in ("off", "none", "0"):
            return None
        return RateLimiter(self.name, RateLimit.parse(spec))

    def _wait_for_budget(self) -> None:
        limiter = self.limiter()
        if limiter is None:
            return
        wait = limiter.acquire()
        if 0 < wait <= MAX_LOCAL_WAIT:
            time.sleep(wait)
            wait = limiter.acquire()
        if wait > 0:
            raise RateLimitedError(f"{self.name}: rate limit {limiter.limit} reached", wait)

    def _limiter_block(self, seconds: float | None) -> None:
        limiter = self.limiter()
        if limiter is not None:
            # Never trust an upstream to block us for more than an hour.
            limiter.block(min(seconds, 3600.0) if seconds and seconds > 0 else 60.0)

    def _float_setting(self, name: str, default: float) -> float:
        try:
            return float(self.config[name] or default)
        except ValueError:
            return default


def retry_after_seconds(headers: dict[str, str], now: float | None = None) -> float | None:
    """Seconds to wait, from ``Retry-After`` (seconds or date) or ``x-ratelimit-reset`` (epoch)."""
    now = time.time() if now is None else now
    value = headers.get("retry-after", "").strip()
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            pass
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - now)
        except (TypeError, ValueError):
            pass
    reset = headers.get("x-ratelimit-reset", "").strip()
    if reset.isdigit():
        return max(0.0, float(reset) - now)
    return None
