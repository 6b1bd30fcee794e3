"""Running file tasks: inline (``workers=0``) or on a local process pool.

The pool uses the ``spawn`` start method (no forked copies of the coordinator's threads or
SQLite handle) and an initializer that loads the text engine once per worker. A worker that
crashes (segfault, OOM kill) breaks the pool: the pool is rebuilt and the files that were in
flight are retried once; a file that crashes a worker twice ends FAILED.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from ..errors import PhiscrubError
from ..policy import Policy
from .worker import FAILED, FileOutcome, FileTask, init_worker, process_file

MAX_ATTEMPTS = 2


class WorkerStartError(PhiscrubError, RuntimeError):
    """The worker processes could not start (or died before doing any work)."""


class Runner(Protocol):
    name: str
    workers: int

    def submit(self, task: FileTask) -> None: ...
    def pending(self) -> int: ...
    def wait_some(self) -> list[FileOutcome]: ...
    def close(self, cancel: bool = False) -> None: ...


class InlineRunner:
    """Runs each file in the calling process (no pool): for small jobs, tests and debugging."""

    name = "inline"
    workers = 0

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._done: list[FileOutcome] = []

    def submit(self, task: FileTask) -> None:
        self._done.append(process_file(task, self.policy))

    def pending(self) -> int:
        return len(self._done)

    def wait_some(self) -> list[FileOutcome]:
        done, self._done = self._done, []
        return done

    def close(self, cancel: bool = False) -> None:
        self._done = []


class PoolRunner:
    """A ``ProcessPoolExecutor`` of ``workers`` spawned processes."""

    name = "local"

    def __init__(self, policy: Policy, workers: int) -> None:
        self.policy = policy
        self.workers = max(1, workers)
        self._futures: dict[Future, FileTask] = {}
        self._attempts: dict[int, int] = {}
        self._ready: list[FileOutcome] = []
        self._received = False  # has any worker of any pool finished a file?
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(self.policy, os.getpid()),
        )

    def submit(self, task: FileTask) -> None:
        self._futures[self._pool.submit(process_file, task)] = task

    def pending(self) -> int:
        return len(self._futures) + len(self._ready)

    def wait_some(self) -> list[FileOutcome]:
        if self._ready:
            out, self._ready = self._ready, []
            return out
        if not self._futures:
            return []
        done, _ = wait(list(self._futures), return_when=FIRST_COMPLETED)
        out: list[FileOutcome] = []
        broken: list[FileTask] = []
        for fut in done:
            task = self._futures.pop(fut)
            try:
                out.append(fut.result())
                self._received = True
            except BrokenProcessPool:
                broken.append(task)
            except Exception as e:  # e.g. a result that cannot be unpickled
                out.append(FileOutcome(task.index, FAILED, f"worker error: {type(e).__name__}"))
        if broken:
            out.extend(self._recover(broken))
        return out

    def _recover(self, broken: list[FileTask]) -> list[FileOutcome]:
        """The pool died: every in-flight file is lost. Rebuild it and retry those files once."""
        if not self._received:
            self._pool.shutdown(wait=False, cancel_futures=True)
            raise WorkerStartError(
                "worker processes died before finishing any file. If you call scrub_files from a "
                "script, guard it with `if __name__ == \"__main__\":` (workers are spawned and "
                "import the main module); or run with workers=0."
            )
        lost = broken + list(self._futures.values())
        self._futures.clear()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        failed: list[FileOutcome] = []
        for task in sorted(lost, key=lambda t: t.index):
            n = self._attempts.get(task.index, 0) + 1
            self._attempts[task.index] = n
            if n >= MAX_ATTEMPTS:
                failed.append(FileOutcome(task.index, FAILED, "worker process crashed while scrubbing this file"))
            else:
                self.submit(task)
        return failed

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=True, cancel_futures=cancel)
        self._futures.clear()
