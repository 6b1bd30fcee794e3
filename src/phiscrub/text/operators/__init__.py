"""Operators: what replaces each finding in the output text. The choice is per entity
(``Policy.operator_for``): ``tag``, ``redact``, ``surrogate``, ``shift_dates``, ``safe_harbor``,
``hash``. Any operator that cannot rewrite a value (an unparseable date, say) falls back to the
tag: a finding is never left in place."""

from __future__ import annotations

import hashlib
from typing import Optional, Sequence

from ... import entities as E
from ...errors import PolicyError
from ...findings import Finding
from ...policy import Policy
from .dates import shift_date, year_only
from .keyed import KeyedRandom
from .surrogates import Surrogates
from .zip3 import zip3

__all__ = ["OperatorContext", "apply_operators", "tag"]


def tag(entity: str) -> str:
    return f"[{entity}]"


class OperatorContext:
    """State shared by the documents of one call: keyed randomness, surrogate cache, and the
    date offset (per key, or per document when no key is given)."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.kr = KeyedRandom(policy.key, policy.seed)
        self._surrogates: Optional[Surrogates] = None
        if policy.key is None and any(
            policy.operator_for(e) == "hash" for e in E.ALL_ENTITIES
        ):
            raise PolicyError("the hash operator needs Policy.key (an unkeyed hash of a name can be reversed by guessing)")

    @property
    def surrogates(self) -> Surrogates:
        if self._surrogates is None:
            self._surrogates = Surrogates(self.kr)
        return self._surrogates

    def document_offset(self, text: str) -> int:
        """Date offset in days, never 0: one per key when a key is set, else one per document
        (derived from the document through the keyed hash, so the same document under the same
        seed always shifts the same way, whether scrubbed alone or in a batch)."""
        n = self.policy.date_shift_days
        if self.policy.key is not None:
            label = "date-shift"
        else:
            label = "date-shift:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        rng = self.kr.rng(label)
        off = rng.randint(1, n)
        return off if rng.random() < 0.5 else -off

    def replace(self, entity: str, original: str, offset_days: int) -> str:
        op = self.policy.operator_for(entity)
        out: Optional[str] = None
        if op == "tag":
            out = tag(entity)
        elif op == "redact":
            out = self.policy.mask_char * len(original)
        elif op == "hash":
            norm = " ".join(original.lower().split())
            out = f"[{entity}:{self.kr.hexdigest(entity + ':' + norm)}]"
        elif op == "shift_dates":
            out = shift_date(original, offset_days) if entity == E.DATE else None
        elif op == "safe_harbor":
            if entity == E.DATE:
                out = year_only(original)
            elif entity == E.AGE_OVER_89:
                out = "90+"
            elif entity == E.ZIP:
                out = zip3(original)
        elif op == "surrogate":
            if entity == E.DATE:
                out = shift_date(original, offset_days)
            else:
                out = self.surrogates(entity, original)
        if out is None or (out == original and op != "redact"):
            out = tag(entity)
        return out


def apply_operators(text: str, findings: Sequence[Finding], policy: Policy,
                    ctx: Optional[OperatorContext] = None) -> str:
    """``text`` with every finding replaced; findings must be sorted and non-overlapping."""
    if not findings:
        return text
    ctx = ctx or OperatorContext(policy)
    offset = ctx.document_offset(text)
    parts: list[str] = []
    pos = 0
    for f in findings:
        parts.append(text[pos:f.start])
        parts.append(ctx.replace(f.entity, text[f.start:f.end], offset))
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)
