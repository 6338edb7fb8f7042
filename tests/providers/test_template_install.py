"""The "done when" path for real: scaffold in a separate folder, pip install, it is listed,
its kit passes, and a search through the registry returns its resources. Uninstalled after.

Takes ~15 s (pip builds a wheel). It briefly adds a provider to the shared venv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.providers.scaffold import render

VENV_BIN = Path(sys.executable).parent
NAME = "zz_template_check"


def sh(*args: str, cwd: Path | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PLANNER_PROVIDERS",)}
    env.update(extra)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("http", [False, True], ids=["static", "http"])
def test_generated_provider_passes_its_kit(tmp_path: Path, http: bool) -> None:
    dest = tmp_path / "plugin"
    render(f"{NAME}_{int(http)}", dest, http=http)
    done = sh(
        str(VENV_BIN / "python"),
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(dest),
        cwd=dest,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout


def test_scaffold_pip_install_list_and_search(tmp_path: Path) -> None:
    dest = tmp_path / "my-provider"
    render(NAME, dest)
    pip = str(VENV_BIN / "python"), "-m", "pip"
    installed = sh(*pip, "install", "--no-deps", "-q", str(dest))
    try:
        assert installed.returncode == 0, installed.stderr
        listed = sh(str(VENV_BIN / "planner"), "providers", "list", "--json")
        rows = {r["name"]: r for r in json.loads(listed.stdout)}
        assert rows[NAME]["state"] == "ready", rows.get(NAME)
        assert rows[NAME]["package"] == "skill-planner-zz-template-check"
        checked = sh(
            str(VENV_BIN / "planner"), "providers", "check", NAME, "--skill", "python", "--json"
        )
        result = json.loads(checked.stdout)
        assert checked.returncode == 0 and result["healthy"]
        assert result["outcome"]["resources"][0]["title"] == "The Python Tutorial"
        # ... and its resources appear in a new plan, with only it enabled.
        feedback = tmp_path / "feedback.txt"
        feedback.write_text("We would have liked stronger Python skills.")
        env = {"PLANNER_DATA_DIR": str(tmp_path / "var"), "PLANNER_PROVIDERS": NAME,
               "PLANNER_DATABASE_URL": f"sqlite:///{tmp_path / 'var' / 'planner.db'}"}
        assert sh(str(VENV_BIN / "planner"), "db", "upgrade", **env).returncode == 0
        planned = sh(str(VENV_BIN / "planner"), "plan", "--file", str(feedback), "--hours", "5",
                     **env)
        assert planned.returncode == 0, planned.stderr
        assert ": ready" in planned.stdout and "The Python Tutorial" in planned.stdout
    finally:
        sh(*pip, "uninstall", "-y", "-q", "skill-planner-zz-template-check")
    after = sh(str(VENV_BIN / "planner"), "providers", "list", "--json")
    assert NAME not in {r["name"] for r in json.loads(after.stdout)}
