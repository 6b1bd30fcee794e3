"""scrub_files in-process (workers=0): tree mirroring, statuses, safety rules, resume, audit."""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

import phiscrub.image
from phiscrub.batch import scrub_files
from phiscrub.batch.manifest import OptionsChangedError
from phiscrub.batch.discover import BatchInputError
from phiscrub.findings import Finding
from phiscrub.policy import Policy

from batchcases import snapshot


def _all_text(out: Path) -> str:
    """Every name and every byte under OUT, the manifest's and audit's included."""
    parts = []
    for dirpath, dirnames, filenames in os.walk(out):
        parts += dirnames + filenames
        for n in filenames:
            parts.append(Path(dirpath, n).read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


def test_tree_is_mirrored_with_scrubbed_names_and_contents(tmp_path: Path, case_tree) -> None:
    root, cases = case_tree
    before = snapshot(root)
    out = tmp_path / "out"
    report = scrub_files([root], out, workers=0)
    assert report.ok and report.passed == len(cases) == report.files
    assert snapshot(root) == before  # inputs untouched
    produced = snapshot(out)
    assert len(produced) == len(cases)
    assert all(rel.startswith("cases/") and rel.endswith(".txt") for rel in produced)
    everything = _all_text(out)
    for case in cases:
        for ident in case.identifiers:
            assert ident not in everything, "an identifier survived in OUT"
        last = case.path.parent.name.split("_")[0]
        assert last not in everything
    # three patients' folders scrub to the same name: kept apart by counters, not merged
    assert len({rel.split("/")[1] for rel in produced}) == 3
    assert report.entities.get("NAME", 0) >= len(cases) and report.name_entities.get("NAME", 0) >= len(cases)


def test_audit_log_has_positions_policy_version_and_no_identifiers(tmp_path: Path, case_tree) -> None:
    root, cases = case_tree
    out = tmp_path / "out"
    policy = Policy(threshold=0.4)
    scrub_files([root], out, workers=0, policy=policy)
    records = [json.loads(l) for l in (out / ".phiscrub" / "audit.jsonl").read_text().splitlines()]
    assert len(records) == len(cases)
    for rec in records:
        assert rec["status"] == "PASS" and rec["policy_fingerprint"] == policy.fingerprint()
        assert rec["phiscrub_version"] and rec["time"] and len(rec["input_sha256"]) == 64
        assert (out / rec["output"]).is_file()
        assert {"entity", "start", "end", "score", "source"} <= set(rec["findings"][0])
    originals = {c.path.read_text() for c in cases}
    for rec in records:  # the offsets are into the original text, which matches the input hash
        src = next(t for t in originals if __import__("hashlib").sha256(t.encode()).hexdigest() == rec["input_sha256"])
        assert any(src[f["start"]:f["end"]] in " ".join(c.identifiers[0] for c in cases) for f in rec["findings"])


def test_keep_names_and_a_single_file_input(tmp_path: Path, case_tree) -> None:
    root, cases = case_tree
    out = tmp_path / "out"
    report = scrub_files([cases[0].path], out, workers=0, keep_names=True)
    assert report.ok
    assert list(snapshot(out)) == [cases[0].path.name]


def test_failures_write_nothing_and_name_no_content(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "Smith_John_bad.txt").write_bytes(b"John Smith \xff\xfe broken")
    (root / "report.pdf").write_bytes(b"%PDF-1.4 John Smith")
    (root / "ok.txt").write_text("nothing to see")
    (root / ".DS_Store").write_bytes(b"junk")
    out = tmp_path / "out"
    report = scrub_files([root], out, workers=0)
    assert not report.ok and report.failed == 2 and report.passed == 1 and report.ignored == 1
    assert list(snapshot(out)) == ["in/ok.txt"]
    reasons = " ".join(f.output + " " + f.reason for f in report.failures)
    assert "UTF-8" in reasons and "unsupported file type .pdf" in reasons
    assert "Smith" not in reasons and "John" not in reasons
    assert "Smith" not in (out / ".phiscrub" / "audit.jsonl").read_text()


def test_existing_outputs_are_never_overwritten_without_overwrite(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("Seen by Dr. Alice Walker.")
    out = tmp_path / "out"
    (out / "in").mkdir(parents=True)
    (out / "in" / "a.txt").write_text("precious")
    report = scrub_files([root], out, workers=0)
    assert report.failed == 1 and "already exists" in report.failures[0].reason
    assert (out / "in" / "a.txt").read_text() == "precious"
    report = scrub_files([root], out, workers=0)  # still refused, not renamed around
    assert report.failed == 1 and sorted(snapshot(out)) == ["in/a.txt"]
    report = scrub_files([root], out, workers=0, overwrite=True)
    assert report.ok and "Walker" not in (out / "in" / "a.txt").read_text()


def test_rerun_skips_finished_files_and_redoes_changed_ones_only_on_request(tmp_path: Path, case_tree) -> None:
    root, cases = case_tree
    out = tmp_path / "out"
    first = scrub_files([root], out, workers=0)
    stamp = {p: p.stat().st_mtime_ns for p in out.rglob("*.txt")}
    again = scrub_files([root], out, workers=0)
    assert again.already_done == len(cases) and again.files == 0 and again.ok
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.txt")} == stamp
    cases[0].path.write_text("Patient Robert Brown, totally different text now.")
    changed = scrub_files([root], out, workers=0)
    assert changed.failed == 1 and "input changed" in changed.failures[0].reason
    redo = scrub_files([root], out, workers=0, overwrite=True)
    assert redo.passed == 1 and redo.already_done == len(cases) - 1
    assert "Robert" not in _all_text(out) and "different text" in _all_text(out)
    with pytest.raises(OptionsChangedError):
        scrub_files([root], out, workers=0, policy=Policy(threshold=0.9))
    assert first.policy_fingerprint == Policy().fingerprint()
    db = sqlite3.connect(out / ".phiscrub" / "manifest.sqlite")
    rows = db.execute("SELECT status, policy_fp, input_sha256 FROM files").fetchall()
    assert len(rows) == len(cases) and all(r[0] == "PASS" and r[1] == first.policy_fingerprint for r in rows)


def test_output_inside_input_is_skipped_and_input_inside_output_refused(tmp_path: Path, case_tree) -> None:
    root, cases = case_tree
    out = root / "scrubbed"
    report = scrub_files([root], out, workers=0)
    assert report.passed == len(cases)
    again = scrub_files([root], out, workers=0)  # our own outputs are not inputs
    assert again.files == 0 and again.already_done == len(cases)
    with pytest.raises(BatchInputError):
        scrub_files([out / "cases"], out, workers=0)
    with pytest.raises(BatchInputError):
        scrub_files([tmp_path / "missing"], tmp_path / "o2", workers=0)


def test_csv_column_option_and_jsonl_field_option(tmp_path: Path) -> None:
    root = tmp_path / "tables"
    root.mkdir()
    (root / "visits.csv").write_text('id,note\n1,"Mary Jones seen in Chicago"\n')
    (root / "notes.jsonl").write_text('{"note": "Mary Jones seen in Chicago", "by": "Dr. Alice Walker"}\n')
    (root / "other.csv").write_text("id,text\n1,x\n")
    out = tmp_path / "out"
    report = scrub_files([root], out, workers=0, columns=["note"], fields=["note"])
    assert report.failed == 1 and "column 'note' is not in the header" in report.failures[0].reason
    assert "Mary" not in (out / "tables" / "visits.csv").read_text()
    line = json.loads((out / "tables" / "notes.jsonl").read_text())
    assert "Mary" not in line["note"] and line["by"] == "Dr. Alice Walker"


@dataclass
class FakeImageResult:
    status: str
    findings: tuple
    removed_metadata: tuple = ("Exif.GPSInfo",)
    review_reasons: tuple = ()

    def save(self, path) -> None:
        Path(path).write_bytes(b"clean-pixels")


def test_images_and_dicom_go_through_the_image_scrubber(tmp_path: Path, monkeypatch) -> None:
    calls = []

    def fake_scrub_image(data, policy=None, uid_remapper=None):
        calls.append((Path(data).suffix, uid_remapper))
        name = Path(data).name
        if "broken" in name:
            raise ValueError(f"cannot read {data}")
        status = "REVIEW" if "faint" in name else "PASS"
        reasons = ("text still readable after 2 verification rounds",) if status == "REVIEW" else ()
        return FakeImageResult(status, (Finding(0, 0, "NAME", 0.9, "ocr", (1, 2, 3, 4)),), review_reasons=reasons)

    monkeypatch.setattr(phiscrub.image, "scrub_image", fake_scrub_image)
    root = tmp_path / "imgs"
    root.mkdir()
    for name in ("Smith_John_CXR_2024-03-14.jpg", "faint.png", "broken_Smith.png", "series.dcm"):
        (root / name).write_bytes(b"raw-pixels-with-phi")
    (root / "IM0001").write_bytes(b"\0" * 128 + b"DICM" + b"rest")  # PACS export without suffix
    out = tmp_path / "out"
    report = scrub_files([root], out, workers=0)
    assert (report.passed, report.review, report.failed) == (3, 1, 1)
    produced = snapshot(out)
    assert all(v == b"clean-pixels" for v in produced.values()) and len(produced) == 4
    assert "imgs/faint.png" in produced
    assert sorted(suffix for suffix, _ in calls) == ["", ".dcm", ".jpg", ".png", ".png"]  # IM0001 sniffed as DICOM
    assert not any("Smith" in k or "2024" in k for k in produced)
    assert report.failures[0].reason == "ValueError"  # third-party messages (with paths) are not echoed
    assert [(r.output, r.reason) for r in report.reviews] == [
        ("imgs/faint.png", "text still readable after 2 verification rounds")]
    assert "to review" in report.render() and "imgs/faint.png" in report.render()
    remappers = {id(r) for _, r in calls if r is not None}
    assert len(remappers) == 1  # one UID remapper for the whole batch
    rec = [json.loads(l) for l in (out / ".phiscrub" / "audit.jsonl").read_text().splitlines()]
    assert rec[0]["findings"][0]["box"] == [1, 2, 3, 4] and rec[0]["removed_metadata"] == ["Exif.GPSInfo"]


def test_review_report_is_opt_in_and_maps_inputs_to_outputs(tmp_path: Path, case_tree) -> None:
    root, cases = case_tree
    out = tmp_path / "out"
    scrub_files([root], out, workers=0)
    assert not list(tmp_path.glob("*.csv"))
    review = tmp_path / "review.csv"
    scrub_files([root], tmp_path / "out2", workers=0, review_report=review)
    rows = list(__import__("csv").DictReader(review.open()))
    assert {r["input"] for r in rows} == {str(c.path) for c in cases}
    assert all(r["status"] == "PASS" and (tmp_path / "out2" / r["output"]).is_file() for r in rows)


def test_colliding_scrubbed_names_get_counters_in_listing_order(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for patient, body in (("Smith_John", "second patient\n"), ("Jones_Mary", "first patient\n")):
        (root / patient).mkdir(parents=True)
        (root / patient / f"{patient}.txt").write_text(body)
    (root / "Jones_Mary" / "Jones_Mary_2.txt").write_text("literal two\n")
    (root / "Jones_Mary" / "Mary_Jones.txt").write_text("reversed\n")
    out = tmp_path / "out"
    assert scrub_files([root], out, workers=0).passed == 4
    produced = snapshot(out)
    # sorted listing: Jones_Mary before Smith_John; two patients' folders stay apart, not merged
    assert produced == {
        "in/NAME/NAME.txt": b"first patient\n",
        "in/NAME/NAME_2.txt": b"literal two\n",
        "in/NAME/NAME_3.txt": b"reversed\n",  # NAME.txt and NAME_2.txt were taken
        "in/NAME_2/NAME.txt": b"second patient\n",
    }
    again = tmp_path / "again"
    scrub_files([root], again, workers=0)
    assert snapshot(again) == produced  # the same names on every run
