"""Every example in docs/entities.md is found, as the table says, with the entity it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from phiscrub import scrub

DOC = Path(__file__).resolve().parents[2] / "docs" / "entities.md"


def _rows():
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`") and cells[0] != "`FACE`":
            entity = cells[0].strip("`")
            for example in re.findall(r"`([^`]+)`", cells[3]):
                yield entity, example


ROWS = list(_rows())


def test_table_has_examples_for_every_text_entity():
    from phiscrub.entities import TEXT_ENTITIES

    assert {e for e, _ in ROWS} == set(TEXT_ENTITIES)


@pytest.mark.parametrize("entity,example", ROWS, ids=[f"{e}:{x}" for e, x in ROWS])
def test_documented_example_is_found(entity, example):
    r = scrub(example)
    assert entity in {f.entity for f in r.findings}, [(f.entity, example[f.start:f.end]) for f in r.findings]
