"""Result types: what was found, where, and the scrubbed content.

Findings hold positions and types only, never the identifier itself, so a finding (or a list
of them) can be logged or written to an audit record without leaking PHI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

Box = tuple[int, int, int, int]  # (left, top, width, height) in pixels of the original image


@dataclass(frozen=True, order=True)
class Finding:
    """One identifier: its entity type, its place in the original input, and how sure we are.

    For text, ``start``/``end`` are character offsets into the original string. For images,
    ``box`` is the pixel box on the original image (``start``/``end`` are then offsets into the
    OCR text of that image, or -1 when the finding has no text, e.g. a face).
    """

    start: int
    end: int
    entity: str
    score: float
    source: str
    box: Optional[Box] = None
    frame: Optional[int] = None  # frame index for multi-frame images, else None

    def __post_init__(self) -> None:
        if self.box is None and not (0 <= self.start <= self.end):
            raise ValueError(f"invalid finding offsets: start={self.start} end={self.end}")

    def to_dict(self) -> dict:
        d: dict = {
            "entity": self.entity,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "source": self.source,
        }
        if self.box is not None:
            d["box"] = list(self.box)
        if self.frame is not None:
            d["frame"] = self.frame
        return d


def count_entities(findings: "tuple[Finding, ...] | list[Finding]") -> dict[str, int]:
    """Number of findings per entity type (for summaries and audit records: no content)."""
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.entity] = counts.get(f.entity, 0) + 1
    return counts


@dataclass(frozen=True)
class TextResult:
    """The scrubbed text and the findings, whose offsets refer to the *original* text."""

    text: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def entities(self) -> dict[str, int]:
        """Count of findings per entity type."""
        return count_entities(self.findings)

    def __repr__(self) -> str:  # never print the text in a repr that may end up in a log
        return f"TextResult(chars={len(self.text)}, findings={len(self.findings)})"
