"""scripts/validate_body.py on the real ANSUR II data (skipped where the data is absent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import load_script

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "ansur2"
EXPECTED_N = {"male": 4082, "female": 1986, "unspecified": 4082 + 1986}


@pytest.fixture(autouse=True)
def _the_data_is_there() -> None:
    """The estimates are checked against the data: without it the tests fail, not skip."""
    if not DATA_DIR.is_dir():
        pytest.fail(f"ANSUR II data not found at {DATA_DIR}")


def needs_data(f: Any) -> Any:  # kept as the marker of the tests that read the data
    return f


validate_body = load_script("validate_body")


@pytest.fixture(scope="module")
def rows() -> list[Any]:
    # Reading ~6,000 people takes a few tenths of a second: do it once for the module.
    rows: list[Any] = validate_body.validate(DATA_DIR)
    return rows


@needs_data
def test_one_row_per_dimension_and_sex(rows: list[Any]) -> None:
    from deskfit.core.engine.body import DIMENSIONS

    assert [(r.dimension, r.sex) for r in rows] == [
        (d, s) for d in DIMENSIONS for s in ("male", "female", "unspecified")
    ]


@needs_data
def test_n_is_the_whole_survey(rows: list[Any]) -> None:
    for r in rows:
        assert r.n == EXPECTED_N[r.sex], (r.dimension, r.sex)


@needs_data
def test_every_90_percent_band_holds_85_to_95_percent(rows: list[Any]) -> None:
    outside = [(r.dimension, r.sex, r.coverage) for r in rows if not 0.85 <= r.coverage <= 0.95]
    assert outside == []


@needs_data
def test_rmse_by_sex_matches_the_printed_residual_sd(rows: list[Any]) -> None:
    """On the data they were fitted to, the RMSE of a fit is its residual SD (to rounding)."""
    from deskfit.core.engine.body import FITS

    for r in rows:
        if r.sex != "unspecified":
            assert r.rmse_cm == pytest.approx(FITS[r.dimension][r.sex].resid, abs=0.01), r


def test_missing_data_dir_exits_non_zero_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope"
    assert validate_body.main([str(missing)]) != 0
    err = capsys.readouterr().err
    assert "not found" in err
    assert str(missing) in err


def test_missing_csv_exits_non_zero_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert validate_body.main([str(tmp_path)]) != 0
    assert "ANSUR_II_MALE_Public.csv" in capsys.readouterr().err
