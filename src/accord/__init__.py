"""accord: fuse, resolve, analyse and lawfully share intelligence on organised immigration crime.

The public API is small and pinned by tests/test_public_api.py: build an `App` from `Settings` and
call its use-cases as an `Actor`; the model types describe what comes back.
"""

from accord.app import Actor, App
from accord.model import (
    Classification,
    Entity,
    Grading3x5x2,
    Grading4x4,
    Judgement,
    Marking,
    Source,
    Statement,
    SubjectCategory,
    Verdict,
)
from accord.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "App",
    "Classification",
    "Entity",
    "Grading3x5x2",
    "Grading4x4",
    "Judgement",
    "Marking",
    "Settings",
    "Source",
    "Statement",
    "SubjectCategory",
    "Verdict",
    "__version__",
]
