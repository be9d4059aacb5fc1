"""Sealed packages: the round trip, and every way a package must be refused."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from joserfc import jwe, jws
from joserfc.jwk import OKPKey
from sharing_core_fixtures import NOW, NodeKeys

from accord.sharing.agreement_keys import key_id
from accord.sharing.canonical import canonical_json
from accord.sharing.packages import OpenedPackage, PackageRefused, open_package, seal

UK, RS, THIRD = NodeKeys.generate(), NodeKeys.generate(), NodeKeys.generate()
PAYLOAD = {"statements": [{"id": "s1", "value": "Јован Петровић"}], "n": 1}


def sealed(
    payload: dict[str, object] = PAYLOAD, *, to: OKPKey = RS.encryption, **kw: object
) -> str:
    args: dict[str, object] = {
        "sender": "uk-bsc",
        "sender_signing_key": UK.signing,
        "recipient_encryption_key": to,
        "agreement_id": "uk-rs-oic",
        "package_id": "pkg-1",
        "created": NOW,
        "expires": NOW + timedelta(hours=1),
    }
    args.update(kw)
    return seal(payload, **args)  # type: ignore[arg-type]


def opened(token: str | bytes, **kw: object) -> OpenedPackage:
    args: dict[str, object] = {
        "our_encryption_key": RS.encryption,
        "sender_keys": {key_id(UK.signing): UK.signing},
        "now": NOW,
    }
    args.update(kw)
    return open_package(token, **args)  # type: ignore[arg-type]


def refused(token: str | bytes, **kw: object) -> str:
    with pytest.raises(PackageRefused) as caught:
        opened(token, **kw)
    return caught.value.code


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def encrypt(inner: str, header: dict[str, object] | None = None) -> str:
    protected = header or {"alg": "ECDH-ES", "enc": "A256GCM", "kid": key_id(RS.encryption)}
    algs = [str(protected["alg"]), str(protected["enc"])] + (["DEF"] if "zip" in protected else [])
    return jwe.encrypt_compact(protected, inner, RS.encryption, algorithms=algs)


def inner_of(token: str) -> str:
    plain = jwe.decrypt_compact(token, RS.encryption, algorithms=["ECDH-ES", "A256GCM"]).plaintext
    assert plain is not None
    return plain.decode()


def test_round_trip() -> None:
    package = opened(sealed())
    assert package.payload == PAYLOAD
    assert (package.package_id, package.sender, package.agreement_id) == (
        "pkg-1",
        "uk-bsc",
        "uk-rs-oic",
    )
    assert package.signing_kid == key_id(UK.signing)
    assert len(package.digest) == 64


def test_rotated_keys_still_open_and_lookup_may_be_a_function() -> None:
    token = sealed()
    package = opened(
        token,
        our_encryption_key=[THIRD.encryption, RS.encryption],
        sender_keys=lambda kid: UK.signing if kid == key_id(UK.signing) else None,
    )
    assert package.payload == PAYLOAD


def test_forged_signature() -> None:
    inner = inner_of(sealed())
    _, body, _ = inner.split(".")
    forged = jws.serialize_compact(
        {"alg": "Ed25519", "kid": key_id(UK.signing), "typ": "accord-package+jws"},
        base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)),
        THIRD.signing,
        algorithms=["Ed25519"],
    )
    assert refused(encrypt(forged)) == "bad-signature"


def test_altered_signed_content() -> None:
    header, body, signature = inner_of(sealed()).split(".")
    content = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    content["payload"]["n"] = 2
    altered = f"{header}.{b64(canonical_json(content))}.{signature}"
    assert refused(encrypt(altered)) == "bad-signature"


def test_wrong_recipient_key() -> None:
    assert refused(sealed(to=THIRD.encryption)) == "wrong-recipient-key"


def test_forwarded_to_a_third_party() -> None:
    inner = inner_of(sealed())
    header = {"alg": "ECDH-ES", "enc": "A256GCM", "kid": key_id(THIRD.encryption)}
    forwarded = jwe.encrypt_compact(
        header, inner, THIRD.encryption, algorithms=["ECDH-ES", "A256GCM"]
    )
    assert refused(forwarded, our_encryption_key=THIRD.encryption) == "wrong-recipient"


def test_unknown_or_revoked_sender_key() -> None:
    assert refused(sealed(), sender_keys={}) == "unknown-sender-key"
    assert refused(sealed(), sender_keys=lambda kid: None) == "unknown-sender-key"


def test_sender_mismatch() -> None:
    assert refused(sealed(), expected_sender="fr-police") == "sender-mismatch"


def test_expired_and_future_packages() -> None:
    assert refused(sealed(), now=NOW + timedelta(hours=1)) == "expired"
    assert refused(sealed(), now=NOW - timedelta(hours=1)) == "not-yet-valid"


def test_tampered_ciphertext() -> None:
    parts = sealed().split(".")
    middle = len(parts[3]) // 2
    flipped = "A" if parts[3][middle] != "A" else "B"
    parts[3] = parts[3][:middle] + flipped + parts[3][middle + 1 :]
    assert refused(".".join(parts)) == "tampered"


def test_tampered_tag_and_iv() -> None:
    for index in (2, 4):
        parts = sealed().split(".")
        parts[index] = parts[index][::-1]
        assert refused(".".join(parts)) in {"tampered", "malformed"}


def test_truncated_at_many_offsets() -> None:
    token = sealed()
    for end in range(0, len(token), 7):
        assert refused(token[:end]) in {"malformed", "tampered", "wrong-recipient-key"}


def test_oversized() -> None:
    big = sealed({"blob": "x" * 5000})
    assert refused(big, max_bytes=4096) == "oversized"
    assert refused("A" * 20_000, max_bytes=10_000) == "oversized"


def test_compressed_jwe() -> None:
    header = {"alg": "ECDH-ES", "enc": "A256GCM", "kid": key_id(RS.encryption), "zip": "DEF"}
    assert refused(encrypt(inner_of(sealed()), header)) == "compressed"


def test_other_jwe_algorithms() -> None:
    header = {"alg": "ECDH-ES+A256KW", "enc": "A256GCM", "kid": key_id(RS.encryption)}
    assert refused(encrypt(inner_of(sealed()), header)) == "algorithm"
    header = {"alg": "ECDH-ES", "enc": "A128GCM", "kid": key_id(RS.encryption)}
    assert refused(encrypt(inner_of(sealed()), header)) == "algorithm"


@pytest.mark.parametrize("alg", ["none", "EdDSA", "HS256"])
def test_other_signature_algorithms(alg: str) -> None:
    _, body, signature = inner_of(sealed()).split(".")
    header = {"alg": alg, "kid": key_id(UK.signing), "typ": "accord-package+jws"}
    inner = f"{b64(json.dumps(header).encode())}.{body}.{signature}"
    assert refused(encrypt(inner)) == "algorithm"


def test_seal_refuses_naive_or_inverted_times() -> None:
    with pytest.raises(ValueError, match="timezone"):
        sealed(created=NOW.replace(tzinfo=None))
    with pytest.raises(ValueError, match="expire after"):
        sealed(expires=NOW)


@settings(max_examples=200)
@given(st.binary(max_size=400) | st.text(max_size=400))
def test_garbage_is_refused_never_crashes(token: bytes | str) -> None:
    with pytest.raises(PackageRefused):
        opened(token)
