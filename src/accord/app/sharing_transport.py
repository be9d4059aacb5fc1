"""The thin HTTP transport between nodes (httpx). Bodies are sealed packages, signed receipts or
batches of sealed packages (JSON); nothing travels in URLs. A partner that cannot be reached
raises TransportError."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import httpx

PACKAGES, RECEIPTS, HITS = "/node/v1/packages", "/node/v1/receipts", "/node/v1/hits"
BATCHES = "/node/v1/batches"
JOSE, JSON = "application/jose", "application/json"


class TransportError(RuntimeError):
    """The partner did not answer (down, unreachable, timed out, or a server error)."""


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: dict[str, Any]

    def refusal(self) -> str:
        """'code: message' from a refusal's error body (the status when it has none)."""
        error = self.body.get("error")
        if not isinstance(error, dict):
            return f"{self.status}: no error body"
        return f"{error.get('code', self.status)}: {error.get('message', '')}"


class Transport(Protocol):
    def post(self, base_url: str, path: str, body: bytes, content_type: str = JOSE) -> Answer: ...

    def webhook(self, url: str, body: dict[str, Any]) -> str: ...


class HttpTransport:
    def __init__(self, timeout: float = 5.0) -> None:
        self.timeout = timeout
        self._client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.timeout, follow_redirects=False)
        return self._client

    def post(self, base_url: str, path: str, body: bytes, content_type: str = JOSE) -> Answer:
        try:
            response = self.client.post(
                base_url + path, content=body, headers={"content-type": content_type}
            )
        except httpx.HTTPError as exc:
            raise TransportError(f"{base_url}: {type(exc).__name__}: {exc}") from None
        if response.status_code >= 500:
            raise TransportError(f"{base_url}: server error {response.status_code}")
        try:
            data = response.json()
        except ValueError:
            raise TransportError(f"{base_url}: answer is not JSON") from None
        if not isinstance(data, dict):
            raise TransportError(f"{base_url}: answer is not a JSON object")
        return Answer(response.status_code, data)

    def webhook(self, url: str, body: dict[str, Any]) -> str:
        """POST an alert to the owner's webhook; returns the status for the alert record."""
        try:
            response = self.client.post(url, json=body)
        except httpx.HTTPError as exc:
            return f"failed: {type(exc).__name__}"
        return str(response.status_code)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
