"""Agreements load from versioned YAML; every error names the file and the key at fault."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from sharing_core_fixtures import EXAMPLE, NOW, RS, UK, NodeKeys, public_x

from accord.model import Classification
from accord.sharing import clk, clk_v2
from accord.sharing.agreement import AgreementError, load_agreement, parse_agreement


def example_data() -> dict[str, Any]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_example_loads() -> None:
    agreement = load_agreement(EXAMPLE)
    assert agreement.id == "uk-rs-oic"
    assert [p.node for p in agreement.parties] == [UK, RS]
    assert agreement.maximum_classification is Classification.OFFICIAL_SENSITIVE
    assert agreement.handling.partner_grading == "4x4"
    assert agreement.victims.safeguarding_purposes == ("victim-safeguarding",)
    assert agreement.permits("Person", "nationality")
    assert not agreement.permits("Person", "ethnicity")
    assert agreement.permits("Vessel", "imo")
    assert agreement.is_valid_at(NOW)
    assert not agreement.keys_complete
    assert agreement.partner_of(UK).node == RS


def test_keys_fill_in_from_the_registry() -> None:
    uk, rs = NodeKeys.generate(), NodeKeys.generate()
    agreement = load_agreement(EXAMPLE)
    for node, keys in ((UK, uk), (RS, rs)):
        agreement = agreement.with_keys(
            node, signing_key=public_x(keys.signing), encryption_key=public_x(keys.encryption)
        )
    assert agreement.keys_complete
    assert agreement.party(RS).signing_public().thumbprint() == rs.signing.thumbprint()


def test_keys_may_be_written_as_jwk() -> None:
    keys = NodeKeys.generate()
    data = example_data()
    data["parties"][0]["signing_key"] = keys.signing.as_dict(private=False)
    data["parties"][0]["encryption_key"] = public_x(keys.encryption)
    agreement = parse_agreement(data, "inline.yaml")
    assert agreement.party(UK).signing_key == public_x(keys.signing)


def _broken(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(example_data())
    target = data
    for step in path[:-1]:
        target = target[step]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


_DELETE = object()
PRIVATE = NodeKeys.generate().signing.as_dict(private=True)
ERRORS = [
    (("id",), _DELETE, "id", "is required"),
    (("colour",), "blue", "colour", "unknown key"),
    (("format",), 2, "format", "format 1"),
    (("version",), 0, "version", ">= 1"),
    (("parties",), [], "parties", "non-empty list"),
    (("parties", 1, "node"), UK, "parties", "two different nodes"),
    (("parties", 0, "agency"), "", "parties[0].agency", "non-empty text"),
    (("parties", 0, "signing_key"), "AAAA", "parties[0].signing_key", "Ed25519"),
    (("parties", 0, "signing_key"), PRIVATE, "parties[0].signing_key", "private key"),
    (("parties", 1, "encryption_key"), {"kty": "OKP"}, "parties[1].encryption_key", "X25519"),
    (("schemata", "Person"), ["name", "shoeSize"], "schemata.Person", "shoeSize"),
    (("schemata", "Spaceship"), "*", "schemata.Spaceship", "unknown schema"),
    (("maximum_classification",), "TOP-SECRET-ISH", "maximum_classification", "unknown"),
    (("handling", "uk_c"), "maybe", "handling.uk_c", "approval, refused"),
    (("handling", "on_receipt"), ["H9"], "handling.on_receipt", "H0-H2"),
    (("onward_sharing",), "anyone", "onward_sharing", "forbidden"),
    (("retention_days",), "forever", "retention_days", "whole number"),
    (("victim_protection", "safeguarding_purposes"), ["x"], "victim_protection", "purposes"),
    (("hit_no_hit", "key_ref"), _DELETE, "hit_no_hit.key_ref", "is required"),
    (("hit_no_hit", "kinds"), ["dna"], "hit_no_hit.kinds", "unknown kinds"),
    (("hit_no_hit", "person_threshold"), 0.3, "hit_no_hit.person_threshold", "0.5 to 1.0"),
    (("hit_no_hit", "person_threshold"), 1.2, "hit_no_hit.person_threshold", "0.5 to 1.0"),
    (("hit_no_hit", "person_threshold"), "high", "hit_no_hit.person_threshold", "a number"),
    (("hit_no_hit", "person_threshold"), True, "hit_no_hit.person_threshold", "a number"),
    (("hit_no_hit", "person_encoding"), "clk-v9", "hit_no_hit.person_encoding", "clk-v1, clk-v2"),
    (("hit_no_hit", "person_encoding"), "", "hit_no_hit.person_encoding", "non-empty text"),
    (("hit_no_hit", "person_encoding"), ["clk-v2"], "hit_no_hit.person_encoding", "text"),
    (("valid_until",), "2024-01-01", "valid_until", "later than valid_from"),
    (("valid_from",), "soon", "valid_from", "ISO 8601"),
]


@pytest.mark.parametrize(("path", "value", "key", "problem"), ERRORS, ids=[e[2] for e in ERRORS])
def test_errors_name_file_and_key(
    path: tuple[Any, ...], value: Any, key: str, problem: str
) -> None:
    with pytest.raises(AgreementError) as caught:
        parse_agreement(_broken(path, value), "agreements/broken.yaml")
    message = str(caught.value)
    assert message.startswith("agreements/broken.yaml: ")
    assert key in message
    assert problem in message


def test_unreadable_files_are_clear_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(AgreementError, match=r"bad.yaml: \(file\): is not valid YAML"):
        load_agreement(bad)
    with pytest.raises(AgreementError, match="cannot be read"):
        load_agreement(tmp_path / "missing.yaml")
    (tmp_path / "list.yaml").write_text("- 1\n", encoding="utf-8")
    with pytest.raises(AgreementError, match="must be a mapping"):
        load_agreement(tmp_path / "list.yaml")


def test_party_without_keys_cannot_be_used() -> None:
    with pytest.raises(AgreementError, match="signing key not filled in"):
        load_agreement(EXAMPLE).party(UK).signing_public()


def test_person_threshold_defaults_to_the_encodings_default_and_may_be_set() -> None:
    example = load_agreement(EXAMPLE).hit
    assert (example.person_encoding, example.person_threshold) == ("clk-v2", 0.9)
    without = _broken(("hit_no_hit", "person_threshold"), _DELETE)
    assert parse_agreement(without, "x.yaml").hit.person_threshold == clk_v2.DEFAULT_THRESHOLD
    for value in (0.5, 0.85, 1):
        data = _broken(("hit_no_hit", "person_threshold"), value)
        assert parse_agreement(data, "inline.yaml").hit.person_threshold == value


def test_an_agreement_naming_no_encoding_keeps_clk_v1_and_its_threshold() -> None:
    """Agreements written before versions: both partners index and ask in clk-v1 still."""
    data = _broken(("hit_no_hit", "person_encoding"), _DELETE)
    del data["hit_no_hit"]["person_threshold"]
    hit = parse_agreement(data, "old.yaml").hit
    assert (hit.person_encoding, hit.person_threshold) == ("clk-v1", clk.DEFAULT_THRESHOLD)
    data["hit_no_hit"]["person_encoding"] = "clk-v1"
    assert parse_agreement(data, "old.yaml").hit.person_encoding == "clk-v1"
