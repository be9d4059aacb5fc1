from __future__ import annotations

import pytest

from accord.model.ids import check_source_name, mint_entity_id, source_key


def test_same_local_id_in_two_sources_never_collides() -> None:
    secret = b"node-secret"
    a = mint_entity_id(source_key(secret, "uk-border-force"), "uk-border-force", "Person", "1234")
    b = mint_entity_id(source_key(secret, "rs-police"), "rs-police", "Person", "1234")
    assert a != b
    assert a.startswith("uk-border-force.") and b.startswith("rs-police.")


def test_ids_depend_on_the_node_secret_and_are_stable() -> None:
    key = source_key(b"one", "src")
    assert mint_entity_id(key, "src", "Person", "1") == mint_entity_id(key, "src", "Person", "1")
    assert mint_entity_id(key, "src", "Person", "1") != mint_entity_id(
        source_key(b"two", "src"), "src", "Person", "1"
    )


@pytest.mark.parametrize("bad", ["UK", "1abc", "a", "has space", "x" * 70])
def test_source_names_are_checked(bad: str) -> None:
    with pytest.raises(ValueError, match="source name"):
        check_source_name(bad)
