"""`RegexRecognizer`: Presidio's recognizer interface for patterns whose *value* is a named
group inside a larger match (``MRN: 00482913`` → only the number is the identifier), with an
optional per-match validator."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# A validator sees the whole text and the match; it returns a score (None drops the match).
Validator = Callable[[str, "re.Match[str]", float], Optional[float]]


@dataclass(frozen=True)
class Rule:
    """One pattern. The identifier is group ``v`` when present, else the whole match."""

    name: str
    regex: "re.Pattern[str]"
    entity: str
    score: float
    validate: Optional[Validator] = None


def rule(name: str, pattern: str, entity: str, score: float, validate: Optional[Validator] = None,
         flags: int = re.IGNORECASE) -> Rule:
    # A leading \b becomes an ASCII word start: Python's Unicode \b fails right after CJK text
    # ("中文MRN 00482913"), and an identifier must not hide behind a neighbouring script.
    if pattern.startswith(r"\b"):
        pattern = r"(?<![A-Za-z0-9_])" + pattern[2:]
    return Rule(name, re.compile(pattern, flags), entity, score, validate)


class RegexRecognizer(EntityRecognizer):
    """Runs its rules over the text; subclasses set ``RULES``, ``ENTITIES`` and ``CONTEXT``."""

    RULES: Sequence[Rule] = ()
    ENTITIES: Sequence[str] = ()
    CONTEXT: Sequence[str] = ()

    def __init__(self) -> None:
        super().__init__(
            supported_entities=list(self.ENTITIES),
            name=type(self).__name__,
            supported_language="en",
            context=list(self.CONTEXT),
        )

    def load(self) -> None:  # patterns are compiled at import
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for r in self.RULES:
            for m in r.regex.finditer(text):
                score: Optional[float] = r.score
                if r.validate is not None:
                    score = r.validate(text, m, r.score)
                    if score is None:
                        continue
                g = "v" if "v" in r.regex.groupindex and m.group("v") is not None else 0
                start, end = m.span(g)
                if end > start:
                    out.append(make_result(r.entity, start, end, score, self.name, r.name))
        return out


class LexiconRecognizer(EntityRecognizer):
    """A recognizer that consults the shared word lists (loaded once per process, on first use)."""

    _lex = None

    @property
    def lex(self):  # -> Lexicons
        if self._lex is None:
            from ..lexicons import load_lexicons

            self._lex = load_lexicons()
        return self._lex

    def load(self) -> None:  # nothing to load up front: the lexicons are shared and lazy
        pass


def make_result(entity: str, start: int, end: int, score: float, recognizer: str, rule_name: str) -> RecognizerResult:
    """A Presidio result carrying what Presidio's context enhancer needs and the recognizer name."""
    return RecognizerResult(
        entity, start, end, score,
        analysis_explanation=AnalysisExplanation(recognizer=recognizer, original_score=score, pattern_name=rule_name),
        recognition_metadata={"recognizer_name": recognizer, "rule": rule_name},
    )


def before(text: str, pos: int, n: int = 30) -> str:
    """The ``n`` characters before ``pos``, lower-cased (for context checks)."""
    return text[max(0, pos - n):pos].lower()


def after(text: str, pos: int, n: int = 30) -> str:
    return text[pos:pos + n].lower()
