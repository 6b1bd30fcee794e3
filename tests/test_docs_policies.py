"""Every TOML policy shown in the docs loads as a Policy (a user copies these verbatim)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from phiscrub import Policy

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
BLOCKS = [(p.name, i, m.group(1)) for p in DOCS
          for i, m in enumerate(re.finditer(r"```toml\n(.*?)```", p.read_text(encoding="utf-8"), re.S))]


def test_the_docs_show_policies():
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("name,index,block", BLOCKS, ids=[f"{n}#{i}" for n, i, _ in BLOCKS])
def test_documented_toml_policy_loads(tmp_path, name, index, block):
    path = tmp_path / "policy.toml"
    path.write_text(block, encoding="utf-8")
    policy = Policy.from_toml(path)
    assert Policy.from_dict(policy.to_dict(include_key=True)) == policy
    data = tomllib.loads(block)
    for field, value in data.get("policy", data).items():  # every value shown took effect
        got = getattr(policy, field)
        if field == "entities":
            got, value = set(got), set(value)
        elif field == "redaction_color":
            value = tuple(value)
        assert got == value, field
