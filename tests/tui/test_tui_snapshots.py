"""What the screens look like (SVG snapshots; `pytest --snapshot-update` after a change)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from tui_helpers import listed, write_profile

from deskfit.tui.app import make_app

REPO = Path(__file__).resolve().parents[2]


def test_start_screen(snap_compare: Any, profiles_dir: Path) -> None:
    write_profile(profiles_dir)

    async def wait_for_the_list(pilot: Any) -> None:
        await listed(pilot)
        await pilot.pause()

    assert snap_compare(
        make_app(profiles_dir), terminal_size=(100, 30), run_before=wait_for_the_list
    )


def test_first_step(snap_compare: Any, profiles_dir: Path) -> None:
    assert snap_compare(make_app(profiles_dir, "new"), terminal_size=(100, 30))


def test_review_with_diagram(snap_compare: Any, profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)

    async def show_diagram(pilot: Any) -> None:
        pilot.app.screen.query_one("#diagram").scroll_visible(animate=False, top=True)
        await pilot.pause()

    assert snap_compare(
        make_app(profiles_dir, "open", path), terminal_size=(100, 30), run_before=show_diagram
    )


def test_review_at_80x24(snap_compare: Any, profiles_dir: Path) -> None:
    path = write_profile(profiles_dir)
    assert snap_compare(make_app(profiles_dir, "open", path), terminal_size=(80, 24))


def test_review_standing_beside_at_160x40(snap_compare: Any, profiles_dir: Path) -> None:
    # a sit-stand desk: now, after the plan and standing, side by side
    path = profiles_dir / "sit-stand-arm.toml"
    shutil.copy(REPO / "profiles" / "sit-stand-arm.toml", path)

    async def show_diagram(pilot: Any) -> None:
        pilot.app.screen.query_one("#diagram").scroll_visible(animate=False, top=True)
        await pilot.pause()

    assert snap_compare(
        make_app(profiles_dir, "open", path), terminal_size=(160, 40), run_before=show_diagram
    )
