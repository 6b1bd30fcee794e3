"""Re-reading a redacted frame: what is still readable, and what could not be checked.

The verifier OCRs the *output* again (both polarities), runs the same recognizers on what it
reads, and also looks for any word that was part of an identifier before redaction. It reports
findings to cover and reasons for REVIEW; it never decides PASS on its own when it could not run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from .. import entities as E
from ..findings import Finding
from ..policy import Policy
from .fields import labelled_values
from .layout import OcrText, build_text, union
from .ocr import OcrWord
from .overlay import only_overlay, overlay_spans
from .redaction import coverage

#: OCR words shorter than this (pixels, original image) are too small to read reliably.
MIN_READABLE_HEIGHT = 6
#: Words read with less confidence than this beside an identifier are covered as possible fragments.
LOW_CONFIDENCE = 40.0
#: A tiny "word" read with less confidence than this is a speck (JPEG ringing, noise), not text.
SPECK_CONFIDENCE = 20.0


def token(text: str) -> str:
    """Comparable form of a word: lower-case letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


@dataclass
class Leftovers:
    findings: list[Finding] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


#: Identifiers made of digits: OCR often splits or misreads a piece of them ("(6S) 766-1879" for
#: "(656) 766-1879"), and the recognizer then matches only the rest.
NUMERIC_ENTITIES = frozenset({E.PHONE, E.FAX, E.SSN, E.MRN, E.HEALTH_PLAN_ID, E.ACCOUNT, E.LICENSE, E.DATE,
                              E.OTHER_ID, E.ZIP, E.DEVICE, E.VEHICLE, E.IP})


def _grow_numeric(ot: OcrText, members: list[int]) -> list[int]:
    """Add the words right beside a numeric identifier on its line that hold a digit: misread
    pieces of it, covered with it (recall first; a word without digits stops the growth)."""
    line = ot.line_of[members[0]]
    order = sorted((i for i in range(len(ot.words)) if ot.line_of[i] == line), key=lambda i: ot.spans[i][0])
    ks = sorted(order.index(i) for i in members)
    lo, hi = ks[0], ks[-1]
    h = max(ot.words[i].box[3] for i in members)

    def near(a, b) -> bool:  # word a just left of word b
        return ot.words[b].box[0] - (ot.words[a].box[0] + ot.words[a].box[2]) <= 1.2 * h

    def digit(i) -> bool:
        return any(c.isdigit() for c in ot.words[i].text)

    while lo > 0 and digit(order[lo - 1]) and near(order[lo - 1], order[lo]):
        lo -= 1
    while hi + 1 < len(order) and digit(order[hi + 1]) and near(order[hi], order[hi + 1]):
        hi += 1
    return sorted(set(members) | set(order[lo:hi + 1]))


#: Score of a value found by its label alone (``ID: 2 HOOOOOOU``), not by a recognizer.
FIELD_SCORE = 0.6

#: Recognizer findings already computed for a piece of OCR text, within one frame (passes and
#: verification rounds re-read mostly the same lines; findings depend only on text and policy).
AnalysisCache = dict[str, list[Finding]]


def text_findings(words: list[OcrWord], policy: Policy, frame: int | None, source: str,
                  cache: AnalysisCache | None = None) -> tuple[list[Finding], dict[str, str]]:
    """Findings with word boxes for one OCR pass, plus the identifier tokens they covered."""
    if not words:
        return [], {}
    ot = build_text(words)
    findings: list[Finding] = []
    tokens: dict[str, str] = {}
    spans = overlay_spans(ot.text)
    fields = [Finding(a, b, entity, FIELD_SCORE, "field") for entity, a, b in labelled_values(ot) if policy.wants(entity)]
    for f in _analyze(ot.text, policy, {} if cache is None else cache) + fields:
        idx = ot.words_in(f.start, f.end)
        by_line: dict[int, list[int]] = {}
        for i in idx:
            by_line.setdefault(ot.line_of[i], []).append(i)
        for members in by_line.values():
            # Judged per line: a span running on into the next line must not cover `Gain 50` there.
            part = (max(f.start, min(ot.spans[i][0] for i in members)), min(f.end, max(ot.spans[i][1] for i in members)))
            if only_overlay(ot.text, part[0], part[1], spans):
                continue
            if f.entity in NUMERIC_ENTITIES:
                members = _grow_numeric(ot, members)
            box = union(words[i].box for i in members)
            findings.append(Finding(f.start, f.end, f.entity, f.score,
                                    source + "-field" if f.source == "field" else source, box, frame))
            for i in members:
                t = token(words[i].text)
                if len(t) >= 3:
                    tokens[t] = f.entity
    if policy.cover_all_text:
        for i, w in enumerate(words):
            if token(w.text) and w.conf >= 0:
                s, e = ot.spans[i]
                findings.append(Finding(s, e, "OTHER_ID", w.conf / 100.0, source + "-all-text", w.box, frame))
    return findings, tokens


def _analyze(text: str, policy: Policy, cache: AnalysisCache) -> list[Finding]:
    """Recognizer findings on the whole OCR text and on each line alone, united.

    An overlay's lines are separate fields (the name in one corner, the hospital in another) that
    OCR lays side by side; a recognizer's context can let one field swallow or hide the next, so
    every line is also read on its own. Recall first: a finding from either reading is kept.
    All pieces not in ``cache`` go through the analyzer in one batch.
    """
    from ..text.engine import get_analyzer

    pieces: list[tuple[int, str]] = [(0, text)]
    if "\n" in text:
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                pieces.append((pos, line))
            pos += len(line) + 1
    todo = list(dict.fromkeys(p for _, p in pieces if p not in cache))
    if todo:
        analyzer = get_analyzer(policy.spacy_model, policy.use_ner)
        cache.update(zip(todo, analyzer.analyze_many(todo, policy)))
    return [Finding(f.start + pos, f.end + pos, f.entity, f.score, f.source, f.box, f.frame)
            for pos, piece in pieces for f in cache[piece]]


def leftovers(words_per_pass: list[list[OcrWord]], mask: np.ndarray, policy: Policy,
              tokens: dict[str, str], judged: set[str], anchors: list[tuple[int, int, int, int]],
              frame: int | None, cache: AnalysisCache | None = None,
              fills: list[tuple[int, int, int, int]] | None = None) -> Leftovers:
    """What the re-read output still shows.

    ``mask`` marks pixels under a solid fill: words read there are OCR noise. Blurred or
    pixelated areas are not in it, so what can still be read through them is checked. ``tokens`` are the words of identifiers found before
    redaction (any of them readable again is a leak); ``judged`` are words already read and judged
    in full context before redaction. A recognizer hit made only of judged words is a fragment
    re-read without its context (``120`` once ``kVp`` is covered), not a new identifier.
    ``anchors`` are the identifier boxes found before redaction: a word read with low confidence
    on the same line, right next to one, may be a fragment of it and is covered too (recall first).
    ``fills`` are all boxes covered so far (verification's own included; default: ``anchors``): a
    sliver of ink too small to read at the edge of any of them is what a fill cut off, and is covered.
    """
    edges = anchors if fills is None else fills
    out = Leftovers()
    plain = policy.with_(cover_all_text=False)
    for words in words_per_pass:
        visible = [w for w in words if coverage(mask, w.box) < 0.5]
        found, _ = text_findings(visible, plain, frame, "verify", cache)
        vis = [(token(w.text), w.box, w.conf) for w in visible]
        for f in found:
            inside = [(t, c) for t, b, c in vis if _inside(b, f.box)]
            if inside and all(t in judged and t not in tokens for t, _ in inside):
                continue
            # Read only with low confidence, far from any identifier, matching none: OCR noise
            # (texture, banding, the new edges of a fill), not a leak.
            if inside and all(c < LOW_CONFIDENCE and t not in tokens for t, c in inside) \
                    and not _close(f.box, anchors):
                continue
            out.findings.append(f)
        for w in visible:
            t = token(w.text)
            if len(t) >= 3 and (t in tokens or any(len(k) >= 5 and k in t for k in tokens)):
                out.findings.append(Finding(-1, -1, tokens.get(t, "OTHER_ID"), 0.9, "verify", w.box, frame))
            elif sum(c.isalnum() for c in w.text) >= 2 and coverage(mask, w.box) < 0.5:
                if w.box[3] < MIN_READABLE_HEIGHT:
                    if _close(w.box, edges):  # ink left at a fill's edge: cover it
                        out.findings.append(Finding(-1, -1, "OTHER_ID", 0.5, "verify", w.box, frame))
                    elif w.pass_name == "norm" and w.conf >= SPECK_CONFIDENCE and _glyph_shaped(w):
                        # judged on the upscaled, denoised reading only (the native gray one reads
                        # texture as specks), and not for specks read with next to no confidence
                        out.reasons.append("text too small to verify")
                elif 0 <= w.conf < LOW_CONFIDENCE and t not in judged and _beside(w.box, anchors):
                    out.findings.append(Finding(-1, -1, "OTHER_ID", w.conf / 100.0, "verify", w.box, frame))
    out.reasons = list(dict.fromkeys(out.reasons))
    return out


def _glyph_shaped(w: OcrWord) -> bool:
    """Could this box hold the characters read in it? Glyphs are at most about as wide as they are
    high; a 3-px-high "word" 30 px wide is an edge or a streak Tesseract put letters on."""
    n = max(1, sum(c.isalnum() for c in w.text))
    return w.box[3] >= 3 and w.box[2] <= 4 * w.box[3] * n


def _inside(b, outer) -> bool:
    return b[0] >= outer[0] - 1 and b[1] >= outer[1] - 1 and b[0] + b[2] <= outer[0] + outer[2] + 1 \
        and b[1] + b[3] <= outer[1] + outer[3] + 1


def _close(box, anchors) -> bool:
    """Within one anchor height of an anchor box, in any direction."""
    x, y, w, h = box
    return any(x < ax + aw + ah and ax - ah < x + w and y < ay + ah + ah and ay - ah < y + h
               for ax, ay, aw, ah in anchors)


def _beside(box, anchors) -> bool:
    """Same text line as an anchor box, and at most one line height away horizontally.

    A "word" more than twice an anchor's height spans several lines (Tesseract gluing texture or
    neighbouring lines into one low-confidence box): not a fragment of that identifier.
    """
    x, y, w, h = box
    for ax, ay, aw, ah in anchors:
        v = min(y + h, ay + ah) - max(y, ay)
        if h <= 2 * ah and v >= 0.5 * min(h, ah) and x < ax + aw + max(h, ah) and ax < x + w + max(h, ah):
            return True
    return False
