"""Two-node loopback demo: a UK Border Security Command node and a Serbian police node share under
the UK-Serbia agreement, run a hit/no-hit exchange and raise an alert, then print counts.

Each node is its own process (`accord node serve` on 127.0.0.1, an ephemeral port) with its own data
folder; every step goes through the `accord` command, exactly as an operator would run it.
Run: python -m accord.demo_share [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
AGENCIES = ROOT / "examples" / "agencies"
AGREEMENT = ROOT / "examples" / "agreements" / "uk-rs.yaml"
ACCORD = [sys.executable, "-c", "from accord.cli.main import main; main()"]
UK, RS = "uk-bsc", "rs-police"


@dataclass(frozen=True)
class Node:
    name: str
    agency: str
    folder: Path
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        settings = self.folder / "accord.toml"
        settings.touch()
        env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_")}
        env |= {"ACCORD_DATA_DIR": str(self.folder / "data"), "ACCORD_SETTINGS": str(settings)}
        return env

    def run(self, *args: str) -> str:
        done = subprocess.run(  # noqa: S603 (our own interpreter and fixed arguments)
            [*ACCORD, *args],
            check=False,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{self.name}: accord {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args, "--json"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(node: Node, ready_seconds: float = 120.0) -> Iterator[subprocess.Popen[bytes]]:
    """`accord node serve` for one node, stopped when the block ends."""
    args = [*ACCORD, "node", "serve", "--host", "127.0.0.1", "--port", str(node.port)]
    process = subprocess.Popen(args, env=node.env())  # noqa: S603 (fixed arguments)
    try:
        deadline = time.monotonic() + ready_seconds
        while not _answers(node.url + "/node/v1/card"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{node.name} did not start on {node.url}")
            time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 (loopback only)
            return bool(response.status == 200)
    except OSError:
        return False


def post_raw(url: str, body: bytes) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url, data=body, method="POST")  # noqa: S310
    request.add_header("content-type", "application/jose")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return int(response.status), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return int(error.code), json.loads(error.read() or b"{}")


def set_up(uk: Node, rs: Node) -> None:
    hit_key = secrets.token_hex(32)
    for node in (uk, rs):
        node.run("node", "init", "--name", node.name, "--agency", node.agency, "--url", node.url)
        (node.folder / "card.json").write_text(node.run("node", "card"))
    for node, other in ((uk, rs), (rs, uk)):
        node.run("partner", "add", str(other.folder / "card.json"))
        node.run("agreement", "add", str(AGREEMENT), "--hit-key", hit_key)
    uk.run(
        "ingest",
        str(AGENCIES / "uk_police_custody.csv"),
        "-m",
        str(AGENCIES / "uk_police_custody.yaml"),
    )
    uk.run(
        "ingest",
        str(AGENCIES / "border_force_arrivals.jsonl"),
        "-m",
        str(AGENCIES / "border_force_arrivals.yaml"),
    )
    rs.run(
        "ingest",
        str(AGENCIES / "rs_police_detentions.xlsx"),
        "-m",
        str(AGENCIES / "rs_police_detentions.yaml"),
    )


def exchange(uk: Node, rs: Node) -> dict[str, Any]:
    """The demo's story; returns the counts it prints."""
    suspect = rs.json("search", "Petrovic")[0]["id"]
    rs.run("alerts", "watch", suspect, "--case", "RS-OIC-2024-17")
    sent = uk.json("share", "send", "uk-rs-oic", "--purpose", "oic-investigation", "--query", "*")
    rejected_status, _ = post_raw(rs.url + "/node/v1/packages", b"not.a.sealed.package.at-all")
    hit = rs.json(
        "hit", "query", "uk-rs-oic", "person", "Јован Петровић", "--birth-date", "1987-03-12"
    )
    miss = rs.json("hit", "query", "uk-rs-oic", "phone", "+381 60 000 0000")
    inbox = rs.json("inbox")
    alerts = rs.json("alerts", "list")
    return {
        "packages_sent": sent["delivered"],
        "packages_received": sum(1 for i in inbox if i["outcome"] == "accepted"),
        "packages_rejected": sum(1 for i in inbox if i["outcome"] == "refused"),
        "rejected_status": rejected_status,
        "statements_shared": sent["statements_shared"],
        "statements_withheld_by_reason": sent["withheld"],
        "approvals_requested": sent["approvals_requested"],
        "victim_statements_shared": sent["victim_statements_shared"],
        "hit_person_cross_script": hit["hit"],
        "hit_unknown_phone": miss["hit"],
        "alerts_at_rs": len(alerts),
        "alert_reasons": sorted({a["reason"] for a in alerts}),
    }


def run_demo(folder: Path) -> dict[str, Any]:
    uk = Node(UK, "UK Border Security Command", folder / "uk", free_port())
    rs = Node(RS, "Serbian Ministry of Interior, Border Police", folder / "rs", free_port())
    for node in (uk, rs):
        node.folder.mkdir(parents=True, exist_ok=True)
    set_up(uk, rs)
    with serving(uk), serving(rs):
        return exchange(uk, rs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="Keep the two nodes' data in this folder.")
    options = parser.parse_args()
    if options.keep:
        counts = run_demo(options.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="accord-share-") as folder:
            counts = run_demo(Path(folder))
    for key, value in counts.items():
        print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
