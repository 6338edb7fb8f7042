"""Discovers providers through the ``skill_planner.providers.v1`` entry-point group.

Load forgivingly, report loudly: a plugin that fails to import, is not a Provider, declares
itself wrongly or cannot be instantiated is skipped and recorded with its error; start-up never
fails unless strict mode is on (CI). ``PLANNER_PROVIDERS`` chooses which plugins are loaded:

* unset, empty or ``*``: every installed provider;
* ``catalog,mit_learn``: only these (others are not even imported);
* ``-github`` or ``*,-github``: every provider except these.

``PLANNER_STRICT_PLUGINS=1`` makes any load failure, or an allowed name that is not installed,
raise :class:`PluginLoadError`.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from planner.providers.base import Provider

ENTRY_POINT_GROUP = "skill_planner.providers.v1"
log = logging.getLogger(__name__)


class PluginLoadError(RuntimeError):
    """Strict mode: at least one provider plugin failed to load."""


@dataclass(frozen=True)
class Selection:
    """Which provider names ``PLANNER_PROVIDERS`` lets load.

    Attributes:
        allow: names to load, or None for all.
        deny: names never to load.
    """

    allow: frozenset[str] | None = None
    deny: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, spec: str | None) -> Selection:
        """Read ``"a,b"`` (only these), ``"-c"`` or ``"*,-c"`` (all but these), ``""`` (all)."""
        allow: set[str] = set()
        deny: set[str] = set()
        star = False
        for part in (spec or "").split(","):
            token = part.strip().lower()
            if token == "*":
                star = True
            elif token.startswith("-") and token[1:].strip():
                deny.add(token[1:].strip())
            elif token:
                allow.add(token)
        return cls(None if star or not allow else frozenset(allow), frozenset(deny))

    def allows(self, name: str) -> bool:
        """True when ``name`` may be loaded."""
        return name not in self.deny and (self.allow is None or name in self.allow)


@dataclass
class Entry:
    """What the registry knows about one entry point, loaded or not."""

    name: str
    value: str
    package: str | None
    package_version: str | None
    enabled: bool
    provider: Provider | None = None
    error: str | None = None


@dataclass
class Registry:
    """Loaded providers by name, and the ones that failed to load with their error."""

    providers: dict[str, Provider] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    selection: Selection = field(default_factory=Selection)

    def get(self, name: str) -> Provider:
        """The loaded provider called ``name`` (KeyError when absent, disabled or broken)."""
        return self.providers[name]

    def enabled(self) -> list[Provider]:
        """Loaded providers that report themselves configured, in name order."""
        out = []
        for name in sorted(self.providers):
            try:
                if self.providers[name].configured()[0]:
                    out.append(self.providers[name])
            except Exception as exc:  # noqa: BLE001 - a plugin's configured() is untrusted
                log.warning("provider %s: configured() raised %s", name, exc)
        return out

    def status(self) -> list[dict[str, Any]]:
        """One JSON-able dict per known provider, for the CLI, the API and the providers page.

        Keys: name, package, version, description, kinds, terms_url, rate_limit, settings,
        installed, enabled (allowed by ``PLANNER_PROVIDERS``), loaded, configured, reason,
        error, state (one of ``ready``,
        ``not_configured``, ``disabled``, ``load_error``, ``not_installed``).
        """
        out = [_status(e) for e in self.entries.values()]
        for name in sorted((self.selection.allow or frozenset()) - set(self.entries)):
            out.append(
                _blank(
                    name,
                    installed=False,
                    state="not_installed",
                    reason="named in PLANNER_PROVIDERS but not installed",
                )
            )
        return sorted(out, key=lambda d: str(d["name"]))

    def describe(self, name: str) -> dict[str, Any]:
        """The :meth:`status` entry for ``name`` (KeyError when unknown)."""
        for row in self.status():
            if row["name"] == name:
                return row
        raise KeyError(name)


def _blank(name: str, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": name,
        "package": None,
        "version": None,
        "description": "",
        "kinds": [],
        "terms_url": "",
        "rate_limit": None,
        "max_batch": None,
        "settings": [],
        "installed": True,
        "enabled": False,
        "loaded": False,
        "configured": False,
        "reason": "",
        "error": None,
        "state": "",
    }
    row.update(kw)
    return row


def _status(e: Entry) -> dict[str, Any]:
    base = _blank(e.name, package=e.package, version=e.package_version)
    if not e.enabled:
        return {**base, "state": "disabled", "reason": "disabled by PLANNER_PROVIDERS"}
    if e.provider is None:
        return {
            **base,
            "enabled": True,
            "state": "load_error",
            "error": e.error,
            "reason": "failed to load",
        }
    try:
        info = e.provider.describe()
    except Exception as exc:  # noqa: BLE001 - describe() runs plugin code (configured())
        info = {"configured": False, "reason": f"describe() raised {type(exc).__name__}: {exc}"}
    ok = bool(info.get("configured"))
    return {
        **base,
        **info,
        "loaded": True,
        "enabled": ok,
        "configured": ok,
        "state": "ready" if ok else "not_configured",
    }


def load_registry(
    allow: set[str] | None = None, strict: bool | None = None, deny: set[str] | None = None
) -> Registry:
    """Scan the entry points and load the selected providers; never raises unless strict.

    Args:
        allow: names to load; None reads ``PLANNER_PROVIDERS`` (see module docs).
        strict: raise :class:`PluginLoadError` on any failure; None reads
            ``PLANNER_STRICT_PLUGINS``.
        deny: names never to load (added to those from ``PLANNER_PROVIDERS``).

    Returns:
        A fresh :class:`Registry`. Use :func:`get_registry` for the cached, process-wide one.
    """
    sel = Selection.parse(os.environ.get("PLANNER_PROVIDERS"))
    if allow is not None:
        sel = Selection(frozenset(allow), sel.deny)
    sel = Selection(sel.allow, sel.deny | frozenset(deny or ()))
    if strict is None:
        strict = os.environ.get("PLANNER_STRICT_PLUGINS", "").lower() in ("1", "true", "yes", "on")
    reg = Registry(selection=sel)
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        _load_one(reg, ep)
    missing = sorted((sel.allow or frozenset()) - set(reg.entries))
    if strict and (reg.failed or missing):
        problems = [f"{n}: {err}" for n, err in sorted(reg.failed.items())]
        problems += [f"{n}: named in PLANNER_PROVIDERS but not installed" for n in missing]
        raise PluginLoadError("provider plugins failed to load: " + "; ".join(problems))
    return reg


def _load_one(reg: Registry, ep: EntryPoint) -> None:
    dist = ep.dist
    entry = Entry(
        ep.name,
        ep.value,
        dist.name if dist else None,
        dist.version if dist else None,
        enabled=reg.selection.allows(ep.name),
    )
    if ep.name in reg.entries:
        reg.failed[ep.name] = f"duplicate provider name (also in {reg.entries[ep.name].package})"
        log.warning("provider %s: %s", ep.name, reg.failed[ep.name])
        return
    reg.entries[ep.name] = entry
    if not entry.enabled:
        return
    try:
        entry.provider = instantiate(ep.load(), ep.name)
    except BaseException as exc:  # noqa: BLE001 - import-time SystemExit etc. must not stop us
        if isinstance(exc, KeyboardInterrupt):
            raise
        entry.error = f"{type(exc).__name__}: {exc}"[:500]
        reg.failed[ep.name] = entry.error
        log.warning(
            "provider %s failed to load, skipped: %s (pip uninstall %s to silence)",
            ep.name,
            entry.error,
            entry.package or ep.value,
        )
        return
    reg.providers[ep.name] = entry.provider


def instantiate(obj: object, name: str) -> Provider:
    """Check that ``obj`` is a correctly declared Provider class called ``name`` and build it.

    Raises:
        TypeError: not a Provider subclass.
        ValueError: the declaration breaks the contract (all problems listed).
    """
    if not (isinstance(obj, type) and issubclass(obj, Provider)):
        raise TypeError(f"{obj!r} is not a Provider subclass")
    problems = obj.problems()
    if obj.name != name:
        problems.append(f"entry point name {name!r} differs from class name {obj.name!r}")
    if problems:
        raise ValueError("; ".join(problems))
    return obj()


_cached: Registry | None = None
_cache_lock = threading.Lock()


def get_registry() -> Registry:
    """The process-wide registry: entry points are scanned once, on first call."""
    global _cached
    with _cache_lock:
        if _cached is None:
            _cached = load_registry()
        return _cached


def reset_registry() -> None:
    """Forget the cached registry (tests, or after installing a plugin)."""
    global _cached
    with _cache_lock:
        _cached = None
