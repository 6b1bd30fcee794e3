"""Exceptions. Messages name files, types and reasons, never the content being scrubbed."""

from __future__ import annotations


class PhiscrubError(Exception):
    """Base class: anything phiscrub raises on purpose."""


class PolicyError(PhiscrubError, ValueError):
    """A Policy field has a value phiscrub cannot use."""


class ModelNotAvailableError(PhiscrubError):
    """A spaCy model (or other model) is not installed; phiscrub never downloads at run time."""


class OcrUnavailableError(PhiscrubError):
    """Tesseract is missing or crashed: images cannot be checked, so nothing is returned."""


class UnsupportedInputError(PhiscrubError, TypeError):
    """The input is of a type or format phiscrub does not handle."""


class CorruptInputError(PhiscrubError, ValueError):
    """The input could not be decoded (truncated, corrupt, or a decompression bomb)."""
