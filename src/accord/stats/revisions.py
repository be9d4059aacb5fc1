"""What a newer publication changed in figures an older one had already published."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from accord.store.stats_base import DailyCount, Detection, Revision, Series

Figures = Mapping[str, int | None]


def diff(
    series: Series,
    old: Mapping[str, Figures],
    new: Mapping[str, Figures],
    period_of: Callable[[str], str],
) -> list[Revision]:
    """Changed, withdrawn and late-added figures. A key new in a period the old publication did
    not reach yet is an addition, not a revision."""
    if not old:
        return []
    reached = max(period_of(key) for key in old)
    found: list[Revision] = []
    for key in sorted(old.keys() | new.keys()):
        if key not in old and period_of(key) > reached:
            continue
        before, after = old.get(key, {}), new.get(key, {})
        for field in sorted(before.keys() | after.keys()):
            if before.get(field) != after.get(field):
                found.append(Revision(series, key, field, before.get(field), after.get(field)))
    return found


def day_figures(days: Sequence[DailyCount]) -> dict[str, Figures]:
    return {
        d.day.isoformat(): {
            "migrants": d.migrants,
            "boats": d.boats,
            "uncontrolled": d.uncontrolled,
        }
        for d in days
    }


def detection_key(d: Detection) -> str:
    return f"{d.route}|{d.type}|{d.nationality}|{d.month}"


def detection_figures(rows: Sequence[Detection]) -> dict[str, Figures]:
    return {detection_key(d): {"detections": d.detections} for d in rows}


def month_of_detection_key(key: str) -> str:
    return key.rsplit("|", 1)[-1]


def revised_keys(revisions: Sequence[Revision]) -> int:
    return len({r.key for r in revisions})
