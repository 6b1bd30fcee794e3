"""Turning any frame into images Tesseract reads well.

Tesseract reads dark text on a light background best. Overlays on medical images are often
light-on-dark, small, low-contrast and mixed with dark-on-light regions in the same picture, so
instead of picking one polarity per image (as Presidio does) we estimate the local background
with a wide median filter and keep only each pixel's *distance* from it: text of either polarity,
and faint text, comes out dark on white in a single image.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

#: Images whose shorter side is below this are upscaled 2x: overlay text on radiographs and
#: screenshots up to ~1280 px is 9-20 px high, where Tesseract misreads digits (01 → 61).
UPSCALE_BELOW = 1300


@dataclass(frozen=True)
class OcrImage:
    """A grayscale image ready for OCR and the factor it was scaled by (OCR boxes divide by it)."""

    pixels: np.ndarray  # uint8, 2-D
    scale: float
    name: str  # "norm", "gray", "inverted" (for stats only)


def to_gray8(im: Image.Image) -> np.ndarray:
    """Any mode → 8-bit grayscale; 16/32-bit images are stretched over their used range.

    Alpha is ignored on purpose: pixels under a transparent area are still in the file.
    """
    if im.mode in ("I;16", "I", "F"):
        a = np.asarray(im, dtype=np.float64)
        lo, hi = np.percentile(a, 0.5), np.percentile(a, 99.5)
        if hi <= lo:
            lo, hi = float(a.min()), float(a.max()) or 1.0
        return np.clip((a - lo) * (255.0 / max(hi - lo, 1e-9)), 0, 255).astype(np.uint8)
    if im.mode == "L":
        return np.asarray(im, dtype=np.uint8)
    rgb = np.asarray(im.convert("RGB") if im.mode not in ("RGB", "RGBA") else im)[..., :3]
    # Max of channels instead of luminance: yellow or cyan text on black keeps full contrast.
    r, g, b = cv2.split(np.ascontiguousarray(rgb))
    lum = cv2.cvtColor(cv2.merge((r, g, b)), cv2.COLOR_RGB2GRAY)
    brightest = cv2.max(cv2.max(r, g), b)
    return cv2.max(lum, cv2.add(brightest >> 1, lum >> 1))


def scale_for(gray: np.ndarray) -> float:
    return 2.0 if min(gray.shape[:2]) < UPSCALE_BELOW else 1.0


def _kernel(size: int) -> int:
    k = max(15, int(size * 0.04)) | 1
    return min(k, 101)


def normalized(gray: np.ndarray, scale: float) -> np.ndarray:
    """Distance of each pixel from its local background, as dark-on-white text."""
    g = gray
    if scale != 1.0:
        g = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    # Median on a 4x smaller copy, then upsampled: same background estimate, ~16x cheaper.
    small = cv2.resize(g, (max(1, g.shape[1] // 4), max(1, g.shape[0] // 4)), interpolation=cv2.INTER_AREA)
    bg_small = cv2.medianBlur(small, _kernel(min(small.shape) * 4) // 4 | 1)
    bg = cv2.resize(bg_small, (g.shape[1], g.shape[0]), interpolation=cv2.INTER_LINEAR)
    d = cv2.absdiff(g, bg)
    # Noise floor: sensor noise and anatomy texture sit below it, so Tesseract sees clean paper
    # (speckle made it both slower and wrong). Above the floor a 50-level step is full black.
    floor = max(8, int(percentile_u8(d, 75) * 2.5))
    # Same as 255 - clip((d - floor) * 5, 0, 255), as one table lookup.
    table = (255 - np.clip((np.arange(256, dtype=np.int32) - floor) * 5, 0, 255)).astype(np.uint8)
    return cv2.LUT(d, table)


def percentile_u8(a: np.ndarray, q: float) -> float:
    """``np.percentile(a, q)`` (linear interpolation) for uint8 data, from a histogram: no sort."""
    if a.size < 2**24:  # calcHist counts in float32: exact below 2^24 pixels, and much faster
        counts = cv2.calcHist([np.ascontiguousarray(a, dtype=np.uint8)], [0], None, [256], [0, 256]).ravel()
    else:
        counts = np.bincount(a.ravel(), minlength=256)
    cum = np.cumsum(counts.astype(np.int64))
    rank = q / 100.0 * (cum[-1] - 1)
    lo = int(rank)
    v_lo = int(np.searchsorted(cum, lo, side="right"))
    v_hi = int(np.searchsorted(cum, lo + 1, side="right")) if lo + 1 < cum[-1] else v_lo
    return v_lo + (rank - lo) * (v_hi - v_lo)


def ocr_images(gray: np.ndarray, passes: tuple[str, ...], blank: np.ndarray | None = None) -> list[OcrImage]:
    """The preprocessed images for each named OCR pass; pixels where ``blank`` is True become paper."""
    scale = scale_for(gray)
    out: list[OcrImage] = []
    for p in passes:
        if p == "norm":
            out.append(OcrImage(normalized(gray, scale), scale, p))
        elif p in ("gray", "inverted"):
            # Native resolution: this pass is for large dark-on-light text (labels, toolbars),
            # whose thick glyphs the background estimate of "norm" can hollow out.
            g = gray if p == "gray" else 255 - gray
            out.append(OcrImage(np.array(g, dtype=np.uint8), 1.0, p))  # a copy: blanking writes to it
        else:
            raise ValueError(f"unknown OCR pass {p!r}")
    if blank is not None and blank.any():
        for img in out:
            big = cv2.resize(blank.astype(np.uint8), (img.pixels.shape[1], img.pixels.shape[0]),
                             interpolation=cv2.INTER_NEAREST).astype(bool)
            img.pixels[big] = 255
    return out
