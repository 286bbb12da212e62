"""Tests for ROSA scoring (deskfit.core.engine.rosa); spec: ergonomics.md §4.1–4.3.

The chart texts below are pasted from ergonomics.md and parsed here, so the module's tuples
and these strings are two independent transcriptions of the same tables.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskfit.core.engine import rosa
from deskfit.core.engine.rosa import (
    CHART_A,
    CHART_B,
    CHART_C,
    CHART_D,
    CHART_E,
    NEUTRAL_ITEMS,
    RosaItems,
    band_for,
    duration_score,
    score,
)

# --- pasted from ergonomics.md §4.3 ------------------------------------------------------

CHART_A_TEXT = """
    2: 2 2 3 4 5 6 7 8
    3: 2 2 3 4 5 6 7 8
    4: 3 3 3 4 5 6 7 8
    5: 4 4 4 4 5 6 7 8
    6: 5 5 5 5 6 7 8 9
    7: 6 6 6 7 7 8 8 9
    8: 7 7 7 8 8 9 9 9
"""

CHART_B_TEXT = """
    0: 1 1 1 2 3 4 5 6
    1: 1 1 2 2 3 4 5 6
    2: 1 2 2 3 3 4 6 7
    3: 2 2 3 3 4 5 6 8
    4: 3 3 4 4 5 6 7 8
    5: 4 4 5 5 6 7 8 9
    6: 5 5 6 7 8 8 9 9
"""

CHART_C_TEXT = """
    0: 1 1 1 2 3 4 5 6
    1: 1 1 2 3 4 5 6 7
    2: 1 2 2 3 4 5 6 7
    3: 2 3 3 3 5 6 7 8
    4: 3 4 4 5 5 6 7 8
    5: 4 5 5 6 6 7 8 9
    6: 5 6 6 7 7 8 8 9
    7: 6 7 7 8 8 9 9 9
"""


def parse_chart(text: str) -> dict[int, list[int]]:
    """'row: v v v' lines -> {row label: values}."""
    rows: dict[int, list[int]] = {}
    for line in text.strip().splitlines():
        label, values = line.split(":")
        rows[int(label)] = [int(v) for v in values.split()]
    return rows


@pytest.mark.parametrize(
    ("chart", "text", "row0", "col0", "n_rows", "n_cols"),
    [
        # Chart A: rows seat height + depth 2..8, columns armrests + back 2..9.
        (CHART_A, CHART_A_TEXT, 2, 2, 7, 8),
        # Chart B: rows telephone 0..6, columns monitor 0..7.
        (CHART_B, CHART_B_TEXT, 0, 0, 7, 8),
        # Chart C: rows mouse 0..7, columns keyboard 0..7.
        (CHART_C, CHART_C_TEXT, 0, 0, 8, 8),
    ],
    ids=["A", "B", "C"],
)
def test_chart_matches_spec_text_cell_by_cell(
    chart: tuple[tuple[int, ...], ...],
    text: str,
    row0: int,
    col0: int,
    n_rows: int,
    n_cols: int,
) -> None:
    parsed = parse_chart(text)
    assert sorted(parsed) == list(range(row0, row0 + n_rows))
    assert len(chart) == n_rows
    for label, values in parsed.items():
        assert len(values) == n_cols
        assert len(chart[label - row0]) == n_cols
        for j, expected in enumerate(values):
            assert chart[label - row0][j] == expected, (label, j + col0)


def test_chart_d_is_max_of_b_and_c() -> None:
    assert len(CHART_D) == 9
    for b in range(1, 10):
        assert len(CHART_D[b - 1]) == 9
        for c in range(1, 10):
            assert CHART_D[b - 1][c - 1] == max(b, c), (b, c)


def test_chart_e_is_max_of_chair_and_peripherals() -> None:
    assert len(CHART_E) == 10  # chair 1..10: chart A reaches 9, duration adds 1
    for chair in range(1, 11):
        assert len(CHART_E[chair - 1]) == 9  # peripherals 1..9 (chart D tops at 9)
        for p in range(1, 10):
            assert CHART_E[chair - 1][p - 1] == max(chair, p), (chair, p)


def test_charts_b_c_d_never_exceed_their_consumers() -> None:
    # Chart B/C results index chart D (1..9); chart A + duration indexes chart E rows.
    for chart in (CHART_B, CHART_C):
        assert {v for row in chart for v in row} <= set(range(1, 10))
    assert {v for row in CHART_A for v in row} <= set(range(2, 10))


# --- duration (§4.2) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "stretch", "expected"),
    [
        (0.5, 10, -1),  # short on both counts
        (2, 45, 0),  # middle on both counts
        (5, 20, 1),  # the spec's conflict: 5 h a day in 20-minute bouts -> +1 wins
        (3, 90, 1),  # long stretch alone is enough
        (0.5, 90, 1),  # even with little daily use
        # exact edges: "> 1 h" and "> 4 h" are strict, "30 min" and "1 h" are inclusive
        (4, 60, 0),
        (4.01, 0, 1),
        (0, 60.01, 1),
        (4, 0, 0),
        (0, 60, 0),
        (1, 0, 0),
        (0, 30, 0),
        (0.99, 29.9, -1),
        (0, 0, -1),
    ],
)
def test_duration_score(hours: float, stretch: float, expected: int) -> None:
    assert duration_score(hours, stretch) == expected


@pytest.mark.parametrize(
    ("hours", "stretch"), [(-1, 10), (2, -5), (float("nan"), 10), (2, float("inf"))]
)
def test_duration_score_rejects_nonsense(hours: float, stretch: float) -> None:
    with pytest.raises(ValueError):
        duration_score(hours, stretch)


finite_hours = st.floats(min_value=0, max_value=24, allow_nan=False)
finite_minutes = st.floats(min_value=0, max_value=24 * 60, allow_nan=False)


@given(finite_hours, finite_minutes, finite_hours, finite_minutes)
def test_duration_score_is_monotone(h1: float, m1: float, h2: float, m2: float) -> None:
    lo_h, hi_h = sorted((h1, h2))
    lo_m, hi_m = sorted((m1, m2))
    assert duration_score(lo_h, lo_m) in (-1, 0, 1)
    assert duration_score(lo_h, lo_m) <= duration_score(hi_h, hi_m)


# --- items ----------------------------------------------------------------------------

BASE_RANGES = {
    "seat_height": (1, 3),
    "seat_depth": (1, 2),
    "armrests": (1, 2),
    "back_support": (1, 2),
    "monitor": (1, 3),
    "phone": (1, 2),
    "mouse": (1, 2),
    "keyboard": (1, 2),
}
DURATIONS = (
    "chair_duration",
    "monitor_duration",
    "phone_duration",
    "mouse_duration",
    "keyboard_duration",
)


def make_items(kw: dict[str, Any]) -> RosaItems:
    """Build items from a dict whose keys mypy cannot check (the test varies field names)."""
    return RosaItems(**kw)


def with_changes(items: RosaItems, kw: dict[str, Any]) -> RosaItems:
    return dataclasses.replace(items, **kw)


ITEM_FIELDS = [f for f in dataclasses.fields(RosaItems) if f.name != "reasons"]
BOOLS = [f.name for f in ITEM_FIELDS if f.name not in BASE_RANGES and f.name not in DURATIONS]


def test_field_inventory() -> None:
    # Guards the strategies below: every field is a base score, a duration or a bool.
    assert len(BOOLS) == 21
    assert {f.name for f in ITEM_FIELDS} == set(BASE_RANGES) | set(DURATIONS) | set(BOOLS)


def _items_kwargs() -> st.SearchStrategy[dict[str, Any]]:
    parts: dict[str, st.SearchStrategy[Any]] = {}
    for name, (lo, hi) in BASE_RANGES.items():
        parts[name] = st.integers(lo, hi)
    for name in DURATIONS:
        parts[name] = st.integers(-1, 1)
    for name in BOOLS:
        parts[name] = st.booleans()
    return st.fixed_dictionaries(parts)


items_strategy = _items_kwargs().map(make_items)


def test_neutral_items_are_neutral() -> None:
    for name in BASE_RANGES:
        assert getattr(NEUTRAL_ITEMS, name) == 1
    for name in DURATIONS:
        assert getattr(NEUTRAL_ITEMS, name) == 0
    for name in BOOLS:
        assert getattr(NEUTRAL_ITEMS, name) is False
    assert dict(NEUTRAL_ITEMS.reasons) == {}


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("seat_height", 0),
        ("seat_height", 4),
        ("seat_depth", 3),
        ("armrests", 3),
        ("back_support", 0),
        ("monitor", 4),
        ("phone", 3),
        ("mouse", 3),
        ("keyboard", 3),
        ("chair_duration", 2),
        ("monitor_duration", -2),
        ("phone_duration", 2),
        ("mouse_duration", -2),
        ("keyboard_duration", 2),
    ],
)
def test_out_of_range_is_rejected(name: str, bad: int) -> None:
    with pytest.raises(ValueError, match=name):
        make_items({name: bad})


def test_wrong_types_are_rejected() -> None:
    with pytest.raises(TypeError):
        RosaItems(seat_height=True)
    with pytest.raises(TypeError):
        make_items({"glare": 1})
    with pytest.raises(TypeError):
        make_items({"monitor": 2.0})


def test_reasons_are_checked_and_copied() -> None:
    with pytest.raises(ValueError, match="seat_hieght"):
        RosaItems(reasons={"seat_hieght": "typo"})
    given_reasons = {"seat_height": "feet hang 9 cm above the floor"}
    items = RosaItems(seat_height=3, reasons=given_reasons)
    given_reasons["seat_height"] = "changed later"
    assert items.reasons["seat_height"] == "feet hang 9 cm above the floor"
    hash(items)  # still hashable despite the mapping


# --- whole scores worked by hand --------------------------------------------------------


def test_all_neutral_durations_zero() -> None:
    """Chair: row 1+1=2, column 1+1=2, A[2][2]=2, +0 -> 2.
    B: monitor 1+0=1, phone 1+0=1 -> B row 1 col 1 = 1.
    C: mouse 1, keyboard 1 -> C row 1 col 1 = 1.
    D = max(1, 1) = 1; E = max(2, 1) = 2 -> low.
    """
    s = score(NEUTRAL_ITEMS)
    assert (s.chair, s.monitor_phone, s.mouse_keyboard, s.peripherals, s.final) == (2, 1, 1, 1, 2)
    assert s.band == "low"
    assert s.drivers == {"chair": [], "monitor_phone": [], "mouse_keyboard": []}


def test_all_neutral_durations_plus_one() -> None:
    """Chair: A[2][2]=2, +1 -> 3.
    B: monitor 1+1=2, phone 1+1=2 -> B row 2 col 2 = 2.
    C: mouse 1+1=2, keyboard 1+1=2 -> C row 2 col 2 = 2.
    D = max(2, 2) = 2; E = max(3, 2) = 3 -> moderate.
    """
    items = with_changes(NEUTRAL_ITEMS, dict.fromkeys(DURATIONS, 1))
    s = score(items)
    assert (s.chair, s.monitor_phone, s.mouse_keyboard, s.peripherals, s.final) == (3, 2, 2, 2, 3)
    assert s.band == "moderate"
    assert s.drivers["chair"] == ["Sitting more than 4 h a day or more than 1 h at a stretch (+1)"]
    assert len(s.drivers["monitor_phone"]) == 2
    assert len(s.drivers["mouse_keyboard"]) == 2


def test_all_neutral_durations_minus_one() -> None:
    """Chair: A[2][2]=2, -1 -> 1. B: 0, 0 -> 1. C: 0, 0 -> 1. D = 1; E = max(1, 1) = 1."""
    items = with_changes(NEUTRAL_ITEMS, dict.fromkeys(DURATIONS, -1))
    s = score(items)
    assert (s.chair, s.monitor_phone, s.mouse_keyboard, s.peripherals, s.final) == (1, 1, 1, 1, 1)
    assert s.band == "low"


def test_worst_case() -> None:
    """Everything at its worst, durations +1.
    Chair: row = (3+1+1) + (2+1) = 8; column = (2+1+1+1) + (2+1+1) = 9; A[8][9] = 9; +1 = 10.
    B: monitor 3+4 = 7, +1 = 8 -> clamped to 7; phone 2+2+1 = 5, +1 = 6; B row 6 col 7 = 9.
    C: mouse 2+2+1+1 = 6, +1 = 7; keyboard 2+4 = 6, +1 = 7; C row 7 col 7 = 9.
    D = 9; E = max(10, 9) = 10.
    """
    kw: dict[str, Any] = {name: hi for name, (_, hi) in BASE_RANGES.items()}
    kw.update(dict.fromkeys(DURATIONS, 1))
    kw.update(dict.fromkeys(BOOLS, True))
    s = score(make_items(kw))
    assert (s.chair, s.monitor_phone, s.mouse_keyboard, s.peripherals, s.final) == (10, 9, 9, 9, 10)
    assert s.band == "assess further"
    assert s.totals["chair_row"] == 8
    assert s.totals["chair_column"] == 9
    assert s.totals["monitor"] == 7  # the §4.3 clamp ("glare can make 8")
    assert s.totals["phone"] == 6


def contract_items() -> RosaItems:
    """Reproduces the JSON export example in the contract.

    Chair: seat height 3 (feet do not reach) + 1 (not adjustable) = 4; seat depth 2 -> row 6;
    armrests 1 + back 1 -> column 2; A[6][2] = 5; chair duration +1 -> 6.
    B: monitor 2 (too low) + 1 (too far) + duration 1 = 4; phone 1 - 1 = 0; B row 0 col 4 = 3.
    C: mouse 1 + 2 (different surfaces) + 1 = 4; keyboard 1 + 1 (too high) + 1 (platform)
    + 1 = 4; C row 4 col 4 = 5.
    D = max(3, 5) = 5; E = max(6, 5) = 6 -> assess further.
    """
    return RosaItems(
        seat_height=3,
        seat_height_not_adjustable=True,
        seat_depth=2,
        chair_duration=1,
        monitor=2,
        monitor_too_far=True,
        monitor_duration=1,
        phone_duration=-1,
        mouse_keyboard_different_surfaces=True,
        mouse_duration=1,
        keyboard_too_high=True,
        platform_not_adjustable=True,
        keyboard_duration=1,
        reasons={"seat_height": "feet hang 9 cm above the floor"},
    )


def test_contract_example_and_as_dict() -> None:
    s = score(contract_items())
    assert s.as_dict() == {
        "chair": 6,
        "monitor_phone": 3,
        "mouse_keyboard": 5,
        "peripherals": 5,
        "final": 6,
        "band": "assess further",
    }
    assert s.totals["chart_a"] == 5


def test_drivers_lines() -> None:
    s = score(contract_items())
    assert s.drivers["chair"] == [
        "Seat height: feet do not reach the floor (scores 3; 1 is neutral) — feet hang 9 cm above the floor",
        "Seat height not adjustable (+1)",
        "Seat depth: the seat edge not about three fingers from the knee (scores 2; 1 is neutral)",
        "Sitting more than 4 h a day or more than 1 h at a stretch (+1)",
    ]
    # monitor too low (base 2), too far (+1), monitor duration (+1); phone duration -1 not listed
    assert s.drivers["monitor_phone"] == [
        "Monitor: too low (neck bent forward) (scores 2; 1 is neutral)",
        "Monitor too far (beyond arm's length) (+1)",
        "Using the monitor more than 4 h a day or more than 1 h at a stretch (+1)",
    ]
    assert "Mouse and keyboard on different surfaces (+2)" in s.drivers["mouse_keyboard"]
    assert len(s.drivers["mouse_keyboard"]) == 5


def test_chart_b_orientation_rows_are_telephone() -> None:
    """Phone 1 + 2 (neck-and-shoulder hold) = 3; monitor 3 + 3 additives = 6.
    B row 3 (phone) col 6 (monitor) = 6; the transposed cell B[6][3] would be 7.
    """
    items = RosaItems(
        phone=1,
        neck_shoulder_hold=True,
        monitor=3,
        neck_twist=True,
        monitor_too_far=True,
        glare=True,
    )
    s = score(items)
    assert (s.totals["phone"], s.totals["monitor"]) == (3, 6)
    assert s.monitor_phone == 6


# --- properties -----------------------------------------------------------------------


def _subscores(items: RosaItems) -> tuple[int, int, int, int, int]:
    s = score(items)
    return (s.chair, s.monitor_phone, s.mouse_keyboard, s.peripherals, s.final)


def _worsenings(items: RosaItems) -> list[tuple[str, RosaItems]]:
    """Every way of making exactly one item one step worse."""
    out: list[tuple[str, RosaItems]] = []
    for name, (_, hi) in BASE_RANGES.items():
        if getattr(items, name) < hi:
            out.append((name, with_changes(items, {name: getattr(items, name) + 1})))
    for name in DURATIONS:
        if getattr(items, name) < 1:
            out.append((name, with_changes(items, {name: getattr(items, name) + 1})))
    for name in BOOLS:
        if not getattr(items, name):
            out.append((name, with_changes(items, {name: True})))
    return out


@given(items_strategy)
def test_scores_in_range(items: RosaItems) -> None:
    s = score(items)
    assert 1 <= s.chair <= 10
    assert 1 <= s.monitor_phone <= 9
    assert 1 <= s.mouse_keyboard <= 9
    assert 1 <= s.peripherals <= 9
    assert 1 <= s.final <= 10
    assert s.peripherals == max(s.monitor_phone, s.mouse_keyboard)
    assert s.final == max(s.chair, s.peripherals)
    assert s.band == band_for(s.final)
    assert set(s.as_dict()) == {
        "chair",
        "monitor_phone",
        "mouse_keyboard",
        "peripherals",
        "final",
        "band",
    }


@given(items_strategy)
def test_making_one_item_worse_never_lowers_a_score(items: RosaItems) -> None:
    before = _subscores(items)
    for name, worse in _worsenings(items):
        after = _subscores(worse)
        assert all(a >= b for a, b in zip(after, before, strict=True)), (name, before, after)


@given(items_strategy)
def test_one_driver_line_per_item_above_neutral(items: RosaItems) -> None:
    expected = (
        sum(getattr(items, n) > 1 for n in BASE_RANGES)
        + sum(getattr(items, n) > 0 for n in DURATIONS)
        + sum(bool(getattr(items, n)) for n in BOOLS)
    )
    drivers = score(items).drivers
    assert set(drivers) == {"chair", "monitor_phone", "mouse_keyboard"}
    assert sum(len(lines) for lines in drivers.values()) == expected


def test_some_worsening_actually_raises_the_score() -> None:
    # Guards the monotonicity property against a scorer that ignores its input.
    base = _subscores(NEUTRAL_ITEMS)
    raised = {name for name, worse in _worsenings(NEUTRAL_ITEMS) if _subscores(worse) != base}
    # Chart A is flat over rows/columns 2..3 (A[2][2] = A[3][2] = 2), so one chair item alone
    # does not move it; from seat height 2 (row 3), worse seat depth (row 4) gives A = 3.
    assert {"monitor", "phone", "mouse", "keyboard", "chair_duration"} <= raised
    assert not raised & {"seat_height", "seat_depth", "armrests", "back_support"}
    low_seat = RosaItems(seat_height=2)
    assert score(low_seat).chair == 2
    assert score(dataclasses.replace(low_seat, seat_depth=2)).chair == 3


# --- bands ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (1, "low"),
        (2, "low"),
        (3, "moderate"),
        (4, "moderate"),
        (5, "assess further"),
        (10, "assess further"),
    ],
)
def test_band_boundaries(value: int, band: str) -> None:
    assert band_for(value) == band


@pytest.mark.parametrize("value", [0, 11, -1])
def test_band_rejects_out_of_range(value: int) -> None:
    with pytest.raises(ValueError):
        band_for(value)


def test_public_names() -> None:
    assert set(rosa.__all__) >= {
        "CHART_A",
        "CHART_B",
        "CHART_C",
        "CHART_D",
        "CHART_E",
        "NEUTRAL_ITEMS",
        "RosaItems",
        "RosaScore",
        "band_for",
        "duration_score",
        "score",
    }
