"""The text analyzer: Presidio's AnalyzerEngine over a slim spaCy pipeline plus phiscrub's
clinical recognizers, loaded once per (model, NER on/off) and reused for every call."""

from __future__ import annotations

import bisect
import functools
import logging
import re
from typing import Iterable, Iterator, Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult

from .. import entities as E
from ..findings import Finding
from ..policy import Policy
from . import chunking
from .context import LinearContextEnhancer
from .lexicons import load_lexicons
from .nlp import PreloadedSpacyNlpEngine, load_spacy
from .recognizers import build_recognizers
from .resolve import resolve_overlaps

log = logging.getLogger("phiscrub")

_NAME_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W\d_])?")
_STOP_WORDS = frozenset(w.lower() for w in STOP_WORDS)

BATCH_SIZE = 32
BATCH_CHARS = 200_000


class TextAnalyzer:
    """Finds identifier candidates in text. Build through :func:`get_analyzer` (cached)."""

    def __init__(self, spacy_model: str, use_ner: bool = True) -> None:
        self.nlp = load_spacy(spacy_model, use_ner)
        self.nlp_engine = PreloadedSpacyNlpEngine(self.nlp)
        registry = RecognizerRegistry(recognizers=build_recognizers(use_ner), supported_languages=["en"])
        self.engine = AnalyzerEngine(
            registry=registry,
            nlp_engine=self.nlp_engine,
            supported_languages=["en"],
            context_aware_enhancer=LinearContextEnhancer(
                context_similarity_factor=0.35, min_score_with_context_similarity=0.4
            ),
        )

    def analyze(self, text: str, policy: Policy) -> list[Finding]:
        return next(iter(self.analyze_many([text], policy)))

    def analyze_many(self, texts: Sequence[str] | Iterable[str], policy: Policy) -> Iterator[list[Finding]]:
        """Findings for each text, in order; spaCy runs batched over all windows."""
        texts = list(texts)
        windows: list[tuple[int, int, int, int]] = []  # (text index, owned start, owned end, window start)
        window_texts: list[str] = []
        for i, doc in enumerate(texts):
            for c in chunking.chunk_text(doc, chunking.CHUNK_SIZE, chunking.OVERLAP):
                windows.append((i, c.start, c.end, c.window_start))
                window_texts.append(doc[c.window_start:c.window_end])
        per_text: list[list[Finding]] = [[] for _ in texts]
        # Batch by size: 32 short notes at once, but only ~200k characters of long windows (memory).
        longest = max((len(w) for w in window_texts), default=1)
        docs = self.nlp_engine.pipe(window_texts, batch_size=max(1, min(BATCH_SIZE, BATCH_CHARS // max(longest, 1))))
        for (i, own_start, own_end, wstart), wtext, doc in zip(windows, window_texts, docs):
            artifacts = self.nlp_engine.artifacts(doc)
            results: list[RecognizerResult] = self.engine.analyze(
                text=wtext, language="en", nlp_artifacts=artifacts, score_threshold=0.0
            )
            for r in results:
                start, end = r.start + wstart, r.end + wstart
                if not own_start <= start < max(own_end, own_start + 1):
                    continue  # another window owns it
                source = (r.recognition_metadata or {}).get("recognizer_name", "unknown")
                per_text[i].append(Finding(start, end, r.entity_type, float(r.score), source))
        for i, cands in enumerate(per_text):
            cands.extend(self._propagate_names(texts[i], cands, policy))
            tags = [m.span() for m in _TAG.finditer(texts[i])] if "[" in texts[i] else []
            tag_starts = [t[0] for t in tags]
            kept = [f for f in cands if policy.wants(f.entity) and f.score >= policy.threshold
                    and not _inside_tag(f, tags, tag_starts)]
            yield _tidy(texts[i], resolve_overlaps(kept))

    def _propagate_names(self, text: str, cands: list[Finding], policy: Policy) -> list[Finding]:
        """A name found once is a name everywhere in the same document: "Asmini I. Wanjala" in
        the header makes "Asmini was last seen..." a finding too. Only distinctive tokens spread
        (not common words, clinical terms or initials)."""
        if not policy.wants(E.NAME):
            return []
        lex = load_lexicons()
        tokens: set[str] = set()
        for f in cands:
            if f.entity != E.NAME or f.score < max(policy.threshold, 0.5):
                continue
            for w in _NAME_WORD.findall(text[f.start:f.end]):
                lw = w.lower()
                if len(lw) >= 3 and not lex.is_clinical(lw) and not lex.is_common(lw) and lw not in _STOP_WORDS:
                    tokens.add(lw)
        if not tokens:
            return []
        pattern = re.compile(r"(?<![\w\-'])(?:" + "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
                             + r")(?![\w\-])", re.IGNORECASE)
        return [Finding(m.start(), m.end(), E.NAME, 0.7, "NamePropagation") for m in pattern.finditer(text)]


# Our own tags ("[NAME]", "[DATE:3f2a9c1b04]") are never identifiers: scrubbing output again
# must change nothing.
_TAG = re.compile(r"\[[A-Z][A-Z0-9_]*(?::[0-9a-f]{6,64})?\]")


def _inside_tag(f: Finding, tags: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, f.start) - 1  # tags never overlap: only the last one before can hold f
    return k >= 0 and tags[k][0] <= f.start and f.end <= tags[k][1]


def _tidy(text: str, findings: list[Finding]) -> list[Finding]:
    """Findings never begin or end with white space (recognizer spans and the pieces overlap
    resolution leaves), and a piece with no letter or digit (a lone ", ") is no identifier."""
    out = []
    for f in findings:
        s, e = f.start, f.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(c.isalnum() for c in text[s:e]):
            out.append(f if (s, e) == (f.start, f.end) else Finding(s, e, f.entity, f.score, f.source))
    return out


@functools.lru_cache(maxsize=4)
def get_analyzer(spacy_model: str, use_ner: bool = True) -> TextAnalyzer:
    return TextAnalyzer(spacy_model, use_ner)
