"""Properties of box mapping: every box inside the image, merged boxes cover their words,
character offsets map back to exactly the words they came from."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from phiscrub.image.layout import build_text, union
from phiscrub.image.ocr import OcrWord
from phiscrub.image.redaction import clip_box, coverage, mask_of, redact

W, H = 300, 200

boxes = st.tuples(st.integers(-50, W + 50), st.integers(-50, H + 50), st.integers(1, 120), st.integers(1, 60))
words = st.lists(
    st.builds(lambda t, b, c: OcrWord(t, b, c), st.text("abcXYZ019:-", min_size=1, max_size=8),
              st.tuples(st.integers(0, W - 20), st.integers(0, H - 12), st.integers(2, 40), st.integers(6, 14)),
              st.floats(0, 100)),
    min_size=1, max_size=25)


@given(boxes, st.integers(0, 10))
def test_clipped_boxes_inside_image(box, pad):
    b = clip_box(box, (W, H), pad)
    if b is not None:
        x, y, w, h = b
        assert 0 <= x and 0 <= y and w > 0 and h > 0 and x + w <= W and y + h <= H


@given(st.lists(boxes, min_size=1, max_size=6))
def test_union_covers_every_member(bs):
    u = union(bs)
    for b in bs:
        assert u[0] <= b[0] and u[1] <= b[1] and b[0] + b[2] <= u[0] + u[2] and b[1] + b[3] <= u[1] + u[3]


@given(words)
def test_text_spans_map_back_to_their_words(ws):
    ot = build_text(ws)
    for i, w in enumerate(ws):
        s, e = ot.spans[i]
        assert ot.text[s:e] == w.text
        assert i in ot.words_in(s, e)
    # words on one line never span a newline; every word appears exactly once
    assert sorted(ot.spans) == sorted(set(ot.spans))
    assert ot.text.count("\n") == max(ot.line_of) if ws else True


@given(words, st.integers(0, 4))
def test_finding_boxes_cover_their_words_and_are_painted(ws, pad):
    ot = build_text(ws)
    s, e = ot.spans[0]
    idx = ot.words_in(s, max(e, s + 1))
    box = union(ws[i].box for i in idx)
    mask = mask_of((W, H), [box], pad)
    for i in idx:
        assert coverage(mask, ws[i].box) == 1.0
    im = redact(Image.new("L", (W, H), 255), [box], "box", (0, 0, 0), pad)
    x, y, w, h = clip_box(box, (W, H), pad)
    assert im.crop((x, y, x + w, y + h)).getextrema() == (0, 0)
