"""The side view's shapes and labels: every height is the plan's, in the person's units.

The base profile of conftest.py is worked by hand: PH 40 + S 2.5 = 42.5, ERH 24, ESH 75,
K 3, a fixed desk at 74 and a seat at 45. The home row wants the seat at 74 + 3 − 24 = 53,
the feet then want a footstool of 53 − 42.5 = 10.5, the eyes are at 53 + 75 = 128 and the
screen top goes 5 below them, to 123 (it is 118 now).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.core.present.scene_helpers import bottom, one, top

from deskfit.core.engine.advice import advise
from deskfit.core.engine.plan import Setup
from deskfit.core.model.profile import Profile
from deskfit.core.model.units import format_length
from deskfit.core.model.validation import parse_profile
from deskfit.core.present.scene import (
    Circle,
    Label,
    Polyline,
    Rect,
    Scene,
    setup_of,
    workstation_scene,
)

MakeProfile = Callable[..., Profile]


def labels(scene: Scene) -> dict[str, Label]:
    return {label.name: label for label in scene.labels}


def test_the_hand_worked_case(profile: MakeProfile) -> None:
    a = advise(profile())
    now, after = workstation_scene(a, "current"), workstation_scene(a, "recommended")
    assert (now.title, after.title) == ("Now", "After the plan")

    assert top(one(now, "seat")) == 45 and top(one(after, "seat")) == 53
    assert top(one(after, "footstool")) == 10.5 and not now.parts("footstool")
    assert top(one(now, "screen")) == 118 and top(one(after, "screen")) == 123
    assert top(one(now, "desk top")) == 74 == top(one(after, "desk top"))
    assert one(after, "eye") == Circle("sight", "eye", one(after, "eye").x, 128, 1.6)

    said = {k: (v.value, v.was, v.change) for k, v in labels(after).items()}
    assert said == {
        "eyes": ("128 cm", "120 cm", "up"),
        "seat": ("53 cm", "45 cm", "up"),
        "screen top": ("123 cm", "118 cm", "up"),
        "desk": ("74 cm", None, ""),
        "footstool": ("10.5 cm", "none", "new"),
    }
    assert {k: (v.value, v.was) for k, v in labels(now).items()} == {
        "eyes": ("120 cm", None),
        "seat": ("45 cm", None),
        "screen top": ("118 cm", None),
        "desk": ("74 cm", None),
    }


def test_feet_rest_on_the_footstool_and_thighs_are_as_thick_as_measured(
    profile: MakeProfile,
) -> None:
    after = workstation_scene(advise(profile()), "recommended")
    assert bottom(one(after, "foot")) == pytest.approx(10.5)
    thigh = one(after, "thigh")
    assert isinstance(thigh, Polyline) and thigh.width == 14  # TC, measured
    # the thigh's underside lies on the seat at the hip
    assert thigh.points[0][1] - thigh.width / 2 == pytest.approx(53)


def test_feet_that_cannot_reach_hang(profile: MakeProfile) -> None:
    # a fixed chair at 60 and no footstool: the soles hang 60 − 42.5 = 17.5 above the floor
    p = profile(chair={"height_adjustable": False, "seat_height_cm": 60.0})
    now = workstation_scene(advise(p), "current")
    assert bottom(one(now, "foot")) == pytest.approx(17.5)


def test_a_cushion_raises_where_you_sit_and_is_labelled_as_a_thickness(
    profile: MakeProfile,
) -> None:
    p = profile(chair={"height_adjustable": False, "seat_height_cm": 40.0, "cushion_cm": 3.0})
    now = workstation_scene(advise(p), "current")
    cushion = one(now, "cushion")
    assert isinstance(cushion, Rect) and (cushion.y, cushion.top) == (40, 43)
    assert labels(now)["cushion"].value == "+3 cm" and labels(now)["cushion"].y == 43
    assert labels(now)["eyes"].value == "118 cm"  # 40 + 3 + 75


def test_a_tray_carries_the_keyboard(profile: MakeProfile) -> None:
    p = profile(desk={"keyboard_tray": True, "keyboard_tray_height_cm": 62.0})
    now = workstation_scene(advise(p), "current")
    assert top(one(now, "tray")) == 62
    assert bottom(one(now, "keyboard")) == 62
    assert labels(now)["tray"].value == "62 cm"


def test_a_footstool_put_aside_is_said(profile: MakeProfile) -> None:
    # a fixed footstool of 10 under feet that reach the floor (seat 42.5 = PH + S on a
    # desk that suits it): the plan puts it aside
    p = profile(
        chair={"seat_height_cm": 42.5},
        desk={"height_cm": 64.0},
        footstool={"owned": True, "adjustable": False, "height_cm": 10.0},
    )
    a = advise(p)
    assert a.plan.start.footstool_height_cm == 10 and a.plan.end.footstool_height_cm == 0
    after = workstation_scene(a, "recommended")
    assert not [s for s in after.shapes if s.kind == "footstool"]
    gone = labels(after)["footstool"]
    assert (gone.value, gone.was, gone.change, gone.y) == ("none", "10 cm", "down", 0)


def test_imperial_labels(profile: MakeProfile) -> None:
    a = advise(profile(units="imperial"))
    after = workstation_scene(a, "recommended")
    assert labels(after)["seat"].value == format_length(53, "imperial") == "20¾ in"
    assert all(label.value.endswith(" in") for label in after.labels)
    # the plan rounded the seat to a quarter inch: 20¾ in = 52.705 cm, shown as 52.5 cm
    metric = workstation_scene(a, "recommended", "metric")
    assert labels(metric)["seat"].value == "52.5 cm"


def heights(setup: Setup) -> dict[str, float | None]:
    return {
        "seat": setup.seat_height_cm,
        "screen top": setup.monitor_top_height_cm,
        "desk": setup.desk_height_cm,
        "tray": setup.keyboard_tray_height_cm,
        "footstool": setup.footstool_height_cm or None,
    }


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=st.data(), which=st.sampled_from(["current", "recommended"]))
def test_every_height_is_the_plans(profile_docs: Any, data: st.DataObject, which: Any) -> None:
    a = advise(parse_profile(data.draw(profile_docs)))
    scene = workstation_scene(a, which)
    setup = setup_of(a, which)
    assert setup is (a.plan.start if which == "current" else a.plan.end)
    units = a.profile.units

    seat_tops = [top(s) for s in scene.shapes if s.part in ("seat", "cushion")]
    assert max(seat_tops) == pytest.approx(setup.seat_height_cm + setup.cushion_cm)
    assert top(one(scene, "seat")) == setup.seat_height_cm
    assert top(one(scene, "screen")) == setup.monitor_top_height_cm
    assert top(one(scene, "desk top")) == setup.desk_height_cm
    if setup.footstool_height_cm:
        assert top(one(scene, "footstool")) == setup.footstool_height_cm
    else:
        assert not [s for s in scene.shapes if s.kind == "footstool"]
    if setup.keyboard_tray_height_cm is not None:
        assert top(one(scene, "tray")) == setup.keyboard_tray_height_cm
    else:
        assert not scene.parts("tray")
    eye = one(scene, "eye")
    assert isinstance(eye, Circle)
    assert eye.y == pytest.approx(setup.sitting_height_cm + a.body.eye_height_sitting.value)

    said = labels(scene)
    for name, cm in heights(setup).items():
        before = heights(a.plan.start)[name]
        if cm is None and which == "recommended" and before is not None:
            assert (said[name].value, said[name].was) == ("none", format_length(before, units))
            continue
        if cm is None:
            assert name not in said
            continue
        assert said[name].value == format_length(cm, units)
        assert said[name].y == cm
        if which == "current":
            assert said[name].was is None
        elif before is None:
            assert said[name].was == "none"
        elif format_length(before, units) != said[name].value:
            assert said[name].was == format_length(before, units)
        else:
            assert said[name].was is None

    # everything drawn lies inside the frame, the floor at its foot
    f = scene.frame
    assert f.bottom <= 0 < f.top and f.left < f.right
    for s in scene.shapes:
        assert f.bottom - 1e-9 <= bottom(s) and top(s) <= f.top + 1e-9
        if isinstance(s, Rect):
            assert s.w >= 0 and s.h >= 0, s
