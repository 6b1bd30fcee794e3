"""OCR words → text with line structure, and the map from character offsets back to word boxes.

Recognizers rely on lines (``Name: SMITH, JOHN`` on one line), so words are grouped into lines by
vertical overlap and split where a wide horizontal gap separates two columns (an overlay's
left and right corners share a row but not a sentence).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Iterable, Sequence

from ..findings import Box
from .ocr import OcrWord

#: A horizontal gap wider than this many line heights starts a new line (another column).
COLUMN_GAP = 2.5


@dataclass(frozen=True)
class OcrText:
    """The text built from OCR words; ``spans[i]`` is (start, end) of ``words[i]`` in ``text``."""

    text: str
    words: tuple[OcrWord, ...]
    spans: tuple[tuple[int, int], ...]
    line_of: tuple[int, ...]  # line number of each word

    def words_in(self, start: int, end: int) -> list[int]:
        """Indices of the words overlapping the character range [start, end)."""
        return [i for i, (s, e) in enumerate(self.spans) if s < end and start < e]


def union(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    left = min(b[0] for b in boxes)
    top = min(b[1] for b in boxes)
    right = max(b[0] + b[2] for b in boxes)
    bottom = max(b[1] + b[3] for b in boxes)
    return (left, top, right - left, bottom - top)


def _vertical_overlap(a: Box, top: int, bottom: int) -> float:
    inter = min(a[1] + a[3], bottom) - max(a[1], top)
    return inter / max(1, min(a[3], bottom - top))


def group_lines(words: Sequence[OcrWord]) -> list[list[int]]:
    """Word indices per line, lines in reading order, words left to right."""
    order = sorted(range(len(words)), key=lambda i: (words[i].box[1] + words[i].box[3] / 2, words[i].box[0]))
    rows: list[tuple[int, int, list[int]]] = []  # (top, bottom, members)
    for i in order:
        b = words[i].box
        for k in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            top, bottom, members = rows[k]
            if _vertical_overlap(b, top, bottom) >= 0.5:
                members.append(i)
                rows[k] = (min(top, b[1]), max(bottom, b[1] + b[3]), members)
                break
        else:
            rows.append((b[1], b[1] + b[3], [i]))
    lines: list[list[int]] = []
    for _, _, members in rows:
        members.sort(key=lambda i: words[i].box[0])
        height = median(words[i].box[3] for i in members)
        current = [members[0]]
        for prev, nxt in zip(members, members[1:]):
            gap = words[nxt].box[0] - (words[prev].box[0] + words[prev].box[2])
            if gap > COLUMN_GAP * height:
                lines.append(current)
                current = []
            current.append(nxt)
        lines.append(current)
    lines.sort(key=lambda ln: (min(words[i].box[1] for i in ln), min(words[i].box[0] for i in ln)))
    return lines


def build_text(words: Sequence[OcrWord]) -> OcrText:
    """Join words with spaces and lines with newlines, remembering where each word went."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = [(0, 0)] * len(words)
    line_of = [0] * len(words)
    pos = 0
    for n, line in enumerate(group_lines(words)):
        if n:
            parts.append("\n")
            pos += 1
        for j, i in enumerate(line):
            if j:
                parts.append(" ")
                pos += 1
            parts.append(words[i].text)
            spans[i] = (pos, pos + len(words[i].text))
            line_of[i] = n
            pos += len(words[i].text)
    return OcrText("".join(parts), tuple(words), tuple(spans), tuple(line_of))
