"""The side view of a workstation as shapes in centimetres: one drawing, drawn twice.

``workstation_scene(advice, which, units)`` turns the plan's geometry (its start, "current",
or its end, "recommended") into shapes and height labels. The SVG export (``scene_svg``)
and the terminal's half-block picture (``scene_raster``) both draw these same shapes, so
the two pictures cannot disagree.

Heights are to scale: every labelled number is a Setup value of the plan (the eyes: the
seat as set plus the eye height sitting, as the screen's target reads them), formatted in
the person's units. The figure itself is ``scene_figure``'s business.
"""

from __future__ import annotations

from typing import Literal

from deskfit.core.engine.advice import Advice
from deskfit.core.engine.plan import Setup
from deskfit.core.engine.targets import eye_height
from deskfit.core.model.profile import Units
from deskfit.core.model.units import format_length
from deskfit.core.present.scene_figure import MARGIN, figure
from deskfit.core.present.scene_shapes import (
    NAMES,
    TITLES,
    Circle,
    Frame,
    Kind,
    Label,
    Polyline,
    Rect,
    Scene,
    Shape,
    Side,
    Which,
    shared_frame,
)

__all__ = [
    "NAMES",
    "TITLES",
    "Circle",
    "Frame",
    "Kind",
    "Label",
    "Polyline",
    "Rect",
    "Scene",
    "Shape",
    "Which",
    "setup_of",
    "shared_frame",
    "workstation_scene",
]


def setup_of(advice: Advice, which: Which) -> Setup:
    return advice.plan.start if which == "current" else advice.plan.end


def workstation_scene(advice: Advice, which: Which, units: Units | None = None) -> Scene:
    """The side view of the plan's start ("current") or end ("recommended")."""
    units = units or advice.profile.units
    setup = setup_of(advice, which)
    shapes, anchors = figure(advice, setup)
    labels = _labels(advice, which, setup, anchors, units)
    return Scene(which, TITLES[which], tuple(shapes), labels, _frame(shapes))


def _frame(shapes: list[Shape]) -> Frame:
    xs: list[float] = []
    ys: list[float] = []
    for s in shapes:
        if isinstance(s, Rect):
            xs += [s.x, s.right]
            ys += [s.y, s.top]
        elif isinstance(s, Circle):
            xs += [s.x - s.r, s.x + s.r]
            ys += [s.y - s.r, s.y + s.r]
        else:
            half = s.width / 2
            xs += [p[0] - half for p in s.points] + [p[0] + half for p in s.points]
            ys += [p[1] + half for p in s.points]
    return Frame(min(xs) - MARGIN, max(xs) + MARGIN, min(0.0, *ys), max(ys) + MARGIN)


# name, what it reads, kind, side: the heights a person sets, and the eyes they follow.
_LABELLED: tuple[tuple[str, str, Kind, Side], ...] = (
    ("eyes", "eyes", "person", "left"),
    ("seat", "seat_height_cm", "chair", "left"),
    ("cushion", "cushion_cm", "cushion", "left"),
    ("screen top", "monitor_top_height_cm", "monitor", "right"),
    ("desk", "desk_height_cm", "desk", "right"),
    ("tray", "keyboard_tray_height_cm", "desk", "right"),
    ("footstool", "footstool_height_cm", "footstool", "right"),
)
Change = Literal["up", "down", "new", ""]


def _value(advice: Advice, setup: Setup, attr: str) -> float | None:
    """The number a label shows, read from the plan's Setup; None: the thing is absent."""
    if attr == "eyes":
        return eye_height(setup.sitting_height_cm, advice.body)
    value: float | None = getattr(setup, attr)
    if attr in ("cushion_cm", "footstool_height_cm") and not value:
        return None
    return value


def _labels(
    advice: Advice,
    which: Which,
    setup: Setup,
    anchors: dict[str, tuple[float, float]],
    units: Units,
) -> tuple[Label, ...]:
    out: list[Label] = []
    for name, attr, kind, side in _LABELLED:
        value = _value(advice, setup, attr)
        before = _value(advice, advice.plan.start, attr) if which == "recommended" else None
        if value is None and before is None:
            continue
        was: str | None = None
        change: Change = ""
        if value is None:  # the plan puts it aside: say so where it stood
            text, was, change = "none", format_length(before or 0.0, units), "down"
        else:
            text = format_length(value, units)
            if which == "recommended" and before is None:
                was, change = "none", "new"
            elif before is not None and format_length(before, units) != text:
                was = format_length(before, units)
                change = "up" if value > before else "down"
        if name == "cushion":  # a thickness on the seat, not a height from the floor
            text = "+" + text if text != "none" else text
            was = "+" + was if was not in (None, "none") else was
        x, y = anchors[name]
        out.append(Label(name, kind, text, y, x, side, was, change))
    return tuple(out)
