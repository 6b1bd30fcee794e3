"""Which metadata an image carries (field names only, never values), and what each can identify.

phiscrub never edits metadata in place: it writes fresh pixels into a fresh container, so every
field listed here is dropped. This module only names what went, for ``removed_metadata``.
"""

from __future__ import annotations

from PIL import ExifTags, Image

from ..entities import DATE, DEVICE, LOCATION, NAME, OTHER_ID

# TIFF tags that describe the picture or its origin rather than its pixel layout.
_TIFF_DESCRIPTIVE = {
    269: "DocumentName", 270: "ImageDescription", 271: "Make", 272: "Model", 285: "PageName",
    305: "Software", 306: "DateTime", 315: "Artist", 316: "HostComputer", 700: "XMP",
    33432: "Copyright", 33723: "IPTC", 34377: "Photoshop", 34665: "ExifIFD", 34853: "GPSInfo",
    37510: "UserComment", 42016: "ImageUniqueID", 42032: "CameraOwnerName", 42033: "BodySerialNumber",
}
# Container keys that describe layout or decoding only.
_STRUCTURAL_INFO = {
    "dpi", "gamma", "transparency", "aspect", "srgb", "chromaticity", "interlace", "jfif",
    "jfif_version", "jfif_unit", "jfif_density", "progressive", "progression", "adobe",
    "adobe_transform", "version", "background", "duration", "loop", "compression", "exif",
    "icc_profile", "comment", "xmp", "XML:com.adobe.xmp", "photoshop", "mp", "mpoffset",
    "resolution", "disposal", "extension", "bbox", "default_image", "lossless", "blend",
    "timestamp", "mode", "tile", "compression_quality", "quality", "subsampling", "extrema",
    "frame", "dispose", "taggedxmp", "mpinfo", "palette", "usebitfields", "sizes",
}
# Standard PNG text keywords (any other key is reported as <custom>: a key itself could identify).
_PNG_KEYWORDS = {
    "Title", "Author", "Description", "Copyright", "Creation Time", "Software", "Disclaimer",
    "Warning", "Source", "Comment", "XML:com.adobe.xmp", "Raw profile type exif",
    "Raw profile type iptc", "Raw profile type xmp", "date:create", "date:modify", "date:timestamp",
}
_IFD_EXIF, _IFD_GPS, _IFD_INTEROP = 0x8769, 0x8825, 0xA005


def _exif_names(im: Image.Image) -> list[str]:
    try:
        exif = im.getexif()
    except Exception:  # an unreadable EXIF block is still EXIF: report it, it is dropped anyway
        return ["EXIF"]
    names: list[str] = []
    if im.format == "TIFF":
        for tag in exif:
            if tag in _TIFF_DESCRIPTIVE or tag >= 32768:
                names.append("TIFF:" + _TIFF_DESCRIPTIVE.get(tag, ExifTags.TAGS.get(tag, f"0x{tag:04X}")))
    else:
        names += ["EXIF:" + ExifTags.TAGS.get(t, f"0x{t:04X}") for t in exif if t not in (_IFD_EXIF, _IFD_GPS)]
    for ifd, prefix, table in ((_IFD_EXIF, "EXIF:", ExifTags.TAGS), (_IFD_GPS, "GPS:", ExifTags.GPSTAGS),
                               (_IFD_INTEROP, "EXIF:", ExifTags.TAGS)):
        try:
            sub = exif.get_ifd(ifd)
        except Exception:
            sub = {}
        names += [prefix + table.get(t, f"0x{t:04X}") for t in sub]
    return names


def metadata_fields(im: Image.Image) -> list[str]:
    """Names of every metadata field in ``im`` that could carry identifying information."""
    info = im.info
    names: list[str] = []
    if "exif" in info or im.format == "TIFF":
        names += _exif_names(im)
    if "xmp" in info or "XML:com.adobe.xmp" in info or "taggedxmp" in info:
        names.append("XMP")
    if "photoshop" in info or any(m == "APP13" for m, _ in getattr(im, "applist", [])):
        names.append("IPTC")
    if "comment" in info:
        names.append("GIF:Comment" if im.format == "GIF" else f"{im.format or 'IMAGE'}:Comment")
    if "icc_profile" in info and info["icc_profile"]:
        names.append("ICC_PROFILE")
    text = getattr(im, "text", None) if im.format == "PNG" else None
    if text:
        names += [f"PNG:text:{k if k in _PNG_KEYWORDS else '<custom>'}" for k in text]
    for k in info:
        if isinstance(k, str) and k not in _STRUCTURAL_INFO and (text is None or k not in text):
            names.append(f"{im.format or 'IMAGE'}:{k if k in _PNG_KEYWORDS else '<custom>'}")
    return list(dict.fromkeys(names))


def metadata_entity(name: str) -> str | None:
    """The identifier type a removed field could carry, or ``None`` for technical fields."""
    n = name.lower()
    if n.startswith("gps"):
        return LOCATION
    if "date" in n or "time" in n:
        return DATE
    if "serial" in n or "uniqueid" in n or n.endswith((":make", ":model", ":lensmodel", ":hostcomputer")):
        return DEVICE
    if any(k in n for k in ("artist", "owner", "author", "copyright")):
        return NAME
    if any(k in n for k in ("comment", "description", "makernote", "xmp", "iptc", "png:text", "title",
                            "documentname", "pagename", "<custom>")):
        return OTHER_ID
    return None
