"""DICOM: header de-identification (PS3.15 Basic Application Level Confidentiality Profile),
consistent UID remapping, and pixel data in and out (every frame, compressed syntaxes decoded and
written back uncompressed with the transfer syntax updated)."""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import threading
from typing import Optional

import numpy as np
from PIL import Image

from ..entities import DATE, DEVICE, LOCATION, MRN, NAME, OTHER_ID
from ..errors import CorruptInputError, PhiscrubError
from ..findings import Finding
from ..version import __version__
from .loading import LoadedImage

# PS3.15 Table E.1-1 actions (Basic Profile) for the attributes that carry identifiers.
# Z: replace with a zero-length value; X: remove. Generic rules below catch what the table misses:
# every private tag, overlay/curve group, person name, date/time and non-standard UID.
_ZERO = {
    "PatientName": NAME, "PatientID": MRN, "PatientBirthDate": DATE, "PatientSex": None,
    "StudyDate": DATE, "StudyTime": DATE, "AccessionNumber": OTHER_ID, "ReferringPhysicianName": NAME,
    "StudyID": OTHER_ID, "ContentCreatorName": NAME, "ContentDate": DATE, "ContentTime": DATE,
}
_REMOVE = {
    "InstitutionName": LOCATION, "InstitutionAddress": LOCATION, "InstitutionalDepartmentName": LOCATION,
    "InstitutionCodeSequence": LOCATION, "StationName": DEVICE, "DeviceSerialNumber": DEVICE,
    "DeviceUID": DEVICE, "SoftwareVersions": DEVICE, "PerformingPhysicianName": NAME, "OperatorsName": NAME,
    "NameOfPhysiciansReadingStudy": NAME, "PhysiciansOfRecord": NAME, "RequestingPhysician": NAME,
    "ReferringPhysicianAddress": LOCATION, "ReferringPhysicianTelephoneNumbers": OTHER_ID,
    "PatientAddress": LOCATION, "PatientTelephoneNumbers": OTHER_ID, "OtherPatientIDs": MRN,
    "OtherPatientNames": NAME, "OtherPatientIDsSequence": MRN, "PatientBirthName": NAME,
    "PatientMotherBirthName": NAME, "PatientBirthTime": DATE, "PatientAge": None, "PatientSize": None,
    "PatientWeight": None, "MilitaryRank": None, "BranchOfService": None, "EthnicGroup": None,
    "Occupation": None, "AdditionalPatientHistory": OTHER_ID, "PatientComments": OTHER_ID,
    "PatientReligiousPreference": None, "CountryOfResidence": LOCATION, "RegionOfResidence": LOCATION,
    "MedicalRecordLocator": MRN, "IssuerOfPatientID": OTHER_ID, "PatientInsurancePlanCodeSequence": OTHER_ID,
    "ResponsiblePerson": NAME, "ResponsibleOrganization": LOCATION, "PatientState": None,
    "PregnancyStatus": None, "Allergies": None, "MedicalAlerts": None, "SmokingStatus": None,
    "StudyDescription": OTHER_ID, "SeriesDescription": OTHER_ID, "ProtocolName": OTHER_ID,
    "AdmittingDiagnosesDescription": OTHER_ID, "ImageComments": OTHER_ID, "StudyComments": OTHER_ID,
    "FrameComments": OTHER_ID, "AcquisitionComments": OTHER_ID, "InterpretationText": OTHER_ID,
    "DerivationDescription": OTHER_ID, "RequestAttributesSequence": OTHER_ID,
    "ReferencedPatientSequence": OTHER_ID, "ReferencedStudySequence": OTHER_ID,
    "ReferencedPerformedProcedureStepSequence": OTHER_ID, "PerformedProcedureStepID": OTHER_ID,
    "PerformedProcedureStepDescription": OTHER_ID, "RequestedProcedureDescription": OTHER_ID,
    "RequestedProcedureID": OTHER_ID, "ScheduledProcedureStepID": OTHER_ID,
    "ScheduledProcedureStepDescription": OTHER_ID, "PerformedLocation": LOCATION,
    "ScheduledPerformingPhysicianName": NAME, "ReasonForStudy": OTHER_ID, "RequestingService": LOCATION,
    "TimezoneOffsetFromUTC": DATE, "TextComments": OTHER_ID, "TextString": OTHER_ID,
    "PersonName": NAME, "VerifyingObserverName": NAME, "PersonAddress": LOCATION,
    "PersonTelephoneNumbers": OTHER_ID, "InstanceCreatorUID": OTHER_ID, "ClinicalTrialSponsorName": None,
    "PatientTransportArrangements": OTHER_ID, "VisitComments": OTHER_ID, "AdmissionID": OTHER_ID,
    "ServiceEpisodeID": OTHER_ID, "ServiceEpisodeDescription": OTHER_ID, "CurrentPatientLocation": LOCATION,
    "PatientInstitutionResidence": LOCATION, "DetectorID": DEVICE, "GantryID": DEVICE,
    "CassetteID": DEVICE, "PlateID": DEVICE, "ImagePresentationComments": OTHER_ID,
}
_STANDARD_UID_ROOT = "1.2.840.10008."  # DICOM-defined UIDs (SOP classes, transfer syntaxes) stay
_DATE_VRS = ("DA", "DT", "TM")


class UidRemapper:
    """Maps each UID to a new ``2.25.<decimal>`` UID, the same one every time within a batch.

    With a key the mapping is a keyed hash (HMAC-SHA256), hence reproducible across runs; without
    one a random secret is drawn per remapper. Share one instance across a batch; thread-safe.
    """

    def __init__(self, key: Optional[str] = None) -> None:
        self._secret = ("phiscrub-uid:" + key).encode() if key is not None else os.urandom(32)
        self._lock = threading.Lock()
        self._cache: dict[str, str] = {}

    def __call__(self, uid: str) -> str:
        uid = str(uid).strip().rstrip("\x00")
        if not uid or uid.startswith(_STANDARD_UID_ROOT):
            return uid
        with self._lock:
            new = self._cache.get(uid)
            if new is None:
                digest = hmac.new(self._secret, uid.encode(), hashlib.sha256).digest()
                new = "2.25." + str(int.from_bytes(digest[:16], "big"))
                self._cache[uid] = new
            return new

    def __len__(self) -> int:
        return len(self._cache)


def _read(fp, name: str):
    import pydicom

    try:
        return pydicom.dcmread(fp, force=True)
    except Exception as e:
        raise CorruptInputError(f"{name}: cannot read DICOM ({type(e).__name__})") from None


def load_dicom_bytes(raw: bytes, name: str, max_pixels: int) -> LoadedImage:
    ds = _read(io.BytesIO(raw), name)
    if "PixelData" not in ds and "SOPClassUID" not in ds and "PatientName" not in ds:
        raise CorruptInputError(f"{name}: not a DICOM file")
    return load_dicom_dataset(ds, name, max_pixels, copy=False)


def load_dicom_dataset(ds, name: str, max_pixels: int, copy: bool = True) -> LoadedImage:
    """Frames of a DICOM dataset as PIL images (L, RGB, or I for >8-bit/signed data)."""
    if copy:
        import copy as _copy

        ds = _copy.deepcopy(ds)  # never modify the caller's dataset
    frames: list[Image.Image] = []
    if "PixelData" in ds:
        rows, cols = int(ds.get("Rows", 0)), int(ds.get("Columns", 0))
        n = int(ds.get("NumberOfFrames", 1) or 1)
        if rows * cols * n > max_pixels:
            raise CorruptInputError(f"{name}: {cols}x{rows}x{n} pixels exceeds max_image_pixels={max_pixels}")
        try:
            arr = ds.pixel_array
        except Exception as e:
            raise CorruptInputError(f"{name}: cannot decode DICOM pixel data ({type(e).__name__})") from None
        spp = int(ds.get("SamplesPerPixel", 1))
        if n == 1:
            arr = arr[None, ...]
        for f in arr:
            if spp == 3:
                frames.append(Image.fromarray(np.ascontiguousarray(f.astype(np.uint8))))
            elif f.dtype == np.uint8:
                frames.append(Image.fromarray(f))
            else:
                frames.append(Image.fromarray(f.astype(np.int32)))
    return LoadedImage(frames, "DICOM", name, [], None, [], ds)


def deidentify_header(ds, remap: UidRemapper) -> tuple[list[Finding], list[str]]:
    """Apply the Basic Profile to ``ds`` in place. Returns (findings, removed attribute keywords)."""
    findings: list[Finding] = []
    removed: list[str] = []

    def note(keyword: str, entity: Optional[str], had_value: bool) -> None:
        removed.append("DICOM:" + keyword)
        if entity and had_value:
            findings.append(Finding(0, 0, entity, 1.0, "dicom-tag"))

    ds.remove_private_tags()
    removed_groups = [t for t in ds.keys() if 0x5000 <= t.group <= 0x50FF or 0x6000 <= t.group <= 0x60FF]
    for t in removed_groups:
        del ds[t]
    if removed_groups:
        removed.append("DICOM:Overlay/Curve groups")

    def visit(dataset) -> None:
        for elem in list(dataset):
            kw = elem.keyword or f"({elem.tag.group:04X},{elem.tag.element:04X})"
            has = elem.value not in (None, "", b"") and not (elem.VR == "SQ" and len(elem.value) == 0)
            if kw in _REMOVE:
                del dataset[elem.tag]
                note(kw, _REMOVE[kw], has)
            elif kw in _ZERO:
                elem.value = "" if elem.VR != "SQ" else []
                if has:
                    note(kw, _ZERO[kw], True)
            elif elem.VR == "SQ":
                for item in elem.value:
                    visit(item)
            elif elem.VR == "PN" and has:
                elem.value = ""
                note(kw, NAME, True)
            elif elem.VR in _DATE_VRS and has:
                elem.value = ""
                note(kw, DATE, True)
            elif elem.VR == "UI" and has:
                vals = elem.value if isinstance(elem.value, (list, tuple)) or elem.VM > 1 else [elem.value]
                new = [remap(str(v)) for v in vals]
                if new != [str(v) for v in vals]:
                    elem.value = new if len(new) > 1 else new[0]
                    removed.append("DICOM:" + kw + " (remapped)")

    visit(ds)
    meta = getattr(ds, "file_meta", None)
    if meta is not None and "MediaStorageSOPInstanceUID" in meta:
        meta.MediaStorageSOPInstanceUID = remap(str(meta.MediaStorageSOPInstanceUID))
    return findings, list(dict.fromkeys(removed))


def mark_deidentified(ds, pixels_cleaned: bool, verified: bool) -> None:
    """Set the attributes PS3.15 asks a de-identifier to set."""
    from pydicom.dataset import Dataset
    from pydicom.sequence import Sequence

    ds.PatientIdentityRemoved = "YES"
    ds.LongitudinalTemporalInformationModified = "REMOVED"
    ds.DeidentificationMethod = (f"phiscrub {__version__} PS3.15 Basic Profile"  # LO: at most 64 chars
                                 + (" + Clean Pixel Data" if pixels_cleaned else ""))[:64]
    codes = [("113100", "Basic Application Confidentiality Profile")]
    if pixels_cleaned:
        codes.append(("113101", "Clean Pixel Data Option"))
    items = []
    for value, meaning in codes:
        item = Dataset()
        item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, "DCM", meaning
        items.append(item)
    ds.DeidentificationMethodCodeSequence = Sequence(items)
    if "PixelData" in ds:
        # NO only when every frame was cleaned and the re-read found nothing left.
        ds.BurnedInAnnotation = "NO" if (pixels_cleaned and verified) else "YES"


def set_frames(ds, frames: list[Image.Image]) -> None:
    """Write cleaned frames back as uncompressed pixel data (transfer syntax updated by pydicom)."""
    arrs = [np.asarray(f) for f in frames]
    arr = arrs[0] if len(arrs) == 1 else np.stack(arrs)
    spp = int(ds.get("SamplesPerPixel", 1))
    if spp == 3:
        photometric = "RGB"
        arr = arr.astype(np.uint8)
        bits = 8
    else:
        photometric = str(ds.get("PhotometricInterpretation", "MONOCHROME2"))
        if photometric not in ("MONOCHROME1", "MONOCHROME2"):
            photometric = "MONOCHROME2"
        bits = int(ds.get("BitsStored", 8))
        signed = int(ds.get("PixelRepresentation", 0)) == 1
        if bits <= 8 and not signed:
            arr = arr.astype(np.uint8)
        else:
            arr = arr.astype(np.int16 if signed else np.uint16)
    ds.set_pixel_data(arr, photometric, bits, generate_instance_uid=False)
    if len(frames) > 1:
        ds.NumberOfFrames = len(frames)


def check_header(ds) -> None:
    """Fail closed if a person name or private tag survived de-identification."""
    for elem in ds.iterall():
        if elem.tag.is_private:
            raise PhiscrubError("DICOM de-identification left a private tag; output withheld")
        if elem.VR == "PN" and elem.value not in (None, ""):
            raise PhiscrubError(f"DICOM de-identification left a person name ({elem.keyword}); output withheld")


def write_dicom(ds, path: str) -> None:
    ds.save_as(path, enforce_file_format=True)
    _read(path, os.path.basename(path))  # readable again, or raise
