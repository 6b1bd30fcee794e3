"""The audit log: one JSON line per file in ``OUT/.phiscrub/audit.jsonl``.

Each record says what was found and where (entity, offsets or boxes, score, recognizer),
under which policy (its fingerprint) and phiscrub version, when, and with which status. It
names the file by its *scrubbed* output path and the SHA-256 of its bytes, never by its
original name, and it never contains the identifiers themselves. Lines are appended and
flushed one at a time; a line cut short by a killed run is removed when the next run opens
the log.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..version import __version__

AUDIT_NAME = "audit.jsonl"


def _drop_partial_line(path: Path) -> None:
    try:
        with open(path, "rb+") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            if size == 0:
                return
            fh.seek(size - 1)
            if fh.read(1) == b"\n":
                return
            block = 4096
            pos = size
            while pos > 0:
                start = max(0, pos - block)
                fh.seek(start)
                chunk = fh.read(pos - start)
                nl = chunk.rfind(b"\n")
                if nl >= 0:
                    fh.truncate(start + nl + 1)
                    return
                pos = start
            fh.truncate(0)
    except FileNotFoundError:
        return


class AuditLog:
    """Append-only JSONL writer (coordinating process only)."""

    def __init__(self, state_dir: Path, run_id: str, policy_fingerprint: str) -> None:
        self.path = state_dir / AUDIT_NAME
        _drop_partial_line(self.path)
        self._fh = open(self.path, "a", encoding="utf-8")
        self.run_id = run_id
        self.policy_fingerprint = policy_fingerprint

    def write(self, *, output: str | None, status: str, kind: str, input_sha256: str, findings: Any,
              name_findings: Any, removed_metadata: Any = (), reason: str = "", seconds: float = 0.0) -> None:
        record = {
            "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            "run": self.run_id,
            "phiscrub_version": __version__,
            "policy_fingerprint": self.policy_fingerprint,
            "output": output,
            "input_sha256": input_sha256 or None,
            "kind": kind or None,
            "status": status,
            "findings": list(findings),
            "name_findings": list(name_findings),
        }
        if removed_metadata:
            record["removed_metadata"] = list(removed_metadata)
        if reason:
            record["reason"] = reason
        record["seconds"] = round(seconds, 4)
        self._fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()
