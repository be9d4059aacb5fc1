"""A seeded synthetic people-smuggling scenario, seen by several agencies, with its ground truth."""

from accord.scenario.config import NoiseRates, ScenarioConfig, ScenarioConfigError, load_config
from accord.scenario.generate import generate
from accord.scenario.truth import Truth, load_truth

__all__ = [
    "NoiseRates",
    "ScenarioConfig",
    "ScenarioConfigError",
    "Truth",
    "generate",
    "load_config",
    "load_truth",
]
