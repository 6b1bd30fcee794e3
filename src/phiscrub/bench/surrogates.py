"""Surrogate PHI for synthetic documents, in the surface forms clinicians actually type.

Honesty rule: names come from Faker across many locales, never from the lexicons phiscrub's
recognizers use (``names``, ``gender-guesser``), and formats are written from how people type
them, not copied from phiscrub's patterns, so the benchmark is not circular.

Every generator returns *pieces*: a list of ``(text, entity)`` where ``entity`` is ``None`` for
text around the identifier that is not PHI (a title, a label, punctuation).
"""

from __future__ import annotations

import datetime as _dt
import functools
import random
import string
import unicodedata
from dataclasses import dataclass

from .. import entities as E
from .corpus import AGE_UNDER_90, STATE, YEAR

Piece = tuple[str, "str | None"]
Pieces = list[Piece]

# Locales whose Faker person providers use Latin script; weights favour US English.
NAME_LOCALES: tuple[tuple[str, int], ...] = (
    ("en_US", 6), ("en_GB", 2), ("en_IE", 1), ("es_MX", 3), ("de_DE", 1), ("fr_FR", 1),
    ("it_IT", 1), ("en_IN", 2), ("pl_PL", 1), ("pt_BR", 1), ("nl_NL", 1), ("tr_TR", 1),
    ("sv_SE", 1), ("yo_NG", 1), ("sw", 1),
)
# Locales used for surnames only (their first-name providers are placeholders).
SURNAME_ONLY_LOCALES: tuple[str, ...] = ("vi_VN",)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
STATES = (("Alabama", "AL"), ("Arizona", "AZ"), ("California", "CA"), ("Colorado", "CO"),
          ("Florida", "FL"), ("Georgia", "GA"), ("Illinois", "IL"), ("Maryland", "MD"),
          ("Massachusetts", "MA"), ("Michigan", "MI"), ("Minnesota", "MN"), ("New York", "NY"),
          ("North Carolina", "NC"), ("Ohio", "OH"), ("Oregon", "OR"), ("Pennsylvania", "PA"),
          ("Texas", "TX"), ("Virginia", "VA"), ("Washington", "WA"), ("Wisconsin", "WI"))
# A few real towns and cities, to mix with Faker's invented ones.
REAL_CITIES = ("Springfield", "Catonsville", "Framingham", "Bethesda", "Yonkers", "Tacoma", "Waco",
               "Dearborn", "Scranton", "Boise", "Fresno", "Toledo", "Duluth", "Flagstaff", "Savannah",
               "Rochester", "Worcester", "Chula Vista", "Ann Arbor", "Lake Charles", "Hialeah", "Gary",
               "St. Cloud", "Eau Claire", "Fort Wayne", "Baton Rouge", "Cedar Rapids", "Pueblo")
HOSPITAL_PATTERNS = ("{city} General Hospital", "{city} Medical Center", "St. {saint} Hospital", "St. {saint}'s Hospital",
                     "{surname} Memorial Hospital", "Mercy Hospital of {city}", "{city} Regional Medical Center",
                     "{surname} Clinic", "{city} Community Hospital", "University Hospital of {city}",
                     "{surname} Rehabilitation Center", "{city} Nursing Home", "Our Lady of {saint} Hospital")
SAINTS = ("Mary", "Joseph", "Luke", "Vincent", "Anne", "Jude", "Elizabeth", "Agnes", "Clare", "Michael")
EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com",
                 "comcast.net", "protonmail.com")
NICKNAMES = ("Bob", "Bill", "Liz", "Peggy", "Chuck", "Kate", "Jim", "Sue", "Tony", "Maggie", "Hank", "Dot")


def _is_latin(name: str) -> bool:
    return all(
        (not ch.isalpha()) or "LATIN" in unicodedata.name(ch, "") for ch in name
    ) and bool(name.strip())


@functools.lru_cache(maxsize=None)
def _faker(locale: str):
    from faker import Faker

    return Faker(locale)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    middle_initial: str
    female: bool


class Surrogates:
    """Draws surrogate identifiers and their surface forms from one ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._locales = [loc for loc, w in NAME_LOCALES for _ in range(w)]

    # --- helpers --------------------------------------------------------------------
    def choice(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice(string.digits) for _ in range(n))

    def letters(self, n: int) -> str:
        return "".join(self.rng.choice(string.ascii_uppercase) for _ in range(n))

    def _fk(self, locale: str):
        fk = _faker(locale)
        fk.seed_instance(self.rng.getrandbits(48))
        return fk

    # --- names ----------------------------------------------------------------------
    def person(self) -> Person:
        for _ in range(20):
            loc = self.choice(self._locales)
            female = self.rng.random() < 0.5
            fk = self._fk(loc)
            first = fk.first_name_female() if female else fk.first_name_male()
            last_loc = loc if self.rng.random() < 0.8 else self.choice(self._locales + list(SURNAME_ONLY_LOCALES))
            last = self._fk(last_loc).last_name()
            if self.rng.random() < 0.08:  # double-barrelled / two-part surnames
                last = last + self.choice(["-", " "]) + self._fk(loc).last_name()
            if _is_latin(first) and _is_latin(last):
                return Person(first.split()[0], last, self.choice(string.ascii_uppercase), female)
        return Person("Alex", "Morgan", "J", False)  # pragma: no cover - Faker always yields Latin eventually

    def name(self, p: Person, role: str = "patient") -> Pieces:
        """A name in one of many written forms; titles and suffixes are not part of the span."""
        r = self.rng.random()
        N = E.NAME
        title = "Ms." if p.female else "Mr."
        if role == "doctor":
            forms: list[Pieces] = [
                [("Dr. ", None), (f"{p.first} {p.last}", N)],
                [("Dr. ", None), (p.last, N)],
                [("Dr ", None), (p.last, N)],
                [(f"{p.first} {p.last}", N), (", MD", None)],
                [(f"{p.first} {p.middle_initial}. {p.last}", N), (", M.D.", None)],
                [(f"{p.first[0]}. {p.last}", N), (", MD", None)],
                [("Dr. ", None), (f"{p.first[0]}. {p.last}", N)],
                [(f"{p.last}, {p.first}", N), (" MD", None)],
            ]
            return self.choice(forms)
        if role == "nurse":
            forms = [
                [(p.first, N)],
                [(f"{p.first} {p.last}", N), (", RN", None)],
                [(f"{p.first[0]}. {p.last}", N), (" RN", None)],
                [(f"{p.first} {p.last[0]}.", N), (", RN", None)],
            ]
            return self.choice(forms)
        forms = [
            [(f"{p.first} {p.last}", N)],
            [(f"{p.first} {p.middle_initial}. {p.last}", N)],
            [(f"{p.last}, {p.first}", N)],
            [(f"{p.last.upper()}, {p.first.upper()}", N)],
            [(f"{p.last}, {p.first} {p.middle_initial}", N)],
            [(title + " ", None), (p.last, N)],
            [(p.first, N)],
            [(f"{p.first[0]}.{p.middle_initial}. {p.last}", N)],
            [(f"{p.first[0]}{p.last[0]}", N)],  # initials, as in "pt JS"
            [(f"{p.first} {p.last}", N), (" Jr.", None)],
            [(f"{p.first} {p.last.upper()}", N)],
            [(f"{p.last.upper()} {p.first.upper()}", N)],
            [(f'{p.first} "{self.choice(NICKNAMES)}" {p.last}', N)],
        ]
        weights = [5, 2, 3, 2, 1, 4, 2, 1, 1, 1, 1, 1, 1]
        return self.rng.choices(forms, weights=weights, k=1)[0]

    def nickname(self) -> Pieces:
        return [(self.choice(NICKNAMES), E.NAME)]

    # --- dates and ages -------------------------------------------------------------
    def a_date(self, start_year: int = 1930, end_year: int = 2026) -> _dt.date:
        start = _dt.date(start_year, 1, 1).toordinal()
        end = _dt.date(end_year, 12, 28).toordinal()
        return _dt.date.fromordinal(self.rng.randint(start, end))

    def date(self, d: _dt.date | None = None) -> Pieces:
        """A date written as people write it: numeric, with month names, partial, ISO, military."""
        d = d or self.a_date(1990, 2026)
        m, dd, y = d.month, d.day, d.year
        mon = MONTHS[m - 1]
        ab = mon[:3]
        suffix = "th" if 11 <= dd <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th")
        forms = [
            f"{m}/{dd}/{y}", f"{m:02d}/{dd:02d}/{y}", f"{m}/{dd}/{y % 100:02d}", f"{m}-{dd}-{y}",
            f"{m:02d}-{dd:02d}-{y % 100:02d}", f"{y}-{m:02d}-{dd:02d}", f"{mon} {dd}, {y}", f"{ab} {dd}, {y}",
            f"{ab}. {dd}, {y}", f"{ab} {dd} {y}", f"{dd} {mon} {y}", f"{dd}-{ab}-{y}", f"{dd:02d}{ab.upper()}{y}",
            f"{mon} {dd}{suffix}", f"{ab} {dd}", f"{m}/{dd}", f"{mon} {y}", f"{m}/{y}", f"{m:02d}.{dd:02d}.{y}",
            f"{WEEKDAYS[d.weekday()]}, {mon} {dd}, {y}", f"the {dd}{suffix} of {mon}", f"{dd}/{ab}/{y}",
            f"{y}{m:02d}{dd:02d}", f"{mon.upper()} {dd}, {y}", f"{dd}.{m}.{y}",
            f"{dd}/{m}/{y}" if dd > 12 else f"{m}/{dd}/{y}", f"{ab} '{y % 100:02d}", f"{m}/{dd}/{y}@{self.time_of_day()}",
            f"{ab}-{dd}-{y}", f"{mon} the {dd}{suffix}",
        ]
        weights = [8, 6, 4, 2, 1, 4, 5, 3, 1, 1, 2, 2, 1, 2, 2, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
        text = self.rng.choices(forms, weights=weights, k=1)[0]
        if text.startswith("the "):
            return [("the ", None), (text[4:], E.DATE)]
        if "@" in text:  # the time after "@" is not PHI
            date_part, time_part = text.split("@", 1)
            return [(date_part, E.DATE), (" @ " + time_part, None)]
        return [(text, E.DATE)]

    def date_time(self) -> Pieces:
        """A date followed by a time of day (the time is not PHI)."""
        t = self.time_of_day()
        return self.date() + [(" " + t, None)]

    def year(self) -> Pieces:
        return [(str(self.rng.randint(1965, 2025)), YEAR)]

    def time_of_day(self) -> str:
        h, mi = self.rng.randrange(24), self.choice((0, 5, 10, 15, 20, 30, 40, 45, 50))
        forms = [f"{h:02d}{mi:02d}", f"{h:02d}:{mi:02d}", f"{(h % 12) or 12}:{mi:02d} {'am' if h < 12 else 'pm'}",
                 f"{(h % 12) or 12}{'a' if h < 12 else 'p'}m", f"{h:02d}{mi:02d}h"]
        return self.choice(forms)

    def age(self, over_89: bool) -> Pieces:
        """An age with its unit; only the number is the identifier."""
        n = self.rng.randint(90, 104) if over_89 else self.rng.randint(18, 89)
        ent = E.AGE_OVER_89 if over_89 else AGE_UNDER_90
        forms: list[Pieces] = [
            [(str(n), ent), (" yo", None)], [(str(n), ent), ("-year-old", None)], [(str(n), ent), (" y/o", None)],
            [(str(n), ent), (" year old", None)], [("aged ", None), (str(n), ent)], [("age ", None), (str(n), ent)],
            [(str(n), ent), (" yrs old", None)], [(str(n), ent), ("yo", None)], [(str(n), ent), (" YO", None)],
            [(str(n), ent), (" y.o.", None)], [(_number_words(n), ent), ("-year-old", None)],
        ]
        return self.choice(forms)

    # --- contact ----------------------------------------------------------------------
    def _phone_number(self) -> str:
        area = f"{self.rng.randint(2, 9)}{self.digits(2)}"
        exch = f"{self.rng.randint(2, 9)}{self.digits(2)}"
        line = self.digits(4)
        forms = [f"({area}) {exch}-{line}", f"{area}-{exch}-{line}", f"{area}.{exch}.{line}", f"{area} {exch} {line}",
                 f"({area}){exch}-{line}", f"+1 {area} {exch} {line}", f"1-{area}-{exch}-{line}", f"{area}{exch}{line}",
                 f"{area}-{exch}-{line} ext. {self.digits(3)}", f"{area}/{exch}-{line}", f"+1-{area}-{exch}-{line}",
                 f"{exch}-{line}", f"({area}) {exch}-{line} x{self.digits(4)}"]
        weights = [6, 6, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
        return self.rng.choices(forms, weights=weights, k=1)[0]

    def phone(self) -> Pieces:
        return [(self._phone_number(), E.PHONE)]

    def fax(self) -> Pieces:
        return [(self._phone_number(), E.FAX)]

    def email(self, p: Person | None = None) -> Pieces:
        p = p or self.person()
        first = _ascii(p.first).lower()
        last = _ascii(p.last).lower().replace(" ", "").replace("-", "")
        local = self.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{self.digits(2)}",
                             f"{first}_{last}", f"{last}{self.rng.randint(1950, 2005)}", f"{first}.{last[0]}"])
        domain = self.choice(EMAIL_DOMAINS) if self.rng.random() < 0.7 else f"{last}-family.net"
        return [(f"{local}@{domain}", E.EMAIL)]

    def url(self, p: Person | None = None) -> Pieces:
        p = p or self.person()
        slug = _ascii(p.first).lower() + self.choice([".", "", "_"]) + _ascii(p.last).lower().replace(" ", "")
        forms = [f"https://www.facebook.com/{slug}.{self.digits(3)}", f"www.gofundme.com/f/help-{slug}",
                 f"https://twitter.com/{slug}{self.digits(2)}", f"http://{slug}.blogspot.com",
                 f"https://www.instagram.com/{slug}/", f"https://caringbridge.org/visit/{slug}",
                 f"linkedin.com/in/{slug}-{self.digits(4)}"]
        return [(self.choice(forms), E.URL)]

    def ip(self) -> Pieces:
        if self.rng.random() < 0.85:
            return [(".".join(str(self.rng.randint(1, 254)) for _ in range(4)), E.IP)]
        return [(":".join(f"{self.rng.getrandbits(16):x}" for _ in range(8)), E.IP)]

    # --- geography -------------------------------------------------------------------
    def city(self) -> str:
        if self.rng.random() < 0.5:
            return self.choice(REAL_CITIES)
        return self._fk("en_US").city()

    def state(self) -> tuple[str, str]:
        return self.choice(STATES)

    def zip(self) -> Pieces:
        z = self.digits(5)
        if z[:3] == "000":
            z = "1" + z[1:]
        return [(z + (f"-{self.digits(4)}" if self.rng.random() < 0.2 else ""), E.ZIP)]

    def street(self) -> Pieces:
        fk = self._fk("en_US")
        s = fk.street_address()
        if self.rng.random() < 0.15:
            s = f"P.O. Box {self.rng.randint(10, 9999)}"
        return [(s, E.STREET_ADDRESS)]

    def address_block(self, sep: str = ", ") -> Pieces:
        """Street, city, state and ZIP: the state alone is not PHI."""
        name, abbr = self.state()
        st = abbr if self.rng.random() < 0.8 else name
        return self.street() + [(sep, None), (self.city(), E.LOCATION), (", ", None), (st, STATE), (" ", None)] + self.zip()

    def county(self) -> Pieces:
        return [(f"{self._fk('en_US').last_name()} County", E.LOCATION)]

    def hospital(self) -> Pieces:
        pat = self.choice(HOSPITAL_PATTERNS)
        name = pat.format(city=self.city(), saint=self.choice(SAINTS), surname=self.person().last)
        return [(name, E.LOCATION)]

    # --- identifiers -----------------------------------------------------------------
    def mrn(self) -> str:
        return self.choice([self.digits(7), self.digits(8), "00" + self.digits(6), self.digits(10),
                            self.letters(1) + self.digits(7), f"{self.digits(3)}-{self.digits(2)}-{self.digits(2)}",
                            self.letters(2) + self.digits(6)])

    def ssn(self) -> str:
        a, b, c = f"{self.rng.randint(1, 665):03d}", f"{self.rng.randint(1, 99):02d}", f"{self.rng.randint(1, 9999):04d}"
        return self.choice([f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}"])

    def health_plan_id(self) -> str:
        mbi = (f"{self.rng.randint(1, 9)}{self.letters(1)}{self.rng.choice(string.ascii_uppercase + string.digits)}"
               f"{self.digits(1)}-{self.letters(1)}{self.letters(1)}{self.digits(1)}-{self.letters(2)}{self.digits(2)}")
        return self.choice([self.letters(3) + self.digits(9), mbi, "W" + self.digits(9), self.digits(9) + self.letters(1),
                            f"{self.letters(2)}{self.digits(8)}-01", self.digits(11)])

    def account(self) -> str:
        return self.choice([self.digits(10), self.digits(8), f"{self.digits(2)}-{self.digits(7)}",
                            "ACCT" + self.digits(7), self.digits(12), f"E{self.digits(9)}"])

    def license(self) -> str:
        return self.choice([self.letters(1) + self.digits(7), self.letters(1) + self.digits(12), self.digits(9),
                            f"{self.letters(2)}{self.digits(7)}", f"{self.letters(1)}{self.digits(3)}-{self.digits(4)}-{self.digits(4)}"])

    def vehicle(self) -> str:
        vin_chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        vin = "".join(self.rng.choice(vin_chars) for _ in range(17))
        plate = self.choice([f"{self.digits(1)}{self.letters(3)}{self.digits(3)}", f"{self.letters(3)}-{self.digits(4)}",
                             f"{self.letters(3)} {self.digits(3)}", f"{self.digits(3)} {self.letters(3)}"])
        return vin if self.rng.random() < 0.4 else plate

    def device(self) -> str:
        return self.choice([f"{self.letters(3)}{self.digits(6)}{self.letters(1)}", f"SN{self.digits(8)}",
                            f"{self.digits(2)}{self.letters(2)}{self.digits(5)}", f"(01){self.digits(14)}(21){self.digits(6)}",
                            f"{self.letters(2)}-{self.digits(4)}-{self.digits(4)}"])

    def other_id(self) -> str:
        return self.choice([f"STU-{self.rng.randint(2015, 2026)}-{self.digits(4)}", f"RAD{self.digits(7)}",
                            f"S{self.digits(2)}-{self.digits(5)}", f"{self.letters(2)}{self.digits(6)}",
                            f"#{self.digits(6)}", f"CASE{self.digits(5)}"])


_ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _number_words(n: int) -> str:
    """90..109 in words ("ninety-two", "one hundred one"), as some notes spell ages out."""
    if n >= 100:
        return "one hundred" + (f" {_ONES[n - 100]}" if n > 100 else "")
    return "ninety" + (f"-{_ONES[n - 90]}" if n > 90 else "") if n >= 90 else str(n)


def _ascii(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii() and (c.isalnum() or c in " -")) or "x"
