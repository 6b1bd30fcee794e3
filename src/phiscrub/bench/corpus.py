"""A benchmark corpus: documents with exact gold spans, and our JSONL / Presidio-evaluator exports.

Gold entities use phiscrub's names (see :mod:`phiscrub.entities`); a few extra labels mark text
that Safe Harbor does *not* require removing (a year alone, a US state, an age of 89 or less),
so the evaluator can report it separately instead of counting it either way.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..atomic import atomic_text

#: Labels for text that is annotated but not required by Safe Harbor.
YEAR = "YEAR"
STATE = "STATE"
AGE_UNDER_90 = "AGE_UNDER_90"
COUNTRY = "COUNTRY"
ORGANIZATION = "ORGANIZATION"
PROFESSION = "PROFESSION"
NOT_REQUIRED: frozenset[str] = frozenset({YEAR, STATE, AGE_UNDER_90, COUNTRY, ORGANIZATION, PROFESSION})
#: Not-required labels whose text must also *survive*: removing it counts as a false positive
#: (an age of 67 is clinical information), unlike a year or a state, which count neither way.
MUST_SURVIVE: frozenset[str] = frozenset({AGE_UNDER_90})


@dataclass(frozen=True, order=True)
class GoldSpan:
    """One annotated identifier: ``text[start:end]`` is of type ``entity``."""

    start: int
    end: int
    entity: str
    source_label: str = ""  # the corpus's own label, when it differs from ``entity``

    @property
    def required(self) -> bool:
        """False for text Safe Harbor does not require removing (year alone, state, age <= 89)."""
        return self.entity not in NOT_REQUIRED


@dataclass(frozen=True)
class Document:
    """A benchmark document. ``repr`` omits the text so a document never lands in a log."""

    id: str
    text: str = field(repr=False)
    spans: tuple[GoldSpan, ...] = ()
    kind: str = ""

    def validate(self) -> None:
        """Raise ValueError unless spans are in bounds, sorted and non-overlapping."""
        prev_end = 0
        for s in self.spans:
            if not 0 <= s.start < s.end <= len(self.text):
                raise ValueError(f"document {self.id}: span {s.start}-{s.end} out of bounds")
            if s.start < prev_end:
                raise ValueError(f"document {self.id}: span {s.start}-{s.end} overlaps the previous one")
            prev_end = s.end

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "spans": [
                {"start": s.start, "end": s.end, "entity": s.entity, **({"label": s.source_label} if s.source_label else {})}
                for s in self.spans
            ],
        }


def write_jsonl(docs: Iterable[Document], path: str | os.PathLike[str]) -> int:
    """Write documents as JSONL (one document per line), atomically; returns the count."""
    n = 0
    with atomic_text(path) as fh:
        for d in docs:
            fh.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


#: phiscrub entity -> Presidio-evaluator entity name, for the export.
PRESIDIO_EVALUATOR_NAMES: dict[str, str] = {
    "NAME": "PERSON", "STREET_ADDRESS": "STREET_ADDRESS", "LOCATION": "LOCATION", "ZIP": "ZIP_CODE",
    "DATE": "DATE_TIME", "AGE_OVER_89": "AGE", "PHONE": "PHONE_NUMBER", "FAX": "PHONE_NUMBER",
    "EMAIL": "EMAIL_ADDRESS", "SSN": "US_SSN", "MRN": "MEDICAL_RECORD_NUMBER",
    "HEALTH_PLAN_ID": "HEALTH_PLAN_ID", "ACCOUNT": "ACCOUNT_NUMBER", "LICENSE": "US_DRIVER_LICENSE",
    "VEHICLE": "VEHICLE_ID", "DEVICE": "DEVICE_ID", "URL": "URL", "IP": "IP_ADDRESS",
    "BIOMETRIC": "BIOMETRIC_ID", "OTHER_ID": "ID", YEAR: "DATE_TIME", STATE: "LOCATION",
    AGE_UNDER_90: "AGE", COUNTRY: "LOCATION", ORGANIZATION: "ORGANIZATION", PROFESSION: "TITLE",
}


def presidio_evaluator_record(doc: Document) -> dict:
    """One Presidio-evaluator ``InputSample`` as JSON (full_text, masked, spans)."""
    spans = []
    masked_parts: list[str] = []
    pos = 0
    for s in doc.spans:
        label = PRESIDIO_EVALUATOR_NAMES.get(s.entity, s.entity)
        spans.append(
            {
                "entity_type": label,
                "entity_value": doc.text[s.start:s.end],
                "start_position": s.start,
                "end_position": s.end,
            }
        )
        masked_parts.append(doc.text[pos:s.start] + "{{" + label + "}}")
        pos = s.end
    masked_parts.append(doc.text[pos:])
    return {
        "full_text": doc.text,
        "masked": "".join(masked_parts),
        "spans": spans,
        "template_id": None,
        "metadata": {"id": doc.id, "kind": doc.kind, "phiscrub_entities": [s.entity for s in doc.spans]},
    }


def write_presidio_evaluator_json(docs: Iterable[Document], path: str | os.PathLike[str]) -> int:
    """Write a Presidio-evaluator JSON list, streamed (never the whole corpus in memory)."""
    n = 0
    with atomic_text(path) as fh:
        fh.write("[\n")
        for d in docs:
            if n:
                fh.write(",\n")
            fh.write(json.dumps(presidio_evaluator_record(d), ensure_ascii=False))
            n += 1
        fh.write("\n]\n")
    return n


def batched(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of at most ``size`` documents, so huge corpora stream."""
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
