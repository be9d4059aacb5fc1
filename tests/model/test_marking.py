from __future__ import annotations

import pytest

from accord.model import (
    Classification,
    Grading3x5x2,
    Grading4x4,
    Marking,
    MarkingError,
    SubjectCategory,
)
from accord.model.grading_map import NotExportable, eu_to_uk, uk_to_eu


def test_gradings_reject_values_outside_the_standards() -> None:
    with pytest.raises(MarkingError, match="source evaluation"):
        Grading3x5x2("D", 1, "P")
    with pytest.raises(MarkingError, match="1-5"):
        Grading3x5x2("A", 6, "P")
    with pytest.raises(MarkingError, match="conditions"):
        Grading3x5x2("A", 1, "C")
    with pytest.raises(MarkingError, match="H0-H3"):
        Grading4x4("A", 1, ("H4",))
    with pytest.raises(MarkingError, match="restrictions"):
        Grading4x4("A", 1, ("H3",))


def test_marking_round_trips_through_its_dict_and_has_a_stable_key() -> None:
    marking = Marking(
        Classification.OFFICIAL_SENSITIVE,
        Grading3x5x2("B", 2, "C", "not to be shared outside OIC"),
        Grading4x4("B", 3, ("H0", "H2")),
        SubjectCategory.VICTIM,
        sensitive=True,
    )
    again = Marking.from_dict(marking.to_dict())
    assert again == marking
    assert again.key == marking.key
    assert again.is_victim
    assert Marking().key != marking.key


@pytest.mark.parametrize(
    ("uk", "eu"),
    [(("A", 1), ("B", 2)), (("A", 2), ("B", 3)), (("B", 3), ("X", 4)), (("C", 4), ("C", 4))],
)
def test_uk_to_eu_never_upgrades(uk: tuple[str, int], eu: tuple[str, int]) -> None:
    result = uk_to_eu(Grading3x5x2(uk[0], uk[1], "P"))
    assert (result.reliability, result.accuracy) == eu
    assert result.handling == ("H0",)


def test_uk_condition_code_becomes_restrictions_that_travel() -> None:
    result = uk_to_eu(Grading3x5x2("B", 2, "C", "no onward sharing"))
    assert "H2" in result.handling and "H3" in result.handling
    assert result.restrictions == "no onward sharing"


def test_grade_five_is_never_exported() -> None:
    with pytest.raises(NotExportable):
        uk_to_eu(Grading3x5x2("A", 5, "P"))


def test_eu_handling_arrives_in_the_uk_as_conditions() -> None:
    result = eu_to_uk(Grading4x4("X", 4, ("H1", "H3"), "return after use"))
    assert (result.source, result.intelligence, result.handling) == ("B", 4, "C")
    assert "evidence" in result.conditions and "return after use" in result.conditions


def test_translation_round_trip_never_gains_trust() -> None:
    order_uk = {"A": 0, "B": 1, "C": 2}
    for source in "ABC":
        for intel in (1, 2, 3, 4):
            back = eu_to_uk(uk_to_eu(Grading3x5x2(source, intel, "P")))
            assert back.intelligence >= intel
            assert order_uk[back.source] >= order_uk[source]
