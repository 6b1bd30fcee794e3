"""`ImageResult`: the cleaned image (or DICOM dataset), what was found, and whether it was verified."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional

from PIL import Image

from ..atomic import atomic_path
from ..errors import PhiscrubError, UnsupportedInputError
from ..findings import Finding, count_entities

PASS = "PASS"
REVIEW = "REVIEW"

_FORMAT_BY_SUFFIX = {
    ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".tif": "TIFF", ".tiff": "TIFF",
    ".bmp": "BMP", ".webp": "WEBP", ".gif": "GIF", ".dcm": "DICOM", ".dicom": "DICOM",
}


@dataclass(frozen=True, eq=False)
class ImageResult:
    """A de-identified image.

    ``findings`` hold entity, pixel box (left, top, width, height) on the original-resolution
    image, score and source (``ocr``, ``face``, ``barcode``, ``metadata``, ``dicom-tag``); they never
    hold the identifier itself. ``removed_metadata`` lists field *names* only. ``status`` is
    ``PASS`` only when the redacted pixels were re-read and nothing identifying was left;
    otherwise ``REVIEW`` with the reasons (never content) in ``review_reasons``.
    """

    image: Image.Image
    findings: tuple[Finding, ...]
    removed_metadata: tuple[str, ...]
    status: str
    review_reasons: tuple[str, ...] = ()
    frames: tuple[Image.Image, ...] = ()
    format: str = "PNG"
    dicom: Optional[Any] = None  # the cleaned pydicom Dataset for DICOM input
    stats: Mapping[str, float] = field(default_factory=dict)  # timings and OCR pass counts
    source_path: Optional[Path] = None
    frame_durations: tuple[int, ...] = ()

    @property
    def entities(self) -> dict[str, int]:
        """Count of findings per entity type."""
        return count_entities(self.findings)

    def __repr__(self) -> str:
        return (f"ImageResult(status={self.status}, size={self.image.size}, frames={len(self.frames) or 1}, "
                f"findings={len(self.findings)}, removed_metadata={len(self.removed_metadata)})")

    def save(self, path: str | os.PathLike[str], format: Optional[str] = None) -> Path:
        """Write the clean image (all frames) or DICOM file atomically, with no metadata.

        Refuses to overwrite the input file. The file appears complete or not at all.
        """
        out = Path(path)
        fmt = (format or _FORMAT_BY_SUFFIX.get(out.suffix.lower()) or
               ("DICOM" if self.dicom is not None else self.format)).upper()
        if self.source_path is not None and out.exists() and out.resolve() == self.source_path.resolve():
            raise PhiscrubError(f"{out.name}: refusing to overwrite the input file")
        if fmt == "DICOM" and self.dicom is None:
            raise UnsupportedInputError(f"{out.name}: only DICOM input can be saved as DICOM")
        with atomic_path(out) as tmp:
            if fmt == "DICOM":
                from .dicom import write_dicom

                write_dicom(self.dicom, str(tmp))
            else:
                from .saving import write_image

                frames = list(self.frames) or [self.image]
                write_image(frames, str(tmp), fmt, self.frame_durations)
        return out
