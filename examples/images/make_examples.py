"""Generate the small synthetic example images in this folder (all identifiers are invented).

    .venv/bin/python examples/images/make_examples.py

- radiograph.png   chest-film-like frame with burned-in name, DOB, MRN, study date, institution
                   (white and yellow-ish overlays) and non-identifying overlay text (kVp, W/L, PA).
- phone_photo.jpg  "phone photo" of a skin lesion with EXIF GPS, dates, camera make/model/serial,
                   artist, user comment, a JPEG comment, and EXIF orientation 6 (stored rotated).
- study.dcm        small DICOM (RLE Lossless) with an identifying header and burned-in text.

Then try:  .venv/bin/python -c "from pathlib import Path; from phiscrub import scrub;
           r = scrub(Path('examples/images/radiograph.png')); print(r.status, r.entities); r.save('/tmp/clean.png')"
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter, PngImagePlugin

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from phiscrub.bench.image_cases import _exif, _radiograph_bg, _Writer, font  # noqa: E402

PHI = {"name": "KOWALSKI, MARIA", "dob": "03/14/1961", "mrn": "00482913", "study": "2024-03-14",
       "hospital": "Salem General Hospital", "acc": "A7655194"}


def radiograph() -> Image.Image:
    rng = random.Random(1)
    bg = Image.fromarray(_radiograph_bg(rng, 512, 512)).filter(ImageFilter.GaussianBlur(1.2))
    im = bg.convert("RGB")
    wr = _Writer(im)
    f = font(0, 14)
    white, yellow = (240, 240, 240), (250, 225, 60)
    y = 8
    y += wr.text((8, y), "Name:", PHI["name"], "NAME", f, white)
    y += wr.text((8, y), "DOB:", PHI["dob"], "DATE", f, white)
    wr.text((8, y), "MRN:", PHI["mrn"], "MRN", f, white)
    for k, (text, ent) in enumerate(((PHI["hospital"], "LOCATION"), (PHI["study"], "DATE"))):
        w = int(wr.draw.textlength(text, font=f))
        wr.text((504 - w, 8 + k * 20), "", text, ent, f, yellow)
    wr.text((8, 466), "", "kVp 120  mAs 5.0", None, f, white)
    wr.text((404, 486), "", "W:400 L:40", None, f, white)
    wr.text((470, 250), "", "PA", None, font(2, 24), yellow)
    return im


def phone_photo() -> bytes:
    W, H = 480, 360
    yy, xx = np.mgrid[0:H, 0:W]
    lesion = np.exp(-(((xx - W / 2) / (W * .12)) ** 2 + ((yy - H / 2) / (H * .14)) ** 2))
    skin = np.array([214, 160, 130], float)
    arr = skin[None, None, :] * (1 - 0.55 * lesion[..., None])
    shown = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(2))
    stored = shown.transpose(Image.Transpose.ROTATE_90)  # EXIF orientation 6: viewers rotate it back
    buf = io.BytesIO()
    stored.save(buf, "JPEG", quality=80, exif=_exif(random.Random(2), {**PHI, "name": "Maria Kowalski"}, 6),
                comment=b"photo of patient lesion")
    return buf.getvalue()


def study_dcm() -> bytes:
    import pydicom
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, RLELossless, generate_uid

    arr = np.asarray(radiograph().convert("L").crop((0, 0, 512, 384)))  # the top, where the overlays are
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=["phiscrub-example-sop"])
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid(entropy_srcs=["phiscrub-example-study"])
    ds.SeriesInstanceUID = generate_uid(entropy_srcs=["phiscrub-example-series"])
    ds.PatientName, ds.PatientID, ds.PatientBirthDate, ds.PatientSex = "KOWALSKI^MARIA", PHI["mrn"], "19610314", "F"
    ds.StudyDate = ds.SeriesDate = "20240314"
    ds.StudyTime = "102231"
    ds.AccessionNumber, ds.InstitutionName = PHI["acc"], PHI["hospital"]
    ds.ReferringPhysicianName, ds.OperatorsName = "JONES^ALAN", "TECH^TERRY"
    ds.StudyDescription, ds.ImageComments, ds.Modality = "CHEST PA", "follow-up, see prior", "OT"
    ds.Rows, ds.Columns = arr.shape
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PixelData = arr.tobytes()
    ds.compress(RLELossless)
    buf = io.BytesIO()
    pydicom.dcmwrite(buf, ds, enforce_file_format=True)
    return buf.getvalue()


def main() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Dr. Alan Jones")
    info.add_text("Comment", f"MRN {PHI['mrn']}")
    radiograph().save(HERE / "radiograph.png", pnginfo=info, optimize=True)
    (HERE / "phone_photo.jpg").write_bytes(phone_photo())
    (HERE / "study.dcm").write_bytes(study_dcm())
    for p in ("radiograph.png", "phone_photo.jpg", "study.dcm"):
        print(f"{p:16s} {(HERE / p).stat().st_size / 1024:6.1f} KB")


if __name__ == "__main__":
    main()
