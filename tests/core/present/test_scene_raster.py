"""The side view in half-block cells: rows that fit, labels on the rows of their things.

The base profile of conftest.py after the plan (worked in test_scene.py): seat 53 (from
45), a new 10.5 cm footstool, the desk at 74, the screen top at 123 (from 118), eyes 128.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.core.conftest import profile_doc_strategy, with_screens

from deskfit.core.engine.advice import Advice, advise
from deskfit.core.files.store import load_profile
from deskfit.core.model.profile import Profile
from deskfit.core.model.validation import parse_profile
from deskfit.core.present.scene import (
    Scene,
    shared_frame,
    workstation_scene,
    workstation_scenes,
)
from deskfit.core.present.scene_raster import (
    MIN_HEIGHT,
    MIN_WIDTH,
    TOO_SMALL,
    Cell,
    Rows,
    label_column,
    label_texts,
    rasterise,
)

MakeProfile = Callable[..., Profile]
BLOCKS = {" ", "█", "▀", "▄"}


def scenes(p: Profile) -> tuple[Scene, Scene]:
    a = advise(p)
    return workstation_scene(a, "current"), workstation_scene(a, "recommended")


def text(row: tuple[Cell, ...]) -> str:
    return "".join(c.char for c in row)


def row_of(rows: Rows, words: str) -> int:
    (found,) = [i for i, row in enumerate(rows) if words in text(row)]
    return found


def kinds_in(row: tuple[Cell, ...], start: int) -> set[str | None]:
    return {c.fg for c in row[start:] if c.char in BLOCKS} | {c.bg for c in row[start:]}


def bottom_half(cell: Cell) -> str | None:
    return cell.bg if cell.char == "▀" else cell.fg if cell.char in "▄█" else None


def assert_well_formed(rows: Rows, width: int, height: int) -> None:
    assert len(rows) == (height if width else 0)
    for row in rows:
        assert len(row) == width
        for cell in row:
            assert len(cell.char) == 1
            if cell.char == " ":
                assert cell.fg is None and cell.bg is None
            if cell.char in "█▄":
                assert cell.fg is not None and cell.bg is None
            if cell.char == "▀":
                assert cell.fg is not None and cell.bg != cell.fg


@pytest.mark.parametrize(("width", "height"), [(24, 8), (40, 14), (46, 22), (58, 16), (120, 40)])
def test_rows_fit_the_space(profile: MakeProfile, width: int, height: int) -> None:
    for scene in scenes(profile()):
        assert_well_formed(rasterise(scene, width, height), width, height)


def test_too_small_says_so(profile: MakeProfile) -> None:
    scene = scenes(profile())[1]
    rows = rasterise(scene, MIN_WIDTH - 1, MIN_HEIGHT)
    assert len(rows) == MIN_HEIGHT and all(len(r) == MIN_WIDTH - 1 for r in rows)
    assert text(rows[0]) == TOO_SMALL[: MIN_WIDTH - 1]


def test_each_label_sits_on_the_row_of_its_thing(profile: MakeProfile) -> None:
    now, after = scenes(profile())
    width, height = 60, 30
    column = label_column([now, after], width)
    rows = rasterise(after, width, height, shared_frame(now, after), column)
    rows_of = {
        name: row_of(rows, words)
        for name, words in [
            ("eyes", "eyes ▲128 cm"),
            ("screen", "screen top ▲123 cm"),
            ("desk", "desk 74 cm"),
            ("seat", "seat ▲53 cm"),
            ("footstool", "footstool +10.5 cm"),
        ]
    }
    assert list(rows_of.values()) == sorted(rows_of.values())  # top to bottom, in order
    assert "monitor" in kinds_in(rows[rows_of["screen"]], column)
    assert "desk" in kinds_in(rows[rows_of["desk"]], column)
    assert "chair" in kinds_in(rows[rows_of["seat"]], column)
    assert "footstool" in kinds_in(rows[rows_of["footstool"]], column)
    assert "sight" in kinds_in(rows[rows_of["eyes"]], column)  # the eye itself, in the head
    # the floor is the bottom half of the last row, all the way across the drawing
    assert all(bottom_half(c) == "floor" for c in rows[-1][column:])


def test_changed_heights_are_bold_with_a_mark(profile: MakeProfile) -> None:
    now, after = scenes(profile())
    rows = rasterise(after, 60, 30)
    seat = rows[row_of(rows, "seat ▲53 cm")]
    marks = [c for c in seat if c.char == "▲"]
    assert [c.fg for c in marks] == ["changed"] and marks[0].bold
    assert all(c.bold for c in seat if c.char in "seat53cm")
    desk = rows[row_of(rows, "desk 74 cm")]
    assert not any(c.bold for c in desk)
    assert not any("▲" in text(r) or "+" in text(r) for r in rasterise(now, 60, 30))


def test_labels_shorten_to_fit_a_narrow_panel(profile: MakeProfile) -> None:
    after = scenes(profile())[1]
    screen = next(label for label in after.labels if label.name == "screen top")
    assert label_texts(screen) == [
        "screen top ▲123 cm",
        "screen ▲123 cm",
        "screen top ▲123",
        "screen ▲123",
        "▲123",
    ]
    # a third of 36 columns leaves 12 for the text: "screen ▲123" (11) is the longest fit
    assert label_column([after], 36) == 13  # and the leader's first dot
    rows = rasterise(after, 36, 12)
    assert any(text(r).startswith(" screen ▲123·") for r in rows)
    # with 10, only the number is left
    assert any(text(r).startswith("      ▲123·") for r in rasterise(after, 30, 12))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=st.data(), width=st.integers(0, 160), height=st.integers(0, 60))
def test_any_profile_at_any_size(
    profile_docs: Any, data: st.DataObject, width: int, height: int
) -> None:
    now, after = scenes(parse_profile(data.draw(profile_docs)))
    frame = shared_frame(now, after)
    for scene in (now, after):
        assert_well_formed(rasterise(scene, width, height, frame), width, height)


REPO = Path(__file__).resolve().parents[3]


def example(name: str) -> Advice:
    return advise(load_profile(REPO / "profiles" / f"{name}.toml").profile)


def test_a_mat_thinner_than_a_pixel_lies_on_the_floor_not_under_it() -> None:
    scenes = workstation_scenes(example("sit-stand-arm"))
    standing = scenes[-1]
    width, height = 44, 19  # one panel of the review at 80 columns: 1.5 cm is no pixel
    column = label_column(scenes, width)
    rows = rasterise(standing, width, height, shared_frame(*scenes), column)
    assert_well_formed(rows, width, height)
    assert all(bottom_half(c) == "floor" for c in rows[-1][column:])
    # the pixel row above the floor (the last row's top halves): the mat either side of
    # the shoes
    above = {c.fg for c in rows[-1][column:] if c.char == "▀"}
    assert "mat" in above and "person" in above
    assert "mat 1.5 cm" in text(rows[row_of(rows, "mat 1.5 cm")])
    assert row_of(rows, "mat 1.5 cm") >= height - 2
    assert row_of(rows, "eyes 163.5 cm") < row_of(rows, "desk 107.5 cm")


def test_the_second_screen_is_called_2nd_when_space_is_short() -> None:
    after = workstation_scene(example("two-screens-equal"), "recommended")
    second = next(label for label in after.labels if label.name == "2nd screen")
    assert label_texts(second) == [
        "2nd screen ▼125.5 cm",
        "2nd ▼125.5 cm",
        "2nd screen ▼125.5",
        "2nd ▼125.5",
        "▼125.5",
    ]
    rows = rasterise(after, 44, 19)
    assert any("2nd ▼125.5 cm" in text(r) for r in rows)
    assert "second" in kinds_in(rows[row_of(rows, "2nd ▼125.5 cm")], label_column([after], 44))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    doc=with_screens(profile_doc_strategy()), width=st.integers(0, 160), height=st.integers(0, 60)
)
def test_any_workstation_at_any_size(doc: dict[str, Any], width: int, height: int) -> None:
    scenes = workstation_scenes(advise(parse_profile(doc)))
    frame = shared_frame(*scenes)
    for scene in scenes:
        assert_well_formed(rasterise(scene, width, height, frame), width, height)
