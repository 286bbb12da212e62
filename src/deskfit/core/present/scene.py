"""The side view of a workstation as shapes in centimetres: one drawing, drawn twice.

``workstation_scene(advice, which, units)`` turns the plan's geometry (its start, "current";
its end, "recommended"; or its end standing at a sit-stand desk, "standing") into shapes
and height labels; ``workstation_scenes`` gives the ones that apply, in order. The SVG
export (``scene_svg``) and the terminal's half-block picture (``scene_raster``) both draw
these same shapes, so the two pictures cannot disagree.

Heights are to scale: every labelled number is a Setup value of the plan (the eyes: the
seat as set plus the eye height sitting, as the screen's target reads them; standing, the
standing eye height in the shoes and on the mat), formatted in the person's units. The
figure itself is ``scene_figure``'s business.
"""

from __future__ import annotations

from typing import Literal

from deskfit.core.engine.advice import Advice
from deskfit.core.engine.plan import Setup
from deskfit.core.engine.targets import eye_height, standing_eye
from deskfit.core.model.profile import Units
from deskfit.core.model.units import format_length
from deskfit.core.present.scene_figure import MARGIN, figure, setup_of, standing_screen_top
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
    "has_standing",
    "setup_of",
    "shared_frame",
    "workstation_scene",
    "workstation_scenes",
]


def has_standing(advice: Advice) -> bool:
    """A sit-stand desk: the plan has a standing height, and the drawing a third panel."""
    return advice.plan.end.standing_work_surface_height_cm is not None


def workstation_scenes(advice: Advice, units: Units | None = None) -> list[Scene]:
    """Now, after the plan, and standing after the plan where the desk stands."""
    whiches: list[Which] = ["current", "recommended"]
    if has_standing(advice):
        whiches.append("standing")
    return [workstation_scene(advice, w, units) for w in whiches]


def workstation_scene(advice: Advice, which: Which, units: Units | None = None) -> Scene:
    """The side view of the plan's start ("current"), its end ("recommended"), or its end
    standing ("standing": only at a sit-stand desk, else a ValueError)."""
    units = units or advice.profile.units
    shapes, anchors = figure(advice, which)
    if which == "standing":
        labels = _standing_labels(advice, anchors, units)
    else:
        labels = _labels(advice, which, setup_of(advice, which), anchors, units)
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
    ("2nd screen", "second_monitor_top_height_cm", "second", "right"),
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


def _standing_labels(
    advice: Advice, anchors: dict[str, tuple[float, float]], units: Units
) -> tuple[Label, ...]:
    """Standing after the plan: the eyes in the shoes and on the mat, the mat, the screen's
    top (changed from where it is now when standing, if that was answered) and the desk."""
    start, end = advice.plan.start, advice.plan.end
    top = standing_screen_top(advice)
    desk = end.standing_work_surface_height_cm
    assert top is not None and desk is not None  # figure() refuses a desk that cannot stand
    out: list[Label] = []

    def add(name: str, kind: Kind, side: Side, cm: float, before: float | None = None) -> None:
        text = format_length(cm, units)
        was: str | None = None
        change: Change = ""
        if before is not None and format_length(before, units) != text:
            was, change = format_length(before, units), "up" if cm > before else "down"
        x, y = anchors[name]
        out.append(Label(name, kind, text, y, x, side, was, change))

    add("eyes", "person", "left", standing_eye(advice.profile, advice.body))
    if advice.profile.desk.standing_mat_cm:
        add("mat", "mat", "left", advice.profile.desk.standing_mat_cm)
    add("screen top", "monitor", "right", top, start.standing_monitor_top_height_cm)
    add("desk", "desk", "right", desk)
    return tuple(out)
