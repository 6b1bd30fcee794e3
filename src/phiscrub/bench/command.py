"""`phiscrub bench`: score phiscrub on a synthetic or given corpus and time it.

    phiscrub bench --synthetic 300
    phiscrub bench --corpus notes.jsonl --json results.json
    phiscrub bench --corpus deid/ --format physionet

Output holds figures only. ``--show-misses N`` prints the missed spans of *synthetic*
documents (surrogate data, never real notes) for developers tuning recognizers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Iterator

from ..atomic import atomic_text
from ..errors import PhiscrubError

FORMATS = ("auto", "jsonl", "presidio", "physionet", "i2b2")


def add_bench_command(sub: "argparse._SubParsersAction") -> None:
    p = sub.add_parser(
        "bench",
        help="benchmark on a synthetic or given corpus",
        description="Score phiscrub (token/entity recall, precision, F1, F2 per entity) and measure throughput, "
        "load time and peak memory. Prints figures only, never document text.",
    )
    src = p.add_mutually_exclusive_group()
    src.add_argument("--corpus", type=Path, help="gold corpus: a file or folder (see --format)")
    src.add_argument("--synthetic", type=int, metavar="N", help="generate N synthetic documents (default 200)")
    p.add_argument("--format", choices=FORMATS, default="auto",
                   help="corpus format: jsonl (ours), presidio (Presidio-evaluator JSON), physionet (id.text + "
                        "id-phi.phrase), i2b2 (2014 XML folder); auto guesses from the path")
    p.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus (default 0)")
    p.add_argument("--kinds", help="comma-separated synthetic document kinds (default: all)")
    p.add_argument("--policy", type=Path, help="policy TOML (default: phiscrub's defaults)")
    p.add_argument("--no-ner", action="store_true", help="run without the spaCy NER model")
    p.add_argument("--batch-size", type=int, default=64, help="documents per scrub_many call (default 64)")
    p.add_argument("--json", type=Path, dest="json_out", metavar="OUT", help="write the figures as JSON here")
    p.add_argument("--export", type=Path, metavar="PATH",
                   help="also write the synthetic corpus here (.jsonl, or .json for Presidio-evaluator format)")
    p.add_argument("--no-run", action="store_true", help="with --export: write the corpus and stop (no model load)")
    p.add_argument("--show-misses", type=int, default=0, metavar="N",
                   help="developers: print up to N missed gold spans with context. SYNTHETIC DATA ONLY: refused "
                        "with --corpus, since it prints document text")
    p.add_argument("--show-false-positives", type=int, default=0, metavar="N",
                   help="developers: print up to N predicted spans that cover no gold token. SYNTHETIC DATA ONLY")
    p.set_defaults(func=run_bench)


def _synthetic(args: argparse.Namespace) -> Iterator:
    from .generator import KINDS, generate

    kinds = tuple(k.strip() for k in args.kinds.split(",")) if args.kinds else None
    if kinds:
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise PhiscrubError(f"unknown kinds {bad}; choose from {list(KINDS)}")
    return generate(args.synthetic, args.seed, kinds)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    """Synthetic text around a span, the span in [[double brackets]], escaped for rich."""
    from rich.markup import escape

    left = text[max(0, start - width):start].replace("\n", "⏎")
    right = text[end:end + width].replace("\n", "⏎")
    return escape(f"…{left}[[{text[start:end]}]]{right}…")


def run_bench(args: argparse.Namespace) -> int:
    """Entry point of `phiscrub bench`: 0 on success, 1 on a failed run, 2 on bad options."""
    from rich.console import Console

    console = Console() if sys.stdout.isatty() else Console(width=120)
    try:
        return _run_bench(args, console)
    except (PhiscrubError, OSError) as e:  # messages name files and reasons, never document text
        console.print(f"[red]phiscrub bench: {type(e).__name__}: {e}[/]", highlight=False)
        return 1


def _run_bench(args: argparse.Namespace, console) -> int:
    from ..policy import Policy
    from .measure import run
    from .predictors import PhiscrubPredictor
    from .report import print_result

    synthetic = args.corpus is None
    if not synthetic and (args.show_misses or args.show_false_positives):
        console.print("[red]--show-misses/--show-false-positives print document text: allowed with --synthetic only[/]")
        return 2
    if args.synthetic is None and synthetic:
        args.synthetic = 200
    if synthetic and args.synthetic < 1:
        console.print("[red]--synthetic N needs N >= 1[/]")
        return 2
    if args.no_run and not (synthetic and args.export):
        console.print("[red]--no-run only makes sense with --synthetic N --export PATH[/]")
        return 2
    policy = Policy.from_toml(args.policy) if args.policy else Policy()
    if args.no_ner:
        policy = policy.with_(use_ner=False)

    if synthetic:
        if args.export:
            from .corpus import write_jsonl, write_presidio_evaluator_json

            writer = write_presidio_evaluator_json if args.export.suffix == ".json" else write_jsonl
            n = writer(_synthetic(args), args.export)
            console.print(f"wrote {n} synthetic documents to {args.export}")
            if args.no_run:
                return 0
        docs = _synthetic(args)
        source = {"synthetic": args.synthetic, "seed": args.seed, "kinds": args.kinds or "all"}
    else:
        from .loaders import load_corpus

        docs = load_corpus(args.corpus, args.format)
        source = {"corpus": str(args.corpus), "format": args.format}

    shown = {"miss": 0, "fp": 0}

    def on_misses(doc, misses, preds) -> None:
        if args.show_misses and shown["miss"] < args.show_misses:
            for m in misses[: args.show_misses - shown["miss"]]:
                tag = "partly" if m.predicted else "missed"
                console.print(f"[yellow]{tag} {m.entity}[/] ({doc.kind}): {_context(doc.text, m.start, m.end)}",
                              highlight=False, soft_wrap=True)
                shown["miss"] += 1
        if args.show_false_positives and shown["fp"] < args.show_false_positives:
            gold = [(s.start, s.end) for s in doc.spans]
            for s, e, ent in preds:
                if shown["fp"] >= args.show_false_positives:
                    break
                if not any(s < ge and gs < e for gs, ge in gold):
                    console.print(f"[cyan]false positive {ent}[/] ({doc.kind}): {_context(doc.text, s, e)}",
                                  highlight=False, soft_wrap=True)
                    shown["fp"] += 1

    from .lexicon_overlap import subgroups

    result = run(PhiscrubPredictor(policy), docs, batch_size=args.batch_size, prediction_map=None,
                 subgroups=subgroups(),
                 on_misses=on_misses if (args.show_misses or args.show_false_positives) else None)
    print_result(result, console)
    if args.json_out:
        import datetime as dt
        import platform

        from ..version import __version__

        env = {"phiscrub": __version__, "python": platform.python_version(), "cpu_count": os.cpu_count(),
               "measured_utc": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
        out = {"source": source, "environment": env, "policy": policy.to_dict(), **result.to_dict()}
        _write_json_atomic(args.json_out, out)
        console.print(f"figures written to {args.json_out}")
    return 0


def _write_json_atomic(path: Path, data: dict) -> None:
    with atomic_text(path) as fh:
        json.dump(data, fh, indent=2, sort_keys=False)
        fh.write("\n")

