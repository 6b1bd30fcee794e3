"""Turning overlapping candidate spans into sorted, non-overlapping findings.

Every character any candidate covered stays covered (recall first). Where candidates
overlap, each stretch of text goes to the best candidate covering it: higher score, then
longer span, then a specific entity over OTHER_ID, then entity name (for determinism). Overlapping candidates of the same entity
are first merged into one span.
"""

from __future__ import annotations

from typing import Iterable

from ..findings import Finding


def _merge_same_entity(cands: list[Finding]) -> list[Finding]:
    by_entity: dict[str, list[Finding]] = {}
    for f in cands:
        by_entity.setdefault(f.entity, []).append(f)
    merged: list[Finding] = []
    for items in by_entity.values():
        items.sort(key=lambda f: (f.start, -f.end))
        cur = items[0]
        for f in items[1:]:
            if f.start < cur.end:  # overlap (touching spans stay separate)
                best = cur if cur.score >= f.score else f
                cur = Finding(cur.start, max(cur.end, f.end), cur.entity, max(cur.score, f.score), best.source)
            else:
                merged.append(cur)
                cur = f
        merged.append(cur)
    return merged


def resolve_overlaps(candidates: Iterable[Finding]) -> list[Finding]:
    cands = [f for f in candidates if f.end > f.start]
    if not cands:
        return []
    cands = _merge_same_entity(cands)
    cands.sort(key=lambda f: (f.start, f.end))
    # Fast path: nothing overlaps.
    if all(a.end <= b.start for a, b in zip(cands, cands[1:])):
        return cands
    points = sorted({p for f in cands for p in (f.start, f.end)})
    rank = lambda f: (f.score, f.end - f.start, f.entity != "OTHER_ID", f.entity)  # noqa: E731
    out: list[Finding] = []
    active: list[Finding] = []
    ci = 0
    for a, b in zip(points, points[1:]):
        active = [f for f in active if f.end > a]
        while ci < len(cands) and cands[ci].start <= a:
            if cands[ci].end > a:
                active.append(cands[ci])
            ci += 1
        if not active:
            continue
        best = max(active, key=rank)
        if out and out[-1].end == a and out[-1].entity == best.entity and out[-1].source == best.source \
                and out[-1].score == best.score and _same_candidate(out[-1], best):
            last = out.pop()
            out.append(Finding(last.start, b, last.entity, last.score, last.source))
        else:
            out.append(Finding(a, b, best.entity, best.score, best.source))
    return out


def _same_candidate(piece: Finding, cand: Finding) -> bool:
    return cand.start <= piece.start and piece.end <= cand.end
