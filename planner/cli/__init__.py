"""The `planner` command: one group, sub-commands registered from their own modules."""

from __future__ import annotations

import importlib

import click

# Each module defines click commands/groups listed in its ``COMMANDS``; missing modules are skipped
# so that a partial checkout still gives a working CLI.
_MODULES = ("planner.cli.core", "planner.cli.skills", "planner.cli.providers",
            "planner.cli.accounts")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Skill Planner: turn rejection feedback into a dated learning roadmap."""


for _name in _MODULES:
    try:
        _mod = importlib.import_module(_name)
    except ModuleNotFoundError as exc:
        if exc.name != _name:
            raise
        continue
    for _cmd in getattr(_mod, "COMMANDS", ()):
        main.add_command(_cmd)
