"""The `planner` command: help, db upgrade, plan from a file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.config import Settings


def test_help_lists_the_commands() -> None:
    out = CliRunner().invoke(main, ["--help"]).output
    for cmd in ("db", "run", "worker", "plan"):
        assert cmd in out


def test_plan_from_file_prints_a_dated_roadmap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               settings: Settings) -> None:
    monkeypatch.setenv("PLANNER_DATABASE_URL", settings.database_url)
    feedback = tmp_path / "feedback.txt"
    feedback.write_text("We went with a candidate with more Kubernetes and AWS experience.")
    result = CliRunner().invoke(main, ["plan", "--file", str(feedback), "--hours", "6",
                                       "--start", "2027-03-01"])
    assert result.exit_code == 0, result.output
    assert ": ready" in result.output and "goal: Kubernetes" in result.output
    assert "2027-03-01 .. " in result.output and "h/week" in result.output


def unsure_plan_args(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     settings: Settings) -> list[str]:
    """`planner plan` on feedback with one sure goal (Kubernetes) and one unsure (Procurement)."""
    monkeypatch.setenv("PLANNER_DATABASE_URL", settings.database_url)
    feedback = tmp_path / "feedback.txt"
    feedback.write_text("You lacked Kubernetes skills and your answer on procurement thresholds "
                        "was vague.")
    return ["plan", "--file", str(feedback), "--start", "2027-03-01"]


def test_plan_names_the_unsure_goals_it_leaves_out_and_plans_them_when_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    args = unsure_plan_args(tmp_path, monkeypatch, settings)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "goal: Kubernetes" in result.output and "goal: Procurement" not in result.output
    assert "not planned, not sure the feedback means them: Procurement" in result.output
    result = CliRunner().invoke(main, [*args, "--include-unsure"])
    assert result.exit_code == 0, result.output
    assert "goal: Procurement" in result.output and "not planned" not in result.output


def test_plan_adds_goals_the_feedback_implies_and_names_the_closest_for_unknown_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    args = unsure_plan_args(tmp_path, monkeypatch, settings)
    result = CliRunner().invoke(main, [*args, "--add-goal", "stakeholder management",
                                       "--add-goal", "procurement", "--add-goal", "k8s"])
    assert result.exit_code == 0, result.output
    for label in ("Kubernetes", "Procurement", "Stakeholder management"):
        assert f"goal: {label} [" in result.output, label
    assert result.output.count("goal: Kubernetes [") == 1 and "not planned" not in result.output
    result = CliRunner().invoke(main, [*args, "--add-goal", "handling difficult customers"])
    assert result.exit_code == 2
    assert "no skill is called 'handling difficult customers'" in result.output
    assert "complaint-handling" in result.output


def test_plan_refuses_empty_feedback_and_bad_hours(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    result = CliRunner().invoke(main, ["plan", "--file", str(empty)])
    assert result.exit_code == 2 and "empty" in result.output
    result = CliRunner().invoke(main, ["plan", "--file", str(empty), "--hours", "200"])
    assert result.exit_code == 2 and "--hours" in result.output


def test_db_upgrade_creates_a_fresh_sqlite_database(tmp_path: Path) -> None:
    env = {"PLANNER_DATA_DIR": str(tmp_path / "var"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-m", "planner.cli", "db", "upgrade"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "var" / "planner.db").exists()
