"""The manifest: which inputs are finished, under which output name, from which input bytes
and policy. It lives in ``OUT/.phiscrub/manifest.sqlite`` and makes killed runs resumable.

Protocol (write-ahead): before a temporary file is renamed into the output tree its final name
is committed as ``claimed``; after the rename the row is committed as ``PASS``/``REVIEW``. A run
killed at any point therefore leaves either a claimed name (redone next time, into the same
name) or a finished row; SQLite's transactions survive SIGKILL.

Inputs are keyed by a salted SHA-256 of their path under OUT (the salt is random per output
folder), and output names are the scrubbed ones: the manifest holds no input file names. The
salt sits beside the hashes, so keys only hide names from a casual reader; delete
``OUT/.phiscrub`` before sharing OUT if that matters (the audit log is the record to keep).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..errors import PhiscrubError
from .naming import with_counter

STATE_DIR = ".phiscrub"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    key TEXT PRIMARY KEY, status TEXT NOT NULL, out_rel TEXT, input_sha256 TEXT,
    size INTEGER, mtime_ns INTEGER, policy_fp TEXT, reason TEXT, updated REAL
);
CREATE TABLE IF NOT EXISTS names (fold TEXT PRIMARY KEY, out_rel TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dirs (key TEXT PRIMARY KEY, out_rel TEXT NOT NULL);
"""
DONE = ("PASS", "REVIEW")


class OutputBusyError(PhiscrubError, RuntimeError):
    """Another phiscrub run is writing to the same output folder."""


class OptionsChangedError(PhiscrubError, ValueError):
    """OUT was produced with another policy or options; mixing them would give an inconsistent tree."""


@dataclass(frozen=True)
class FileRecord:
    key: str
    status: str
    out_rel: Optional[str]
    input_sha256: Optional[str]
    size: Optional[int]
    mtime_ns: Optional[int]
    policy_fp: Optional[str]


class OutputLock:
    """An exclusive lock on ``OUT/.phiscrub/lock`` (``flock``; ``msvcrt`` on Windows), released
    by :meth:`release` or when the process ends, even by SIGKILL."""

    def __init__(self, state_dir: Path) -> None:
        self._fh = open(state_dir / "lock", "a+")
        try:
            _lock(self._fh)
        except OSError:
            self._fh.close()
            raise OutputBusyError("another phiscrub run is writing to this output folder") from None

    def release(self) -> None:
        if not self._fh.closed:
            _unlock(self._fh)
            self._fh.close()


try:
    import fcntl

    def _lock(fh: Any) -> None:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: Any) -> None:
        fcntl.flock(fh, fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt

    def _lock(fh: Any) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]

    def _unlock(fh: Any) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


def _fold(rel: str) -> str:
    return rel.casefold()  # names unique even on case-insensitive file systems


class Manifest:
    """SQLite manifest of one output folder; used by the coordinating process only."""

    def __init__(self, out_dir: Path) -> None:
        self.state_dir = out_dir / STATE_DIR
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.state_dir / "manifest.sqlite", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        salt = self.get_meta("salt")
        if salt is None:
            salt = secrets.token_hex(16)
            self.set_meta("salt", salt)
        self._salt = salt

    # --- meta ---------------------------------------------------------------------------
    def get_meta(self, key: str) -> Optional[str]:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def check_options(self, options: dict[str, Any], overwrite: bool) -> None:
        """Refuse to mix runs with different policies/options in one OUT (unless overwriting)."""
        blob = json.dumps(options, sort_keys=True)
        old = self.get_meta("options")
        if old is not None and old != blob and not overwrite:
            raise OptionsChangedError(
                "this output folder was produced with a different policy or options "
                f"(was {old}, now {blob}); use a new output folder, or --overwrite to redo it"
            )
        self.set_meta("options", blob)

    # --- keys and records -------------------------------------------------------------------
    def key(self, parts: tuple[str, ...]) -> str:
        h = hashlib.sha256(self._salt.encode())
        for p in parts:
            h.update(b"\0" + p.encode("utf-8", "surrogateescape"))
        return h.hexdigest()

    def lookup(self, key: str) -> Optional[FileRecord]:
        row = self.db.execute(
            "SELECT key, status, out_rel, input_sha256, size, mtime_ns, policy_fp FROM files WHERE key=?", (key,)
        ).fetchone()
        return FileRecord(*row) if row else None

    def _unique(self, parent: str, name: str, is_file: bool) -> str:
        n = 1
        candidate = name
        while True:
            rel = f"{parent}/{candidate}" if parent else candidate
            if self.db.execute("SELECT 1 FROM names WHERE fold=?", (_fold(rel),)).fetchone() is None:
                self.db.execute("INSERT INTO names VALUES (?, ?)", (_fold(rel), rel))
                return rel
            n += 1
            candidate = with_counter(name, n, is_file)

    def claim(self, key: str, orig_parts: tuple[str, ...], out_parts: tuple[str, ...]) -> str:
        """Give the file its unique output path (folders first) and commit it as ``claimed``.

        Folders are claimed once per input folder, so two patients' folders that scrub to the
        same name stay apart (``NAME_NAME`` and ``NAME_NAME_2``) instead of being merged.
        """
        self.db.execute("BEGIN IMMEDIATE")
        try:
            parent = ""
            for depth in range(len(out_parts) - 1):
                dkey = self.key(("dir",) + orig_parts[: depth + 1])
                row = self.db.execute("SELECT out_rel FROM dirs WHERE key=?", (dkey,)).fetchone()
                if row:
                    parent = row[0]
                else:
                    parent = self._unique(parent, out_parts[depth], is_file=False)
                    self.db.execute("INSERT INTO dirs VALUES (?, ?)", (dkey, parent))
            rel = self._unique(parent, out_parts[-1], is_file=True)
            self.db.execute(
                "INSERT OR REPLACE INTO files (key, status, out_rel, updated) VALUES (?, 'claimed', ?, ?)",
                (key, rel, time.time()),
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return rel

    def finish(self, key: str, status: str, out_rel: Optional[str], sha: str, size: int, mtime_ns: int,
               policy_fp: str, reason: str = "") -> None:
        """Record the final status (after the rename for PASS/REVIEW); one commit."""
        self.db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, status, out_rel, sha, size, mtime_ns, policy_fp, reason or None, time.time()),
        )

    def counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT status, COUNT(*) FROM files GROUP BY status").fetchall())

    def close(self) -> None:
        self.db.close()


def clear_tmp(state_dir: Path) -> Path:
    """Empty ``OUT/.phiscrub/tmp`` (left-overs of a killed run) and return it."""
    tmp = state_dir / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(tmp):
        try:
            os.unlink(entry.path)
        except OSError:
            pass
    return tmp


def release_name(manifest: Manifest, rel: str) -> None:
    """Give back a claimed file name that could not be used (the path was taken on disk)."""
    manifest.db.execute("DELETE FROM names WHERE fold=?", (_fold(rel),))
