from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli.skills import COMMANDS, skills_group, taxonomy_group
from tests.texts import UNNAMED_REASON


def test_commands_are_exported() -> None:
    assert [skills_group, taxonomy_group] == COMMANDS


def test_extract_reads_stdin_and_prints_goals() -> None:
    result = CliRunner().invoke(skills_group, ["extract"], input="You lacked Kubernetes skills.")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [g["skill_id"] for g in data["goals"]] == ["kubernetes"]


def test_extract_with_files(tmp_path: Path) -> None:
    fb, jd, cv = tmp_path / "fb.txt", tmp_path / "jd.txt", tmp_path / "cv.txt"
    fb.write_text("Thanks, we will not proceed.", encoding="utf-8")
    jd.write_text("Requirements\n- Terraform\n- Python", encoding="utf-8")
    cv.write_text("Python developer", encoding="utf-8")
    args = ["extract", "--file", str(fb), "--job-description", str(jd), "--resume", str(cv)]
    result = CliRunner().invoke(skills_group, args)
    assert result.exit_code == 0, result.output
    assert [g["skill_id"] for g in json.loads(result.output)["goals"]] == ["terraform"]


def test_extract_jsonl_reports_bad_lines_and_continues() -> None:
    lines = "\n".join(
        [
            json.dumps({"id": "a", "text": "Your SQL was weak."}),
            "not json",
            json.dumps({"id": "b", "text": "  "}),
        ]
    )
    result = CliRunner().invoke(skills_group, ["extract", "--jsonl"], input=lines)
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.output.splitlines()]
    assert out[0]["id"] == "a" and out[0]["goals"][0]["label"] == "SQL"
    assert "error" in out[1] and out[2]["error"] == "feedback is empty"


def test_extract_jsonl_prints_the_reasons_that_name_no_skill() -> None:
    lines = "\n".join(
        json.dumps({"id": i, "text": t}) for i, t in (("a", UNNAMED_REASON), ("b", "No SQL."))
    )
    result = CliRunner().invoke(skills_group, ["extract", "--jsonl"], input=lines)
    assert result.exit_code == 0, result.output
    a, b = (json.loads(x) for x in result.output.splitlines())
    assert a["goals"] == [] and a["templated"] is False
    [reason] = a["unnamed_reasons"]
    assert UNNAMED_REASON[reason["start"] : reason["end"]] == reason["text"]
    assert b["unnamed_reasons"] == []


def test_extract_empty_input_fails_clearly() -> None:
    result = CliRunner().invoke(skills_group, ["extract"], input="   ")
    assert result.exit_code == 1 and "feedback is empty" in result.output


def test_rank_over_an_esco_csv(esco_csv: Path) -> None:
    line = json.dumps({"id": "s1", "text": "Strong JavaScript and ECMAScript knowledge"})
    result = CliRunner().invoke(
        skills_group, ["rank", "--taxonomy", str(esco_csv), "--top", "2"], input=line
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["id"] == "s1" and out["skills"][0]["label"] == "JavaScript"
    assert set(out["skills"][0]) == {"label", "uri", "score"}
    assert "building the index" in result.stderr and "import-esco" in result.stderr


def test_rank_reuses_the_imported_index_only_for_the_same_csv(
    esco_csv: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    assert runner.invoke(taxonomy_group, ["import-esco", str(esco_csv)]).exit_code == 0
    line = json.dumps({"id": "s1", "text": "You will manage stakeholder relationships"})
    args = ["rank", "--taxonomy", str(esco_csv), "--top", "3"]
    reused = runner.invoke(skills_group, args, input=line)
    assert reused.exit_code == 0 and reused.stderr == ""
    other = tmp_path / "other.csv"
    other.write_text(esco_csv.read_text(encoding="utf-8").replace("beehives", "hives"), "utf-8")
    rebuilt = runner.invoke(skills_group, ["rank", "--taxonomy", str(other)], input=line)
    assert "is not the CSV imported" in rebuilt.stderr
    assert json.loads(reused.stdout) == json.loads(rebuilt.stdout)


def test_import_esco_then_show(esco_csv: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(taxonomy_group, ["import-esco", str(esco_csv)])
    assert result.exit_code == 0, result.output
    assert "imported 4 ESCO concepts" in result.output
    shown = json.loads(runner.invoke(taxonomy_group, ["show", "k8s"]).output)
    assert shown["skill_id"] == "kubernetes" and shown["esco_uri"].endswith("/k8s")
    assert "docker" in shown["prerequisites"]


def test_show_unknown_and_stats() -> None:
    runner = CliRunner()
    assert runner.invoke(taxonomy_group, ["show", "underwater basket weaving"]).exit_code == 1
    stats = json.loads(runner.invoke(taxonomy_group, ["stats"]).output)
    assert stats["entries"] >= 1500 and stats["dangling_links"] == 0
