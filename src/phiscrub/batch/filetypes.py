"""What kind of file a path is, so each file goes to the scrubber that understands it.

Unknown kinds are never copied: a file phiscrub cannot check ends as FAILED (fail closed).
Hidden files (``.DS_Store``, editor swap files) and OS clutter are ignored, never copied.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path


class FileKind(str, Enum):
    TEXT = "text"
    DELIMITED = "delimited"  # CSV / TSV: scrubbed cell by cell
    JSONL = "jsonl"  # one JSON object per line: scrubbed value by value
    IMAGE = "image"
    DICOM = "dicom"
    UNSUPPORTED = "unsupported"


TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
DELIMITERS = {".csv": ",", ".tsv": "\t"}
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"})
DICOM_SUFFIXES = frozenset({".dcm", ".dicom"})
IGNORED_NAMES = frozenset({"Thumbs.db", "desktop.ini", "Icon\r"})

_DICOM_MAGIC_OFFSET = 128


def is_ignored(name: str) -> bool:
    """Hidden files and folders and OS clutter: skipped by the walk, never written."""
    return name.startswith(".") or name in IGNORED_NAMES


def classify(path: str | Path) -> FileKind:
    """The kind of ``path``, by suffix; files without a known suffix are sniffed for DICOM."""
    suffix = Path(path).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return FileKind.TEXT
    if suffix in DELIMITERS:
        return FileKind.DELIMITED
    if suffix in JSONL_SUFFIXES:
        return FileKind.JSONL
    if suffix in IMAGE_SUFFIXES:
        return FileKind.IMAGE
    if suffix in DICOM_SUFFIXES:
        return FileKind.DICOM
    try:  # DICOM files from PACS exports often have no suffix at all (or a UID as suffix)
        with open(path, "rb") as fh:
            head = fh.read(_DICOM_MAGIC_OFFSET + 4)
    except OSError:
        return FileKind.UNSUPPORTED
    if head[_DICOM_MAGIC_OFFSET:_DICOM_MAGIC_OFFSET + 4] == b"DICM":
        return FileKind.DICOM
    return FileKind.UNSUPPORTED
