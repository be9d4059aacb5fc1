"""Import an official publication: all of it or nothing, newer publications only, revisions kept."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from accord.stats import revisions as rev
from accord.stats.errors import StatsImportError
from accord.stats.frontex import read_detections
from accord.stats.metadata import published_date
from accord.stats.workbook import read_daily_counts
from accord.store.stats_base import Publication, Revision, Series, StatsStore


@dataclass(frozen=True, slots=True)
class ImportResult:
    publication: Publication
    already_imported: bool = False
    revisions: tuple[Revision, ...] = ()

    def to_dict(self) -> dict[str, object]:
        pub = self.publication
        return {
            "series": pub.series,
            "published": pub.published.isoformat(),
            "file": pub.file,
            "rows": pub.rows,
            "already_imported": self.already_imported,
            "revised_rows": pub.revised,
            "revisions": [
                {"key": r.key, "field": r.field, "old": r.old, "new": r.new} for r in self.revisions
            ],
        }


def import_small_boats(store: StatsStore, path: Path, published: date | None) -> ImportResult:
    """Import the Home Office workbook; `published` defaults to the date saved in the file."""
    known = _already_imported(store, "small_boats", path)
    if known is not None:
        return known
    when = published or published_date(path)
    if when is None:
        raise StatsImportError(f"{path.name}: no publication date in the file; give it explicitly")
    latest = _check_newer(store, "small_boats", path, when)
    days = read_daily_counts(path)
    if days[-1].day > when:
        raise StatsImportError(
            f"{path.name}: publication date {when} is before the last day in the table "
            f"({days[-1].day})"
        )
    old = store.daily_counts() if latest else []
    found = rev.diff("small_boats", rev.day_figures(old), rev.day_figures(days), lambda k: k)
    pub = _publication("small_boats", path, when, len(days), found)
    return ImportResult(store.replace_small_boats(pub, days, found), revisions=tuple(found))


def import_frontex(store: StatsStore, path: Path, published: date | None) -> ImportResult:
    """Import Frontex monthly detections; a CSV carries no date, so `published` is required."""
    known = _already_imported(store, "frontex", path)
    if known is not None:
        return known
    if published is None:
        raise StatsImportError(f"{path.name}: a CSV file carries no publication date; give it")
    latest = _check_newer(store, "frontex", path, published)
    rows = read_detections(path)
    last_month = max(r.month for r in rows)
    if last_month > f"{published:%Y-%m}":
        raise StatsImportError(
            f"{path.name}: publication date {published} is before the last month ({last_month})"
        )
    old = store.detections() if latest else []
    found = rev.diff(
        "frontex",
        rev.detection_figures(old),
        rev.detection_figures(rows),
        rev.month_of_detection_key,
    )
    pub = _publication("frontex", path, published, len(rows), found)
    return ImportResult(store.replace_frontex(pub, rows, found), revisions=tuple(found))


def _already_imported(store: StatsStore, series: Series, path: Path) -> ImportResult | None:
    digest = file_hash(path)
    for publication in store.publications(series):
        if publication.file_hash == digest:
            return ImportResult(publication, already_imported=True)
    return None


def _check_newer(store: StatsStore, series: Series, path: Path, when: date) -> Publication | None:
    publications = store.publications(series)
    latest = publications[-1] if publications else None
    if latest is not None and when <= latest.published:
        raise StatsImportError(
            f"{path.name}: publication of {when} is not newer than the one already imported "
            f"({latest.published}, {latest.file}); nothing imported"
        )
    return latest


def _publication(
    series: Series, path: Path, when: date, rows: int, found: list[Revision]
) -> Publication:
    publication = Publication(
        series=series,
        published=when,
        file=path.name,
        file_hash=file_hash(path),
        imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        rows=rows,
    )
    return replace(publication, revised=rev.revised_keys(found))


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
