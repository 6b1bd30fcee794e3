"""`scrub_files`: the Python entry point of batch scrubbing (the CLI calls it too)."""

from __future__ import annotations

import os
from typing import Any, Iterable, Optional

from ..errors import PhiscrubError
from ..policy import Policy
from .orchestrator import BatchOptions, run_batch
from .report import BatchReport

ENGINES = ("local", "dask")


def scrub_files(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    policy: Optional[Policy] = None,
    workers: Optional[int] = None,
    engine: str = "local",
    client: Any = None,
    scheduler: Optional[str] = None,
    overwrite: bool = False,
    keep_names: bool = False,
    columns: Iterable[str] = (),
    fields: Iterable[str] = (),
    exclude: Iterable[str] = (),
    progress: bool = False,
    review_report: Optional[str | os.PathLike[str]] = None,
) -> BatchReport:
    """Scrub files and folders (recursively) into ``out_dir``, mirroring the folder tree.

    - ``workers``: processes (``local``) or, without ``client``/``scheduler``, LocalCluster
      workers (``dask``); default: the number of CPUs. ``workers=0`` runs everything in the
      calling process (no pool).
    - ``engine="dask"`` with ``client`` (a ``distributed.Client``) or ``scheduler`` (an address)
      runs on that cluster; with neither it starts a LocalCluster.
    - ``columns`` (CSV/TSV) and ``fields`` (JSONL) restrict scrubbing to those cells/values;
      by default every cell/value is scrubbed.
    - ``exclude``: glob patterns of file or folder names to leave out (``"*.py"``); they are
      counted as ignored and never copied.
    - ``keep_names``: keep file and folder names as they are (default: scrub them).
    - ``overwrite``: replace existing outputs, and redo files finished with another policy.
    - ``review_report``: also write a CSV mapping input paths to outputs. It contains the
      original file names, i.e. PHI: keep it away from the output you share.

    Files already finished in ``out_dir`` by an earlier run (same input bytes, same policy) are
    skipped, so re-running after a crash or Ctrl-C finishes the rest. Returns a
    :class:`BatchReport`; ``report.ok`` is False when any file FAILED.
    """
    policy = policy or Policy()
    if engine not in ENGINES:
        raise PhiscrubError(f"unknown engine {engine!r}; choose from {ENGINES}")
    n = (os.cpu_count() or 1) if workers is None else int(workers)
    if n < 0:
        raise PhiscrubError("workers must be >= 0")
    options = BatchOptions(
        overwrite=overwrite, keep_names=keep_names, columns=tuple(columns), fields=tuple(fields),
        exclude=tuple(exclude), progress=progress,
        review_report=os.fspath(review_report) if review_report is not None else None,
    )

    def make_runner() -> Any:
        if engine == "dask":
            from .dask_runner import DaskRunner

            return DaskRunner(policy, workers=n or 1, client=client, scheduler=scheduler)
        if n == 0:
            from .runner import InlineRunner

            return InlineRunner(policy)
        from .runner import PoolRunner

        return PoolRunner(policy, n)

    return run_batch(list(paths), out_dir, policy, options, make_runner)
