"""Rich tables for benchmark results (figures only: no document text)."""

from __future__ import annotations

from typing import Sequence

from rich.console import Console
from rich.table import Table

from .measure import BenchResult


def _pct(x: float) -> str:
    return f"{x:.3f}"


def entity_table(result: BenchResult, title: str | None = None) -> Table:
    ev = result.evaluation
    t = Table(title=title or f"{result.system}: token-level scores per entity", show_lines=False)
    for col in ("entity", "gold tok", "leaked", "recall", "precision", "F1", "F2", "recall strict", "span recall"):
        t.add_column(col, justify="left" if col == "entity" else "right", no_wrap=True)
    for e in list(ev.per_entity) + [ev.overall]:
        if e.gold_tokens == 0 and e.entity != "ALL":
            t.add_row(e.entity, "0", "0", "-", _pct(e.precision), "-", "-", "-", "-", style="dim")
            continue
        style = "bold" if e.entity == "ALL" else ("red" if e.recall < 0.98 else None)
        t.add_row(e.entity, str(e.gold_tokens), str(e.leaked_tokens), _pct(e.recall), _pct(e.precision), _pct(e.f1),
                  _pct(e.f2), _pct(e.recall_strict), _pct(e.span_recall), style=style)
    return t


def kind_table(result: BenchResult) -> Table:
    t = Table(title=f"{result.system}: by document kind")
    for col in ("kind", "docs", "recall", "precision", "leaked tok", "docs with a leak"):
        t.add_column(col, justify="left" if col == "kind" else "right", no_wrap=True)
    for kind, r in sorted(result.per_kind.items()):
        o = r.overall
        t.add_row(kind, str(r.documents), _pct(o.recall), _pct(o.precision), str(o.leaked_tokens),
                  str(r.documents_with_leaks))
    return t


def summary_lines(result: BenchResult) -> list[str]:
    ev, tp = result.evaluation, result.throughput
    lines = [
        f"{ev.documents} documents, {ev.characters:,} characters; documents with a leak: {ev.documents_with_leaks}",
        f"entity level: recall {ev.overall.span_recall:.3f} ({ev.overall.found_spans}/{ev.overall.gold_spans} spans), "
        f"precision {ev.span_precision:.3f} ({ev.predicted_spans_correct}/{ev.predicted_spans} predicted spans)",
        f"throughput {tp.chars_per_second:,.0f} chars/s, {tp.docs_per_second:,.1f} docs/s (after load); "
        f"load {tp.load_seconds:.2f} s; peak RSS {tp.peak_rss_mb:,.0f} MiB",
    ]
    if ev.not_required:
        parts = [f"{k} {r}/{t}" for k, (t, r) in sorted(ev.not_required.items())]
        lines.append("not required by Safe Harbor (tokens removed/total): " + ", ".join(parts))
    for name, (g, f) in sorted(ev.subgroups.items()):
        if g:
            lines.append(f"{name}: recall {f / g:.3f} ({f}/{g})")
    return lines


def comparison_table(results: Sequence[BenchResult], title: str = "Side by side, same corpus, same run") -> Table:
    t = Table(title=title)
    for col in ("system", "recall", "precision", "F2", "recall strict", "leaked tok", "chars/s", "docs/s", "load s",
                "peak MiB"):
        t.add_column(col, justify="left" if col == "system" else "right", no_wrap=True)
    for r in results:
        o, tp = r.evaluation.overall, r.throughput
        t.add_row(r.system, _pct(o.recall), _pct(o.precision), _pct(o.f2), _pct(o.recall_strict), str(o.leaked_tokens),
                  f"{tp.chars_per_second:,.0f}", f"{tp.docs_per_second:,.1f}", f"{tp.load_seconds:.1f}",
                  f"{tp.peak_rss_mb:,.0f}")
    return t


def print_result(result: BenchResult, console: Console | None = None) -> None:
    console = console or Console()
    console.print(entity_table(result))
    if len(result.per_kind) > 1:
        console.print(kind_table(result))
    for line in summary_lines(result):
        console.print(line)
