"""Paginators: given the request just sent and its response, build the next request or stop.

HttpProvider always stops at ``max_pages`` and once it has ``query.limit`` resources, so a
paginator only has to say where the next page is.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from planner.providers.request import Request, Response

_LINK = re.compile(r'<([^>]*)>\s*;\s*(?:[^,]*?\s)?rel="?([^",]*)"?')


class Paginator:
    """Base paginator: a single page."""

    def first(self, request: Request, page_size: int) -> Request:
        """The first page's request (adds size/offset parameters)."""
        return request

    def next(
        self, request: Request, response: Response, page_size: int, records: int
    ) -> Request | None:
        """The next page's request, or None when this was the last page.

        Args:
            request: the request that produced ``response``.
            response: the decoded response.
            page_size: the page size asked for.
            records: how many records the page held.
        """
        return None


class SinglePage(Paginator):
    """The API has no pagination (or one page is always enough)."""


class OffsetPaginator(Paginator):
    """``?limit=N&offset=K`` pagination (DRF LimitOffsetPagination, edX, MIT Learn).

    Args:
        limit_param: name of the page-size parameter.
        offset_param: name of the offset parameter.
        total_key: key of the total count in the payload, if any.
    """

    def __init__(
        self,
        limit_param: str = "limit",
        offset_param: str = "offset",
        total_key: str | None = "count",
    ) -> None:
        self.limit_param, self.offset_param, self.total_key = limit_param, offset_param, total_key

    def first(self, request: Request, page_size: int) -> Request:
        return request.with_params(**{self.limit_param: page_size, self.offset_param: 0})

    def next(
        self, request: Request, response: Response, page_size: int, records: int
    ) -> Request | None:
        offset = int(request.params.get(self.offset_param, 0)) + records  # type: ignore[arg-type]
        total = _get(response.data, self.total_key)
        if records < page_size or (isinstance(total, int) and offset >= total):
            return None
        return request.with_params(**{self.offset_param: offset})


class PageNumberPaginator(Paginator):
    """``?page=N&page_size=M`` pagination (GitHub's ``per_page``, Volunteer Connector).

    Args:
        page_param: name of the page parameter.
        size_param: name of the page-size parameter.
        first_page: number of the first page (usually 1).
    """

    def __init__(
        self, page_param: str = "page", size_param: str = "page_size", first_page: int = 1
    ) -> None:
        self.page_param, self.size_param, self.first_page = page_param, size_param, first_page

    def first(self, request: Request, page_size: int) -> Request:
        return request.with_params(**{self.page_param: self.first_page, self.size_param: page_size})

    def next(
        self, request: Request, response: Response, page_size: int, records: int
    ) -> Request | None:
        if records < page_size:
            return None
        page = int(request.params.get(self.page_param, self.first_page))  # type: ignore[arg-type]
        return request.with_params(**{self.page_param: page + 1})


class NextUrlPaginator(Paginator):
    """The payload names the next page's absolute URL (DRF ``next``); null on the last page.

    Args:
        key: the payload key holding the URL.
        size_param: the page-size parameter to add to the first request, if any.
    """

    def __init__(self, key: str = "next", size_param: str | None = "limit") -> None:
        self.key, self.size_param = key, size_param

    def first(self, request: Request, page_size: int) -> Request:
        return request.with_params(**{self.size_param: page_size}) if self.size_param else request

    def next(
        self, request: Request, response: Response, page_size: int, records: int
    ) -> Request | None:
        url = _get(response.data, self.key)
        if not isinstance(url, str) or not url or records == 0:
            return None
        # The next URL already carries every parameter.
        return Request(
            url=urljoin(response.url, url), headers=request.headers, method=request.method
        )


class LinkHeaderPaginator(PageNumberPaginator):
    """RFC 8288 ``Link: <…>; rel="next"`` pagination (GitHub). Stops when there is no next link."""

    def next(
        self, request: Request, response: Response, page_size: int, records: int
    ) -> Request | None:
        links = parse_link_header(response.headers.get("link", ""))
        if "next" not in links or records == 0:
            return None
        return Request(
            url=urljoin(response.url, links["next"]), headers=request.headers, method=request.method
        )


def parse_link_header(value: str) -> dict[str, str]:
    """``{rel: url}`` from a ``Link`` header."""
    return {rel: url for url, rel in _LINK.findall(value or "")}


def _get(data: Any, key: str | None) -> Any:
    return data.get(key) if key and isinstance(data, dict) else None
