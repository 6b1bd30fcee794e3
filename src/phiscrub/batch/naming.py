"""Scrubbing file and folder names: ``Smith_John_CXR_2024-03-14.jpg`` → ``NAME_NAME_CXR_DATE.jpg``.

Names go through the same text analyzer as file contents (with the tag operator, whatever the
policy's operator is, so a name never carries a surrogate that could be mistaken for data).
Underscores are read as spaces so the analyzer sees words; tags are plain upper-case entity
names without brackets so that output names stay easy to use in a shell. File names also get
one rule of their own: a run of five or more digits (an MRN, accession number or UID part) is
replaced by ``OTHER_ID``. The extension is kept.
"""

from __future__ import annotations

import functools
import re

from ..findings import Finding
from ..policy import Policy

_DIGITS = re.compile(r"\d{5,}")
_UNSAFE = re.compile(r"[\x00-\x1f/\\]")
MAX_STEM_CHARS = 200
NAME_DIGITS_SOURCE = "filename_digits"


def split_suffix(name: str, is_file: bool) -> tuple[str, str]:
    """(stem, suffix); folders and dot-less names have no suffix; the suffix is never scrubbed."""
    if not is_file:
        return name, ""
    dot = name.rfind(".")
    if dot <= 0 or dot == len(name) - 1:
        return name, ""
    suffix = name[dot:]
    if not re.fullmatch(r"\.[A-Za-z0-9]{1,10}", suffix):
        return name, ""  # a "suffix" like .2024-03-14 is part of the name
    return name[:dot], suffix


def _name_policy(policy: Policy) -> Policy:
    return policy.with_(operator="tag", operators={})


@functools.lru_cache(maxsize=65536)
def scrub_name(name: str, policy: Policy, is_file: bool = True) -> tuple[str, tuple[Finding, ...]]:
    """The scrubbed name and the findings (offsets into ``name``); cached per process."""
    stem, suffix = split_suffix(name, is_file)
    readable = stem.replace("_", " ")  # same length: offsets stay valid for ``stem``
    found = _analyze(readable, _name_policy(policy)) if readable.strip() else []
    if policy.wants("OTHER_ID"):
        taken = [(f.start, f.end) for f in found]
        for m in _DIGITS.finditer(stem):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                found.append(Finding(m.start(), m.end(), "OTHER_ID", 1.0, NAME_DIGITS_SOURCE))
    found.sort(key=lambda f: (f.start, f.end))
    parts: list[str] = []
    pos = 0
    for f in found:
        parts.append(stem[pos:f.start])
        parts.append(f.entity)
        pos = f.end
    parts.append(stem[pos:])
    new_stem = _UNSAFE.sub("_", "".join(parts))[:MAX_STEM_CHARS].strip() or "file"
    if new_stem in (".", ".."):
        new_stem = "file"
    return new_stem + suffix, tuple(found)


def _overlaps(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def _analyze(readable: str, policy: Policy) -> list[Finding]:
    """Findings in a name. Names in file names come without context and often surname first
    (``Smith_John``), where a first name alone is found; when a name is found, the name is read
    again after a ``Patient:`` cue and the longer name spans that cover it are taken too."""
    from ..text import analyze_text

    found = list(analyze_text(readable, policy))
    names = [f for f in found if f.entity == "NAME"]
    if not names:
        return found
    cue = "Patient: "
    wider = [
        Finding(f.start - len(cue), f.end - len(cue), f.entity, f.score, f.source)
        for f in analyze_text(cue + readable, policy)
        if f.entity == "NAME" and f.start >= len(cue)
    ]
    extra = [w for w in wider if any(_overlaps(w, n) for n in names)]
    merged: list[Finding] = []
    for f in sorted(found + extra, key=lambda f: (f.start, -f.end)):
        if merged and _overlaps(merged[-1], f):
            last = merged[-1]
            if f.end > last.end:
                merged[-1] = Finding(last.start, f.end, last.entity, max(last.score, f.score), last.source)
            continue
        merged.append(f)
    return merged


def with_counter(name: str, n: int, is_file: bool) -> str:
    """``NAME.txt`` → ``NAME_2.txt``: the n-th distinct input whose scrubbed name is the same."""
    stem, suffix = split_suffix(name, is_file)
    return f"{stem}_{n}{suffix}"
