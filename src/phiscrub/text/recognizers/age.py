"""Ages over 89 (Safe Harbor aggregates them as 90+). Ages up to 89 are not identifiers."""

from __future__ import annotations

import re
from typing import Optional

from ... import entities as E
from .base import RegexRecognizer, rule

AGE = r"(?P<v>(?:9\d|1[0-2]\d)(?:\.\d)?)"


def _over_89(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    return score if 89 < float(m.group("v")) < 130 else None


class AgeRecognizer(RegexRecognizer):
    ENTITIES = (E.AGE_OVER_89,)
    CONTEXT = ("age", "aged", "yo", "year old", "years old", "y/o")
    RULES = (
        # 92 yo, 92 y/o, 92-year-old, 92 years old, 92 yr old, 92yo, 92 y.o.
        rule("years_old", r"(?<![\d.])" + AGE + r"\s*-?\s*(?:yo\b|y/o\b|y\.o\.?|yr?s?\.?\s*-?\s*old|years?\s*-?\s*old|year-old|yrs?\b|y\b(?!/))",
             E.AGE_OVER_89, 0.95, _over_89),
        # 92M, 92 F, 92 yo M
        rule("sex", r"(?<![\d.\-/:])" + AGE + r"\s?(?:m|f|male|female|man|woman|yom|yof|wm|wf|bm|bf)\b", E.AGE_OVER_89, 0.85, _over_89),
        # age 92, aged 92, age: 92, at the age of 92, Age/Sex: 92/F
        rule("labelled", r"\b(?:age[ds]?|age/sex|age/gender|at the age of)\s*[:=]?\s*(?:of\s*)?" + AGE + r"(?![\d.])", E.AGE_OVER_89, 0.95, _over_89),
        # ninety-one-year-old, one hundred four years old
        rule("spelled", r"\b(?P<v>(?:ninety(?:[\s\-](?:one|two|three|four|five|six|seven|eight|nine))?|one[\s\-]hundred(?:[\s\-](?:and[\s\-])?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty(?:[\s\-][a-z]+)?))?))"
             r"(?=[\s\-]*(?:years?|yrs?|yo\b|y/o))", E.AGE_OVER_89, 0.9),
        # in his 90s, nonagenarian, centenarian
        rule("decade", r"\b(?P<v>(?:in\s+(?:his|her|their)\s+)?(?:(?:early|mid|late)[\s\-]+)?(?:90|nine?ty)'?s|nonagenarian|centenarian|supercentenarian)\b",
             E.AGE_OVER_89, 0.85),
    )
