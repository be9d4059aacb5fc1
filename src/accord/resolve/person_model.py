"""The person model: comparisons, prediction blocking rules and training plan as data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from splink import SettingsCreator, block_on
from splink.blocking_rule_library import CustomRule

from accord.resolve import dates
from accord.resolve.comparisons import (
    Comparison,
    else_level,
    exact_level,
    jaro_winkler_level,
    null_level,
    overlap_level,
    within_edits_level,
)

NAME = Comparison(
    "name",
    "name_norm",
    (
        null_level("name_norm"),
        exact_level("name_norm"),
        jaro_winkler_level("name_norm", 0.95),
        jaro_winkler_level("name_norm", 0.88),
        overlap_level("name_phonetic"),
        jaro_winkler_level("name_norm", 0.75),
        else_level(),
    ),
)
BIRTH_DATE = Comparison(
    "birth_date",
    "dob",
    (
        null_level("dob"),
        exact_level("dob"),
        dates.swapped_level(),
        within_edits_level("dob", 1),
        dates.partial_level(),
        dates.same_year_level(),
        else_level(),
    ),
)
PHONE = Comparison("phone", "phones", (null_level("phones"), overlap_level("phones"), else_level()))
DOCUMENT = Comparison(
    "document",
    "documents",
    (
        null_level("documents"),
        overlap_level("documents"),
        within_edits_level("document", 1),
        else_level(),
    ),
)
NATIONALITY = Comparison(
    "nationality",
    "nationality",
    (null_level("nationality"), exact_level("nationality"), else_level()),
)
ADDRESS = Comparison(
    "address",
    "address",
    (
        null_level("address"),
        exact_level("address"),
        jaro_winkler_level("address", 0.9),
        jaro_winkler_level("address", 0.7),
        else_level(),
    ),
)
ACCOUNT = Comparison(
    "account", "accounts", (null_level("accounts"), overlap_level("accounts"), else_level())
)
VEHICLE = Comparison(
    "vehicle", "vehicles", (null_level("vehicles"), overlap_level("vehicles"), else_level())
)
COMPARISONS = (NAME, BIRTH_DATE, PHONE, DOCUMENT, NATIONALITY, ADDRESS, ACCOUNT, VEHICLE)


@dataclass(frozen=True, slots=True)
class BlockingRule:
    """Records sharing a value of every column are compared; list columns match any element.
    A condition (SQL over l. and r.) further restricts the pairs the batch engine scores
    (resolve/pruning.py); the real-time index ignores it and lets the scorer judge."""

    columns: tuple[str, ...]
    exploded: tuple[str, ...] = ()
    condition: str = ""

    def to_splink(self) -> Any:
        exploded = list(self.exploded) or None
        if not self.condition:
            return block_on(*self.columns, arrays_to_explode=exploded)
        equal = " AND ".join(f"l.{column} = r.{column}" for column in self.columns)
        return CustomRule(f"{equal} AND {self.condition}", arrays_to_explode=exploded)


BLOCKING_RULES = (
    BlockingRule(("name_norm",)),
    BlockingRule(("name_blocking",), exploded=("name_blocking",)),
    BlockingRule(("phones",), exploded=("phones",)),
    BlockingRule(("documents",), exploded=("documents",)),
    BlockingRule(("accounts",), exploded=("accounts",)),
    # Partial dates (a year alone) are shared by too many records to block on.
    BlockingRule(("dob_full", "initial")),
    BlockingRule(("name_phonetic", "dob_full"), exploded=("name_phonetic",)),
    BlockingRule(("name_phonetic", "document_prefix"), exploded=("name_phonetic",)),
    # A house number or postcode with the full date, or with one name's sound, reaches a record
    # whose given name was replaced or whose date is missing (see docs/resolution.md).
    BlockingRule(("dob_full", "address_numbers"), exploded=("address_numbers",)),
    BlockingRule(
        ("name_phonetic", "address_numbers"), exploded=("name_phonetic", "address_numbers")
    ),
)


def person_settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="entity_id",
        comparisons=[comparison.to_splink() for comparison in COMPARISONS],
        blocking_rules_to_generate_predictions=[rule.to_splink() for rule in BLOCKING_RULES],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )
