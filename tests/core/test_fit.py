"""Targets (ergonomics.md §2) and this workstation's settings (§3), worked by hand.

Unless a test says otherwise the body is the base of conftest.py, all measured:
PH 40, S 2.5 (so PH + S = 42.5), ERH 24, ESH 75, BPL 48; K = 3 (standard keyboard).
The chair adjusts 40–56, the desk is a fixed 74, no footstool, monitor 118 at 65 cm.
Settings are rounded to 0.5 cm (metric) or 1/4 in = 0.635 cm (imperial), §3 step 8.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskfit.core.advice import advise
from deskfit.core.body import body_dimensions
from deskfit.core.fit import Band, Fit, Limits, fit, targets_for
from deskfit.core.profile import Profile
from deskfit.core.validation import parse_profile

QUARTER_INCH = 0.635
NO_LIMITS = Limits()

MakeProfile = Callable[..., Profile]


def quarter_inches(cm: float) -> float:
    """cm rounded to a whole number of 1/4 in, expressed in cm (half away from zero)."""
    q = cm / QUARTER_INCH
    return int(q + 0.5) * QUARTER_INCH


def settings_of(f: Fit) -> tuple[float, float, float, float]:
    r = f.recommended
    return (
        r.seat_height_cm,
        r.footstool_height_cm,
        r.work_surface_height_cm,
        r.monitor_top_height_cm,
    )


# -- §2 targets, each formula checked once by hand ----------------------------------------


def test_targets_measured_body(profile: MakeProfile) -> None:
    """Measured PH 40, S 2.5, ERH 24, ESH 75, BPL 48, K 3:
    seat = PH + S = 42.5, band ± 2.5 → 40 … 45;
    home row = seat + ERH = 66.5, band −5 … +1.5 → 61.5 … 68;
    work surface = home row − K = 63.5 → 58.5 … 65;
    monitor top = eye − 5, eye = 42.5 + 75 = 117.5 → 112.5, band eye − 10 … eye = 107.5 … 117.5;
    viewing distance 60 (50 … 75); seat depth = BPL − 7.5 = 40.5, clearance 5 … 10 → 38 … 43;
    lumbar 20 (15 … 25); recline 100 (95 … 110); standing surface None (not sit-stand).
    """
    p = profile()
    t = targets_for(p, body_dimensions(p.body))
    assert t["seat_height_cm"] == Band(42.5, 40.0, 45.0)
    assert t["keyboard_home_row_height_cm"] == Band(66.5, 61.5, 68.0)
    assert t["work_surface_height_cm"] == Band(63.5, 58.5, 65.0)
    assert t["monitor_top_height_cm"] == Band(112.5, 107.5, 117.5)
    assert t["viewing_distance_cm"] == Band(60.0, 50.0, 75.0)
    assert t["seat_depth_cm"] == Band(40.5, 38.0, 43.0)
    assert t["lumbar_support_height_cm"] == Band(20.0, 15.0, 25.0)
    assert t["backrest_recline_deg"] == Band(100.0, 95.0, 110.0)
    assert t["standing_work_surface_height_cm"] is None


def test_targets_estimated_female_165_sit_stand(profile: MakeProfile) -> None:
    """Female 165 cm, nothing measured, S 2.5, K 3, sit-stand desk (§1 fits):
    PH  = 0.2962·165 − 9.41 = 48.873 − 9.41 = 39.463 → seat 41.963
    ERH = 0.0471·165 + 15.57 = 7.7715 + 15.57 = 23.3415 → home row 65.3045, surface 62.3045
    ESH = 0.3479·165 + 18.11 = 57.4035 + 18.11 = 75.5135 → eye 117.4765, monitor 112.4765
    BPL = 0.3267·165 − 4.70 = 53.9055 − 4.70 = 49.2055 → seat depth 41.7055
    elbow standing = 0.6673·165 − 6.28 = 110.1045 − 6.28 = 103.8245
      → standing surface = 103.8245 + 2.5 − 3 = 103.3245, band 98.3245 … 104.8245.
    """
    p = profile(
        body={
            "stature_cm": 165.0,
            "sex": "female",
            "popliteal_height_cm": None,
            "elbow_rest_height_cm": None,
            "eye_height_sitting_cm": None,
            "buttock_popliteal_length_cm": None,
        },
        desk={
            "height_adjustable": True,
            "height_min_cm": 62.0,
            "height_max_cm": 125.0,
            "sit_stand": True,
        },
    )
    t = targets_for(p, body_dimensions(p.body))
    approx = pytest.approx
    assert t["seat_height_cm"] is not None
    assert t["seat_height_cm"].value == approx(41.963)
    assert t["keyboard_home_row_height_cm"] is not None
    assert t["keyboard_home_row_height_cm"].value == approx(65.3045)
    assert t["work_surface_height_cm"] is not None
    assert t["work_surface_height_cm"].value == approx(62.3045)
    assert t["work_surface_height_cm"].low == approx(57.3045)
    assert t["work_surface_height_cm"].high == approx(63.8045)
    assert t["monitor_top_height_cm"] is not None
    assert t["monitor_top_height_cm"].value == approx(112.4765)
    assert t["seat_depth_cm"] is not None
    assert t["seat_depth_cm"].value == approx(41.7055)
    stand = t["standing_work_surface_height_cm"]
    assert stand is not None
    assert (stand.value, stand.low, stand.high) == (
        approx(103.3245),
        approx(98.3245),
        approx(104.8245),
    )


def test_targets_progressive_monitor_band(profile: MakeProfile) -> None:
    """Progressive lenses: eye = 42.5 + 75 = 117.5 → top 117.5 − 10 = 107.5, band 102.5 … 112.5."""
    p = profile(body={"lenses": "progressive"})
    t = targets_for(p, body_dimensions(p.body))
    assert t["monitor_top_height_cm"] == Band(107.5, 102.5, 112.5)


def test_targets_laptop_keyboard_offset(profile: MakeProfile) -> None:
    """K = 1.5 (laptop): work surface = 42.5 + 24 − 1.5 = 65.0, band 60.0 … 66.5."""
    p = profile(keyboard={"home_row_above_surface_cm": 1.5})
    t = targets_for(p, body_dimensions(p.body))
    assert t["work_surface_height_cm"] == Band(65.0, 60.0, 66.5)


# -- §3 settings, worked by hand ----------------------------------------------------------


def test_a_fixed_desk_forces_footstool(profile: MakeProfile) -> None:
    """Fixed 74 desk, chair 40–56: seat_needed = W + K − ERH = 74 + 3 − 24 = 53.
    53 > PH + S + 2.5 = 45 → raise the seat to 53 (within 40–56).
    F = seat − (PH + S) = 53 − 42.5 = 10.5. Desk stays 74. Monitor: eye = 53 + 75 = 128
    → top 128 − 5 = 123. Nothing out of range: no limits.
    """
    f = fit(profile())
    assert settings_of(f) == (53.0, 10.5, 74.0, 123.0)
    assert f.recommended.desk_height_cm == 74.0
    assert f.recommended.keyboard_tray_height_cm is None
    assert f.footstool_needed_cm == 10.5
    assert f.recommended.cushion_cm == 0.0
    assert f.limits == NO_LIMITS


def test_b_chair_tops_out_too_low(profile: MakeProfile) -> None:
    """Chair 40–50 at the 74 desk: seat_needed 53 is above the chair's top → seat 50.
    Home row stays 53 − 50 = 3 above the elbow: limits.home_row_too_high_cm = 3.
    F = 50 − 42.5 = 7.5. Monitor: 50 + 75 − 5 = 120.
    """
    f = fit(profile(chair={"seat_height_max_cm": 50.0}))
    assert settings_of(f) == (50.0, 7.5, 74.0, 120.0)
    assert f.limits == Limits(home_row_too_high_cm=3.0)


def test_c_adjustable_desk(profile: MakeProfile) -> None:
    """Desk 60–125 (now 74): seat0 = PH + S = 42.5 (within 40–56).
    Desk = seat0 + ERH − K = 42.5 + 24 − 3 = 63.5. seat_needed = 63.5 + 3 − 24 = 42.5 → seat
    42.5, F = 0. Monitor 42.5 + 75 − 5 = 112.5. No limits.
    """
    f = fit(
        profile(desk={"height_adjustable": True, "height_min_cm": 60.0, "height_max_cm": 125.0})
    )
    assert settings_of(f) == (42.5, 0.0, 63.5, 112.5)
    assert f.recommended.desk_height_cm == 63.5
    assert f.footstool_needed_cm == 0.0
    assert f.limits == NO_LIMITS


def test_c_adjustable_desk_cannot_go_low_enough(profile: MakeProfile) -> None:
    """Desk 68–125: wanted 63.5 → desk at its lowest 68, 4.5 above the ideal
    (limits.surface_cannot_lower_cm = 4.5). Step 4 with W = 68: seat_needed = 68 + 3 − 24 = 47
    > 45 → seat 47, F = 47 − 42.5 = 4.5. Monitor 47 + 75 − 5 = 117.
    """
    f = fit(
        profile(desk={"height_adjustable": True, "height_min_cm": 68.0, "height_max_cm": 125.0})
    )
    assert settings_of(f) == (47.0, 4.5, 68.0, 117.0)
    assert f.limits == Limits(surface_cannot_lower_cm=4.5)


def test_c_adjustable_desk_chair_forces_seat_up(profile: MakeProfile) -> None:
    """Chair 46–56 (now 50), desk 60–125: seat0 = clamp(42.5, 46, 56) = 46.
    Desk = 46 + 24 − 3 = 67. seat 46; the chair forced it up, so F = 46 − 42.5 = 3.5.
    Monitor 46 + 75 − 5 = 116. No limits.
    """
    f = fit(
        profile(
            chair={"seat_height_cm": 50.0, "seat_height_min_cm": 46.0},
            desk={"height_adjustable": True, "height_min_cm": 60.0, "height_max_cm": 125.0},
        )
    )
    assert settings_of(f) == (46.0, 3.5, 67.0, 116.0)
    assert f.limits == NO_LIMITS


def test_d_desk_too_low(profile: MakeProfile) -> None:
    """PH 45 → PH + S = 47.5; ERH 27; fixed desk 66:
    seat_needed = 66 + 3 − 27 = 42 < 47.5 − 2.5 = 45 → keep the seat at seat0 = 47.5.
    Home row below the elbow: (47.5 + 27) − (66 + 3) = 74.5 − 69 = 5.5 > 5
    → limits.home_row_too_low_cm = 5.5. F = 0. Monitor 47.5 + 75 − 5 = 117.5.
    """
    f = fit(
        profile(
            body={"popliteal_height_cm": 45.0, "elbow_rest_height_cm": 27.0},
            desk={"height_cm": 66.0},
        )
    )
    assert settings_of(f) == (47.5, 0.0, 66.0, 117.5)
    assert f.limits == Limits(home_row_too_low_cm=5.5)


@pytest.mark.parametrize(
    ("desk", "below"),
    [
        (66.5, 5.0),  # 74.5 − 69.5 = 5.0: not more than 5 → no risers advised
        (67.0, 4.5),  # 74.5 − 70 = 4.5
    ],
)
def test_d_desk_slightly_low_no_limit(profile: MakeProfile, desk: float, below: float) -> None:
    """Same body, desk 66.5 or 67: seat_needed 42.5 / 43 < 45 → seat stays 47.5; the home row
    is 5.0 / 4.5 below the elbow, not more than 5 → no home_row_too_low.
    """
    f = fit(
        profile(
            body={"popliteal_height_cm": 45.0, "elbow_rest_height_cm": 27.0},
            desk={"height_cm": desk},
        )
    )
    assert settings_of(f) == (47.5, 0.0, desk, 117.5)
    assert (47.5 + 27) - (desk + 3) == pytest.approx(below)
    assert f.limits == NO_LIMITS


def test_seat_needed_within_band_sets_seat_there(profile: MakeProfile) -> None:
    """ERH 32.5, desk 74: seat_needed = 74 + 3 − 32.5 = 44.5, 2.0 above PH + S (≤ 2.5)
    → set the seat there: 44.5. F = 44.5 − 42.5 = 2.0 < 2.5 → no footstool.
    Monitor 44.5 + 75 − 5 = 114.5. No limits.
    """
    f = fit(profile(body={"elbow_rest_height_cm": 32.5}))
    assert settings_of(f) == (44.5, 0.0, 74.0, 114.5)
    assert f.limits == NO_LIMITS


def test_e_fixed_chair_too_high(profile: MakeProfile) -> None:
    """Fixed chair at 50, ERH 27, desk 74: seat_needed = 74 + 3 − 27 = 50 = the chair.
    The seat is what it is: F = 50 − 42.5 = 7.5. Monitor 50 + 75 − 5 = 120. No limits.
    """
    f = fit(
        profile(
            body={"elbow_rest_height_cm": 27.0},
            chair={"height_adjustable": False, "seat_height_cm": 50.0},
        )
    )
    assert settings_of(f) == (50.0, 7.5, 74.0, 120.0)
    assert f.footstool_needed_cm == 7.5
    assert f.limits == NO_LIMITS


def test_e_fixed_chair_too_high_for_legs_too_low_for_desk(profile: MakeProfile) -> None:
    """Fixed chair at 50, ERH 24: seat_needed 53 > 50 → home row 3 too high; F = 7.5."""
    f = fit(profile(chair={"height_adjustable": False, "seat_height_cm": 50.0}))
    assert settings_of(f) == (50.0, 7.5, 74.0, 120.0)
    assert f.limits == Limits(home_row_too_high_cm=3.0)


def _fixed_chair_too_low(profile: MakeProfile) -> Fit:
    return fit(
        profile(
            body={"popliteal_height_cm": 45.0, "elbow_rest_height_cm": 29.5},
            chair={"height_adjustable": False, "seat_height_cm": 40.0},
        )
    )


def test_e_fixed_chair_too_low_cushion(profile: MakeProfile) -> None:
    """Fixed chair at 40; PH 45 → PH + S = 47.5; ERH 29.5, desk 74:
    seat_needed = 74 + 3 − 29.5 = 47.5 (what the legs want too). The chair is 7.5 too low
    (> 2.5): a firm cushion of 47.5 − 40 = 7.5; sitting height 40 + 7.5 = 47.5; F = 0.
    Monitor: eye = 47.5 + 75 = 122.5 → 117.5. limits.seat_too_low_cm = 7.5.
    """
    f = _fixed_chair_too_low(profile)
    assert settings_of(f) == (47.5, 0.0, 74.0, 117.5)
    assert f.recommended.cushion_cm == 7.5
    assert f.limits.seat_too_low_cm == 7.5
    assert f.footstool_needed_cm == 0.0


def test_e_cushion_leaves_no_home_row_too_high(profile: MakeProfile) -> None:
    """Same case: with the 7.5 cushion the seat is 47.5 = seat_needed, so the home row is
    exactly at elbow height (74 + 3 = 77 = 47.5 + 29.5). §3 step 4 says to report how much
    the home row *stays* too high: 0 here. Advising "your chair cannot rise high enough for
    this desk" next to the cushion that fixes it contradicts the cushion line.
    """
    f = _fixed_chair_too_low(profile)
    home_row = f.recommended.work_surface_height_cm + 3
    elbow = f.recommended.seat_height_cm + 29.5
    assert home_row - elbow == 0
    assert f.limits.home_row_too_high_cm == 0.0


def test_e_cushion_with_adjustable_desk_keeps_home_row_in_band(profile: MakeProfile) -> None:
    """Chair 35–40 (now 38), PH 45 → PH + S = 47.5, ERH 24, desk 55–125.
    seat0 = clamp(47.5, 35, 40) = 40; desk = seat0 + ERH − K = 40 + 24 − 3 = 61 (step 3).
    Step 5: 40 is 7.5 too low → a 7.5 cushion, sitting at 47.5. The elbow is then at
    47.5 + 24 = 71.5 while the home row is 61 + 3 = 64: 7.5 below the elbow, outside the
    band (−5 … +1.5), though the desk could go to 47.5 + 24 − 3 = 68.5. The desk must be set
    for the seat as it will be sat on (with the cushion), or the mismatch reported.
    """
    f = fit(
        profile(
            body={"popliteal_height_cm": 45.0},
            chair={"seat_height_min_cm": 35.0, "seat_height_max_cm": 40.0, "seat_height_cm": 38.0},
            desk={"height_adjustable": True, "height_min_cm": 55.0, "height_max_cm": 125.0},
        )
    )
    r = f.recommended
    assert (r.seat_height_cm, r.cushion_cm, r.footstool_height_cm) == (47.5, 7.5, 0.0)
    below = (r.seat_height_cm + 24) - (r.work_surface_height_cm + 3)
    assert below <= 5.0 or f.limits.home_row_too_low_cm == pytest.approx(below), (
        f"desk {r.work_surface_height_cm}: home row {below} below the elbow"
    )


def test_f_progressive_lenses(profile: MakeProfile) -> None:
    """Case (a) with progressive lenses: seat 53, eye 128 → top 128 − 10 = 118."""
    f = fit(profile(body={"lenses": "progressive"}))
    assert settings_of(f) == (53.0, 10.5, 74.0, 118.0)
    assert f.limits == NO_LIMITS


def test_f_single_vision_is_not_lowered(profile: MakeProfile) -> None:
    """Single-vision glasses: the ordinary rule, eye − 5 = 123."""
    f = fit(profile(body={"lenses": "single_vision"}))
    assert f.recommended.monitor_top_height_cm == 123.0


_SIT_STAND = {"height_adjustable": True, "height_min_cm": 62.0, "height_max_cm": 125.0}


def test_g_sit_stand(profile: MakeProfile) -> None:
    """Male 180, sit-stand desk 62–125. Elbow standing (estimated, §1):
    0.6898·180 − 10.59 = 124.164 − 10.59 = 113.574; standing surface = 113.574 + 2.5 − 3
    = 113.074 → 113.0 (0.5 cm). Sitting: desk 42.5 + 24 − 3 = 63.5, seat 42.5, F 0,
    monitor 112.5. No limits.
    """
    f = fit(profile(body={"stature_cm": 180.0}, desk={**_SIT_STAND, "sit_stand": True}))
    assert settings_of(f) == (42.5, 0.0, 63.5, 112.5)
    assert f.recommended.standing_work_surface_height_cm == 113.0
    stand = f.targets["standing_work_surface_height_cm"]
    assert stand is not None
    assert stand.value == pytest.approx(113.074)
    assert f.limits == NO_LIMITS


def test_g_sit_stand_clamped_high(profile: MakeProfile) -> None:
    """Desk 62–105: standing 113.074 → clamped to 105; 8.074 short → limit 8.1 (0.1 cm)."""
    f = fit(
        profile(
            body={"stature_cm": 180.0},
            desk={**_SIT_STAND, "height_max_cm": 105.0, "sit_stand": True},
        )
    )
    assert settings_of(f) == (42.5, 0.0, 63.5, 112.5)
    assert f.recommended.standing_work_surface_height_cm == 105.0
    assert f.limits == Limits(standing_surface_out_of_range_cm=8.1)


def test_g_sit_stand_clamped_low(profile: MakeProfile) -> None:
    """Female 100 cm: elbow standing 0.6673·100 − 6.28 = 60.45; standing 60.45 + 2.5 − 3
    = 59.95 < desk min 62 → 62, 2.05 over (negative limit ≈ −2.05). Sitting as before.
    """
    f = fit(
        profile(
            body={"stature_cm": 100.0, "sex": "female"},
            desk={**_SIT_STAND, "sit_stand": True},
        )
    )
    assert settings_of(f) == (42.5, 0.0, 63.5, 112.5)
    assert f.recommended.standing_work_surface_height_cm == 62.0
    assert f.limits.standing_surface_out_of_range_cm == pytest.approx(-2.05, abs=0.051)


def test_h_adjustable_keyboard_tray(profile: MakeProfile) -> None:
    """Fixed desk 74 with an adjustable tray at 66: W = the tray.
    Tray = seat0 + ERH − K = 42.5 + 24 − 3 = 63.5; seat 42.5; F 0; desk stays 74.
    Monitor 112.5. No limits.
    """
    f = fit(
        profile(
            desk={
                "keyboard_tray": True,
                "keyboard_tray_height_cm": 66.0,
                "keyboard_tray_adjustable": True,
            }
        )
    )
    assert settings_of(f) == (42.5, 0.0, 63.5, 112.5)
    assert f.recommended.keyboard_tray_height_cm == 63.5
    assert f.recommended.desk_height_cm == 74.0
    assert f.limits == NO_LIMITS


def test_h_fixed_keyboard_tray(profile: MakeProfile) -> None:
    """Fixed tray at 68 under a 74 desk: seat_needed = 68 + 3 − 24 = 47 > 45 → seat 47,
    F = 47 − 42.5 = 4.5; tray stays 68, desk 74. Monitor 47 + 75 − 5 = 117. No limits.
    """
    f = fit(
        profile(
            desk={
                "keyboard_tray": True,
                "keyboard_tray_height_cm": 68.0,
                "keyboard_tray_adjustable": False,
            }
        )
    )
    assert settings_of(f) == (47.0, 4.5, 68.0, 117.0)
    assert f.recommended.keyboard_tray_height_cm == 68.0
    assert f.recommended.desk_height_cm == 74.0
    assert f.limits == NO_LIMITS


@pytest.mark.parametrize(
    ("stool", "limits"),
    [
        # F = 10.5 (case a); stool 4–8: 10.5 − 8 = 2.5 short
        (
            {"height_cm": 6.0, "height_min_cm": 4.0, "height_max_cm": 8.0},
            Limits(footstool_beyond_range_cm=2.5),
        ),
        # stool 12–20: reaches no lower than 12 → 10.5 − 12 = −1.5 (over)
        (
            {"height_cm": 14.0, "height_min_cm": 12.0, "height_max_cm": 20.0},
            Limits(footstool_beyond_range_cm=-1.5),
        ),
        # stool 4–15 covers 10.5
        ({"height_cm": 6.0, "height_min_cm": 4.0, "height_max_cm": 15.0}, NO_LIMITS),
    ],
)
def test_i_owned_adjustable_footstool(
    profile: MakeProfile, stool: dict[str, Any], limits: Limits
) -> None:
    """Case (a): F = 53 − 42.5 = 10.5; an owned adjustable stool is set to F within its range,
    else the shortfall (+) or excess (−) is reported."""
    f = fit(profile(footstool={"owned": True, "adjustable": True, **stool}))
    assert settings_of(f) == (53.0, 10.5, 74.0, 123.0)
    assert f.limits == limits


@pytest.mark.parametrize(
    ("height", "limits"),
    [
        (8.0, Limits(footstool_fixed_off_cm=2.5)),  # 10.5 − 8 = 2.5 > 2: 2.5 higher
        (8.5, NO_LIMITS),  # 10.5 − 8.5 = 2.0: fine within ±2
        (12.5, NO_LIMITS),  # −2.0: fine
        (13.0, Limits(footstool_fixed_off_cm=-2.5)),  # 10.5 − 13 = −2.5: 2.5 lower
    ],
)
def test_i_owned_fixed_footstool(profile: MakeProfile, height: float, limits: Limits) -> None:
    """Case (a), F = 10.5, owned fixed-height footstool: fine within ±2, else off by F − h."""
    f = fit(profile(footstool={"owned": True, "adjustable": False, "height_cm": height}))
    assert settings_of(f) == (53.0, 10.5, 74.0, 123.0)
    assert f.limits == limits


# -- §3 step 8: rounding -------------------------------------------------------------------

_ADJ_DESK = {"height_adjustable": True, "height_min_cm": 60.0, "height_max_cm": 125.0}


def test_rounding_metric(profile: MakeProfile) -> None:
    """PH 40.3 → PH + S = 42.8 → seat 43.0 (0.5 cm); desk 42.8 + 24 − 3 = 63.8 → 64.0;
    monitor 42.8 + 75 − 5 = 112.8 → 113.0; distance 65 stays.
    """
    f = fit(profile(body={"popliteal_height_cm": 40.3}, desk=_ADJ_DESK))
    assert settings_of(f) == (43.0, 0.0, 64.0, 113.0)
    assert f.recommended.viewing_distance_cm == 65.0


def test_rounding_imperial(profile: MakeProfile) -> None:
    """Same in imperial, 1/4 in = 0.635 cm: seat 42.8/0.635 = 67.40 → 67 q = 42.545;
    desk 63.8/0.635 = 100.47 → 100 q = 63.5; the monitor follows the seat *as set* (§3 step 7):
    42.545 + 75 − 5 = 112.545, /0.635 = 177.24 → 177 q = 112.395; distance 65/0.635 =
    102.36 → 102 q = 64.77.
    """
    f = fit(profile(units="imperial", body={"popliteal_height_cm": 40.3}, desk=_ADJ_DESK))
    seat, stool, surface, monitor = settings_of(f)
    assert seat == pytest.approx(67 * QUARTER_INCH)
    assert stool == 0.0
    assert surface == pytest.approx(100 * QUARTER_INCH)
    assert monitor == pytest.approx(177 * QUARTER_INCH)
    assert f.recommended.viewing_distance_cm == pytest.approx(102 * QUARTER_INCH)


def test_rounding_footstool_half_cm_metric(profile: MakeProfile) -> None:
    """ERH 31.25, desk 74: seat_needed = 77 − 31.25 = 45.75 > 45 → seat 45.75 → 46.0 (half up,
    as units.round_for_people rounds). F = 45.75 − 42.5 = 3.25 → 3.5 to 0.5 cm, half up —
    and the feet then rest exactly at PH + S: 46.0 − 3.5 = 42.5. (Python's round() rounds
    6.5 half-to-even to 6 → F 3.0, leaving the feet 0.5 short of the set seat.)
    """
    f = fit(profile(body={"elbow_rest_height_cm": 31.25}))
    assert f.recommended.seat_height_cm == 46.0
    assert f.recommended.footstool_height_cm == 3.5
    assert f.recommended.seat_height_cm - f.recommended.footstool_height_cm == 42.5


def test_rounding_footstool_quarter_inch_imperial(profile: MakeProfile) -> None:
    """Imperial, ERH 31.2: seat_needed = 77 − 31.2 = 45.8 → 45.8/0.635 = 72.13 → 72 q = 45.72.
    F = 45.8 − 42.5 = 3.3 → 3.3/0.635 = 5.20 → 5 q = 3.175 (also (45.72 − 42.5)/0.635 = 5.07
    → 5 q). Rounding F first to 0.5 cm (3.5) and then to 1/4 in gives 6 q = 3.81: double
    rounding, a quarter inch too high. §3 step 8: round to 1/4 in, compute in cm.
    """
    f = fit(profile(units="imperial", body={"elbow_rest_height_cm": 31.2}))
    assert f.recommended.seat_height_cm == pytest.approx(72 * QUARTER_INCH)
    assert f.recommended.footstool_height_cm == pytest.approx(5 * QUARTER_INCH)


def test_rounding_keeps_seat_in_band_without_footstool(profile: MakeProfile) -> None:
    """PH 40.3 → PH + S = 42.8, band 40.3 … 45.3. ERH 31.72, desk 74: seat_needed = 77 − 31.72
    = 45.28, 2.48 above PH + S (≤ 2.5) → set the seat there, no footstool (§3 step 4).
    Rounded to 0.5 cm, 45.28 → 45.5, which is 2.7 above PH + S with no footstool: outside
    the seat band, and ROSA's seat item (§4.4, gap > 2.5) turns "too high". The rounded
    setting must keep the feet supported: seat − footstool − (PH + S) within ±2.5.
    """
    f = fit(profile(body={"popliteal_height_cm": 40.3, "elbow_rest_height_cm": 31.72}))
    r = f.recommended
    gap = r.seat_height_cm - r.footstool_height_cm - 42.8
    assert abs(gap) <= 2.5 + 1e-9, f"seat {r.seat_height_cm}, footstool {r.footstool_height_cm}"


def test_rounding_stays_inside_the_chair_range_imperial(profile: MakeProfile) -> None:
    """Imperial person, chair 42–55 (stored in cm), PH 55 → PH + S = 57.5 → seat clamped to
    the chair's top, 55.0. 55/0.635 = 86.61 quarter inches → 87 q = 55.245 cm, above what the
    chair can reach. A setting must stay inside the furniture's range: 86 q = 54.61 (21½ in).
    """
    f = fit(
        profile(
            units="imperial",
            body={"popliteal_height_cm": 55.0},
            chair={"seat_height_min_cm": 42.0, "seat_height_max_cm": 55.0, "seat_height_cm": 50.0},
        )
    )
    assert f.recommended.seat_height_cm <= 55.0


# -- properties over the whole valid input space -----------------------------------------

EPS = 1e-6


def step(units: str) -> float:
    """Half a rounding step: how far rounding alone can move a setting (§3 step 8)."""
    return (0.25 if units == "metric" else QUARTER_INCH / 2) + EPS


BAND_KEYS = (
    "seat_height_cm",
    "keyboard_home_row_height_cm",
    "work_surface_height_cm",
    "monitor_top_height_cm",
    "viewing_distance_cm",
    "seat_depth_cm",
    "lumbar_support_height_cm",
    "backrest_recline_deg",
    "standing_work_surface_height_cm",
)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(data=st.data())
def test_every_band_contains_its_ideal(profile_docs: Any, data: st.DataObject) -> None:
    p = parse_profile(data.draw(profile_docs))
    t = targets_for(p, body_dimensions(p.body))
    for key in BAND_KEYS:
        band = t[key]
        if key == "standing_work_surface_height_cm" and not p.desk.sit_stand:
            assert band is None
            continue
        assert band is not None, key
        assert band.low <= band.value <= band.high, key
        assert band.contains(band.value), key


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    data=st.data(),
    h1=st.floats(90, 250, allow_nan=False),
    h2=st.floats(90, 250, allow_nan=False),
)
def test_targets_non_decreasing_in_stature(
    estimated_body_docs: Any, data: st.DataObject, h1: float, h2: float
) -> None:
    """Everything else equal and the body estimated, a taller person gets targets no lower."""
    d = data.draw(estimated_body_docs)
    lo, hi = sorted((h1, h2))
    d["body"]["stature_cm"] = lo
    p_lo = parse_profile(d)
    d["body"]["stature_cm"] = hi
    p_hi = parse_profile(d)
    t_lo = targets_for(p_lo, body_dimensions(p_lo.body))
    t_hi = targets_for(p_hi, body_dimensions(p_hi.body))
    for key in BAND_KEYS:
        a, b = t_lo[key], t_hi[key]
        if a is None or b is None:
            assert a is None and b is None
            continue
        assert a.value <= b.value + EPS, key
        assert a.low <= b.low + EPS, key
        assert a.high <= b.high + EPS, key


@settings(max_examples=120, deadline=None, derandomize=True)
@given(data=st.data())
def test_settings_stay_in_the_furniture_ranges(profile_docs: Any, data: st.DataObject) -> None:
    """Within half a rounding step (the strict rounding case is a test of its own above)."""
    p = parse_profile(data.draw(profile_docs))
    f = fit(p)
    r, tol = f.recommended, step(p.units)
    chair, desk = p.chair, p.desk
    seat = r.seat_height_cm - r.cushion_cm
    seat_tol = 2 * tol if r.cushion_cm else tol  # seat and cushion are rounded apart
    if chair.height_adjustable:
        assert chair.seat_height_min_cm is not None and chair.seat_height_max_cm is not None
        assert chair.seat_height_min_cm - seat_tol <= seat <= chair.seat_height_max_cm + seat_tol
    else:
        assert seat == pytest.approx(chair.seat_height_cm, abs=seat_tol)
    assert r.cushion_cm >= 0
    if desk.keyboard_tray:
        assert desk.keyboard_tray_height_cm is not None
        assert r.keyboard_tray_height_cm is not None
        assert r.work_surface_height_cm == r.keyboard_tray_height_cm
        assert r.desk_height_cm == pytest.approx(desk.height_cm, abs=tol)
        if desk.keyboard_tray_adjustable:
            assert r.keyboard_tray_height_cm <= desk.height_cm + tol
        else:
            assert r.keyboard_tray_height_cm == pytest.approx(desk.keyboard_tray_height_cm, abs=tol)
    else:
        assert r.keyboard_tray_height_cm is None
        assert r.work_surface_height_cm == r.desk_height_cm
        if desk.height_adjustable:
            assert desk.height_min_cm is not None and desk.height_max_cm is not None
            assert desk.height_min_cm - tol <= r.desk_height_cm <= desk.height_max_cm + tol
        else:
            assert r.desk_height_cm == pytest.approx(desk.height_cm, abs=tol)
    if desk.sit_stand:
        assert r.standing_work_surface_height_cm is not None
        if desk.height_adjustable:
            assert desk.height_min_cm is not None and desk.height_max_cm is not None
            stand = r.standing_work_surface_height_cm
            assert desk.height_min_cm - tol <= stand <= desk.height_max_cm + tol
    else:
        assert r.standing_work_surface_height_cm is None


@settings(max_examples=120, deadline=None, derandomize=True)
@given(data=st.data())
def test_footstool_never_negative_and_zero_when_feet_reach(
    profile_docs: Any, data: st.DataObject
) -> None:
    p = parse_profile(data.draw(profile_docs))
    f = fit(p)
    r, tol = f.recommended, step(p.units)
    rest = f.body.popliteal_height.value + f.body.shoe_allowance_cm
    assert r.footstool_height_cm >= 0
    assert f.footstool_needed_cm >= 0
    if r.seat_height_cm - rest < 2.5 - tol:
        assert r.footstool_height_cm == 0
        assert f.footstool_needed_cm == 0
    if r.cushion_cm:
        assert r.footstool_height_cm == 0


@settings(max_examples=100, deadline=None, derandomize=True)
@given(data=st.data())
def test_advise_never_raises(profile_docs: Any, data: st.DataObject) -> None:
    advice = advise(parse_profile(data.draw(profile_docs)))
    assert advice.fit.recommended is not None
