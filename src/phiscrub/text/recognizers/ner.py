"""spaCy's NER output mapped to phiscrub entities, with clinical guardrails.

The small English model tags drugs (``Lasix 40``), abbreviations (``BP 120/80``) and eponyms
as people or organisations; those are trimmed or dropped here. ORG becomes LOCATION only when
it names a facility; states and countries are dropped (not smaller than a state).
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from ... import entities as E
from ..lexicons import Lexicons
from .base import LexiconRecognizer, make_result
from .locations import FACILITY
from .names import _EPONYM_NEXT, _TITLES

_FACILITY_RE = re.compile(r"\b" + FACILITY + r"\b", re.IGNORECASE)
_WORD = re.compile(r"[^\s]+")
_RELATION_WORDS = {"daughter", "son", "wife", "husband", "mother", "father", "brother", "sister", "patient", "pt",
                   "friend", "nurse", "doctor", "dr", "mr", "mrs", "ms", "miss", "aunt", "uncle", "niece", "nephew"}


class NerRecognizer(LexiconRecognizer):
    LABELS = {"PERSON": E.NAME, "GPE": E.LOCATION, "LOC": E.LOCATION, "FAC": E.LOCATION, "ORG": E.LOCATION}

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        self._lex = lexicons
        super().__init__(supported_entities=[E.NAME, E.LOCATION], name="spacy", supported_language="en")

    def _keep_word(self, w: str, label: str) -> bool:
        lw = w.lower().strip(".,;:()'\"").removesuffix("'s").removesuffix("’s")
        if not lw or not any(c.isalpha() for c in lw):
            return False
        if label == E.LOCATION and _FACILITY_RE.fullmatch(lw):
            return True
        if self.lex.is_clinical(lw) or lw in _TITLES or lw in _RELATION_WORDS:
            return False
        if lw in STOP_WORDS:
            return False
        return True

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return []
        out: list[RecognizerResult] = []
        for ent in nlp_artifacts.entities:
            label = self.LABELS.get(ent.label_)
            if label is None:
                continue
            span = text[ent.start_char:ent.end_char]
            if "\n" in span.strip():
                span = span[:span.index("\n", len(span) - len(span.lstrip()))]  # "Jackson, Patricia\nDOB": one line only
            if ent.label_ == "ORG" and not _FACILITY_RE.search(span):
                continue
            words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(span)]
            # Trim clinical words, titles and relation words from both ends.
            while words and not self._keep_word(words[0][2], label):
                words.pop(0)
            while words and not self._keep_word(words[-1][2], label):
                words.pop()
            if label == E.NAME and len(words) > 1:
                # "ALVAREZ AWARE OF K": the small model runs names on into the sentence; cut at
                # the first word that cannot belong to a name.
                for cut in range(1, len(words)):
                    w = words[cut][2].lower().strip(".,;:()'\"")
                    if not self._keep_word(words[cut][2], label) or (
                            self.lex.is_common(w) and not self.lex.is_name(w) and len(w) > 1):
                        words = words[:cut]
                        break
            if not words:
                continue
            start = ent.start_char + words[0][0]
            end = ent.start_char + words[-1][1]
            core = text[start:end].rstrip(".,;:)")
            end = start + len(core)
            if core.endswith(("'s", "’s")):
                end -= 2
                core = core[:-2]
            low = core.lower()
            if label == E.LOCATION and (low in self.lex.us_states or low in self.lex.countries):
                continue
            if any(ch.isdigit() for ch in core) and label == E.NAME:
                continue
            letters = sum(c.isalpha() for c in core)
            if label == E.LOCATION and (letters < 3 or any(c.isdigit() for c in core) or not core[:1].isalpha()):
                continue  # "D" of "M.D.", "x3", "+BS"
            if re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", core) and not re.match(r"(?:Mc|Mac|O'|De|Di|Da|La|Le|Van|Von|St)", core):
                continue  # "MedTwitter": a camel-case handle or brand, not a name
            if _EPONYM_NEXT.match(text[end:end + 30]):
                continue  # "McBurney's point", "Hickman line", "Trousseau sign"
            if label == E.NAME and core.islower() and not any(self.lex.is_name(w) for w in low.split()):
                continue  # "cont", "soft": lower-case shorthand, not a name
            score = 0.85
            if label == E.NAME and len(words) == 1 and self.lex.is_common(low) and not self.lex.is_name(low):
                continue  # a lone ordinary word left after trimming ("Started" of "Started Lasix")
            if label == E.LOCATION and ent.label_ in ("GPE", "LOC") and self.lex.is_common(low) and low not in self.lex.us_cities:
                score = 0.4
            out.append(make_result(label, start, end, score, self.name, ent.label_))
        return out
