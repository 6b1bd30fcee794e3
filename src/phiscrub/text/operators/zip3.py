"""Safe Harbor's ZIP rule: keep the first three digits, unless the three-digit area holds
20,000 people or fewer (the restricted prefixes, 2000 Census), which become ``000``."""

from __future__ import annotations

import re
from typing import Optional

RESTRICTED_ZIP3 = frozenset({"036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831",
                             "878", "879", "884", "890", "893"})


def zip3(original: str) -> Optional[str]:
    m = re.match(r"\s*(\d{3})", original)
    if not m:
        return None
    p = m.group(1)
    return "000" if p in RESTRICTED_ZIP3 else p
