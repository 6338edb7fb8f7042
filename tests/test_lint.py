"""The tree is lint-clean, and the pure packages type-check strictly (as `make lint` runs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing() -> None:
    done = run(str(BIN / "ruff"), "check", "planner", "workers", "plugins", "tests", "bench")
    assert done.returncode == 0, done.stdout[-4000:]


def test_pure_packages_type_check_strictly() -> None:
    done = run(str(BIN / "mypy"), "--follow-imports=silent", "planner/skills",
               "planner/scheduling", "planner/providers")
    assert done.returncode == 0, done.stdout[-4000:]
