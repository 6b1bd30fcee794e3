"""Splitting long texts into overlapping windows so spaCy's memory stays bounded.

Each chunk *owns* the range [start, end); its window reaches ``overlap`` characters further on
both sides, widened to whole lines, so that an identifier straddling a boundary is still seen
whole by one window, and the recognizers (which read a line's letter case) see every line whole.
"""

from __future__ import annotations

from dataclasses import dataclass

CHUNK_SIZE = 20_000  # small windows: bounded memory, no loss of speed
OVERLAP = 300


@dataclass(frozen=True)
class Chunk:
    start: int  # first owned character
    end: int  # one past the last owned character
    window_start: int
    window_end: int


def _boundary(text: str, lo: int, hi: int) -> int:
    """Best cut point in [lo, hi]: a paragraph break, else a line break, else a space."""
    for sep in ("\n\n", "\n", ". ", " "):
        i = text.rfind(sep, lo, hi)
        if i != -1:
            return i + len(sep)
    return hi


LINE_REACH = 2_000  # windows widen to whole lines (up to this far) so every line is seen whole


def _line_start(text: str, pos: int) -> int:
    i = text.rfind("\n", max(0, pos - LINE_REACH), pos)
    return i + 1 if i != -1 else (0 if pos <= LINE_REACH else pos)


def _line_end(text: str, pos: int) -> int:
    i = text.find("\n", pos, pos + LINE_REACH)
    return i if i != -1 else (len(text) if len(text) - pos <= LINE_REACH else pos)


def chunk_text(text: str, size: int = CHUNK_SIZE, overlap: int = OVERLAP) -> list[Chunk]:
    n = len(text)
    if n <= size:
        return [Chunk(0, n, 0, n)]
    chunks: list[Chunk] = []
    start = 0
    while start < n:
        hard_end = min(n, start + size)
        end = n if hard_end == n else _boundary(text, start + size // 2, hard_end)
        if end <= start:
            end = hard_end
        chunks.append(Chunk(start, end, _line_start(text, max(0, start - overlap)), _line_end(text, min(n, end + overlap))))
        start = end
    return chunks
