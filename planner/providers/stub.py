"""A local HTTP server for provider tests: speaks a fake API, or injects faults.

Example:
    >>> def api(req: StubRequest) -> StubResponse:
    ...     return StubResponse(body={"results": []})
    >>> with StubServer(api) as server:           # doctest: +SKIP
    ...     provider = MyProvider(env={"PLANNER_MY_BASE_URL": server.url})
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class StubRequest:
    """A request the stub received.

    Attributes:
        method: HTTP method.
        path: path without the query string.
        query: parsed query parameters (lists, as parameters may repeat).
        headers: request headers, lower-cased names.
        base_url: the server's own root URL, for building absolute ``next`` links.
        body: the raw request body.
    """

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    base_url: str
    body: bytes = b""

    def arg(self, name: str, default: str = "") -> str:
        """The first value of query parameter ``name``."""
        return self.query.get(name, [default])[0]


@dataclass
class StubResponse:
    """What the stub sends back.

    Attributes:
        status: HTTP status.
        body: JSON-able value (encoded as JSON) or raw ``bytes``/``str`` (sent as is).
        headers: extra headers.
        delay: seconds to wait before answering (cut short when the server stops).
    """

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


Handler = Callable[[StubRequest], StubResponse]


class _Server(ThreadingHTTPServer):
    # The standard library listens with a backlog of 5: a burst of provider calls (a plan asks
    # every provider for every goal at once) would overflow it and each dropped connection
    # costs the client a one-second SYN retry that no real API adds.
    request_queue_size = 256


class StubServer:
    """A threaded HTTP server on 127.0.0.1 and a free port.

    Args:
        handler: the fake API; default answers 404 to everything.

    Attributes:
        fault: when set, returned for every request instead of calling the handler.
        requests: every request received, in order.
    """

    def __init__(self, handler: Handler | None = None) -> None:
        self.handler: Handler = handler or (lambda req: StubResponse(404, {"detail": "Not found."}))
        self.fault: StubResponse | None = None
        self.requests: list[StubRequest] = []
        self._stopping = threading.Event()
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        """Root URL, e.g. ``http://127.0.0.1:41234``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> StubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Release slow handlers and shut down."""
        self._stopping.set()
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()

    def _respond(self, req: StubRequest) -> StubResponse:
        self.requests.append(req)
        resp = self.fault if self.fault is not None else self.handler(req)
        if resp.delay:
            self._stopping.wait(resp.delay)
        return resp

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # The head and the body go out in two writes. With Nagle's algorithm on, the body
            # waits for the client to acknowledge the head, which a kept-alive connection in
            # quick back-and-forth use delays by up to 40 ms: a call to a stub answering at
            # once took 45 ms instead of about 1. Real API servers set TCP_NODELAY too.
            disable_nagle_algorithm = True

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                size = int(self.headers.get("Content-Length") or 0)
                req = StubRequest(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query, keep_blank_values=True),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    base_url=stub.url,
                    body=self.rfile.read(size) if size else b"",
                )
                try:
                    resp = stub._respond(req)
                except Exception as exc:  # a bug in a fake API should read as a 500, not hang
                    resp = StubResponse(500, {"detail": f"stub handler crashed: {exc}"})
                body = resp.body
                raw = (
                    body
                    if isinstance(body, bytes)
                    else (body.encode() if isinstance(body, str) else json.dumps(body).encode())
                )
                try:
                    self.send_response(resp.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(raw)))
                    for k, v in resp.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(raw)
                except OSError:
                    pass  # the client gave up (timeout test); nothing to tell it

            do_GET = do_POST = _serve  # noqa: N815

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass  # keep test output clean

        return _Handler
