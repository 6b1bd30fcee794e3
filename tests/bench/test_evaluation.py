"""Token- and entity-level scoring on hand-built documents with known answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from phiscrub.bench.corpus import MUST_SURVIVE, Document, GoldSpan
from phiscrub.bench.evaluation import Evaluator, evaluate, f_beta
from phiscrub.bench.generator import make_document

TEXT = "Pt John Smith seen 3/14/2024 in 2019, BP 120/80, Texas."
#       0123456789012345678901234567890123456789012345678901234
NAME = (3, 13)
DATE = (19, 28)
YEAR = (32, 36)
STATE = (49, 54)
DOC = Document("d1", TEXT, (GoldSpan(*NAME, "NAME"), GoldSpan(*DATE, "DATE"), GoldSpan(*YEAR, "YEAR"),
                            GoldSpan(*STATE, "STATE")))


def test_offsets_of_the_fixture() -> None:
    assert TEXT[slice(*NAME)] == "John Smith" and TEXT[slice(*DATE)] == "3/14/2024"
    assert TEXT[slice(*YEAR)] == "2019" and TEXT[slice(*STATE)] == "Texas"


def test_perfect_predictions() -> None:
    r = evaluate([(DOC, [(*NAME, "NAME"), (*DATE, "DATE")])])
    assert r.overall.gold_tokens == 5  # John, Smith, 3, 14, 2024
    assert r.overall.recall == 1.0 and r.overall.precision == 1.0 and r.overall.recall_strict == 1.0
    assert r.overall.leaked_tokens == 0 and r.documents_with_leaks == 0
    assert r.overall.span_recall == 1.0 and r.span_precision == 1.0


def test_no_predictions_leak_everything() -> None:
    r = evaluate([(DOC, [])])
    assert r.overall.recall == 0.0 and r.overall.leaked_tokens == 5 and r.documents_with_leaks == 1


def test_partial_name_and_false_positive() -> None:
    # "John" found, "Smith" missed; "BP" wrongly flagged; the date typed as a PHONE.
    r = evaluate([(DOC, [(3, 7, "NAME"), (39, 41, "NAME"), (*DATE, "PHONE")])])
    assert r.entity("NAME").found_tokens == 1 and r.entity("NAME").gold_tokens == 2
    assert r.entity("DATE").recall == 1.0  # any-entity coverage counts for de-identification
    assert r.entity("DATE").recall_strict == 0.0  # ... but not for the strict variant
    assert r.overall.recall == 4 / 5
    # predicted tokens: John (ok), BP (wrong), 3, 14, 2024 (ok, but as PHONE) -> 4/5
    assert r.overall.predicted_tokens == 5 and r.overall.predicted_tokens_correct == 4
    assert r.overall.precision == 4 / 5
    assert r.entity("PHONE").precision_strict == 0.0
    assert r.overall.span_recall == 1 / 2  # the NAME span is not fully covered


def test_not_required_tokens_count_neither_way() -> None:
    r = evaluate([(DOC, [(*NAME, "NAME"), (*DATE, "DATE"), (*YEAR, "DATE"), (*STATE, "LOCATION")])])
    assert r.overall.precision == 1.0 and r.overall.recall == 1.0
    assert r.not_required == {"YEAR": (1, 1), "STATE": (1, 1)}
    r2 = evaluate([(DOC, [(*NAME, "NAME"), (*DATE, "DATE")])])
    assert r2.not_required == {"YEAR": (1, 0), "STATE": (1, 0)}


def test_ages_under_90_must_survive() -> None:
    doc = Document("d3", "a 67 yo and a 94 yo", (GoldSpan(2, 4, "AGE_UNDER_90"), GoldSpan(14, 16, "AGE_OVER_89")))
    r = evaluate([(doc, [(2, 4, "AGE_OVER_89"), (14, 16, "AGE_OVER_89")])])
    assert r.overall.recall == 1.0
    assert r.overall.precision == 0.5  # removing "67" is over-redaction
    assert r.not_required == {"AGE_UNDER_90": (1, 1)}


def test_gold_inside_a_longer_token_and_partial_characters() -> None:
    doc = Document("d2", "a 92yo man", (GoldSpan(2, 4, "AGE_OVER_89"),))
    assert evaluate([(doc, [(2, 6, "AGE_OVER_89")])]).overall.recall == 1.0
    assert evaluate([(doc, [(2, 4, "AGE_OVER_89")])]).overall.recall == 1.0
    assert evaluate([(doc, [(2, 3, "AGE_OVER_89")])]).overall.recall == 0.0  # "2" still visible


def test_prediction_map_and_f_beta() -> None:
    r = evaluate([(DOC, [(*NAME, "PERSON"), (*DATE, "DATE_TIME")])], {"PERSON": "NAME", "DATE_TIME": "DATE"})
    assert r.overall.recall_strict == 1.0
    assert abs(f_beta(0.5, 1.0, 2.0) - 5 * 0.5 / (4 * 0.5 + 1.0)) < 1e-12
    assert f_beta(0.0, 0.0, 1.0) == 0.0


def test_misses_report_positions_only() -> None:
    ev = Evaluator()
    misses = ev.add(DOC, [(*NAME, "NAME")])
    assert [(m.start, m.end, m.entity) for m in misses] == [(*DATE, "DATE")]
    assert "3/14" not in repr(misses) and "3/14" not in repr(ev.report().to_dict())


@settings(max_examples=25, deadline=None)
@given(index=st.integers(0, 5000), data=st.data())
def test_adding_predictions_never_lowers_recall(index: int, data) -> None:
    doc = make_document(index, seed=1)
    n = len(doc.text)
    raw = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, 40)), max_size=8))
    preds = [(s, min(n, s + w), "NAME") for s, w in raw if w]
    extra = data.draw(st.lists(st.sampled_from(doc.spans), max_size=5)) if doc.spans else []
    base = evaluate([(doc, preds)]).overall
    more = evaluate([(doc, preds + [(s.start, s.end, s.entity) for s in extra])]).overall
    assert more.found_tokens >= base.found_tokens
    phi = [(s.start, s.end, s.entity) for s in doc.spans if s.entity not in MUST_SURVIVE]
    gold_all = evaluate([(doc, phi)]).overall
    assert gold_all.recall == 1.0 and gold_all.precision == 1.0 and gold_all.recall_strict == 1.0


def test_subgroup_recall_counts_only_matching_gold_tokens() -> None:
    groups = {"long name tokens": lambda ent, tok: ent == "NAME" and len(tok) > 4}
    r = evaluate([(DOC, [(3, 7, "NAME"), (*DATE, "DATE")])], subgroups=groups)
    assert r.subgroups == {"long name tokens": (1, 0)}  # "Smith" is the only one, and it leaked
    assert r.to_dict()["subgroups"]["long name tokens"]["recall"] == 0.0


def test_lexicon_subgroup_uses_phiscrubs_name_lists() -> None:
    from phiscrub.bench.lexicon_overlap import NAME_OUTSIDE, subgroups

    pred = subgroups()[NAME_OUTSIDE]
    assert pred("NAME", "Zbigniewowski") and not pred("NAME", "Smith") and not pred("DATE", "Zbigniewowski")
