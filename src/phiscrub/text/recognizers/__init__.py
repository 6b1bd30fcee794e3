"""phiscrub's recognizer set, chosen deliberately (Presidio's defaults flood clinical notes)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from .ner import NerRecognizer


def build_recognizers() -> list[EntityRecognizer]:
    return [NerRecognizer()]
