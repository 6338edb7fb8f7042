"""A ``requests`` session for provider calls that reads the environment once per host.

``requests`` looks up proxy settings on every call: it walks every environment variable (twice)
to find ``*_proxy`` entries, then matches the host against ``no_proxy``. In a worker whose
environment holds a few dozen variables that walk was about a quarter of the client's CPU per
call to a nearby API, and a plan makes fifty calls at once. A worker's environment does not
change while it runs, so this session keeps the answer per scheme and host; it honours the same
variables (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``, ``REQUESTS_CA_BUNDLE``,
``CURL_CA_BUNDLE``) with the same precedence, and ``trust_env = False`` turns them all off as
usual. A process that changes its proxy variables must make a new session.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.sessions import merge_setting as _merge_setting
from requests.utils import get_environ_proxies

merge_setting: Callable[[Any, Any], Any] = _merge_setting


class ProviderSession(requests.Session):
    """``requests.Session`` with the environment's proxies and CA bundle looked up once per host."""

    def __init__(self) -> None:
        super().__init__()
        self._proxies_for: dict[tuple[str, str, str | None], dict[str, str]] = {}
        self._ca_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")

    def merge_environment_settings(  # type: ignore[override]
        self, url: str, proxies: dict[str, str] | None, stream: Any, verify: Any, cert: Any,
    ) -> Any:
        if not self.trust_env:
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        proxies = dict(proxies or {})
        no_proxy = proxies.get("no_proxy")
        parts = urlsplit(url)
        key = (parts.scheme, parts.netloc, no_proxy)
        found = self._proxies_for.get(key)
        if found is None:
            found = self._proxies_for[key] = dict(get_environ_proxies(url, no_proxy=no_proxy))
        for k, v in found.items():
            proxies.setdefault(k, v)
        if verify is True or verify is None:
            verify = self._ca_bundle or verify
        return {
            "proxies": merge_setting(proxies, self.proxies),
            "stream": merge_setting(stream, self.stream),
            "verify": merge_setting(verify, self.verify),
            "cert": merge_setting(cert, self.cert),
        }
