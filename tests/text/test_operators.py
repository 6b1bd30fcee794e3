"""Operators: tag, redact, surrogate, shift_dates, safe_harbor, hash."""

from __future__ import annotations

import re
from datetime import date

import pytest

from phiscrub import Policy, PolicyError, scrub, scrub_many
from phiscrub.text.dateparse import parse_date
from phiscrub.text.operators.zip3 import RESTRICTED_ZIP3, zip3

NOTE = "Pt John SMITH (MRN 00482913) seen 3/14/2024 by Dr. Smith; follow-up 4/2/2024. 95 yo. ZIP 03601."


def test_tag_is_default():
    assert scrub("MRN 00482913").text == "MRN [MRN]"


def test_redact_masks_or_removes():
    assert scrub("MRN 00482913", operator="redact").text == "MRN ********"
    assert scrub("MRN 00482913", operator="redact", mask_char="#").text == "MRN ########"
    assert scrub("MRN 00482913", operator="redact", mask_char="").text == "MRN "


def test_per_entity_operators():
    r = scrub(NOTE, operators={"DATE": "safe_harbor", "AGE_OVER_89": "safe_harbor"})
    assert "[NAME]" in r.text and "seen 2024 " in r.text and "90+ yo" in r.text and "[MRN]" in r.text


def test_surrogates_are_consistent_and_shaped():
    p = Policy(operator="surrogate", key="team-secret")
    a = scrub(NOTE, p).text
    b = scrub(NOTE, p).text
    assert a == b  # same key: same surrogates, run after run
    assert "SMITH" not in a and "00482913" not in a and "Smith" not in a
    mrn = re.search(r"MRN (\S+)\)", a).group(1)
    assert re.fullmatch(r"\d{8}", mrn) and mrn != "00482913"
    # the surname alone maps like the full name's surname, case kept
    full = re.search(r"Pt (\w+) (\w+) \(", a)
    alone = re.search(r"Dr\. (\w+);", a).group(1)
    assert full.group(2) == full.group(2).upper() and alone.lower() == full.group(2).lower()
    other_key = scrub(NOTE, p.with_(key="other")).text
    assert other_key != a


def test_surrogates_consistent_across_a_batch():
    p = Policy(operator="surrogate", key="k")
    r1, r2 = scrub_many(["Seen by Dr. Okafor today.", "Dr. Okafor called back."], p)
    s1 = re.search(r"Dr\. (\w+)", r1.text).group(1)
    s2 = re.search(r"Dr\. (\w+)", r2.text).group(1)
    assert s1 == s2 != "Okafor"


def test_shift_dates_keeps_intervals_and_formats():
    note = "Admitted 3/14/2024, discharged 03-Apr-2024, seen again on March 30th."
    r = scrub(note, operator="shift_dates", key="k")
    m = re.search(r"Admitted (\d{1,2}/\d{1,2}/\d{4}), discharged (\d{2}-[A-Z][a-z]{2}-\d{4}), seen again on ([A-Z][a-z]+ \d+(?:st|nd|rd|th))\.", r.text)
    assert m, r.text
    d1, d2 = parse_date(m.group(1)).value, parse_date(m.group(2)).value
    assert (d2 - d1).days == (date(2024, 4, 3) - date(2024, 3, 14)).days
    assert d1 != date(2024, 3, 14)


def test_shift_is_per_key_and_per_document_without_key():
    a = scrub("Seen 3/14/2024.", operator="shift_dates", key="k").text
    b = scrub("Other note 3/14/2024.", operator="shift_dates", key="k").text
    assert a.split()[-1] == b.split()[-1]  # same key: same offset in every document


def test_safe_harbor_rules():
    assert zip3("02114") == "021"
    for p in RESTRICTED_ZIP3:
        assert zip3(p + "45") == "000"
    r = scrub("92 yo, DOB 07/04/1931, ZIP 02114, Boston, MA 02114. Seen March 3rd.", operator="safe_harbor")
    assert "90+ yo" in r.text and "DOB 1931" in r.text and "ZIP 021" in r.text
    assert "[DATE]" in r.text  # a date without a year cannot keep its year: tagged


def test_hash_needs_a_key_and_links_documents():
    with pytest.raises(PolicyError):
        scrub("MRN 00482913", operator="hash")
    a = scrub("MRN 00482913", operator="hash", key="k").text
    b = scrub("Record MRN: 00482913 again", operator="hash", key="k").text
    tag = re.search(r"\[MRN:[0-9a-f]+\]", a).group()
    assert tag in b and "00482913" not in a


def test_unparseable_date_under_shift_falls_back_to_tag():
    r = scrub("Seen Dec '15.", operator="shift_dates")
    assert "Dec '15" not in r.text


@pytest.mark.parametrize("s", ["3/14/2024", "03-Mar-2024", "March 3rd", "3rd of March 2024", "2024-03-03T10:15",
                               "7/22", "03/2024", "Mar 3, 2024", "14.03.2024", "3-MAR-24", "MARCH 2024", "Oct-20-2025"])
def test_dateparse_round_trips(s):
    p = parse_date(s)
    assert p is not None and p.render(p.value) == s
