"""Burned-in text on generated images with known identifier boxes: covered, verified, saved clean."""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from PIL import Image

from phiscrub import Policy, scrub
from phiscrub.bench.image_cases import radiograph, screenshot
from phiscrub.image import PASS, ImageResult
from phiscrub.image.redaction import coverage, mask_of

MAGENTA = (255, 0, 255)
POLICY = Policy(redaction_color=MAGENTA)


def _mask(result: ImageResult, policy: Policy = POLICY) -> np.ndarray:
    return mask_of(result.image.size, [f.box for f in result.findings if f.box], policy.padding)


@pytest.fixture(scope="module")
def cases():
    rng = random.Random(11)
    made = [radiograph(rng, 0, "white"), radiograph(rng, 1, "yellow"), radiograph(rng, 2, "jpeg"),
            screenshot(rng, 3)]
    return [(c, scrub(c.data, POLICY)) for c in made]


def test_every_identifier_box_is_covered(cases):
    for case, result in cases:
        mask = _mask(result)
        for item in case.phi:
            assert coverage(mask, item.box) >= 0.9, (case.name, item.entity)


def test_mixed_polarity_screenshot_covers_both_regions(cases):
    case, result = cases[3]
    dark_on_light = [i for i in case.phi if i.box[1] < 50]
    light_on_dark = [i for i in case.phi if i.box[1] >= 50]
    assert dark_on_light and light_on_dark
    mask = _mask(result)
    assert all(coverage(mask, i.box) >= 0.9 for i in dark_on_light + light_on_dark)


def test_technical_overlay_text_stays_visible(cases):
    kept = total = 0
    for case, result in cases:
        mask = _mask(result)
        for item in case.non_phi:
            total += 1
            kept += coverage(mask, item.box) <= 0.3
    assert total >= 8 and kept / total >= 0.85


def test_status_pass_and_findings_carry_boxes_not_text(cases):
    for case, result in cases:
        assert result.status == PASS, (case.name, result.review_reasons)
        ocr = [f for f in result.findings if f.source == "ocr"]
        assert ocr and all(f.box is not None for f in ocr)
        for f in ocr:
            x, y, w, h = f.box
            assert 0 <= x and 0 <= y and x + w <= result.image.width and y + h <= result.image.height
        assert "SMITH" not in repr(result) and not hasattr(ocr[0], "text")


def test_covered_pixels_are_the_fill_colour(cases):
    case, result = cases[1]  # RGB radiograph with yellow text
    arr = np.asarray(result.image.convert("RGB"))
    f = next(f for f in result.findings if f.source == "ocr")
    x, y, w, h = f.box
    assert (arr[y:y + h, x:x + w] == MAGENTA).all()
    # the original pixels under the box differed: the identifier really was drawn there
    orig = np.asarray(Image.open(io.BytesIO(case.data)).convert("RGB"))
    assert not (orig[y:y + h, x:x + w] == MAGENTA).all()


def test_cover_all_text_covers_technical_text_too():
    case = radiograph(random.Random(5), 0, "white")
    result = scrub(case.data, POLICY.with_(cover_all_text=True))
    mask = _mask(result)
    assert sum(coverage(mask, i.box) > 0.5 for i in case.non_phi) >= len(case.non_phi) - 1


def test_blur_and_pixelate_styles_are_verified_unreadable():
    case = radiograph(random.Random(3), 0, "white")
    for style in ("blur", "pixelate"):
        result = scrub(case.data, Policy(redaction_style=style))
        assert result.status == PASS
        orig = np.asarray(Image.open(io.BytesIO(case.data)).convert("L"), dtype=np.int16)
        out = np.asarray(result.image.convert("L"), dtype=np.int16)
        for item in case.phi:
            x, y, w, h = item.box
            assert np.abs(orig[y:y + h, x:x + w] - out[y:y + h, x:x + w]).mean() > 5, (style, item.entity)
