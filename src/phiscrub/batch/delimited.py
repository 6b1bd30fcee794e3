"""CSV/TSV files: scrub chosen cells (or every cell) and keep every other byte as it was.

Python's ``csv`` module re-quotes whatever it writes, so phiscrub tokenizes the file itself
(RFC 4180: quoted fields, doubled quotes, CRLF or LF) and only rewrites the raw span of a cell
whose content changed. The first record is the header: it names the columns and is kept
verbatim. Findings carry character offsets into the whole file, like any text finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from ..errors import CorruptInputError, PhiscrubError
from ..policy import Policy

_QUOTED = re.compile(r'"((?:[^"]++|"")*+)"')  # possessive: no backtracking blow-up


class ColumnNotFoundError(PhiscrubError, ValueError):
    """A column named with ``--column`` is not in the file's header (nothing is written)."""


@dataclass(frozen=True)
class Cell:
    record: int  # 0 is the header
    column: int
    start: int  # raw span in the file text, quotes included
    end: int
    value: str  # unquoted
    quoted: bool

    def value_offset(self, i: int) -> int:
        """File offset of character ``i`` of the unquoted value."""
        if not self.quoted:
            return self.start + i
        return self.start + 1 + i + self.value[:i].count('"')


def iter_cells(text: str, delimiter: str) -> Iterator[Cell]:
    """Every cell of the file in order. Raises CorruptInputError on a broken quoted field."""
    unquoted = re.compile(r"[^%s\r\n]*" % re.escape(delimiter))
    n, pos, record, column = len(text), 0, 0, 0
    if n == 0:
        return
    while True:
        if pos < n and text[pos] == '"':
            m = _QUOTED.match(text, pos)
            if m is None:
                raise CorruptInputError(f"unterminated quoted field in record {record + 1}")
            cell = Cell(record, column, pos, m.end(), m.group(1).replace('""', '"'), True)
        else:
            m = unquoted.match(text, pos)
            assert m is not None  # the pattern matches the empty string
            cell = Cell(record, column, pos, m.end(), m.group(0), False)
        yield cell
        pos = cell.end
        if pos >= n:
            return
        c = text[pos]
        if c == delimiter:
            pos += 1
            column += 1
            continue
        if c == "\r":
            pos += 1
            if pos < n and text[pos] == "\n":
                pos += 1
        elif c == "\n":
            pos += 1
        else:
            raise CorruptInputError(f"unexpected character after a quoted field in record {record + 1}")
        record += 1
        column = 0
        if pos >= n:
            return


def _quote(value: str, delimiter: str, was_quoted: bool) -> str:
    if was_quoted or any(c in value for c in (delimiter, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def _target_columns(header: list[str], columns: Sequence[str]) -> set[int] | None:
    if not columns:
        return None  # every column
    names = [h.lstrip("\ufeff") for h in header]
    wanted: set[int] = set()
    for col in columns:
        idx = [i for i, h in enumerate(names) if h == col] or [
            i for i, h in enumerate(names) if h.strip().casefold() == col.strip().casefold()
        ]
        if not idx:
            raise ColumnNotFoundError(f"column {col!r} is not in the header")
        wanted.update(idx)
    return wanted


def scrub_delimited(text: str, delimiter: str, columns: Sequence[str], policy: Policy) -> tuple[str, list[dict]]:
    """The file with its target cells scrubbed, and findings as dicts (file offsets)."""
    from ..text import scrub_texts

    header: list[str] = []
    targets: list[Cell] = []
    for cell in iter_cells(text, delimiter):
        if cell.record == 0:
            header.append(cell.value)
            continue
        targets.append(cell)
    wanted = _target_columns(header, columns)
    if wanted is not None:
        targets = [c for c in targets if c.column in wanted]
    targets = [c for c in targets if c.value.strip()]
    results = scrub_texts([c.value for c in targets], policy)
    out: list[str] = []
    findings: list[dict] = []
    pos = 0
    for cell, res in zip(targets, results):
        for f in res.findings:
            d = f.to_dict()
            d["start"], d["end"] = cell.value_offset(f.start), cell.value_offset(f.end)
            d["row"], d["column"] = cell.record, cell.column
            findings.append(d)
        if res.text != cell.value:
            out.append(text[pos:cell.start])
            out.append(_quote(res.text, delimiter, cell.quoted))
            pos = cell.end
    out.append(text[pos:])
    return "".join(out), findings
