"""The resolution review queue for the web: each uncertain pair with both records' captions as
the reviewer may see them, and explanations whose compared values are hidden when either record
holds anything withheld from this reviewer (a victim's identity, sensitive or conditioned data)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.model import Entity

if TYPE_CHECKING:
    from accord.app.core import App

HIDDEN = "[withheld]"


@dataclass(frozen=True, slots=True)
class ReviewRow:
    left_id: str
    right_id: str
    probability: float
    left: str
    right: str
    state: str  # joined, held apart or apart now (accord.resolve.review.PairState)
    judged_like: int  # verdicts so far on pairs of this kind
    overturned_like: int  # of which went against the clusters


@dataclass(frozen=True, slots=True)
class FeatureRow:
    feature: str
    level: str
    weight: float
    left: str
    right: str


@dataclass(frozen=True, slots=True)
class ExplainView:
    left_id: str
    right_id: str
    left: str
    right: str
    probability: float
    prior_weight: float
    features: tuple[FeatureRow, ...]
    values_hidden: bool


def _caption(entity: Entity | None, entity_id: str) -> str:
    return entity.caption if entity is not None else entity_id


def _withholds(entity: Entity | None) -> bool:
    return entity is None or any(s.value.startswith("[withheld") for s in entity.statements)


def queue(app: App, actor: Actor, limit: int = 20) -> list[ReviewRow]:
    items = app.resolution.review(actor, limit)
    ids = sorted({e for i in items for e in (i.left_id, i.right_id)})
    seen = {e: app.entity(actor, e) for e in ids}
    return [
        ReviewRow(
            i.left_id,
            i.right_id,
            i.probability,
            _caption(seen[i.left_id], i.left_id),
            _caption(seen[i.right_id], i.right_id),
            i.state.value,
            i.judged_like,
            i.overturned_like,
        )
        for i in items
    ]


def explain(app: App, actor: Actor, left_id: str, right_id: str) -> ExplainView:
    left, right = app.entity(actor, left_id), app.entity(actor, right_id)
    hidden = _withholds(left) or _withholds(right)
    found = app.resolution.explain(actor, left_id, right_id)
    rows = tuple(
        FeatureRow(
            c.feature,
            c.level,
            c.match_weight,
            HIDDEN if hidden else str(c.left or ""),
            HIDDEN if hidden else str(c.right or ""),
        )
        for c in found.contributions
    )
    return ExplainView(
        left_id,
        right_id,
        _caption(left, left_id),
        _caption(right, right_id),
        found.probability,
        found.prior_weight,
        rows,
        hidden,
    )
