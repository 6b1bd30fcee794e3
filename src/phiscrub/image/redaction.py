"""Covering boxes on the original-resolution pixels: solid box, blur or pixelate."""

from __future__ import annotations

from typing import Iterable

import cv2
import numpy as np
from PIL import Image

from ..findings import Box


def clip_box(box: Box, size: tuple[int, int], pad: int = 0) -> Box | None:
    """``box`` grown by ``pad`` and clipped to an image of ``size`` (w, h); None if empty."""
    w, h = size
    left, top = max(0, box[0] - pad), max(0, box[1] - pad)
    right, bottom = min(w, box[0] + box[2] + pad), min(h, box[1] + box[3] + pad)
    if right <= left or bottom <= top:
        return None
    return (left, top, right - left, bottom - top)


def fill_value(im: Image.Image, color: tuple[int, int, int]) -> np.ndarray | float:
    """The policy colour expressed in the image's own mode (grey level for L and 16-bit)."""
    lum = (299 * color[0] + 587 * color[1] + 114 * color[2]) / 1000.0
    if im.mode == "L":
        return round(lum)
    if im.mode in ("I;16", "I"):
        a = np.asarray(im)
        hi = 65535 if im.mode == "I;16" else max(int(a.max()), 1)
        return round(lum / 255.0 * hi)
    if im.mode == "RGBA":
        return np.array([*color, 255])
    return np.array(color)


def redact(im: Image.Image, boxes: Iterable[Box], style: str, color: tuple[int, int, int], pad: int) -> Image.Image:
    """A copy of ``im`` with every box covered. Boxes are grown by ``pad`` and clipped."""
    arr = np.array(im)  # copy; keeps dtype (uint8, uint16, int32) and channels
    value = fill_value(im, color)
    for box in boxes:
        b = clip_box(box, im.size, pad)
        if b is None:
            continue
        x, y, w, h = b
        region = arr[y:y + h, x:x + w]
        if style == "box":
            region[...] = value
        elif style == "pixelate":
            block = max(4, min(w, h) // 2)
            small = cv2.resize(region, (max(1, w // block), max(1, h // block)), interpolation=cv2.INTER_AREA)
            region[...] = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST).reshape(region.shape)
        elif style == "blur":
            k = max(3, (min(w, h) // 2) | 1)
            blurred = cv2.GaussianBlur(region.astype(np.float32), (k * 2 + 1, k * 2 + 1), k)
            region[...] = blurred.astype(arr.dtype).reshape(region.shape)
        else:
            raise ValueError(f"unknown redaction style {style!r}")
    return Image.fromarray(arr)  # same dtype and channels → same mode


def coverage(mask: np.ndarray, box: Box) -> float:
    """Share of ``box`` inside the boolean ``mask`` (True = covered)."""
    x, y, w, h = box
    region = mask[max(0, y):y + h, max(0, x):x + w]
    return float(region.mean()) if region.size else 1.0


def mask_of(size: tuple[int, int], boxes: Iterable[Box], pad: int) -> np.ndarray:
    mask = np.zeros((size[1], size[0]), dtype=bool)
    for box in boxes:
        b = clip_box(box, size, pad)
        if b is not None:
            mask[b[1]:b[1] + b[3], b[0]:b[0] + b[2]] = True
    return mask
