"""Context enhancement in linear time.

Presidio's ``LemmaContextAwareEnhancer`` is quadratic in the size of a document: it scans the
tokens from the start to find each result's token, then tests membership in a *list* of all the
document's lemmas while walking outwards, possibly to the document's ends; on top it deep-copies
every result. 1.2 MB of notes took ~9 minutes there. This enhancer does the same job — raise a
result's score when one of its recognizer's context words stands among the few tokens before or
after it — with a binary search and a fixed window.
"""

from __future__ import annotations

import bisect
from typing import List, Optional

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts


class LinearContextEnhancer(ContextAwareEnhancer):
    def __init__(self, context_similarity_factor: float = 0.35, min_score_with_context_similarity: float = 0.4,
                 context_prefix_count: int = 5, context_suffix_count: int = 2) -> None:
        super().__init__(context_similarity_factor=context_similarity_factor,
                         min_score_with_context_similarity=min_score_with_context_similarity,
                         context_prefix_count=context_prefix_count, context_suffix_count=context_suffix_count)

    def enhance_using_context(self, text: str, raw_results: List[RecognizerResult], nlp_artifacts: NlpArtifacts,
                              recognizers: List[EntityRecognizer], context: Optional[List[str]] = None
                              ) -> List[RecognizerResult]:
        if nlp_artifacts is None or not raw_results:
            return raw_results
        by_id = {r.id: r for r in recognizers}
        contexts = {rid: tuple(w.lower() for w in (r.context or ())) for rid, r in by_id.items()}
        extra = tuple(w.lower() for w in (context or ()))
        starts = nlp_artifacts.tokens_indices
        lemmas = nlp_artifacts.lemmas
        n = len(starts)
        for res in raw_results:
            meta = res.recognition_metadata or {}
            words = contexts.get(meta.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, ""), ()) + extra
            if not words or meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            first = max(bisect.bisect_right(starts, res.start) - 1, 0)
            last = max(bisect.bisect_left(starts, res.end) - 1, first)
            # As in Presidio, the result's own tokens count too ("Voiceprint", "MRN12345").
            window = lemmas[max(0, first - self.context_prefix_count):min(n, last + 1 + self.context_suffix_count)]
            if any(w == lemma or (len(w) > 2 and w in lemma) for lemma in window for w in words):
                res.score = max(min(res.score + self.context_similarity_factor, self.MAX_SCORE),
                                self.min_score_with_context_similarity)
                meta[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
                res.recognition_metadata = meta
        return raw_results
