"""A provider's config schema: settings read from ``PLANNER_<PROVIDER>_<SETTING>`` env vars."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

_SETTING_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class Setting:
    """One configuration value a provider reads from the environment.

    Attributes:
        name: lower_snake name, e.g. ``"token"``; the env var is ``PLANNER_<PROVIDER>_<NAME>``.
        help: one line shown by ``planner providers list`` and the providers page.
        secret: never logged, shown or stored; error messages have its value replaced by ``***``.
        required: the provider reports itself not configured while this is unset.
        default: used when the env var is unset or empty (never for secrets).
    """

    name: str
    help: str = ""
    secret: bool = False
    required: bool = False
    default: str | None = None

    def env_var(self, provider: str) -> str:
        """The environment variable this setting is read from for ``provider``."""
        return f"PLANNER_{provider.upper()}_{self.name.upper()}"

    def problems(self) -> list[str]:
        """What is wrong with this declaration (empty when it is fine)."""
        out = []
        if not _SETTING_NAME.match(self.name):
            out.append(f"setting name {self.name!r} must be lower_snake")
        if self.secret and self.default:
            out.append(f"secret setting {self.name!r} must not have a default")
        return out


class ProviderConfig(Mapping[str, str | None]):
    """Resolved settings of one provider instance; secrets are masked in ``repr``."""

    def __init__(
        self, provider: str, settings: tuple[Setting, ...], env: Mapping[str, str]
    ) -> None:
        self._provider = provider
        self._settings = {s.name: s for s in settings}
        self._values: dict[str, str | None] = {}
        for s in settings:
            raw = env.get(s.env_var(provider), "")
            self._values[s.name] = raw.strip() if raw and raw.strip() else s.default

    def __getitem__(self, key: str) -> str | None:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        shown = {
            k: ("***" if self._settings[k].secret and v else v) for k, v in self._values.items()
        }
        return f"ProviderConfig({self._provider!r}, {shown!r})"

    def missing(self) -> list[str]:
        """Env var names of required settings that are unset."""
        return [
            s.env_var(self._provider)
            for s in self._settings.values()
            if s.required and not self._values.get(s.name)
        ]

    def redact(self, text: str) -> str:
        """``text`` with every secret value replaced by ``***``."""
        for name, s in self._settings.items():
            value = self._values.get(name)
            if s.secret and value:
                text = text.replace(value, "***")
        return text

    def describe(self) -> list[dict[str, Any]]:
        """JSON-able description of each setting: never a secret's value."""
        return [
            {
                "name": s.name,
                "env": s.env_var(self._provider),
                "help": s.help,
                "secret": s.secret,
                "required": s.required,
                "set": bool(self._values.get(s.name)) and self._values.get(s.name) != s.default,
                "value": None if s.secret else self._values.get(s.name),
            }
            for s in self._settings.values()
        ]
