"""Token-level and entity-level scoring of predicted spans against gold spans.

Tokens are ``\\w+`` runs of the document, for gold and predictions alike. A gold token is
*found* when every one of its characters that lies in a gold span is covered by some predicted
span of any entity (de-identification only needs it gone); the *strict* variant also requires
the predicted entity to match. A predicted token is any token a prediction touches. Tokens of
not-required spans (a year alone, a state) count neither way, except those that must survive
(an age <= 89), whose removal is a false positive; how many of each were removed is reported
separately.

The :class:`Evaluator` only keeps counts, so a 100k-document corpus streams through it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

from .corpus import MUST_SURVIVE, Document, GoldSpan

_TOKEN = re.compile(r"\w+")

Prediction = tuple[int, int, str]  # (start, end, entity) in the document's text


def _ratio(a: float, b: float) -> float:
    return a / b if b else 1.0


def f_beta(precision: float, recall: float, beta: float) -> float:
    b2 = beta * beta
    denom = b2 * precision + recall
    return (1 + b2) * precision * recall / denom if denom else 0.0


@dataclass(frozen=True)
class EntityScores:
    """Figures for one entity (or ``ALL``)."""

    entity: str
    gold_tokens: int
    found_tokens: int
    found_tokens_strict: int
    predicted_tokens: int
    predicted_tokens_correct: int  # predicted as this entity and gold of any entity
    predicted_tokens_strict: int  # predicted as this entity and gold of this entity
    gold_spans: int
    found_spans: int

    @property
    def recall(self) -> float:
        return _ratio(self.found_tokens, self.gold_tokens)

    @property
    def recall_strict(self) -> float:
        return _ratio(self.found_tokens_strict, self.gold_tokens)

    @property
    def precision(self) -> float:
        return _ratio(self.predicted_tokens_correct, self.predicted_tokens)

    @property
    def precision_strict(self) -> float:
        return _ratio(self.predicted_tokens_strict, self.predicted_tokens)

    @property
    def f1(self) -> float:
        return f_beta(self.precision, self.recall, 1.0)

    @property
    def f2(self) -> float:
        return f_beta(self.precision, self.recall, 2.0)

    @property
    def leaked_tokens(self) -> int:
        return self.gold_tokens - self.found_tokens

    @property
    def span_recall(self) -> float:
        return _ratio(self.found_spans, self.gold_spans)

    def to_dict(self) -> dict:
        return {
            "entity": self.entity,
            "gold_tokens": self.gold_tokens,
            "leaked_tokens": self.leaked_tokens,
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "f1": round(self.f1, 4),
            "f2": round(self.f2, 4),
            "recall_strict": round(self.recall_strict, 4),
            "precision_strict": round(self.precision_strict, 4),
            "predicted_tokens": self.predicted_tokens,
            "gold_spans": self.gold_spans,
            "found_spans": self.found_spans,
            "span_recall": round(self.span_recall, 4),
        }


@dataclass(frozen=True)
class EvaluationReport:
    """All figures of one evaluation; holds counts only, never document text."""

    documents: int
    characters: int
    overall: EntityScores
    per_entity: tuple[EntityScores, ...]
    predicted_spans: int
    predicted_spans_correct: int  # overlapping a gold span
    documents_with_leaks: int
    not_required: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # label -> (tokens, removed)
    subgroups: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # name -> (gold tokens, found)

    @property
    def span_precision(self) -> float:
        return _ratio(self.predicted_spans_correct, self.predicted_spans)

    def entity(self, name: str) -> EntityScores:
        for e in self.per_entity:
            if e.entity == name:
                return e
        raise KeyError(name)

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "characters": self.characters,
            "token": self.overall.to_dict(),
            "per_entity": {e.entity: e.to_dict() for e in self.per_entity},
            "entity_level": {
                "gold_spans": self.overall.gold_spans,
                "found_spans": self.overall.found_spans,
                "recall": round(self.overall.span_recall, 4),
                "predicted_spans": self.predicted_spans,
                "predicted_spans_correct": self.predicted_spans_correct,
                "precision": round(self.span_precision, 4),
            },
            "documents_with_leaks": self.documents_with_leaks,
            "not_required": {
                k: {"tokens": t, "removed": r, "removed_fraction": round(_ratio(r, t), 4) if t else None}
                for k, (t, r) in sorted(self.not_required.items())
            },
            "subgroups": {
                k: {"gold_tokens": g, "found": f, "recall": round(_ratio(f, g), 4)}
                for k, (g, f) in sorted(self.subgroups.items())
            },
        }


@dataclass(frozen=True)
class Miss:
    """A gold span not fully removed (for developer review on synthetic data only)."""

    doc_id: str
    start: int
    end: int
    entity: str
    predicted: bool  # partly covered


#: A subgroup predicate: (gold entity, token text) -> does this gold token belong to the group?
TokenGroup = Callable[[str, str], bool]


class Evaluator:
    """Accumulates token and span counts document by document.

    ``subgroups`` adds recall figures for slices of the gold tokens, e.g. name tokens that a
    recognizer's lexicon does not contain (see :func:`phiscrub.bench.lexicon_overlap.subgroups`).
    """

    def __init__(self, prediction_map: Mapping[str, str] | None = None,
                 subgroups: Mapping[str, TokenGroup] | None = None) -> None:
        self.prediction_map = dict(prediction_map or {})
        self.groups = dict(subgroups or {})
        self.group_counts: Counter = Counter()
        self.docs = 0
        self.chars = 0
        self.c: Counter = Counter()
        self.leaky_docs = 0
        self.pred_spans = 0
        self.pred_spans_ok = 0
        self.nr: Counter = Counter()
        self.nr_removed: Counter = Counter()

    def add(self, doc: Document, predictions: Iterable[Prediction]) -> list[Miss]:
        """Score one document; returns its misses (positions only)."""
        text = doc.text
        n = len(text)
        preds = [(max(0, s), min(n, e), self.prediction_map.get(ent, ent)) for s, e, ent in predictions if e > s]
        cover = bytearray(n)
        by_ent: dict[str, bytearray] = {}
        for s, e, ent in preds:
            cover[s:e] = b"\x01" * (e - s)
            arr = by_ent.get(ent)
            if arr is None:
                arr = by_ent[ent] = bytearray(n)
            arr[s:e] = b"\x01" * (e - s)
        gold_at = bytearray(n)  # 1 = required gold, 2 = not required (neutral), 0 = not PHI
        for sp in doc.spans:
            if sp.entity not in MUST_SURVIVE:
                gold_at[sp.start:sp.end] = (b"\x01" if sp.required else b"\x02") * (sp.end - sp.start)
        self.docs += 1
        self.chars += n
        c = self.c
        misses: list[Miss] = []
        # --- gold tokens -----------------------------------------------------------
        leaked_here = False
        for sp in doc.spans:
            span_found = True
            # tokens overlapping the span (a token may extend beyond the span: "92yo")
            ts, te = _expand(text, sp.start, sp.end)
            for m in _TOKEN.finditer(text, ts, te):
                a, b = max(m.start(), sp.start), min(m.end(), sp.end)
                if a >= b:
                    continue
                found = cover.find(0, a, b) == -1
                if not sp.required:
                    self.nr[sp.entity] += 1
                    self.nr_removed[sp.entity] += found
                    continue
                arr = by_ent.get(sp.entity)
                strict = arr is not None and arr.find(0, a, b) == -1
                c[(sp.entity, "gold")] += 1
                c[(sp.entity, "found")] += found
                for gname, pred in self.groups.items():
                    if pred(sp.entity, text[m.start():m.end()]):
                        self.group_counts[(gname, "gold")] += 1
                        self.group_counts[(gname, "found")] += found
                c[(sp.entity, "strict")] += strict
                if not found:
                    span_found = False
            if sp.required:
                c[(sp.entity, "gold_spans")] += 1
                c[(sp.entity, "found_spans")] += span_found
                if not span_found:
                    leaked_here = True
                    partly = cover.find(1, sp.start, sp.end) != -1
                    misses.append(Miss(doc.id, sp.start, sp.end, sp.entity, partly))
        self.leaky_docs += leaked_here
        # --- predicted tokens ------------------------------------------------------
        if preds:
            for m in _TOKEN.finditer(text):
                a, b = m.start(), m.end()
                if cover.find(1, a, b) == -1:
                    continue
                g = gold_at[a:b]
                if 1 not in g and 2 in g:
                    continue  # a not-required token: neither right nor wrong
                gold_ent = _token_entity(doc.spans, a, b) if 1 in g else None
                for ent, arr in by_ent.items():
                    if arr.find(1, a, b) == -1:
                        continue
                    c[(ent, "pred")] += 1
                    if gold_ent is not None:
                        c[(ent, "pred_ok")] += 1
                        c[(ent, "pred_strict")] += gold_ent == ent
        for s, e, _ent in preds:
            g = gold_at[s:e]
            if 1 in g:
                self.pred_spans += 1
                self.pred_spans_ok += 1
            elif 2 not in g:
                self.pred_spans += 1
        return misses

    def report(self) -> EvaluationReport:
        c = self.c
        ents = sorted({k[0] for k in c})

        def scores(name: str, keys: Sequence[str]) -> EntityScores:
            g = lambda kind: sum(c[(k, kind)] for k in keys)  # noqa: E731
            return EntityScores(name, g("gold"), g("found"), g("strict"), g("pred"), g("pred_ok"), g("pred_strict"),
                                g("gold_spans"), g("found_spans"))

        per = tuple(scores(e, [e]) for e in ents if c[(e, "gold")] or c[(e, "pred")])
        overall = scores("ALL", ents)
        nr = {k: (self.nr[k], self.nr_removed[k]) for k in self.nr}
        groups = {g: (self.group_counts[(g, "gold")], self.group_counts[(g, "found")]) for g in self.groups}
        return EvaluationReport(self.docs, self.chars, overall, per, self.pred_spans, self.pred_spans_ok,
                                self.leaky_docs, nr, groups)


def _expand(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole \\w tokens at both edges."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_") and (text[start].isalnum() or text[start] == "_"):
        start -= 1
    n = len(text)
    while end < n and (text[end].isalnum() or text[end] == "_") and (text[end - 1].isalnum() or text[end - 1] == "_"):
        end += 1
    return start, end


def _token_entity(spans: Sequence[GoldSpan], a: int, b: int) -> str | None:
    """Entity of the required gold span overlapping token [a, b) (binary search on sorted spans)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].end <= a:
            lo = mid + 1
        else:
            hi = mid
    for sp in spans[lo:]:
        if sp.start >= b:
            break
        if sp.required:
            return sp.entity
    return None


def evaluate(pairs: Iterable[tuple[Document, Iterable[Prediction]]],
             prediction_map: Mapping[str, str] | None = None,
             subgroups: Mapping[str, TokenGroup] | None = None) -> EvaluationReport:
    """Score ``(document, predictions)`` pairs; convenience wrapper around :class:`Evaluator`."""
    ev = Evaluator(prediction_map, subgroups)
    for doc, preds in pairs:
        ev.add(doc, preds)
    return ev.report()
