"""Image de-identification: burned-in text (OCR), faces, barcodes, metadata and DICOM headers.

    >>> from pathlib import Path
    >>> from phiscrub import scrub
    >>> result = scrub(Path("examples/images/radiograph.png"))
    >>> result.status, sorted(result.entities)          # doctest: +SKIP
    ('PASS', ['DATE', 'LOCATION', 'MRN', 'NAME'])
    >>> result.save("radiograph.clean.png")              # doctest: +SKIP
"""

from __future__ import annotations

from .dicom import UidRemapper
from .engine import scrub_image
from .result import PASS, REVIEW, ImageResult

__all__ = ["scrub_image", "ImageResult", "UidRemapper", "PASS", "REVIEW"]
