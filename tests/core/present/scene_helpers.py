"""Where a drawn shape starts and ends, for the scene tests."""

from __future__ import annotations

from deskfit.core.present.scene import Circle, Rect, Scene, Shape


def top(shape: Shape) -> float:
    if isinstance(shape, Rect):
        return shape.top
    if isinstance(shape, Circle):
        return shape.y + shape.r
    return max(y for _, y in shape.points) + shape.width / 2


def bottom(shape: Shape) -> float:
    if isinstance(shape, Rect):
        return shape.y
    if isinstance(shape, Circle):
        return shape.y - shape.r
    return min(y for _, y in shape.points) - shape.width / 2


def one(scene: Scene, part: str) -> Shape:
    (shape,) = scene.parts(part)
    return shape
