"""Corpus loaders: each format parsed to exact spans; malformed input names file and line."""

from __future__ import annotations

import json

import pytest

from phiscrub.bench.corpus import write_presidio_evaluator_json
from phiscrub.bench.generator import generate
from phiscrub.bench.loaders import load_corpus, load_jsonl, load_physionet, load_presidio_json
from phiscrub.errors import CorruptInputError, UnsupportedInputError

PHYSIONET_TEXT = (
    "START_OF_RECORD=1||||1||||\n"
    "Pt seen by Dr. Healey on 7/22, transferred from Calvert Hospital. 94 yo.\n"
    "||||END_OF_RECORD\n"
    "\n"
    "START_OF_RECORD=1||||2||||\n"
    "Quiet night, K 3.9, in 2069.\n"
    "||||END_OF_RECORD\n"
)


def _physionet(tmp_path, phrase: str, text: str = PHYSIONET_TEXT):
    (tmp_path / "id.text").write_text(text)
    (tmp_path / "id-phi.phrase").write_text(phrase)
    return tmp_path


def test_physionet_offsets_are_relative_to_the_record_body(tmp_path) -> None:
    body = "Pt seen by Dr. Healey on 7/22, transferred from Calvert Hospital. 94 yo.\n"
    s_name, s_date, s_hosp = body.index("Healey"), body.index("7/22"), body.index("Calvert")
    s_age = body.index("94")
    year_at = "Quiet night, K 3.9, in 2069.\n".index("2069")
    phrase = (f"1 1 {s_name} {s_name + 6} HCPName Healey\n1 1 {s_date} {s_date + 4} Date 7/22\n"
              f"1 1 {s_hosp} {s_hosp + 16} Hospital Calvert Hospital\n1 1 {s_age} {s_age + 2} Age 94\n"
              f"1 2 {year_at} {year_at + 4} DateYear 2069\n")
    docs = list(load_corpus(_physionet(tmp_path, phrase), "auto"))
    assert [d.id for d in docs] == ["1-1", "1-2"]
    got = [(d.text[s.start:s.end], s.entity) for d in docs for s in d.spans]
    assert got == [("Healey", "NAME"), ("7/22", "DATE"), ("Calvert Hospital", "LOCATION"), ("94", "AGE_OVER_89"),
                   ("2069", "YEAR")]


def test_physionet_malformed_phrase_line_names_file_and_line(tmp_path) -> None:
    folder = _physionet(tmp_path, "1 1 11 17 HCPName Healey\nthis is not a phrase line\n")
    with pytest.raises(CorruptInputError, match=r"id-phi\.phrase:2"):
        list(load_physionet(folder))


def test_physionet_unterminated_record_names_the_line(tmp_path) -> None:
    folder = _physionet(tmp_path, "", text="START_OF_RECORD=1||||1||||\nsome text\n")
    with pytest.raises(CorruptInputError, match=r"id\.text:1"):
        list(load_physionet(folder))


def test_i2b2_xml(tmp_path) -> None:
    text = "Record date: 2069-04-07\nMr. Yosef Fish, 67 yo, seen at Mercy Hospital. Phone 555-331-2211."
    tags = []
    for label, typ, piece in [("DATE", "DATE", "2069-04-07"), ("NAME", "PATIENT", "Yosef Fish"), ("AGE", "AGE", "67"),
                              ("LOCATION", "HOSPITAL", "Mercy Hospital"), ("CONTACT", "PHONE", "555-331-2211")]:
        s = text.index(piece)
        tags.append(f'<{label} id="P{len(tags)}" start="{s}" end="{s + len(piece)}" text="{piece}" TYPE="{typ}" comment="" />')
    xml = f'<?xml version="1.0" encoding="UTF-8" ?>\n<deIdi2b2>\n<TEXT><![CDATA[{text}]]></TEXT>\n<TAGS>\n' \
          + "\n".join(tags) + "\n</TAGS>\n</deIdi2b2>\n"
    (tmp_path / "100-01.xml").write_text(xml)
    (docs,) = list(load_corpus(tmp_path, "i2b2"))
    assert [(docs.text[s.start:s.end], s.entity) for s in docs.spans] == [
        ("2069-04-07", "DATE"), ("Yosef Fish", "NAME"), ("67", "AGE_UNDER_90"), ("Mercy Hospital", "LOCATION"),
        ("555-331-2211", "PHONE")]
    (tmp_path / "bad.xml").write_text("<deIdi2b2>\n<TEXT>oops</TEXT>\n<TAGS>\n</deIdi2b2>")
    with pytest.raises(CorruptInputError, match=r"bad\.xml:\d+"):
        list(load_corpus(tmp_path, "i2b2"))
    (tmp_path / "bad.xml").write_text('<deIdi2b2>\n<TEXT>oops</TEXT>\n<TAGS>\n<NAME id="P0" start="0" end="2" TYPE="PATIENT" />'
                                      '\n<NAME id="P1" start="x" end="4" TYPE="PATIENT" />\n</TAGS>\n</deIdi2b2>')
    with pytest.raises(CorruptInputError, match=r"bad\.xml:5: tag NAME"):
        list(load_corpus(tmp_path, "i2b2"))


def test_jsonl_malformed_line_and_bad_span(tmp_path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "text": "hello", "spans": []}\n{not json\n')
    with pytest.raises(CorruptInputError, match=r"c\.jsonl:2"):
        list(load_jsonl(p))
    p.write_text('{"id": "a", "text": "hello", "spans": [{"start": 2, "end": 99, "entity": "NAME"}]}\n')
    with pytest.raises(CorruptInputError, match=r"c\.jsonl:1") as e:
        list(load_jsonl(p))
    assert "hello" not in str(e.value)  # error messages never quote the document
    p.write_text('{"id": "a", "text": "hello", "spans": [{"start": 0, "end": 2, "entity": "BANANA"}]}\n')
    with pytest.raises(CorruptInputError, match="unknown label"):
        list(load_jsonl(p))


def test_presidio_evaluator_export_round_trip(tmp_path) -> None:
    docs = list(generate(8, seed=5))
    p = tmp_path / "synth.json"
    write_presidio_evaluator_json(docs, p)
    data = json.loads(p.read_text())
    assert all(s["entity_value"] == d["full_text"][s["start_position"]:s["end_position"]]
               for d in data for s in d["spans"])
    back = list(load_presidio_json(p))
    for a, b in zip(docs, back):
        assert a.text == b.text
        # label granularity differs (PHONE and FAX are both PHONE_NUMBER there) but positions survive
        assert [(s.start, s.end) for s in a.spans] == [(s.start, s.end) for s in b.spans]
    p.write_text('[{"full_text": "x"}, {"spans": []}]')
    with pytest.raises(CorruptInputError, match=r"synth\.json: sample 1"):
        list(load_presidio_json(p))


def test_unknown_format_and_missing_path(tmp_path) -> None:
    with pytest.raises(UnsupportedInputError):
        load_corpus(tmp_path / "nope.jsonl")
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(UnsupportedInputError, match="--format"):
        load_corpus(tmp_path / "notes.csv")
