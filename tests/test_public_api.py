"""The public API is deliberately small; changing it is a decision, so this test pins it."""

from __future__ import annotations

import accord

PINNED = {
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
}


def test_public_api_is_pinned() -> None:
    assert set(accord.__all__) == PINNED
    for name in accord.__all__:
        assert getattr(accord, name) is not None


def test_version_matches_the_package_metadata() -> None:
    from importlib.metadata import version

    assert accord.__version__ == version("accord")
