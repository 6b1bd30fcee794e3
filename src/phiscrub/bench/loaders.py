"""Corpus loaders: our JSONL, Presidio-evaluator JSON, PhysioNet deid gold standard, i2b2 2014 XML.

Each loader yields :class:`~phiscrub.bench.corpus.Document` with labels mapped to phiscrub's
entities (see :mod:`phiscrub.bench.labels`). Malformed input raises
:class:`~phiscrub.errors.CorruptInputError` naming the file and line (or record), never the text.

- **jsonl** (ours): one JSON object per line: ``{"id", "text", "spans": [{"start", "end", "entity"}]}``.
- **presidio**: a JSON list of Presidio-evaluator samples (``full_text``, ``spans`` with
  ``entity_type``, ``start_position``, ``end_position``).
- **physionet**: ``id.text`` with ``START_OF_RECORD=patient||||note||||`` ... ``||||END_OF_RECORD``
  blocks, plus ``id-phi.phrase`` beside it (``patient note start end CATEGORY [phrase]``, offsets
  into the record body).
- **i2b2**: a folder of (or one) i2b2 2014 XML files: ``<TEXT>`` plus ``<TAGS>`` whose elements
  carry ``start``, ``end`` and ``TYPE``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Iterator

from ..errors import CorruptInputError, UnsupportedInputError
from .corpus import Document, GoldSpan
from .labels import I2B2_2014, PHISCRUB, PHYSIONET, PRESIDIO_EVALUATOR, LabelMap


def _make_doc(doc_id: str, text: str, raw: list[tuple[int, int, str]], label_map: LabelMap, where: str) -> Document:
    spans: list[GoldSpan] = []
    for start, end, label in raw:
        if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(text):
            raise CorruptInputError(f"{where}: span {start!r}-{end!r} is outside the {len(text)}-character text")
        try:
            entity = label_map.map(str(label), text[start:end])
        except KeyError:
            raise CorruptInputError(f"{where}: unknown label {label!r} for the {label_map.name} label map") from None
        spans.append(GoldSpan(start, end, entity, "" if entity == str(label).upper() else str(label)))
    spans.sort()
    merged: list[GoldSpan] = []
    for s in spans:  # overlapping annotations: keep the earlier, clip the later
        if merged and s.start < merged[-1].end:
            if s.end <= merged[-1].end:
                continue
            s = GoldSpan(merged[-1].end, s.end, s.entity, s.source_label)
        merged.append(s)
    return Document(doc_id, text, tuple(merged))


def load_jsonl(path: str | Path, label_map: LabelMap = PHISCRUB) -> Iterator[Document]:
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
                text = obj["text"]
                raw = [(int(s["start"]), int(s["end"]), s.get("entity") or s["label"]) for s in obj.get("spans", [])]
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                raise CorruptInputError(f"{where}: not a corpus record ({type(e).__name__})") from None
            if not isinstance(text, str):
                raise CorruptInputError(f"{where}: 'text' is not a string")
            doc = _make_doc(str(obj.get("id", lineno)), text, raw, label_map, where)
            yield Document(doc.id, doc.text, doc.spans, str(obj.get("kind", "")))


def load_presidio_json(path: str | Path, label_map: LabelMap = PRESIDIO_EVALUATOR) -> Iterator[Document]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise CorruptInputError(f"{path}:{e.lineno}: invalid JSON ({e.msg})") from None
    if not isinstance(data, list):
        raise CorruptInputError(f"{path}:1: expected a JSON list of Presidio-evaluator samples")
    for i, obj in enumerate(data):
        where = f"{path}: sample {i}"
        try:
            text = obj["full_text"]
            raw = [(int(s["start_position"]), int(s["end_position"]), s["entity_type"]) for s in obj.get("spans") or []]
        except (KeyError, TypeError, ValueError) as e:
            raise CorruptInputError(f"{where}: not a Presidio-evaluator sample ({type(e).__name__})") from None
        meta = obj.get("metadata") or {}
        doc_id = str(meta.get("id", i)) if isinstance(meta, dict) else str(i)
        doc = _make_doc(doc_id, text, raw, label_map, where)
        yield Document(doc.id, doc.text, doc.spans, str(meta.get("kind", "")) if isinstance(meta, dict) else "")


_RECORD_START = re.compile(r"^START_OF_RECORD=(\d+)\|\|\|\|(\d+)\|\|\|\|\s*$")
_END = "||||END_OF_RECORD"
_PHRASE = re.compile(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)(?:\s+(.*))?$")


def load_physionet(path: str | Path, label_map: LabelMap = PHYSIONET) -> Iterator[Document]:
    """``path`` is ``id.text`` (``id-phi.phrase`` is read from the same folder) or that folder."""
    path = Path(path)
    text_path = path / "id.text" if path.is_dir() else path
    phrase_path = text_path.with_name(text_path.name.replace(".text", "") + "-phi.phrase")
    if not phrase_path.exists():
        raise UnsupportedInputError(f"{text_path}: gold file {phrase_path.name} not found beside it")
    gold: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    with phrase_path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            m = _PHRASE.match(line)
            if not m:
                raise CorruptInputError(f"{phrase_path}:{lineno}: expected 'patient note start end CATEGORY ...'")
            gold[(m.group(1), m.group(2))].append((int(m.group(3)), int(m.group(4)), m.group(5)))
    with text_path.open(encoding="utf-8", errors="replace", newline="") as fh:
        key: tuple[str, str] | None = None
        start_line = 0
        body: list[str] = []
        for lineno, line in enumerate(fh, 1):
            if key is None:
                if not line.strip():
                    continue
                m = _RECORD_START.match(line)
                if not m:
                    raise CorruptInputError(f"{text_path}:{lineno}: expected START_OF_RECORD=patient||||note||||")
                key, start_line, body = (m.group(1), m.group(2)), lineno, []
                continue
            if _END in line:
                body.append(line[: line.index(_END)])
                text = "".join(body)
                where = f"{text_path}:{start_line}"
                yield _make_doc(f"{key[0]}-{key[1]}", text, gold.get(key, []), label_map, where)
                key = None
                continue
            if _RECORD_START.match(line):
                raise CorruptInputError(f"{text_path}:{lineno}: record opened at line {start_line} has no END_OF_RECORD")
            body.append(line)
        if key is not None:
            raise CorruptInputError(f"{text_path}:{start_line}: record has no END_OF_RECORD")


def load_i2b2(path: str | Path, label_map: LabelMap = I2B2_2014) -> Iterator[Document]:
    """One i2b2 2014 XML file, or every ``*.xml`` in a folder (sorted)."""
    path = Path(path)
    files = sorted(path.glob("*.xml")) if path.is_dir() else [path]
    for f in files:
        try:
            raw_xml = f.read_text(encoding="utf-8", errors="replace")
            root = ET.fromstring(raw_xml)
        except ET.ParseError as e:
            line = e.position[0] if e.position else 0
            raise CorruptInputError(f"{f}:{line}: invalid XML") from None
        text_el = root.find("TEXT")
        if text_el is None or text_el.text is None:
            raise CorruptInputError(f"{f}:1: no <TEXT> element")
        raw: list[tuple[int, int, str]] = []
        tags = root.find("TAGS")
        for tag in list(tags) if tags is not None else []:
            try:
                raw.append((int(tag.attrib["start"]), int(tag.attrib["end"]), tag.attrib.get("TYPE") or tag.tag))
            except (KeyError, ValueError):
                line = _line_of_tag(raw_xml, tag)
                raise CorruptInputError(f"{f}:{line}: tag {tag.tag} lacks a numeric start/end") from None
        yield _make_doc(f.stem, text_el.text, raw, label_map, str(f))


def _line_of_tag(raw_xml: str, tag: ET.Element) -> int:
    """Line of the tag in the file (by its id attribute, else its first occurrence), 1-based."""
    ident = tag.attrib.get("id")
    needle = f'id="{ident}"' if ident else f"<{tag.tag}"
    tags_at = raw_xml.find("<TAGS")
    pos = raw_xml.find(needle, max(tags_at, 0))
    return raw_xml.count("\n", 0, pos) + 1 if pos >= 0 else 0


def guess_format(path: Path) -> str:
    if path.is_dir():
        if (path / "id.text").exists():
            return "physionet"
        return "i2b2"
    name = path.name.lower()
    if name.endswith(".jsonl"):
        return "jsonl"
    if name.endswith(".json"):
        return "presidio"
    if name.endswith(".text"):
        return "physionet"
    if name.endswith(".xml"):
        return "i2b2"
    raise UnsupportedInputError(f"{path}: cannot guess the corpus format; pass --format")


LOADERS = {"jsonl": load_jsonl, "presidio": load_presidio_json, "physionet": load_physionet, "i2b2": load_i2b2}


def load_corpus(path: str | Path, fmt: str = "auto") -> Iterator[Document]:
    """Documents of the corpus at ``path`` in format ``fmt`` (``auto`` guesses from the path)."""
    path = Path(path)
    if not path.exists():
        raise UnsupportedInputError(f"{path}: no such file or folder")
    fmt = guess_format(path) if fmt == "auto" else fmt
    if fmt not in LOADERS:
        raise UnsupportedInputError(f"unknown corpus format {fmt!r}; choose from {sorted(LOADERS)}")
    return LOADERS[fmt](path)
