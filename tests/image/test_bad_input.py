"""Bad input and failures: a clear error naming the file, or a correct result; never a partial file,
never the original passed off as clean; no OCR → raise."""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from phiscrub import (CorruptInputError, OcrUnavailableError, PhiscrubError, UnsupportedInputError,
                      scrub, scrub_file)
from phiscrub.bench.image_cases import font
from phiscrub.image import ocr as ocr_module
from phiscrub.image.redaction import coverage, mask_of


def _text_image(mode: str = "L", size=(420, 140), text="Name: John Smith", fill=230, bg=20) -> tuple[Image.Image, tuple]:
    im = Image.new("L", size, bg)
    d = ImageDraw.Draw(im)
    fnt = font(0, 22)
    d.text((12, 40), text, font=fnt, fill=fill)
    x = 12 + int(d.textlength("Name: ", font=fnt))
    l, t, r, b = d.textbbox((x, 40), "John Smith", font=fnt)
    return im, (l, t, r - l, b - t)


def _covered(result, box, frame=None) -> bool:
    boxes = [f.box for f in result.findings if f.box and (frame is None or f.frame == frame)]
    return coverage(mask_of(result.image.size, boxes, 2), box) >= 0.9


def test_empty_truncated_and_garbage_name_the_file(tmp_path):
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(CorruptInputError, match="empty.png"):
        scrub(empty)
    im, _ = _text_image()
    buf = io.BytesIO()
    im.save(buf, "PNG")
    trunc = tmp_path / "trunc.png"
    trunc.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(CorruptInputError, match="trunc.png"):
        scrub_file(trunc)
    junk = tmp_path / "notes.xyz"
    junk.write_bytes(os.urandom(2000))
    with pytest.raises(UnsupportedInputError, match="notes.xyz"):
        scrub(junk)
    with pytest.raises(CorruptInputError, match="missing.png"):
        scrub(tmp_path / "missing.png")


def test_decompression_bomb_guard():
    buf = io.BytesIO()
    Image.new("L", (2000, 2000)).save(buf, "PNG")
    with pytest.raises(CorruptInputError, match="decompression bomb"):
        scrub(buf.getvalue(), max_image_pixels=1_000_000)


@pytest.mark.parametrize("mode", ["I;16", "P", "CMYK", "RGBA"])
def test_unusual_modes_are_cleaned(mode, tmp_path):
    im, box = _text_image()
    if mode == "I;16":
        src = Image.fromarray(np.asarray(im).astype(np.uint16) * 256)
        fmt, suffix = "PNG", ".png"
    elif mode == "P":
        src, fmt, suffix = im.convert("RGB").convert("P"), "PNG", ".png"
    elif mode == "CMYK":
        src, fmt, suffix = im.convert("CMYK"), "JPEG", ".jpg"
    else:
        src = im.convert("RGBA")
        src.putalpha(200)
        fmt, suffix = "PNG", ".png"
    buf = io.BytesIO()
    src.save(buf, fmt)
    result = scrub(buf.getvalue())
    assert _covered(result, box), mode
    out = result.save(tmp_path / f"out{suffix}")
    with Image.open(out) as back:
        back.load()
        assert back.size == im.size


def test_multiframe_gif_and_tiff_every_frame(tmp_path):
    a, box = _text_image(text="Name: John Smith")
    b = a.copy()
    ImageDraw.Draw(b).rectangle((380, 100, 400, 120), fill=128)  # frames differ
    for fmt, suffix in (("GIF", ".gif"), ("TIFF", ".tif")):
        buf = io.BytesIO()
        a.save(buf, fmt, save_all=True, append_images=[b])
        result = scrub(buf.getvalue(), faces="off")
        assert len(result.frames) == 2
        assert _covered(result, box, 0) and _covered(result, box, 1)
        out = result.save(tmp_path / f"anim{suffix}")
        with Image.open(out) as back:
            assert back.n_frames == 2


@pytest.fixture
def fresh_ocr_engines():
    """Engines are loaded once per process; tests that break one get their own."""
    ocr_module.ocr_engine.cache_clear()
    yield
    ocr_module.ocr_engine.cache_clear()


def _no_tesseract_program(monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")


def _no_tesserocr(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "tesserocr", None)  # import tesserocr → ImportError


def test_no_ocr_engine_at_all_raises_with_the_install_command(monkeypatch, fresh_ocr_engines):
    _no_tesseract_program(monkeypatch)
    _no_tesserocr(monkeypatch)
    with pytest.raises(OcrUnavailableError, match="apt-get install -y tesseract-ocr"):
        scrub(_text_image()[0])


def test_cli_backend_without_the_program_raises(monkeypatch, fresh_ocr_engines):
    _no_tesseract_program(monkeypatch)
    with pytest.raises(OcrUnavailableError, match="apt-get install -y tesseract-ocr"):
        scrub(_text_image()[0], ocr_backend="cli")


def test_api_backend_without_the_english_model_raises(monkeypatch, fresh_ocr_engines):
    from phiscrub.image import tesseract_api

    monkeypatch.setattr(tesseract_api, "tessdata_dir", lambda: None)
    with pytest.raises(OcrUnavailableError, match="eng.traineddata"):
        scrub(_text_image()[0], ocr_backend="api")


def test_auto_falls_back_to_the_program_without_tesserocr(monkeypatch, fresh_ocr_engines):
    _no_tesserocr(monkeypatch)
    assert ocr_module.ocr_engine("auto").name == "cli"
    im, box = _text_image()
    result = scrub(im, faces="off")
    assert _covered(result, box) and result.status == "PASS"


def test_both_backends_cover_the_same_name():
    im, box = _text_image()
    for backend in ("api", "cli"):
        result = scrub(im, faces="off", ocr_backend=backend)
        assert _covered(result, box), backend
        assert result.status == "PASS"


def test_cli_ocr_failure_mid_run_raises(monkeypatch):
    import pytesseract

    def boom(*a, **k):
        raise pytesseract.TesseractError(1, "crash")

    monkeypatch.setattr(pytesseract, "image_to_data", boom)
    with pytest.raises(OcrUnavailableError, match="OCR failed"):
        scrub(_text_image()[0], ocr_backend="cli")


def test_api_ocr_failure_mid_run_raises(monkeypatch, fresh_ocr_engines):
    import queue

    class Broken:
        ended = False

        def SetImageBytes(self, *a):
            raise RuntimeError("engine crashed")

        def End(self):
            Broken.ended = True

    engine = ocr_module.ocr_engine("api")
    idle: queue.LifoQueue = queue.LifoQueue()
    for _ in range(4):
        idle.put(Broken())
    monkeypatch.setattr(engine._api, "_idle", idle)
    with pytest.raises(OcrUnavailableError, match="OCR failed"):
        scrub(_text_image()[0], ocr_backend="api")
    assert Broken.ended  # a failed engine is dropped, not reused


@pytest.mark.parametrize("backend", ["api", "cli"])
def test_ocr_timeout_raises(backend):
    with pytest.raises(OcrUnavailableError, match="timed out"):
        scrub(_text_image(size=(1600, 1200))[0], ocr_timeout=0.001, ocr_backend=backend)


def test_watchdog_stops_waiting_for_a_hung_pass(monkeypatch):
    import threading
    import time

    from phiscrub.image import engine

    release = threading.Event()

    def hung(img, timeout, backend):
        release.wait(30)  # an OCR call that ignores its own deadline
        return []

    monkeypatch.setattr(engine, "read_words", hung)
    monkeypatch.setattr(engine, "WATCHDOG_GRACE", 0.2)
    t0 = time.monotonic()
    try:
        for _ in range(3):  # hung threads are left behind: later scrubs do not queue behind them
            with pytest.raises(OcrUnavailableError, match="timed out"):
                scrub(_text_image()[0], ocr_timeout=0.3)
        assert time.monotonic() - t0 < 20
    finally:
        release.set()
    monkeypatch.undo()
    im, box = _text_image()
    assert _covered(scrub(im, faces="off"), box)  # and scrubbing works again


def test_save_is_atomic_and_never_overwrites_input(tmp_path):
    im, _ = _text_image()
    src = tmp_path / "scan.png"
    im.save(src)
    before = src.read_bytes()
    result = scrub(Path(src), faces="off")
    with pytest.raises(PhiscrubError, match="refusing to overwrite"):
        result.save(src)
    assert src.read_bytes() == before
    a, _ = _text_image()
    buf = io.BytesIO()
    a.save(buf, "GIF", save_all=True, append_images=[a.rotate(1)])
    multi = scrub(buf.getvalue(), faces="off")
    with pytest.raises(PhiscrubError):
        multi.save(tmp_path / "many.jpg")  # JPEG cannot hold two frames
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scan.png"]  # no partial or temp file


def test_unsupported_python_type():
    with pytest.raises(UnsupportedInputError):
        scrub(12345)
