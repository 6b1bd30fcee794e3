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


def test_content_is_flushed_to_disk_before_the_rename_and_the_folder_after(tmp_path, monkeypatch):
    import os

    from phiscrub import atomic

    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        target = os.readlink(f"/proc/self/fd/{fd}")
        events.append(("fsync", "dir" if os.path.isdir(target) else open(target).read()))
        real_fsync(fd)

    def replace(a, b):
        events.append(("replace", os.path.basename(b)))
        real_replace(a, b)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    with atomic_text(tmp_path / "out.txt") as fh:
        fh.write("complete")
    assert events == [("fsync", "complete"), ("replace", "out.txt"), ("fsync", "dir")]
