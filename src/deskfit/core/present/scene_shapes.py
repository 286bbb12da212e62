"""The shapes of a side view, in centimetres: what both renderers of a scene draw.

A scene is a list of filled shapes, back to front, each with the ``kind`` of thing it is
part of (its colour in both pictures) and a ``part`` name (what tests and labels find it
by), plus the heights it labels. x grows from the back of the chair towards the screen; y
is height above the floor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "floor",
    "chair",
    "cushion",
    "desk",
    "keyboard",
    "monitor",
    "second",
    "footstool",
    "mat",
    "person",
    "sight",
]
# The plan's start, its end sitting, and its end standing (a sit-stand desk raised).
Which = Literal["current", "recommended", "standing"]
Side = Literal["left", "right"]

TITLES: dict[Which, str] = {
    "current": "Now",
    "recommended": "After the plan",
    "standing": "Standing (after the plan)",
}
# What a newcomer calls each kind: the legend of both pictures.
NAMES: dict[Kind, str] = {
    "person": "you",
    "chair": "chair",
    "cushion": "cushion",
    "desk": "desk",
    "keyboard": "keyboard",
    "monitor": "screen",
    "second": "2nd screen",
    "footstool": "footstool",
    "mat": "mat",
    "sight": "line of sight",
    "floor": "floor",
}


@dataclass(frozen=True)
class Rect:
    """A filled rectangle: ``x`` its left, ``y`` its bottom (cm from the floor)."""

    kind: Kind
    part: str
    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w


@dataclass(frozen=True)
class Polyline:
    """A stroke ``width`` cm wide with round ends (limbs, stands, the line of sight)."""

    kind: Kind
    part: str
    points: tuple[tuple[float, float], ...]
    width: float
    dashed: bool = False


@dataclass(frozen=True)
class Circle:
    kind: Kind
    part: str
    x: float
    y: float
    r: float


Shape = Rect | Polyline | Circle


@dataclass(frozen=True)
class Label:
    """A labelled height: ``value`` is the plan's number in the person's units.

    ``x`` is where the leader line meets the thing; ``side`` says which margin the text
    goes in. On the plan's end, ``was`` is the value now when the plan changes it
    ("none" for a thing that is not there yet), and ``change`` says which way it moves.
    """

    name: str
    kind: Kind
    value: str
    y: float
    x: float
    side: Side
    was: str | None = None
    change: Literal["up", "down", "new", ""] = ""


@dataclass(frozen=True)
class Frame:
    """The part of the world a picture shows, in cm: x from ``left`` to ``right``, y from
    the floor's underside ``bottom`` to ``top``."""

    left: float
    right: float
    bottom: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(frozen=True)
class Scene:
    which: Which
    title: str
    shapes: tuple[Shape, ...]  # back to front
    labels: tuple[Label, ...]
    frame: Frame

    def kinds(self) -> list[Kind]:
        """The kinds drawn, in legend order."""
        present = {s.kind for s in self.shapes}
        return [k for k in NAMES if k in present and k != "floor"]

    def parts(self, part: str) -> list[Shape]:
        return [s for s in self.shapes if s.part == part]


def shared_frame(*scenes: Scene) -> Frame:
    """One frame for pictures shown side by side, so equal heights sit on one line."""
    return Frame(
        left=min(s.frame.left for s in scenes),
        right=max(s.frame.right for s in scenes),
        bottom=min(s.frame.bottom for s in scenes),
        top=max(s.frame.top for s in scenes),
    )
