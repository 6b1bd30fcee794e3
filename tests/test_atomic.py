"""Atomic output: complete under its name, or absent; nothing left behind on failure."""

from __future__ import annotations

import pytest

from phiscrub.atomic import atomic_text


def test_atomic_text_replaces_only_when_complete(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_text(target) as fh:
            fh.write("half")
            raise RuntimeError("killed mid-write")
    assert target.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    with atomic_text(target) as fh:
        fh.write("new")
    assert target.read_text() == "new" and sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
