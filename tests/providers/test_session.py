"""ProviderSession: proxy and CA settings read once per host, with the answers requests gives."""

from __future__ import annotations

import itertools

import pytest
import requests

from planner.providers import ProviderSession
from planner.providers.stub import StubResponse, StubServer

ENVS = [
    {},
    {"HTTP_PROXY": "http://proxy.local:3128"},
    {"HTTPS_PROXY": "http://secure-proxy.local:3128", "NO_PROXY": "api.internal,.corp"},
    {"ALL_PROXY": "socks5://all.local:1080", "no_proxy": "127.0.0.1,localhost"},
    {"http_proxy": "http://lower.local:8080", "NO_PROXY": "*"},
    {"REQUESTS_CA_BUNDLE": "/etc/ssl/custom.pem"},
    {"CURL_CA_BUNDLE": "/etc/ssl/curl.pem", "HTTPS_PROXY": "http://p.local:1"},
]
URLS = ["http://api.example.org/v1/search", "https://api.example.org/v1/search?q=1",
        "https://api.internal/x", "https://svc.corp/x", "http://127.0.0.1:8080/search"]
ARGS = [({}, None, None, None), ({"no_proxy": "example.org"}, False, True, None),
        ({"https": "http://explicit.local:9"}, None, "/tmp/ca.pem", ("c", "k"))]


@pytest.mark.parametrize("env", ENVS, ids=lambda e: ",".join(e) or "empty")
def test_settings_match_requests(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "REQUESTS_CA_BUNDLE",
                 "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    ours, theirs = ProviderSession(), requests.Session()
    for _ in range(2):  # the second round answers from what the first looked up
        for url, (proxies, stream, verify, cert) in itertools.product(URLS, ARGS):
            assert ours.merge_environment_settings(url, dict(proxies), stream, verify, cert) == \
                theirs.merge_environment_settings(url, dict(proxies), stream, verify, cert), url


def test_trust_env_false_ignores_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.local:3128")
    s = ProviderSession()
    s.trust_env = False
    assert s.merge_environment_settings("http://api.example.org/", {}, None, None, None)[
        "proxies"] == {}


def test_requests_go_through_the_configured_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    with StubServer(lambda req: StubResponse(body={"via": "proxy"})) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        resp = ProviderSession().get("http://api.example.invalid/v1/search?q=sql", timeout=10)
        assert resp.json() == {"via": "proxy"}
        assert proxy.requests[-1].headers["host"] == "api.example.invalid"
