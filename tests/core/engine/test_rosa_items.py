"""From measurements to ROSA items (ergonomics.md §4.4) at the boundaries of each rule.

The body is the measured base of conftest.py: PH 40 + S 2.5 = 42.5, ERH 24, ESH 75,
BPL 48, TC 14, K 3. Each test sets exactly the one height it is about on top of a neutral
workstation: seat 42.5 on the floor, surface 63.5 (home row 66.5 = elbow 42.5 + 24), screen
top 112.5 (eye 117.5 − 5) at 65 cm. "After" is the profile with its plan applied, scored by
the same mapping.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

from deskfit.core.engine.advice import advise
from deskfit.core.engine.body import body_dimensions
from deskfit.core.engine.rosa import RosaItems
from deskfit.core.engine.rosa_items import rosa_items
from deskfit.core.model.profile import Profile

MakeProfile = Callable[..., Profile]

NEUTRAL = {
    "seat_height_cm": 42.5,
    "footstool_height_cm": 0.0,
    "desk_height_cm": 63.5,
    "keyboard_tray_height_cm": None,
    "monitor_top_height_cm": 112.5,
    "viewing_distance_cm": 65.0,
}


def at(p: Profile, **setup: Any) -> Profile:
    """``p`` with the workstation set as the neutral one, changed by ``setup``."""
    s = {**NEUTRAL, **setup}
    setup.pop("work_surface_height_cm", None)  # the tray's, or the desk's, height
    tray = s["keyboard_tray_height_cm"]
    stool = s["footstool_height_cm"]
    return p.model_copy(
        update={
            "chair": p.chair.model_copy(
                update={
                    "seat_height_cm": s["seat_height_cm"],
                    "seat_height_min_cm": 20.0,
                    "seat_height_max_cm": 100.0,
                }
            ),
            # a profile's own keyboard tray is left as it is unless the test sets one
            "desk": p.desk
            if p.desk.keyboard_tray and "keyboard_tray_height_cm" not in setup
            else p.desk.model_copy(
                update={
                    "height_cm": s["desk_height_cm"],
                    "keyboard_tray": tray is not None,
                    "keyboard_tray_height_cm": tray,
                }
            ),
            "footstool": p.footstool.model_copy(
                update={"owned": bool(stool), "in_use": bool(stool), "height_cm": stool or None}
            ),
            "monitor": p.monitor.model_copy(
                update={
                    "top_height_cm": s["monitor_top_height_cm"],
                    "distance_cm": s["viewing_distance_cm"],
                }
            ),
        }
    )


def items_for(p: Profile, **setup: Any) -> RosaItems:
    return rosa_items(at(p, **setup), body_dimensions(p.body))


def after_plan(p: Profile) -> RosaItems:
    """The items of the workstation once its plan is done."""
    return advise(p).rosa_after_items


def test_neutral_setup_scores_neutral(profile: MakeProfile) -> None:
    it = items_for(profile())
    assert (it.seat_height, it.seat_depth, it.armrests, it.back_support, it.monitor) == (
        1,
        1,
        1,
        1,
        1,
    )
    assert not it.work_surface_too_high
    assert not it.keyboard_too_high
    assert not it.monitor_too_far


# -- seat height: g = seat − foot support − (PH + S) ---------------------------------------


@pytest.mark.parametrize(
    ("seat", "stool", "expected"),
    [
        (45.0, 0.0, 1),  # g = +2.5: |g| ≤ 2.5
        (45.1, 0.0, 2),  # g = +2.6: too high
        (40.0, 0.0, 1),  # g = −2.5
        (39.9, 0.0, 2),  # g = −2.6: too low
        (50.0, 0.0, 2),  # g = +7.5: still "too high", feet reach
        (50.1, 0.0, 3),  # g = +7.6: feet do not reach
        (53.0, 10.5, 1),  # g = 53 − 10.5 − 42.5 = 0: on the footstool
        (53.0, 3.0, 2),  # g = 7.5
        (53.0, 2.9, 3),  # g = 7.6
    ],
)
def test_seat_height_item_boundaries(
    profile: MakeProfile, seat: float, stool: float, expected: int
) -> None:
    it = items_for(profile(), seat_height_cm=seat, footstool_height_cm=stool)
    assert it.seat_height == expected


# -- seat depth: c = BPL − seat depth ------------------------------------------------------


@pytest.mark.parametrize(
    ("depth", "expected"),
    [
        (43.0, 1),  # c = 48 − 43 = 5
        (43.1, 2),  # c = 4.9: too long
        (38.0, 1),  # c = 10
        (37.9, 2),  # c = 10.1: too short
        (40.5, 1),  # c = 7.5: the ideal
    ],
)
def test_seat_depth_item_boundaries(profile: MakeProfile, depth: float, expected: int) -> None:
    it = items_for(profile(chair={"seat_depth_cm": depth}))
    assert it.seat_depth == expected


def test_seat_depth_unknown_is_neutral(profile: MakeProfile) -> None:
    assert items_for(profile()).seat_depth == 1


def test_seat_depth_after_only_fixed_when_adjustable(profile: MakeProfile) -> None:
    """After the plan, an adjustable seat is slid to fit (a plan step); a fixed one stays."""
    fixed = profile(chair={"seat_depth_cm": 45.0, "depth_adjustable": False})
    sliding = profile(chair={"seat_depth_cm": 45.0, "depth_adjustable": True})
    assert after_plan(fixed).seat_depth == 2
    assert after_plan(fixed).seat_depth_not_adjustable
    assert items_for(sliding).seat_depth == 2
    assert after_plan(sliding).seat_depth == 1
    assert not after_plan(sliding).seat_depth_not_adjustable


# -- work surface / keyboard too high: home row more than 1.5 above the elbow -------------


def test_work_surface_exactly_one_and_a_half_above_is_not_too_high(profile: MakeProfile) -> None:
    """Elbow = 42.5 + 24 = 66.5; surface 65 → home row 68 = elbow + 1.5: not *more* than 1.5."""
    it = items_for(profile(), work_surface_height_cm=65.0, desk_height_cm=65.0)
    assert not it.work_surface_too_high
    assert not it.keyboard_too_high


def test_work_surface_just_over_one_and_a_half_is_too_high(profile: MakeProfile) -> None:
    """Surface 65.1 → home row 68.1 = elbow + 1.6: +1 on back support and +1 on keyboard."""
    it = items_for(profile(), work_surface_height_cm=65.1, desk_height_cm=65.1)
    assert it.work_surface_too_high
    assert it.keyboard_too_high


def test_work_surface_uses_the_keyboard_offset(profile: MakeProfile) -> None:
    """Laptop K = 1.5: surface 66.5 → home row 68 = elbow + 1.5 (fine); 66.6 → too high."""
    p = profile(keyboard={"home_row_above_surface_cm": 1.5})
    assert not items_for(p, work_surface_height_cm=66.5, desk_height_cm=66.5).keyboard_too_high
    assert items_for(p, work_surface_height_cm=66.6, desk_height_cm=66.6).keyboard_too_high


def test_work_surface_too_high_follows_the_tray_when_one_is_used(profile: MakeProfile) -> None:
    """§4.4 words the item as "desk surface + K"; deskfit reads it as the surface the hands
    work on, the tray when one is used (a deliberate deviation, noted in rosa_items.py):
    a desk top above a tray does not shrug the shoulders, and counting it would make
    lowering the seat for a tray user *raise* the ROSA score after the advice.
    Tray at 63.5 → home row 66.5 = elbow (42.5 + 24): neither item. Tray at 67.5 → home
    row 70.5, 4 above the elbow: both.
    """
    p = profile(desk={"keyboard_tray": True, "keyboard_tray_height_cm": 63.5})
    fine = items_for(
        p, work_surface_height_cm=63.5, desk_height_cm=74.0, keyboard_tray_height_cm=63.5
    )
    assert not fine.keyboard_too_high
    assert not fine.work_surface_too_high
    high = items_for(
        p, work_surface_height_cm=67.5, desk_height_cm=74.0, keyboard_tray_height_cm=67.5
    )
    assert high.keyboard_too_high
    assert high.work_surface_too_high


# -- monitor: eye = seat + ESH = 42.5 + 75 = 117.5 -----------------------------------------


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (119.5, 1),  # 2.0 above the eye: not more than 2
        (119.6, 3),  # 2.1 above: too high (neck extension)
        (117.5, 1),  # at eye level
        (112.5, 1),  # eye − 5: the ideal
    ],
)
def test_monitor_too_high_boundary(profile: MakeProfile, top: float, expected: int) -> None:
    assert items_for(profile(), monitor_top_height_cm=top).monitor == expected


@pytest.mark.parametrize(
    ("degrees", "expected"),
    [
        (29.9, 1),
        (30.0, 1),  # exactly 30° is not *more than* 30° (to float precision)
        (30.1, 2),
        (45.0, 2),
    ],
)
def test_monitor_too_low_at_thirty_degrees(
    profile: MakeProfile, degrees: float, expected: int
) -> None:
    """Top edge below the horizontal from the eye: drop = distance · tan(angle), at 60 cm."""
    top = 117.5 - 60.0 * math.tan(math.radians(degrees))
    it = items_for(profile(), monitor_top_height_cm=top, viewing_distance_cm=60.0)
    assert it.monitor == expected


@pytest.mark.parametrize(("distance", "far"), [(75.0, False), (75.1, True), (40.0, False)])
def test_monitor_too_far(profile: MakeProfile, distance: float, far: bool) -> None:
    assert items_for(profile(), viewing_distance_cm=distance).monitor_too_far is far


def test_monitor_yes_no_items(profile: MakeProfile) -> None:
    p = profile(
        monitor={
            "directly_in_front": False,
            "glare": True,
            "reads_documents": True,
            "document_holder": False,
        }
    )
    it = items_for(p)
    assert it.neck_twist and it.glare and it.documents_no_holder
    with_holder = items_for(profile(monitor={"reads_documents": True, "document_holder": True}))
    assert not with_holder.documents_no_holder


# -- telephone -------------------------------------------------------------------------------


def test_phone_none(profile: MakeProfile) -> None:
    """No phone: neutral, nothing added even if the other answers were left "bad"; its
    duration is from 0 h a day → −1."""
    p = profile(
        phone={"use": "none", "within_reach": False, "neck_shoulder_hold": True, "hours_per_day": 6}
    )
    it = items_for(p)
    assert it.phone == 1
    assert not it.neck_shoulder_hold
    assert not it.no_hands_free
    assert it.phone_duration == -1


def test_phone_handset(profile: MakeProfile) -> None:
    """Handset: +1 no hands-free; beyond 30 cm → 2; held on the shoulder +2; 6 h a day → +1."""
    p = profile(
        phone={
            "use": "handset",
            "within_reach": False,
            "neck_shoulder_hold": True,
            "hours_per_day": 6,
        }
    )
    it = items_for(p)
    assert it.phone == 2
    assert it.no_hands_free
    assert it.neck_shoulder_hold
    assert it.phone_duration == 1


@pytest.mark.parametrize("use", ["headset", "speaker"])
def test_phone_hands_free(profile: MakeProfile, use: str) -> None:
    """Headset or speaker within reach: 1, no hands-free item; 2 h a day → duration 0."""
    it = items_for(profile(phone={"use": use, "within_reach": True, "hours_per_day": 2}))
    assert it.phone == 1
    assert not it.no_hands_free
    assert not it.neck_shoulder_hold
    assert it.phone_duration == 0


@pytest.mark.parametrize(("use", "phone"), [("headset", 1), ("speaker", 2)])
def test_a_phone_not_held_is_never_cradled(profile: MakeProfile, use: str, phone: int) -> None:
    """ROSA: "headset, or one hand on the phone … within 30 cm = 1". A headset goes with the
    head, so its base's reach does not count; a speaker phone far away is reached for (2).
    Neither can be held on the shoulder, whatever a profile still says from before."""
    p = profile(
        phone={"use": use, "within_reach": False, "neck_shoulder_hold": True, "hours_per_day": 2}
    )
    it = items_for(p)
    assert it.phone == phone
    assert not it.neck_shoulder_hold
    assert not it.no_hands_free


# -- platform not adjustable -------------------------------------------------------------


@pytest.mark.parametrize(
    ("desk", "expected"),
    [
        ({}, True),  # fixed desk, no tray
        ({"height_adjustable": True, "height_min_cm": 60.0, "height_max_cm": 120.0}, False),
        ({"keyboard_tray": True, "keyboard_tray_height_cm": 66.0}, True),  # fixed tray
        (
            {
                "keyboard_tray": True,
                "keyboard_tray_height_cm": 66.0,
                "keyboard_tray_adjustable": True,
            },
            False,
        ),
    ],
)
def test_platform_not_adjustable(
    profile: MakeProfile, desk: dict[str, Any], expected: bool
) -> None:
    assert items_for(profile(desk=desk)).platform_not_adjustable is expected


# -- armrests --------------------------------------------------------------------------------


def test_armrests_none(profile: MakeProfile) -> None:
    """No armrests: 2 (arms unsupported); "hard", "too wide" and "not adjustable" need
    armrests that exist."""
    p = profile(chair={"armrests": "none", "armrests_hard": True, "armrests_too_wide": True})
    for it in (items_for(p), after_plan(p)):
        assert it.armrests == 2
        assert not it.armrests_hard
        assert not it.armrests_too_wide
        assert not it.armrests_not_adjustable


def test_armrests_fixed(profile: MakeProfile) -> None:
    supported = items_for(profile(chair={"armrests": "fixed", "armrest_fit": "supported"}))
    assert supported.armrests == 1
    assert supported.armrests_not_adjustable
    high = profile(chair={"armrests": "fixed", "armrest_fit": "too_high", "armrests_hard": True})
    for it in (items_for(high), after_plan(high)):  # the plan cannot move fixed armrests
        assert it.armrests == 2
        assert it.armrests_not_adjustable
        assert it.armrests_hard


def test_armrests_adjustable(profile: MakeProfile) -> None:
    """Setting adjustable armrests to the elbows is advice, not a step of the plan (the
    profile records how they fit, not a height): after the plan they count as answered."""
    p = profile(
        chair={"armrests": "adjustable", "armrest_fit": "too_low", "armrests_too_wide": True}
    )
    before, after = items_for(p), after_plan(p)
    assert before.armrests == 2
    assert after.armrests == 2
    assert not before.armrests_not_adjustable
    assert before.armrests_too_wide and after.armrests_too_wide
    assert any(line.id == "armrest-height" for line in advise(p).lines)


# -- back support ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("recline", "expected"), [(94.9, 2), (95.0, 1), (100.0, 1), (110.0, 1), (110.1, 2)]
)
def test_backrest_recline_boundaries(profile: MakeProfile, recline: float, expected: int) -> None:
    p = profile(chair={"backrest_recline_deg": recline, "backrest_adjustable": False})
    assert items_for(p).back_support == expected


def test_back_support_without_backrest_or_lumbar(profile: MakeProfile) -> None:
    assert items_for(profile(chair={"backrest": False})).back_support == 2
    assert items_for(profile(chair={"lumbar_support": "none"})).back_support == 2
    assert items_for(profile(chair={"lumbar_in_small_of_back": False})).back_support == 2


def test_back_support_after_the_plan_is_as_answered(profile: MakeProfile) -> None:
    """Recline and lumbar position are advice, not plan steps: after the plan they count
    as answered, and the advice says what to do."""
    p = profile(
        chair={
            "backrest_recline_deg": 120.0,
            "backrest_adjustable": True,
            "lumbar_support": "adjustable",
            "lumbar_in_small_of_back": False,
        }
    )
    assert items_for(p).back_support == 2
    assert after_plan(p).back_support == 2
    ids = {line.id for line in advise(p).lines}
    assert {"backrest-recline", "lumbar-support"} <= ids


# -- durations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "stretch", "expected"),
    [(8.0, 90, 1), (4.0, 60, 0), (0.5, 20, -1), (5.0, 20, 1), (1.0, 10, 0)],
)
def test_work_durations(profile: MakeProfile, hours: float, stretch: int, expected: int) -> None:
    it = items_for(profile(habits={"hours_per_day": hours, "longest_stretch_min": stretch}))
    assert (
        it.chair_duration,
        it.monitor_duration,
        it.mouse_duration,
        it.keyboard_duration,
    ) == (expected,) * 4
