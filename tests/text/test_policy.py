"""Policy: validation, serialisation, fingerprint."""

from __future__ import annotations

import pickle

import pytest

from phiscrub import Policy, PolicyError


def test_toml_round_trip(tmp_path):
    p = tmp_path / "policy.toml"
    p.write_text('operator = "surrogate"\nkey = "s"\nentities = ["NAME", "DATE"]\n[operators]\nDATE = "shift_dates"\n')
    pol = Policy.from_toml(p)
    assert pol.operator == "surrogate" and pol.entities == frozenset({"NAME", "DATE"})
    assert pol.operator_for("DATE") == "shift_dates" and pol.operator_for("NAME") == "surrogate"
    assert Policy.from_dict(pol.to_dict(include_key=True)) == pol


def test_table_form_and_errors_name_the_field(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text('[policy]\nthreshold = 0.5\n')
    assert Policy.from_toml(p).threshold == 0.5
    p.write_text('colour = "red"\n')
    with pytest.raises(PolicyError, match="colour"):
        Policy.from_toml(p)
    with pytest.raises(PolicyError, match="cannot read"):
        Policy.from_toml(tmp_path / "missing.toml")


@pytest.mark.parametrize("kw", [dict(operator="blur"), dict(threshold=2), dict(entities={"NAMES"}),
                                dict(operators={"DATE": "x"}), dict(faces="hide"), dict(mask_char="ab"),
                                dict(redaction_color=(0, 0, 300)), dict(date_shift_days=0), dict(padding=-1)])
def test_invalid_fields_raise(kw):
    with pytest.raises(PolicyError):
        Policy(**kw)


def test_fingerprint_stable_hides_key_and_changes_with_fields():
    a, b = Policy(key="secret"), Policy(key="secret")
    assert a.fingerprint() == b.fingerprint() and hash(a) == hash(b)
    assert Policy(key="other").fingerprint() != a.fingerprint()
    assert Policy(threshold=0.5).fingerprint() != Policy().fingerprint()
    assert "secret" not in str(a.to_dict()) and "secret" not in a.fingerprint()


def test_policy_pickles_for_worker_processes():
    p = Policy(operators={"DATE": "shift_dates"}, key="k")
    assert pickle.loads(pickle.dumps(p)) == p
