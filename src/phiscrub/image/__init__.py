"""Image de-identification (placeholder until the image path lands)."""

from __future__ import annotations

from typing import Any

from ..errors import UnsupportedInputError
from ..policy import Policy


def scrub_image(data: Any, policy: Policy) -> Any:
    raise UnsupportedInputError("image scrubbing is not implemented yet")
