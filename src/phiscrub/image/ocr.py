"""Tesseract through pytesseract: word boxes on the original image, or an exception (fail closed)."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

import numpy as np
from PIL import Image

from ..errors import OcrUnavailableError
from ..findings import Box
from .preprocess import OcrImage

INSTALL_HINT = "install it with: sudo apt-get install -y tesseract-ocr"
# Page segmentation 11 ("sparse text"): overlays are scattered words, not paragraphs. No word
# dictionaries: identifiers are not dictionary words (correction can only hurt), and not loading
# them saves about a third of each Tesseract start-up (same text read on the benchmark images).
TESSERACT_CONFIG = "--psm 11 --oem 1 -c load_system_dawg=0 -c load_freq_dawg=0"


#: Fewer dark pixels than this in a normalized image: nothing a glyph could be made of.
BLANK_PAGE_INK = 12


@dataclass(frozen=True)
class OcrWord:
    """One word Tesseract read, with its box on the original-resolution image."""

    text: str
    box: Box
    conf: float  # 0-100
    pass_name: str = ""


@functools.lru_cache(maxsize=1)
def tesseract_version() -> str:
    """Check once that Tesseract runs; raise :class:`OcrUnavailableError` otherwise."""
    try:
        import pytesseract
    except ImportError:
        raise OcrUnavailableError("pytesseract is not installed; pip install pytesseract") from None
    try:
        return str(pytesseract.get_tesseract_version())
    except Exception as e:  # TesseractNotFoundError, OSError, ...
        raise OcrUnavailableError(
            f"Tesseract OCR is not available ({type(e).__name__}); images cannot be checked, so nothing "
            f"is returned. {INSTALL_HINT}") from None


def read_words(img: OcrImage, timeout: float) -> list[OcrWord]:
    """OCR one preprocessed image; boxes are mapped back to original pixels."""
    tesseract_version()
    if img.name == "norm" and np.count_nonzero(img.pixels < 128) < BLANK_PAGE_INK:
        # The normalized rendering is all paper (no pixel stands out from its background): this
        # is the image Tesseract would read, and it holds no glyph, so no process is started.
        return []
    import pytesseract

    # One OpenMP thread per Tesseract: we run passes side by side instead (faster on few cores).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data = pytesseract.image_to_data(
            Image.fromarray(img.pixels), config=TESSERACT_CONFIG, output_type=pytesseract.Output.DICT,
            timeout=timeout)
    except RuntimeError as e:
        if "timeout" in str(e).lower():
            raise OcrUnavailableError(f"OCR timed out after {timeout:g}s; image not checked") from None
        raise OcrUnavailableError(f"OCR failed ({type(e).__name__}); image not checked") from None
    except Exception as e:  # TesseractError, OSError...: never pass an unchecked image
        raise OcrUnavailableError(f"OCR failed ({type(e).__name__}); image not checked") from None
    words: list[OcrWord] = []
    s = img.scale
    h_img, w_img = img.pixels.shape[:2]
    for text, left, top, width, height, conf in zip(
        data["text"], data["left"], data["top"], data["width"], data["height"], data["conf"]
    ):
        t = (text or "").strip()
        if not t:
            continue
        l0, t0 = int(np.floor(left / s)), int(np.floor(top / s))
        r0 = int(np.ceil(min(left + width, w_img) / s))
        b0 = int(np.ceil(min(top + height, h_img) / s))
        words.append(OcrWord(t, (l0, t0, max(1, r0 - l0), max(1, b0 - t0)), float(conf), img.name))
    return words
