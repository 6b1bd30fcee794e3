"""The work done for one file, in a worker process (or Dask worker, or inline).

A worker reads the input once (hashing it), scrubs its content and its name, and writes the
result to a temporary file under ``OUT/.phiscrub/tmp``. It never writes into the output tree
itself: the coordinating process claims the final name and renames the temporary file into
place, so a killed run leaves no half-written output. ``process_file`` never raises: every
error becomes a FAILED outcome whose reason names the error type (and phiscrub's own message
with the file's name blanked out), never the content.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import re
import signal
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..errors import PhiscrubError
from ..policy import Policy
from .filetypes import DELIMITERS, FileKind, classify
from .naming import scrub_name

PASS, REVIEW, FAILED = "PASS", "REVIEW", "FAILED"

_worker_policy: Optional[Policy] = None
_worker_setup_error: Optional[str] = None


@dataclass(frozen=True)
class FileTask:
    """One file to scrub, as sent to a worker (picklable, small)."""

    index: int
    path: str
    rel: tuple[str, ...]
    tmp_dir: str
    keep_names: bool = False
    columns: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    uid_key: str = ""  # batch secret for consistent DICOM UIDs (when the policy has no key)


@dataclass(frozen=True)
class FileOutcome:
    """What a worker did with one file. Holds no input content and no input name."""

    index: int
    status: str
    reason: str = ""
    kind: str = ""
    out_rel: tuple[str, ...] = ()  # scrubbed path components (the coordinator may add a counter)
    tmp_path: str = ""
    input_sha256: str = ""
    size: int = 0
    mtime_ns: int = 0
    findings: tuple[dict, ...] = ()
    name_findings: tuple[dict, ...] = ()
    removed_metadata: tuple[str, ...] = ()
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)


# --- worker set-up -------------------------------------------------------------------------
def _die_with_parent() -> None:
    """Linux: ask the kernel to kill this worker when the coordinator dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def init_worker(policy: Policy, parent_pid: int | None = None) -> None:
    """Process-pool initializer: load the text engine once per worker, not once per file.

    Workers ignore Ctrl-C: the coordinator handles it, lets running files finish or be
    discarded, and keeps the manifest consistent.
    """
    global _worker_policy, _worker_setup_error
    _worker_policy = policy
    if parent_pid is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _die_with_parent()
        if os.getppid() != parent_pid:
            os._exit(1)
    _worker_setup_error = warm_up(policy)


def warm_up(policy: Policy) -> Optional[str]:
    """Load the (cached) analyzer; returns a reason if that is impossible."""
    try:
        from ..text.engine import get_analyzer

        get_analyzer(policy.spacy_model, policy.use_ner)
    except Exception as e:  # reported per file as FAILED, never swallowed
        return f"text engine unavailable: {_reason(e, ())}"
    return None


# --- the work ------------------------------------------------------------------------------
class _Note(PhiscrubError):
    """Carries a REVIEW reason through the same name-blanking as failure reasons."""

def _reason(exc: BaseException, names: tuple[str, ...]) -> str:
    """A failure reason that names the error but never the file's content or its name."""
    if isinstance(exc, PhiscrubError):
        msg = str(exc)
        for n in sorted({x for x in names if x}, key=len, reverse=True):
            msg = re.sub(r"(?<![\w])" + re.escape(n) + r"(?![\w])", "<input>", msg)
        if isinstance(exc, _Note):
            return msg
        return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
    return type(exc).__name__  # third-party messages often quote paths or content


def _name_parts(task: FileTask, policy: Policy) -> tuple[tuple[str, ...], tuple[dict, ...]]:
    if task.keep_names:
        return task.rel, ()
    parts: list[str] = []
    found: list[dict] = []
    last = len(task.rel) - 1
    for depth, comp in enumerate(task.rel):
        new, findings = scrub_name(comp, policy, depth == last)
        parts.append(new)
        for f in findings:
            d = f.to_dict()
            d["depth"] = depth
            found.append(d)
    return tuple(parts), tuple(found)


def _tmp_path(task: FileTask, suffix: str) -> str:
    return os.path.join(task.tmp_dir, f"{uuid.uuid4().hex}{suffix.lower()}")


def _write_bytes(path: str, data: bytes) -> None:
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())  # durable before the coordinator renames it into place


def _decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        # Fail closed: guessing an encoding could hide identifiers from the analyzer.
        from ..errors import CorruptInputError

        raise CorruptInputError(f"not valid UTF-8 (first bad byte at offset {e.start})") from None


@functools.lru_cache(maxsize=4)
def _uid_remapper(key: str) -> Any:
    """One UID remapper per worker process and batch key: the key (the policy's, or a secret kept
    in OUT's manifest) makes the mapping the same in every worker and in resumed runs."""
    from ..image import UidRemapper

    return UidRemapper(key)


def _scrub_image(task: FileTask, policy: Policy, suffix: str) -> tuple[str, str, tuple[dict, ...], tuple[str, ...], str]:
    """Scrub an image or DICOM file; the image scrubber's review reasons name checks, not content."""
    from ..image import scrub_image

    key = policy.key if policy.key is not None else task.uid_key
    remapper = _uid_remapper(key) if key else None
    result = scrub_image(Path(task.path), policy, uid_remapper=remapper)
    status = getattr(result, "status", None)
    if status not in (PASS, REVIEW):
        raise PhiscrubError(f"image scrubber returned status {status!r}")
    tmp = _tmp_path(task, suffix or ".dcm")
    result.save(tmp)
    if not os.path.exists(tmp) or os.path.getsize(tmp) == 0:
        raise PhiscrubError("image scrubber wrote no output")
    findings = tuple(f.to_dict() for f in getattr(result, "findings", ()) or ())
    removed = tuple(str(m) for m in (getattr(result, "removed_metadata", ()) or ()))
    reasons = "; ".join(str(r) for r in (getattr(result, "review_reasons", ()) or ()))
    return status, tmp, findings, removed, reasons


def _process_info() -> dict:
    """Which process did the work and how often it built an analyzer (should stay at 1)."""
    from ..text.engine import get_analyzer

    return {"pid": os.getpid(), "analyzer_builds": get_analyzer.cache_info().misses}


def process_file(task: FileTask, policy: Optional[Policy] = None) -> FileOutcome:
    """Scrub one file into a temporary file; never raises (errors become FAILED outcomes)."""
    t0 = time.perf_counter()
    policy = policy or _worker_policy
    names = task.rel + (task.path, Path(task.path).stem)
    out_rel: tuple[str, ...] = ()
    kind = ""
    digest, size, mtime = "", 0, 0
    tmp = ""
    try:
        if policy is None:
            raise PhiscrubError("worker has no policy")
        if _worker_setup_error and policy is _worker_policy:
            raise PhiscrubError(_worker_setup_error)
        out_rel, name_findings = _name_parts(task, policy)
        kind = classify(task.path).value
        if kind == FileKind.UNSUPPORTED:
            raise PhiscrubError(f"unsupported file type {Path(task.path).suffix.lower() or '(no suffix)'}")
        st = os.stat(task.path)
        size, mtime = st.st_size, st.st_mtime_ns
        with open(task.path, "rb") as fh:
            data = fh.read()
        digest = hashlib.sha256(data).hexdigest()
        suffix = Path(task.path).suffix
        removed: tuple[str, ...] = ()
        note = ""
        if kind in (FileKind.IMAGE, FileKind.DICOM):
            status, tmp, findings, removed, note = _scrub_image(task, policy, suffix)
        else:
            text = _decode_utf8(data)
            del data
            if kind == FileKind.DELIMITED:
                from .delimited import scrub_delimited

                new_text, found = scrub_delimited(text, DELIMITERS[suffix.lower()], task.columns, policy)
            elif kind == FileKind.JSONL:
                from .jsonl import scrub_jsonl

                new_text, found = scrub_jsonl(text, task.fields, policy)
            else:
                from ..text import scrub_text

                res = scrub_text(text, policy)
                new_text, found = res.text, [f.to_dict() for f in res.findings]
            findings = tuple(found)
            status = PASS
            tmp = _tmp_path(task, suffix)
            _write_bytes(tmp, new_text.encode("utf-8"))
        return FileOutcome(
            task.index, status, _reason(_Note(note), names) if note else "", kind, out_rel, tmp, digest, size, mtime, findings, name_findings,
            removed, time.perf_counter() - t0, _process_info(),
        )
    except BaseException as e:  # noqa: BLE001 - a worker must report, not die
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if isinstance(e, (KeyboardInterrupt, SystemExit)) and policy is not None and _worker_policy is None:
            raise  # inline mode: let Ctrl-C reach the coordinator
        return FileOutcome(
            task.index, FAILED, _reason(e, names), kind, out_rel, "", digest, size, mtime,
            seconds=time.perf_counter() - t0,
        )
