"""Parsing a date span into a date plus its layout, so a shifted date is written back in the
same format (``03-Mar-2024`` stays ``DD-Mon-YYYY``, ``March 3rd`` stays ``Month Dth``)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Optional, Union

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})
_WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3})
_TOKEN = re.compile(r"\d+|[A-Za-z]+|.", re.S)
_NO_YEAR = 2000  # a leap year, so 2/29 without a year still parses


def _case(word: str, template: str) -> str:
    if template.isupper():
        return word.upper()
    if template.islower():
        return word.lower()
    return word.capitalize()


@dataclass(frozen=True)
class _Field:
    kind: str  # Y4 Y2 M D MON WD ORD
    width: int = 0  # zero-padded width for numbers
    style: str = ""  # for names: the original token (its case and length)


Part = Union[str, _Field]


@dataclass(frozen=True)
class ParsedDate:
    value: date
    has_year: bool
    has_day: bool
    parts: tuple[Part, ...]

    def render(self, d: date) -> str:
        out = []
        for p in self.parts:
            if isinstance(p, str):
                out.append(p)
            elif p.kind == "Y4":
                out.append(f"{d.year:04d}")
            elif p.kind == "Y2":
                out.append(f"{d.year % 100:02d}")
            elif p.kind == "M":
                out.append(f"{d.month:0{p.width}d}")
            elif p.kind == "D":
                out.append(f"{d.day:0{p.width}d}")
            elif p.kind == "ORD":
                suffix = "th" if 11 <= d.day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
                out.append(_case(suffix, p.style))
            elif p.kind == "MON":
                full = calendar.month_name[d.month]
                name = full if len(p.style) > 3 and p.style.lower() not in ("sept",) else calendar.month_abbr[d.month]
                out.append(_case(name, p.style))
            elif p.kind == "WD":
                full = calendar.day_name[d.weekday()]
                name = full if len(p.style) > 4 else calendar.day_abbr[d.weekday()]
                out.append(_case(name, p.style))
        return "".join(out)


def parse_date(s: str) -> Optional[ParsedDate]:
    """The date in ``s`` and its layout, or None when ``s`` is not a date we can rewrite."""
    toks = _TOKEN.findall(s)
    parts: list[Part] = []
    nums: list[tuple[int, str]] = []  # (index in parts, digits)
    month_name: Optional[int] = None
    in_time = False
    time_idx: set[int] = set()  # digits of a time of day: copied as they are
    for i, t in enumerate(toks):
        low = t.lower()
        if t in (":",) or (t.upper() == "T" and i > 0 and toks[i - 1].isdigit()):
            in_time = True
        if t.isdigit() and not in_time and not (i + 1 < len(toks) and toks[i + 1] == ":"):
            nums.append((len(parts), t))
            parts.append(t)
        elif t.isalpha() and low.rstrip(".") in _MONTHS and month_name is None:
            month_name = _MONTHS[low]
            parts.append(_Field("MON", style=t))
        elif t.isalpha() and low in _WEEKDAYS:
            parts.append(_Field("WD", style=t))
        elif t.isalpha() and low in ("st", "nd", "rd", "th") and i > 0 and toks[i - 1].isdigit():
            parts.append(_Field("ORD", style=t))
        else:
            if t.isdigit() and i + 1 < len(toks) and toks[i + 1] == ":":
                in_time = True
            if t.isdigit():
                time_idx.add(len(parts))
            parts.append(t)
    y = m = d = None
    roles: dict[int, str] = {}
    if month_name is not None:
        m = month_name
        for idx, digits in nums:
            v = int(digits)
            if len(digits) == 4 and y is None:
                y, roles[idx] = v, "Y4"
            elif d is None and 1 <= v <= 31 and len(digits) <= 2 and not (roles and y is not None and False):
                d, roles[idx] = v, "D"
            elif y is None and len(digits) == 2:
                y, roles[idx] = 2000 + v if v < 50 else 1900 + v, "Y2"
            else:
                return None
    else:
        vals = [(idx, digits, int(digits)) for idx, digits in nums]
        if len(vals) == 3:
            (i1, s1, a), (i2, s2, b), (i3, s3, c) = vals
            if len(s1) == 4:
                y, m, d = a, b, c
                roles = {i1: "Y4", i2: "M", i3: "D"}
            else:
                if a > 12:
                    d, m = a, b
                    roles = {i1: "D", i2: "M"}
                else:
                    m, d = a, b
                    roles = {i1: "M", i2: "D"}
                if len(s3) == 4:
                    y, roles[i3] = c, "Y4"
                elif len(s3) == 2:
                    y, roles[i3] = (2000 + c if c < 50 else 1900 + c), "Y2"
                else:
                    return None
        elif len(vals) == 2:
            (i1, s1, a), (i2, s2, b) = vals
            if len(s2) == 4:
                m, y = a, b
                roles = {i1: "M", i2: "Y4"}
            else:
                m, d = a, b
                roles = {i1: "M", i2: "D"}
        else:
            return None
    if m is None:
        return None
    has_year, has_day = y is not None, d is not None
    try:
        value = date(y if y is not None else _NO_YEAR, m, d if d is not None else 15)
    except ValueError:
        return None
    final: list[Part] = []
    for idx, p in enumerate(parts):
        role = roles.get(idx)
        if role is None:
            if isinstance(p, str) and p.isdigit() and idx not in time_idx:
                return None  # a number we could not place: refuse rather than guess
            final.append(p)
        elif role in ("Y4", "Y2"):
            final.append(_Field(role))
        else:
            final.append(_Field(role, width=len(p) if isinstance(p, str) and p.startswith("0") else 1))
    return ParsedDate(value, has_year, has_day, tuple(final))
