"""The plan's settings for one workstation (ergonomics.md §3, §3.1–§3.3), worked by hand.

Unless a test says otherwise the body is the base of conftest.py, all measured:
PH 40, S 2.5 (so PH + S = 42.5), ERH 24, ESH 75, BPL 48, TC 14; K = 3 (standard keyboard).
The chair adjusts 40–56 (at 45), the desk is a fixed 74 (3 cm thick), no footstool, the
screen stands on the desk with its top at 118, 65 cm away. Settings are rounded to 0.5 cm
(metric) or 1/4 in = 0.635 cm (imperial), §3 step 8.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.core.conftest import TRAY_UNDER_LOW_DESK

from deskfit.core.engine.advice import advise
from deskfit.core.engine.body import body_dimensions
from deskfit.core.engine.plan import Plan, make_plan
from deskfit.core.model.profile import Profile
from deskfit.core.model.validation import parse_profile

QUARTER_INCH = 0.635
MakeProfile = Callable[..., Profile]


def plan_of(p: Profile) -> Plan:
    return make_plan(p, body_dimensions(p.body))


def ends(plan: Plan) -> tuple[float, float, float, float, float]:
    """(seat, cushion, footstool, work surface, screen top) once the plan is done."""
    e = plan.end
    return (
        e.seat_height_cm,
        e.cushion_cm,
        e.footstool_height_cm,
        e.work_surface_height_cm,
        e.monitor_top_height_cm,
    )


def keys(plan: Plan) -> list[str]:
    return [s.key for s in plan.steps]


# -- §3 step 4: a fixed desk ---------------------------------------------------------------


def test_a_fixed_desk_forces_footstool(profile: MakeProfile) -> None:
    """Fixed 74: seat_needed = W + K − ERH = 74 + 3 − 24 = 53 > PH + S + 2.5 = 45
    → seat 53 (within 40–56), footstool F = 53 − 42.5 = 10.5; eye 53 + 75 = 128 → top 123.
    Thighs: 53 + 14 + 2 = 69 ≤ underside 74 − 3 = 71. Steps: seat 45 → 53, footstool
    none → 10.5 (bought), screen 118 → 123."""
    plan = plan_of(profile())
    assert ends(plan) == (53.0, 0.0, 10.5, 74.0, 123.0)
    assert keys(plan) == ["chair.seat_height_cm", "footstool.height_cm", "monitor.top_height_cm"]
    stool = plan.step("footstool.height_cm")
    assert stool is not None and (stool.from_cm, stool.to_cm, stool.buy) == (
        None,
        10.5,
        "footstool",
    )
    assert plan.findings.seat_from_elbows
    assert not plan.findings.home_row_high_cm


def test_b_chair_tops_out_a_cushion_closes_it(profile: MakeProfile) -> None:
    """Chair 40–50: seat_needed 53 is 3 above its top, more than the 1.5 the home row may
    sit above the elbows. A cushion up to 5 (§3.3): 3 → sitting 50 + 3 = 53, F = 10.5,
    top 53 + 75 − 5 = 123. Nothing left over."""
    plan = plan_of(profile(chair={"seat_height_max_cm": 50.0}))
    assert ends(plan) == (50.0, 3.0, 10.5, 74.0, 123.0)
    cushion = plan.step("chair.cushion_cm")
    assert cushion is not None and (cushion.to_cm, cushion.buy) == (3.0, "cushion")
    assert not plan.findings.home_row_high_cm


def test_b_chair_far_too_low_a_tray_leads(profile: MakeProfile) -> None:
    """Chair 40–46: seat_needed 53; even a 5 cm cushion leaves 53 − 51 = 2 > 1.5 → a
    keyboard tray leads (§3.3): seat for the legs, 42.5; tray at 42.5 + 24 − 3 = 63.5
    (below the desk top less 2.5 = 71.5); no footstool; top 42.5 + 75 − 5 = 112.5. The
    fallback without the tray: cushion 5 on a seat at 46, footstool 51 − 42.5 = 8.5."""
    plan = plan_of(profile(chair={"seat_height_max_cm": 46.0}))
    assert ends(plan) == (42.5, 0.0, 0.0, 63.5, 112.5)
    tray = plan.step("desk.keyboard_tray_height_cm")
    assert tray is not None and (tray.from_cm, tray.to_cm, tray.buy) == (
        None,
        63.5,
        "keyboard tray",
    )
    f = plan.findings
    assert (f.tray_route, f.tray_route_why) == ("buy", "chair")
    assert (f.fallback_seat_cm, f.fallback_cushion_cm, f.fallback_footstool_cm) == (46.0, 5.0, 8.5)


def test_tall_footstool_a_tray_leads(profile: MakeProfile) -> None:
    """ERH 18: seat_needed = 77 − 18 = 59, chair 40–60: F would be 59 − 42.5 = 16.5 > 15
    → the tray leads (§3.3): seat 42.5, tray 42.5 + 18 − 3 = 57.5, no footstool; top 112.5.
    Fallback: seat 59, a footrest reaching 16.5."""
    plan = plan_of(profile(body={"elbow_rest_height_cm": 18.0}, chair={"seat_height_max_cm": 60.0}))
    assert ends(plan) == (42.5, 0.0, 0.0, 57.5, 112.5)
    f = plan.findings
    assert (f.tray_route, f.tray_route_why) == ("buy", "footstool")
    assert (f.fallback_seat_cm, f.fallback_footstool_cm) == (59.0, 16.5)


def test_footstool_over_11_shows_the_tray_alternative(profile: MakeProfile) -> None:
    """ERH 21, TC 10: seat_needed = 77 − 21 = 56, F = 13.5 (11 < F ≤ 15): the footstool
    stays in the plan, and the alternative is worked out: a tray at 42.5 + 21 − 3 = 60.5
    with the seat at 42.5. (With TC 14 the thighs, 56 + 14 + 2 = 72 > 71, would bring the
    seat down 1.)"""
    plan = plan_of(profile(body={"elbow_rest_height_cm": 21.0, "thigh_clearance_cm": 10.0}))
    assert ends(plan)[2] == 13.5
    f = plan.findings
    assert (f.tall_footstool_tray_cm, f.tall_footstool_seat_cm) == (60.5, 42.5)


def test_within_band_sets_seat_there(profile: MakeProfile) -> None:
    """ERH 32.5: seat_needed = 77 − 32.5 = 44.5, 2 above PH + S (≤ 2.5) → seat 44.5;
    F = 2 < 2.5 → no footstool; top 44.5 + 75 − 5 = 114.5."""
    plan = plan_of(profile(body={"elbow_rest_height_cm": 32.5}))
    assert ends(plan) == (44.5, 0.0, 0.0, 74.0, 114.5)


@pytest.mark.parametrize("desk", [66.5, 67.0])
def test_desk_slightly_low_is_left(profile: MakeProfile, desk: float) -> None:
    """PH 45 (PH + S = 47.5), ERH 27: seat 47.5 for the legs; the home row is
    (47.5 + 27) − (desk + 3) = 5.0 / 4.5 below the elbow, not more than 5 → no risers.
    The screen's target is 47.5 + 75 − 5 = 117.5; at 118 it is within a step and stays."""
    plan = plan_of(
        profile(
            body={"popliteal_height_cm": 45.0, "elbow_rest_height_cm": 27.0},
            desk={"height_cm": desk},
        )
    )
    assert ends(plan) == (47.5, 0.0, 0.0, desk, 118.0)
    assert plan.step("desk.height_cm") is None


def test_desk_too_low_risers_carry_what_is_on_it(profile: MakeProfile) -> None:
    """PH 45, ERH 27, fixed desk 66: the home row is 74.5 − 69 = 5.5 below the elbow
    → risers of 5.5: desk 71.5 (§3 step 4). The screen on it goes 118 → 123.5; its target
    is eye 47.5 + 75 = 122.5 − 5 = 117.5, so the screen step starts at 123.5 (§3.1)."""
    plan = plan_of(
        profile(
            body={"popliteal_height_cm": 45.0, "elbow_rest_height_cm": 27.0},
            desk={"height_cm": 66.0},
        )
    )
    assert ends(plan) == (47.5, 0.0, 0.0, 71.5, 117.5)
    desk = plan.step("desk.height_cm")
    assert desk is not None and (desk.from_cm, desk.to_cm, desk.buy) == (66.0, 71.5, "desk risers")
    screen = plan.step("monitor.top_height_cm")
    assert screen is not None
    assert (screen.from_cm, screen.to_cm, screen.carried_cm) == (123.5, 117.5, 5.5)


def test_fixed_tray_rides_up_on_risers(profile: MakeProfile) -> None:
    """Fixed tray at 60 under a fixed 68 desk, PH 45 (47.5), ERH 27: the home row is
    74.5 − 63 = 11.5 below the elbow → risers of 11.5, desk 79.5, and the tray under it
    rises to 71.5 = 47.5 + 27 − 3 (the desk-too-low mix-up of a 70 cm desk is gone)."""
    plan = plan_of(profile(**TRAY_UNDER_LOW_DESK))
    desk = plan.step("desk.height_cm")
    tray = plan.step("desk.keyboard_tray_height_cm")
    assert desk is not None and (desk.to_cm, desk.buy) == (79.5, "desk risers")
    assert tray is not None and (tray.from_cm, tray.to_cm, tray.carried_cm) == (71.5, 71.5, 11.5)


# -- §3 step 3: an adjustable desk, and what stands on it (§3.1) ----------------------------

_ADJ_DESK = {"height_adjustable": True, "height_min_cm": 60.0, "height_max_cm": 125.0}


def test_adjustable_desk_follows_the_seat_and_carries_the_screen(profile: MakeProfile) -> None:
    """Desk 60–125 at 74: seat 42.5 (PH + S); desk 42.5 + 24 − 3 = 63.5 (down 10.5), the
    screen on it comes down to 118 − 10.5 = 107.5; its target is 42.5 + 75 − 5 = 112.5, so
    the screen step raises it 5 from 107.5, never 'lowers it' from 118."""
    plan = plan_of(profile(desk=_ADJ_DESK))
    assert ends(plan) == (42.5, 0.0, 0.0, 63.5, 112.5)
    screen = plan.step("monitor.top_height_cm")
    assert screen is not None
    assert (screen.from_cm, screen.to_cm, screen.carried_cm) == (107.5, 112.5, -10.5)
    assert screen.advice_id == "monitor-height"


def test_screen_on_its_own_stand_stays(profile: MakeProfile) -> None:
    """The same with the screen on its own stand: the desk move leaves it at 118."""
    plan = plan_of(profile(desk=_ADJ_DESK, monitor={"mount": "independent"}))
    screen = plan.step("monitor.top_height_cm")
    assert screen is not None and (screen.from_cm, screen.to_cm, screen.carried_cm) == (
        118.0,
        112.5,
        0.0,
    )


def test_screen_carried_exactly_where_it_belongs(profile: MakeProfile) -> None:
    """Screen top 123.5 on the desk: down 10.5 with the desk lands it at 113, within a
    step of 112.5, so it stays there; the step still says where it ends (for a tool that
    applies the plan key by key), pointing at the desk's line."""
    plan = plan_of(profile(desk=_ADJ_DESK, monitor={"top_height_cm": 123.5}))
    screen = plan.step("monitor.top_height_cm")
    assert screen is not None
    assert (screen.from_cm, screen.to_cm, screen.advice_id) == (113.0, 113.0, "desk-height")


def test_adjustable_desk_cannot_go_low_enough(profile: MakeProfile) -> None:
    """Desk 68–125: wanted 63.5 → the desk at its lowest, 68; seat_needed 68 + 3 − 24 = 47
    → seat 47, F 4.5, top 117."""
    plan = plan_of(profile(desk={**_ADJ_DESK, "height_min_cm": 68.0}))
    assert ends(plan) == (47.0, 0.0, 4.5, 68.0, 117.0)
    assert plan.findings.surface_at_lowest


def test_adjustable_desk_chair_forces_seat_up(profile: MakeProfile) -> None:
    """Chair 46–56 (at 50): seat 46; desk 46 + 21 = 67; F = 46 − 42.5 = 3.5; top 116."""
    plan = plan_of(
        profile(chair={"seat_height_cm": 50.0, "seat_height_min_cm": 46.0}, desk=_ADJ_DESK)
    )
    assert ends(plan) == (46.0, 0.0, 3.5, 67.0, 116.0)


def test_cushion_lifts_what_is_measured_from_the_seat(profile: MakeProfile) -> None:
    """Chair 35–40 (at 38), PH 45 (PH + S 47.5), desk 55–125: the chair tops out 7.5 short
    → a cushion, at most 5 (§3.3): sitting 40 + 5 = 45, 2.5 low (within the band). The desk
    follows the sitting height: 45 + 24 − 3 = 66, the eyes 45 + 75 → top 115."""
    plan = plan_of(
        profile(
            body={"popliteal_height_cm": 45.0},
            chair={"seat_height_min_cm": 35.0, "seat_height_max_cm": 40.0, "seat_height_cm": 38.0},
            desk={"height_adjustable": True, "height_min_cm": 55.0, "height_max_cm": 125.0},
        )
    )
    assert ends(plan) == (40.0, 5.0, 0.0, 66.0, 115.0)


# -- fixed chairs (§3 step 5) --------------------------------------------------------------


def test_fixed_chair_too_high(profile: MakeProfile) -> None:
    """Fixed chair at 50, ERH 27: seat_needed = 77 − 27 = 50 = the chair. F = 7.5, top 120."""
    plan = plan_of(
        profile(
            body={"elbow_rest_height_cm": 27.0},
            chair={"height_adjustable": False, "seat_height_cm": 50.0},
        )
    )
    assert ends(plan) == (50.0, 0.0, 7.5, 74.0, 120.0)


def test_fixed_chair_a_little_low_for_the_desk(profile: MakeProfile) -> None:
    """Fixed chair at 50, ERH 24: seat_needed 53, 3 above the chair → a 3 cm cushion,
    sitting 53, F 10.5, top 123."""
    plan = plan_of(profile(chair={"height_adjustable": False, "seat_height_cm": 50.0}))
    assert ends(plan) == (50.0, 3.0, 10.5, 74.0, 123.0)


def test_fixed_chair_too_low_for_the_legs(profile: MakeProfile) -> None:
    """Fixed chair at 40, PH 45 (47.5), ERH 29.5: seat_needed = 77 − 29.5 = 47.5. The chair
    is 7.5 low: a cushion of at most 5 → sitting 45 (2.5 low: in the legs' band). The home
    row would stay 77 − (45 + 29.5) = 2.5 above the elbows, beyond the 1.5 it may: the chair
    runs out, and a tray leads (§3.3) at 45 + 29.5 − 3 = 71.5, just fitting under the 74 top
    (74 − 2.5). Top 45 + 75 − 5 = 115."""
    plan = plan_of(
        profile(
            body={"popliteal_height_cm": 45.0, "elbow_rest_height_cm": 29.5},
            chair={"height_adjustable": False, "seat_height_cm": 40.0},
        )
    )
    assert ends(plan) == (40.0, 5.0, 0.0, 71.5, 115.0)
    assert (plan.findings.tray_route, plan.findings.tray_route_why) == ("buy", "chair")
    assert not plan.findings.home_row_high_cm


def test_cushion_too_thick_comes_off(profile: MakeProfile) -> None:
    """Chair 40–56 at 45 with a 6 cm cushion, desk 60–125: the legs want 42.5; the chair
    at its lowest with the cushion gives 46, 3.5 high → the cushion comes off (to 0, the
    step says so), seat 42.5, desk 63.5."""
    plan = plan_of(profile(chair={"cushion_cm": 6.0}, desk=_ADJ_DESK))
    assert ends(plan)[:2] == (42.5, 0.0)
    cushion = plan.step("chair.cushion_cm")
    assert cushion is not None and (cushion.from_cm, cushion.to_cm, cushion.buy) == (6.0, 0.0, None)


# -- room for the thighs (§3.2) ----------------------------------------------------------


def test_thighs_lower_the_seat_within_the_band_at_a_fixed_desk(profile: MakeProfile) -> None:
    """TC 18 at the fixed 74 desk: seat 53 would put the thighs at 53 + 18 + 2 = 73 > 71.
    The seat may come down 1.5 (home row 1.5 above the elbows): 51.5, F 9, top 121.5;
    still 73 − 1.5 − 71 = 0.5 short, which is reported."""
    plan = plan_of(profile(body={"thigh_clearance_cm": 18.0}))
    assert ends(plan) == (51.5, 0.0, 9.0, 74.0, 121.5)
    f = plan.findings
    assert f.thigh_room_made_cm == pytest.approx(1.5)
    assert f.thighs_short_cm == pytest.approx(0.5)


def test_thighs_raise_an_adjustable_desk_within_the_band(profile: MakeProfile) -> None:
    """TC 19, desk 60–125: desk 63.5 for the elbows; the thighs need 42.5 + 19 + 2 + 3 =
    66.5 → the desk goes to 63.5 + 1.5 = 65 (the home row's limit), 1.5 short."""
    plan = plan_of(profile(body={"thigh_clearance_cm": 19.0}, desk=_ADJ_DESK))
    assert ends(plan)[3] == 65.0
    assert plan.findings.thighs_short_cm == pytest.approx(1.5)


def test_thighs_with_a_thin_top_fit(profile: MakeProfile) -> None:
    """The same with a 1 cm top: 42.5 + 19 + 2 + 1 = 64.5 → desk 64.5, nothing short."""
    plan = plan_of(
        profile(body={"thigh_clearance_cm": 19.0}, desk={**_ADJ_DESK, "thickness_cm": 1.0})
    )
    assert ends(plan)[3] == 64.5
    assert plan.findings.thighs_short_cm == 0.0


# -- the footstool one owns (§3 step 6) ----------------------------------------------------


@pytest.mark.parametrize(
    ("stool", "to", "short"),
    [
        ({"height_cm": 6.0, "height_min_cm": 4.0, "height_max_cm": 8.0}, 8.0, 2.5),
        ({"height_cm": 14.0, "height_min_cm": 12.0, "height_max_cm": 20.0}, 12.0, -1.5),
        ({"height_cm": 6.0, "height_min_cm": 4.0, "height_max_cm": 15.0}, 10.5, 0.0),
    ],
)
def test_owned_adjustable_footstool(
    profile: MakeProfile, stool: dict[str, Any], to: float, short: float
) -> None:
    """F = 10.5: an owned adjustable stool is set to F within its range, and what it cannot
    reach is reported (+ short, − too high)."""
    plan = plan_of(profile(footstool={"owned": True, "adjustable": True, **stool}))
    step = plan.step("footstool.height_cm")
    assert step is not None and (step.to_cm, step.buy) == (to, None)
    assert plan.findings.footstool_short_cm == pytest.approx(short)


@pytest.mark.parametrize(
    ("height", "to", "buy"),
    [
        (8.0, 10.5, "footstool"),  # 2.5 off: get one of 10.5
        (8.5, 8.5, None),  # 2.0 off: fine, used as it is
        (12.5, 12.5, None),
        (13.0, 10.5, "footstool"),
    ],
)
def test_owned_fixed_footstool(
    profile: MakeProfile, height: float, to: float, buy: str | None
) -> None:
    """F = 10.5, an owned fixed footstool in use: fine within ±2, else replaced."""
    plan = plan_of(profile(footstool={"owned": True, "adjustable": False, "height_cm": height}))
    step = plan.step("footstool.height_cm")
    if to == height:
        assert step is None
        assert plan.end.footstool_height_cm == height
    else:
        assert step is not None and (step.from_cm, step.to_cm, step.buy) == (height, to, buy)


def test_footstool_not_needed_is_put_aside(profile: MakeProfile) -> None:
    """Desk 60–125, a 10 cm footstool in use: feet reach the floor at 42.5 → step to 0."""
    plan = plan_of(
        profile(desk=_ADJ_DESK, footstool={"owned": True, "adjustable": False, "height_cm": 10.0})
    )
    step = plan.step("footstool.height_cm")
    assert step is not None and (step.from_cm, step.to_cm, step.advice_id) == (
        10.0,
        0.0,
        "footstool-not-needed",
    )


# -- sit-stand ----------------------------------------------------------------------------

_SIT_STAND = {**_ADJ_DESK, "height_min_cm": 62.0, "sit_stand": True}


def test_sit_stand(profile: MakeProfile) -> None:
    """Male 180: elbow standing 0.6898·180 − 10.59 = 113.574; standing surface
    113.574 + 2.5 − 3 = 113.074 → 113.0; within the desk's range, nothing short."""
    plan = plan_of(profile(body={"stature_cm": 180.0}, desk=_SIT_STAND))
    assert plan.end.standing_work_surface_height_cm == 113.0
    assert plan.findings.standing_short_cm == 0.0


def test_sit_stand_stops_short(profile: MakeProfile) -> None:
    """Desk 62–105: 113.074 → 105, 8.074 short (beyond the −5 band: converter or frame)."""
    plan = plan_of(profile(body={"stature_cm": 180.0}, desk={**_SIT_STAND, "height_max_cm": 105.0}))
    assert plan.end.standing_work_surface_height_cm == 105.0
    assert plan.findings.standing_short_cm == pytest.approx(8.074, abs=1e-3)


# -- §3 step 8: rounding ---------------------------------------------------------------------


def test_rounding_metric(profile: MakeProfile) -> None:
    """PH 40.3 → PH + S = 42.8 → seat 43.0; desk 43 + 24 − 3 = 64.0; top 43 + 75 − 5 = 113."""
    plan = plan_of(profile(body={"popliteal_height_cm": 40.3}, desk=_ADJ_DESK))
    assert ends(plan) == (43.0, 0.0, 0.0, 64.0, 113.0)


def test_rounding_imperial(profile: MakeProfile) -> None:
    """Imperial: seat 42.8/0.635 = 67.40 → 67 q = 42.545; the desk follows the seat as set:
    42.545 + 21 = 63.545 → 100.07 → 100 q = 63.5; top 42.545 + 70 = 112.545 → 177.24 →
    177 q = 112.395; the distance, 65, is within 50–75 and stays as it is."""
    plan = plan_of(profile(units="imperial", body={"popliteal_height_cm": 40.3}, desk=_ADJ_DESK))
    seat, _, _, surface, top = ends(plan)
    assert seat == pytest.approx(67 * QUARTER_INCH)
    assert surface == pytest.approx(100 * QUARTER_INCH)
    assert top == pytest.approx(177 * QUARTER_INCH)
    assert plan.end.viewing_distance_cm == 65.0


def test_rounding_footstool_half_cm_metric(profile: MakeProfile) -> None:
    """ERH 31.25: seat_needed = 45.75 → 46.0 (half up); F = 46 − 42.5 = 3.5."""
    plan = plan_of(profile(body={"elbow_rest_height_cm": 31.25}))
    assert (plan.end.seat_height_cm, plan.end.footstool_height_cm) == (46.0, 3.5)


def test_rounding_stays_inside_the_chair_range_imperial(profile: MakeProfile) -> None:
    """Chair 42–55, PH 55 → the seat at the chair's top; 87 q = 55.245 would be above it:
    the setting is 86 q = 54.61 or the top itself."""
    plan = plan_of(
        profile(
            units="imperial",
            body={"popliteal_height_cm": 55.0},
            chair={"seat_height_min_cm": 42.0, "seat_height_max_cm": 55.0, "seat_height_cm": 50.0},
        )
    )
    assert plan.end.seat_height_cm <= 55.0


def test_a_setting_within_a_step_stays(profile: MakeProfile) -> None:
    """Seat at 42.7 with PH + S 42.5: within a rounding step of the ideal, it is not moved."""
    plan = plan_of(profile(chair={"seat_height_cm": 42.7}, desk=_ADJ_DESK))
    assert plan.step("chair.seat_height_cm") is None
    assert plan.end.seat_height_cm == 42.7


# -- shape over the whole input space ---------------------------------------------------------


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=st.data())
def test_settings_stay_in_the_furniture_ranges(profile_docs: Any, data: st.DataObject) -> None:
    p = parse_profile(data.draw(profile_docs))
    e = plan_of(p).end
    chair, desk = p.chair, p.desk
    if chair.height_adjustable:
        assert chair.seat_height_min_cm is not None and chair.seat_height_max_cm is not None
        assert chair.seat_height_min_cm <= e.seat_height_cm <= chair.seat_height_max_cm
    else:
        assert e.seat_height_cm == chair.seat_height_cm
    assert 0 <= e.cushion_cm <= max(5.08, chair.cushion_cm)  # 5 cm, or 2 in
    if desk.height_adjustable:
        assert desk.height_min_cm is not None and desk.height_max_cm is not None
        assert desk.height_min_cm <= e.desk_height_cm <= desk.height_max_cm
    if e.keyboard_tray_height_cm is not None:
        assert 40.0 <= e.keyboard_tray_height_cm < e.desk_height_cm
    assert 0.0 <= e.footstool_height_cm <= 40.0
    assert 40.0 <= e.monitor_top_height_cm <= 250.0


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=st.data())
def test_footstool_zero_when_feet_reach(profile_docs: Any, data: st.DataObject) -> None:
    p = parse_profile(data.draw(profile_docs))
    plan = plan_of(p)
    gap = plan.end.sitting_height_cm - plan.findings.rest_cm
    if gap < 2.5 - 1e-6:
        assert plan.end.footstool_height_cm == 0
        assert plan.findings.footstool_cm == 0


@settings(max_examples=100, deadline=None, derandomize=True)
@given(data=st.data())
def test_advise_never_raises(profile_docs: Any, data: st.DataObject) -> None:
    advice = advise(parse_profile(data.draw(profile_docs)))
    assert advice.plan.end is advice.settings
