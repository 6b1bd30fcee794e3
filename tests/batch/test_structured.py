"""CSV/TSV and JSONL: only the chosen cells change, everything else stays byte for byte."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from phiscrub.batch.delimited import ColumnNotFoundError, iter_cells, scrub_delimited
from phiscrub.batch.jsonl import scrub_jsonl
from phiscrub.errors import CorruptInputError
from phiscrub.policy import Policy

P = Policy()

cell = st.text(alphabet=st.sampled_from(list('ab ,"\n\r\t;xyz')), max_size=8)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(cell, min_size=2, max_size=2), min_size=1, max_size=5),
       quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_tokenizer_reads_what_the_csv_module_writes(rows, quoting, newline) -> None:
    buf = io.StringIO()
    csv.writer(buf, quoting=quoting, lineterminator=newline).writerows(rows)
    text = buf.getvalue()
    assume([list(r) for r in csv.reader(io.StringIO(text, newline=""))] == rows)  # csv's own round trip
    cells = list(iter_cells(text, ","))
    got: list[list[str]] = []
    for c in cells:
        if c.column == 0:
            got.append([])
        got[-1].append(c.value)
        assert text[c.start:c.end] == (f'"{c.value.replace(chr(34), 2 * chr(34))}"' if c.quoted else c.value)
    assert got == [list(r) for r in csv.reader(io.StringIO(text, newline=""))]


def test_only_the_named_column_changes_and_other_bytes_stay() -> None:
    text = (
        'id,note,doctor\r\n'
        '"007","Patient John Smith seen on 03/14/2024 in Boston.",Dr. Alice Walker\r\n'
        '8,"nothing to see, really",  Dr. Walker  \r\n'
    )
    out, findings = scrub_delimited(text, ",", ["note"], P)
    assert "John Smith" not in out and "03/14/2024" not in out
    assert out.startswith('id,note,doctor\r\n"007","Patient ')
    assert "Dr. Alice Walker\r\n" in out  # not a scrubbed column: untouched
    assert out.endswith('8,"nothing to see, really",  Dr. Walker  \r\n')
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert [len(r) for r in rows] == [3, 3, 3]
    assert findings and all(f["column"] == 1 and f["row"] == 1 for f in findings)
    for f in findings:  # offsets point into the original file
        assert text[f["start"]:f["end"]] in ("John Smith", "03/14/2024", "Boston")


def test_every_cell_is_scrubbed_without_a_column_and_the_header_is_kept() -> None:
    text = "name\tcity\nJohn Smith\tBoston\n"
    out, findings = scrub_delimited(text, "\t", [], P)
    assert out.split("\n")[0] == "name\tcity"
    assert "John Smith" not in out and "Boston" not in out
    assert {f["column"] for f in findings} == {0, 1}


def test_missing_column_and_broken_quotes_fail() -> None:
    with pytest.raises(ColumnNotFoundError):
        scrub_delimited("a,b\n1,2\n", ",", ["note"], P)
    with pytest.raises(CorruptInputError):
        scrub_delimited('a,b\n"open,2\n', ",", [], P)
    with pytest.raises(CorruptInputError):
        scrub_delimited('a,b\n"x"y,2\n', ",", [], P)
    with pytest.raises(CorruptInputError):  # once took exponential time (regex backtracking)
        list(iter_cells('a,b\n1,"' + "word " * 20000 + "\n", ","))


def test_jsonl_field_only_and_unchanged_lines_byte_identical() -> None:
    lines = [
        '{"id": 1,   "note": "Mary Jones was admitted on 01/02/2023.", "author": "Dr. Alice Walker"}',
        '{"id":2,"note":"no identifiers here"}',
        '',
        '{"id": 3, "note": null}\r',
    ]
    text = "\n".join(lines) + "\n"
    out, findings = scrub_jsonl(text, ["note"], P)
    out_lines = out.split("\n")
    assert out_lines[1:] == lines[1:] + [""]
    rec = json.loads(out_lines[0])
    assert "Mary Jones" not in rec["note"] and "01/02/2023" not in rec["note"]
    assert rec["author"] == "Dr. Alice Walker" and rec["id"] == 1
    assert all(f["line"] == 1 and f["field"] == "note" for f in findings)


def test_jsonl_every_value_by_default_including_numbers_and_nesting() -> None:
    text = '{"patient": {"name": "John Smith", "mrn": "MRN 00482913"}, "tags": ["seen in Boston"], "n": 3}\n'
    out, findings = scrub_jsonl(text, [], P)
    rec = json.loads(out)
    assert "John Smith" not in out and "Boston" not in out and "00482913" not in out
    assert set(rec) == {"patient", "tags", "n"} and rec["n"] == 3
    with pytest.raises(CorruptInputError) as e:
        scrub_jsonl('{"note": "John Smith"}\n{not json John Smith\n', [], P)
    assert "John" not in str(e.value) and "line 2" in str(e.value)
