"""The disruption curve as SVG coordinates: the share of the original largest connected group
left after each removal step, drawn by the template as a polyline with labelled axes."""

from __future__ import annotations

from dataclasses import dataclass

from accord.app.web_network import CurvePoint

WIDTH, HEIGHT, MARGIN = 560, 240, 40


@dataclass(frozen=True, slots=True)
class Curve:
    points: str
    dots: tuple[tuple[float, float, CurvePoint], ...]
    width: int = WIDTH
    height: int = HEIGHT
    margin: int = MARGIN

    @property
    def bottom(self) -> int:
        return self.height - self.margin

    @property
    def right(self) -> int:
        return self.width - self.margin


def draw(points: list[CurvePoint]) -> Curve:
    steps = max(len(points) - 1, 1)
    span_x = WIDTH - 2 * MARGIN
    span_y = HEIGHT - 2 * MARGIN
    dots = tuple(
        (
            round(MARGIN + span_x * p.step / steps, 1),
            round(HEIGHT - MARGIN - span_y * p.lcc_share, 1),
            p,
        )
        for p in points
    )
    return Curve(" ".join(f"{x},{y}" for x, y, _ in dots), dots)
