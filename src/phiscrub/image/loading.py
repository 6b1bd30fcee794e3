"""Reading any supported input into frames of pixels, with fail-closed errors that name the file."""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import CorruptInputError, UnsupportedInputError
from .metadata import metadata_fields

ALLOWED_FORMATS = ("PNG", "JPEG", "TIFF", "BMP", "WEBP", "GIF")  # JPEG also opens MPO
_KEEP_MODES = ("L", "RGB", "RGBA", "I;16", "I")


@dataclass
class LoadedImage:
    """Decoded input: every frame in a mode phiscrub redacts directly, plus what it carried."""

    frames: list[Image.Image]
    format: str
    name: str  # for error messages: file name or "<bytes>", never content
    metadata: list[str] = field(default_factory=list)
    source_path: Optional[Path] = None
    durations: list[int] = field(default_factory=list)
    dicom: Any = None  # pydicom Dataset when the input is DICOM


def is_dicom_bytes(head: bytes) -> bool:
    return len(head) >= 132 and head[128:132] == b"DICM"


def normalize_mode(im: Image.Image) -> Image.Image:
    """Palette, CMYK, 1-bit, LA, big-endian 16-bit... → L, RGB, RGBA, I;16 or I."""
    if im.mode in _KEEP_MODES:
        return im
    if im.mode in ("1",):
        return im.convert("L")
    if im.mode in ("P", "PA"):
        return im.convert("RGBA" if (im.mode == "PA" or "transparency" in im.info) else "RGB")
    if im.mode in ("LA", "La", "RGBa"):
        return im.convert("RGBA")
    if im.mode.startswith("I;16"):
        return im.convert("I")
    if im.mode == "F":
        from .preprocess import to_gray8

        return Image.fromarray(to_gray8(im))
    return im.convert("RGB")  # CMYK, YCbCr, LAB, HSV, RGBX


def load_input(data: Any, max_pixels: int) -> LoadedImage:
    """Decode ``data`` (PIL image, bytes, path, or pydicom Dataset) into a :class:`LoadedImage`."""
    if isinstance(data, Image.Image):
        return _from_pil(data, "<PIL image>", max_pixels, None, opened=False)
    if type(data).__module__.startswith("pydicom"):
        from .dicom import load_dicom_dataset

        return load_dicom_dataset(data, "<pydicom dataset>", max_pixels)
    if isinstance(data, os.PathLike):
        path = Path(data)
        name = path.name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise CorruptInputError(f"{name}: file not found") from None
        except OSError as e:
            raise CorruptInputError(f"{name}: cannot read file ({type(e).__name__})") from None
        return load_bytes(raw, name, max_pixels, path)
    if isinstance(data, (bytes, bytearray, memoryview)):
        return load_bytes(bytes(data), "<bytes>", max_pixels, None)
    raise UnsupportedInputError(f"cannot scrub an image given as {type(data).__name__}")


def load_bytes(raw: bytes, name: str, max_pixels: int, path: Optional[Path]) -> LoadedImage:
    if not raw:
        raise CorruptInputError(f"{name}: empty file")
    if is_dicom_bytes(raw[:132]) or (path is not None and path.suffix.lower() in (".dcm", ".dicom")):
        from .dicom import load_dicom_bytes

        loaded = load_dicom_bytes(raw, name, max_pixels)
        loaded.source_path = path
        return loaded
    Image.init()  # register every plugin, so that formats= can name TIFF and WebP
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(raw), formats=list(ALLOWED_FORMATS))
    except UnidentifiedImageError:
        raise UnsupportedInputError(
            f"{name}: not a supported image (PNG, JPEG, TIFF, BMP, WebP, GIF or DICOM)") from None
    except Image.DecompressionBombError:
        raise CorruptInputError(f"{name}: image too large (decompression bomb guard)") from None
    except Exception as e:
        raise CorruptInputError(f"{name}: cannot decode image ({type(e).__name__})") from None
    return _from_pil(im, name, max_pixels, path, opened=True)


def _from_pil(im: Image.Image, name: str, max_pixels: int, path: Optional[Path], opened: bool) -> LoadedImage:
    fmt = (im.format or "PNG").upper()
    if fmt == "MPO":
        fmt = "JPEG"
    n_frames = int(getattr(im, "n_frames", 1) or 1)
    w, h = im.size
    if w <= 0 or h <= 0:
        raise CorruptInputError(f"{name}: image has no pixels")
    if w * h * n_frames > max_pixels:
        raise CorruptInputError(
            f"{name}: {w}x{h}x{n_frames} pixels exceeds max_image_pixels={max_pixels} (decompression bomb guard)")
    try:
        meta = metadata_fields(im)
        frames: list[Image.Image] = []
        durations: list[int] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            for i in range(n_frames if (opened or n_frames > 1) else 1):
                if n_frames > 1:
                    im.seek(i)
                im.load()
                frames.append(normalize_mode(ImageOps.exif_transpose(im)))  # always a copy
                durations.append(int(im.info.get("duration", 0) or 0))
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as e:
        raise CorruptInputError(f"{name}: truncated or corrupt image ({type(e).__name__})") from None
    finally:
        if opened:
            im.close()
        elif n_frames > 1:
            im.seek(0)  # leave the caller's image as it was given
    if n_frames > 1 and im.format != "GIF":
        durations = []
    return LoadedImage(frames, fmt, name, meta, path, durations)
