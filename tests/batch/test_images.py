"""Real images through the batch (the image scrubber, OCR included): DICOM UIDs stay
consistent across the files of one batch, outputs are re-encoded clean files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pydicom
import pytest

from phiscrub.batch import scrub_files

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "images" / "study.dcm"


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract (installed by make test)")
def test_dicom_series_keeps_one_study_uid_and_loses_the_patient(tmp_path: Path) -> None:
    assert EXAMPLE.is_file()
    root = tmp_path / "KOWALSKI_MARIA"
    for sub in ("CT_1", "CT_2"):
        (root / sub).mkdir(parents=True)
        shutil.copy(EXAMPLE, root / sub / "IM00001.dcm")
    original = pydicom.dcmread(EXAMPLE)
    out = tmp_path / "out"
    report = scrub_files([root], out, workers=0)
    assert report.failed == 0 and report.passed + report.review == 2
    outputs = sorted(p for p in out.rglob("*.dcm"))
    assert len(outputs) == 2 and not any("KOWALSKI" in str(p.relative_to(out)) for p in outputs)
    clean = [pydicom.dcmread(p) for p in outputs]
    study = {ds.StudyInstanceUID for ds in clean}
    assert len(study) == 1 and original.StudyInstanceUID not in study  # remapped, same in both files
    for ds in clean:
        assert "KOWALSKI" not in str(ds.get("PatientName", "")).upper()
    records = [json.loads(l) for l in (out / ".phiscrub" / "audit.jsonl").read_text().splitlines()]
    assert all(r["kind"] == "dicom" and r["findings"] for r in records)
    assert "KOWALSKI" not in (out / ".phiscrub" / "audit.jsonl").read_text().upper()
