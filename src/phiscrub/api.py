"""`scrub()`: the one public entry point, dispatching on the input's type."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import UnsupportedInputError
from .findings import TextResult
from .policy import Policy


def _policy(policy: Policy | None, overrides: dict[str, Any]) -> Policy:
    policy = policy or Policy()
    return policy.with_(**overrides) if overrides else policy


def scrub(data: Any, policy: Policy | None = None, **overrides: Any) -> Any:
    """Remove PHI from ``data`` and report what was found.

    - ``str``: clinical text → :class:`TextResult`.
    - ``PIL.Image.Image``, ``bytes``/``bytearray``, a :class:`pathlib.Path` (or other
      ``os.PathLike``) to an image or DICOM file, or a ``pydicom.Dataset`` → ``ImageResult``.

    A plain ``str`` is always treated as text, never as a file name; pass ``Path(name)`` (or
    use :func:`scrub_file`) for files. Keyword arguments override fields of ``policy``, e.g.
    ``scrub(text, operator="surrogate", key="team-secret")``.
    """
    policy = _policy(policy, overrides)
    if isinstance(data, str):
        from .text import scrub_text

        return scrub_text(data, policy)
    if isinstance(data, (bytes, bytearray, memoryview, os.PathLike)) or _is_image_like(data):
        from .image import scrub_image

        return scrub_image(data, policy)
    raise UnsupportedInputError(
        f"scrub() takes str, PIL.Image.Image, bytes, pathlib.Path or pydicom.Dataset, "
        f"not {type(data).__name__}"
    )


def scrub_file(path: str | os.PathLike[str], policy: Policy | None = None, **overrides: Any) -> Any:
    """Scrub the image or DICOM file at ``path`` (for text files, read them and call scrub)."""
    return scrub(Path(path), policy, **overrides)


def scrub_many(texts: Iterable[str], policy: Policy | None = None, **overrides: Any) -> list[TextResult]:
    """Scrub many texts in one batched pass; each result equals ``scrub(text)``."""
    from .text import scrub_texts

    return list(scrub_texts(texts, _policy(policy, overrides)))


def iter_scrub_many(texts: Iterable[str], policy: Policy | None = None, **overrides: Any) -> Iterator[TextResult]:
    from .text import scrub_texts

    return scrub_texts(texts, _policy(policy, overrides))


def _is_image_like(data: Any) -> bool:
    mod = type(data).__module__ or ""
    return mod.startswith("PIL.") or mod.startswith("pydicom.")
