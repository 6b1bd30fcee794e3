"""Property: whatever the files contain, no input content reaches the audit log, the manifest,
the report or a failure reason (they carry positions, types and hashes only)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phiscrub.batch import scrub_files
from phiscrub.batch.manifest import OutputBusyError, OutputLock

# Tokens the scrubber leaves alone, so they do reach the output: they must reach nothing else.
token = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=6, max_size=9).map(lambda s: "q" + s)
kind = st.sampled_from(["txt", "csv", "jsonl", "bad-utf8", "bad-csv", "bad-json"])


def _content(k: str, words: list[str]) -> bytes:
    text = " ".join(words)
    if k == "txt":
        return f"Patient John Smith {text}.\n".encode()
    if k == "csv":
        return f'id,note\n1,"{text}"\n'.encode()
    if k == "jsonl":
        return (json.dumps({"note": text}) + "\n").encode()
    if k == "bad-utf8":
        return text.encode() + b"\xff\xfe"
    if k == "bad-csv":
        return f'id,note\n1,"{text}\n'.encode()
    return f"{{not json {text}\n".encode()


SUFFIX = {"txt": ".txt", "csv": ".csv", "jsonl": ".jsonl", "bad-utf8": ".txt", "bad-csv": ".csv", "bad-json": ".jsonl"}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(kind, st.lists(token, min_size=1, max_size=4)), min_size=1, max_size=4))
def test_no_input_content_outside_the_scrubbed_files(files) -> None:
    with tempfile.TemporaryDirectory() as d:
        root, out = Path(d) / "in", Path(d) / "out"
        root.mkdir()
        secrets: list[str] = []
        for i, (k, words) in enumerate(files):
            (root / f"f{i}{SUFFIX[k]}").write_bytes(_content(k, words))
            secrets += words
        report = scrub_files([root], out, workers=0)
        assert report.files == len(files)
        assert report.failed == sum(k.startswith("bad") for k, _ in files)
        side = json.dumps(report.to_dict()) + report.render()
        state = out / ".phiscrub"
        side += (state / "audit.jsonl").read_text()
        side += (state / "manifest.sqlite").read_bytes().decode("latin-1")
        for w in secrets:
            assert w not in side
        assert "Smith" not in side and "John" not in side


def test_a_second_run_into_the_same_output_is_refused_while_one_runs(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("x")
    state = tmp_path / "out" / ".phiscrub"
    state.mkdir(parents=True)
    lock = OutputLock(state)
    try:
        with pytest.raises(OutputBusyError):
            scrub_files([tmp_path / "in"], tmp_path / "out", workers=0)
    finally:
        lock.release()
    assert scrub_files([tmp_path / "in"], tmp_path / "out", workers=0).ok
