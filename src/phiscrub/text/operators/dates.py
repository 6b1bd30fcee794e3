"""Date operators: ``shift_dates`` (one offset per document or per key, keeps intervals and each
date's format) and Safe Harbor's year-only rule."""

from __future__ import annotations

from datetime import timedelta
from typing import Optional

from ..dateparse import parse_date


def shift_date(original: str, offset_days: int) -> Optional[str]:
    """``original`` moved by ``offset_days``, in its own format; None when it cannot be parsed."""
    p = parse_date(original)
    if p is None:
        return None
    try:
        return p.render(p.value + timedelta(days=offset_days))
    except OverflowError:
        return None


def year_only(original: str) -> Optional[str]:
    """Safe Harbor keeps the year of a date; None when the date carries no year."""
    p = parse_date(original)
    if p is None or not p.has_year:
        return None
    return f"{p.value.year:04d}"
