"""Sharing benchmark: two nodes on loopback (node B is a separate `accord node serve` process).

1. Latency from ingest at node A to an alert at node B (B's webhook, received by this script).
   Open loop: packages are offered at a fixed rate (default 50/s) to a pool of sender threads,
   each ingesting one small file (one person) at A and sending what it holds to B; latency runs
   from the moment a package was due. p50/p99. Target p99 <= 1 s at 50 packages/s.
2. Hit/no-hit queries from A to B in batches (up to 100 a package, one audit entry a batch on
   each side): queries/s and p99 latency of a query (its batch's round trip). Target >= 500/s,
   p99 <= 50 ms.

Run: .venv/bin/python bench/share.py --packages 1000 --rate 50 --senders 8 --queries 20000
     --batch 50 --threads 1
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from accord.app import Actor, App
from accord.app.sharing_hits import HitRequest
from accord.demo_share import AGREEMENT, free_port
from accord.settings import Settings

OFFICER = Actor("bench", roles=frozenset({"analyst", "sharing_officer"}), purpose="bench")
MAPPING = """source: {name: SOURCE, agency: AGENCY, country: CC}
format: csv
record_id: ref
marking: {classification: OFFICIAL, subject: suspect}
entities:
  person: {schema: Person, keys: [ref], properties: {name: name, phone: phone}}
"""
ARRIVALS: dict[str, float] = {}


class Hook(BaseHTTPRequestHandler):
    # Keep-alive, as a real alert receiver would: node B's client reuses its connections
    # instead of paying for a new connection (and, here, a new thread) per alert.
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        ARRIVALS.setdefault(body["case"], time.perf_counter())
        self.send_response(204)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *_: object) -> None:
        return


def phone(i: int) -> str:
    return f"+38160{i:07d}"


def write_source(folder: Path, name: str, agency: str, rows: list[tuple[str, str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / f"{name}.csv"
    data.write_text("ref,name,phone\n" + "".join(f"{r},{n},{p}\n" for r, n, p in rows))
    mapping = folder / f"{name}.yaml"
    text = MAPPING.replace("SOURCE", name).replace("AGENCY", agency).replace("CC", "GB")
    mapping.write_text(text)
    return data


def set_up(root: Path, packages: int, hook_url: str, b_port: int) -> tuple[App, Settings]:
    a = App(Settings(data_dir=root / "a"))
    b_settings = Settings(data_dir=root / "b")
    b = App(b_settings)
    a.sharing.init_node(OFFICER, "uk-bsc", "UK Border Security Command", "http://127.0.0.1:1")
    b.sharing.init_node(OFFICER, "rs-police", "Serbian Border Police", f"http://127.0.0.1:{b_port}")
    a.sharing.add_partner(OFFICER, b.sharing.identity().card())
    b.sharing.add_partner(OFFICER, a.sharing.identity().card())
    key = secrets.token_hex(32)
    for app in (a, b):
        app.sharing.add_agreement(OFFICER, AGREEMENT)
        app.sharing.install_hit_key(OFFICER, "uk-rs-oic-hit-2025", key)
    rows = [(f"RS-{i}", f"Watched Person {i}", phone(i)) for i in range(packages)]
    data = write_source(root / "b-src", "rs-cases", "Serbian Border Police", rows)
    b.ingest(OFFICER, data, data.with_suffix(".yaml"))
    for i, entity in enumerate(_entities_by_ref(b)):
        b.sharing.watch(OFFICER, entity, f"case-{i}", hook_url)
    b.close()
    return a, b_settings


def _entities_by_ref(app: App) -> list[str]:
    refs = {s.record_id: s.entity_id for s in app.store.iter_statements(schema=["Person"])}
    return [refs[f"RS-{i}"] for i in range(len(refs))]


def serve(settings: Settings, port: int) -> subprocess.Popen[bytes]:
    env = {"ACCORD_DATA_DIR": str(settings.data_dir), "ACCORD_SETTINGS": "/dev/null"}
    if "PYTHONPATH" in os.environ:  # a "before" tree runs on both nodes, not only on A
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    code = "from accord.cli.main import main; main()"
    args = [sys.executable, "-c", code, "node", "serve", "--port", str(port)]
    process = subprocess.Popen(args, env=env)
    import httpx

    for _ in range(1200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/node/v1/card", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("node B did not start")


def feeds(root: Path, packages: int) -> list[Path]:
    """One small agency file a package (one person, one phone), written before the clock starts."""
    return [
        write_source(
            root / "a-src", f"uk-feed-{i}", "Border Force", [(f"UK-{i}", f"P {i}", phone(i))]
        )
        for i in range(packages)
    ]


def ingest_and_send(a: App, data: Path) -> None:
    result = a.ingest(OFFICER, data, data.with_suffix(".yaml"))
    people = sorted({s.entity_id for s in a.store.iter_statements(source=result.run.source)})
    a.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)


def latency(
    a: App, root: Path, packages: int, rate: float, threads: int
) -> tuple[list[float], float, float, float]:
    """Open loop: package i is due at start + i / rate whatever happened to earlier ones, and
    its latency runs from that moment (time spent waiting for a free sender counts) to its
    alert at B. Returns the latencies, the rate offered, the rate the senders kept up and the
    rate alerts came in at."""
    files = feeds(root, packages)
    due: dict[str, float] = {}
    with ThreadPoolExecutor(threads, thread_name_prefix="sender") as pool:
        begin = time.perf_counter() + 0.1
        futures = []
        for i, data in enumerate(files):
            due[f"case-{i}"] = begin + i / rate
            time.sleep(max(0.0, due[f"case-{i}"] - time.perf_counter()))
            futures.append(pool.submit(ingest_and_send, a, data))
        offered = packages / (time.perf_counter() - begin)
        for future in futures:
            future.result()
    kept_up = packages / (time.perf_counter() - begin)
    deadline = time.perf_counter() + 30
    while len(ARRIVALS) < packages and time.perf_counter() < deadline:
        time.sleep(0.05)
    missing = sorted(set(due) - set(ARRIVALS), key=lambda c: int(c.split("-")[1]))
    if missing:
        print(f"no alert within 30 s for {', '.join(missing)}")
        for entry in a.sharing.fed.outbox():
            if entry.state != "delivered":
                print(f"  package {entry.package_id}: {entry.state}: {entry.last_error}")
    # Senders may return before their package is delivered (left to a courier): the rate that
    # counts is the alerts', from the first package's due time to the last alert.
    last = max((ARRIVALS[c] for c in due if c in ARRIVALS), default=begin)
    delivered = len(ARRIVALS) / max(last - begin, 1e-9)
    return [ARRIVALS[c] - t for c, t in due.items() if c in ARRIVALS], offered, kept_up, delivered


def hits(a: App, queries: int, batch: int, threads: int) -> tuple[list[float], float]:
    """Per-query latencies (each query waits for its batch) and queries per second."""

    def one(start: int) -> list[float]:
        requests = [HitRequest("phone", phone(i % 1000)) for i in range(start, start + batch)]
        t = time.perf_counter()
        a.sharing.hit_queries(OFFICER, "uk-rs-oic", requests)
        return [time.perf_counter() - t] * batch

    begin = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        times = [t for batch_times in pool.map(one, range(0, queries, batch)) for t in batch_times]
    return times, len(times) / (time.perf_counter() - begin)


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process (Linux /proc), to split a package's cost between nodes."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=200)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--queries", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=100, help="queries a package (1-100)")
    parser.add_argument("--threads", type=int, default=8, help="hit/no-hit client threads")
    parser.add_argument(
        "--senders", type=int, default=8, help="threads ingesting and sending packages at A"
    )
    options = parser.parse_args()
    hook = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    hook_url = f"http://127.0.0.1:{hook.server_address[1]}/alerts"
    with tempfile.TemporaryDirectory(prefix="accord-bench-share-") as folder:
        root, port = Path(folder), free_port()
        a, b_settings = set_up(root, options.packages, hook_url, port)
        server = serve(b_settings, port)
        try:
            cpu_a, cpu_b = time.process_time(), cpu_seconds(server.pid)
            lat, offered, kept_up, delivered = latency(
                a, root, options.packages, options.rate, options.senders
            )
            cpu_a, cpu_b = time.process_time() - cpu_a, cpu_seconds(server.pid) - cpu_b
            qt, qps = hits(a, options.queries, options.batch, options.threads)
        finally:
            server.terminate()
            server.wait(timeout=10)
            a.close()
            hook.shutdown()
    print(f"command: {' '.join(sys.argv)}")
    print(
        f"ingest->alert: {len(lat)}/{options.packages} alerts; offered {offered:.1f} packages/s"
        f" by {options.senders} sender threads, senders done at {kept_up:.1f}/s,"
        f" alerts in at {delivered:.1f}/s"
    )
    p50, p99 = pct(lat, 50) * 1000, pct(lat, 99) * 1000
    print(f"  p50 {p50:.0f} ms  p99 {p99:.0f} ms (target p99 <= 1000 ms)")
    each = 1000 / options.packages
    print(
        f"  CPU a package: node A (with this driver) {cpu_a * each:.1f} ms, B {cpu_b * each:.1f} ms"
    )
    print(
        f"hit/no-hit: {qps:.0f} queries/s, batches of {options.batch}, {options.threads} threads"
        " (target >= 500/s)"
    )
    print(
        f"  p50 {pct(qt, 50) * 1000:.1f} ms  p99 {pct(qt, 99) * 1000:.1f} ms (target p99 <= 50 ms)"
    )


if __name__ == "__main__":
    main()
