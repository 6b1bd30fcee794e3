"""One batch run: list the inputs, skip what an earlier run finished, hand files to a runner,
and put each result in place, in listing order, with the manifest and audit log kept in step.

Results are put in place in the order of the (sorted) listing, whatever order workers finish
in, so name collisions (two patients' files that both scrub to ``NAME_NAME.txt``) get the same
counters in every run, and a resumed run gives exactly the tree a clean run would have given.
At most ``window`` files are in flight or waiting, which bounds memory for any number of files.
"""

from __future__ import annotations

import csv
import hashlib
import os
import secrets
import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

from ..atomic import fsync_dir
from ..policy import Policy
from .audit import AuditLog
from .discover import SourceFile, count_sources, iter_sources, resolve_inputs
from .manifest import DONE, STATE_DIR, FileRecord, Manifest, OutputLock, clear_tmp, release_name
from .progress import BatchProgress
from .report import MAX_LISTED_FAILURES, BatchReport, FileNote
from .runner import Runner
from .worker import FAILED, FileOutcome, FileTask


@dataclass(frozen=True)
class BatchOptions:
    overwrite: bool = False
    keep_names: bool = False
    columns: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # glob patterns of file/folder names to leave out (ignored)
    review_report: Optional[str] = None  # opt-in CSV mapping input paths to outputs (contains PHI)
    progress: bool = False


def _sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _resume_state(rec: Optional[FileRecord], src: SourceFile, out: Path, fp: str) -> str:
    """'done' (skip), 'redo', or 'changed' (finished before, but the input has changed since)."""
    if rec is None or rec.status not in DONE or rec.policy_fp != fp or not rec.out_rel:
        return "redo"
    if not (out / rec.out_rel).exists():
        return "redo"  # someone removed the output: make it again
    if (rec.size, rec.mtime_ns) == (src.size, src.mtime_ns):
        return "done"
    try:
        return "done" if _sha256_file(src.path) == rec.input_sha256 else "changed"
    except OSError:
        return "redo"


def _inside(path: Path, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root + os.sep)


class _Run:
    def __init__(self, out: Path, policy: Policy, options: BatchOptions, manifest: Manifest,
                 audit: AuditLog, progress: BatchProgress) -> None:
        self.out, self.policy, self.options = out, policy, options
        self.real_out = os.path.realpath(out)
        self.fp = policy.fingerprint()
        self.manifest, self.audit, self.progress = manifest, audit, progress
        self.counts: Counter[str] = Counter()
        self.entities: Counter[str] = Counter()
        self.name_entities: Counter[str] = Counter()
        self.failures: list[FileNote] = []
        self.reviews: list[FileNote] = []  # REVIEW files: written, for a human to look at
        self.bytes_in = 0
        self._review = None
        self._review_writer = None
        if options.review_report:
            self._review = open(options.review_report, "w", newline="", encoding="utf-8")
            self._review_writer = csv.writer(self._review)
            self._review_writer.writerow(["input", "output", "status", "reason"])

    def _fail(self, label: str, reason: str, src: SourceFile, o: Optional[FileOutcome], key: str,
              keep_rel: Optional[str]) -> None:
        self.counts[FAILED] += 1
        if len(self.failures) < MAX_LISTED_FAILURES:
            self.failures.append(FileNote(label, reason))
        if keep_rel is not None and o is not None:
            stale = self.out / keep_rel  # ours, from a killed run: FAILED means nothing in the tree
            if stale.is_file() and _inside(stale.parent, self.real_out):
                stale.unlink()
        if o is not None:  # a name claimed earlier stays reserved for this file's next attempt
            self.manifest.finish(key, FAILED, keep_rel, o.input_sha256, o.size, o.mtime_ns, self.fp, reason)
        self.audit.write(
            output=label, status=FAILED, kind=o.kind if o else "", input_sha256=o.input_sha256 if o else "",
            findings=(), name_findings=(), reason=reason, seconds=o.seconds if o else 0.0,
        )
        self._review_row(src, label, FAILED, reason)

    def _review_row(self, src: SourceFile, output: str, status: str, reason: str = "") -> None:
        if self._review_writer is not None:
            self._review_writer.writerow([src.path, output, status, reason])

    def finalize(self, o: FileOutcome, src: SourceFile, key: str, reserved: Optional[str]) -> None:
        self.progress.advance()
        self.bytes_in += o.size
        label = "/".join(o.out_rel) if o.out_rel else f"<file #{o.index + 1} of the listing>"
        if o.status == FAILED:
            self._fail(label, o.reason, src, o, key, reserved)
            return
        rel = reserved or self.manifest.claim(key, src.rel, o.out_rel)
        final = self.out / rel
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            if not _inside(final.parent, self.real_out):
                raise _Refused("output folder leads outside OUT (symlink); nothing written")
            if reserved is None and os.path.lexists(final) and not self.options.overwrite:
                raise _Refused("output file already exists; use --overwrite to replace it")
            os.replace(o.tmp_path, final)
            fsync_dir(final.parent)  # the rename is on disk before the manifest says done
        except (_Refused, OSError) as e:
            try:
                os.unlink(o.tmp_path)
            except OSError:
                pass
            if reserved is None:
                release_name(self.manifest, rel)
            reason = str(e) if isinstance(e, _Refused) else f"cannot write output: {type(e).__name__}"
            self._fail(rel, reason, src, o, key, reserved)
            return
        self.audit.write(
            output=rel, status=o.status, kind=o.kind, input_sha256=o.input_sha256, findings=o.findings,
            name_findings=o.name_findings, removed_metadata=o.removed_metadata, reason=o.reason,
            seconds=o.seconds,
        )
        if o.status == "REVIEW" and len(self.reviews) < MAX_LISTED_FAILURES:
            self.reviews.append(FileNote(rel, o.reason or "flagged by the image scrubber"))
        self.manifest.finish(key, o.status, rel, o.input_sha256, o.size, o.mtime_ns, self.fp)
        self.counts[o.status] += 1
        self.entities.update(d["entity"] for d in o.findings)
        self.name_entities.update(d["entity"] for d in o.name_findings)
        self._review_row(src, rel, o.status)

    def close(self) -> None:
        if self._review is not None:
            self._review.close()


class _Refused(Exception):
    pass


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    policy: Policy,
    options: BatchOptions,
    make_runner: Callable[[], Runner],
    window: Optional[int] = None,
) -> BatchReport:
    """Scrub ``inputs`` into ``out_dir`` with the runner ``make_runner`` builds (after locking OUT)."""
    t0 = time.perf_counter()
    out = Path(out_dir)
    roots = resolve_inputs(inputs, out)
    out.mkdir(parents=True, exist_ok=True)
    state_dir = out / STATE_DIR
    state_dir.mkdir(exist_ok=True)
    lock = OutputLock(state_dir)  # before touching the manifest: one run per OUT
    try:
        manifest = Manifest(out)
    except BaseException:
        lock.release()
        raise
    progress: Optional[BatchProgress] = None
    runner: Optional[Runner] = None
    run: Optional[_Run] = None
    interrupted = False
    already_done = ignored = 0
    engine, n_workers = "local", 0
    try:
        manifest.check_options(
            {"policy": policy.fingerprint(), "keep_names": options.keep_names,
             "columns": list(options.columns), "fields": list(options.fields)},
            options.overwrite,
        )
        tmp = clear_tmp(manifest.state_dir)
        uid_key = manifest.get_meta("uid_key")
        if uid_key is None:
            uid_key = secrets.token_hex(32)
            manifest.set_meta("uid_key", uid_key)
        audit = AuditLog(manifest.state_dir, uuid.uuid4().hex[:12], policy.fingerprint())
        progress = BatchProgress(options.progress, lambda: count_sources(roots, out, options.exclude))
        run = _Run(out, policy, options, manifest, audit, progress)
        runner = make_runner()
        engine, n_workers = runner.name, runner.workers
        window = window or max(16, runner.workers * 8)
        order: deque[int] = deque()
        held: dict[int, FileOutcome] = {}
        waiting: dict[int, tuple[SourceFile, str, Optional[str]]] = {}
        sources = iter_sources(roots, out, options.exclude)
        index = -1
        exhausted = False
        try:
            while True:
                while not exhausted and len(order) < window:
                    src = next(sources, None)
                    if src is None:
                        exhausted = True
                        break
                    if src.ignored:
                        ignored += 1
                        continue
                    index += 1
                    key = manifest.key(src.rel)
                    rec = manifest.lookup(key)
                    state = _resume_state(rec, src, out, run.fp)
                    if state == "done":
                        already_done += 1
                        progress.advance()
                        continue
                    if state == "changed" and not options.overwrite:
                        assert rec is not None and rec.out_rel
                        progress.advance()
                        run.counts[FAILED] += 1
                        reason = "input changed since it was scrubbed into this folder; use --overwrite to redo it"
                        if len(run.failures) < MAX_LISTED_FAILURES:
                            run.failures.append(FileNote(rec.out_rel, reason))
                        audit.write(output=rec.out_rel, status=FAILED, kind="", input_sha256="", findings=(),
                                    name_findings=(), reason=reason)
                        continue
                    reserved = rec.out_rel if rec is not None and rec.out_rel else None
                    runner.submit(FileTask(index, src.path, src.rel, str(tmp), options.keep_names,
                                           options.columns, options.fields, uid_key))
                    order.append(index)
                    waiting[index] = (src, key, reserved)
                if not order:
                    break
                for o in runner.wait_some():
                    held[o.index] = o
                while order and order[0] in held:
                    i = order.popleft()
                    src, key, reserved = waiting.pop(i)
                    run.finalize(held.pop(i), src, key, reserved)
        except KeyboardInterrupt:
            interrupted = True
            for o in held.values():
                if o.tmp_path:
                    try:
                        os.unlink(o.tmp_path)
                    except OSError:
                        pass
        runner.close(cancel=interrupted)
        runner = None
        clear_tmp(manifest.state_dir)
        audit.close()
    finally:
        if runner is not None:
            runner.close(cancel=True)
        if progress is not None:
            progress.close()
        if run is not None:
            run.close()
        manifest.close()
        lock.release()
    assert run is not None
    return BatchReport(
        out_dir=str(out), engine=engine, workers=n_workers, files=run.counts["PASS"] + run.counts["REVIEW"] + run.counts[FAILED],
        passed=run.counts["PASS"], review=run.counts["REVIEW"], failed=run.counts[FAILED],
        already_done=already_done, ignored=ignored, seconds=time.perf_counter() - t0, bytes_in=run.bytes_in,
        entities=dict(run.entities), name_entities=dict(run.name_entities), failures=tuple(run.failures),
        reviews=tuple(run.reviews), interrupted=interrupted, policy_fingerprint=policy.fingerprint(),
    )

