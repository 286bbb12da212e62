"""The screens and the standing position in the side view: a laptop drawn as a laptop, a
second screen beside (or below) the main one, and a third panel standing at a sit-stand
desk, each at the plan's heights and labelled with the plan's numbers.

On the example profiles (worked out by the plan, see tests/core/engine):

- laptop-at-home: a laptop typed on its own keys, its top at 95 on a 72 desk; after the
  plan a separate keyboard (K 3, from 1.5), the laptop on a stand, its top at 121.5.
- two-screens-equal: the main screen's top 120 and the second's 131 (85 away); after the
  plan both at 125.5, the second at 60.
- sit-stand-arm: standing after the plan the desk at 107.5, the screen's top (on an arm)
  158.5 from 152, the eyes at 158.778 + 3 (shoes) + 1.5 (mat) = 163.278, on a 1.5 mat.
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from tests.core.conftest import profile_doc_strategy, with_screens
from tests.core.present.scene_helpers import bottom, one, top

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.engine.plan import standing_lands
from deskfit.core.engine.targets import standing_eye, standing_lift
from deskfit.core.files.store import load_profile
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
    workstation_scenes,
)
from deskfit.core.present.scene_figure import (
    LAPTOP_BASE,
    SCREEN_DEPTH,
    SCREEN_PICTURE,
    standing_screen_top,
)

REPO = Path(__file__).resolve().parents[3]


def example(name: str) -> Advice:
    return advise(load_profile(REPO / "profiles" / f"{name}.toml").profile)


def example_doc(name: str) -> dict[str, Any]:
    return tomllib.loads((REPO / "profiles" / f"{name}.toml").read_text(encoding="utf-8"))


def rect(scene: Scene, part: str) -> Rect:
    shape = one(scene, part)
    assert isinstance(shape, Rect)
    return shape


def line(scene: Scene, part: str) -> Polyline:
    shape = one(scene, part)
    assert isinstance(shape, Polyline)
    return shape


def said(scene: Scene) -> dict[str, tuple[str, str | None, str]]:
    return {label.name: (label.value, label.was, label.change) for label in scene.labels}


def labels(scene: Scene) -> dict[str, Label]:
    return {label.name: label for label in scene.labels}


# -- a laptop ------------------------------------------------------------------------------


def test_a_laptop_typed_on_is_its_own_keyboard() -> None:
    now = workstation_scene(example("laptop-at-home"), "current")
    lid, base = line(now, "screen"), rect(now, "laptop base")
    assert top(lid) == pytest.approx(95)  # the lid's top edge at the screen's top
    assert (base.y, base.top) == pytest.approx((72, 72 + LAPTOP_BASE))  # on the desk
    (hinge, lid_top) = lid.points
    assert hinge[1] == pytest.approx(base.top) and base.x < hinge[0] <= base.right
    assert lid_top[0] > hinge[0]  # the lid leans back, away from the eyes
    assert not now.parts("keyboard") and not now.parts("laptop stand")
    # the hands are on the laptop's keys, the forearm resting on the base
    forearm = line(now, "forearm")
    hand = forearm.points[-1]
    assert base.x < hand[0] < base.right
    assert hand[1] - forearm.width / 2 == pytest.approx(base.top)
    assert said(now)["screen top"] == ("95 cm", None, "")
    assert said(now)["desk"] == ("72 cm", None, "")


def test_after_the_plan_the_laptop_stands_raised_with_a_separate_keyboard() -> None:
    after = workstation_scene(example("laptop-at-home"), "recommended")
    assert top(one(after, "screen")) == pytest.approx(121.5)
    base = rect(after, "laptop base")
    stand = after.parts("laptop stand")
    assert stand and min(bottom(s) for s in stand) == pytest.approx(72)  # on the desk
    assert max(top(s) for s in stand) == pytest.approx(base.y, abs=1.0)  # up to the base
    keyboard = rect(after, "keyboard")
    assert (keyboard.y, keyboard.top) == (72, 75)  # the separate keyboard's K is 3
    assert keyboard.top < base.y
    assert said(after)["screen top"] == ("121.5 cm", "95 cm", "up")


def test_the_keyboard_is_the_one_each_setup_has() -> None:
    # the kitchen table: typed on the laptop now, a separate keyboard on a tray after
    a = example("laptop-kitchen-table")
    assert (a.plan.start.home_row_above_surface_cm, a.plan.end.home_row_above_surface_cm) == (
        1.5,
        3.0,
    )
    assert not workstation_scene(a, "current").parts("keyboard")
    keyboard = rect(workstation_scene(a, "recommended"), "keyboard")
    assert (keyboard.y, keyboard.top) == (66, 69)  # on the tray, its home row 3 above


def test_a_low_keyboard_is_drawn_as_low(profile: Any) -> None:
    a = advise(profile(keyboard={"home_row_above_surface_cm": 2.0}))
    for which in ("current", "recommended"):
        scene = workstation_scene(a, which)  # type: ignore[arg-type]
        desk = setup_of(a, which).desk_height_cm  # type: ignore[arg-type]
        assert (rect(scene, "keyboard").y, rect(scene, "keyboard").top) == (desk, desk + 2)


# -- two screens ---------------------------------------------------------------------------


def test_a_second_screen_beside_is_drawn_behind_the_main_one_at_its_own_height() -> None:
    a = example("two-screens-equal")
    now, after = workstation_scene(a, "current"), workstation_scene(a, "recommended")
    for scene, main_top, second_top in ((now, 120, 131), (after, 125.5, 125.5)):
        main, second = rect(scene, "screen"), rect(scene, "2nd screen")
        assert (main.top, second.top) == (main_top, second_top)
        assert main.kind == "monitor" and second.kind == "second"
        assert second.x >= main.x + SCREEN_DEPTH  # behind the main one, so both show
        # drawn before the main one's parts: behind them
        order = list(scene.shapes)
        assert max(order.index(s) for s in scene.shapes if s.kind == "second") < order.index(main)
    # now it is 85 away, further than just behind: drawn where it is
    eye = one(now, "eye")
    assert isinstance(eye, Circle)
    assert rect(now, "2nd screen").x == pytest.approx(eye.x + 85)
    assert said(now)["2nd screen"] == ("131 cm", None, "")
    assert said(after)["2nd screen"] == ("125.5 cm", "131 cm", "down")
    assert said(after)["screen top"] == ("125.5 cm", "120 cm", "up")
    assert labels(after)["2nd screen"].kind == "second"


def test_a_laptop_below_the_main_screen_now_goes_beside_it() -> None:
    doc = example_doc("two-screens-equal")
    doc["monitor"] |= {
        "second_screen": "laptop",
        "second_position": "below",
        "second_top_height_cm": 98.0,
        "second_distance_cm": 55.0,
        "laptop_keyboard": True,
        "screens_use": "main",
    }
    a = advise(parse_profile(doc))
    now, after = workstation_scene(a, "current"), workstation_scene(a, "recommended")
    # now: under the main screen and in front of it (55 away, the main one 70), on the
    # desk, typed on
    lid, base = line(now, "2nd screen"), rect(now, "2nd laptop base")
    assert top(lid) == pytest.approx(98) and base.y == pytest.approx(74)
    assert top(lid) < rect(now, "screen").top
    eye = one(now, "eye")
    assert isinstance(eye, Circle)
    assert sum(x for x, _ in lid.points) / 2 == pytest.approx(eye.x + 55)
    assert not now.parts("keyboard")
    hand = line(now, "forearm").points[-1]
    assert base.x < hand[0] < base.right
    # after: level with the main one, just behind it, on a stand; a keyboard of its own
    assert top(one(after, "2nd screen")) == pytest.approx(top(one(after, "screen")))
    assert min(x for x, _ in line(after, "2nd screen").points) > rect(after, "screen").x
    assert after.parts("2nd laptop stand") and after.parts("keyboard")
    assert said(after)["2nd screen"] == ("125.5 cm", "98 cm", "up")


# -- standing ------------------------------------------------------------------------------


def test_a_sit_stand_desk_has_a_third_panel_and_other_desks_do_not() -> None:
    titles = [s.title for s in workstation_scenes(example("sit-stand-arm"))]
    assert titles == ["Now", "After the plan", "Standing (after the plan)"]
    a = example("laptop-at-home")
    assert [s.title for s in workstation_scenes(a)] == ["Now", "After the plan"]
    with pytest.raises(ValueError, match="not a sit-stand desk"):
        workstation_scene(a, "standing")


def test_standing_at_the_desk_raised_on_the_mat() -> None:
    a = example("sit-stand-arm")
    standing = workstation_scene(a, "standing")
    body, profile = a.body, a.profile
    lift = standing_lift(profile, body)
    assert lift == 4.5  # shoes 3 and a 1.5 mat

    assert top(one(standing, "desk top")) == 107.5
    screen = rect(standing, "screen")
    assert screen.top == 158.5 and one(standing, "arm")
    mat = rect(standing, "mat")
    assert (mat.y, mat.top) == (0, 1.5)
    foot = one(standing, "foot")
    assert bottom(foot) == pytest.approx(1.5)  # the shoes on the mat
    assert mat.x < min(x for x, _ in line(standing, "foot").points)
    eye = one(standing, "eye")
    assert isinstance(eye, Circle) and eye.y == pytest.approx(standing_eye(profile, body))
    assert eye.y == pytest.approx(158.778 + 4.5)
    # the sight line from the eye to the middle of the screen
    sight = line(standing, "line of sight")
    assert sight.points == ((eye.x, eye.y), (screen.x, screen.top - SCREEN_PICTURE / 2))
    # the chair is pushed away; no footstool
    assert not [s for s in standing.shapes if s.kind in ("chair", "cushion", "footstool")]
    keyboard = rect(standing, "keyboard")
    assert (keyboard.y, keyboard.top) == (107.5, 110.5)

    # proportions: the body stands upright, its heights where the body puts them
    elbow = line(standing, "forearm").points[0]
    assert elbow[1] == pytest.approx(106 + lift)  # measured, barefoot, plus shoes and mat
    head = one(standing, "head")
    assert isinstance(head, Circle)
    assert top(head) == pytest.approx(body.stature_cm + lift, abs=3)  # the crown
    hip, knee = line(standing, "thigh").points
    ankle = line(standing, "lower leg").points[1]
    shoulder = line(standing, "upper arm").points[0]
    assert 1.5 < ankle[1] < knee[1] < hip[1] < elbow[1] < shoulder[1] < eye.y
    assert abs(hip[0] - ankle[0]) < 5 and abs(shoulder[0] - hip[0]) < 5  # upright
    assert hip[1] == pytest.approx(0.53 * body.stature_cm + lift)

    assert said(standing) == {
        "eyes": ("163.5 cm", None, ""),
        "mat": ("1.5 cm", None, ""),
        "screen top": ("158.5 cm", "152 cm", "up"),
        "desk": ("107.5 cm", None, ""),
    }
    assert labels(standing)["mat"].y == 1.5


def test_standing_the_desk_stays_where_it_is_and_rises() -> None:
    a = example("sit-stand-arm")
    after, standing = workstation_scene(a, "recommended"), workstation_scene(a, "standing")
    assert rect(standing, "desk top").x == rect(after, "desk top").x
    assert rect(standing, "desk top").w == rect(after, "desk top").w
    assert rect(standing, "screen").x == rect(after, "screen").x  # on the same arm
    assert top(one(after, "desk top")) == 64


def test_a_screen_on_the_desk_rides_up_with_it() -> None:
    a = example("sit-stand-progressive")  # a screen on the desk, no standing top answered
    end = a.plan.end
    assert end.standing_work_surface_height_cm == 104
    standing = workstation_scene(a, "standing")
    lands = standing_lands(a.profile, end)
    assert lands == end.monitor_top_height_cm + 104 - end.desk_height_cm
    assert rect(standing, "screen").top == end.standing_monitor_top_height_cm == lands
    assert not standing.parts("mat") and "mat" not in said(standing)
    # were the plan to leave the standing top unknown, the screen goes where the desk takes it
    unknown = dataclasses.replace(end, standing_monitor_top_height_cm=None)
    b = dataclasses.replace(a, plan=dataclasses.replace(a.plan, end=unknown))
    assert standing_screen_top(b) == lands
    assert rect(workstation_scene(b, "standing"), "screen").top == lands


def test_the_arm_the_plan_brings_is_drawn_after_it() -> None:
    doc = example_doc("sit-stand-progressive")
    doc["monitor"]["mount"] = "independent"  # on its own stand: it stays when the desk rises
    a = advise(parse_profile(doc))
    step = a.plan.step("desk.standing_screen_top_cm")
    assert step is not None and step.buy == "monitor arm"
    now = workstation_scene(a, "current")
    assert not now.parts("arm") and min(bottom(s) for s in now.parts("stand")) <= 1
    for which in ("recommended", "standing"):
        scene = workstation_scene(a, which)  # type: ignore[arg-type]
        assert scene.parts("arm") and not scene.parts("stand foot")
    assert rect(workstation_scene(a, "standing"), "screen").top == step.to_cm


def test_a_second_screen_rides_up_with_the_desk_when_standing() -> None:
    doc = example_doc("sit-stand-arm")
    doc["monitor"] |= {
        "second_screen": "external",
        "second_top_height_cm": 110.0,
        "screens_use": "main",
        "second_position": "side",
    }
    a = advise(parse_profile(doc))
    end = a.plan.end
    assert end.second_monitor_top_height_cm is not None
    standing = workstation_scene(a, "standing")
    raised = 107.5 - end.desk_height_cm
    assert rect(standing, "2nd screen").top == pytest.approx(
        end.second_monitor_top_height_cm + raised
    )
    assert "2nd screen" not in said(standing)  # not a number of the plan's


# -- every profile -------------------------------------------------------------------------


@settings(max_examples=120, deadline=None, derandomize=True)
@given(doc=with_screens(profile_doc_strategy()))
def test_every_screen_and_the_standing_position_are_the_plans(doc: dict[str, Any]) -> None:
    a = advise(parse_profile(doc))
    units = a.profile.units
    scenes = workstation_scenes(a)
    assert len(scenes) == (3 if a.profile.desk.stands else 2)
    for scene in scenes:
        setup = setup_of(a, scene.which)
        if scene.which == "standing":
            desk = setup.standing_work_surface_height_cm
            assert desk is not None
            assert top(one(scene, "desk top")) == desk
            assert top(one(scene, "screen")) == pytest.approx(standing_screen_top(a))
            eye = one(scene, "eye")
            assert isinstance(eye, Circle)
            assert eye.y == pytest.approx(standing_eye(a.profile, a.body))
            mat = a.profile.desk.standing_mat_cm
            assert bottom(one(scene, "foot")) == pytest.approx(mat)
            assert bool(scene.parts("mat")) == bool(mat)
            assert said(scene)["desk"][0] == format_length(desk, units)
        else:
            assert top(one(scene, "screen")) == pytest.approx(setup.monitor_top_height_cm)
            second = setup.second_monitor_top_height_cm
            if second is None:
                assert not [s for s in scene.shapes if s.kind == "second"]
            else:
                assert top(one(scene, "2nd screen")) == pytest.approx(second)
                assert said(scene)["2nd screen"][0] == format_length(second, units)
            typed = scene.which == "current" and bool(a.profile.monitor.laptop_keyboard)
            laptops = a.profile.monitor.kind == "laptop" or (
                second is not None and a.profile.monitor.second_screen == "laptop"
            )
            assert bool(scene.parts("keyboard")) != (typed and laptops)
            if scene.parts("keyboard"):
                keyboard = rect(scene, "keyboard")
                k = setup.home_row_above_surface_cm
                assert keyboard.y == setup.work_surface_height_cm
                assert keyboard.top == pytest.approx(keyboard.y + max(1.0, k))
        f = scene.frame
        for s in scene.shapes:
            assert f.bottom - 1e-9 <= bottom(s) and top(s) <= f.top + 1e-9
            if isinstance(s, Rect):
                assert s.w >= 0 and s.h >= 0, s
            if isinstance(s, Polyline):
                assert all(math.isfinite(v) for p in s.points for v in p)
