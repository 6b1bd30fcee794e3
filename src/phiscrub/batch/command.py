"""`phiscrub scrub` sub-command (placeholder until the batch engine lands)."""

from __future__ import annotations

import argparse


def add_scrub_command(sub: "argparse._SubParsersAction") -> None:
    p = sub.add_parser("scrub", help="scrub files and folders")
    p.add_argument("inputs", nargs="+")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=lambda args: (_ for _ in ()).throw(SystemExit("phiscrub scrub: not implemented yet")))
