"""Two in-process nodes (UK Border Security Command, Serbian police) joined by a loopback
transport that can be switched off to play a partner that is down."""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from accord.app import Actor, App
from accord.app.sharing_transport import (
    BATCHES,
    HITS,
    JOSE,
    JSON,
    PACKAGES,
    RECEIPTS,
    Answer,
    TransportError,
)
from accord.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
AGREEMENT = ROOT / "examples" / "agreements" / "uk-rs.yaml"
CUSTODY = ROOT / "examples" / "agencies" / "uk_police_custody.csv"
CUSTODY_MAPPING = ROOT / "examples" / "agencies" / "uk_police_custody.yaml"
UK, RS = "uk-bsc", "rs-police"
OFFICER = Actor(
    "officer-1", agency="UK BSC", roles=frozenset({"analyst", "sharing_officer"}), purpose="test"
)
PG_URL = os.environ.get("ACCORD_DATABASE_URL", "")


@dataclass
class Loopback:
    """Routes node-to-node calls to in-process Apps by base URL."""

    apps: dict[str, App] = field(default_factory=dict)
    down: set[str] = field(default_factory=set)
    webhooks: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    webhook_answer: str = "204"
    posts: list[str] = field(default_factory=list)  # paths called, in order

    def post(self, base_url: str, path: str, body: bytes, content_type: str = JOSE) -> Answer:
        if base_url in self.down or base_url not in self.apps:
            raise TransportError(f"{base_url}: connection refused")
        sharing = self.apps[base_url].sharing
        handlers = {
            PACKAGES: sharing.receive,
            HITS: sharing.receive,
            RECEIPTS: sharing.receive_receipt,
            BATCHES: sharing.receive_batch,
        }
        assert content_type == (JSON if path == BATCHES else JOSE)
        self.posts.append(path)
        reply = handlers[path](body)
        return Answer(reply.status, reply.body)

    def webhook(self, url: str, body: dict[str, Any]) -> str:
        self.webhooks.append((url, body))
        return self.webhook_answer


@dataclass
class Nodes:
    uk: App
    rs: App
    net: Loopback


@contextmanager
def database_urls(tmp_path: Path) -> Iterator[tuple[str, str]]:
    if not PG_URL.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'uk.db'}", f"sqlite:///{tmp_path / 'rs.db'}"
        return
    base = PG_URL.split("?")[0]
    schemas = [f"t_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    admin = create_engine(base)
    with admin.begin() as conn:
        for schema in schemas:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield tuple(f"{base}?options=-csearch_path%3D{s}" for s in schemas)  # type: ignore[misc]
    finally:
        with admin.begin() as conn:
            for schema in schemas:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def make_app(tmp_path: Path, name: str, url: str, net: Loopback) -> App:
    app = App(Settings(data_dir=tmp_path / name, database_url=url))
    app.sharing.transport = net
    app.sharing.watcher.transport = net
    return app


def card(app: App, batches: bool = True) -> dict[str, Any]:
    """The node's card; `batches=False`: as an older node's, which takes single packages only."""
    document = app.sharing.identity().card()
    return document if batches else {k: v for k, v in document.items() if k != "exchanges"}


def join(uk: App, rs: App, hit_key: str, batches: bool = True) -> None:
    uk.sharing.init_node(OFFICER, UK, "UK Border Security Command", "http://uk.test")
    rs.sharing.init_node(OFFICER, RS, "Serbian Border Police", "http://rs.test")
    uk.sharing.add_partner(OFFICER, card(rs, batches))
    rs.sharing.add_partner(OFFICER, card(uk, batches))
    for app in (uk, rs):
        app.sharing.add_agreement(OFFICER, AGREEMENT)
        app.sharing.install_hit_key(OFFICER, "uk-rs-oic-hit-2025", hit_key)


@contextmanager
def two_nodes(tmp_path: Path, *, batches: bool = True) -> Iterator[Nodes]:
    """Two nodes; `batches=False` registers each with a card of a node older than batches."""
    net = Loopback()
    with database_urls(tmp_path) as (uk_url, rs_url):
        uk = make_app(tmp_path, "uk", uk_url, net)
        rs = make_app(tmp_path, "rs", rs_url, net)
        try:
            join(uk, rs, secrets.token_hex(32), batches)
            net.apps = {"http://uk.test": uk, "http://rs.test": rs}
            yield Nodes(uk, rs, net)
        finally:
            uk.close()
            rs.close()


def ingest_custody(app: App) -> list[str]:
    """Ingest the UK custody example; returns the Person entity ids."""
    app.ingest(OFFICER, CUSTODY, CUSTODY_MAPPING)
    return sorted({s.entity_id for s in app.store.iter_statements(schema=["Person"])})
