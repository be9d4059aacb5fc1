"""The partner of the load run: a second node (rs-police) under the UK-Serbia agreement with the
node under load (uk-bsc). It lives in the load generator's process and sends hit/no-hit queries,
sealed, to the served node's node-to-node route (/node/v1/hits), as a partner would.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from accord.app import Actor, App
from accord.demo_share import AGREEMENT
from accord.settings import Settings

OFFICER = Actor("partner-officer", roles=frozenset({"analyst", "sharing_officer"}), purpose="load")
AGREEMENT_ID, KEY_REF = "uk-rs-oic", "uk-rs-oic-hit-2025"
NODE, PARTNER = "uk-bsc", "rs-police"
# Phones the node under load holds (examples/agencies/uk_police_custody.csv): these must hit.
HELD = ["+381 64 123 4567", "+44 7911 123456"]


def pair(node_dir: Path, partner_dir: Path, port: int) -> App:
    """Make each node the other's partner under the agreement, with a shared hit key. Returns
    the partner's App, open; the node under load is then served from `node_dir` on `port`."""
    key = secrets.token_hex(32)
    partner = App(Settings(data_dir=partner_dir))
    partner.sharing.init_node(OFFICER, PARTNER, "Serbian Border Police", "http://127.0.0.1:9")
    with App(Settings(data_dir=node_dir)) as node:
        base_url = f"http://127.0.0.1:{port}"
        node.sharing.init_node(OFFICER, NODE, "UK Border Security Command", base_url)
        node.sharing.add_partner(OFFICER, partner.sharing.identity().card())
        partner.sharing.add_partner(OFFICER, node.sharing.identity().card())
        for app in (node, partner):
            app.sharing.add_agreement(OFFICER, AGREEMENT)
            app.sharing.install_hit_key(OFFICER, KEY_REF, key)
    return partner


def hit_or_miss(partner: App, number: int) -> bool:
    """One query: even numbers ask for a phone the node holds, odd ones for a phone it does not.
    True when the answer is the expected one."""
    expect_hit = number % 2 == 0
    phone = HELD[number // 2 % len(HELD)] if expect_hit else f"+381 60 {number % 10**7:07d}"
    result = partner.sharing.hit_query(OFFICER, AGREEMENT_ID, "phone", phone)
    return result.hit == expect_hit


def answered_queries(node_dir: Path, since: str) -> int:
    """Hit/no-hit queries the node under load answered (one consultation entry each, written
    before the sealed answer leaves), counted from its audit log."""
    with App(Settings(data_dir=node_dir)) as node:
        return sum(
            1
            for e in node.audit.events()
            if e.at.isoformat() >= since
            and e.actor == f"node:{PARTNER}"
            and e.kind.value == "consultation"
            and e.detail.get("hit_queries") == 1
            and not e.detail.get("refused")
        )
