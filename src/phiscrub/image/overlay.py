"""Scanner overlay vocabulary: technical annotations that are never identifiers.

Radiographs, CT/MR viewers and ultrasound screens print acquisition settings beside the patient
data (``kVp 120``, ``mAs 5.0``, ``W:400 L:40``, ``Se: 3 Im: 12``, side markers ``L``/``R``/``PA``).
Out of context a recognizer may take ``W:400 L:40`` for a name or ``120`` for an ID; a finding
lying entirely inside such an annotation is dropped. Nothing else is: recall first.
"""

from __future__ import annotations

import re

_UNIT = r"(?:[ \t]?(?:cm|mm|Hz|%|dB|s|ms|mA|kV|x))?"  # never across a line break: "L:40\nmAs 5.0"
_NUM = r"-?\d{1,5}(?:[.,]\d+)?"  # settings are short numbers; 6+ digits may be an MRN
_SETTING = (
    r"(?:kVp|kV|mAs|mA|ms|WW|WL|W|L|C|Se|Ser|Series|Im|Img|Image|Thk|FOV|Zoom|Gain|Depth|TIS|TIB|TIC|MI|"
    r"FR|Fr|DR|Pwr|Frq|Freq|Slice|SL|ST|TR|TE|TI|ETL|NEX|Mag|Ex|Scan|Dose|CTDIvol|DLP|Tilt|Lat|Pos)"
)
_PATTERNS = [  # first match wins at a position: the transducer name before the "C 5" setting
    r"\b[A-Z]{1,2}\d{1,2}-\d{1,2}\b",                         # transducer names: C5-1, L12-5
    # kVp 120, W:400, Gain 50, Depth 12 cm; the number may run into a misread next word ("Se: 31m: 12"
    # for "Se: 3 Im: 12"): a finding is dropped only if it lies wholly inside the span anyway.
    rf"\b{_SETTING}[ \t]?[:=]?[ \t]?{_NUM}(?:{_UNIT}\b|(?=[A-Za-z]))",
    rf"\b{_NUM}[ \t]?x[ \t]?{_NUM}\b",                            # 512 x 512
    r"(?<![\w])(?:L|R|PA|AP|LAT|LATERAL|OBL|ERECT|SUPINE|PRONE|AXIAL|SAG|COR|2D|3D|M-?mode|Abd)(?![\w])",
]
_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


def overlay_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of technical overlay annotations in ``text``."""
    return [m.span() for m in _RE.finditer(text)]


def only_overlay(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True if every word character of text[start:end] lies inside an overlay annotation."""
    for i in range(start, end):
        if text[i].isalnum() and not any(s <= i < e for s, e in spans):
            return False
    return end > start
