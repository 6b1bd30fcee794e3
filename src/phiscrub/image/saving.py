"""Writing clean pixels to a file with no metadata, then checking that none slipped through."""

from __future__ import annotations

from typing import Sequence

from PIL import Image

from ..errors import PhiscrubError
from .metadata import metadata_fields

_MODES = {  # modes each writer accepts; anything else is converted first
    "JPEG": ("L", "RGB"),
    "BMP": ("L", "RGB", "RGBA"),
    "GIF": ("L", "P", "RGB"),
    "WEBP": ("RGB", "RGBA", "L"),
    "PNG": ("L", "RGB", "RGBA", "I;16", "I"),
    "TIFF": ("L", "RGB", "RGBA", "I;16", "I"),
}


def _for_format(im: Image.Image, fmt: str) -> Image.Image:
    ok = _MODES.get(fmt, ("L", "RGB", "RGBA"))
    if im.mode in ok:
        return im
    if im.mode in ("I;16", "I", "F"):
        from .preprocess import to_gray8

        return Image.fromarray(to_gray8(im))
    if im.mode == "RGBA" and "RGBA" not in ok:
        bg = Image.new("RGB", im.size, (255, 255, 255))
        bg.paste(im, mask=im.getchannel("A"))
        return bg
    return im.convert("RGB")


def write_image(frames: Sequence[Image.Image], path: str, fmt: str, durations: Sequence[int] = ()) -> None:
    """Save ``frames`` (all of them, for GIF/TIFF/WebP) to ``path`` without any metadata."""
    if fmt not in _MODES:
        raise PhiscrubError(f"cannot write format {fmt!r}; use one of {sorted(_MODES)}")
    # A fresh image from raw pixels carries no info/EXIF/ICC/text chunks.
    clean = [Image.frombytes(f.mode, f.size, f.tobytes()) for f in (_for_format(f, fmt) for f in frames)]
    kw: dict = {}
    if fmt == "JPEG":
        kw = {"quality": 95}
    if len(clean) > 1:
        if fmt not in ("GIF", "TIFF", "WEBP", "PNG"):
            raise PhiscrubError(f"format {fmt} cannot hold {len(clean)} frames; save as TIFF, GIF, WebP or PNG")
        kw.update(save_all=True, append_images=clean[1:])
        if durations and fmt in ("GIF", "WEBP", "PNG"):
            kw["duration"] = list(durations)
    clean[0].save(path, format=fmt, **kw)
    with Image.open(path) as back:  # verify: nothing identifying in the written container
        left = [n for n in metadata_fields(back) if not n.startswith("ICC")]
    if left:
        raise PhiscrubError(f"metadata still present after writing ({len(left)} fields); file not written")
