"""Fixtures for the batch tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from batchcases import Case, write_case_tree


@pytest.fixture

def case_tree(tmp_path: Path) -> tuple[Path, list[Case]]:
    root = tmp_path / "cases"
    return root, write_case_tree(root, 3)
