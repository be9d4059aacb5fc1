"""`make demo`: the whole story on synthetic data, on the embedded default (SQLite under
accord-data/demo), ending with the UK node's web interface at http://127.0.0.1:8000.

1. generate a seeded multi-agency smuggling scenario (synthetic people only) with ground truth;
2. fuse every agency's files through their mappings (rejections kept in quarantine);
3. resolve identities across agencies and scripts, scored against the truth;
4. analyse the network: key players, cells;
5. read the official small-boat and Frontex series (if ../shared/data is beside the checkout);
6. share between a UK and a Serbian node on loopback, with hit/no-hit and an alert;
7. verify the tamper-evident audit log;
8. serve the web interface with demo users (ACCORD_DEMO_SERVE=0 skips this step).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, cast

from rich.console import Console
from rich.table import Table

from accord.app import Actor, App
from accord.app.network import NetworkQuery
from accord.settings import Settings

console = Console()
ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
DEMO_USERS = (
    ("analyst", "UK Border Security Command", ("analyst",), "OFFICIAL-SENSITIVE"),
    ("officer", "UK Border Security Command", ("sharing_officer",), "OFFICIAL-SENSITIVE"),
    ("dpo", "UK Border Security Command", ("dpo",), "SECRET"),
)
DEMO_PASSWORD = "synthetic-demo-only"  # noqa: S105 - printed on screen; demo data only
OPERATOR = Actor(
    "demo:operator",
    agency="UK Border Security Command",
    roles=frozenset({"analyst", "investigator", "administrator", "dpo"}),
    purpose="demonstration on synthetic data",
)


def step(title: str) -> None:
    console.rule(f"[bold]{title}")


def fuse(app: App, folder: Path) -> None:
    step("1-2. Generate a synthetic scenario and fuse six agencies' files")
    manifest = app.scenario.generate(OPERATOR, folder, seed=2025, people=2500)
    console.print(f"{manifest.get('people', 2500)} synthetic people, files in {folder}")
    table = Table("file", "source", "records", "entities", "statements", "rejected rows")
    for done in app.scenario.ingest_all(OPERATOR, folder):
        run = done.result.run
        table.add_row(
            done.file.name,
            run.source,
            str(run.records),
            str(run.entities),
            str(run.statements),
            str(run.rejected_rows),
        )
    console.print(table)
    kept = app.quarantine(OPERATOR, limit=5)
    for item in kept:
        console.print(
            f"  quarantined {Path(item.file).name}:{item.row} [{item.field}] {item.reason}",
            highlight=False,
            markup=False,
        )


def resolve(app: App, folder: Path) -> None:
    step("3. Resolve people across agencies and scripts")
    summary = app.resolution.run(OPERATOR)
    console.print(
        f"{summary.records} person records -> {summary.clusters} people "
        f"({summary.merged_records} records merged, {summary.unresolved} unresolved "
        f"with a reason; model v{summary.model_version}, trained now: {summary.trained})"
    )
    score = app.scenario.score_resolution(OPERATOR, folder)
    console.print(
        f"against the scenario's truth: precision {score['precision']:.3f}, "
        f"recall {score['recall']:.3f}, F1 {score['f1']:.3f} (pairwise)"
    )


def analyse(app: App) -> None:
    step("4. Network: key players and groups")
    query = NetworkQuery()
    summary = app.network.summary(OPERATOR, query)
    console.print({k: v for k, v in summary.items() if k != "brokers"})
    table = Table("rank", "node", "label", "score")
    for rank, item in enumerate(app.network.top(OPERATOR, query, top=10), start=1):
        table.add_row(str(rank), item.node, item.label, f"{item.score:.4f}")
    console.print(table)
    found, groups = app.network.communities(OPERATOR, query, seed=7)
    console.print(f"method {found.method}, modularity {found.modularity:.3f}")
    console.print(f"{len(groups)} communities; largest sizes {sorted(map(len, groups))[-5:]}")


def situation(app: App) -> None:
    step("5. Situation from the official series")
    workbook = SHARED / "small-boats" / "data_small_boats_time_series.ods"
    frontex = SHARED / "frontex" / "detections_monthly.csv"
    if not workbook.is_file() or not frontex.is_file():
        console.print(f"(skipped: official series not found under {SHARED})")
        return
    app.stats.import_small_boats(OPERATOR, workbook)
    # The Frontex extract is "data as of 3 June 2025" (its README); a CSV carries no date itself.
    app.stats.import_frontex(OPERATOR, frontex, published=date(2025, 6, 3))
    now = app.stats.situation(OPERATOR)
    boats, routes = cast(dict[str, Any], now["small_boats"]), cast(dict[str, Any], now["frontex"])
    week, ytd, last = boats["latest_week"], boats["year_to_date"], boats["same_window_last_year"]
    console.print(
        f"small boats (published {boats['published']}): week {week['from']} to "
        f"{week['to']}: {week['migrants']:,} people in {week['boats']} boats; year to date "
        f"{ytd['migrants']:,} against {last['migrants']:,} a year before "
        f"({boats['change_pct']:+.1f}%)"
    )
    top = ", ".join(f"{r['route']} {r['detections']:,}" for r in routes["top_routes"])
    console.print(f"Frontex detections {routes['from']} to {routes['to']}: {top}")


def share() -> None:
    step("6. Share between a UK and a Serbian node (loopback)")
    from accord.demo_share import run_demo

    with tempfile.TemporaryDirectory(prefix="accord-share-") as folder:
        counts = run_demo(Path(folder))
    for key, value in counts.items():
        console.print(f"  {key:32} {value}", highlight=False)


def account(app: App) -> None:
    step("7. Verify the tamper-evident audit log")
    report = app.audit.verify()
    checkpoint = app.audit.checkpoint()
    state = "verifies" if report.problem is None else f"FAILS: {report.problem}"
    console.print(
        f"audit log of {report.entries} entries {state}; Merkle root "
        f"{report.root.hex()[:16]}..., signed checkpoint at size {checkpoint.size}"
    )


def serve(app: App) -> None:
    step("8. The UK node's web interface")
    for name, agency, roles, clearance in DEMO_USERS:
        if app.auth.user(name) is None:
            app.auth.add_user(name, DEMO_PASSWORD, agency, frozenset(roles), clearance)
    names = ", ".join(name for name, *_ in DEMO_USERS)
    console.print(
        f"Open http://127.0.0.1:8000 and sign in as one of {names} "
        f"with the password [bold]{DEMO_PASSWORD}[/] (synthetic data only). Ctrl-C stops."
    )
    if os.environ.get("ACCORD_DEMO_SERVE", "1") == "0":
        return
    import uvicorn

    from accord.web import create_web_app

    uvicorn.run(create_web_app(app), host="127.0.0.1", port=8000, log_level="warning")


def main() -> None:
    data_dir = Path(os.environ.get("ACCORD_DEMO_DIR", "accord-data/demo"))
    shutil.rmtree(data_dir, ignore_errors=True)
    settings = Settings(data_dir=data_dir, node_name="uk-bsc")
    with App(settings) as app:
        fuse(app, data_dir / "scenario")
        resolve(app, data_dir / "scenario")
        analyse(app)
        situation(app)
        share()
        account(app)
        serve(app)


if __name__ == "__main__":
    main()
