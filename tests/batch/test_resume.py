"""A real `phiscrub scrub` run is killed (SIGKILL, then Ctrl-C) mid-way and re-run: every file is
finished exactly once, nothing is half-written, and the tree equals a clean run's."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from batchcases import snapshot, write_case_tree

from phiscrub.batch import scrub_files

N_PATIENTS, NOTES = 30, 4  # 120 files


def _cmd(root: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "phiscrub.cli", "scrub", str(root), "-o", str(out), "--workers", "2", "--json"]


def _finished(out: Path) -> int:
    db_path = out / ".phiscrub" / "manifest.sqlite"
    if not db_path.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        try:
            return db.execute("SELECT COUNT(*) FROM files WHERE status='PASS'").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def _run_until(root: Path, out: Path, at_least: int, sig: int) -> tuple[int, int]:
    """Start the CLI, send ``sig`` once ``at_least`` files are finished; (exit code, finished)."""
    proc = subprocess.Popen(_cmd(root, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _finished(out) < at_least:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    return proc.returncode, _finished(out)


def _no_tmp(out: Path) -> None:
    tmp = out / ".phiscrub" / "tmp"
    assert not tmp.exists() or not any(tmp.iterdir())


def test_killed_and_interrupted_runs_resume_to_the_clean_result(tmp_path: Path) -> None:
    root = tmp_path / "cases"
    write_case_tree(root, N_PATIENTS, NOTES)
    total = N_PATIENTS * NOTES
    reference = tmp_path / "reference"
    assert scrub_files([root], reference, workers=0).passed == total
    expected = snapshot(reference)

    out = tmp_path / "out"
    code, done_at_kill = _run_until(root, out, total // 5, signal.SIGKILL)
    assert code == -signal.SIGKILL and 0 < done_at_kill < total
    time.sleep(0.5)  # workers die with their parent (PR_SET_PDEATHSIG)
    partial = snapshot(out)
    for rel, data in partial.items():  # whatever is in the tree is complete and correct
        assert expected[rel] == data, f"half-written or wrong output {rel}"

    code, done_at_int = _run_until(root, out, done_at_kill + total // 5, signal.SIGINT)
    assert code == 130 and done_at_kill < done_at_int < total
    _no_tmp(out)
    for rel, data in snapshot(out).items():
        assert expected[rel] == data

    final = subprocess.run(_cmd(root, out), capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-2000:]
    report = json.loads(final.stdout)
    assert report["already_done"] == done_at_int  # nothing finished is redone
    assert report["files"] == total - done_at_int == report["passed"]
    assert snapshot(out) == expected  # same names (collision counters included) and bytes
    _no_tmp(out)
    db = sqlite3.connect(out / ".phiscrub" / "manifest.sqlite")
    statuses = db.execute("SELECT status, COUNT(*) FROM files GROUP BY status").fetchall()
    assert statuses == [("PASS", total)]
    outputs = [json.loads(l)["output"] for l in (out / ".phiscrub" / "audit.jsonl").read_text().splitlines()]
    assert set(outputs) == set(expected)
    assert len(outputs) - total <= 4  # only a file caught between rename and commit is logged twice
    assert final.stderr.strip() == ""  # --json: no progress bar, nothing else on stderr
