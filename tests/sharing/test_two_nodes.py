"""Two real nodes: separate `accord node serve` processes on 127.0.0.1 ephemeral ports, driven
through the `accord` command (the share demo), with every count checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.demo_share import run_demo


@pytest.mark.slow
def test_two_nodes_share_hit_and_alert_over_loopback(tmp_path: Path) -> None:
    counts = run_demo(tmp_path)
    assert counts["packages_sent"] == 1
    assert counts["packages_received"] == 1
    assert counts["packages_rejected"] == 1 and counts["rejected_status"] == 422
    assert counts["statements_shared"] > 0
    assert counts["victim_statements_shared"] == 0
    assert counts["statements_withheld_by_reason"]
    assert counts["hit_person_cross_script"] is True
    assert counts["hit_unknown_phone"] is False
    assert counts["alerts_at_rs"] >= 1
    assert any("+381641234567" in reason for reason in counts["alert_reasons"])
