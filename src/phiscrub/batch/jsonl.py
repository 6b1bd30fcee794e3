"""JSON Lines files: scrub the named fields (or every string and integer value) line by line.

Lines whose values are unchanged are kept byte for byte; a changed line is written back with
``json.dumps(..., ensure_ascii=False)`` (key order kept). Keys are never changed. An integer
value that contains an identifier becomes the scrubbed string (an MRN stored as a number is
still an MRN). A line that is not valid JSON fails the whole file: it could not be checked.
Findings give the line number, the value's index within that line, and character offsets
into that value's decoded string.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from ..errors import CorruptInputError
from ..policy import Policy

Path_ = tuple[Any, ...]


def _collect(node: Any, path: Path_, out: list[tuple[Path_, str]]) -> None:
    if isinstance(node, str):
        out.append((path, node))
    elif isinstance(node, int) and not isinstance(node, bool):
        out.append((path, str(node)))
    elif isinstance(node, dict):
        for k, v in node.items():
            _collect(v, path + (k,), out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            _collect(v, path + (i,), out)


def _set(root: Any, path: Path_, value: str) -> Any:
    if not path:
        return value
    node = root
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return root


def scrub_jsonl(text: str, fields: Sequence[str], policy: Policy) -> tuple[str, list[dict]]:
    """The file with its target values scrubbed, and findings as dicts."""
    from ..text import scrub_texts

    lines = text.split("\n")
    parsed: list[tuple[int, Any, list[tuple[Path_, str]]]] = []
    for i, line in enumerate(lines):
        body = line[:-1] if line.endswith("\r") else line
        if not body.strip():
            continue
        try:
            obj = json.loads(body)
        except ValueError:
            raise CorruptInputError(f"line {i + 1} is not valid JSON") from None
        targets: list[tuple[Path_, str]] = []
        if fields:
            if isinstance(obj, dict):
                for name in fields:
                    if name in obj:
                        _collect(obj[name], (name,), targets)
        else:
            _collect(obj, (), targets)
        targets = [(p, v) for p, v in targets if v.strip()]
        if targets:
            parsed.append((i, obj, targets))
    results = iter(scrub_texts([v for _, _, ts in parsed for _, v in ts], policy))
    findings: list[dict] = []
    for i, obj, targets in parsed:
        changed = False
        for k, (path, value) in enumerate(targets):
            res = next(results)
            for f in res.findings:
                d = f.to_dict()
                d["line"], d["value"] = i + 1, k
                if fields:
                    d["field"] = path[0]
                findings.append(d)
            if res.text != value:
                obj = _set(obj, path, res.text)
                changed = True
        if changed:
            cr = "\r" if lines[i].endswith("\r") else ""
            lines[i] = json.dumps(obj, ensure_ascii=False) + cr
    return "\n".join(lines), findings
