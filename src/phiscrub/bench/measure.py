"""Run a predictor over a corpus: accuracy (via the evaluator), throughput, load time, memory.

Only ``predict`` calls are timed for throughput (not corpus generation, loading or scoring),
and the corpus is streamed in batches, so a 100k-document run holds one batch at a time.
"""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

from .corpus import Document, batched
from .evaluation import EvaluationReport, Evaluator, Miss, TokenGroup
from .predictors import Predictor


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass(frozen=True)
class Throughput:
    load_seconds: float
    run_seconds: float
    documents: int
    characters: int
    peak_rss_mb: float
    rss_after_load_mb: float

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.run_seconds if self.run_seconds > 0 else 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.run_seconds if self.run_seconds > 0 else 0.0

    def to_dict(self) -> dict:
        return {
            "load_seconds": round(self.load_seconds, 3),
            "run_seconds": round(self.run_seconds, 3),
            "documents": self.documents,
            "characters": self.characters,
            "chars_per_second": round(self.chars_per_second, 1),
            "docs_per_second": round(self.docs_per_second, 2),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "rss_after_load_mb": round(self.rss_after_load_mb, 1),
        }


@dataclass(frozen=True)
class BenchResult:
    system: str
    evaluation: EvaluationReport
    throughput: Throughput
    per_kind: Mapping[str, EvaluationReport] = field(default_factory=dict)  # by document kind, when known

    def to_dict(self) -> dict:
        kinds = {
            k: {"documents": r.documents, "recall": round(r.overall.recall, 4), "precision": round(r.overall.precision, 4),
                "leaked_tokens": r.overall.leaked_tokens, "documents_with_leaks": r.documents_with_leaks}
            for k, r in sorted(self.per_kind.items())
        }
        return {"system": self.system, **self.evaluation.to_dict(), "per_kind": kinds,
                "throughput": self.throughput.to_dict()}


def run(
    predictor: Predictor,
    docs: Iterable[Document],
    *,
    batch_size: int = 64,
    prediction_map: Mapping[str, str] | None = None,
    subgroups: Mapping[str, TokenGroup] | Callable[[], Mapping[str, TokenGroup]] | None = None,
    on_misses: Callable[[Document, list[Miss], list], None] | None = None,
) -> BenchResult:
    """Load ``predictor``, predict every document in batches, score, and time it.

    ``subgroups`` may be a callable, called only after the predictor is loaded (building the
    groups may import modules that must not exist yet while a peer builds its engine).
    """
    t0 = time.perf_counter()
    predictor.load()
    load_s = time.perf_counter() - t0
    rss_loaded = peak_rss_mb()
    if callable(subgroups):
        subgroups = subgroups()
    ev = Evaluator(prediction_map, subgroups)
    by_kind: dict[str, Evaluator] = {}
    run_s = 0.0
    n_docs = n_chars = 0
    for batch in batched(docs, batch_size):
        texts = [d.text for d in batch]
        t = time.perf_counter()
        preds = predictor.predict(texts)
        run_s += time.perf_counter() - t
        if len(preds) != len(batch):
            raise RuntimeError(f"{predictor.name} returned {len(preds)} results for {len(batch)} documents")
        for d, p in zip(batch, preds):
            misses = ev.add(d, p)
            if d.kind:
                kind_ev = by_kind.get(d.kind)
                if kind_ev is None:
                    kind_ev = by_kind[d.kind] = Evaluator(prediction_map)
                kind_ev.add(d, p)
            if on_misses is not None:
                on_misses(d, misses, p)
            n_docs += 1
            n_chars += len(d.text)
    tp = Throughput(load_s, run_s, n_docs, n_chars, peak_rss_mb(), rss_loaded)
    return BenchResult(predictor.name, ev.report(), tp, {k: e.report() for k, e in by_kind.items()})
