"""`phiscrub scrub` command line: options, policy file, exit codes, --json/--quiet output."""

from __future__ import annotations

import json
from pathlib import Path

from batchcases import snapshot

from phiscrub.cli import main


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "notes"
    root.mkdir()
    (root / "a.txt").write_text("Patient John Smith was seen on 03/14/2024 in Boston.\n")
    return root


def test_json_summary_and_exit_code_zero(tmp_path: Path, capsys) -> None:
    root = _tree(tmp_path)
    code = main(["scrub", str(root), "-o", str(tmp_path / "out"), "--workers", "0", "--json"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    summary = json.loads(out)
    assert summary["ok"] and summary["passed"] == 1 and summary["entities"]["NAME"] >= 1
    assert "John" not in out and "Smith" not in out


def test_policy_file_and_keep_names(tmp_path: Path, capsys) -> None:
    root = _tree(tmp_path)
    policy = tmp_path / "policy.toml"
    policy.write_text('entities = ["NAME"]\noperator = "redact"\n')
    code = main(["scrub", str(root), "-o", str(tmp_path / "out"), "--workers", "0", "--policy", str(policy),
                 "--keep-names", "--quiet"])
    out, err = capsys.readouterr()
    assert code == 0 and out == "" and err == ""
    text = (tmp_path / "out" / "notes" / "a.txt").read_text()
    assert "John" not in text and "**********" in text and "03/14/2024" in text  # only NAME, masked


def test_failures_exit_one_and_usage_errors_exit_two(tmp_path: Path, capsys) -> None:
    root = _tree(tmp_path)
    (root / "b.txt").write_bytes(b"\xff\xfe not utf-8")
    code = main(["scrub", str(root), "-o", str(tmp_path / "out"), "--workers", "0"])
    _, err = capsys.readouterr()
    assert code == 1 and "FAILED 1" in err and "not valid UTF-8" in err
    assert sorted(snapshot(tmp_path / "out")) == ["notes/a.txt"]

    bad = tmp_path / "bad.toml"
    bad.write_text('operator = "shred"\n')
    assert main(["scrub", str(root), "-o", str(tmp_path / "o2"), "--policy", str(bad)]) == 2
    assert "unknown operator" in capsys.readouterr().err
    assert main(["scrub", str(tmp_path / "nope"), "-o", str(tmp_path / "o3")]) == 2
    assert main(["scrub", str(root), "-o", str(tmp_path / "o4"), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert not (tmp_path / "o2").exists() and not (tmp_path / "o4").exists()


def test_exclude_leaves_files_and_folders_out(tmp_path: Path, capsys) -> None:
    root = _tree(tmp_path)
    (root / "demo.py").write_text("print('John Smith')\n")
    (root / "scratch").mkdir()
    (root / "scratch" / "c.txt").write_text("Mary Jones\n")
    code = main(["scrub", str(root), "-o", str(tmp_path / "out"), "--workers", "0", "--json",
                 "--exclude", "*.py", "--exclude", "scratch"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0 and summary["passed"] == 1 and summary["ignored"] == 1
    assert sorted(snapshot(tmp_path / "out")) == ["notes/a.txt"]
