"""accord's nouns: pure data types and schemata, no I/O."""

from accord.model.entity import Entity
from accord.model.judgement import Judgement, Verdict
from accord.model.marking import (
    Classification,
    Grading3x5x2,
    Grading4x4,
    Marking,
    MarkingError,
    SubjectCategory,
)
from accord.model.schema import Model, Property, Schema, SchemaError, load_model
from accord.model.source import RetentionRule, Source
from accord.model.statement import Statement
from accord.model.types import CleanHints, InvalidValue

__all__ = [
    "Classification",
    "CleanHints",
    "Entity",
    "Grading3x5x2",
    "Grading4x4",
    "InvalidValue",
    "Judgement",
    "Marking",
    "MarkingError",
    "Model",
    "Property",
    "RetentionRule",
    "Schema",
    "SchemaError",
    "Source",
    "Statement",
    "SubjectCategory",
    "Verdict",
    "load_model",
]
