"""Text de-identification: recognizers find identifiers, operators replace them."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..errors import UnsupportedInputError
from ..findings import Finding, TextResult
from ..policy import Policy
from .engine import get_analyzer
from .operators import OperatorContext, apply_operators

__all__ = ["analyze_text", "scrub_text", "scrub_texts"]


def _check(text: object) -> str:
    if not isinstance(text, str):
        raise UnsupportedInputError(f"expected str, got {type(text).__name__}")
    return text


def analyze_text(text: str, policy: Policy | None = None) -> list[Finding]:
    """Findings (sorted, non-overlapping, offsets into ``text``) without changing the text."""
    policy = policy or Policy()
    _check(text)
    if not text:
        return []
    return get_analyzer(policy.spacy_model, policy.use_ner).analyze(text, policy)


def scrub_texts(texts: Iterable[str], policy: Policy | None = None) -> Iterator[TextResult]:
    """Scrub many texts, batched through spaCy; each result equals ``scrub_text`` on that text."""
    policy = policy or Policy()
    items = [_check(t) for t in texts]
    OperatorContext(policy)  # validate operator choices before any work
    analyzer = get_analyzer(policy.spacy_model, policy.use_ner)
    nonempty = [t for t in items if t]
    found = iter(analyzer.analyze_many(nonempty, policy)) if nonempty else iter(())
    ctx = OperatorContext(policy)  # one per call: surrogates consistent across the batch
    for t in items:
        findings = next(found) if t else []
        yield TextResult(apply_operators(t, findings, policy, ctx), tuple(findings))


def scrub_text(text: str, policy: Policy | None = None) -> TextResult:
    return next(scrub_texts([text], policy))
