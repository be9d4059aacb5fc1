"""An alert's webhook is called once even when delivery rounds run side by side: each call is
made under a claim, and only a claim left by a process that stopped is taken over."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from federation_nodes import OFFICER, Nodes, ingest_custody, two_nodes

from accord.sharing.alerts import AlertMatch
from accord.store.federation_base import WEBHOOK_CALLING, WEBHOOK_LEASE_SECONDS, AlertRecord

HOOK = "http://hooks.test/alerts"


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


@pytest.fixture
def watched(nodes: Nodes) -> str:
    entity = ingest_custody(nodes.rs)[0]
    nodes.rs.sharing.watch(OFFICER, entity, "RS-CASE-1", HOOK)
    return entity


def _claimed(ago: timedelta) -> str:
    return WEBHOOK_CALLING + (datetime.now(UTC) - ago).isoformat()


def _stored_alert(nodes: Nodes, watched: str, status: str) -> AlertRecord:
    alert = AlertRecord(
        owner=OFFICER.user,
        watched_entity=watched,
        matched_entity="p.partner",
        partner="uk-node",
        reason="shared phone",
        created_at=datetime.now(UTC).isoformat(),
        case_ref="RS-CASE-1",
        webhook_status=status,
    )
    return nodes.rs.sharing.fed.add_alerts([alert])[0]


def test_a_round_leaves_alone_an_alert_another_process_is_calling(
    nodes: Nodes, watched: str
) -> None:
    _stored_alert(nodes, watched, _claimed(timedelta(seconds=1)))
    calls = len(nodes.net.webhooks)
    assert nodes.rs.sharing.flush(OFFICER)["webhooks_redelivered"] == 0
    assert len(nodes.net.webhooks) == calls


def test_a_claim_older_than_the_lease_is_taken_over_and_called_once(
    nodes: Nodes, watched: str
) -> None:
    alert = _stored_alert(nodes, watched, _claimed(timedelta(seconds=WEBHOOK_LEASE_SECONDS + 5)))
    calls = len(nodes.net.webhooks)
    assert nodes.rs.sharing.flush(OFFICER)["webhooks_redelivered"] == 1
    assert len(nodes.net.webhooks) == calls + 1
    assert nodes.net.webhooks[-1][1]["id"] == alert.id
    assert [a.webhook_status for a in nodes.rs.sharing.alerts(OFFICER)] == ["204"]
    assert nodes.rs.sharing.flush(OFFICER)["webhooks_redelivered"] == 0


def test_of_two_rounds_claiming_one_failed_alert_only_the_first_gets_it(
    nodes: Nodes, watched: str
) -> None:
    alert = _stored_alert(nodes, watched, "failed: ConnectError")
    assert alert.id is not None
    fed = nodes.rs.sharing.fed
    first = fed.claim_webhooks([(alert.id, "failed: ConnectError")], _claimed(timedelta()))
    second = fed.claim_webhooks([(alert.id, "failed: ConnectError")], _claimed(timedelta()))
    assert (first, second) == ({alert.id}, set())


def test_an_alert_is_stored_claimed_by_the_process_that_calls_it(
    nodes: Nodes, watched: str
) -> None:
    watcher = nodes.rs.sharing.watcher
    (watch,) = nodes.rs.sharing.fed.watchlist()
    matches = [AlertMatch(watch, "p.partner", "shared phone")]
    (stored,) = nodes.rs.sharing.fed.add_alerts(watcher.alerts(matches, "uk-node", "pkg-1"))
    assert stored.webhook_status.startswith(WEBHOOK_CALLING)
    assert nodes.rs.sharing.flush(OFFICER)["webhooks_redelivered"] == 0  # the claim is fresh
    (done,) = watcher.notify(matches, [stored])
    assert done.webhook_status == "204"
    assert [a.webhook_status for a in nodes.rs.sharing.alerts(OFFICER)] == ["204"]
