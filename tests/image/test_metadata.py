"""EXIF/XMP/PNG text/comments removed (names reported, never values); orientation applied first."""

from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image, PngImagePlugin

from phiscrub import scrub
from phiscrub.bench.image_cases import _exif, _phi
from phiscrub.image.metadata import metadata_fields


def _photo(orientation: int) -> tuple[bytes, Image.Image]:
    shown = Image.new("RGB", (240, 160), (200, 170, 150))
    shown.paste((20, 20, 200), (0, 0, 60, 40))  # a blue mark top-left, as displayed
    stored = {1: shown, 6: shown.transpose(Image.Transpose.ROTATE_90)}[orientation]
    buf = io.BytesIO()
    p = _phi(random.Random(1))
    stored.save(buf, "JPEG", quality=92, exif=_exif(random.Random(1), p, orientation), comment=b"for Dr. X")
    return buf.getvalue(), shown


def test_exif_gps_dates_serial_removed_and_listed(tmp_path):
    data, _ = _photo(1)
    result = scrub(data)
    names = set(result.removed_metadata)
    for expected in ("GPS:GPSLatitude", "GPS:GPSLongitude", "EXIF:DateTimeOriginal", "EXIF:BodySerialNumber",
                     "EXIF:Make", "EXIF:Model", "EXIF:Artist", "EXIF:UserComment", "EXIF:ImageDescription",
                     "JPEG:Comment"):
        assert expected in names
    assert {"LOCATION", "DATE", "DEVICE", "NAME"} <= {f.entity for f in result.findings if f.source == "metadata"}
    # names only: no value (the MRN written into UserComment, the camera serial) appears
    p = _phi(random.Random(1))
    assert not any(p["mrn"] in n or "SN" in n.split(":")[-1][:2] for n in names)
    out = result.save(tmp_path / "clean.jpg")
    with Image.open(out) as back:
        assert metadata_fields(back) == []
        assert not back.getexif() and "comment" not in back.info


def test_orientation_applied_to_pixels_before_removal(tmp_path):
    data, shown = _photo(6)
    result = scrub(data)
    assert result.image.size == shown.size
    arr = np.asarray(result.image.convert("RGB")).astype(int)
    assert arr[10, 10, 2] > 150 and arr[10, 10, 0] < 80  # the blue mark is top-left as displayed
    out = result.save(tmp_path / "clean.jpg")
    with Image.open(out) as back:
        assert back.size == shown.size and 274 not in back.getexif()


def test_png_text_chunks_and_custom_keys(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "someone")
    info.add_text("Patient John Doe", "x")  # a key can itself identify: reported as <custom>
    buf = io.BytesIO()
    Image.new("L", (120, 80), 30).save(buf, "PNG", pnginfo=info)
    result = scrub(buf.getvalue())
    assert "PNG:text:Author" in result.removed_metadata
    assert "PNG:text:<custom>" in result.removed_metadata
    assert not any("John" in n for n in result.removed_metadata)
    with Image.open(result.save(tmp_path / "c.png")) as back:
        assert metadata_fields(back) == [] and not getattr(back, "text", {})
