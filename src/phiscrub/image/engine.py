"""`scrub_image`: load → find (OCR text, faces, barcodes, DICOM tags) → cover → re-read → result."""

from __future__ import annotations

import hashlib
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Optional

from PIL import Image

from ..entities import BARCODE, FACE
from ..errors import OcrUnavailableError, PhiscrubError
from ..findings import Box, Finding
from ..policy import Policy
from .barcodes import detect_barcodes
from .dicom import UidRemapper, check_header, deidentify_header, mark_deidentified, set_frames
from .faces import detect_faces
from .loading import load_input
from .metadata import metadata_entity
from .ocr import OcrWord, read_words, tesseract_version
from .preprocess import ocr_images, to_gray8
from .redaction import coverage, mask_of, redact
from .result import PASS, REVIEW, ImageResult
from .verify import AnalysisCache, leftovers, text_findings, token

#: OCR passes on the input, run side by side. "norm" reads both polarities and faint or small
#: text in one image (see preprocess.py); "gray" (plain grayscale, native resolution) reads large
#: dark-on-light text that "norm" hollows out. The benchmark ablation (norm alone: 279/283
#: identifiers covered; norm + gray: see docs/benchmarks-images.md) is why both run.
DETECT_PASSES: tuple[str, ...] = ("norm", "gray")
#: Passes on the redacted output: the same two, so what either could read is checked again.
VERIFY_PASSES: tuple[str, ...] = ("norm", "gray")
#: Rounds of re-read → cover; if the last round still finds something the result is REVIEW.
MAX_VERIFY_ROUNDS = 5
#: The watchdog gives a pass this long beyond ``Policy.ocr_timeout`` (counted from when the pass
#: starts, not from when it was queued) before it stops waiting and raises. Tesseract's own deadline
#: covers recognition; this catches what it cannot interrupt (layout analysis, a hung process).
WATCHDOG_GRACE = 5.0

_executor: Optional[ThreadPoolExecutor] = None


def _pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=3, thread_name_prefix="phiscrub-ocr")
    return _executor


def _abandon_pool() -> None:
    """Leave a pool with a hung pass behind (threads cannot be killed); later scrubs get a new one."""
    global _executor
    if _executor is not None:
        _executor.shutdown(wait=False, cancel_futures=True)
        _executor = None


def _ocr(gray, passes: tuple[str, ...], policy: Policy, stats: dict, blank=None) -> list[list[OcrWord]]:
    t0 = time.perf_counter()
    images = ocr_images(gray, passes, blank)
    started: dict[int, float] = {}

    def run(i: int, im) -> list[OcrWord]:
        started[i] = time.monotonic()
        return read_words(im, policy.ocr_timeout, policy.ocr_backend)

    futures: list[Future] = [_pool().submit(run, i, im) for i, im in enumerate(images)]
    limit = policy.ocr_timeout + WATCHDOG_GRACE
    submitted = time.monotonic()
    pending = set(futures)
    while pending:
        done, pending = wait(pending, timeout=min(1.0, limit), return_when=FIRST_COMPLETED)
        for f in done:
            if f.cancelled():  # another scrub's watchdog abandoned the pool this pass waited in
                raise OcrUnavailableError("OCR pass cancelled (the OCR pool was reset); image not checked")
            f.result()  # a failed pass raises now, whatever the others do
        now = time.monotonic()
        hung = any(now - started[i] > limit for i, f in enumerate(futures) if f in pending and i in started)
        # Passes queue behind other callers' passes; one that cannot even start in twice the
        # limit is behind hung threads.
        stuck = any(i not in started for i, f in enumerate(futures) if f in pending) and now - submitted > 2 * limit
        if hung or stuck:
            for f in pending:
                f.cancel()
            _abandon_pool()
            raise OcrUnavailableError(f"OCR timed out after {policy.ocr_timeout:g}s; image not checked")
    stats["ocr_seconds"] = stats.get("ocr_seconds", 0.0) + time.perf_counter() - t0
    stats["ocr_passes"] = stats.get("ocr_passes", 0) + len(images)
    return [f.result() for f in futures]


@dataclass
class FrameOutcome:
    image: Image.Image
    findings: list[Finding]
    reasons: list[str] = field(default_factory=list)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (-f.score, f.box or (0, 0, 0, 0))):
        if any(g.entity == f.entity and g.box and f.box and _iou(g.box, f.box) > 0.6 for g in out):
            continue
        out.append(f)
    return sorted(out, key=lambda f: ((f.box or (0, 0))[1], (f.box or (0, 0))[0]))


def _iou(a: Box, b: Box) -> float:
    ix = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / max(1, a[2] * a[3] + b[2] * b[3] - inter)


def _visual(gray, policy: Policy, frame: Optional[int], source_suffix: str = "",
            faces: bool = True, barcodes: bool = True) -> list[Finding]:
    found: list[Finding] = []
    if faces and policy.faces != "off" and policy.wants(FACE):
        found += [Finding(-1, -1, FACE, 0.9, "face" + source_suffix, b, frame) for b in detect_faces(gray)]
    if barcodes and policy.barcodes and policy.wants(BARCODE):
        found += [Finding(-1, -1, BARCODE, 1.0, "barcode" + source_suffix, b, frame) for b in detect_barcodes(gray)]
    return found


def clean_frame(frame: Image.Image, policy: Policy, index: Optional[int], stats: dict) -> FrameOutcome:
    """Find, cover and verify one frame."""
    gray = to_gray8(frame)
    findings: list[Finding] = []
    tokens: dict[str, str] = {}
    judged: set[str] = set()
    cache: AnalysisCache = {}
    visual = _pool().submit(_visual, gray, policy, index)  # faces/barcodes beside the OCR subprocess
    detected = _ocr(gray, DETECT_PASSES, policy, stats)
    for words in detected:
        found, toks = text_findings(words, policy, index, "ocr", cache)
        findings += found
        tokens.update(toks)
        judged.update(token(w.text) for w in words)
    findings = _dedupe(findings + visual.result())
    had_faces = any(f.entity == FACE for f in findings)
    had_codes = any(f.entity == BARCODE for f in findings)
    faces_blur = policy.faces == "blur"
    text_boxes = [f.box for f in findings if f.entity != FACE]
    face_boxes = [f.box for f in findings if f.entity == FACE]
    face_style = "blur" if faces_blur else policy.redaction_style
    image = redact(frame, text_boxes, policy.redaction_style, policy.redaction_color, policy.padding)
    image = redact(image, face_boxes, face_style, policy.redaction_color, 0)
    covered: list[Box] = [f.box for f in findings]
    # Solid fills hold nothing left to read; blurred or pixelated areas are re-read like the rest.
    solid: list[Box] = (text_boxes if policy.redaction_style == "box" else []) + \
        (face_boxes if face_style == "box" else [])
    anchors: list[Box] = [f.box for f in findings if f.source == "ocr"]
    reasons: list[str] = []
    if not anchors and len(solid) == len(covered):
        # No text was covered, and whatever was (faces, codes) is a solid fill: outside the fills
        # the output pixels are the input pixels, whose OCR was just read and judged in full, and
        # inside them nothing is left to read. Reuse that reading instead of a second OCR process;
        # the review checks (text too small...) still run on it.
        stats["verify_reused"] = stats.get("verify_reused", 0) + 1
        solid_mask = mask_of(image.size, solid, policy.padding)
        left = leftovers(detected, solid_mask, policy, tokens, judged, anchors, index, cache, covered)
        codes = [f for f in _visual(to_gray8(image), policy, index, "-verify", False, had_codes)]
        if not left.findings and not codes:
            return FrameOutcome(image, findings, left.reasons)
    for round_no in range(MAX_VERIFY_ROUNDS):
        gray_out = to_gray8(image)
        solid_mask = mask_of(image.size, solid, policy.padding)
        blank = mask_of(image.size, solid, policy.padding + 2)  # fills and their edges: paper for OCR
        left = leftovers(_ocr(gray_out, VERIFY_PASSES, policy, stats, blank), solid_mask, policy,
                         tokens, judged, anchors, index, cache, covered)
        # Redacting text creates no face or barcode: re-check those only where some were found,
        # and faces only when blurred (a solid box leaves no face pixels to find).
        visual = [f for f in _visual(gray_out, policy, index, "-verify", had_faces and faces_blur, had_codes)
                  if f.entity == BARCODE or coverage(mask_of(image.size, covered, 0), f.box) < 0.5]
        new = _dedupe(left.findings + visual)
        reasons = left.reasons
        if not new:
            break
        findings += new
        covered += [f.box for f in new]
        solid += [f.box for f in new]
        # What survived the first cover is covered solid: blur/pixelate evidently did not suffice.
        image = redact(image, [f.box for f in new], "box", policy.redaction_color, policy.padding)
        stats["verify_covered"] = stats.get("verify_covered", 0) + len(new)
    else:
        reasons = reasons + [f"identifiers still readable after {MAX_VERIFY_ROUNDS} verification rounds"]
    return FrameOutcome(image, _dedupe(findings), reasons)


def scrub_image(data: Any, policy: Optional[Policy] = None, uid_remapper: Optional[UidRemapper] = None) -> ImageResult:
    """De-identify an image or DICOM file. Raises (fail closed) if anything cannot be checked."""
    policy = policy or Policy()
    t0 = time.perf_counter()
    tesseract_version(policy.ocr_backend)  # no OCR engine → raise before any work
    loaded = load_input(data, policy.max_image_pixels)
    stats: dict = {}
    findings: list[Finding] = []
    removed = list(loaded.metadata)
    for name in loaded.metadata:
        entity = metadata_entity(name)
        if entity and policy.wants(entity):
            findings.append(Finding(0, 0, entity, 1.0, "metadata"))
    ds = loaded.dicom
    if ds is not None:
        hdr_findings, hdr_removed = deidentify_header(ds, uid_remapper if uid_remapper is not None else UidRemapper(policy.key))
        findings += hdr_findings
        removed += hdr_removed
    multi = len(loaded.frames) > 1
    clean: list[Image.Image] = []
    reasons: list[str] = []
    seen: dict[bytes, FrameOutcome] = {}
    for i, frame in enumerate(loaded.frames):
        digest = hashlib.sha256(frame.tobytes()).digest()
        if digest in seen:  # identical frames (static overlays, GIF holds): reuse the outcome
            outcome = seen[digest]
            findings += [Finding(f.start, f.end, f.entity, f.score, f.source, f.box, i) for f in outcome.findings]
        else:
            outcome = clean_frame(frame, policy, i if multi else None, stats)
            seen[digest] = outcome
            findings += outcome.findings
        clean.append(outcome.image)
        reasons += outcome.reasons
    reasons = list(dict.fromkeys(reasons))
    status = PASS if not reasons else REVIEW
    if ds is not None:
        if clean:
            set_frames(ds, clean)
        mark_deidentified(ds, pixels_cleaned=bool(clean), verified=status == PASS)
        check_header(ds)
    if not clean:
        if ds is None:
            raise PhiscrubError(f"{loaded.name}: no image frames")
        preview = Image.new("L", (1, 1))
    else:
        preview = clean[0]
    stats["seconds"] = time.perf_counter() - t0
    stats["frames"] = len(loaded.frames)
    return ImageResult(
        image=preview, findings=tuple(findings), removed_metadata=tuple(removed), status=status,
        review_reasons=tuple(reasons), frames=tuple(clean) if multi else (), format=loaded.format,
        dicom=ds, stats=stats, source_path=loaded.source_path,
        frame_durations=tuple(loaded.durations) if multi else (),
    )
