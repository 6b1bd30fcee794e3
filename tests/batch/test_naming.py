from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from phiscrub.batch.naming import scrub_name, split_suffix, with_counter
from phiscrub.policy import Policy

P = Policy()


def test_identifiers_in_a_file_name_are_replaced_and_the_extension_kept() -> None:
    new, findings = scrub_name("Smith_John_CXR_2024-03-14.jpg", P, True)
    assert new.endswith(".jpg")
    for ident in ("Smith", "John", "2024", "03-14"):
        assert ident not in new
    assert "CXR" in new
    assert {f.entity for f in findings} >= {"NAME", "DATE"}
    stem = "Smith_John_CXR_2024-03-14"
    for f in findings:  # offsets refer to the original name
        assert 0 <= f.start < f.end <= len(stem)


def test_long_digit_runs_in_names_are_ids_but_short_counters_stay() -> None:
    new, findings = scrub_name("scan_00482913.png", P, True)
    assert "00482913" not in new and new.endswith(".png")
    assert any(f.entity in ("OTHER_ID", "MRN") for f in findings)
    assert scrub_name("IMG_0001.png", P, True)[0] == "IMG_0001.png"


def test_folder_names_have_no_suffix_split() -> None:
    assert split_suffix("Smith.John", is_file=False) == ("Smith.John", "")
    assert split_suffix("note.2024-03-14", is_file=True) == ("note.2024-03-14", "")
    assert split_suffix(".hidden", is_file=True) == (".hidden", "")
    assert with_counter("NAME_NAME.txt", 2, True) == "NAME_NAME_2.txt"
    assert with_counter("NAME", 3, False) == "NAME_3"


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=40))
def test_scrubbed_names_are_always_usable_file_names(name: str) -> None:
    new, _ = scrub_name(name, P, True)
    assert new and "/" not in new and "\\" not in new and "\x00" not in new
    assert new not in (".", "..")
