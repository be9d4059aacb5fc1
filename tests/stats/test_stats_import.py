"""Importing publications: official totals, provenance, all-or-nothing, newer replaces older with
revisions kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from stats_files import (
    FRONTEX_CSV,
    FRONTEX_PUBLISHED,
    OFFICIAL_WORKBOOK,
    SMALL_BOATS,
    WriteOds,
    daily_sheet,
    data_rows,
)

from accord.app import Actor, App
from accord.audit.events import EventKind

# Published figures quoted by the Home Office and Frontex for 2024.
OFFICIAL_2024_SMALL_BOAT_ARRIVALS = 36_816
OFFICIAL_2024_WESTERN_BALKAN_DETECTIONS = 21_525


def test_2024_totals_equal_the_official_figures(official: App, analyst: Actor) -> None:
    boats = official.stats.crossings(analyst, date(2024, 1, 1), date(2024, 12, 31), "year")
    assert boats.totals.migrants == OFFICIAL_2024_SMALL_BOAT_ARRIVALS
    routes = official.stats.routes(analyst, {"route": "Western Balkan Route", "year": 2024})
    assert routes.total == OFFICIAL_2024_WESTERN_BALKAN_DETECTIONS


def test_publication_date_is_the_provenance(official: App, analyst: Actor) -> None:
    small_boats = official.stats.publications(analyst, "small_boats")
    frontex = official.stats.publications(analyst, "frontex")
    assert [(p.published, p.file, p.rows) for p in small_boats] == [
        (
            date(2026, 8, 21),
            OFFICIAL_WORKBOOK.name,
            data_rows(SMALL_BOATS / "long_uk_small_boats_daily.csv"),
        )
    ]
    assert [(p.published, p.rows) for p in frontex] == [(FRONTEX_PUBLISHED, data_rows(FRONTEX_CSV))]
    kinds = [e.kind for e in official.audit_events]
    assert kinds.count(EventKind.COLLECTION) == 2


def test_same_file_twice_is_recognised(official: App, analyst: Actor) -> None:
    again = official.stats.import_small_boats(analyst, OFFICIAL_WORKBOOK)
    assert again.already_imported
    assert len(official.stats.publications(analyst, "small_boats")) == 1


def test_frontex_needs_a_publication_date(app: App, analyst: Actor) -> None:
    with pytest.raises(ValueError, match="carries no publication date"):
        app.stats.import_frontex(analyst, FRONTEX_CSV, None)


def test_malformed_workbook_imports_nothing(app: App, analyst: Actor, write_ods: WriteOds) -> None:
    rows = daily_sheet(date(2024, 1, 1), [(10, 1)] * 40)
    rows[30][1] = "n/a"
    path = write_ods("bad.ods", {"SB_01": rows}, saved="2024-02-12")
    with pytest.raises(
        ValueError, match=r"bad\.ods: sheet SB_01, row 31, column 'Migrants arrived'"
    ):
        app.stats.import_small_boats(analyst, path)
    assert app.stats.publications(analyst, "small_boats") == []
    assert app.stats.store.daily_counts() == []


def test_missing_sheet_imports_nothing(app: App, analyst: Actor, write_ods: WriteOds) -> None:
    path = write_ods("nosheet.ods", {"Cover_sheet": [["Small boats"]]}, saved="2024-02-12")
    with pytest.raises(ValueError, match=r"sheet SB_01 .* is missing"):
        app.stats.import_small_boats(analyst, path)
    assert app.stats.store.day_span() is None


def _publish(write_ods: WriteOds, name: str, saved: str, counts: list[tuple[int, int]]) -> Path:
    return write_ods(name, {"SB_01": daily_sheet(date(2024, 1, 1), counts)}, saved=saved)


def test_newer_publication_replaces_and_records_revisions(
    app: App, analyst: Actor, write_ods: WriteOds
) -> None:
    first = _publish(write_ods, "week1.ods", "2024-01-04", [(10, 1), (20, 2), (30, 3)])
    second = _publish(write_ods, "week2.ods", "2024-01-06", [(10, 1), (25, 2), (30, 4), (7, 1)])
    app.stats.import_small_boats(analyst, first)
    result = app.stats.import_small_boats(analyst, second)
    assert {(r.key, r.field, r.old, r.new) for r in result.revisions} == {
        ("2024-01-02", "migrants", 20, 25),
        ("2024-01-03", "boats", 3, 4),
    }
    assert result.publication.revised == 2
    window = app.stats.crossings(analyst, date(2024, 1, 1), date(2024, 1, 4))
    assert (window.totals.migrants, window.totals.boats) == (10 + 25 + 30 + 7, 1 + 2 + 4 + 1)
    stored = app.stats.revisions(analyst, "small_boats")
    assert {(r.key, r.old, r.new, r.published) for r in stored} == {
        ("2024-01-02", 20, 25, date(2024, 1, 6)),
        ("2024-01-03", 3, 4, date(2024, 1, 6)),
    }
    assert EventKind.ALTERATION in [e.kind for e in app.audit_events]


def test_older_or_same_day_publication_is_refused(
    app: App, analyst: Actor, write_ods: WriteOds
) -> None:
    app.stats.import_small_boats(analyst, _publish(write_ods, "new.ods", "2024-01-06", [(1, 1)]))
    older = _publish(write_ods, "old.ods", "2024-01-05", [(2, 1)])
    with pytest.raises(ValueError, match="not newer than the one already imported"):
        app.stats.import_small_boats(analyst, older)
    assert [d.migrants for d in app.stats.store.daily_counts()] == [1]


def test_publication_cannot_precede_its_data(app: App, analyst: Actor, write_ods: WriteOds) -> None:
    path = _publish(write_ods, "early.ods", "2024-01-02", [(1, 1)] * 5)
    with pytest.raises(ValueError, match=r"before the last day in the table \(2024-01-05\)"):
        app.stats.import_small_boats(analyst, path)


def test_frontex_revisions_include_withdrawn_rows(app: App, analyst: Actor, tmp_path: Path) -> None:
    header = "route,type,nationality_iso3,month,detections\n"
    old = tmp_path / "may.csv"
    old.write_text(header + "R,Land,SYR,2024-03,5\nR,Land,AFG,2024-03,2\nR,Sea,SYR,2024-04,1\n")
    new = tmp_path / "june.csv"
    new.write_text(
        header + "R,Land,SYR,2024-03,6\nR,Sea,SYR,2024-04,1\nR,Sea,IRQ,2024-04,3\n"
        "R,Land,SYR,2024-05,9\n"
    )
    app.stats.import_frontex(analyst, old, date(2024, 5, 10))
    result = app.stats.import_frontex(analyst, new, date(2024, 6, 10))
    assert {(r.key, r.old, r.new) for r in result.revisions} == {
        ("R|Land|SYR|2024-03", 5, 6),
        ("R|Land|AFG|2024-03", 2, None),
        ("R|Sea|IRQ|2024-04", None, 3),
    }
    report = app.stats.routes(analyst, {"route": "R"}, by="month")
    assert [(row.keys, row.detections) for row in report.rows] == [
        (("R", "2024-03"), 6),
        (("R", "2024-04"), 4),
        (("R", "2024-05"), 9),
    ]
