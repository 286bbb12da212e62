"""The side-view drawing: a pure function of the heights and the space it has."""

from __future__ import annotations

import pytest

from deskfit.core.session.diagram import MIN_HEIGHT, MIN_WIDTH, Scene, draw_workstation

LABELS = {
    "seat": "52 cm",
    "desk": "74 cm",
    "screen top": "118 cm",
    "eyes": "128 cm",
    "footstool": "8 cm",
    "floor": "floor",
}
SCENE = Scene(
    seat_cm=52,
    desk_cm=74,
    monitor_top_cm=118,
    footstool_cm=8,
    eye_cm=128,
    elbow_cm=75,
    labels=LABELS,
)


def row_of(lines: list[str], label: str) -> int:
    return next(i for i, line in enumerate(lines) if label in line)


@pytest.mark.parametrize(("width", "height"), [(44, 10), (60, 16), (76, 20), (120, 40)])
def test_fits_the_space_it_is_given(width: int, height: int) -> None:
    lines = draw_workstation(SCENE, width, height)
    assert len(lines) == height
    assert all(len(line) <= width for line in lines)
    assert "floor" in lines[-1]


def test_heights_are_in_order_and_labelled() -> None:
    lines = draw_workstation(SCENE, 60, 20)
    floor, stool = len(lines) - 1, row_of(lines, "footstool 8 cm")
    seat, desk = row_of(lines, "seat 52 cm"), row_of(lines, "desk 74 cm")
    screen, eyes = row_of(lines, "screen top 118 cm"), row_of(lines, "eyes 128 cm")
    assert floor > stool > seat > desk > screen > eyes
    assert "━" in lines[desk] and "▀" in lines[seat] and "█" in lines[screen]
    assert "●" in lines[eyes]  # the head, at eye height


def test_taller_space_spreads_the_heights() -> None:
    short = draw_workstation(SCENE, 60, 12)
    tall = draw_workstation(SCENE, 60, 30)

    def gap(lines: list[str]) -> int:
        return row_of(lines, "seat") - row_of(lines, "screen top")

    assert gap(tall) > gap(short)


def test_no_footstool_no_tray_unless_given() -> None:
    plain = Scene(seat_cm=45, desk_cm=72, monitor_top_cm=115, labels={"seat": "45 cm"})
    lines = draw_workstation(plain, 60, 16)
    assert not any("footstool" in line or "tray" in line for line in lines)
    with_tray = Scene(
        seat_cm=45,
        desk_cm=74,
        tray_cm=62,
        monitor_top_cm=115,
        labels={"tray": "62 cm", "desk": "74 cm"},
    )
    lines = draw_workstation(with_tray, 60, 24)
    assert row_of(lines, "tray 62 cm") > row_of(lines, "desk 74 cm")
    assert "┛" in lines[row_of(lines, "tray 62 cm")]


def test_labels_never_share_a_row() -> None:
    close = Scene(
        seat_cm=60,
        desk_cm=62,
        tray_cm=61,
        monitor_top_cm=100,
        labels={"seat": "60 cm", "desk": "62 cm", "tray": "61 cm", "screen top": "100 cm"},
    )
    lines = draw_workstation(close, 60, 12)
    rows = [row_of(lines, k) for k in ("seat 60", "desk 62", "tray 61", "screen top 100")]
    assert len(set(rows)) == 4


def test_too_small_says_so() -> None:
    lines = draw_workstation(SCENE, MIN_WIDTH - 1, MIN_HEIGHT)
    assert "larger" in lines[0] and len(lines) == MIN_HEIGHT
