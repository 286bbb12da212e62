"""cli_progress.py: the report's progress line on a terminal."""

from __future__ import annotations

import pytest

from deskfit.cli_progress import BAR, Progress, progress_line


def test_the_line_has_a_bar_the_count_the_rate_and_the_time_left() -> None:
    # 250 of 1,000 in 2 s: 125 a second, 750 to go → 6 s; a quarter of the bar filled
    line = progress_line(250, 1000, 2.0)
    assert (
        line
        == f"  [{'#' * (BAR // 4)}{'-' * (BAR - BAR // 4)}] 250/1,000 profiles · 125/s · 6 s left"
    )


def test_long_waits_are_minutes_and_nothing_done_has_no_rate() -> None:
    assert progress_line(10, 10_000, 1.0).endswith("· 10/s · 16 min 39 s left")
    assert progress_line(0, 50, 0.0) == f"  [{'-' * BAR}] 0/50 profiles"


def test_redrawn_at_most_ten_times_a_second_over_itself(capsys: pytest.CaptureFixture[str]) -> None:
    now = [0.0]
    bar = Progress(100, clock=lambda: now[0])
    for done in range(1, 11):  # ten updates within 50 ms: drawn once
        now[0] = done * 0.005
        bar.update(done)
    now[0] = 0.2
    bar.update(40)  # a tenth of a second later: drawn again
    bar.finish()
    err = capsys.readouterr().err
    assert err.count("\r") == 3  # the first update, the one at 0.2 s, and the last
    assert err.endswith("] 40/100 profiles · 200/s · 0 s left\n")
