"""Password hashing with scrypt (standard library). The hash records its own cost parameters, so
raising the cost later leaves older hashes verifiable."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

_PREFIX = "scrypt"
_KEY_BYTES = 32
MIN_PASSWORD_LENGTH = 12


@dataclass(frozen=True, slots=True)
class ScryptCost:
    """scrypt's N (as a power of two), r and p; the default follows OWASP (N=2^17, r=8, p=1)."""

    log2_n: int = 17
    r: int = 8
    p: int = 1

    @property
    def maxmem(self) -> int:
        return int(2 * 128 * self.r * (1 << self.log2_n) * self.p + 1024 * 1024)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _derive(password: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(
        password.encode(),
        salt=salt,
        n=1 << cost.log2_n,
        r=cost.r,
        p=cost.p,
        maxmem=cost.maxmem,
        dklen=_KEY_BYTES,
    )


def check_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"password must have at least {MIN_PASSWORD_LENGTH} characters")


def hash_password(password: str, cost: ScryptCost) -> str:
    salt = secrets.token_bytes(16)
    digest = _derive(password, salt, cost)
    return f"{_PREFIX}${cost.log2_n}${cost.r}${cost.p}${_b64(salt)}${_b64(digest)}"


def password_matches(password: str, stored: str) -> bool:
    """Derive and compare in constant time; a malformed hash never matches."""
    try:
        prefix, log2_n, r, p, salt, digest = stored.split("$")
        cost = ScryptCost(int(log2_n), int(r), int(p))
        expected = base64.b64decode(digest)
        derived = _derive(password, base64.b64decode(salt), cost)
    except ValueError:
        return False
    return prefix == _PREFIX and hmac.compare_digest(derived, expected)
