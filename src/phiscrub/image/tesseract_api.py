"""Tesseract in-process through tesserocr: the model is loaded once per worker thread, not per pass.

Starting the ``tesseract`` program loads the LSTM model every time; on overlay-sized images that
start-up is about two thirds of a pass (see docs/benchmarks-images.md). tesserocr wraps the same C++
API, ships its own libtesseract in a manylinux/Windows wheel and releases the GIL while it
recognises, so passes still run side by side, one engine per thread.
"""

from __future__ import annotations

import functools
import os
import queue
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any, Optional

import numpy as np

from ..errors import OcrUnavailableError

#: Where distributions put ``eng.traineddata`` (Debian/Ubuntu 5.x and 4.x, Fedora, Homebrew, source).
TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
LANG = "eng"
#: Init-only parameters (set when the model loads), the same as the command line's ``-c`` flags.
INIT_VARIABLES = {"load_system_dawg": "0", "load_freq_dawg": "0"}


def _has_model(folder: Path) -> bool:
    return (folder / f"{LANG}.traineddata").is_file()


@functools.lru_cache(maxsize=1)
def tessdata_dir() -> Optional[str]:
    """The folder holding ``eng.traineddata``: ``$TESSDATA_PREFIX``, the usual places, then the CLI's own."""
    env = os.environ.get("TESSDATA_PREFIX")
    candidates = [Path(env), Path(env) / "tessdata"] if env else []
    candidates += [Path(c) for c in TESSDATA_CANDIDATES]
    for folder in candidates:
        if _has_model(folder):
            return str(folder) + os.sep
    exe = shutil.which("tesseract")
    if exe:  # "List of available languages in "/some/where/tessdata/" (N):"
        try:
            out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
            head = (out.stdout + out.stderr).split('"')
            if len(head) >= 2 and _has_model(Path(head[1])):
                return head[1].rstrip("/" + os.sep) + os.sep
        except (OSError, subprocess.SubprocessError):
            pass
    return None


class TesseractApi:
    """A pool of initialised ``PyTessBaseAPI`` engines; each is used by one thread at a time."""

    def __init__(self, psm: int, tessdata: str):
        import tesserocr  # noqa: F401  (ImportError reaches the caller, who falls back)

        self.psm = psm
        self.tessdata = tessdata
        self._idle: "queue.LifoQueue[Any]" = queue.LifoQueue()
        self._init_lock = threading.Lock()  # models load one at a time (Tesseract's globals)
        self._idle.put(self._new())  # fail now (bad tessdata...), not in the middle of a scrub

    def _new(self) -> Any:
        from tesserocr import OEM, PyTessBaseAPI

        try:
            with self._init_lock:
                return PyTessBaseAPI(path=self.tessdata, lang=LANG, psm=self.psm, oem=OEM.LSTM_ONLY,
                                     variables=dict(INIT_VARIABLES))
        except RuntimeError as e:
            raise OcrUnavailableError(f"Tesseract could not load its English model ({type(e).__name__})") from None

    def version(self) -> str:
        import tesserocr

        return (tesserocr.tesseract_version().split() + ["?", "?"])[1]

    def read(self, pixels: np.ndarray, timeout: float) -> list[tuple[str, int, int, int, int, float]]:
        """Words as (text, left, top, width, height, confidence) on ``pixels`` (2-D uint8)."""
        from tesserocr import RIL, iterate_level

        try:
            api = self._idle.get_nowait()
        except queue.Empty:
            api = self._new()
        try:
            px = np.ascontiguousarray(pixels, dtype=np.uint8)
            h, w = px.shape
            api.SetImageBytes(px.tobytes(), w, h, 1, w)
            if not api.Recognize(timeout=max(1, int(timeout * 1000))):
                api.Clear()
                self._idle.put(api)
                raise OcrUnavailableError(f"OCR timed out after {timeout:g}s or failed; image not checked")
            words = []
            for it in iterate_level(api.GetIterator(), RIL.WORD):
                try:
                    text = it.GetUTF8Text(RIL.WORD)
                except RuntimeError:  # an empty word: nothing to read there
                    continue
                if not text or not text.strip():
                    continue
                box = it.BoundingBox(RIL.WORD)
                if box is None:
                    continue
                left, top, right, bottom = box
                words.append((text, left, top, right - left, bottom - top, float(it.Confidence(RIL.WORD))))
            api.Clear()
        except OcrUnavailableError:
            raise
        except Exception as e:  # never pass an unchecked image; drop the engine, it may be broken
            api.End()
            raise OcrUnavailableError(f"OCR failed ({type(e).__name__}); image not checked") from None
        self._idle.put(api)
        return words
