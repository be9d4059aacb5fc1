from __future__ import annotations

import pytest

from accord.model import SchemaError, load_model

ENTITIES = [
    "Person",
    "Organisation",
    "Phone",
    "Vehicle",
    "Vessel",
    "Account",
    "IdentityDocument",
    "Location",
]
LINKS = [
    "Call",
    "Payment",
    "Journey",
    "Crossing",
    "Meeting",
    "Association",
    "Membership",
    "Use",
    "Family",
    "Detention",
]


def test_every_schema_the_foundation_promises_exists() -> None:
    model = load_model()
    for name in ENTITIES + LINKS:
        assert not model.get(name).abstract, name


def test_inheritance_brings_parent_properties() -> None:
    person = load_model().get("Person")
    assert {"name", "alias", "phone", "birthDate"} <= person.properties.keys()
    assert person.is_a("LegalEntity") and person.is_a("Thing")


@pytest.mark.parametrize("name", LINKS)
def test_link_edges_point_at_entity_properties(name: str) -> None:
    model = load_model()
    schema = model.get(name)
    assert schema.edge is not None
    for end in (schema.edge.source, schema.edge.target):
        prop = schema.get(end)
        assert prop.type.name == "entity"
        assert prop.range in model.schemata


def test_sensitive_processing_properties_are_flagged() -> None:
    person = load_model().get("Person")
    flagged = {p.name for p in person.properties.values() if p.sensitive}
    assert flagged == {"ethnicity", "religion", "health", "biometric"}


def test_unknown_schema_and_property_are_clear_errors() -> None:
    model = load_model()
    with pytest.raises(SchemaError, match="unknown schema 'Boat'"):
        model.get("Boat")
    with pytest.raises(SchemaError, match="Person has no property 'shoeSize'"):
        model.get("Person").get("shoeSize")
