"""JSON API throughput: entity reads and searches with durable audit, over loopback HTTP.

The server (`accord serve`, `--workers` uvicorn processes) runs in a second process; this
process is the load generator (httpx, asyncio, N concurrent connections). Every request verifies
a bearer token and writes one audit entry (the consultation, naming the token's user and jti),
committed before the reply.
Run: .venv/bin/python bench/api.py --requests 6000 --concurrency 16
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from accord.app import Actor, App
from accord.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "agencies"
SEED = Actor("bench", agency="NCA", roles=frozenset({"analyst"}), purpose="benchmark")
NAMES = ["petrovic", "ahmed", "rahimi", "Петровић", "hassan", "krasniqi", "ali", "mohammed"]


def seed(data_dir: Path) -> tuple[str, list[str]]:
    with App(Settings(data_dir=data_dir)) as app:
        for name in ("uk_police_custody.csv", "border_force_arrivals.jsonl"):
            app.ingest(SEED, EXAMPLES / name, (EXAMPLES / name).with_suffix(".yaml"))
        ids = [e.id for e in app.search(SEED, "a", limit=100)]
        app.auth.add_user("bench", "benchmark password", "NCA", {"analyst"}, "OFFICIAL-SENSITIVE")
        return app.auth.issue_token("bench", ttl=3600), ids


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(data_dir: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ACCORD_DATA_DIR": str(data_dir), "ACCORD_DATABASE_URL": ""}
    command = "from accord.cli.main import main; main()"
    args = [sys.executable, "-c", command, "serve", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(args, env=env)
    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=1.0)
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the API server did not start")


async def load(
    base: str, headers: dict[str, str], paths: list[str], concurrency: int
) -> list[float]:
    latencies: list[float] = []
    queue = iter(paths)
    limits = httpx.Limits(max_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        for path in queue:
            started = time.perf_counter()
            response = await client.get(path, headers=headers)
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: {response.status_code} {response.text}")

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return latencies


def report(label: str, latencies: list[float], elapsed: float) -> None:
    ordered = sorted(latencies)
    p50 = ordered[len(ordered) // 2] * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    rate = len(latencies) / elapsed
    print(f"{label}: {len(latencies)} requests, {rate:.0f} requests/s, "
          f"p50 {p50:.1f} ms, p99 {p99:.1f} ms")  # fmt: skip


def phase(label: str, base: str, headers: dict[str, str], paths: list[str], conc: int) -> None:
    asyncio.run(load(base, headers, paths[: conc * 5], conc))  # warm-up
    started = time.perf_counter()
    latencies = asyncio.run(load(base, headers, paths, conc))
    report(label, latencies, time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="accord-bench-api-") as folder:
        data_dir = Path(folder)
        token, ids = seed(data_dir)
        port = free_port()
        server = start_server(data_dir, port, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            headers = {"Authorization": f"Bearer {token}", "X-Purpose": "benchmark"}
            reads = [f"/api/v1/entities/{ids[i % len(ids)]}" for i in range(args.requests)]
            phase("entity reads", base, headers, reads, args.concurrency)
            count = max(1, args.requests // 3)
            searches = [f"/api/v1/search?q={NAMES[i % len(NAMES)]}&limit=20" for i in range(count)]
            phase("search", base, headers, searches, args.concurrency)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"command: .venv/bin/python bench/api.py --requests {args.requests} "
          f"--concurrency {args.concurrency} --workers {args.workers}"
          f"  ({os.cpu_count()} cores)")  # fmt: skip


if __name__ == "__main__":
    main()
