"""Body dimensions: ANSUR II estimates, measured values, bands and the export shape.

The expected numbers are worked by hand from ergonomics.md §1 (shown in each docstring), not
recomputed with the code under test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskfit.core.engine.body import (
    DIMENSIONS,
    FITS,
    BodyDimensions,
    Estimate,
    body_dimensions,
    estimate,
)
from deskfit.core.model.profile import Body

ERGONOMICS_MD = Path(__file__).resolve().parents[4] / "shared" / "ergonomics.md"

ALL_SEXES = ("female", "male", "unspecified")
statures = st.floats(min_value=90, max_value=250, allow_nan=False, allow_infinity=False)


# --- the hand-worked estimates ---------------------------------------------------------


def test_female_popliteal_height_170() -> None:
    """PH = 0.2962·170 − 9.41 = 50.354 − 9.41 = 40.944; band ± 1.645·1.40 = ± 2.303."""
    e = estimate("popliteal_height", 170, "female")
    assert e.value == pytest.approx(40.944)
    assert e.low == pytest.approx(40.944 - 2.303)
    assert e.high == pytest.approx(40.944 + 2.303)
    assert e.source == "estimated"


def test_male_elbow_rest_height_180() -> None:
    """ERH = 0.0733·180 + 11.63 = 13.194 + 11.63 = 24.824; band ± 1.645·2.82 = ± 4.6389."""
    e = estimate("elbow_rest_height", 180, "male")
    assert e.value == pytest.approx(24.824)
    assert (e.low, e.high) == pytest.approx((24.824 - 4.6389, 24.824 + 4.6389))


def test_male_elbow_height_standing_180() -> None:
    """Radiale = 0.6898·180 − 10.59 = 124.164 − 10.59 = 113.574; band ± 1.645·1.65 = ± 2.71425."""
    e = estimate("elbow_height_standing", 180, "male")
    assert e.value == pytest.approx(113.574)
    assert (e.low, e.high) == pytest.approx((113.574 - 2.71425, 113.574 + 2.71425))


def test_unspecified_sex_popliteal_height_170() -> None:
    """Men: 0.3056·170 − 10.70 = 41.252; women: 40.944 (above).

    value = (41.252 + 40.944)/2 = 41.098; half the difference = 0.154.
    resid = sqrt((1.33² + 1.40²)/2 + 0.154²) = sqrt((1.7689 + 1.96)/2 + 0.023716)
          = sqrt(1.86445 + 0.023716) = sqrt(1.888166) = 1.374106
    band = ± 1.645·1.374106 = ± 2.260404
    """
    e = estimate("popliteal_height", 170, "unspecified")
    assert e.value == pytest.approx(41.098)
    assert e.high - e.value == pytest.approx(2.260404, abs=1e-6)
    assert e.value - e.low == pytest.approx(2.260404, abs=1e-6)


def test_unknown_dimension_or_sex_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown body dimension"):
        estimate("knee_height", 170, "female")
    with pytest.raises(ValueError, match="unknown sex"):
        estimate("popliteal_height", 170, "other")


# --- measured values win ----------------------------------------------------------------


def test_measured_value_wins_with_a_zero_width_band() -> None:
    """55.0 is far from the female estimate (40.944 at 170 cm), so only the measurement fits."""
    dims = body_dimensions(Body(stature_cm=170, sex="female", popliteal_height_cm=55.0))
    assert dims.popliteal_height == Estimate(55.0, 55.0, 55.0, "measured")
    assert dims.elbow_rest_height.source == "estimated"
    assert dims.estimated() == [
        "elbow_rest_height_cm",
        "eye_height_sitting_cm",
        "buttock_popliteal_length_cm",
        "thigh_clearance_cm",
        "elbow_height_standing_cm",
        "eye_height_standing_cm",
    ]


def test_all_measured_leaves_only_standing_elbow_height_estimated() -> None:
    body = Body(
        stature_cm=180,
        sex="male",
        shoe_allowance_cm=0,
        popliteal_height_cm=44,
        elbow_rest_height_cm=22,
        eye_height_sitting_cm=80,
        buttock_popliteal_length_cm=50,
        thigh_clearance_cm=17,
    )
    dims = body_dimensions(body)
    assert dims.estimated() == ["elbow_height_standing_cm", "eye_height_standing_cm"]
    assert [dims.popliteal_height.value, dims.elbow_rest_height.value] == [44, 22]
    assert [dims.eye_height_sitting.value, dims.buttock_popliteal_length.value] == [80, 50]
    assert all(
        getattr(dims, d).low == getattr(dims, d).high
        for d in DIMENSIONS
        if d not in ("elbow_height_standing", "eye_height_standing")
    )
    assert dims.shoe_allowance_cm == 0
    assert dims.stature_cm == 180


def test_nothing_measured_estimates_all_six() -> None:
    dims = body_dimensions(Body(stature_cm=165))  # sex defaults to "unspecified"
    assert dims.estimated() == [
        "popliteal_height_cm",
        "elbow_rest_height_cm",
        "eye_height_sitting_cm",
        "buttock_popliteal_length_cm",
        "thigh_clearance_cm",
        "elbow_height_standing_cm",
        "eye_height_standing_cm",
    ]
    assert dims.popliteal_height == estimate("popliteal_height", 165, "unspecified")
    assert dims.shoe_allowance_cm == 2.5  # the profile's default


# --- the JSON export contract ---------------------------------------------------------


def test_export_matches_the_contract_example() -> None:
    """shared/profile-format.md shows PH measured 41.0 and ERH 23.6 (19.3 … 27.9) estimated.

    A woman of 170.5 cm gives ERH = 0.0471·170.5 + 15.57 = 8.03055 + 15.57 = 23.60055, band
    ± 1.645·2.61 = ± 4.29345 → 19.3071 … 27.894 → 23.6, 19.3, 27.9 at 0.1 cm.
    """
    dims = body_dimensions(Body(stature_cm=170.5, sex="female", popliteal_height_cm=41.0))
    export = dims.as_export_dict()
    # the contract's four, then thigh clearance (added keys are allowed)
    assert list(export) == [
        "popliteal_height_cm",
        "elbow_rest_height_cm",
        "eye_height_sitting_cm",
        "buttock_popliteal_length_cm",
        "thigh_clearance_cm",
    ]
    assert export["popliteal_height_cm"] == {
        "value": 41.0,
        "low": 41.0,
        "high": 41.0,
        "source": "measured",
    }
    assert export["elbow_rest_height_cm"] == {
        "value": 23.6,
        "low": 19.3,
        "high": 27.9,
        "source": "estimated",
    }


def test_as_dict_rounds_to_a_millimetre() -> None:
    """40.944 → 40.9; 38.641 → 38.6; 43.247 → 43.2."""
    e = Estimate(40.944, 38.641, 43.247, "estimated")
    assert e.as_dict() == {"value": 40.9, "low": 38.6, "high": 43.2, "source": "estimated"}


# --- outside the data -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stature", "outside"),
    [(144.9, True), (145.0, False), (175.0, False), (205.0, False), (205.1, True)],
)
def test_stature_outside_data_flag_edges(stature: float, outside: bool) -> None:
    dims = body_dimensions(Body(stature_cm=stature, sex="male"))
    assert isinstance(dims, BodyDimensions)
    assert dims.stature_outside_data is outside
    # Still estimated outside the data, only flagged.
    assert dims.popliteal_height.source == "estimated"


# --- properties -------------------------------------------------------------------------


@given(h1=statures, h2=statures, sex=st.sampled_from(ALL_SEXES), dim=st.sampled_from(DIMENSIONS))
def test_estimate_is_non_decreasing_in_stature(h1: float, h2: float, sex: str, dim: str) -> None:
    lo, hi = sorted((h1, h2))
    assert estimate(dim, lo, sex).value <= estimate(dim, hi, sex).value


@given(h=statures, sex=st.sampled_from(ALL_SEXES), dim=st.sampled_from(DIMENSIONS))
def test_band_contains_the_value(h: float, sex: str, dim: str) -> None:
    e = estimate(dim, h, sex)
    assert e.low < e.value < e.high
    assert e.high - e.value == pytest.approx(e.value - e.low)


# --- the coefficients are the documented ones -----------------------------------------

_DOC_ROWS = {
    "PH": "popliteal_height",
    "ERH": "elbow_rest_height",
    "ESH": "eye_height_sitting",
    "BPL": "buttock_popliteal_length",
    "elbow height standing (radiale)": "elbow_height_standing",
    "TC thigh clearance (seat to the top of the thigh)": "thigh_clearance",
    "eye height standing": "eye_height_standing",  # docs/workstations.md §3
}
WORKSTATIONS_MD = Path(__file__).resolve().parents[3] / "docs" / "workstations.md"
_LINE = r"([0-9.]+)·H ([−+]) ([0-9.]+)"
_ROW = re.compile(rf"^\| (.+?) \| {_LINE} \| ([0-9.]+) \| {_LINE} \| ([0-9.]+) \|$", re.M)


def test_fits_are_exactly_those_printed_in_ergonomics_md() -> None:
    """ergonomics.md §1, and the one fit the project adds in docs/workstations.md §3."""
    assert ERGONOMICS_MD.is_file(), (
        f"{ERGONOMICS_MD} is missing: shared/ must be beside the project"
    )
    found: dict[str, dict[str, tuple[float, float, float]]] = {}
    printed = ERGONOMICS_MD.read_text(encoding="utf-8") + WORKSTATIONS_MD.read_text("utf-8")
    for m in _ROW.finditer(printed):
        label, ma, ms, mb, mr, fa, fs, fb, fr = m.groups()
        if label not in _DOC_ROWS:
            continue

        def fit(a: str, sign: str, b: str, r: str) -> tuple[float, float, float]:
            return (float(a), float(b) if sign == "+" else -float(b), float(r))

        found[_DOC_ROWS[label]] = {"male": fit(ma, ms, mb, mr), "female": fit(fa, fs, fb, fr)}
    assert set(found) == set(FITS), "ergonomics.md §1 table not parsed completely"
    assert {d: {s: tuple(f) for s, f in by_sex.items()} for d, by_sex in FITS.items()} == found
