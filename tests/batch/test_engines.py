"""The local process pool and Dask give the same tree as an in-process run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from batchcases import snapshot, write_case_tree

from phiscrub.batch import scrub_files
from phiscrub.batch.runner import PoolRunner
from phiscrub.batch.worker import FileTask, process_file
from phiscrub.policy import Policy


def test_pool_loads_once_per_worker_matches_inline_and_survives_a_killed_worker(tmp_path: Path) -> None:
    root = tmp_path / "cases"
    cases = write_case_tree(root, 4, 3)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    tasks = [FileTask(i, str(c.path), ("cases",) + c.path.relative_to(root).parts, str(tmp)) for i, c in enumerate(cases)]
    policy = Policy()
    runner = PoolRunner(policy, 2)
    try:
        for t in tasks:
            runner.submit(t)
        outcomes = runner.wait_some()
        first_pids = {o.extra["pid"] for o in outcomes}
        os.kill(outcomes[0].extra["pid"], signal.SIGKILL)  # as the OOM killer would
        while runner.pending():
            outcomes += runner.wait_some()
    finally:
        runner.close()
    assert sorted(o.index for o in outcomes) == list(range(len(tasks)))  # each file exactly once
    assert all(o.status == "PASS" for o in outcomes)  # files lost with the worker were retried
    pids = {o.extra["pid"] for o in outcomes}
    assert os.getpid() not in pids and pids - first_pids  # a new worker took over
    assert {o.extra["analyzer_builds"] for o in outcomes} == {1}  # loaded once per worker, never per file
    for o in outcomes:
        inline = process_file(tasks[o.index], policy)
        assert Path(o.tmp_path).read_bytes() == Path(inline.tmp_path).read_bytes()
        assert o.out_rel == inline.out_rel and o.findings == inline.findings


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                                       protocol="tcp://", host="127.0.0.1")
    client = distributed.Client(cluster, set_as_default=False)
    yield client
    client.close()
    cluster.close()


def test_dask_engine_with_a_client_and_with_a_scheduler_address(tmp_path: Path, dask_client) -> None:
    root = tmp_path / "cases"
    cases = write_case_tree(root, 3, 3)
    expected = snapshot_of_inline(root, tmp_path / "inline")
    report = scrub_files([root], tmp_path / "dask", engine="dask", client=dask_client)
    assert report.ok and report.engine == "dask" and report.passed == len(cases)
    assert snapshot(tmp_path / "dask") == expected
    assert not dask_client.status == "closed"  # a client we were given is left open

    address = dask_client.scheduler.address
    proc = subprocess.run(
        [sys.executable, "-m", "phiscrub.cli", "scrub", str(root), "-o", str(tmp_path / "cli"),
         "--engine", "dask", "--scheduler", address, "--json"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["passed"] == len(cases)
    assert snapshot(tmp_path / "cli") == expected


def snapshot_of_inline(root: Path, out: Path) -> dict[str, bytes]:
    assert scrub_files([root], out, workers=0).ok
    return snapshot(out)

