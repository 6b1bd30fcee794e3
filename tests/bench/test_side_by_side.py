"""benchmarks/text/run.py helpers: the Markdown table and the in-place docs update (no models)."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from phiscrub.bench.evaluation import evaluate
from phiscrub.bench.generator import generate
from phiscrub.bench.measure import BenchResult, Throughput

ROOT = Path(__file__).resolve().parents[2]


def _script():
    """benchmarks/text/run.py as ``benchmarks.text.run`` (importable by name in spawned children)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("benchmarks.text.run")


def _result(system: str, keep_every: int, chars_per_s: float) -> BenchResult:
    docs = list(generate(6, seed=2))
    pairs = [(d, [(s.start, s.end, s.entity) for i, s in enumerate(d.spans) if i % keep_every == 0]) for d in docs]
    ev = evaluate(pairs)
    chars = sum(len(d.text) for d in docs)
    return BenchResult(system, ev, Throughput(1.5, chars / chars_per_s, len(docs), chars, 300.0, 250.0))


def test_markdown_table_and_ratio() -> None:
    run = _script()
    results = [_result("phiscrub", 1, 30_000.0), _result("presidio", 2, 10_000.0)]
    md = run.markdown(results, argparse.Namespace(seed=2), ".venv/bin/python benchmarks/text/run.py --docs 6")
    assert "| phiscrub | 1.000 |" in md
    assert "**3.00x**" in md
    assert "Regenerate: `.venv/bin/python benchmarks/text/run.py --docs 6`" in md
    assert "| NAME |" in md and "| DATE |" in md
    for d in generate(6, seed=2):  # figures only
        assert not any(d.text[s.start:s.end] in md for s in d.spans if s.end - s.start > 6)


def test_update_docs_replaces_only_the_results_block(tmp_path) -> None:
    run = _script()
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Title\n\nintro\n\n{run.DOC_START}\nold\n{run.DOC_END}\n\nafter\n")
    run.update_docs(doc, "new table\n")
    run.update_docs(doc, "newer table\n")
    text = doc.read_text()
    assert text == f"# Title\n\nintro\n\n{run.DOC_START}\nnewer table\n{run.DOC_END}\n\nafter\n"


def test_presidio_peer_runs_in_a_fresh_process() -> None:
    """The peer must build its default engine untouched by phiscrub's recognizer classes."""
    run = _script()
    r = run.measure_in_child("presidio", 3, 1, 3)
    assert r.system == "presidio" and r.evaluation.documents == 3
    assert 0.0 < r.evaluation.overall.recall <= 1.0
    assert r.throughput.chars_per_second > 0 and r.throughput.load_seconds > 0
