"""Telephone and fax numbers, e-mail addresses, URLs and IP addresses."""

from __future__ import annotations

import ipaddress
import re
from typing import Optional

from ... import entities as E
from .base import RegexRecognizer, before, rule

_FAX_CONTEXT = re.compile(r"(?:\bfax|\bfacsimile|\bf)\s*(?:no\.?|number|#)?\s*[:.]?\s*$")


def _phone(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    digits = re.sub(r"\D", "", m.group("v"))
    if len(digits) < 7 or len(digits) > 15:
        return None
    return score


class ClinicalPhoneRecognizer(RegexRecognizer):
    """US/Canada numbers in every common layout, international +CC numbers, and labelled
    numbers (``tel``, ``cell``, ``pager``). A number right after ``fax`` is a FAX."""

    ENTITIES = (E.PHONE, E.FAX)
    CONTEXT = ("phone", "tel", "telephone", "cell", "mobile", "call", "pager", "contact", "fax", "home", "work")
    _US = r"(?:\+?1[\s.\-]?)?(?:\(\s*\d{3}\s*\)\s*|\d{3}[\s.\-/])\d{3}[\s.\-]\d{4}(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?"
    RULES = (
        rule("us", r"(?<![\w+\-/.])(?P<v>" + _US + r")(?![\w\-/]|\.\d)", E.PHONE, 0.8, _phone),
        rule("local7", r"(?<![\w\-/.])(?P<v>\d{3}-\d{4})(?![\w\-/]|\.\d)", E.PHONE, 0.5, _phone),
        rule("intl", r"(?<![\w+])(?P<v>\+\d{1,3}(?:[\s.\-]?\(?\d{1,5}\)?){2,5})(?![\w\-])", E.PHONE, 0.75, _phone),
        rule("labelled", r"\b(?:ph(?:one)?|tel(?:ephone)?|cell(?:\s*phone)?|mobile|pager|beeper|home|work|contact|fax|call(?:\s+back)?(?:\s+at)?)\s*(?:no\.?|number|#)?\s*[:.#]?\s*"
             r"(?P<v>\(?\d[\d\s().\-]{5,16}\d)(?!\d)", E.PHONE, 0.7, _phone),
    )

    def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[override]
        out = super().analyze(text, entities, nlp_artifacts)
        for r in out:
            if _FAX_CONTEXT.search(before(text, r.start, 25)):
                r.entity_type = E.FAX
        return out


def _ip(text: str, m: "re.Match[str]", score: float) -> Optional[float]:
    v = m.group("v")
    try:
        ipaddress.ip_address(v)
    except ValueError:
        return None
    if ":" not in v:
        # version numbers and dotted section numbers look like IPv4 only rarely; require context or
        # a non-trivial address
        if v.startswith("0.") or v in ("0.0.0.0",):
            return None
    return score


class EmailUrlIpRecognizer(RegexRecognizer):
    ENTITIES = (E.EMAIL, E.URL, E.IP)
    CONTEXT = ("email", "e-mail", "url", "website", "portal", "ip", "address", "link")
    _TLD = r"(?:com|org|net|edu|gov|mil|int|io|co|us|uk|ca|au|de|fr|info|biz|health|care|app|me|ly|ai|nyc|md|med|hospital)"
    RULES = (
        rule("email", r"(?<![\w.+-])(?P<v>[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,24})\b", E.EMAIL, 0.95),
        rule("url", r"(?P<v>\b(?:https?|ftp)://[^\s<>\"')\]]+[^\s<>\"').,;:\]])", E.URL, 0.95),
        rule("www", r"(?<![\w@/.])(?P<v>www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/[^\s<>\"')\]]*[^\s<>\"').,;:\]])?)", E.URL, 0.9),
        rule("domain", r"(?<![\w@/.\-])(?P<v>[A-Za-z0-9][A-Za-z0-9\-]{1,62}(?:\.[A-Za-z0-9\-]{1,62})*\." + _TLD + r"(?:/[^\s<>\"')\]]*[^\s<>\"').,;:\]])?)(?![\w@.\-]*@)\b", E.URL, 0.6),
        rule("ipv4", r"(?<![\d.])(?P<v>(?:\d{1,3}\.){3}\d{1,3})(?![\d.]*\d)", E.IP, 0.85, _ip),
        rule("ipv6", r"(?<![\w:])(?P<v>(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4})?)(?![\w:])", E.IP, 0.8, _ip),
    )
