"""Synthetic case-study images with known identifier boxes, for tests and the image benchmark.

Every case is generated (nothing real, except scikit-image's public astronaut photo for faces):
radiograph-like frames with burned-in overlays (white, yellow, faint, JPEG-smeared), ultrasound /
viewer screenshots mixing dark-on-light and light-on-dark text, phone photos with EXIF (GPS,
dates, camera serial, orientation), face photos, wristband labels with QR and 1-D barcodes, and
DICOM files. Each gold item records its text, entity (``None`` for non-identifying overlay text
such as ``kVp 120``) and pixel box on the image as displayed.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

Box = tuple[int, int, int, int]

_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")
_FONT_FILES = ("DejaVuSans.ttf", "DejaVuSansMono.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf",
               "DejaVuSansCondensed.ttf")

FIRST = ["John", "Maria", "Robert", "Linda", "James", "Patricia", "Ahmed", "Mei", "Carlos", "Olga",
         "William", "Fatima", "Daniel", "Grace", "Kenji", "Sofia", "Michael", "Aisha", "Thomas", "Elena"]
LAST = ["Smith", "Garcia", "Johnson", "Nguyen", "Williams", "Brown", "Kowalski", "Okafor", "Miller",
        "Rossi", "Davis", "Hernandez", "Anderson", "Schmidt", "Taylor", "Moore", "Jackson", "Martin"]
CITIES = ["Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Clinton", "Franklin", "Salem"]
HOSPITAL_FMT = ["{city} General Hospital", "St. {first} Medical Center", "{last} Memorial Hospital",
                "{city} Regional Medical Center", "University Hospital {city}"]
NON_PHI = ["kVp 120", "mAs 5.0", "W:400 L:40", "Se: 3 Im: 12", "PA", "AP", "LAT", "L", "R",
           "Zoom 1.2", "W:1500 L:300", "512 x 512", "Thk 5.0 mm", "FOV 35 cm"]
US_NON_PHI = ["Gain 50", "Depth 12 cm", "TIS 0.4", "MI 1.1", "FR 32 Hz", "C5-1", "Abd", "2D"]


@dataclass(frozen=True)
class GoldItem:
    text: str
    entity: Optional[str]  # None: not an identifier (must stay visible)
    box: Box


@dataclass
class ImageCase:
    name: str
    kind: str
    data: bytes  # the encoded file, metadata and all
    suffix: str  # ".png", ".jpg", ".tif", ".dcm"
    items: list[GoldItem] = field(default_factory=list)
    faces: list[Box] = field(default_factory=list)
    barcodes: list[Box] = field(default_factory=list)
    metadata: int = 0  # number of identifying metadata fields written

    @property
    def phi(self) -> list[GoldItem]:
        return [i for i in self.items if i.entity is not None]

    @property
    def non_phi(self) -> list[GoldItem]:
        return [i for i in self.items if i.entity is None]


@lru_cache(maxsize=64)
def font(index: int, size: int) -> ImageFont.FreeTypeFont:
    """A TrueType font: DejaVu when installed, else Pillow's built-in one (always available)."""
    name = _FONT_FILES[index % len(_FONT_FILES)]
    for d in _FONT_DIRS:
        p = Path(d) / name
        if p.exists():
            return ImageFont.truetype(str(p), size)
    return ImageFont.load_default(size=size)


class _Writer:
    """Draws text and records gold boxes."""

    def __init__(self, im: Image.Image) -> None:
        self.im = im
        self.draw = ImageDraw.Draw(im)
        self.items: list[GoldItem] = []

    def text(self, xy, label: str, value: str, entity: Optional[str], fnt, fill) -> int:
        """Draw ``label value`` at xy; the gold box covers the value only. Returns line height."""
        x, y = xy
        if label:
            self.draw.text((x, y), label, font=fnt, fill=fill)
            x += int(self.draw.textlength(label + " ", font=fnt))
        self.draw.text((x, y), value, font=fnt, fill=fill)
        l, t, r, b = self.draw.textbbox((x, y), value, font=fnt)
        self.items.append(GoldItem(value, entity, (l, t, r - l, b - t)))
        return int((fnt.size if hasattr(fnt, "size") else 12) * 1.45)


def _phi(rng: random.Random) -> dict[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    y, m, d = rng.randint(1930, 2005), rng.randint(1, 12), rng.randint(1, 28)
    sy, sm, sd = rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    name = rng.choice([f"{last.upper()}, {first.upper()}", f"{first} {last}", f"{last.upper()} {first.upper()}",
                       f"{last}, {first}"])
    city = rng.choice(CITIES)
    return {
        "name": name,
        "dob": rng.choice([f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}-{months[m - 1]}-{y}"]),
        "mrn": str(rng.randint(10**6, 10**8 - 1)).zfill(8),
        "study": rng.choice([f"{sm:02d}/{sd:02d}/{sy}", f"{sy}-{sm:02d}-{sd:02d}", f"{sd} {months[sm - 1]} {sy}"]),
        "hospital": rng.choice(HOSPITAL_FMT).format(city=city, first=rng.choice(["Mary", "Luke", "Joseph"]),
                                                    last=rng.choice(LAST)),
        "acc": f"A{rng.randint(10**6, 10**7 - 1)}",
        "phone": f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
    }


def _radiograph_bg(rng: random.Random, w: int, h: int) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w]
    cx, cy = w / 2 + rng.uniform(-w * .05, w * .05), h / 2 + rng.uniform(-h * .05, h * .05)
    body = np.exp(-(((xx - cx) / (w * .30)) ** 2 + ((yy - cy) / (h * .36)) ** 2) * 2.0)
    ribs = 0.15 * np.sin(yy / rng.uniform(9, 16)) * body
    npr = np.random.default_rng(rng.randint(0, 2**31))
    base = 20 + 170 * body + 40 * ribs + npr.normal(0, 6, (h, w))
    return np.clip(base, 0, 255).astype(np.uint8)


def _encode(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt, **kw)
    return buf.getvalue()


def radiograph(rng: random.Random, idx: int, variant: str) -> ImageCase:
    """Grayscale or colour radiograph with overlays in the four corners."""
    w, h = rng.choice([(512, 512), (640, 640), (768, 768), (1024, 1024), (800, 600)])
    bg = _radiograph_bg(rng, w, h)
    colour = variant in ("yellow", "jpeg")
    im = Image.fromarray(bg).convert("RGB" if colour else "L")
    wr = _Writer(im)
    size = rng.randint(11, 17) if w <= 640 else rng.randint(14, 22)
    fnt = font(rng.randint(0, 4), size)
    if variant == "yellow":
        fill = (255, 230, 40)
    elif variant == "faint":
        fill = rng.randint(95, 130)
    elif colour:
        fill = (235, 235, 235)
    else:
        fill = rng.randint(210, 255)
    p = _phi(rng)
    m = 8
    y = m
    y += wr.text((m, y), rng.choice(["", "Name:", "Pt:"]), p["name"], "NAME", fnt, fill)
    y += wr.text((m, y), "DOB:", p["dob"], "DATE", fnt, fill)
    y += wr.text((m, y), rng.choice(["MRN:", "ID:", "MRN"]), p["mrn"], "MRN", fnt, fill)
    right_lines = [("", p["hospital"], "LOCATION"), ("", p["study"], "DATE")]
    if rng.random() < 0.5:
        right_lines.append(("Acc:", p["acc"], "OTHER_ID"))
    y = m
    for label, value, ent in right_lines:
        tw = int(wr.draw.textlength((label + " " if label else "") + value, font=fnt))
        y += wr.text((w - m - tw, y), label, value, ent, fnt, fill)
    non = rng.sample(NON_PHI[:6], 2)
    yb = h - m - 2 * int(size * 1.45)
    for t in non:
        yb += wr.text((m, yb), "", t, None, fnt, fill)
    marker = rng.choice(["L", "R", "PA", "AP"])
    big = font(2, size * 2)
    wr.text((w - m - int(wr.draw.textlength(marker, font=big)) - 10, h // 2), "", marker, None, big, fill)
    wr.text((w - m - int(wr.draw.textlength("W:400 L:40", font=fnt)), h - m - int(size * 1.45)), "",
            "W:400 L:40", None, fnt, fill)
    if variant == "jpeg":
        data = _encode(im, "JPEG", quality=rng.randint(55, 75))
        return ImageCase(f"radiograph-{variant}-{idx:03d}", "radiograph", data, ".jpg", wr.items)
    if variant == "tiff":
        from PIL import TiffImagePlugin

        info = TiffImagePlugin.ImageFileDirectory_v2()
        info[270] = f"{p['name']} {p['mrn']}"
        info[315] = "Technologist"
        info[306] = "2024:03:14 10:22:31"
        data = _encode(im, "TIFF", tiffinfo=info)
        return ImageCase(f"radiograph-{variant}-{idx:03d}", "radiograph", data, ".tif", wr.items, metadata=3)
    from PIL import PngImagePlugin

    pnginfo = PngImagePlugin.PngInfo()
    pnginfo.add_text("Author", p["name"])
    pnginfo.add_text("Comment", f"MRN {p['mrn']}")
    pnginfo.add_text("Creation Time", p["study"])
    data = _encode(im, "PNG", pnginfo=pnginfo)
    return ImageCase(f"radiograph-{variant}-{idx:03d}", "radiograph", data, ".png", wr.items, metadata=3)


def screenshot(rng: random.Random, idx: int) -> ImageCase:
    """Ultrasound/viewer screenshot: a light toolbar with dark text above a dark image panel with
    light text, so one picture mixes both polarities."""
    w, h = rng.choice([(800, 600), (1024, 768), (960, 720)])
    im = Image.new("RGB", (w, h), (236, 236, 236))
    panel_top = rng.randint(50, 70)
    sector = Image.fromarray(_radiograph_bg(rng, w - 40, h - panel_top - 20) // 2).convert("RGB")
    im.paste(sector, (20, panel_top))
    wr = _Writer(im)
    p = _phi(rng)
    size = rng.randint(13, 18)
    f_dark, f_light = font(rng.randint(0, 4), size), font(rng.randint(0, 4), size - 1)
    dark, light = (rng.randint(0, 60),) * 3, (rng.randint(200, 255),) * 3
    x = 12
    y = 8 if panel_top > 55 else 6
    wr.text((x, y), "Patient:", p["name"], "NAME", f_dark, dark)
    wr.text((w // 2, y), "MRN:", p["mrn"], "MRN", f_dark, dark)
    y2 = y + int(size * 1.4)
    if y2 + size < panel_top:
        wr.text((x, y2), "DOB:", p["dob"], "DATE", f_dark, dark)
    py = panel_top + 10
    py += wr.text((30, py), "", p["hospital"], "LOCATION", f_light, light)
    py += wr.text((30, py), "", p["study"], "DATE", f_light, light)
    if rng.random() < 0.5:
        py += wr.text((30, py), "Tel:", p["phone"], "PHONE", f_light, light)
    ry = panel_top + 10
    for t in rng.sample(US_NON_PHI, 3):
        tw = int(wr.draw.textlength(t, font=f_light))
        ry += wr.text((w - 30 - tw, ry), "", t, None, f_light, light)
    data = _encode(im, "PNG")
    return ImageCase(f"screenshot-{idx:03d}", "screenshot", data, ".png", wr.items)


def _exif(rng: random.Random, p: dict[str, str], orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[271], exif[272] = "Apple", "iPhone 13"
    exif[306] = "2024:03:14 10:22:31"
    exif[315] = p["name"]
    exif[270] = "lesion left forearm"
    exif[274] = orientation
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = "2024:03:14 10:22:31"
    sub[0xA431] = f"SN{rng.randint(10**7, 10**8)}"
    sub[0x9286] = b"ASCII\x00\x00\x00" + p["mrn"].encode()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (40.0, 44.0, 54.36)
    gps[3], gps[4] = "W", (73.0, 59.0, 8.5)
    return exif


def phone_photo(rng: random.Random, idx: int, with_face: bool) -> ImageCase:
    """JPEG 'phone photo' (a skin lesion, or the astronaut portrait) with EXIF GPS, dates, serial."""
    p = _phi(rng)
    faces: list[Box] = []
    if with_face:
        from skimage import data as skdata

        portrait = Image.fromarray(skdata.astronaut())
        s = rng.choice([0.8, 1.0, 1.25])
        portrait = portrait.resize((int(512 * s), int(512 * s)))
        W, H = int(512 * s) + rng.randint(0, 200), int(512 * s) + rng.randint(0, 120)
        im = Image.new("RGB", (W, H), (200, 190, 180))
        ox, oy = rng.randint(0, W - portrait.width), rng.randint(0, H - portrait.height)
        im.paste(portrait, (ox, oy))
        fx, fy, fw, fh = 178, 70, 95, 112  # hand-labelled face box on the 512 px original
        faces.append((ox + int(fx * s), oy + int(fy * s), int(fw * s), int(fh * s)))
    else:
        W, H = rng.choice([(800, 600), (640, 480), (1000, 750)])
        npr = np.random.default_rng(rng.randint(0, 2**31))
        skin = np.array([rng.randint(180, 230), rng.randint(140, 180), rng.randint(110, 150)], float)
        yy, xx = np.mgrid[0:H, 0:W]
        lesion = np.exp(-(((xx - W / 2) / (W * .12)) ** 2 + ((yy - H / 2) / (H * .14)) ** 2))
        arr = skin[None, None, :] * (1 - 0.55 * lesion[..., None]) + npr.normal(0, 5, (H, W, 3))
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1))
    orientation = rng.choice([1, 1, 6, 3])
    stored = {1: im, 6: im.transpose(Image.Transpose.ROTATE_90), 3: im.transpose(Image.Transpose.ROTATE_180)}[orientation]
    data = _encode(stored, "JPEG", quality=88, exif=_exif(rng, p, orientation), comment=b"patient photo")
    return ImageCase(f"photo-{'face' if with_face else 'lesion'}-{idx:03d}", "photo", data, ".jpg", [],
                     faces, metadata=10)


def label(rng: random.Random, idx: int) -> ImageCase:
    """A wristband/requisition label photo: QR code and Code 128 carrying the MRN, plus text."""
    import zxingcpp

    p = _phi(rng)
    W, H = 900, 360
    im = Image.new("RGB", (W, H), (250, 250, 245))
    wr = _Writer(im)
    fnt = font(rng.randint(0, 4), rng.randint(18, 24))
    y = 20
    y += wr.text((24, y), "", p["name"], "NAME", fnt, (10, 10, 10))
    y += wr.text((24, y), "DOB:", p["dob"], "DATE", fnt, (10, 10, 10))
    y += wr.text((24, y), "MRN:", p["mrn"], "MRN", fnt, (10, 10, 10))
    qr = Image.fromarray(np.asarray(zxingcpp.write_barcode_to_image(
        zxingcpp.create_barcode(f"MRN:{p['mrn']}", zxingcpp.BarcodeFormat.QRCode), scale=5, add_quiet_zones=False))).convert("RGB")
    qx, qy = W - qr.width - 24, 24
    im.paste(qr, (qx, qy))
    bars = Image.fromarray(np.asarray(zxingcpp.write_barcode_to_image(
        zxingcpp.create_barcode(p["mrn"], zxingcpp.BarcodeFormat.Code128), scale=3, add_quiet_zones=False))).convert("RGB")
    bars = bars.resize((bars.width, 70))
    bx, by = 24, H - 100
    im.paste(bars, (bx, by))
    codes = [(qx, qy, qr.width, qr.height), (bx, by, bars.width, bars.height)]
    data = _encode(im, "PNG")
    return ImageCase(f"label-{idx:03d}", "label", data, ".png", wr.items, barcodes=codes)


def dicom_case(rng: random.Random, idx: int, frames: int = 1, bits: int = 8, compressed: bool = False) -> ImageCase:
    """A DICOM file with a full identifying header and burned-in overlay text on every frame."""
    import pydicom
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, RLELossless, generate_uid

    base = radiograph(rng, idx, "white")
    im = Image.open(io.BytesIO(base.data)).convert("L")
    arr = np.asarray(im)
    if bits == 16:
        arr = arr.astype(np.uint16) * 16  # 12 bits used
    stack = np.stack([arr] * frames) if frames > 1 else arr
    p = _phi(rng)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"  # Secondary Capture
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
    ds.PatientName = p["name"].replace(", ", "^")
    ds.PatientID = p["mrn"]
    ds.PatientBirthDate = "19610314"
    ds.PatientSex = "F"
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = "20240314"
    ds.StudyTime = "102231"
    ds.AccessionNumber = p["acc"]
    ds.InstitutionName = p["hospital"]
    ds.ReferringPhysicianName = "Jones^Alan"
    ds.OperatorsName = "Tech^Terry"
    ds.StudyDescription = "CHEST PA"
    ds.ImageComments = f"{p['name']} follow-up"
    ds.Modality = "OT"
    ds.add_new(0x00091010, "LO", "private vendor data")
    ds.Rows, ds.Columns = arr.shape
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated = 8 if bits == 8 else 16
    ds.BitsStored, ds.HighBit = (8, 7) if bits == 8 else (12, 11)
    ds.PixelRepresentation = 0
    if frames > 1:
        ds.NumberOfFrames = frames
    ds.PixelData = np.ascontiguousarray(stack).tobytes()
    if compressed:
        ds.compress(RLELossless)
    buf = io.BytesIO()
    pydicom.dcmwrite(buf, ds, enforce_file_format=True)
    return ImageCase(f"dicom-{idx:03d}", "dicom", buf.getvalue(), ".dcm", base.items, metadata=12)


def generate_cases(n: int = 60, seed: int = 7) -> list[ImageCase]:
    """``n`` cases cycling through every kind, reproducible from ``seed``."""
    rng = random.Random(seed)
    makers = [
        lambda i: radiograph(rng, i, "white"),
        lambda i: screenshot(rng, i),
        lambda i: radiograph(rng, i, "yellow"),
        lambda i: radiograph(rng, i, "jpeg"),
        lambda i: phone_photo(rng, i, with_face=i % 2 == 0),
        lambda i: radiograph(rng, i, "faint"),
        lambda i: label(rng, i),
        lambda i: screenshot(rng, i),
        lambda i: radiograph(rng, i, "tiff"),
    ]
    return [makers[i % len(makers)](i) for i in range(n)]
