from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from accord.scenario import NoiseRates, ScenarioConfig, generate


@pytest.fixture(scope="session")
def medium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few thousand people: enough rows to measure noise rates, quick to generate."""
    folder = tmp_path_factory.mktemp("medium")
    generate(ScenarioConfig(seed=11, people=6000), folder)
    return folder


@pytest.fixture(scope="session")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Small enough to ingest in every test run, with many rows broken on purpose."""
    folder = tmp_path_factory.mktemp("small")
    noise = replace(NoiseRates(), malformed=0.03)
    generate(ScenarioConfig(seed=5, people=700, noise=noise, xlsx_max_rows=200), folder)
    return folder
