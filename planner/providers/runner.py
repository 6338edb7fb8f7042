"""run_search: one bounded, validated provider call that never raises.

The pipeline's per-provider task calls this and stores the outcome; it retries the task only
when ``outcome.retriable``. A provider that raises, hangs, returns garbage or is not configured
yields an outcome with ``error`` set, so the plan completes from the others.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import wait
from dataclasses import dataclass, field
from typing import Any

from planner.providers.base import Provider
from planner.providers.errors import (
    FatalProviderError,
    NotConfiguredError,
    ProviderError,
    ProviderTimeoutError,
)
from planner.providers.model import Resource, SkillQuery
from planner.providers.threads import calls
from planner.providers.validation import ResourceValidationError, validate_resource

DEFAULT_TIMEOUT = 20.0  # seconds; PLANNER_PROVIDER_TIMEOUT overrides (see planner.config)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SearchOutcome:
    """What one provider call produced.

    Attributes:
        provider: the provider's name.
        resources: valid resources, at most ``query.limit``, duplicates removed.
        dropped: items dropped because they failed parsing or validation.
        error: a one-line, secret-free message when the call failed, else None.
        error_type: the exception class name when it failed.
        retriable: True when retrying later may succeed (timeouts, 5xx, 429).
        retry_after: seconds the upstream asked us to wait, when it said.
        latency: seconds the call took.
        exception: the original exception (not serialised), for ``raise outcome.exception``.
    """

    provider: str
    resources: tuple[Resource, ...] = ()
    dropped: int = 0
    error: str | None = None
    error_type: str | None = None
    retriable: bool = False
    retry_after: float | None = None
    latency: float = 0.0
    exception: BaseException | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when the call succeeded (possibly with zero resources)."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (the exception is left out)."""
        return {
            "provider": self.provider,
            "resources": [r.to_dict() for r in self.resources],
            "dropped": self.dropped,
            "error": self.error,
            "error_type": self.error_type,
            "retriable": self.retriable,
            "retry_after": self.retry_after,
            "latency": round(self.latency, 4),
        }


def default_timeout() -> float:
    """``PLANNER_PROVIDER_TIMEOUT`` seconds, read at call time."""
    try:
        return float(os.environ.get("PLANNER_PROVIDER_TIMEOUT") or DEFAULT_TIMEOUT)
    except ValueError:
        return DEFAULT_TIMEOUT


def run_search(
    provider: Provider, query: SkillQuery, timeout: float | None = None
) -> SearchOutcome:
    """Call ``provider.search(query)`` with a time bound, validate and cap what comes back.

    Args:
        provider: a loaded provider instance.
        query: what to search for.
        timeout: seconds before the call is abandoned (default ``PLANNER_PROVIDER_TIMEOUT``).
            An abandoned call keeps running in its daemon thread; its result is discarded.

    Returns:
        A :class:`SearchOutcome`; this function does not raise for provider failures.
    """
    name = getattr(provider, "name", "") or type(provider).__name__
    started = time.monotonic()
    failed, result = _bounded(provider, name, lambda: provider.search(query), timeout, started)
    if failed is not None:
        return failed
    return _collect(name, result, query, started)


def run_batch(
    provider: Provider, queries: Sequence[SkillQuery], timeout: float | None = None
) -> list[SearchOutcome]:
    """Call ``provider.search_batch(queries)`` as :func:`run_search` calls ``search``.

    Returns one outcome per query, in order. A call that fails (raises, hangs, is not
    configured, or answers a different number of queries than it was asked) fails every query
    with the same error; each answer is then validated and capped on its own.
    """
    name = getattr(provider, "name", "") or type(provider).__name__
    started = time.monotonic()
    batch = list(queries)
    failed, result = _bounded(provider, name, lambda: provider.search_batch(batch), timeout,
                              started)
    if failed is not None:
        return [failed] * len(batch)
    if not isinstance(result, list | tuple) or len(result) != len(batch):
        got = len(result) if isinstance(result, list | tuple) else type(result).__name__
        err = FatalProviderError(
            f"{name}: search_batch() returned {got} answers for {len(batch)} queries")
        return [_failed(provider, name, err, started)] * len(batch)
    return [_collect(name, answer, q, started) for answer, q in zip(result, batch, strict=True)]


def _bounded(
    provider: Provider, name: str, fn: Callable[[], Any], timeout: float | None, started: float
) -> tuple[SearchOutcome | None, Any]:
    """``(None, fn())``, run on a reused daemon thread within ``timeout``; or a failed
    :class:`SearchOutcome` first when the provider is not configured, raised, or did not
    answer in time."""
    try:
        ok, reason = provider.configured()
    except Exception as exc:  # a plugin's configured() is untrusted code too
        ok, reason = False, f"configured() raised {type(exc).__name__}"
    if not ok:
        return _failed(
            provider, name, NotConfiguredError(f"{name}: not configured: {reason}"), started
        ), None
    box: dict[str, Any] = {}

    def call() -> None:
        try:
            box["result"] = fn()
        except BaseException as exc:  # noqa: BLE001 - isolate everything a plugin can throw
            box["error"] = exc

    # A reused daemon thread: abandoned if it hangs, and never started anew per call.
    limit = default_timeout() if timeout is None else timeout
    done, _ = wait([calls.submit(call)], limit)
    if not done:
        return _failed(
            provider, name, ProviderTimeoutError(f"{name}: no answer in {limit:g}s"), started
        ), None
    if "error" in box:
        return _failed(provider, name, box["error"], started), None
    if "result" not in box:
        return _failed(
            provider, name, FatalProviderError(f"{name}: search() ended without result"), started
        ), None
    return None, box["result"]


def _collect(name: str, result: Any, query: SkillQuery, started: float) -> SearchOutcome:
    if not isinstance(result, list | tuple):
        err = FatalProviderError(f"{name}: search() returned {type(result).__name__}, not a list")
        return SearchOutcome(
            name,
            error=str(err),
            error_type=type(err).__name__,
            exception=err,
            latency=time.monotonic() - started,
        )
    dropped = int(getattr(result, "dropped", 0) or 0)
    kept: list[Resource] = []
    seen: set[str] = set()
    for item in result:
        try:
            validate_resource(item, provider=name)
        except ResourceValidationError as exc:
            dropped += 1
            log.info("%s: dropped an invalid resource: %s", name, exc)
            continue
        if item.external_id not in seen and len(kept) < max(0, query.limit):
            seen.add(item.external_id)
            kept.append(item)
    return SearchOutcome(name, tuple(kept), dropped, latency=time.monotonic() - started)


def _failed(provider: Provider, name: str, exc: BaseException, started: float) -> SearchOutcome:
    message = f"{type(exc).__name__}: {exc}"[:500]
    with contextlib.suppress(Exception):  # a broken config must not hide the original error
        message = provider.config.redact(message)
    if not isinstance(exc, ProviderError):
        message = f"{name}: crashed: {message}"
    level = logging.INFO if isinstance(exc, NotConfiguredError) else logging.WARNING
    log.log(level, "provider %s failed: %s", name, message)
    return SearchOutcome(
        name,
        error=message,
        error_type=type(exc).__name__,
        retriable=bool(getattr(exc, "retriable", False)) and isinstance(exc, ProviderError),
        retry_after=getattr(exc, "retry_after", None),
        latency=time.monotonic() - started,
        exception=exc,
    )
