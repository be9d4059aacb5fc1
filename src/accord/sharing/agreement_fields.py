"""Readers for agreement fields: each names the file and key it found wrong."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any


class AgreementError(ValueError):
    """An agreement file that cannot be used, with the file and key at fault."""

    def __init__(self, where: str, key: str, problem: str) -> None:
        super().__init__(f"{where}: {key}: {problem}")
        self.where = where
        self.key = key
        self.problem = problem


class Fields:
    """A mapping from YAML being read, remembering where it came from for error messages."""

    def __init__(self, data: object, where: str, prefix: str = "") -> None:
        if not isinstance(data, Mapping):
            raise AgreementError(where, prefix or "(top)", "must be a mapping")
        self.data: Mapping[str, Any] = data
        self.where = where
        self.prefix = prefix

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def fail(self, name: str, problem: str) -> AgreementError:
        return AgreementError(self.where, self.key(name), problem)

    def raw(self, name: str) -> Any:
        if name not in self.data or self.data[name] is None:
            raise self.fail(name, "is required")
        return self.data[name]

    def text(self, name: str, default: str | None = None) -> str:
        if default is not None and self.data.get(name) is None:
            return default
        value = self.raw(name)
        if not isinstance(value, str | int) or isinstance(value, bool) or not str(value).strip():
            raise self.fail(name, "must be non-empty text")
        return str(value).strip()

    def integer(self, name: str, minimum: int = 0) -> int:
        value = self.raw(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.fail(name, f"must be a whole number >= {minimum}")
        return value

    def fraction(self, name: str, low: float, high: float, default: float) -> float:
        """A number in [low, high]; `default` when the key is absent."""
        value = self.data.get(name)
        if value is None:
            return default
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not low <= value <= high:
            raise self.fail(name, f"must be a number from {low} to {high}, not {value!r}")
        return float(value)

    def flag(self, name: str, default: bool) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            raise self.fail(name, "must be true or false")
        return value

    def texts(self, name: str, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
        if default is not None and self.data.get(name) is None:
            return default
        value = self.raw(name)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(name, "must be a list of non-empty texts")
        return tuple(value)

    def choice(self, name: str, options: tuple[str, ...], default: str | None = None) -> str:
        value = self.text(name, default)
        if value not in options:
            raise self.fail(name, f"must be one of {', '.join(options)}, not {value!r}")
        return value

    def moment(self, name: str) -> datetime:
        value = self.raw(name)
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, date):
            moment = datetime(value.year, value.month, value.day)
        else:
            try:
                moment = datetime.fromisoformat(str(value))
            except ValueError:
                raise self.fail(name, f"must be an ISO 8601 date or time, not {value!r}") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    def child(self, name: str, required: bool = True) -> Fields:
        if not required and self.data.get(name) is None:
            return Fields({}, self.where, self.key(name))
        return Fields(self.raw(name), self.where, self.key(name))

    def children(self, name: str) -> list[Fields]:
        value = self.raw(name)
        if not isinstance(value, list) or not value:
            raise self.fail(name, "must be a non-empty list")
        return [Fields(item, self.where, f"{self.key(name)}[{i}]") for i, item in enumerate(value)]

    def unknown(self, known: set[str]) -> None:
        extra = sorted(set(self.data) - known)
        if extra:
            raise self.fail(extra[0], f"unknown key (known: {', '.join(sorted(known))})")
