"""Realistic fake values of the same shape, consistent under a key: the same original always
maps to the same surrogate, and a surname alone maps like the surname inside a full name."""

from __future__ import annotations

import re
import string
from typing import Callable

from faker import Faker

from ... import entities as E
from ..lexicons import load_lexicons
from .keyed import KeyedRandom

_FAKER = Faker("en_US")
_NAME_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’]*")


def _match_case(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old.islower():
        return new.lower()
    return new


def _faker(kr: KeyedRandom, label: str) -> Faker:
    _FAKER.seed_instance(int.from_bytes(kr.digest(label)[:8], "big"))
    return _FAKER


def _shape(value: str, kr: KeyedRandom, label: str) -> str:
    """Same layout: digits → digits, letters → letters of the same case, the rest kept."""
    rng = kr.rng(label)
    out = []
    for i, c in enumerate(value):
        if c.isdigit():
            # A leading zero would make some IDs look malformed; keep the first digit non-zero.
            out.append(str(rng.randint(1 if i == 0 else 0, 9)))
        elif c.isalpha() and c.isascii():
            letters = string.ascii_uppercase if c.isupper() else string.ascii_lowercase
            out.append(rng.choice(letters))
        else:
            out.append(c)
    new = "".join(out)
    return new if new != value else _shape(value, kr, label + "'")


class Surrogates:
    """Per-run surrogate maker; caches so repeated originals are cheap and identical."""

    def __init__(self, kr: KeyedRandom) -> None:
        self.kr = kr
        self.cache: dict[tuple[str, str], str] = {}
        self.lex = load_lexicons()

    def __call__(self, entity: str, original: str) -> str:
        key = (entity, original)
        if key not in self.cache:
            make = self._makers().get(entity, self._generic)
            self.cache[key] = make(original)
        return self.cache[key]

    def _makers(self) -> dict[str, Callable[[str], str]]:
        return {
            E.NAME: self.name,
            E.EMAIL: lambda v: _faker(self.kr, "email:" + v.lower()).free_email(),
            E.URL: lambda v: _faker(self.kr, "url:" + v.lower()).url().rstrip("/"),
            E.LOCATION: self.location,
            E.STREET_ADDRESS: lambda v: _match_case(_faker(self.kr, "addr:" + v.lower()).street_address(), v),
            E.AGE_OVER_89: lambda v: "90+",
            E.IP: self.ip,
            E.SSN: self.ssn,
        }

    def name_token(self, token: str) -> str:
        low = token.lower().strip("'’")
        if len(low) == 1:  # an initial
            return _match_case(self.kr.rng("initial:" + low).choice(string.ascii_uppercase), token)
        is_first = low in self.lex.top_first or (low in self.lex.first_names and low not in self.lex.top_last)
        for attempt in range(5):
            f = _faker(self.kr, f"name:{low}:{attempt}")
            new = f.first_name() if is_first else f.last_name()
            if new.lower() != low:
                return _match_case(new, token)
        return _match_case("Doe", token)

    def name(self, original: str) -> str:
        # Token by token, so "Smith" alone and "John Smith" share the surname's surrogate.
        return _NAME_TOKEN.sub(lambda m: self.name_token(m.group()), original)

    def location(self, original: str) -> str:
        f = _faker(self.kr, "loc:" + original.lower())
        words = original.split()
        facility = re.search(r"(?i)\b(hospital|medical center|clinic|health\w*|center|infirmary|hospice|memorial)\b.*$", original)
        if facility and facility.start() > 0:
            return _match_case(f.last_name() + " " + facility.group(), original)
        return _match_case(f.city(), original) if words else original

    def ip(self, original: str) -> str:
        rng = self.kr.rng("ip:" + original)
        if ":" in original:
            return ":".join(f"{rng.randint(0, 0xFFFF):x}" for _ in range(8))
        return "10." + ".".join(str(rng.randint(0, 255)) for _ in range(3))

    def ssn(self, original: str) -> str:
        rng = self.kr.rng("ssn:" + original)
        sep = "-" if "-" in original else ("" if re.fullmatch(r"\d{9}", original) else " ")
        area = rng.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}{sep}{rng.randint(1, 99):02d}{sep}{rng.randint(1, 9999):04d}"

    def _generic(self, original: str) -> str:
        return _shape(original, self.kr, "shape:" + original)
