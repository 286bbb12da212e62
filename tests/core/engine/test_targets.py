"""Targets for the body (ergonomics.md §2), worked by hand, and their shape.

Unless a test says otherwise the body is the base of conftest.py, all measured:
PH 40, S 2.5 (so PH + S = 42.5), ERH 24, ESH 75, BPL 48; K = 3 (standard keyboard).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskfit.core.engine.body import body_dimensions
from deskfit.core.engine.targets import Band, targets_for
from deskfit.core.model.profile import Profile
from deskfit.core.model.validation import parse_profile

MakeProfile = Callable[..., Profile]


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


# -- properties over the whole valid input space -----------------------------------------

EPS = 1e-6

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
    "standing_monitor_top_height_cm",
)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(data=st.data())
def test_every_band_contains_its_ideal(profile_docs: Any, data: st.DataObject) -> None:
    p = parse_profile(data.draw(profile_docs))
    t = targets_for(p, body_dimensions(p.body))
    for key in BAND_KEYS:
        band = t[key]
        if key.startswith("standing_") and not p.desk.stands:
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
