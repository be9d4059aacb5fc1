"""Signed receipts: made by the recipient, checked by the sender against what it sent."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sharing_core_fixtures import NOW, NodeKeys

from accord.sharing.agreement_keys import key_id
from accord.sharing.receipts import Receipt, sign_receipt, statements_digest, verify_receipt
from accord.sharing.refusal import PackageRefused

RS, OTHER = NodeKeys.generate(), NodeKeys.generate()
IDS = ["s3", "s1", "s2"]
KEYS = {key_id(RS.signing): RS.signing}


def receipt(**changes: object) -> Receipt:
    base = Receipt(
        package_id="pkg-1",
        package_digest="ab" * 32,
        sender="uk-bsc",
        recipient="rs-police",
        received_at=NOW,
        outcome="accepted",
        statements_digest=statements_digest(IDS),
        statement_count=len(IDS),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_digest_ignores_order_and_repeats() -> None:
    assert statements_digest(["s1", "s2", "s3", "s1"]) == statements_digest(IDS)
    assert statements_digest(["s1", "s2"]) != statements_digest(IDS)


def test_round_trip() -> None:
    token = sign_receipt(receipt(), RS.signing)
    checked = verify_receipt(token, signer_keys=KEYS, package_id="pkg-1", statement_ids=IDS)
    assert checked == receipt()


def test_refused_outcome_carries_its_reason() -> None:
    token = sign_receipt(receipt(outcome="refused", reason="expired"), RS.signing)
    checked = verify_receipt(token, signer_keys=KEYS, package_id="pkg-1", statement_ids=IDS)
    assert (checked.outcome, checked.reason) == ("refused", "expired")


def test_unknown_outcome_cannot_be_signed() -> None:
    with pytest.raises(ValueError, match="outcome"):
        sign_receipt(receipt(outcome="lost"), RS.signing)


@pytest.mark.parametrize(
    ("token_key", "package", "ids", "code"),
    [
        ("other", "pkg-1", IDS, "unknown-sender-key"),
        ("rs", "pkg-2", IDS, "receipt-mismatch"),
        ("rs", "pkg-1", ["s1"], "receipt-mismatch"),
    ],
)
def test_refusals(token_key: str, package: str, ids: list[str], code: str) -> None:
    signer = RS.signing if token_key == "rs" else OTHER.signing
    token = sign_receipt(receipt(), signer)
    with pytest.raises(PackageRefused) as caught:
        verify_receipt(token, signer_keys=KEYS, package_id=package, statement_ids=ids)
    assert caught.value.code == code


def test_forged_receipt_signature() -> None:
    token = sign_receipt(receipt(), OTHER.signing)
    _, body, signature = token.split(".")
    real_header = sign_receipt(receipt(), RS.signing).split(".")[0]
    with pytest.raises(PackageRefused) as caught:
        verify_receipt(
            f"{real_header}.{body}.{signature}",
            signer_keys=KEYS,
            package_id="pkg-1",
            statement_ids=IDS,
        )
    assert caught.value.code == "bad-signature"


def test_oversized_receipt() -> None:
    with pytest.raises(PackageRefused, match="oversized"):
        verify_receipt("A" * 20_000, signer_keys=KEYS, package_id="p", statement_ids=[])
