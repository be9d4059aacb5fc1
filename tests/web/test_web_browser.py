"""The web interface in a real browser (Debian's chromium driven by Playwright): sign in, search a
Cyrillic name, open the entity and its provenance, the network view, approve a share, verify
the audit log and read the dashboard's charts of the official statistics, taking screenshots of
the key pages (see SHOTS below)."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from web_fixtures import PASSWORD, import_official_statistics, join

from accord.app import App
from accord.settings import Settings
from accord.web import create_web_app

CHROMIUM = Path("/usr/bin/chromium")
# Screenshots go to a scratch folder unless SCREENSHOTS_DIR names one (docs/screenshots/ holds the
# published set: `SCREENSHOTS_DIR=docs/screenshots .venv/bin/pytest tests/web -k browser`).
SHOTS = Path(
    os.environ.get("SCREENSHOTS_DIR") or Path(tempfile.gettempdir()) / "accord-screenshots"
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium"
)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(node: App, tmp_path: Path) -> Iterator[str]:
    folder = tmp_path / "rs"
    rs = App(Settings(data_dir=folder, database_url=f"sqlite:///{folder}.db", node_name="rs"))
    join(node, rs)
    import_official_statistics(node)
    port = _free_port()
    config = uvicorn.Config(create_web_app(node), host="127.0.0.1", port=port, log_level="error")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    while not running.started:  # start-up wait, not a timed assertion
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join()
        rs.close()


@pytest.fixture
def page(server: str) -> Iterator[object]:
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 800}, base_url=server)
        tab = context.new_page()
        errors: list[str] = []
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        yield tab
        browser.close()
        assert not errors, errors


def _sign_in(page: object, user: str, purpose: str) -> None:
    page.goto("/search")  # type: ignore[attr-defined]
    page.locator("#username").fill(user)  # type: ignore[attr-defined]
    page.locator("#password").fill(PASSWORD)  # type: ignore[attr-defined]
    page.locator("form[action='/signin'] button").click()  # type: ignore[attr-defined]
    page.locator("#purpose-select").select_option(purpose)  # type: ignore[attr-defined]
    page.locator("form[action='/purpose'] button").click()  # type: ignore[attr-defined]


def _shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)  # type: ignore[attr-defined]


def test_an_analyst_follows_a_cyrillic_name_to_its_network(page: object) -> None:
    p = page
    p.goto("/signin")  # type: ignore[attr-defined]
    _shot(p, "signin")
    _sign_in(p, "ana", "investigation")
    p.get_by_label("Name, phone, document, plate or account, in any script").fill("Петровић")  # type: ignore[attr-defined]
    p.keyboard.press("Enter")  # type: ignore[attr-defined]
    link = p.get_by_role("link", name="Јован Петровић")  # type: ignore[attr-defined]
    sync_api.expect(link).to_be_visible()
    sync_api.expect(p.get_by_role("link", name="Jovan PETROVIC")).to_be_visible()  # type: ignore[attr-defined]
    _shot(p, "search")
    link.click()
    sync_api.expect(p.get_by_role("heading", name="Јован Петровић")).to_be_visible()  # type: ignore[attr-defined]
    table = p.get_by_role("region", name="Statements and their provenance")  # type: ignore[attr-defined]
    sync_api.expect(table).to_contain_text("Ministry of Interior of Serbia, Border Police")
    sync_api.expect(table).to_contain_text("ПУ-СУ-2024-101")
    _shot(p, "entity")
    p.get_by_role("link", name="Open the network around this entity").click()  # type: ignore[attr-defined]
    sync_api.expect(p.locator("#graph[data-ready=true]")).to_be_attached()  # type: ignore[attr-defined]
    sync_api.expect(p.locator("#graph canvas").first).to_be_attached()  # type: ignore[attr-defined]
    _shot(p, "network")


def test_a_sharing_officer_approves_a_share_and_a_dpo_verifies_the_log(page: object) -> None:
    p = page
    _sign_in(p, "sofia", "sharing review")
    p.goto("/search?q=Dragan+Markovic")  # type: ignore[attr-defined]
    p.get_by_role("link", name="Dragan MARKOVIC").click()  # type: ignore[attr-defined]
    entity = p.url.rsplit("/", 1)[1]  # type: ignore[attr-defined]
    p.goto("/sharing")  # type: ignore[attr-defined]
    p.get_by_label("Entity ids (separated by spaces or commas)").fill(entity)  # type: ignore[attr-defined]
    p.get_by_role("button", name="Preview").click()  # type: ignore[attr-defined]
    sync_api.expect(p.get_by_text("needs approval").first).to_be_visible()  # type: ignore[attr-defined]
    _shot(p, "sharing-preview")
    p.get_by_role("button", name="Send the releasable statements").click()  # type: ignore[attr-defined]
    p.get_by_role("link", name="Back to sharing").click()  # type: ignore[attr-defined]
    approvals = p.locator("#approvals")  # type: ignore[attr-defined]
    sync_api.expect(approvals).to_contain_text("Not to be disseminated without NCA authority")
    _shot(p, "sharing-approvals")
    approvals.get_by_role("button", name="Approve").first.click()
    sync_api.expect(p.get_by_text("Decision recorded.")).to_be_visible()  # type: ignore[attr-defined]
    p.get_by_role("button", name="Sign out").click()  # type: ignore[attr-defined]
    _sign_in(p, "dora", "data protection audit")
    p.goto("/audit?kind=policy_decision")  # type: ignore[attr-defined]
    sync_api.expect(p.get_by_role("cell", name="sofia").first).to_be_visible()  # type: ignore[attr-defined]
    _shot(p, "audit")
    p.get_by_role("link", name="Verify the log").click()  # type: ignore[attr-defined]
    sync_api.expect(p.get_by_text("The log verifies")).to_be_visible()  # type: ignore[attr-defined]
    _shot(p, "audit-verify")


def test_a_serbian_officer_sees_the_interface_in_cyrillic(page: object) -> None:
    _sign_in(page, "milan", "investigation")
    page.goto("/search?q=Petrovic")  # type: ignore[attr-defined]
    sync_api.expect(page.get_by_role("heading", name="Претрага")).to_be_visible()  # type: ignore[attr-defined]
    _shot(page, "search-sr-cyrl")


def test_the_dashboard_draws_the_official_charts(page: object) -> None:
    _sign_in(page, "ana", "intelligence development")
    page.goto("/dashboard")  # type: ignore[attr-defined]
    boats = page.get_by_role("img", name="Weekly small-boat arrivals this year")  # type: ignore[attr-defined]
    routes = page.get_by_role("img", name="Detections per route per month")  # type: ignore[attr-defined]
    for chart in (boats, routes):
        sync_api.expect(chart).to_be_visible()
        loaded = "img => img.complete"
        page.wait_for_function(loaded, arg=chart.element_handle())  # type: ignore[attr-defined]
        assert chart.evaluate("img => img.naturalWidth * img.naturalHeight") > 0  # an SVG drawn
        box = chart.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
    sync_api.expect(page.locator("main")).to_contain_text("Western Balkan Route")  # type: ignore[attr-defined]
    page.evaluate("window.scrollTo(0, 0)")  # type: ignore[attr-defined]
    _shot(page, "dashboard")
