"""Small rules of the overlay filter and the verifier, on hand-made OCR words."""

from __future__ import annotations

import numpy as np

from phiscrub import Policy
from phiscrub.image.ocr import OcrWord
from phiscrub.image.overlay import only_overlay, overlay_spans
from phiscrub.image.verify import leftovers


def test_misread_series_setting_is_still_overlay():
    for text in ("Se: 3 Im: 12", "Se: 31m: 12"):  # "3 Im" read as "31m"
        assert only_overlay(text, 0, 2, overlay_spans(text)), text


def test_identifier_running_past_a_setting_is_kept():
    text = "Se 12345ABC"
    assert not only_overlay(text, 3, len(text), overlay_spans(text))


ANCHOR = (60, 100, 80, 12)  # an identifier covered on detection


def _left(word: OcrWord):
    mask = np.zeros((300, 400), bool)
    return leftovers([[word]], mask, Policy(), {}, set(), [ANCHOR], None, {}, [ANCHOR])


def test_low_confidence_fragment_beside_an_identifier_is_covered():
    out = _left(OcrWord("xq", (145, 100, 20, 12), 25.0, "gray"))
    assert [f.box for f in out.findings] == [(145, 100, 20, 12)]


def test_low_confidence_box_spanning_several_lines_is_not_a_fragment():
    out = _left(OcrWord("ae", (145, 80, 40, 34), 23.0, "gray"))
    assert out.findings == []


def _reasons(word: OcrWord) -> list[str]:
    mask = np.zeros((300, 400), bool)
    return leftovers([[word]], mask, Policy(), {}, set(), [], None, {}, []).reasons


def test_tiny_text_asks_for_review():
    assert _reasons(OcrWord("1234567", (10, 10, 28, 5), 50.0, "norm")) == ["text too small to verify"]


def test_a_streak_read_as_letters_is_not_text():
    assert _reasons(OcrWord("ae", (12, 254, 31, 3), 35.0, "norm")) == []
    assert _reasons(OcrWord("ae", (12, 254, 31, 2), 35.0, "norm")) == []


def test_a_setting_never_runs_into_the_next_line():
    text = "W:400 L:40\nmAs 5.0\nkVp 120"
    spans = overlay_spans(text)
    assert [text[s:e] for s, e in spans] == ["W:400", "L:40", "mAs 5.0", "kVp 120"]
    assert only_overlay(text, 11, 14, spans)  # "mAs"


def test_an_id_below_a_side_marker_is_not_overlay():
    for text in ("L\n12345678", "L 12345678", "W:12345678"):  # an MRN after a marker, not a setting
        start = text.index("1")
        assert not only_overlay(text, start, len(text), overlay_spans(text)), text


def _words(*items):
    return [OcrWord(t, (x, y, 8 * len(t), 12), 90.0) for t, x, y in items]


def test_a_misread_value_after_an_identifier_label_is_covered():
    from phiscrub.image.verify import text_findings

    words = _words(("ID:", 10, 10), ("2", 40, 10), ("HOOOOOOU", 52, 10),  # "ID: 200000000" misread
                   ("Study", 10, 40), ("Date:", 58, 40), ("O1/O2/2O19", 100, 40),
                   ("W:400", 10, 70), ("L:40", 60, 70), ("kVp", 10, 100), ("120", 42, 100))
    found, _ = text_findings(words, Policy(), None, "ocr")
    boxes = {(f.entity, f.box) for f in found}
    assert ("MRN", (40, 10, 76, 12)) in boxes
    assert any(e == "DATE" and b[1] == 40 for e, b in boxes)
    assert not any(b[1] in (70, 100) for _, b in boxes)  # technical settings stay visible


def test_label_fields_follow_the_policy_entities():
    from phiscrub.image.verify import text_findings

    words = _words(("ID:", 10, 10), ("2", 40, 10), ("HOOOOOOU", 52, 10))
    found, _ = text_findings(words, Policy(entities=frozenset({"NAME"})), None, "ocr")
    assert found == []
