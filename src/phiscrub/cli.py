"""Command line: `phiscrub scrub ...` (batch scrubbing) and `phiscrub bench ...` (benchmarks)."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from .version import __version__


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="phiscrub", description="Remove PHI from clinical text and images, offline.")
    p.add_argument("--version", action="version", version=f"phiscrub {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    from .batch.command import add_scrub_command  # owned by the batch package

    add_scrub_command(sub)
    from .bench.command import add_bench_command  # owned by the bench package

    add_bench_command(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
