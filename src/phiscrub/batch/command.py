"""`phiscrub scrub INPUT... -o OUT`: scrub files and folders from the command line.

Exit status: 0 when every file ended PASS or REVIEW, 1 when any file FAILED, 2 on a usage
error (bad policy file, missing input, OUT busy or produced with another policy), 130 when
interrupted (Ctrl-C; re-run the same command to finish).
"""

from __future__ import annotations

import argparse
import json
import sys

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def add_scrub_command(sub: "argparse._SubParsersAction") -> None:
    p = sub.add_parser(
        "scrub", help="scrub files and folders into an output folder",
        description="Scrub text (.txt .md .csv .tsv .jsonl), images and DICOM files, recursively, "
        "mirroring the folder tree under OUT. Inputs are never modified; existing outputs are "
        "never replaced without --overwrite; re-running resumes an interrupted run.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files and folders to scrub")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder (created if needed)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes (default: CPU count; 0 = no pool, in this process)")
    p.add_argument("--policy", metavar="TOML", help="policy file (same fields as phiscrub.Policy)")
    p.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --engine dask)")
    p.add_argument("--keep-names", action="store_true", help="do not scrub file and folder names")
    p.add_argument("--column", action="append", default=[], metavar="NAME",
                   help="CSV/TSV: scrub only this column (repeatable; default: every column)")
    p.add_argument("--field", action="append", default=[], metavar="NAME",
                   help="JSONL: scrub only this top-level field (repeatable; default: every value)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="leave out files and folders whose name matches (repeatable, e.g. '*.py')")
    p.add_argument("--review-report", metavar="CSV",
                   help="also write a CSV mapping input paths to outputs (contains original names: PHI)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    out.add_argument("--json", action="store_true", help="print the summary as JSON on stdout, no progress bar")
    p.set_defaults(func=run_scrub_command)


def run_scrub_command(args: argparse.Namespace) -> int:
    from ..errors import PhiscrubError
    from ..policy import Policy
    from .api import scrub_files

    try:
        policy = Policy.from_toml(args.policy) if args.policy else Policy()
        if args.scheduler and args.engine != "dask":
            raise PhiscrubError("--scheduler needs --engine dask")
        report = scrub_files(
            args.inputs, args.output, policy=policy, workers=args.workers, engine=args.engine,
            scheduler=args.scheduler, overwrite=args.overwrite, keep_names=args.keep_names,
            columns=args.column, fields=args.field, exclude=args.exclude, review_report=args.review_report,
            progress=not (args.quiet or args.json) and sys.stderr.isatty(),
        )
    except KeyboardInterrupt:
        print("phiscrub scrub: interrupted; re-run the same command to finish", file=sys.stderr)
        return EXIT_INTERRUPTED
    except PhiscrubError as e:
        if args.json:
            print(json.dumps({"ok": False, "error": f"{type(e).__name__}: {e}"}))
        else:
            print(f"phiscrub scrub: {e}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    elif not args.quiet:
        print(report.render(), file=sys.stderr)
    if report.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_OK if report.ok else EXIT_FAILED
