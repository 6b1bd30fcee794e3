"""Listing the input files and the place of each one in the mirrored output tree.

The walk is a generator over ``os.scandir`` (sorted per folder, so every run sees the same
order): memory stays bounded however many files there are. Each input keeps its own name as
the top folder under OUT (``phiscrub scrub cases notes.txt -o OUT`` gives ``OUT/cases/...`` and
``OUT/notes.txt``), like ``cp -r``. The output folder is never walked, and an input inside the
output folder is refused: phiscrub never writes into or over an input.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..errors import PhiscrubError
from .filetypes import is_ignored


class BatchInputError(PhiscrubError, ValueError):
    """The inputs or the output folder cannot be used (missing, overlapping, not a folder)."""


@dataclass(frozen=True)
class SourceFile:
    """One input file: where to read it and its path (components) under OUT before renaming."""

    path: str
    rel: tuple[str, ...]
    size: int
    mtime_ns: int
    ignored: bool = False


@dataclass(frozen=True)
class InputRoot:
    path: Path  # resolved
    name: str  # top-level name under OUT (unique among the inputs)
    is_dir: bool


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def resolve_inputs(inputs: Sequence[str | os.PathLike[str]], out_dir: str | os.PathLike[str]) -> list[InputRoot]:
    """Check the inputs against the output folder and give each a unique top-level name."""
    if not inputs:
        raise BatchInputError("no input files or folders given")
    out = Path(out_dir).resolve()
    roots: list[InputRoot] = []
    seen_paths: set[Path] = set()
    used: set[str] = set()
    for raw in inputs:
        p = Path(raw)
        if not p.exists():
            raise BatchInputError(f"input does not exist: {raw}")
        rp = p.resolve()
        if rp in seen_paths:
            continue
        seen_paths.add(rp)
        if _inside(rp, out):
            raise BatchInputError(f"input {raw} is inside the output folder; choose another output folder")
        if out.exists() and not out.is_dir():
            raise BatchInputError(f"output {out_dir} exists and is not a folder")
        name = rp.name or "root"
        base, n = name, 2
        while name.casefold() in used:
            name = f"{base}_{n}"
            n += 1
        used.add(name.casefold())
        roots.append(InputRoot(rp, name, rp.is_dir()))
    return roots


def _out_identity(out_dir: Path) -> tuple[int, int] | None:
    try:
        st = out_dir.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def iter_sources(roots: Iterable[InputRoot], out_dir: str | os.PathLike[str],
                 exclude: Sequence[str] = ()) -> Iterator[SourceFile]:
    """Every file under the inputs, depth first, names sorted; OUT and symlinked folders skipped.

    ``exclude``: glob patterns (``*.py``, ``scratch``) matched against each file and folder name;
    matching files are reported as ignored, matching folders are not entered.
    """
    out_id = _out_identity(Path(out_dir).resolve())
    for root in roots:
        if root.is_dir:
            yield from _walk(str(root.path), (root.name,), out_id, tuple(exclude))
        else:
            st = root.path.stat()
            yield SourceFile(str(root.path), (root.name,), st.st_size, st.st_mtime_ns)


def _excluded(name: str, exclude: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, pat) for pat in exclude)


def _walk(folder: str, rel: tuple[str, ...], out_id: tuple[int, int] | None,
          exclude: tuple[str, ...] = ()) -> Iterator[SourceFile]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        raise BatchInputError(f"cannot list a folder under input {rel[0]}: {type(e).__name__}") from None
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                if is_ignored(entry.name) or _excluded(entry.name, exclude):
                    continue
                st = entry.stat(follow_symlinks=False)
                if out_id is not None and (st.st_dev, st.st_ino) == out_id:
                    continue  # the output folder lives inside an input: never read our own output
                yield from _walk(entry.path, rel + (entry.name,), out_id, exclude)
            elif entry.is_file():  # follows a symlink to a file (its target is read, never written)
                st = entry.stat()
                ignored = is_ignored(entry.name) or _excluded(entry.name, exclude)
                yield SourceFile(entry.path, rel + (entry.name,), st.st_size, st.st_mtime_ns, ignored)
        except OSError:
            continue  # vanished or unreadable entry; a broken symlink has nothing to scrub


def count_sources(roots: Iterable[InputRoot], out_dir: str | os.PathLike[str], exclude: Sequence[str] = ()) -> int:
    """How many files (not ignored) the walk will yield; run in a thread for the progress bar."""
    return sum(1 for s in iter_sources(roots, out_dir, exclude) if not s.ignored)
