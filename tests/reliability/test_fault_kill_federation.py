"""kill -9 of real node processes mid-send and mid-receive (`accord node serve` and `accord share
send` on 127.0.0.1): after restarting and flushing, every package is taken in exactly once or
refused with a reason, and both audit logs verify."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest
from reliability_ledger import Entry, Ledger
from reliability_reconcile import reconcile
from reliability_world import ACCORD, wait_for

from accord.app import App
from accord.demo_share import RS, UK, Node, _answers, free_port, set_up
from accord.settings import Settings

pytestmark = [pytest.mark.reliability, pytest.mark.slow]
NAMES = ("Petrovic", "Ahmed", "Rahimi", "Hassan", "Krasniqi")


def _serve(node: Node) -> subprocess.Popen[bytes]:
    args = [*ACCORD, "node", "serve", "--host", "127.0.0.1", "--port", str(node.port)]
    child = subprocess.Popen(args, env=node.env(), stderr=subprocess.DEVNULL)
    assert wait_for(lambda: _answers(node.url + "/node/v1/card"), 120)
    return child


def _kill(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)


def _send(uk: Node, name: str) -> subprocess.Popen[bytes]:
    args = ["share", "send", "uk-rs-oic", "--purpose", "oic-investigation", "--query", name]
    return subprocess.Popen([*ACCORD, *args], env=uk.env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip


def _flush_until_done(uk: Node) -> None:
    for _ in range(30):
        with App(Settings.load(_settings_env(uk))) as app:
            pending = app.sharing.fed.outbox(state="pending")
            for entry in pending:
                app.sharing.fed.update_outbox(replace(entry, next_attempt_at=entry.created_at))
        if not pending:
            return
        uk.run("share", "flush")


def _settings_env(node: Node) -> dict[str, str]:
    return {k: v for k, v in node.env().items() if k.startswith("ACCORD_")}


def test_kill_9_mid_send_and_mid_receive(tmp_path: Path, ledger: Ledger) -> None:
    uk = Node(UK, "UK Border Security Command", tmp_path / "uk", free_port())
    rs = Node(RS, "Serbian Border Police", tmp_path / "rs", free_port())
    for node in (uk, rs):
        node.folder.mkdir(parents=True)
    set_up(uk, rs)
    rng = random.Random(3)
    server = _serve(rs)
    kills = 0
    try:
        # The first send runs to the end and sets the pace: each later one is killed somewhere
        # inside its own run, however fast this machine is.
        started = time.monotonic()
        _send(uk, NAMES[0]).wait(timeout=120)
        pace = time.monotonic() - started
        for name in NAMES[1:]:
            sender = _send(uk, name)
            victim = rng.choice(("sender", "receiver"))
            wait_for(lambda s=sender: s.poll() is not None, rng.uniform(0.3, 0.8) * pace)
            if sender.poll() is None:
                kills += 1
                if victim == "sender":
                    _kill(sender)
                else:
                    _kill(server)
                    sender.wait(timeout=120)
                    server = _serve(rs)
            sender.wait(timeout=120)
        _flush_until_done(uk)
    finally:
        _kill(server)
    with App(Settings.load(_settings_env(uk))) as a, App(Settings.load(_settings_env(rs))) as b:
        books = reconcile(a, b)
        verified = a.audit.verify().ok and b.audit.verify().ok
    ok = books.balanced and verified
    detail = {"sent": len(books.sent), "ingested": len(books.ingested),
              "rejected": len(books.rejected), "problems": books.problems[:5]}  # fmt: skip
    ledger.add(Entry("fault", "kill -9 mid-send / mid-receive", kills, kills if ok else 0,
                     books.lost, detail))  # fmt: skip
    assert kills >= 1
    assert books.balanced, books.problems
    assert verified
