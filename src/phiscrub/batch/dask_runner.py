"""Running file tasks on Dask (``dask.distributed``): a LocalCluster or a real cluster.

Every worker must have the same phiscrub version and spaCy model package installed, and see
the inputs and the output folder at the same paths (a shared file system): workers write
their results to ``OUT/.phiscrub/tmp`` and the coordinating process (the one that called
``scrub_files`` / ran the CLI) renames them into place and keeps the manifest. A worker
plugin loads the text engine once per worker when it joins.
"""

from __future__ import annotations

from typing import Any, Optional

from ..errors import PhiscrubError
from ..policy import Policy
from .worker import FAILED, FileOutcome, FileTask, process_file, warm_up


class DaskSetupError(PhiscrubError, RuntimeError):
    """The Dask cluster could not be started or reached."""


class DaskUnavailableError(PhiscrubError, ImportError):
    """``--engine dask`` needs the optional dependency: pip install 'phiscrub[dask]'."""


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise DaskUnavailableError("the dask engine needs dask.distributed: pip install 'phiscrub[dask]'") from None
    return distributed


def _make_plugin(policy: Policy) -> Any:
    distributed = _import_distributed()

    class PhiscrubWarmUp(distributed.diagnostics.plugin.WorkerPlugin):
        """Loads the text engine on each worker as it starts (not once per file)."""

        name = "phiscrub-warm-up-" + policy.fingerprint()

        def __init__(self, policy: Policy) -> None:
            self.policy = policy

        def setup(self, worker: Any) -> None:
            warm_up(self.policy)

    return PhiscrubWarmUp(policy)


class DaskRunner:
    """Submits files to a Dask client; at most a bounded number in flight (set by the caller)."""

    name = "dask"

    def __init__(self, policy: Policy, workers: int = 2, client: Any = None, scheduler: Optional[str] = None) -> None:
        distributed = _import_distributed()
        self.policy = policy
        self._own: list[Any] = []
        try:
            if client is None:
                if scheduler:
                    client = distributed.Client(scheduler, set_as_default=False, timeout="30s")
                else:
                    cluster = distributed.LocalCluster(
                        n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None,
                    )
                    self._own.append(cluster)
                    client = distributed.Client(cluster, set_as_default=False)
                self._own.insert(0, client)
            info = client.scheduler_info()
            client.register_plugin(_make_plugin(policy))
        except PhiscrubError:
            raise
        except Exception as e:
            self.close()
            raise DaskSetupError(f"cannot start or reach the Dask cluster: {type(e).__name__}: {e}") from None
        self.client = client
        self.workers = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()) or max(1, workers)
        self._ac = distributed.as_completed(loop=client.loop)
        self._futures: dict[str, tuple[Any, FileTask]] = {}

    def submit(self, task: FileTask) -> None:
        fut = self.client.submit(process_file, task, self.policy, pure=False, key=f"phiscrub-file-{task.index}-{id(self):x}")
        self._futures[fut.key] = (fut, task)
        self._ac.add(fut)

    def pending(self) -> int:
        return len(self._futures)

    def wait_some(self) -> list[FileOutcome]:
        if not self._futures:
            return []
        batch = [next(self._ac)] + list(self._ac.next_batch(block=False))
        out: list[FileOutcome] = []
        for fut in batch:
            _, task = self._futures.pop(fut.key)
            try:
                out.append(fut.result())
            except Exception as e:  # a worker died, was lost, or the task was cancelled
                out.append(FileOutcome(task.index, FAILED, f"dask task failed: {type(e).__name__}"))
            fut.release()
        return out

    def close(self, cancel: bool = False) -> None:
        futures = getattr(self, "_futures", {})
        if cancel and futures:
            try:
                self.client.cancel([f for f, _ in futures.values()])
            except Exception:
                pass
        futures.clear()
        for obj in self._own:
            try:
                obj.close()
            except Exception:
                pass
        self._own = []
