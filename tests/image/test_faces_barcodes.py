"""Faces (a real photo shipped by scikit-image) and barcodes/QR codes are covered."""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from PIL import Image

from phiscrub import Policy, scrub
from phiscrub.bench.image_cases import label
from phiscrub.image.redaction import coverage, mask_of

ASTRONAUT_FACE = (178, 70, 95, 112)  # hand-labelled on skimage.data.astronaut()


@pytest.fixture(scope="module")
def astronaut() -> bytes:
    from skimage import data

    buf = io.BytesIO()
    Image.fromarray(data.astronaut()).save(buf, "PNG")
    return buf.getvalue()


def test_face_is_covered(astronaut):
    result = scrub(astronaut)
    faces = [f for f in result.findings if f.entity == "FACE"]
    assert faces and all(f.source == "face" for f in faces)
    mask = mask_of(result.image.size, [f.box for f in faces], 0)
    assert coverage(mask, ASTRONAUT_FACE) >= 0.95
    x, y, w, h = ASTRONAUT_FACE
    assert (np.asarray(result.image)[y:y + h, x:x + w] == 0).all()  # black box by default


def test_face_blur_and_off(astronaut):
    blurred = scrub(astronaut, Policy(faces="blur"))
    orig = np.asarray(Image.open(io.BytesIO(astronaut)), dtype=np.int16)
    x, y, w, h = ASTRONAUT_FACE
    region = np.asarray(blurred.image, dtype=np.int16)[y:y + h, x:x + w]
    assert np.abs(region - orig[y:y + h, x:x + w]).mean() > 8  # changed
    assert region.std() > 1  # blurred, not a solid box
    off = scrub(astronaut, Policy(faces="off"))
    assert not [f for f in off.findings if f.entity == "FACE"]


def test_qr_and_1d_barcodes_covered_and_no_longer_decodable():
    import zxingcpp

    case = label(random.Random(4), 0)
    result = scrub(case.data)
    mask = mask_of(result.image.size, [f.box for f in result.findings if f.box], 2)
    for box in case.barcodes:
        assert coverage(mask, box) >= 0.95
    assert sum(f.entity == "BARCODE" for f in result.findings) >= 2
    assert zxingcpp.read_barcodes(np.asarray(result.image.convert("L"))) == []
    for item in case.phi:
        assert coverage(mask, item.box) >= 0.9, item.entity
