"""One local HTTP server answering for every stub provider, each with its own behaviour."""

from __future__ import annotations

import random
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from planner.providers.stub import StubRequest, StubResponse, StubServer

NAMES = tuple(f"stub_{c}" for c in "abcdefghij")
HANG = 3600.0  # seconds: longer than any test waits; released when the server stops


@dataclass(frozen=True)
class Behaviour:
    """How one stub answers: ``ok``, ``error`` (HTTP 500), ``fatal`` (403), ``garbage`` (not
    JSON) or ``hang``, after ``delay`` +/- ``jitter`` seconds, with ``count`` results."""

    mode: str = "ok"
    delay: float = 0.0
    jitter: float = 0.0
    count: int = 3


class Fleet:
    """The stub providers' server; tests set behaviours and read how often each was asked."""

    def __init__(self) -> None:
        self.behaviour: dict[str, Behaviour] = {}
        self.calls: Counter[tuple[str, str]] = Counter()  # goals asked, by (provider, skill)
        self.requests: Counter[str] = Counter()  # HTTP calls, by provider (a batch is one)
        self.delays: list[float] = []  # every delay served, for the benchmark's ideal time
        self._lock = threading.Lock()
        self.server = StubServer(self._handle)

    def __enter__(self) -> Fleet:
        self.server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()

    def env(self, names: tuple[str, ...] = NAMES) -> dict[str, str]:
        """Environment that configures the named stubs against this server."""
        return {f"PLANNER_{n.upper()}_BASE_URL": self.server.url for n in names}

    def set(self, name: str, mode: str = "ok", delay: float = 0.0, jitter: float = 0.0,
            count: int = 3) -> None:
        self.behaviour[name] = Behaviour(mode, delay, jitter, count)

    def asked(self, name: str) -> int:
        with self._lock:
            return sum(n for (p, _), n in self.calls.items() if p == name)

    def _handle(self, req: StubRequest) -> StubResponse:
        """``GET /search?provider=P&skill=S&label=L``: ``{"results": [...]}``. With ``skill`` and
        ``label`` repeated (a batch of goals, in one call and one delay):
        ``{"answers": [{"skill": S, "results": [...]}, ...]}``, in the order asked."""
        name = req.arg("provider")
        skills, labels = req.query.get("skill", [""]), req.query.get("label", [""])
        if len(labels) != len(skills):
            return StubResponse(400, {"detail": "give one label per skill"})
        with self._lock:
            self.requests[name] += 1
            for skill in skills:
                self.calls[(name, skill)] += 1
        b = self.behaviour.get(name, Behaviour())
        delay = max(0.0, b.delay + random.uniform(-b.jitter, b.jitter))
        self.delays.append(delay)
        if b.mode == "hang":
            return StubResponse(200, {"results": []}, delay=HANG)
        if b.mode == "error":
            return StubResponse(500, {"detail": "boom"}, delay=delay)
        if b.mode == "fatal":
            return StubResponse(403, {"detail": "forbidden"}, delay=delay)
        if b.mode == "garbage":
            return StubResponse(200, "<html>surprise</html>", delay=delay)
        if len(skills) > 1:
            return StubResponse(200, {"answers": [
                {"skill": skill, "results": results(name, skill, label, b.count)}
                for skill, label in zip(skills, labels, strict=True)]}, delay=delay)
        return StubResponse(200, {"results": results(name, skills[0], labels[0], b.count)},
                            delay=delay)


def results(name: str, skill: str, label: str, count: int) -> list[dict[str, Any]]:
    """``count`` results; the first is the same course at every provider (URL spelled a little
    differently by each), so merging must keep it once. A skill ``unknown-...`` has none."""
    if skill.startswith("unknown-"):
        return []
    shared = {"id": f"shared-{skill}", "title": f"The {label} handbook",
              "url": f"https://www.example.org/shared/{skill}/?utm_source={name}"}
    own = [{"id": f"{skill}-{i}", "title": f"{label} course {i} by {name}",
            "url": f"https://example.org/{name}/{skill}/{i}"} for i in range(1, count)]
    return [shared, *own][:count]
