"""The furniture's measured ranges in the advice (docs/workstations.md §4.1–§4.3): a keyboard
tray's range, the mouse on the tray, the armrests' range and whether they come off.

The four profiles in ``ranges/`` were exported as text (``deskfit export FILE --format
text``) and read line by line; every number is worked by hand below from the rules
(ergonomics.md §2–§3 and docs/workstations.md §4). The other cases are worked on the measured
base body of conftest.py (PH 40 + S 2.5 = 42.5, ERH 24, ESH 75, BPL 48, TC 14, K 3).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.core.engine.test_plan import check_plan_is_followable

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.files.store import load_profile
from deskfit.core.model.validation import parse_profile
from deskfit.core.present.render import to_text

RANGES = Path(__file__).parent / "ranges"
MakeDoc = Callable[..., dict[str, Any]]


def line(advice: Advice, id_: str) -> Any:
    found = [x for x in advice.lines if x.id == id_]
    assert found, f"no {id_!r} line in {[x.id for x in advice.lines]}"
    return found[0]


def ids(advice: Advice) -> list[str]:
    return [x.id for x in advice.lines]


def exported(name: str) -> tuple[Advice, str]:
    advice = advise(load_profile(RANGES / f"{name}.toml").profile)
    # the text export, its lines re-joined: a sentence may wrap anywhere
    return advice, " ".join(to_text(advice).split())


@pytest.mark.parametrize("path", sorted(RANGES.glob("*.toml")), ids=lambda p: p.stem)
def test_each_ranges_profile_follows_its_own_plan(path: Path) -> None:
    check_plan_is_followable(tomllib.loads(path.read_text(encoding="utf-8")))


# -- the profiles, read line by line ----------------------------------------------------------


def test_a_tray_whose_measured_range_stops_short() -> None:
    # tray-stops-short: PH 45 + S 2.5 = 47.5, ERH 25, ESH 80, K 3; seat 47.5 (chair 42–55),
    # fixed desk 74, adjustable tray at 60, measured 55–64.
    # The elbows: 47.5 + 25 = 72.5; the tray for them: 72.5 − 3 = 69.5, under the desk's
    # 74 − 2.5 = 71.5 but above the tray's highest, 64: the tray goes to 64 (up 4 from 60).
    # Home row 64 + 3 = 67: 72.5 − 67 = 5.5 below the elbows (beyond the 5 allowed).
    # Risers would change the measured range, so the plan brings none; the words say that
    # risers of 5.5 would lift the tray's highest to 69.5, the elbows'.
    # Seat 47.5 = PH + S: no step; feet flat, no footstool. Eyes 47.5 + 80 = 127.5, screen
    # top 127.5 − 5 = 122.5: where it is. Distance 60: inside 50–75.
    # ROSA: chair 2 (seat depth not adjustable +1, no armrests 2; chart), mouse and
    # keyboard 1, final 2, the same after (the tray's height is no ROSA item here).
    advice, text = exported("tray-stops-short")
    assert [(s.key, s.from_cm, s.to_cm) for s in advice.plan.steps] == [
        ("desk.keyboard_tray_height_cm", 60.0, 64.0)
    ]
    assert "1 Keyboard tray 60 cm 64 cm raise 4 cm" in text
    assert "ROSA 2 now (low) → 2 after the changes (low)" in text
    assert (
        "[medium] Set the keyboard tray to 64 cm Step 1 of 1. Raise it 4 cm from 60 cm to "
        "64 cm: as high as it goes (its highest, as you measured it); the home row is then "
        "still 5.5 cm below your elbows. Risers of 5.5 cm under the desk's feet would lift "
        "the desk and the tray with it (then measure the tray's range again)."
    ) in text
    assert ids(advice) == ["keyboard-tray-height"]


def test_a_tray_with_no_room_for_the_mouse() -> None:
    # tray-no-room-for-the-mouse: the body and desk of tray-stops-short, the tray at 66
    # with no range measured: 40 up to 74 − 2.5 = 71.5 (our rule), which reaches the
    # elbows' 69.5: raise it 3.5 (within the 5 band, over 2: medium), the home row
    # 69.5 + 3 = 72.5 meets the elbows at 72.5.
    # The tray is as wide as the keyboard and the mouse is on the desk top: ROSA counts
    # the mouse on another surface (+2: mouse 1 + 2 = 3, mouse and keyboard 3, final 3,
    # the same after: the plan does not move the mouse). The mouse platform line is high,
    # and it says where the tray ends up: 69.5, step 1. It takes the place of the general
    # "same surface" line.
    advice, text = exported("tray-no-room-for-the-mouse")
    assert "ROSA 3 now (moderate) → 3 after the changes (moderate)" in text
    assert "Mouse and keyboard on different surfaces (+2)" in text
    assert "1 Keyboard tray 66 cm 69.5 cm raise 3.5 cm" in text
    assert (
        "[high] Get a mouse platform for the keyboard tray The keyboard tray has no room for "
        "the mouse beside the keyboard, so the mouse sits on another surface, up or down "
        "from the keys, and your arm reaches for it (ROSA counts that +2). Get a mouse "
        "platform that clips to the tray, or a wider tray, so the mouse sits beside the "
        "keyboard at the same height: on the tray at 69.5 cm (step 1)."
    ) in text
    assert "OSHA Computer Workstations eTool, keyboards and pointer/mouse" in text
    assert (
        "Raise it 3.5 cm from 66 cm to 69.5 cm: the keyboard's home row meets your elbows."
    ) in text
    assert ids(advice) == ["mouse-platform", "keyboard-tray-height"]
    assert line(advice, "mouse-platform").area == "mouse"


def test_armrests_that_cannot_pass_under_the_desk_but_come_off() -> None:
    # armrests-come-off: base body, chair 40–56 at 45, fixed desk 64 (3 cm top), no tray.
    # Seat: the home row wants 64 + 3 − 24 = 43, within PH + S ± 2.5 = 40–45, and the
    # thighs fit under 64 − 3 = 61 (43 + 14 + 2 = 59): seat 43 (down 2 from 45: low), feet
    # 0.5 above PH + S: flat, no footstool. Eyes 43 + 75 = 118, top 113: where it is.
    # Armrests (adjustable 20–30, they come off): at the elbows 43 + 24 = 67 from the
    # floor, above the underside 61. Just under it: 61 − 1 = 60, 60 − 43 = 17 above the
    # seat (≥ 15), but they go no lower than 20: off or swung back.
    advice, text = exported("armrests-come-off")
    assert [(s.key, s.from_cm, s.to_cm) for s in advice.plan.steps] == [
        ("chair.seat_height_cm", 45.0, 43.0)
    ]
    assert "1 Seat height 45 cm 43 cm lower 2 cm" in text
    assert "[low] Lower your seat to 43 cm" in text
    assert (
        "[medium] Keep the armrests from stopping the chair at the desk At your elbows "
        "(67 cm from the floor once the plan is done) the armrests would hit the desk's "
        "underside at 61 cm and hold the chair away from it. Just under the desk's edge "
        "they would be 17 cm above the seat, and they go no lower than 20 cm. Take them off "
        "or swing them back. At this desk your forearms rest on the desk top, which is at "
        "your elbows."
    ) in text
    assert "ROSA 2 now (low) → 2 after the changes (low)" in text


def test_armrests_that_cannot_pass_under_the_desk_and_stay_on() -> None:
    # armrests-stay-on: as armrests-come-off, the armrests 18–28 and not removable. Under
    # the desk's edge they would be 17 above the seat; they go no lower than 18, and do
    # not come off: the chair keeps its distance, the chair is the fix, and meanwhile the
    # keyboard goes to the desk's front edge.
    advice, text = exported("armrests-stay-on")
    assert (
        "Just under the desk's edge they would be 17 cm above the seat, and they go no "
        "lower than 18 cm. They do not come off, so they keep the chair away from the desk: "
        "a chair whose armrests go lower or come off is the fix. Until then, keep the "
        "keyboard at the desk's front edge, so that you reach it without leaning forward."
    ) in text
    assert "Take them off" not in text
    assert [(s.key, s.to_cm) for s in advice.plan.steps] == [("chair.seat_height_cm", 43.0)]


# -- the keyboard tray's range in the words ----------------------------------------------------

TRAY_BODY = {
    "popliteal_height_cm": 45.0,
    "elbow_rest_height_cm": 33.0,
    "eye_height_sitting_cm": 80.0,
    "thigh_clearance_cm": 15.0,
}
TRAY_CHAIR = {"seat_height_cm": 47.5, "seat_height_min_cm": 42.0, "seat_height_max_cm": 55.0}
TRAY = {"keyboard_tray": True, "keyboard_tray_height_cm": 71.5, "keyboard_tray_adjustable": True}


def test_a_tray_already_at_its_top_says_where_that_is(doc: MakeDoc) -> None:
    # PH + S 47.5, ERH 33: the elbows at 80.5 want the tray at 77.5; it is at 71.5, the
    # desk's 74 less 2.5, its top whatever the measured highest (80) says. No step: the
    # desk-too-low line says it, with the tray's height and why it stops there: the home
    # row 74.5 is 6 below the elbows; risers of 6 would fix it.
    d = doc(body=TRAY_BODY, chair=TRAY_CHAIR, desk=TRAY | {"keyboard_tray_max_cm": 80.0})
    advice = advise(parse_profile(d))
    assert advice.plan.step("desk.keyboard_tray_height_cm") is None
    low = line(advice, "desk-too-low")
    assert low.title == "The tray is too low for you"
    assert (
        "the keyboard's home row sits 6 cm below your elbows even with the tray as high as "
        "it goes (71.5 cm, 2.5 cm under the desk top), so you stoop over it. Risers of 6 cm "
        "under the desk's feet would fix it (then measure the tray's range again)."
    ) in low.text
    # at its measured highest, 70: 80.5 − 73 = 7.5 below the elbows
    d = doc(
        body=TRAY_BODY,
        chair=TRAY_CHAIR,
        desk=TRAY | {"keyboard_tray_height_cm": 70.0, "keyboard_tray_max_cm": 70.0},
    )
    low = line(advise(parse_profile(d)), "desk-too-low")
    assert "as high as it goes (70 cm, its highest, as you measured it)" in low.text
    assert "sits 7.5 cm below your elbows" in low.text


def test_a_tray_at_its_measured_lowest_says_so(doc: MakeDoc) -> None:
    # ERH 20: the tray would go to 42.5 + 20 − 3 = 59.5, but comes down only to 63
    # (measured 63–70): 3.5 above that; the seat rises to 63 + 3 − 20 = 46 (step 1), a
    # 46 − 42.5 = 3.5 cm footstool; the tray comes down 3 from 66 to 63 (step 2), where
    # the home row (66) meets the elbows (46 + 20).
    d = doc(
        body={"elbow_rest_height_cm": 20.0},
        desk=TRAY
        | {
            "keyboard_tray_height_cm": 66.0,
            "keyboard_tray_min_cm": 63.0,
            "keyboard_tray_max_cm": 70.0,
        },
    )
    advice = advise(parse_profile(d))
    info = line(advice, "surface-at-lowest")
    assert info.title == "The keyboard tray is at its lowest"
    assert info.text == (
        "Even at its lowest (63 cm, as you measured it) the keyboard tray is 3.5 cm above "
        "the ideal for you, so the seat is set to match it and a footstool makes up the "
        "difference."
    )
    tray = line(advice, "keyboard-tray-height")
    assert "Lower it 3 cm from 66 cm to 63 cm: the keyboard's home row meets your elbows." in (
        tray.text
    )


def test_a_chair_that_runs_out_over_a_tray_that_comes_down_only_so_far(doc: MakeDoc) -> None:
    # ERH 20, a fixed 42.5 chair; the tray (at 71, measured 70–71.5) comes down only to
    # 70: the elbows want a sitting height of 70 + 3 − 20 = 53; the chair with the
    # thickest cushion (5) reaches 47.5, 5.5 short (> 1.5): the home row stays 5.5 above
    # the elbows. The tray at the elbows with the seat for the legs (42.5): 42.5 + 20 − 3
    # = 59.5, below the tray's lowest. A chair reaching 53 needs a 53 − 42.5 = 10.5
    # footstool.
    d = doc(
        body={"elbow_rest_height_cm": 20.0},
        chair={"seat_height_cm": 42.5, "height_adjustable": False},
        desk=TRAY
        | {
            "keyboard_tray_height_cm": 71.0,
            "keyboard_tray_min_cm": 70.0,
            "keyboard_tray_max_cm": 71.5,
        },
    )
    advice = advise(parse_profile(d))
    runs_out = line(advice, "chair-too-low-for-desk")
    assert "the keyboard's home row stays 5.5 cm above your elbows" in runs_out.text
    assert (
        "What fixes it: your keyboard tray mounted lower, to come down to 59.5 cm with you "
        "sitting at 42.5 cm (it goes no lower than 70 cm); a desk 59.5 cm high; or a chair "
        "whose seat reaches 53 cm, with a 10.5 cm footstool."
    ) in runs_out.text
    check_plan_is_followable(d)


# -- the mouse on the tray ---------------------------------------------------------------------


def test_the_mouse_platform_is_medium_when_the_mouse_is_on_the_tray_anyway(doc: MakeDoc) -> None:
    # same_surface_as_keyboard true: ROSA counts nothing, the line is medium.
    d = doc(
        desk={
            "keyboard_tray": True,
            "keyboard_tray_height_cm": 63.5,
            "keyboard_tray_adjustable": True,
            "keyboard_tray_mouse_fits": False,
        },
        chair={"seat_height_cm": 42.5},
    )
    advice = advise(parse_profile(d))
    platform = line(advice, "mouse-platform")
    assert platform.severity == "medium"
    # the tray is where it belongs (42.5 + 24 − 3 = 63.5): no step to name
    assert platform.text.endswith("at the same height: on the tray at 63.5 cm.")
    # with room for the mouse, no such line
    d["desk"]["keyboard_tray_mouse_fits"] = True
    d["mouse"]["same_surface_as_keyboard"] = False
    advice = advise(parse_profile(d))
    assert "mouse-platform" not in ids(advice) and "mouse-same-surface" in ids(advice)


def test_a_tray_re_mounted_that_has_no_room_for_the_mouse(doc: MakeDoc) -> None:
    # A fixed 45 cm chair at a fixed 80 cm desk with a fixed tray at 76: the elbows want a
    # sitting height of 76 + 3 − 24 = 55; the chair with a 5 cm cushion reaches 50, 5
    # short (> 1.5): the tray leads (§3.3), re-mounted at 45 + 24 − 3 = 66.
    d = doc(
        chair={"seat_height_cm": 45.0, "height_adjustable": False},
        desk={
            "height_cm": 80.0,
            "keyboard_tray": True,
            "keyboard_tray_height_cm": 76.0,
            "keyboard_tray_adjustable": False,
            "keyboard_tray_mouse_fits": False,
        },
    )
    advice = advise(parse_profile(d))
    tray = line(advice, "keyboard-tray")
    assert tray.title == "Re-mount the keyboard tray at 66 cm"
    assert (
        "It has no room for the mouse: clip a mouse platform to it, or fit a wider tray, so "
        "both sit at the same height."
    ) in tray.text
    step = advice.plan.step("desk.keyboard_tray_height_cm")
    assert step is not None
    assert line(advice, "mouse-platform").text.endswith(
        f"on the tray at 66 cm (step {step.number})."
    )


def test_a_tray_to_buy_is_chosen_wide_enough_for_the_mouse() -> None:
    # short-fixed-chair (golden README): no tray now; a tray at 65 leads (a purchase).
    root = Path(__file__).resolve().parents[3]
    advice = advise(load_profile(root / "profiles" / "short-fixed-chair.toml").profile)
    step = advice.plan.step("desk.keyboard_tray_height_cm")
    assert step is not None and step.buy == "keyboard tray"
    tray = line(advice, "keyboard-tray")
    assert "Choose one wide enough for the mouse too, so both sit at the same height." in (
        tray.text
    )
    assert "mouse-platform" not in ids(advice)


# -- the armrests' range -----------------------------------------------------------------------

# At a fixed 64 cm desk (3 cm top) the base body sits at 43 (armrests-come-off): the
# elbows at 67, the underside at 61, an armrest 1 cm under it 60 − 43 = 17 above the seat.
LOW_DESK = {"height_cm": 64.0}


def test_armrests_whose_range_reaches_under_the_desk_are_lowered(doc: MakeDoc) -> None:
    # 15–30: 17 is inside and ≥ 15: lowered; they come off too, so that is the other way.
    d = doc(
        desk=LOW_DESK,
        chair={
            "armrest_height_min_cm": 15.0,
            "armrest_height_max_cm": 30.0,
            "armrests_removable": True,
        },
    )
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert (
        "Lower them to at most 17 cm above the seat (60 cm from the floor), just under the "
        "desk's edge; or take them off or swing them back."
    ) in arm.text
    # that do not come off: lowered, and nothing about taking them off
    d["chair"]["armrests_removable"] = False
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert "just under the desk's edge. At this desk" in arm.text and "off" not in arm.text


def test_armrests_that_top_out_near_the_elbows(doc: MakeDoc) -> None:
    # 10–20: as near the elbows as they go is 20 above the seat, 63 from the floor, still
    # above the 61 underside: lowered to 17 (inside 10–20).
    d = doc(desk=LOW_DESK, chair={"armrest_height_min_cm": 10.0, "armrest_height_max_cm": 20.0})
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert arm.text.startswith(
        "As near your elbows as they go (20 cm above the seat, 63 cm from the floor once the "
        "plan is done) the armrests would hit the desk's underside at 61 cm"
    )
    assert "Lower them to at most 17 cm above the seat (60 cm from the floor)" in arm.text
    # 10–16: at their highest, 43 + 16 = 59, they pass under 61 − 1 = 60: no desk issue;
    # too low for the elbows (24): set at their highest, 24 − 16 = 8 below the elbows
    d["chair"] |= {"armrest_height_max_cm": 16.0, "armrest_fit": "too_low"}
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert arm.title == "Set the armrests at their highest (16 cm above the seat)"
    assert arm.text == (
        "The armrests are too low. With shoulders relaxed they should just touch your "
        "elbows, 24 cm above the seat; they go up to 16 cm: set them at their highest (59 cm "
        "from the floor once the plan is done), which leaves them 8 cm below your elbows. "
        "Keep your shoulders level rather than leaning down onto them."
    )


@pytest.mark.parametrize("removable", [True, False])
def test_armrests_too_low_under_the_desk_to_support_the_arms(doc: MakeDoc, removable: bool) -> None:
    # A fixed 50 cm chair at a fixed 66 cm desk (2 cm top): the desk is too low for the
    # legs' seat but only 50 + 24 − 69 = 5 below the elbows (not beyond 5: no risers), so
    # the seat stays at 50. The elbows at 74; the underside at 64; an armrest 1 cm under
    # it: 63 − 50 = 13 above the seat, under the 15 that supports an arm.
    d = doc(
        chair={"seat_height_cm": 50.0, "height_adjustable": False, "armrests_removable": removable},
        desk={"height_cm": 66.0, "thickness_cm": 2.0},
    )
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert arm.text.startswith(
        "At your elbows (74 cm from the floor once the plan is done) the armrests would hit "
        "the desk's underside at 64 cm and hold the chair away from it. Just under the desk's "
        "edge they would be 13 cm above the seat, too low to rest your arms on (under 15 cm)."
    )
    if removable:
        assert "Take them off or swing them back." in arm.text
    else:
        assert "a chair whose armrests go lower or come off is the fix" in arm.text
        assert "keep the keyboard at the desk's front edge" in arm.text


@pytest.mark.parametrize("removable", [True, False])
def test_fixed_armrests_at_the_desk(doc: MakeDoc, removable: bool) -> None:
    # Fixed armrests at the 64 cm desk: at the elbows (67) they meet the 61 underside; they
    # cannot be lowered: off when they come off, else the chair is the issue.
    d = doc(desk=LOW_DESK, chair={"armrests": "fixed", "armrests_removable": removable})
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert arm.text.startswith(
        "At your elbows (67 cm from the floor once the plan is done) the armrests would hit "
        "the desk's underside at 61 cm and hold the chair away from it."
    )
    assert ("Take them off or swing them back." in arm.text) is removable
    assert ("They do not come off, so they keep the chair away from the desk" in arm.text) is (
        not removable
    )


# With a tray at the elbows the chair pulls up to the tray: the armrests go to the elbows,
# 24 above the seat (42.5), 66.5 from the floor.
AT_A_TRAY: dict[str, Any] = {
    "chair": {"seat_height_cm": 42.5},
    "desk": {"keyboard_tray": True, "keyboard_tray_height_cm": 63.5},
}


def test_armrests_set_to_the_elbows_inside_their_range(doc: MakeDoc) -> None:
    # 18–28 holds 24: to the elbows, as before
    d = doc(**AT_A_TRAY)
    d["chair"] |= {
        "armrest_fit": "too_high",
        "armrest_height_min_cm": 18.0,
        "armrest_height_max_cm": 28.0,
    }
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert arm.title == "Set the armrests to your elbows (24 cm above the seat)"
    assert "about 24 cm above the seat, 66.5 cm from the floor once the plan is done" in arm.text


@pytest.mark.parametrize("removable", [True, False])
def test_armrests_that_come_down_only_to_above_the_elbows(doc: MakeDoc, removable: bool) -> None:
    # 27–35 for elbows at 24: at their lowest, 42.5 + 27 = 69.5 from the floor, 3 above the
    # elbows; off when they come off, else arms off them and the chair is the fix.
    d = doc(**AT_A_TRAY)
    d["chair"] |= {
        "armrest_fit": "too_high",
        "armrest_height_min_cm": 27.0,
        "armrest_height_max_cm": 35.0,
        "armrests_removable": removable,
    }
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert arm.title == "Set the armrests at their lowest (27 cm above the seat)"
    assert (
        "With shoulders relaxed they should just touch your elbows, 24 cm above the seat; "
        "they go down only to 27 cm: set them at their lowest (69.5 cm from the floor once "
        "the plan is done), still 3 cm above your elbows, which lifts your shoulders."
    ) in arm.text
    assert ("take them off or swing them back" in arm.text) is removable
    assert ("a chair whose armrests go lower, or come off, is the fix" in arm.text) is (
        not removable
    )


def test_armrests_that_go_up_only_to_below_the_elbows(doc: MakeDoc) -> None:
    # The brief's own example: elbows 28 above the seat, armrests up to 26: at their
    # highest, 42.5 + 26 = 68.5 from the floor, 2 below the elbows.
    d = doc(**AT_A_TRAY)
    d["body"]["elbow_rest_height_cm"] = 28.0
    d["desk"]["keyboard_tray_height_cm"] = 67.5  # 42.5 + 28 − 3: where the elbows want it
    d["chair"] |= {
        "armrest_fit": "too_low",
        "armrest_height_min_cm": 16.0,
        "armrest_height_max_cm": 26.0,
    }
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert (
        "just touch your elbows, 28 cm above the seat; they go up to 26 cm: set them at their "
        "highest (68.5 cm from the floor once the plan is done), which leaves them 2 cm "
        "below your elbows."
    ) in arm.text


@pytest.mark.parametrize("removable", [True, False])
def test_fixed_armrests_too_high(doc: MakeDoc, removable: bool) -> None:
    d = doc(**AT_A_TRAY)
    d["chair"] |= {"armrests": "fixed", "armrest_fit": "too_high", "armrests_removable": removable}
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert arm.title == "The armrests push your shoulders up"
    if removable:
        assert arm.text == (
            "Fixed armrests above your elbows shrug the shoulders. Take them off or swing them "
            "back."
        )
    else:
        assert "These do not come off, so the chair is the issue" in arm.text
        assert "Take them off" not in arm.text


def test_an_armrest_range_is_said_as_it_was_measured(doc: MakeDoc) -> None:
    # A measured end (22.3) is said to the tenth, as typed, not rounded like a setting: the
    # elbows at 24, the armrests up to 22.3, 24 − 22.3 = 1.7 below; from the floor a
    # setting, 42.5 + 22.3 = 64.8, read as 65.
    d = doc(**AT_A_TRAY)
    d["chair"] |= {"armrest_fit": "too_low", "armrest_height_max_cm": 22.3}
    arm = line(advise(parse_profile(d)), "armrest-height")
    assert arm.title == "Set the armrests at their highest (22.3 cm above the seat)"
    assert (
        "they go up to 22.3 cm: set them at their highest (65 cm from the floor once the plan "
        "is done), which leaves them 1.7 cm below your elbows."
    ) in arm.text
