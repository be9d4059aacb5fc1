from __future__ import annotations

import pytest

from accord.app import App


def test_compare_uses_the_resolution_name_features(app: App) -> None:
    result = app.names.compare("Xhemal Hoxha", "Џемал Хоџа")
    assert result.score == 1.0
    assert result.left == result.right == "dzemal hodza"


def test_compare_refuses_names_without_letters(app: App) -> None:
    with pytest.raises(ValueError, match="no letters"):
        app.names.compare("Jovan", "  ")
