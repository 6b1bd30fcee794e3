"""`phiscrub bench`: runs end to end, writes figures, never prints or stores document text."""

from __future__ import annotations

import json

from phiscrub.bench.corpus import write_jsonl
from phiscrub.bench.generator import generate
from phiscrub.cli import main


def _identifiers(n: int, seed: int) -> list[str]:
    """Longer gold strings with letters (names, e-mails, hospitals): must never reach the output."""
    out = []
    for d in generate(n, seed):
        out += [d.text[s.start:s.end] for s in d.spans
                if s.end - s.start >= 7 and any(c.isalpha() for c in d.text[s.start:s.end])]
    return out


def test_bench_synthetic_writes_json_and_no_text(tmp_path, capsys) -> None:
    out = tmp_path / "r.json"
    assert main(["bench", "--synthetic", "8", "--seed", "4", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    data = json.loads(out.read_text())
    assert data["documents"] == 8 and data["source"]["synthetic"] == 8
    assert 0.0 <= data["token"]["recall"] <= 1.0 and "f2" in data["token"]
    assert data["throughput"]["chars_per_second"] > 0 and data["throughput"]["load_seconds"] > 0
    assert data["throughput"]["peak_rss_mb"] > 0
    assert "NAME" in data["per_entity"] and "entity_level" in data
    assert sum(k["documents"] for k in data["per_kind"].values()) == 8
    blob = out.read_text()
    secrets = _identifiers(8, 4)
    assert secrets
    leaked = [s for s in secrets if s in printed or s in blob]
    assert not leaked, f"{len(leaked)} identifiers reached the output"


def test_bench_on_a_corpus_file_and_refusal_to_show_its_text(tmp_path, capsys) -> None:
    corpus = tmp_path / "c.jsonl"
    write_jsonl(generate(4, seed=8), corpus)
    assert main(["bench", "--corpus", str(corpus), "--show-misses", "5"]) == 2
    assert main(["bench", "--corpus", str(corpus)]) == 0
    printed = capsys.readouterr().out
    assert "4 documents" in printed
    assert not [s for s in _identifiers(4, 8) if s in printed]


def test_bench_reports_a_malformed_corpus_by_file_and_line(tmp_path, capsys) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"id": "1", "text": "ok", "spans": []}\n{"id": 2\n')
    assert main(["bench", "--corpus", str(corpus)]) == 1
    assert "bad.jsonl:2" in capsys.readouterr().out.replace("\n", "")


def test_bad_options_fail_cleanly(tmp_path, capsys) -> None:
    assert main(["bench", "--synthetic", "3", "--kinds", "banana", "--no-run", "--export", str(tmp_path / "x.jsonl")]) == 1
    assert "unknown kinds" in capsys.readouterr().out
    bad_policy = tmp_path / "p.toml"
    bad_policy.write_text('operator = "shred"\n')
    assert main(["bench", "--synthetic", "3", "--policy", str(bad_policy)]) == 1
    assert "PolicyError" in capsys.readouterr().out


def test_show_misses_prints_synthetic_context(capsys) -> None:
    assert main(["bench", "--synthetic", "3", "--show-misses", "2", "--no-ner"]) == 0
    printed = capsys.readouterr().out
    assert printed.count("[[") <= 2  # at most the requested number of misses


def test_export_only_writes_both_formats_without_loading_a_model(tmp_path) -> None:
    from phiscrub.bench.loaders import load_corpus

    jl, pj = tmp_path / "c.jsonl", tmp_path / "c.json"
    assert main(["bench", "--synthetic", "5", "--seed", "3", "--export", str(jl), "--no-run"]) == 0
    assert main(["bench", "--synthetic", "5", "--seed", "3", "--export", str(pj), "--no-run"]) == 0
    a, b = list(load_corpus(jl)), list(load_corpus(pj))
    assert [d.text for d in a] == [d.text for d in b] == [d.text for d in generate(5, 3)]
    assert main(["bench", "--synthetic", "5", "--no-run"]) == 2
