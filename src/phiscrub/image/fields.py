"""Labelled overlay fields: whatever follows ``Name:``, ``DOB:``, ``MRN:``, ``ID:``, ``Tel:``... on its line.

Burned-in overlays label their identifiers. OCR often misreads a value badly enough that no
recognizer can match it any more (``ID: 2 HOOOOOOU`` for ``ID: 200000000``), but the label is
still read, and it says what the value is. Recall first: the words after an identifier label, up
to the next label on the line, are covered whatever they read as.
"""

from __future__ import annotations

import re

from .. import entities as E
from .layout import OcrText

_LABELS: dict[str, str] = {
    r"patient(?:\s*name)?|pt(?:\s*name)?|name|physician|ref(?:erring)?\.?\s*(?:phys(?:ician)?|dr|md)|operator|"
    r"technologist|tech|radiologist|sonographer|attending": E.NAME,
    r"dob|d\.o\.b\.?|birth\s*date|date\s*of\s*birth|born|birthdate": E.DATE,
    r"(?:study|exam|scan|acq(?:uisition)?|series|admit|admission|discharge|visit|service)?\s*date|dos|doa|dod": E.DATE,
    r"mrn|mr\s*#?|med(?:ical)?\s*rec(?:ord)?(?:\s*(?:no|number|#))?|pid|patient\s*id|pt\s*id|id|ssn": E.MRN,
    r"acc(?:ession)?(?:\s*(?:no|number|#))?|account|acct|encounter|fin|csn|visit\s*(?:no|#)|order\s*(?:no|#)": E.OTHER_ID,
    r"tel|telephone|phone|ph|mobile|cell|fax": E.PHONE,
    r"address|addr": E.STREET_ADDRESS,
    r"institution|hospital|facility|site|clinic|location": E.LOCATION,
}
_LABEL_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<g{i}>{p})" for i, p in enumerate(_LABELS)) + r")\s*[:#]",
    re.IGNORECASE,
)
_ENTITY_OF = {f"g{i}": e for i, e in enumerate(_LABELS.values())}


def labelled_values(ot: OcrText) -> list[tuple[str, int, int]]:
    """(entity, start, end) in ``ot.text`` of each value that follows an identifier label."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for line in ot.text.split("\n"):
        labels = list(_LABEL_RE.finditer(line))
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(line)
            value = line[m.end():end]
            if value.strip():
                start = m.end() + len(value) - len(value.lstrip())
                stop = m.end() + len(value.rstrip())
                out.append((_ENTITY_OF[m.lastgroup or ""], pos + start, pos + stop))
        pos += len(line) + 1
    return out
