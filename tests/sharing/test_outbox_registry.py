"""Outbox schedule and partner registry rules, without I/O."""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from accord.sharing import outbox
from accord.sharing.federation import QueryLimiter
from accord.sharing.node import NodeError, create_identity, load_identity, save_identity
from accord.sharing.registry import PartnerCardError, partner_from_card

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _entry(package: str, partner: str, minutes: int = 0) -> outbox.OutboxEntry:
    created = T0 + timedelta(minutes=minutes)
    return outbox.new_entry(
        package, partner, "r", "tok", created=created, expires=created + timedelta(hours=1)
    )


def test_backoff_doubles_up_to_the_cap() -> None:
    delays = [outbox.backoff(n).total_seconds() for n in range(1, 12)]
    assert delays[:4] == [1, 2, 4, 8]
    assert delays[-1] == outbox.MAX_DELAY.total_seconds()


def test_plan_waits_for_a_backing_off_partner_and_keeps_order() -> None:
    first, second, other = _entry("a", "rs"), _entry("b", "rs", 1), _entry("c", "fr", 2)
    failed = outbox.after_failure(first, T0 + timedelta(minutes=3), "down")
    plan = outbox.delivery_plan([second, failed, other], T0 + timedelta(minutes=3))
    assert list(plan) == ["fr"]
    later = outbox.delivery_plan([second, failed], T0 + timedelta(minutes=4))
    assert [e.package_id for e in later["rs"]] == ["a", "b"]


def test_expired_entries_are_marked_not_sent() -> None:
    entry = _entry("a", "rs")
    late = T0 + timedelta(hours=2)
    assert outbox.delivery_plan([entry], late) == {}
    assert outbox.expire([entry], late)[0].state == outbox.EXPIRED


def test_revoked_key_is_refused_from_its_revocation_time() -> None:
    node = create_identity("rs-police", "Serbian Border Police", "http://127.0.0.1:1")
    partner = partner_from_card(node.card(), T0)
    revoked = partner.revoke(node.signing_kid, T0 + timedelta(minutes=5))
    assert node.signing_kid in revoked.signing_keys(T0 + timedelta(minutes=4))
    assert revoked.signing_keys(T0 + timedelta(minutes=5)) == {}


def test_card_with_a_wrong_kid_or_private_key_is_refused() -> None:
    card = create_identity("rs-police", "Serbian Border Police", "http://127.0.0.1:1").card()
    card["keys"][0]["kid"] = "not-the-thumbprint"
    with pytest.raises(PartnerCardError, match="thumbprint"):
        partner_from_card(card, T0)
    card["keys"][0] |= {"kid": None, "jwk": {**card["keys"][0]["jwk"], "d": "secret"}}
    with pytest.raises(PartnerCardError, match="private"):
        partner_from_card(card, T0)


def test_identity_keys_are_private_to_their_owner(tmp_path: Path) -> None:
    node = create_identity("uk-bsc", "UK Border Security Command", "http://127.0.0.1:1")
    path = save_identity(node, tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_identity(tmp_path).signing_kid == node.signing_kid
    os.chmod(path, 0o644)
    with pytest.raises(NodeError, match="chmod 600"):
        load_identity(tmp_path)


def test_query_limiter_refuses_floods_and_refills() -> None:
    limiter = QueryLimiter(per_second=1.0, burst=2, hourly_identifiers=5)
    assert limiter.check("rs", 1, 0.0) == limiter.check("rs", 1, 0.0) == ""
    assert "rate limit" in limiter.check("rs", 1, 0.0)
    assert limiter.check("rs", 1, 1.0) == ""
    assert "budget" in limiter.check("rs", 3, 3.0)


def test_the_card_audit_key_is_kept_checked_and_never_replaced() -> None:
    node = create_identity("rs-police", "Serbian Border Police", "http://127.0.0.1:1")
    key = base64.urlsafe_b64encode(bytes(range(32))).decode()
    partner = partner_from_card(node.card() | {"audit_key": key}, T0)
    assert partner.audit_public_key() == bytes(range(32))
    stored = partner_from_card(partner.to_document(), T0)
    assert stored.audit_key == key and stored.merge_card(partner_from_card(node.card(), T0))
    with pytest.raises(PartnerCardError, match="32-byte"):
        partner_from_card(node.card() | {"audit_key": "AAAA"}, T0)
    other = partner_from_card(node.card() | {"audit_key": "B" * 43 + "="}, T0)
    with pytest.raises(PartnerCardError, match="never replaced"):
        partner.merge_card(other)
