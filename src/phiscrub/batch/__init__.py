"""Batch scrubbing of files and folders: ``scrub_files`` and the ``phiscrub scrub`` command.

    >>> from phiscrub.batch import scrub_files
    >>> report = scrub_files(["cases/"], "out/", workers=2)      # doctest: +SKIP
    >>> report.passed, report.failed, report.entities             # doctest: +SKIP
"""

from __future__ import annotations

from .api import scrub_files
from .report import BatchReport, FileNote

__all__ = ["scrub_files", "BatchReport", "FileNote"]
