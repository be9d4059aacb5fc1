"""Helpers for the web tests: users, example data, a signed-in TestClient, and a Serbian partner
node joined to the UK node by an in-process loopback transport."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from accord.app import Actor, App
from accord.app.sharing_transport import BATCHES, JOSE, RECEIPTS, Answer, TransportError
from accord.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
AGREEMENT = ROOT / "examples" / "agreements" / "uk-rs.yaml"
OFFICIAL = ROOT.parent / "shared" / "data"  # the published statistics beside the clone
SMALL_BOATS_WORKBOOK = OFFICIAL / "small-boats" / "data_small_boats_time_series.ods"
FRONTEX_CSV = OFFICIAL / "frontex" / "detections_monthly.csv"
FRONTEX_PUBLISHED = date(2025, 6, 3)  # the file's README: "data as of 3 June 2025"
PASSWORD = "correct horse battery staple"
OPERATOR = Actor("console:test", roles=frozenset({"sharing_officer"}), purpose="setup")
UK_AGENCY = "National Crime Agency"
USERS: dict[str, tuple[frozenset[str], str]] = {
    "ana": (frozenset({"analyst"}), "en"),
    "ivan": (frozenset({"investigator"}), "en"),
    "sofia": (frozenset({"analyst", "sharing_officer"}), "en"),
    "dora": (frozenset({"dpo"}), "en"),
    "milan": (frozenset({"analyst"}), "sr-Cyrl"),
    "jelena": (frozenset({"analyst"}), "sr-Latn"),
}
FILES = (
    (DATA / "web_intel.csv", DATA / "web_intel.yaml"),
    (
        ROOT / "examples/agencies/uk_police_custody.csv",
        ROOT / "examples/agencies/uk_police_custody.yaml",
    ),
    (
        ROOT / "examples/agencies/rs_police_detentions.xlsx",
        ROOT / "examples/agencies/rs_police_detentions.yaml",
    ),
)


def fast_settings(settings: Settings, name: str = "uk-bsc") -> Settings:
    """The test's settings with a cheap password hash (the tests sign in many times)."""
    return Settings(
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        node_name=name,
        extra={"auth_scrypt_log2n": 10},
    )


def populate(app: App) -> None:
    for data, mapping in FILES:
        app.ingest(OPERATOR, data, mapping)
    for name, (roles, language) in USERS.items():
        app.auth.add_user(name, PASSWORD, UK_AGENCY, roles, "OFFICIAL-SENSITIVE", language)


def import_official_statistics(app: App) -> None:
    """The published Home Office workbook and Frontex file, so the dashboard draws its charts."""
    importer = Actor.console("statistics import")
    app.stats.import_small_boats(importer, SMALL_BOATS_WORKBOOK)
    app.stats.import_frontex(importer, FRONTEX_CSV, FRONTEX_PUBLISHED)


CSRF = re.compile(r'name="csrf" value="([0-9a-f]{64})"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "page has no CSRF token"
    return found.group(1)


def sign_in(client: TestClient, user: str, purpose: str = "investigation") -> None:
    form = client.get("/signin")
    answer = client.post(
        "/signin",
        data={"username": user, "password": PASSWORD, "csrf": csrf_of(form.text), "next": "/"},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    if purpose:
        post(client, "/purpose", {"purpose": purpose, "back": "/search"})


def post(client: TestClient, path: str, data: dict[str, str], page: str = "/signin") -> Any:
    """POST a form with the CSRF token a page of this browser carries."""
    token = csrf_of(client.get(page).text)
    return client.post(path, data={**data, "csrf": token}, follow_redirects=False)


@dataclass
class Loopback:
    """Node-to-node calls routed to in-process Apps by base URL."""

    apps: dict[str, App] = field(default_factory=dict)

    def post(self, base_url: str, path: str, body: bytes, content_type: str = JOSE) -> Answer:
        if base_url not in self.apps:
            raise TransportError(f"{base_url}: connection refused")
        sharing = self.apps[base_url].sharing
        handlers = {RECEIPTS: sharing.receive_receipt, BATCHES: sharing.receive_batch}
        reply = handlers.get(path, sharing.receive)(body)
        return Answer(reply.status, reply.body)

    def webhook(self, url: str, body: dict[str, Any]) -> str:
        return "204"


def join(uk: App, rs: App) -> Loopback:
    net = Loopback({"http://uk.test": uk, "http://rs.test": rs})
    for app in (uk, rs):
        app.sharing.transport = net
        app.sharing.watcher.transport = net
    uk.sharing.init_node(OPERATOR, "uk-bsc", "UK Border Security Command", "http://uk.test")
    rs.sharing.init_node(OPERATOR, "rs-police", "Serbian Border Police", "http://rs.test")
    uk.sharing.add_partner(OPERATOR, rs.sharing.identity().card())
    rs.sharing.add_partner(OPERATOR, uk.sharing.identity().card())
    key = secrets.token_hex(32)
    for app in (uk, rs):
        app.sharing.add_agreement(OPERATOR, AGREEMENT)
        app.sharing.install_hit_key(OPERATOR, "uk-rs-oic-hit-2025", key)
    return net
