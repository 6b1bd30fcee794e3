"""`make demo`: scrub the bundled examples and show before and after.

Everything here is synthetic: the notes and images in examples/ were written for this demo, so
printing their original text is safe. phiscrub itself never prints input text.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from phiscrub import Policy, scrub, scrub_many
from phiscrub.batch import scrub_files

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "out" / "demo"
console = Console()


def show_text() -> None:
    notes = sorted((HERE / "notes").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in notes]
    t0 = time.perf_counter()
    results = scrub_many(texts)
    took = time.perf_counter() - t0
    for path, before, r in zip(notes, texts, results):
        console.rule(f"[bold]{path.name}[/] — {len(r.findings)} findings: " +
                     ", ".join(f"{k} {v}" for k, v in sorted(r.entities.items())))
        console.print("[dim]before[/]")
        console.print(before, markup=False, highlight=False)
        console.print("[dim]after (tag)[/]")
        console.print(r.text, markup=False, highlight=False)
    console.print(f"[green]{len(texts)} notes scrubbed in {took:.2f} s (models were loaded once).[/]")

    sample = texts[0].splitlines()[1:3]
    console.rule("[bold]the same note under other operators[/]")
    for op in ("surrogate", "shift_dates", "safe_harbor", "hash"):
        r = scrub("\n".join(sample), Policy(operator=op, key="demo-key"))
        console.print(f"[cyan]{op:>12}[/] ", end="")
        console.print(r.text.replace("\n", "\n" + " " * 13), markup=False, highlight=False)


def show_images() -> None:
    images = sorted(p for p in (HERE / "images").iterdir() if p.suffix.lower() in (".png", ".jpg", ".jpeg", ".dcm"))
    table = Table(title="images")
    for col in ("file", "status", "findings", "metadata removed", "clean copy"):
        table.add_column(col)
    OUT.mkdir(parents=True, exist_ok=True)
    for p in images:
        r = scrub(p)
        dest = OUT / (p.stem + ".clean" + p.suffix)
        if dest.exists():
            dest.unlink()
        r.save(dest)
        counts: dict[str, int] = {}
        for f in r.findings:
            counts[f.entity] = counts.get(f.entity, 0) + 1
        table.add_row(p.name, r.status, ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-",
                      str(len(r.removed_metadata)), str(dest.relative_to(HERE.parent)))
    console.print(table)


def show_batch() -> None:
    out = HERE.parent / "out" / "examples"
    if out.exists():
        shutil.rmtree(out)
    console.rule("[bold]phiscrub scrub examples -o out/examples[/]")
    inputs = sorted((HERE / "notes").glob("*.txt")) + sorted(
        p for p in (HERE / "images").iterdir() if p.suffix.lower() in (".png", ".jpg", ".jpeg", ".dcm"))
    report = scrub_files(inputs, out, workers=0)
    console.print(report.render(), markup=False, highlight=False)


def main() -> int:
    show_text()
    show_images()
    show_batch()
    return 0


if __name__ == "__main__":
    sys.exit(main())
