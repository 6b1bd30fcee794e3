"""Word boxes on the original image from Tesseract, or an exception (fail closed).

Two ways to run the same Tesseract: in-process through tesserocr (``api``: the model stays loaded,
about 3x faster per pass on overlay-sized images), or the ``tesseract`` program through pytesseract
(``cli``: a new process per pass). ``auto`` takes the first that works.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from PIL import Image

from ..errors import OcrUnavailableError
from ..findings import Box
from ..policy import OCR_BACKENDS
from .preprocess import OcrImage

INSTALL_HINT = "install it with: sudo apt-get install -y tesseract-ocr"
#: Page segmentation 11 ("sparse text"): overlays are scattered words, not paragraphs.
PSM_SPARSE_TEXT = 11
# No word dictionaries: identifiers are not dictionary words (correction can only hurt), and not
# loading them saves about a third of each Tesseract start-up (same text read on the benchmark images).
TESSERACT_CONFIG = f"--psm {PSM_SPARSE_TEXT} --oem 1 -c load_system_dawg=0 -c load_freq_dawg=0"

#: Fewer dark pixels than this in a normalized image: nothing a glyph could be made of.
BLANK_PAGE_INK = 12

RawWord = tuple[str, int, int, int, int, float]  # text, left, top, width, height, confidence


@dataclass(frozen=True)
class OcrWord:
    """One word Tesseract read, with its box on the original-resolution image."""

    text: str
    box: Box
    conf: float  # 0-100
    pass_name: str = ""


class OcrEngine(Protocol):
    name: str

    def version(self) -> str: ...

    def read(self, pixels: np.ndarray, timeout: float) -> list[RawWord]: ...


class TesseractCli:
    """The ``tesseract`` program, one process per pass (pytesseract)."""

    name = "cli"

    def __init__(self) -> None:
        try:
            import pytesseract
        except ImportError:
            raise OcrUnavailableError("pytesseract is not installed; pip install pytesseract") from None
        try:
            self._version = str(pytesseract.get_tesseract_version())
        except Exception as e:  # TesseractNotFoundError, OSError, ...
            raise OcrUnavailableError(
                f"Tesseract OCR is not available ({type(e).__name__}); images cannot be checked, so nothing "
                f"is returned. {INSTALL_HINT}") from None

    def version(self) -> str:
        return self._version

    def read(self, pixels: np.ndarray, timeout: float) -> list[RawWord]:
        import pytesseract

        # One OpenMP thread per Tesseract: we run passes side by side instead (faster on few cores).
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        try:
            data = pytesseract.image_to_data(
                Image.fromarray(pixels), config=TESSERACT_CONFIG, output_type=pytesseract.Output.DICT,
                timeout=timeout)
        except RuntimeError as e:
            if "timeout" in str(e).lower():
                raise OcrUnavailableError(f"OCR timed out after {timeout:g}s; image not checked") from None
            raise OcrUnavailableError(f"OCR failed ({type(e).__name__}); image not checked") from None
        except Exception as e:  # TesseractError, OSError...: never pass an unchecked image
            raise OcrUnavailableError(f"OCR failed ({type(e).__name__}); image not checked") from None
        return [(t, left, top, w, h, float(c)) for t, left, top, w, h, c in zip(
            data["text"], data["left"], data["top"], data["width"], data["height"], data["conf"])]


class TesseractInProcess:
    """Tesseract's C++ API through tesserocr, engines kept loaded (see tesseract_api.py)."""

    name = "api"

    def __init__(self) -> None:
        try:
            import tesserocr  # noqa: F401
        except ImportError:
            raise OcrUnavailableError("tesserocr is not installed; pip install tesserocr") from None
        from .tesseract_api import TesseractApi, tessdata_dir

        folder = tessdata_dir()
        if folder is None:
            raise OcrUnavailableError(f"Tesseract's English model (eng.traineddata) was not found; {INSTALL_HINT} "
                                      "or set TESSDATA_PREFIX")
        self._api = TesseractApi(PSM_SPARSE_TEXT, folder)

    def version(self) -> str:
        return self._api.version()

    def read(self, pixels: np.ndarray, timeout: float) -> list[RawWord]:
        return self._api.read(pixels, timeout)


@functools.lru_cache(maxsize=None)
def ocr_engine(backend: str = "auto") -> OcrEngine:
    """The OCR engine for ``backend``, loaded once; raise :class:`OcrUnavailableError` if none works."""
    if backend == "api":
        return TesseractInProcess()
    if backend == "cli":
        return TesseractCli()
    if backend != "auto":
        raise ValueError(f"ocr_backend must be one of {OCR_BACKENDS}")
    try:
        return TesseractInProcess()
    except OcrUnavailableError:
        return TesseractCli()


def tesseract_version(backend: str = "auto") -> str:
    """Check that Tesseract runs (raise :class:`OcrUnavailableError` otherwise); its version."""
    return ocr_engine(backend).version()


def read_words(img: OcrImage, timeout: float, backend: str = "auto") -> list[OcrWord]:
    """OCR one preprocessed image; boxes are mapped back to original pixels."""
    engine = ocr_engine(backend)
    if img.name == "norm" and np.count_nonzero(img.pixels < 128) < BLANK_PAGE_INK:
        # The normalized rendering is all paper (no pixel stands out from its background): this
        # is the image Tesseract would read, and it holds no glyph, so nothing is read.
        return []
    words: list[OcrWord] = []
    s = img.scale
    h_img, w_img = img.pixels.shape[:2]
    for text, left, top, width, height, conf in engine.read(img.pixels, timeout):
        t = (text or "").strip()
        if not t:
            continue
        l0, t0 = int(np.floor(left / s)), int(np.floor(top / s))
        r0 = int(np.ceil(min(left + width, w_img) / s))
        b0 = int(np.ceil(min(top + height, h_img) / s))
        words.append(OcrWord(t, (l0, t0, max(1, r0 - l0), max(1, b0 - t0)), float(conf), img.name))
    return words
