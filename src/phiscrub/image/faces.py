"""Face detection with OpenCV's Haar cascades, which ship inside the opencv wheel (no download).

Limits (documented in docs/images.md): frontal faces, and profiles facing one side, of roughly
6% of the picture's shorter side and larger;
strongly rotated, occluded, very small or partly cropped faces can be missed. Boxes are grown
to include hair, ears and chin.
"""

from __future__ import annotations

import functools
import os
import threading

import cv2
import numpy as np

from ..errors import ModelNotAvailableError
from ..findings import Box

_lock = threading.Lock()
_CASCADES = ("haarcascade_frontalface_default.xml", "haarcascade_profileface.xml")


@functools.lru_cache(maxsize=1)
def _cascades() -> tuple[cv2.CascadeClassifier, ...]:
    out = []
    for name in _CASCADES:
        path = os.path.join(cv2.data.haarcascades, name)
        c = cv2.CascadeClassifier(path)
        if c.empty():
            raise ModelNotAvailableError(f"OpenCV face model {name} not found in the opencv package")
        out.append(c)
    return tuple(out)


def detect_faces(gray: np.ndarray) -> list[Box]:
    """Face boxes (left, top, width, height), grown by 20% on each side."""
    h, w = gray.shape[:2]
    scale = 1.0
    g = gray
    if max(h, w) > 512:  # cost grows with pixels; a face >= 6% of the picture stays >= 24 px
        scale = 512 / max(h, w)
        g = cv2.resize(gray, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    g = cv2.equalizeHist(g)
    min_side = max(20, int(min(g.shape) * 0.06))
    boxes: list[Box] = []
    with _lock:  # CascadeClassifier is not documented as thread-safe
        for i, cascade in enumerate(_cascades()):
            for img, flip in ((g, False),):
                found = cascade.detectMultiScale(img, scaleFactor=1.15, minNeighbors=6, minSize=(min_side, min_side))
                for (x, y, fw, fh) in (found if len(found) else []):
                    if flip:
                        x = img.shape[1] - x - fw
                    boxes.append((int(x), int(y), int(fw), int(fh)))
    out: list[Box] = []
    for (x, y, fw, fh) in boxes:
        x, y, fw, fh = (v / scale for v in (x, y, fw, fh))
        gx, gy = fw * 0.2, fh * 0.25
        out.append((int(x - gx), int(y - gy), int(fw + 2 * gx), int(fh + 2 * gy)))
    return out
