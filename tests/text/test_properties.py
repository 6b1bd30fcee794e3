"""Property-based no-leak guarantees: notes generated with PHI at known places."""

from __future__ import annotations

import contextlib
import re
from datetime import date

from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from phiscrub import Policy, scrub, scrub_many
from phiscrub.text import chunking
from phiscrub.text.dateparse import parse_date

# Names drawn from Faker locales (not from phiscrub's own lexicons, so the property is honest).
_fk = Faker(["en_US", "en_GB", "es_MX", "de_DE", "fr_FR", "it_IT", "pl_PL"])
_fk.seed_instance(1234)
FIRST = sorted({_fk.first_name() for _ in range(300)})
LAST = sorted({_fk.last_name() for _ in range(300)})

FILLER = [
    "BP 132/84, HR 92, RR 18, T 37.2, SpO2 95% on 2L NC.",
    "Labs: Na 138, K 3.9, Cr 1.2, WBC 11.4, Hgb 10.9.",
    "Started metoprolol 25 mg PO BID; continue Lasix 40 mg daily.",
    "Pain 6/10, improved with acetaminophen 650 mg q6h PRN.",
    "CXR: no focal consolidation. Plan to ambulate x3 today.",
    "History of Parkinson's disease and Crohn's; Foley removed POD 2.",
    "Given 1 L NS at 2130; tolerating diet.",
    "PT IS A 67 YO M WITH COPD, ON 2L NC, AFEBRILE.",
]

DATE_FORMATS = ["{m}/{d}/{Y}", "{m:02d}-{d:02d}-{Y}", "{Y}-{m:02d}-{d:02d}", "{d} {Mon} {Y}", "{Mon} {d}, {Y}",
                "{Month} {d}{ord}", "{d:02d}-{MON}-{Y}", "{m}/{d}"]


def _fmt_date(d: date, f: str) -> str:
    ord_ = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return f.format(m=d.month, d=d.day, Y=d.year, Mon=d.strftime("%b"), MON=d.strftime("%b").upper(),
                    Month=d.strftime("%B"), ord=ord_)


@st.composite
def phi_items(draw):
    """(label template, value) pairs, each an identifier a note would carry."""
    first, last = draw(st.sampled_from(FIRST)), draw(st.sampled_from(LAST))
    kind = draw(st.sampled_from(["name", "mrn", "dob", "phone", "ssn", "email", "age", "zip", "title", "relation",
                                 "caps_name", "date"]))
    d = draw(st.dates(min_value=date(1920, 1, 1), max_value=date(2030, 12, 31)))
    if kind == "name":
        return "Patient: {v}.", f"{first} {last}", [first, last]
    if kind == "caps_name":
        v = f"{last.upper()}, {first.upper()}"
        return "NAME: {v}", v, [last.upper(), first.upper()]
    if kind == "title":
        return "Seen by Dr. {v} this morning.", last, [last]
    if kind == "relation":
        return "Daughter {v} at bedside.", first, [first]
    if kind == "mrn":
        v = str(draw(st.integers(100000, 99999999999)))
        return "MRN: {v}", v, [v]
    if kind == "dob":
        v = _fmt_date(d, draw(st.sampled_from(DATE_FORMATS[:-1])))
        return "DOB: {v}", v, [v]
    if kind == "date":
        v = _fmt_date(d, draw(st.sampled_from(DATE_FORMATS)))
        return "Admitted on {v} via the ED.", v, [v]
    if kind == "phone":
        a, b, c = draw(st.integers(201, 989)), draw(st.integers(200, 999)), draw(st.integers(0, 9999))
        v = draw(st.sampled_from([f"{a}-{b}-{c:04d}", f"({a}) {b}-{c:04d}", f"{a}.{b}.{c:04d}"]))
        return "Call back at {v}.", v, [v]
    if kind == "ssn":
        v = f"{draw(st.integers(1, 665)):03d}-{draw(st.integers(1, 99)):02d}-{draw(st.integers(1, 9999)):04d}"
        return "SSN {v}", v, [v]
    if kind == "email":
        v = f"{first.lower()}.{last.lower()}@example.org".replace(" ", "")
        v = re.sub(r"[^a-z.@]", "", v)
        return "Email {v} for results.", v, [v]
    if kind == "age":
        v = str(draw(st.integers(90, 115)))
        return "{v} yo woman with CHF.", v, [f"{v} yo"]  # the number alone may also be a heart rate
    v = f"{draw(st.integers(1001, 99950)):05d}"
    return "Lives in Springfield, IL {v}.", v, [v]


@st.composite
def notes(draw):
    items = draw(st.lists(phi_items(), min_size=1, max_size=5))
    parts, secrets = [], []
    for template, value, leaks in items:
        parts.append(draw(st.sampled_from(FILLER)))
        parts.append(template.format(v=value))
        secrets.extend(leaks)
    parts.append(draw(st.sampled_from(FILLER)))
    sep = draw(st.sampled_from([" ", "\n", "\r\n"]))
    return sep.join(parts), secrets


def _leaks(text: str, secrets: list[str]) -> list[str]:
    return [s for s in secrets if re.search(r"(?<![\w])" + re.escape(s) + r"(?![\w])", text)]


@given(notes())
def test_no_injected_identifier_survives(note):
    text, secrets = note
    r = scrub(text)
    assert not _leaks(r.text, secrets)


@settings(max_examples=20)
@given(notes())
def test_no_identifier_survives_surrogates_and_tags_are_a_fixed_point(note):
    text, secrets = note
    sur = scrub(text, operator="surrogate", key="k")
    assert not _leaks(sur.text, [s for s in secrets if len(s) > 3])
    tagged = scrub(text)
    assert scrub(tagged.text).text == tagged.text


def _check_invariants(text: str, findings) -> None:
    prev_end = 0
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= prev_end  # sorted and non-overlapping
        prev_end = f.end


@given(st.text(max_size=300))
def test_any_unicode_never_crashes_and_offsets_stay_valid(text):
    r = scrub(text)
    _check_invariants(text, r.findings)
    # text outside the findings is unchanged: rebuild the tag output from the findings
    expect, pos = [], 0
    for f in r.findings:
        expect += [text[pos:f.start], f"[{f.entity}]"]
        pos = f.end
    expect.append(text[pos:])
    assert r.text == "".join(expect)


@settings(max_examples=25)
@given(notes(), st.sampled_from(["\u200f", "\u0301", "🙂", "\x00", "\t", "\u202e", "中文"]))
def test_unicode_noise_keeps_offsets_and_no_leak(note, noise):
    text, secrets = note
    text = noise + text.replace(". ", ". " + noise, 2)
    r = scrub(text)
    _check_invariants(text, r.findings)
    assert not _leaks(r.text, secrets)


@settings(max_examples=10)
@given(st.lists(notes(), min_size=1, max_size=4))
def test_scrub_many_same_as_scrub(batch):
    texts = [t for t, _ in batch]
    assert [r.text for r in scrub_many(texts)] == [scrub(t).text for t in texts]


@settings(max_examples=15)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 1, 1)),
       st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 1, 1)), st.text(min_size=1, max_size=8))
def test_shift_dates_keeps_intervals(d1, d2, key):
    text = f"Admitted {d1.month}/{d1.day}/{d1.year}; discharged {d2.month}/{d2.day}/{d2.year}."
    r = scrub(text, operator="shift_dates", key=key)
    got = re.findall(r"\d{1,2}/\d{1,2}/\d{4}", r.text)
    assert len(got) == 2, r.text
    s1, s2 = (parse_date(g).value for g in got)
    assert (s2 - s1) == (d2 - d1) and s1 != d1


@contextlib.contextmanager
def small_chunks(size: int, overlap: int):
    """Temporarily shrink the chunk size so short texts take the long-text path."""
    old = chunking.CHUNK_SIZE, chunking.OVERLAP
    chunking.CHUNK_SIZE, chunking.OVERLAP = size, overlap
    try:
        yield
    finally:
        chunking.CHUNK_SIZE, chunking.OVERLAP = old


@settings(max_examples=10)
@given(st.lists(notes(), min_size=3, max_size=6))
def test_chunked_long_text_finds_the_same(batch):
    text = "\n\n".join(t for t, _ in batch)
    secrets = [s for _, ss in batch for s in ss]
    policy = Policy(use_ner=False)
    whole = scrub(text, policy)
    with small_chunks(200, 60):
        chunked = scrub(text, policy)
    _check_invariants(text, chunked.findings)
    assert chunked.findings == whole.findings
    assert not _leaks(chunked.text, secrets)


def test_more_than_spacys_limit_in_one_call():
    """Over a million characters (spaCy refuses more than 1,000,000 unless chunked)."""
    unit = "Pt John SMITH seen 3/14/2024, MRN 00482913. BP 120/80, K 3.9.\n"
    text = unit * (1_000_000 // len(unit) + 100)
    r = scrub(text, use_ner=False)  # the chunking is under test here; NER over chunks is tested above
    assert len(r.findings) == 3 * (len(text) // len(unit))
    assert "00482913" not in r.text and "SMITH" not in r.text
    _check_invariants(text, r.findings)
