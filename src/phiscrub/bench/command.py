"""`phiscrub bench` sub-command (placeholder until the benchmark lands)."""

from __future__ import annotations

import argparse


def add_bench_command(sub: "argparse._SubParsersAction") -> None:
    p = sub.add_parser("bench", help="benchmark on a synthetic or given corpus")
    p.set_defaults(func=lambda args: (_ for _ in ()).throw(SystemExit("phiscrub bench: not implemented yet")))
