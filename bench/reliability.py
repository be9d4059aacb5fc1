"""Load: mixed analyst traffic against `accord serve` from a separate process over loopback.

The server runs in its own process; this process sends, for a bounded time, a mix of entity
reads, searches, quarantine reads and ingest uploads (multipart, each a new small file) with
bearer tokens, and hit/no-hit queries from a partner node (bench/reliability_partner.py) over the
node-to-node route. Reports requests/s, p50/p99 per endpoint, errors (a wrong hit/no-hit answer
is one), and reconciles the node's audit log afterwards: every request served has its token-use
entry or, for a partner's query, its consultation entry; every upload its collection entry.
Run: .venv/bin/python bench/reliability.py --seconds 20 --concurrency 8
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx
from reliability_partner import answered_queries, hit_or_miss, pair

from accord.app import App
from accord.audit.events import AuditEvent
from accord.settings import Settings
from api import EXAMPLES, NAMES, free_port, seed, start_server

MAPPING = (EXAMPLES / "uk_police_custody.yaml").read_bytes()
HEADER = (EXAMPLES / "uk_police_custody.csv").read_text().splitlines()[0]


def upload_body(number: int) -> str:
    row = f"LOAD-{number:07d},14/03/2024 02:10,LOADTEST,Ana,01/02/1990,Serbian,,,arrested,B2P"
    return f"{HEADER}\n{row}\n"


def writer_token(data_dir: Path) -> str:
    with App(Settings(data_dir=data_dir)) as app:
        app.auth.add_user("loader", "benchmark password", "NCA", {"investigator"}, "SECRET")
        return app.auth.issue_token("loader", ttl=3600)


async def one(client: httpx.AsyncClient, kind: str, n: int, ids: list[str], auth: dict) -> int:
    if kind == "hit/no-hit":
        return await hit(auth["partner"], n)
    if kind == "entity":
        response = await client.get(f"/api/v1/entities/{ids[n % len(ids)]}", headers=auth["read"])
    elif kind == "search":
        response = await client.get(f"/api/v1/search?q={NAMES[n % len(NAMES)]}&limit=20",
                                    headers=auth["read"])  # fmt: skip
    elif kind == "quarantine":
        response = await client.get("/api/v1/quarantine", headers=auth["write"])
    else:
        files = {"file": (f"load{n}.csv", upload_body(n)), "mapping": ("m.yaml", MAPPING)}
        response = await client.post("/api/v1/ingest", files=files, headers=auth["write"])
    return response.status_code


async def hit(partner: App, n: int) -> int:
    """A partner's query (sealed, posted by its own HTTP client): 200, or an error status."""
    try:
        expected = await asyncio.to_thread(hit_or_miss, partner, n)
    except Exception:  # a refusal or a failed exchange: counted as an error
        return 599
    return 200 if expected else 598


async def drive(base: str, ids: list[str], auth: dict, seconds: float, conc: int) -> dict:
    mix = ["entity"] * 5 + ["search"] * 3 + ["quarantine"] + ["ingest"] + ["hit/no-hit"]
    stats: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    counter = iter(range(10**9))
    deadline = time.monotonic() + seconds

    async def worker(client: httpx.AsyncClient, rng: random.Random) -> None:
        while time.monotonic() < deadline:
            kind, n = rng.choice(mix), next(counter)
            started = time.perf_counter()
            status = await one(client, kind, n, ids, auth)
            stats[kind].append(time.perf_counter() - started)
            if status >= 400:
                errors[kind] += 1

    async with httpx.AsyncClient(base_url=base, timeout=60.0) as client:
        await asyncio.gather(*(worker(client, random.Random(i)) for i in range(conc)))
    return {"latencies": stats, "errors": errors}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000


def token_uses(event: AuditEvent) -> list[dict]:
    """Accepted token uses an entry logs: its own LOGIN entry, or carried by the request's
    first entry as detail["token"] (one use, or a list of them)."""
    accepted = {"use": "token", "outcome": "accepted"}
    if event.kind.value == "login":
        uses = [event.detail]
    else:
        carried = event.detail.get("token")
        uses = carried if isinstance(carried, list) else [carried] if carried else []
    return [u for u in uses if {k: u.get(k) for k in accepted} == accepted]


def audit_counts(data_dir: Path, users: set[str], since: str) -> dict[str, int]:
    with App(Settings(data_dir=data_dir)) as app:
        events = [e for e in app.audit.events() if e.at.isoformat() >= since]
        verified = app.audit.verify().ok
    tokens = sum(len(token_uses(e)) for e in events if e.actor in users)
    hits = answered_queries(data_dir, since)
    # One outcome entry per upload served (its "started" intent entry precedes it).
    collections = sum(
        1
        for e in events
        if e.kind.value == "collection" and e.actor in users and e.detail.get("phase") != "started"
    )
    return {"token_entries": tokens, "hit_entries": hits, "collection_entries": collections,
            "verified": int(verified)}  # fmt: skip


def run(seconds: float, concurrency: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="accord-reliability-") as folder:
        data_dir = Path(folder) / "node"
        read_token, ids = seed(data_dir)
        port = free_port()
        partner = pair(data_dir, Path(folder) / "partner", port)
        auth = {"read": {"Authorization": f"Bearer {read_token}", "X-Purpose": "load"},
                "write": {"Authorization": f"Bearer {writer_token(data_dir)}",
                          "X-Purpose": "load"}, "partner": partner}  # fmt: skip
        server = start_server(data_dir, port, workers=1)
        since = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())
        try:
            started = time.perf_counter()
            result = asyncio.run(drive(f"http://127.0.0.1:{port}", ids, auth, seconds, concurrency))
            elapsed = time.perf_counter() - started
        finally:
            partner.close()
            server.terminate()
            server.wait(timeout=60)
        audit = audit_counts(data_dir, {"bench", "loader"}, since)
    return summarise(result, elapsed, audit, seconds, concurrency)


def summarise(result: dict, elapsed: float, audit: dict, seconds: float, conc: int) -> dict:
    endpoints = {
        kind: {
            "requests": len(v),
            "per_second": round(len(v) / elapsed, 1),
            "p50_ms": round(percentile(v, 0.5), 1),
            "p99_ms": round(percentile(v, 0.99), 1),
            "errors": result["errors"].get(kind, 0),
        }
        for kind, v in sorted(result["latencies"].items())
    }
    served = sum(e["requests"] for e in endpoints.values())
    uploads = endpoints.get("ingest", {}).get("requests", 0)
    queries = endpoints.get("hit/no-hit", {}).get("requests", 0)
    return {
        "seconds": seconds, "concurrency": conc, "cores": os.cpu_count(),
        "requests": served, "per_second": round(served / elapsed, 1),
        "errors": sum(e["errors"] for e in endpoints.values()), "endpoints": endpoints,
        "audit": audit, "audit_matches": audit["token_entries"] + audit["hit_entries"] == served
        and audit["hit_entries"] == queries and audit["collection_entries"] == uploads
        and bool(audit["verified"]),
        "command": f".venv/bin/python bench/reliability.py --seconds {seconds:g} "
                   f"--concurrency {conc}",
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--json", action="store_true", help="Print the summary as JSON.")
    args = parser.parse_args()
    summary = run(args.seconds, args.concurrency)
    if args.json:
        print(json.dumps(summary))
        return
    for kind, e in summary["endpoints"].items():
        print(f"{kind:11} {e['requests']:6} req {e['per_second']:7} req/s "
              f"p50 {e['p50_ms']:7} ms p99 {e['p99_ms']:7} ms errors {e['errors']}")  # fmt: skip
    print(f"total {summary['requests']} requests, {summary['per_second']} req/s, "
          f"{summary['errors']} errors; audit {summary['audit']} matches: "
          f"{summary['audit_matches']}")  # fmt: skip
    print(f"command: {summary['command']}  ({summary['cores']} cores)")


if __name__ == "__main__":
    main()
