"""DICOM: PS3.15 Basic Profile header, consistent UID remapping, every frame, compressed syntaxes."""

from __future__ import annotations

import io
import random

import numpy as np
import pydicom
import pytest

from phiscrub import Policy, scrub
from phiscrub.bench.image_cases import dicom_case
from phiscrub.image import UidRemapper, scrub_image
from phiscrub.image.redaction import coverage, mask_of


@pytest.fixture(scope="module")
def single():
    case = dicom_case(random.Random(21), 0)
    return case, scrub(case.data)


def test_header_identifiers_removed(single, tmp_path):
    case, result = single
    out = result.save(tmp_path / "clean.dcm")
    ds = pydicom.dcmread(out)
    assert str(ds.PatientName) == "" and ds.PatientID == "" and ds.PatientBirthDate == ""
    assert ds.StudyDate == "" and ds.AccessionNumber == "" and str(ds.ReferringPhysicianName) == ""
    for gone in ("InstitutionName", "OperatorsName", "ImageComments", "StudyDescription"):
        assert gone not in ds
    assert not any(e.tag.is_private for e in ds.iterall())
    assert ds.PatientIdentityRemoved == "YES"
    assert ds.BurnedInAnnotation == ("NO" if result.status == "PASS" else "YES")
    codes = {item.CodeValue for item in ds.DeidentificationMethodCodeSequence}
    assert {"113100", "113101"} <= codes
    assert "DICOM:PatientName" in result.removed_metadata
    assert {"NAME", "MRN", "DATE", "LOCATION"} <= {f.entity for f in result.findings if f.source == "dicom-tag"}


def test_burned_in_text_covered_in_pixels(single):
    case, result = single
    mask = mask_of(result.image.size, [f.box for f in result.findings if f.box], 2)
    for item in case.phi:
        assert coverage(mask, item.box) >= 0.9, item.entity
    assert result.dicom is not None and result.dicom.pixel_array.shape == result.image.size[::-1]


def test_uids_remapped_consistently_and_reproducibly_with_key():
    case = dicom_case(random.Random(22), 1)
    src = pydicom.dcmread(io.BytesIO(case.data))
    remap = UidRemapper("team-key")
    policy = Policy(faces="off", barcodes=False)
    a = scrub_image(case.data, policy, uid_remapper=remap).dicom
    b = scrub_image(case.data, policy, uid_remapper=UidRemapper("team-key")).dicom
    assert a.StudyInstanceUID != src.StudyInstanceUID and a.StudyInstanceUID.startswith("2.25.")
    assert a.StudyInstanceUID == b.StudyInstanceUID == remap(src.StudyInstanceUID)
    assert a.file_meta.MediaStorageSOPInstanceUID == a.SOPInstanceUID
    assert a.SOPClassUID == src.SOPClassUID  # DICOM-defined UIDs stay
    assert UidRemapper("other")(src.StudyInstanceUID) != a.StudyInstanceUID
    assert UidRemapper()(src.StudyInstanceUID) != UidRemapper()(src.StudyInstanceUID)  # no key: random


def test_multiframe_16bit_every_frame_cleaned(tmp_path):
    case = dicom_case(random.Random(23), 2, frames=3, bits=16)
    result = scrub(case.data)
    assert len(result.frames) == 3
    frames_with_findings = {f.frame for f in result.findings if f.box}
    assert frames_with_findings == {0, 1, 2}
    ds = pydicom.dcmread(result.save(tmp_path / "mf.dcm"))
    arr = ds.pixel_array
    assert arr.shape[0] == 3 and arr.dtype == np.uint16 and int(ds.BitsStored) == 12
    for k in range(3):
        mask = mask_of((arr.shape[2], arr.shape[1]), [f.box for f in result.findings if f.frame == k], 2)
        for item in case.phi:
            assert coverage(mask, item.box) >= 0.9


def test_compressed_transfer_syntax_decoded_and_written_uncompressed(tmp_path):
    case = dicom_case(random.Random(24), 3, compressed=True)
    assert pydicom.dcmread(io.BytesIO(case.data)).file_meta.TransferSyntaxUID.is_compressed
    result = scrub(case.data)
    ds = pydicom.dcmread(result.save(tmp_path / "c.dcm"))
    assert not ds.file_meta.TransferSyntaxUID.is_compressed
    assert ds.pixel_array.shape == (ds.Rows, ds.Columns)


def test_pydicom_dataset_input_is_not_modified():
    case = dicom_case(random.Random(25), 4)
    ds = pydicom.dcmread(io.BytesIO(case.data))
    name = str(ds.PatientName)
    result = scrub(ds, faces="off")
    assert str(ds.PatientName) == name and str(result.dicom.PatientName) == ""
