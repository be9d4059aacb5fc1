"""Scenario settings: sizes, behaviour probabilities and the noise rates each agency file shows."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml


class ScenarioConfigError(ValueError):
    """A scenario configuration file with a key or value the generator cannot use."""


@dataclass(frozen=True, slots=True)
class NoiseRates:
    """Probabilities per rendering; each is measured back from the output by the tests."""

    typo: float = 0.04
    translit: float = 0.35
    name_order: float = 0.05
    patronymic: float = 0.3
    alias: float = 0.3
    dob_missing: float = 0.08
    dob_partial: float = 0.08
    dob_swap: float = 0.05
    phone_local: float = 0.6
    plate_nospace: float = 0.4
    rs_cyrillic: float = 0.5
    rs_no_diacritics: float = 0.15
    native_script: float = 0.2
    malformed: float = 0.004


@dataclass(frozen=True, slots=True)
class ScenarioConfig:
    seed: int = 1
    people: int = 1000
    start: date = date(2024, 1, 1)
    days: int = 730
    members_min: int = 12
    members_max: int = 40
    victims_per_member: float = 12.0
    cross_group: float = 0.3
    shared_phone: float = 0.1
    phone_change: float = 0.5
    family: float = 0.35
    rs_detention: float = 0.35
    rs_retry: float = 0.25
    small_boat: float = 0.55
    lorry: float = 0.06
    uk_arrest: float = 0.3
    intel: float = 0.6
    sar: float = 0.4
    calls_per_link: float = 4.0
    cell_meetings: float = 3.0
    broker_meetings: float = 2.0
    boss_meetings: float = 2.0
    meeting_seen: float = 0.5
    xlsx_max_rows: int = 1_000_000
    noise: NoiseRates = field(default_factory=NoiseRates)

    def __post_init__(self) -> None:
        if self.people < 1:
            raise ScenarioConfigError(f"people must be at least 1, not {self.people}")
        if not 2 <= self.members_min <= self.members_max:
            raise ScenarioConfigError("need 2 <= members_min <= members_max")
        if self.xlsx_max_rows < 10 or self.xlsx_max_rows > 1_048_575:
            raise ScenarioConfigError("xlsx_max_rows must be between 10 and 1,048,575")
        for item in (*_probabilities(self), *_probabilities(self.noise)):
            name, value = item
            if not 0.0 <= value <= 1.0:
                raise ScenarioConfigError(f"{name} is a probability, so 0..1, not {value}")


_NOT_PROBABILITIES = {
    "victims_per_member",
    "calls_per_link",
    "cell_meetings",
    "broker_meetings",
    "boss_meetings",
}


def _probabilities(obj: Any) -> list[tuple[str, float]]:
    return [
        (f.name, getattr(obj, f.name))
        for f in fields(obj)
        if isinstance(getattr(obj, f.name), float) and f.name not in _NOT_PROBABILITIES
    ]


def _typed(cls: Any, data: dict[str, Any], where: str) -> dict[str, Any]:
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ScenarioConfigError(f"{where}: unknown key(s) {', '.join(unknown)}")
    out: dict[str, Any] = {}
    for key, value in data.items():
        default = getattr(cls(), key) if cls is NoiseRates else getattr(ScenarioConfig(), key)
        try:
            out[key] = _coerce(default, value)
        except (TypeError, ValueError) as exc:
            raise ScenarioConfigError(f"{where}.{key}: {exc}") from None
    return out


def _coerce(default: Any, value: Any) -> Any:
    if isinstance(default, date):
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    if isinstance(default, bool) or not isinstance(default, (int, float)):
        return value
    return type(default)(value)


def config_from_dict(data: dict[str, Any], where: str = "config") -> ScenarioConfig:
    data = dict(data)
    noise = data.pop("noise", None) or {}
    if not isinstance(noise, dict):
        raise ScenarioConfigError(f"{where}.noise must be a mapping of rates")
    values = _typed(ScenarioConfig, data, where)
    return ScenarioConfig(**values, noise=NoiseRates(**_typed(NoiseRates, noise, f"{where}.noise")))


def load_config(path: Path | None = None, **overrides: Any) -> ScenarioConfig:
    """Defaults, then the YAML file (if any), then explicit overrides such as --seed/--people."""
    config = ScenarioConfig()
    if path is not None:
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise ScenarioConfigError(f"{path}: cannot read ({exc.strerror})") from None
        if not isinstance(data, dict):
            raise ScenarioConfigError(f"{path}: must hold a YAML mapping")
        config = config_from_dict(data, str(path))
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(config, **given) if given else config
