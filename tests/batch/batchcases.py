"""Generated case folders with known identifiers, for the batch tests."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

FIRST = ("John", "Mary", "Robert", "Linda", "James", "Patricia", "Michael", "Barbara")
LAST = ("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis")
CITIES = ("Boston", "Chicago", "Houston", "Phoenix", "Seattle")


@dataclass(frozen=True)
class Case:
    path: Path
    identifiers: tuple[str, ...]  # strings that must not survive anywhere in OUT


def note_text(rng: random.Random, first: str, last: str, paragraphs: int = 1) -> tuple[str, tuple[str, ...]]:
    city = rng.choice(CITIES)
    mrn = f"{rng.randrange(10**7, 10**8)}"
    phone = f"(617) 555-{rng.randrange(1000, 9999)}"
    date = f"03/{rng.randrange(10, 28)}/2024"
    body = (
        f"Patient {first} {last} (MRN: {mrn}) was seen on {date} at the clinic in {city}.\n"
        f"Call back number {phone}. Mr. {last} reports mild chest pain; no fever.\n"
    )
    filler = "Lungs clear to auscultation. Heart regular rate and rhythm. Plan: follow up in two weeks.\n"
    return body + filler * max(0, paragraphs - 1), (f"{first} {last}", mrn, phone, date)


def write_case_tree(root: Path, n_patients: int, notes_per_patient: int = 2, seed: int = 1,
                    paragraphs: int = 1) -> list[Case]:
    """``root/<Last>_<First>/<Last>_<First>_note_<k>.txt``: identifiers in contents and names."""
    rng = random.Random(seed)
    cases: list[Case] = []
    for i in range(n_patients):
        first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST) + i) % len(LAST)]
        folder = root / f"{last}_{first}_{i:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for k in range(notes_per_patient):
            text, ids = note_text(rng, first, last, paragraphs)
            p = folder / f"{last}_{first}_note_{k}.txt"
            p.write_text(text, encoding="utf-8")
            cases.append(Case(p, ids))
    return cases


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative path → bytes), the state folder excluded."""
    out: dict[str, bytes] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".phiscrub"]
        for name in filenames:
            p = Path(dirpath, name)
            out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out
