"""Authenticators: each adds credentials to a request. Values come from secret settings."""

from __future__ import annotations

import base64

from planner.providers.request import Request


class Authenticator:
    """No authentication."""

    def apply(self, request: Request) -> Request:
        """Return ``request`` with credentials added."""
        return request


class ApiKeyAuth(Authenticator):
    """An API key in a header (default ``X-API-Key``) or, when ``query_param`` is set, the query.

    Args:
        key: the key; with a blank key nothing is added.
        header: header name.
        query_param: put the key in this query parameter instead of a header.
    """

    def __init__(
        self, key: str | None, header: str = "X-API-Key", query_param: str | None = None
    ) -> None:
        self.key, self.header, self.query_param = key, header, query_param

    def apply(self, request: Request) -> Request:
        if not self.key:
            return request
        if self.query_param:
            return request.with_params(**{self.query_param: self.key})
        return request.with_headers(**{self.header: self.key})


class BearerAuth(Authenticator):
    """``Authorization: Bearer <token>``; with a blank token nothing is added (optional auth).

    Args:
        token: the token.
    """

    def __init__(self, token: str | None) -> None:
        self.token = token

    def apply(self, request: Request) -> Request:
        return request.with_headers(Authorization=f"Bearer {self.token}") if self.token else request


class BasicAuth(Authenticator):
    """HTTP Basic; ``password`` may be blank (Idealist-style "key as username").

    Args:
        username: user name or key.
        password: password, often blank.
    """

    def __init__(self, username: str | None, password: str | None = "") -> None:
        self.username, self.password = username, password

    def apply(self, request: Request) -> Request:
        if not self.username:
            return request
        raw = f"{self.username}:{self.password or ''}".encode()
        return request.with_headers(Authorization="Basic " + base64.b64encode(raw).decode("ascii"))
