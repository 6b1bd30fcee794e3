"""Dates in every form clinicians write them. Years alone, times of day and clinical ratios
(``BP 120/80``, ``pain 7/10``, ``5/5 strength``, ``2/6 murmur``) are not dates."""

from __future__ import annotations

import re
from typing import Optional

from ... import entities as E
from .base import RegexRecognizer, after, before, rule

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
MONTH_DOT = MONTH + r"\.?"
WEEKDAY = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
ORD = r"(?:st|nd|rd|th)"
YEAR4 = r"(?:1[89]\d\d|20\d\d)"
YEAR = r"(?:'?\d\d|" + YEAR4 + r")"
MON_NUM = r"(?:0?[1-9]|1[0-2])"
TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?:\s?[ap]\.?m\.?)?)"
WD_PREFIX = r"(?:" + WEEKDAY + r",?\s+)?"

_RATIO_BEFORE = re.compile(r"(?:\bbp|\bb/p|blood pressure|pain|scale|ratio|score|rated|strength|motor|power|grade|murmur|"
                           r"\bsats?|\bgcs|\bapgar|\bx|\bi/o|\bfev1?/fvc|\bvs)\W{0,3}(?:\w+\W{1,3}){0,1}$")
_RATIO_AFTER = re.compile(r"^\s*(?:pain|strength|murmur|systolic|diastolic|holosystolic|tab|tabs|tablet|of\b|"
                          r"dose|doses|ns\b|mmhg|scale|power|motor|bilat|sec\b)")


def _numeric_date(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    s = m.group("v")
    start, end = m.span("v")
    # Not part of a longer number/fraction chain such as 1/2/3/4 or 120/80/60.
    if start > 0 and (text[start - 1].isdigit() or text[start - 1] in "/.") or end < len(text) and text[end:end + 1] in ("/",):
        return None
    if end < len(text) and text[end:end + 1].isdigit():
        return None
    sep = "/" if "/" in s else ("-" if "-" in s else ".")
    parts = s.split(sep)
    if len(parts) == 2:  # m/d or m/yyyy: only with slash or dash
        a, b = parts
        if sep == ".":
            return None  # 3.9, 1.25: numbers, not dates
        if len(b) == 4:  # 03/2024
            return score if 1 <= int(a) <= 12 else None
        if not (1 <= int(a) <= 12 and 1 <= int(b) <= 31):
            return None
        if _RATIO_BEFORE.search(before(text, start, 25)) or _RATIO_AFTER.search(after(text, end, 15)):
            return None
        if b == "10" and re.search(r"pain|rat|scale|/10", before(text, start, 30) + after(text, end, 12)):
            return None
        return score * (0.8 if len(a) + len(b) <= 3 else 1.0)
    a, b = int(parts[0]), int(parts[1])
    if not (1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)):
        return None
    if sep == "." and re.match(r"^\s*(?:mg|ml|mcg|g\b|kg|mm|cm|%)", after(text, end, 6)):
        return None
    return score


def _named_date(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    s = m.group("v")
    # "may" is a verb far more often than a month: need a day/year next to it or a capital M.
    if re.fullmatch(r"may\s+(?:\d{1,2}|\d{4})", s.strip()):
        # lower-case "may 30": a date after "on"/"appt"/"since"/"until", else "may" the verb
        if not re.search(r"\d{4}", s) and not re.search(r"(?:\bon|appt|appointment|since|until|till|by|from|dob|date|due|scheduled|before|after)\W*$", before(text, m.start("v"), 20)):
            return None
    if re.match(r"(?i)^mar\b", s) and re.search(r"\bmar\s+\d{1,2}(?!\d)", s, re.I) is None:
        return None
    return score


class ClinicalDateRecognizer(RegexRecognizer):
    ENTITIES = (E.DATE,)
    CONTEXT = ("dob", "date", "born", "admitted", "discharged", "seen", "visit", "on", "dated", "d.o.b")
    RULES = (
        # 2024-03-03, 2024/03/03, 2024-03-03T10:15, 20240303 with a label
        rule("iso", r"(?<![\d-])(?P<v>" + YEAR4 + r"[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])" + TIME + r"?)(?![\d])", E.DATE, 0.95),
        rule("compact", r"(?:dob|date|d\.o\.b\.?|born|dos|doa|dod)\W{0,4}(?P<v>(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))\b", E.DATE, 0.9),
        # 3/14/2024, 03-14-24, 14.03.2024, Tuesday 3/5, 7/22, 03/2024
        rule("numeric", WD_PREFIX + r"(?P<v>\d{1,2}[/\-.]\d{1,2}[/\-.](?:\d{4}|\d{2})" + TIME + r"?)", E.DATE, 0.9, _numeric_date),
        rule("numeric_short", WD_PREFIX + r"(?<![\d/.])(?P<v>\d{1,2}[/\-]\d{1,2}|\d{1,2}/\d{4})(?![\d/])", E.DATE, 0.6, _numeric_date),
        # March 3rd, Mar 3, 2024, March 3 2024, Sept. 3rd, Tuesday, March 5
        rule("month_day", r"\b(?P<v>" + WD_PREFIX + MONTH_DOT + r"\s+" + DAY + ORD + r"?\b(?:,?\s+" + YEAR4 + r"\b)?(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?)?)", E.DATE, 0.85, _named_date),
        # 3rd of March (2024), 3 March 2024, 03-Mar-2024, 3-MAR-24, 3Mar2024
        rule("day_month", r"\b(?P<v>" + WD_PREFIX + DAY + ORD + r"?(?:\s+of)?[\s\-/]?" + MONTH_DOT + r"(?:[\s\-,/]+" + YEAR + r")?)\b(?![-/]\d)", E.DATE, 0.85, _named_date),
        # Oct-20-2025, Apr/9/2024, MAR.3.2024
        rule("mon_day_year", r"\b(?P<v>" + MONTH_DOT + r"[\-/.]" + DAY + r"[\-/.,]\s?" + YEAR + r")\b", E.DATE, 0.9),
        # April the 17th, the 21st of April
        rule("month_the_day", r"\b(?P<v>" + MONTH_DOT + r"\s+the\s+" + DAY + ORD + r"?(?:,?\s+" + YEAR4 + r")?)\b", E.DATE, 0.85),
        rule("the_day_of_month", r"\b(?P<v>the\s+" + DAY + ORD + r"\s+of\s+" + MONTH_DOT + r"(?:,?\s+" + YEAR4 + r")?)\b", E.DATE, 0.85),
        # Dec '15, Jun '18
        rule("month_apos_year", r"\b(?P<v>" + MONTH_DOT + r"\s*['’]\d{2})\b", E.DATE, 0.85),
        # March 2024, Mar-2024, March of 2024
        rule("month_year", r"\b(?P<v>" + MONTH_DOT + r"(?:\s+of)?[\s\-,]+" + YEAR4 + r")\b", E.DATE, 0.75, _named_date),
        # Weekday alone is a date element when it names the visit day ("seen Tuesday")? Too noisy: skipped.
    )
