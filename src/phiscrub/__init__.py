"""phiscrub: remove protected health information from clinical text and medical images, offline.

    >>> from phiscrub import scrub
    >>> scrub("Pt John SMITH (MRN 00482913) seen 3/14/2024.").text
    'Pt [NAME] (MRN [MRN]) seen [DATE].'
"""

from .api import iter_scrub_many, scrub, scrub_file, scrub_many
from .batch import scrub_files
from .errors import (
    CorruptInputError,
    ModelNotAvailableError,
    OcrUnavailableError,
    PhiscrubError,
    PolicyError,
    UnsupportedInputError,
)
from .findings import Finding, TextResult
from .policy import Policy
from .version import __version__

__all__ = [
    "scrub", "scrub_many", "iter_scrub_many", "scrub_file", "scrub_files", "Policy", "Finding", "TextResult",
    "PhiscrubError", "PolicyError", "ModelNotAvailableError", "OcrUnavailableError",
    "UnsupportedInputError", "CorruptInputError", "__version__",
]


def __getattr__(name: str):  # ImageResult lives with the image code, imported on demand
    if name == "ImageResult":
        from .image import ImageResult

        return ImageResult
    raise AttributeError(name)
