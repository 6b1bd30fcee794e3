"""Barcodes and QR codes (wristbands, labels, requisitions) found with zxing-cpp; they are identifiers."""

from __future__ import annotations

import numpy as np

from ..findings import Box


def detect_barcodes(gray: np.ndarray) -> list[Box]:
    """Boxes of every decodable 1-D or 2-D code, either polarity, any rotation."""
    import zxingcpp

    boxes: list[Box] = []
    for code in zxingcpp.read_barcodes(np.ascontiguousarray(gray), try_rotate=True, try_invert=True):
        p = code.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        left, top = min(xs), min(ys)
        w, h = max(xs) - left, max(ys) - top
        # 1-D codes report a thin line through the bars: grow to a band; quiet zone margin for all.
        if h < w * 0.2:
            grow = max(int(w * 0.3), 10)
            top, h = top - grow, h + 2 * grow
        m = max(4, int(0.08 * max(w, h)))
        boxes.append((int(left - m), int(top - m), int(w + 2 * m), int(h + 2 * m)))
    return boxes
