"""spaCy NER output, mapped to phiscrub entities and filtered for clinical shorthand."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ... import entities as E


class NerRecognizer(EntityRecognizer):
    LABELS = {"PERSON": E.NAME, "GPE": E.LOCATION, "LOC": E.LOCATION, "FAC": E.LOCATION}

    def __init__(self) -> None:
        super().__init__(supported_entities=[E.NAME, E.LOCATION], name="spacy", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return []
        out = []
        for ent in nlp_artifacts.entities:
            label = self.LABELS.get(ent.label_)
            if label:
                out.append(RecognizerResult(label, ent.start_char, ent.end_char, 0.85,
                                            recognition_metadata={"recognizer_name": self.name}))
        return out
