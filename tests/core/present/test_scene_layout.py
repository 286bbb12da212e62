"""Labels stacked in a margin: in order, apart, as near their heights as they can be."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from deskfit.core.present.scene_layout import spread


def test_labels_that_fit_stay_where_they_want() -> None:
    assert spread([10, 40, 70], [10, 10, 10], 0, 100) == [10, 40, 70]


def test_crowded_labels_are_pushed_apart_in_order() -> None:
    assert spread([50, 52, 51], [10, 10, 10], 0, 100) == [50, 70, 60]


def test_labels_pushed_past_the_bottom_come_back_up() -> None:
    assert spread([10, 95], [10, 10], 0, 100) == [10, 90]
    assert spread([94, 95, 96], [10, 10, 10], 0, 100) == [70, 80, 90]


@given(
    st.lists(st.floats(-50, 150), min_size=1, max_size=8),
    st.floats(1, 20),
)
def test_never_overlapping_never_reordered(wanted: list[float], size: float) -> None:
    out = spread(wanted, [size] * len(wanted), 0, 100)
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    for a, b in pairwise(order):
        assert out[b] >= out[a] + size - 1e-9
    assert all(y >= 0 for y in out)
    if size * len(wanted) <= 100:
        assert all(y + size <= 100 + 1e-9 for y in out)
