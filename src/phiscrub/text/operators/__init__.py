"""Operators: what replaces each finding in the output text."""

from __future__ import annotations

from typing import Sequence

from ...findings import Finding
from ...policy import Policy


def apply_operators(text: str, findings: Sequence[Finding], policy: Policy) -> str:
    parts: list[str] = []
    pos = 0
    for f in findings:
        parts.append(text[pos:f.start])
        parts.append(f"[{f.entity}]")
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)
