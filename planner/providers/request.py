"""The request/response values HttpProvider, paginators and authenticators pass around."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

ParamValue = str | int | float | list[str]


@dataclass(frozen=True)
class Request:
    """One HTTP request, before auth is applied.

    Attributes:
        url: absolute URL (or a path joined to the provider's base URL by HttpProvider).
        params: query parameters; a list value repeats the parameter (``topic=a&topic=b``).
        headers: extra headers.
        method: HTTP method; providers are read-only, so almost always GET.
        json: a JSON body, for POST-only APIs (e.g. GraphQL).
    """

    url: str
    params: Mapping[str, ParamValue] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    method: str = "GET"
    json: Any = None

    def with_params(self, **params: ParamValue | None) -> Request:
        """A copy with ``params`` merged in (a None value removes the parameter)."""
        merged = {**self.params, **{k: v for k, v in params.items() if v is not None}}
        for k, v in params.items():
            if v is None:
                merged.pop(k, None)
        return replace(self, params=merged)

    def with_headers(self, **headers: str) -> Request:
        """A copy with ``headers`` merged in."""
        return replace(self, headers={**self.headers, **headers})


@dataclass(frozen=True)
class Response:
    """A decoded JSON response.

    Attributes:
        status: HTTP status code.
        url: the final URL (after redirects).
        headers: response headers, lower-cased names.
        data: the decoded JSON body.
        from_cache: True when served from the response cache.
    """

    status: int
    url: str
    headers: Mapping[str, str]
    data: Any
    from_cache: bool = False


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of ``url``, used to keep pagination on the provider's own host."""
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port
